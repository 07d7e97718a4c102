"""People an article introduces with no title, role or speech verb near their name.

A profile opens "Iryna Kovtun does not like the word" and goes on "Kovtun is blunt",
"Kovtun wants": news style names a person in full once, then by surname alone. Two
capitalised words, neither a known name nor a listed non-name, whose second word comes back
alone at least `MIN_LATER` times, are taken for a person's name.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

from .knowledge import Knowledge
from .names import Candidate

MIN_LATER = 1
# A first name and a surname: two name-like words, nothing capitalised around them.
# The lookbehinds come after the first capital, so the engine skips to capitals (same
# matches: they test the same characters before it).
_FULL = re.compile(
    r"(?P<first>[A-Z](?<![\w'’.-][A-Z])(?<![A-Z][\w'’.-] [A-Z])"
    r"[a-z\u00df-\u024f]+(?:-[A-Z]?[a-z\u00df-\u024f]+)?) "
    r"(?P<last>[A-Z][a-z\u00df-\u024f]+(?:-[A-Z]?[a-z\u00df-\u024f]+)?)"
    r"(?![\w-]| [A-Z])"
)
_CAPITAL_BEFORE = re.compile(r"[A-Z]\S* $")  # the plain form of `_capital_before`
_ASCII_CAPITAL = re.compile(r"[A-Z]")
_WORDISH = re.compile(r"[\w-]")


def _alone(text: str, at: int, stop: int, lo: int, starters: frozenset[str] = frozenset()) -> bool:
    """Whether the word at `text[at:stop]` stands alone: a whole word ("Kovtun's" counts),
    no capitalised word right before or after it but one that opens sentences ("If
    Redding's team ...": `starters`)."""
    if (at > 0 and _WORDISH.match(text, at - 1)) or _WORDISH.match(text, stop):
        return False
    after = text[stop : stop + 2]
    if after.startswith(" ") and after[1:2].isupper():
        return False
    if not _capital_before(text, max(lo, at - 30), at):
        return True
    word = text[max(lo, at - 30) : at].split()
    return bool(word) and word[-1].casefold() in starters


def _capital_before(text: str, lo: int, at: int) -> bool:
    """Whether `_CAPITAL_BEFORE.search(text, lo, at)` finds a match, without trying it at
    every position from `lo`: a space ends the match where `$` holds (at `at`, or before
    a newline ending `text[:at]`), and a capital stands in the run of non-space
    characters before that space (from `lo` on)."""
    space = at - 2 if at - 1 >= lo and text[at - 1] == "\n" else at - 1
    if space <= lo or text[space] != " ":
        return False
    run = text[lo:space]
    if run[-1].isspace():  # `\s`, as `str.isspace` (both `Py_UNICODE_ISSPACE`)
        return False
    return _ASCII_CAPITAL.search(run.rsplit(None, 1)[-1]) is not None


def _not_a_name(word: str, k: Knowledge) -> bool:
    folded = word.casefold()
    return (
        folded in k.word_set("blocked")
        or folded in k.word_set("titles")
        or word in k.organisation_heads
        or folded in k.weapon_heads
        or k.lookup(word) is not None
    )


def recurring_people(
    text: str, spans: list[tuple[int, int]], k: Knowledge, known: list[Candidate]
) -> list[Candidate]:
    """Full names (first and last) whose surname the article repeats alone."""
    full: dict[str, list[re.Match[str]]] = {}
    for start, end in spans:
        for m in _FULL.finditer(text, start, end):
            full.setdefault(m.group("last"), []).append(m)
    if not full:
        return []
    # Only the surnames of full names are counted alone, found with str.find (a regex of
    # them would be compiled anew for every article).
    alone: Counter[str] = Counter()
    starters = k.word_set("starters")  # folded
    starts = [s for s, _ in spans]
    for surname in sorted(full):
        if _not_a_name(surname, k):
            continue  # no person's surname ("Ministry", a known name): not counted below
        found_at = []
        at = text.find(surname)
        while at >= 0:
            found_at.append(at)
            at = text.find(surname, at + 1)
        if len(found_at) < MIN_LATER:
            continue  # too few to be alone often enough (most surnames: the full name only)
        for at in found_at:
            stop = at + len(surname)
            i = bisect_right(starts, at) - 1
            if i >= 0 and stop <= spans[i][1] and _alone(text, at, stop, spans[i][0], starters):
                alone[surname] += 1
    found: list[Candidate] = []
    for last, matches in sorted(full.items()):
        if alone[last] < MIN_LATER:
            continue
        for m in matches:
            first = m.group("first")
            if any(s < m.end() and m.start() < e for c in known for s, e in c.aliases):
                continue
            if _not_a_name(first, k) or _not_a_name(last, k) or k.lookup(m.group()):
                continue
            name = m.group()
            found.append(Candidate("actor", "person", name, [(m.start(), m.end())]))
            break  # one candidate per person: later mentions are found by surname
    return found
