"""What a number measures: the property whose cue word is nearest to it among those that fit
its unit (`figure_properties` in quantities.yaml), else the unit's default property.
"""

from __future__ import annotations

import re

from ..quantities import Quantity
from .rules import FigureRules, _Property

# Gap between a number and a cue that still belongs to the same phrase ("300-kilometer
# maximum range"): at most one word, no punctuation.
_SAME_PHRASE = re.compile(r"^(?:[\s-]+|\s+[A-Za-z]+\s+)$")
# Farther than this from a figure a cue word describes something else.
CUE_WINDOW = 60


def _property(
    q: Quantity, text: str, base: int, rules: FigureRules
) -> tuple[str | None, tuple[str, ...], int]:
    """(property, subject kinds, end of the figure's phrase) for a measured quantity."""
    best: tuple[int, _Property, int, int] | None = None
    for prop in rules.properties:
        if q.dimension not in prop.dimensions or prop.cues is None:
            continue
        for m in prop.cues.finditer(text):
            start, end = base + m.start(), base + m.end()
            gap = start - q.end if start >= q.end else q.start - end
            if gap < -len(q.text) or gap > CUE_WINDOW:
                continue
            # At equal distance the longer cue is the more specific ("aid worth" is
            # funding, "worth" alone a cost).
            if best is None or (gap, -len(m.group())) < (best[0], -best[3]):
                joined = prop.joins and start >= q.end
                extend = (
                    end
                    if joined and _SAME_PHRASE.match(text[q.end - base : m.start()] or " ")
                    else q.end
                )
                best = (gap, prop, extend, len(m.group()))
    if best is not None:
        return best[1].name, best[1].kinds, best[2]
    for prop in rules.properties:
        if prop.default and q.dimension in prop.dimensions:
            return prop.name, prop.kinds, q.end
    return None, (), q.end
