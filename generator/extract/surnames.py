"""People an article introduces with no title, role or speech verb near their name.

A profile opens "Iryna Kovtun does not like the word" and goes on "Kovtun is blunt",
"Kovtun wants": news style names a person in full once, then by surname alone. Two
capitalised words, neither a known name nor a listed non-name, whose second word comes back
alone at least `MIN_LATER` times, are taken for a person's name.
"""

from __future__ import annotations

import re
from collections import Counter

from .knowledge import Knowledge
from .names import Candidate

MIN_LATER = 2
# A first name and a surname: two name-like words, nothing capitalised around them.
_FULL = re.compile(
    r"(?<![\w'’.-])(?<![A-Z][\w'’.-] )"
    r"(?P<first>[A-Z][a-z\u00df-\u024f]+(?:-[A-Z]?[a-z\u00df-\u024f]+)?) "
    r"(?P<last>[A-Z][a-z\u00df-\u024f]+(?:-[A-Z]?[a-z\u00df-\u024f]+)?)"
    r"(?![\w-]| [A-Z])"
)
_CAPITAL_BEFORE = re.compile(r"[A-Z]\S* $")
_ALONE = re.compile(r"(?<![\w-])[A-Z][a-z\u00df-\u024f]+(?:-[A-Z]?[a-z\u00df-\u024f]+)?(?![\w-])")


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
    taken = {i for c in known for s, e in c.aliases for i in range(s, e)}
    alone: Counter[str] = Counter()
    full: dict[str, list[re.Match[str]]] = {}
    for start, end in spans:
        for m in _FULL.finditer(text, start, end):
            full.setdefault(m.group("last"), []).append(m)
        for m in _ALONE.finditer(text, start, end):
            # Alone: no capitalised word right before or after it ("Kovtun's" counts).
            after = text[m.end() : m.end() + 2]
            if _CAPITAL_BEFORE.search(text, max(start, m.start() - 30), m.start()) is None and not (
                after.startswith(" ") and after[1:2].isupper()
            ):
                alone[m.group()] += 1
    found: list[Candidate] = []
    for last, matches in sorted(full.items()):
        if alone[last] < MIN_LATER:
            continue
        for m in matches:
            first = m.group("first")
            if any(i in taken for i in range(m.start(), m.end())):
                continue
            if _not_a_name(first, k) or _not_a_name(last, k) or k.lookup(m.group()):
                continue
            name = m.group()
            found.append(Candidate("actor", "person", name, [(m.start(), m.end())]))
            break  # one candidate per person: later mentions are found by surname
    return found
