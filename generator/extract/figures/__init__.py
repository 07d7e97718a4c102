"""Figures: numbers with a unit, what they measure and the entity they belong to.

A figure's property comes from the nearest cue word in its sentence among the properties
that fit its unit (`figure_properties` in quantities.yaml); its subject is the nearest
mention of an entity of a fitting kind (a range belongs to a weapon, a troop count to an
actor). When the sentence names no such entity, a weapon property looks back through the
paragraph and any figure falls back to the sentence's first mention, flagged `uncertain`.

The steps live by what they do:

- `rules`: `FigureRules`, the lexicon's figure rules compiled once per lexicon.
- `properties`: what a number measures, from the nearest cue word that fits its unit.
- `mentions`: the names that can own a figure, nationality words as their country, who a
  sentence cites, and the names before a sentence to look back at.
- `clauses`: the clause a number stands in: where it starts, its subject, whether it
  shoots the counted things down.
- `subjects`: the subject of a count, a price, a sum, a duration or a measure.
- `owners`: owners the nearest name gets wrong: the country a distance reaches into
  (across a border, to a place), the people or the group a share is of. More such rules
  live outside this package, in `figureowners`.
- `extraction`: `extract_figures`, the steps run over every number of an article.

Names with a leading underscore are shared among these modules only (and reached into by
the tests that hold the fast paths to their plain forms).
"""

from .extraction import extract_figures
from .properties import CUE_WINDOW
from .rules import FigureRules, figure_rules_for

__all__ = [
    "CUE_WINDOW",
    "FigureRules",
    "extract_figures",
    "figure_rules_for",
]
