"""Counts that leave their noun to the sentence before ("Australia ordered 600 Bunyips.
About 230 have been delivered"): a bare number before a verb, counted in the noun of the
last count of the paragraph so far."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ..quantities import Quantity, find_quantities

# A bare number (a hedge may stand before it) right before an auxiliary verb.
_BARE = re.compile(
    r"(?<![\w.,$\u20ac\u00a3%/-])(?P<n>\d[\d,]*)(?=\s+(?:have|has|had|were|was|are|is|will)\b)"
)


def elliptical_counts(
    text: str, lo: int, hi: int, found: list[Quantity], before: Quantity | None, rules: Any
) -> list[Quantity]:
    """Counts in `text[lo:hi]` (one sentence) of a bare number before a verb, in the unit of
    `before` (the paragraph's last count), read as "<number> <unit>" would be."""
    if before is None or before.dimension != "count":
        return []
    out: list[Quantity] = []
    for m in _BARE.finditer(text, lo, hi):
        if any(q.start <= m.start() < q.end for q in found):
            continue
        start = max(lo, m.start() - 30)
        probe = f"{text[start : m.end()]} {before.unit}"
        counted = [q for q in find_quantities(probe, rules, start) if q.skip is None]
        last = counted[-1] if counted else None
        if last is None or last.end != start + len(probe) or last.dimension != "count":
            continue
        out.append(replace(last, end=m.end(), text=text[last.start : m.end()]))
    return out
