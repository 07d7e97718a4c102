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

MIN_LATER = 2
# A first name and a surname: two name-like words, nothing capitalised around them.
# The lookbehinds come after the first capital, so the engine skips to capitals (same
# matches: they test the same characters before it).
_FULL = re.compile(
    r"(?P<first>[A-Z](?<![\w'’.-][A-Z])(?<![A-Z][\w'’.-] [A-Z])"
    r"[a-z\u00df-\u024f]+(?:-[A-Z]?[a-z\u00df-\u024f]+)?) "
    r"(?P<last>[A-Z][a-z\u00df-\u024f]+(?:-[A-Z]?[a-z\u00df-\u024f]+)?)"
    r"(?![\w-]| [A-Z])"
)
_CAPITAL_BEFORE = re.compile(r"[A-Z]\S* $")
_WORDISH = re.compile(r"[\w-]")


def _alone(text: str, at: int, stop: int, lo: int) -> bool:
    """Whether the word at `text[at:stop]` stands alone: a whole word ("Kovtun's" counts),
    no capitalised word right before or after it."""
    if (at > 0 and _WORDISH.match(text, at - 1)) or _WORDISH.match(text, stop):
        return False
    after = text[stop : stop + 2]
    if after.startswith(" ") and after[1:2].isupper():
        return False
    return _CAPITAL_BEFORE.search(text, max(lo, at - 30), at) is None


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
    starts = [s for s, _ in spans]
    for surname in sorted(full):
        at = text.find(surname)
        while at >= 0:
            stop = at + len(surname)
            i = bisect_right(starts, at) - 1
            if i >= 0 and stop <= spans[i][1] and _alone(text, at, stop, spans[i][0]):
                alone[surname] += 1
            at = text.find(surname, at + 1)
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
