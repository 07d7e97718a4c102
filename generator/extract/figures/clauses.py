"""The clause a number stands in: where it starts (after "that", a conjunction, a semicolon
or a speech verb), its first actor or entity before the number, and whether it shoots the
counted things down before it.
"""

from __future__ import annotations

import re
from typing import Any

from .. import casefast
from ..quantities import Quantity
from .mentions import _kind
from .rules import FigureRules

# Where a clause with a subject of its own begins (grammar, not domain words).
# An opening "According to X," too: the source is no subject of what follows ("According
# to the Air Force, Russia attacked with 96 drones").
#
# Each is written so that every alternative opens with a literal character: re then skips
# in C to the few characters a boundary can start with. Written plainly
# (`\bthat\s|,\s|...|\b[Aa]ccording to ...`), re tried every alternative at every
# position of the 400 characters before each number (some 20 µs a number; 7 µs so).
# The same matches: `\b` before a word's first letter is "no word character before it",
# the lookbehind after that letter (`t(?<!\wt)hat`); the alternatives open with
# different characters, so their order does not matter; the final `\s` of every
# alternative is written once after them.
_CLAUSE = re.compile(
    r"(?:t(?<!\wt)hat|,\s+(?:and|but|while|whereas)|;|\.|A(?<!\wA)ccording to [^,;.]{1,80},"
    r"|a(?<!\wa)ccording to [^,;.]{1,80},)\s"
)
# Any comma too: an opening phrase ("According to the Kiel Institute, Germany has
# committed ...") names a source, not the payer. (`\bthat\s|,\s|;\s|\.\s`, as above.)
_ANY_CLAUSE = re.compile(r"(?:t(?<!\wt)hat|,|;|\.)\s")
# The same within one sentence: "Mr. Biden" holds no boundary. (`\bthat\s|,\s|;\s`.)
_INNER_CLAUSE = re.compile(r"(?:t(?<!\wt)hat|,|;)\s")


def _clause_start(
    q: Quantity, text: str, knowledge: Any, boundary: re.Pattern[str] = _CLAUSE
) -> int:
    """Where the clause holding the number starts: after "that", a comma before a
    conjunction, a semicolon, or a speech verb ("Kyiv says Russia has 600,000 troops":
    Russia's troops, not Kyiv's)."""
    lo = max(0, q.start - 400)
    ends = [b.end() for b in boundary.finditer(text, lo, q.start) if b.end() <= q.start]
    verb = getattr(knowledge, "speech_verb", None)
    if verb is not None:
        ends += [end for _start, end in casefast.spans(verb, text, lo, q.start)]
    return max(ends, default=0)


def _clause_actor(
    q: Quantity, pool: list[Any], text: str, knowledge: Any, any_kind: bool = False
) -> Any | None:
    """The first actor (or, with `any_kind`, the first entity) of the number's clause,
    before the number: its subject ("Germany has given Ukraine aid worth EUR 28 billion" is
    Germany's money)."""
    clause = _clause_start(q, text, knowledge, _INNER_CLAUSE if any_kind else _ANY_CLAUSE)
    return next(
        (
            m
            for m in pool
            # A boundary inside a name is none ("The U.S. State Department": ". " in "U.S.").
            if clause < m.end and m.end <= q.start and (any_kind or _kind(knowledge, m) == "actor")
        ),
        None,
    )


def _intercepted(q: Quantity, text: str, rules: FigureRules, knowledge: Any) -> bool:
    """Whether the number's clause shoots its things down before it ("Russian air defence
    forces intercepted and destroyed 36 Ukrainian drones"): ANNOTATING.md gives such counts
    to the interceptor, the clause's subject."""
    if rules.interception is None:
        return False
    start = _clause_start(q, text, knowledge)
    return rules.interception.search(text, start, q.start) is not None
