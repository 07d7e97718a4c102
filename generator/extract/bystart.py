"""Mentions picked by where they start: a slice found by bisection, not a pass over all.

The speaker resolution asks, for every speech verb, which mentions of the article lie
between two offsets (`[m for m in outside if lo <= m.start and m.end <= hi and ...]`),
a pass over every mention each time. The mentions come sorted by start; then those that
can pass such a test are one slice (`start` within the bounds; `end` >= `start`), in the
same order, and the test itself is still made on each of them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import pairwise

from .entities import Mention


class ByStart:
    """`items` (mentions), with `between` for those starting in a range."""

    def __init__(self, items: Sequence[Mention]) -> None:
        self.items = list(items)
        self.starts = [m.start for m in self.items]
        # Out of order (or ending before they start): every item is a candidate.
        self.ordered = all(a <= b for a, b in pairwise(self.starts)) and all(
            m.start <= m.end for m in self.items
        )

    def between(self, lo: int | None, hi: int) -> list[Mention]:
        """The items in order, among them every one with `lo <= start <= hi` (`lo` None:
        no lower bound). A superset when the items are not sorted: callers keep testing."""
        if not self.ordered:
            return self.items
        i = 0 if lo is None else bisect_left(self.starts, lo)
        return self.items[i : bisect_right(self.starts, hi)]


def after_last_end(ends: list[int], start: int, pos: int) -> int:
    """`max([start, *(e + 1 for e in ends if start <= e < pos)])` for sorted `ends`: the
    last one before `pos` by bisection (if it is before `start`, so are all before it)."""
    at = bisect_left(ends, pos)
    return max(start, ends[at - 1] + 1) if at else start
