"""Matches of a pattern that opens on a listed word, tried only where such a word starts.

The name patterns that open on a case-blind word list ("said|told|...", the role nouns)
cannot use re's scan for a leading character (their words begin with most letters, and a
lookbehind comes first), so `finditer` entered them at every position of a sentence.
`wordgate` already knows which of the list's words the sentence holds (a set test on its
`\\w+` runs); where a match starts, the text lower-cased starts with the first run of one
of those words (`wordgate.first_runs`). So `str.find` of those few runs gives every
position a match can start at, and `pattern.match` there, taken as `finditer` takes
matches (leftmost first, the next search from the end of the last), gives its matches.

Exact when `lower` is the sentence's `lower()` with each character in its place, which
`names` ensures by passing None for sentences holding a character case-blind re folds
onto an ASCII letter (`names.gates._FOLDS_TO_ASCII`), and when every match of the pattern opens
on a whole word of the list (a non-word character, or the sentence's start, before it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from .wordgate import words_of


def run_starts(lower: str, offset: int, runs: frozenset[str]) -> list[int]:
    """Where in the text (`offset` + index in `lower`) one of `runs` that `lower` holds as
    a whole word is written, whole or not (a superset of where a list word starts)."""
    found: list[int] = []
    for run in runs.intersection(words_of(lower)):
        at = lower.find(run)
        while at >= 0:
            found.append(offset + at)
            at = lower.find(run, at + 1)
    found.sort()
    return found


def matches_at(
    pattern: re.Pattern[str], text: str, end: int, starts: list[int]
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text, starts[0], end)` when no match starts elsewhere than at
    one of `starts` (ascending): `match` at each, after the end of the last match."""
    after = -1
    for at in starts:
        if at < after:
            continue
        m = pattern.match(text, at, end)
        if m is None:
            continue
        if m.end() == at:
            # After an empty match finditer tries the same place again for a longer one:
            # none of the name patterns matches empty, but stay exact if one did.
            rest = pattern.finditer(text, at, end)
            yield from rest
            return
        yield m
        after = m.end()


def matches_reaching(
    finditer: Callable[[int], Iterator[re.Match[str]]], pos: int, starts: list[int], reach: int
) -> Iterator[re.Match[str]]:
    """`finditer(pos)`'s matches, for a pattern each match of which holds one of `starts`
    (ascending) at most `reach` characters after its own start: the search resumes only
    that far before the next of them (a weapon noun after up to two modifiers, "long-range
    cruise missile"), instead of running on through the words between."""
    i = 0
    while True:
        while i < len(starts) and starts[i] < pos:
            i += 1  # a match from `pos` on holds a start from `pos` on
        if i == len(starts):
            return
        found = finditer(max(pos, starts[i] - reach))
        m = next(found, None)
        if m is None:
            return
        yield m
        if m.end() == m.start():  # finditer's own way past an empty match
            yield from found
            return
        pos = m.end()
