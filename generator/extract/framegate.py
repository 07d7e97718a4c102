"""Which case-blind alternations of the stance frames a sentence cannot match in.

`framed` searched every `object_of` pattern from 80 characters before each cue to the end
of its sentence: case-blind, a lookahead of up to 100 characters inside, and most
sentences hold none of the patterns' words, so nearly every search found nothing after
trying every position. An alternation matches only where one of its alternatives does,
and each alternative only in a text holding a piece of each of its `needles.pieces`
groups. On plain text (`casefast.plain_lower`) the case-blind alternative matches where
its lower-cased twin matches the lower-cased text (`casefast.twin`), so a lower-cased
sentence holding no alternative's pieces is one the pattern matches nowhere in: a few
substring tests per sentence instead of a search per cue.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from re import _constants as c  # type: ignore[attr-defined]
from re import _parser as parser  # type: ignore[attr-defined]
from typing import Any

from .casefast import lowered, twin
from .needles import MIN_PIECE, Pieces, holds, pieces

# A group of more openings than this costs more tests than it saves.
_MAX_OPENINGS = 8

# Per alternative, the groups of pieces it needs; None: an alternative needs none that
# are worth a test (or its twin may match differently), so the pattern is never gated.
Gate = tuple[Pieces, ...] | None


def alternatives_gate(alternatives: Iterable[str]) -> Gate:
    """The gate of `(?:(?:a1)|(?:a2)|...)` compiled case-blind from `alternatives`."""
    out: list[Pieces] = []
    for source in alternatives:
        try:
            pattern = re.compile(source, re.IGNORECASE)
        except re.error:
            return None
        found = twin(pattern)
        if found is None or not found[1]:
            return None  # no lower-cased twin: lower-cased pieces prove nothing
        lower = lowered(pattern, pattern.flags & ~re.IGNORECASE)
        needed = tuple(dict.fromkeys(pieces(lower) + _openings(lower)))
        if not needed:
            return None
        out.append(needed)
    return tuple(out) or None


def _openings(pattern: re.Pattern[str]) -> Pieces:
    """Groups of the literal openings of the alternations in `pattern`'s own sequence
    ("(?:reject(?:ed)?|dismiss...)" gives "reject", "dismiss", ...): a match holds the
    text one of the alternatives matched, and so the opening it starts with. `pieces`
    takes only alternations of plain words."""
    try:
        seq = list(parser.parse(pattern.pattern, pattern.flags))
    except (re.error, RecursionError):
        return ()
    found: list[tuple[str, ...]] = []
    for op, av in _flat(seq):
        if op is not c.BRANCH:
            continue
        heads = [_opening(list(alt)) for alt in av[1]]
        if all(len(h) >= MIN_PIECE for h in heads) and len(set(heads)) <= _MAX_OPENINGS:
            found.append(tuple(dict.fromkeys(heads)))
    return tuple(found)


def _flat(seq: list[Any]) -> list[Any]:
    """The items of `seq`, groups without flags opened: each must match in turn."""
    out: list[Any] = []
    for op, av in seq:
        if op is c.SUBPATTERN and not (av[1] or av[2]):
            out += _flat(list(av[3]))
        else:
            out.append((op, av))
    return out


def _opening(seq: list[Any]) -> str:
    """The literal characters `seq` opens with (groups without flags entered)."""
    run = ""
    for op, av in _flat(seq):
        if op is not c.LITERAL:
            break
        run += chr(av)
    return run


def may_match(gate: Gate, lower: str | None) -> bool:
    """Whether the pattern of `gate` may match in the text whose lower-cased plain copy is
    `lower` (None: the text is not plain, so it may)."""
    if gate is None or lower is None:
        return True
    return any(holds(lower, needed) for needed in gate)


# `may_match` of the last gates and articles asked about, by identity of both.
_ANYWHERE: dict[tuple[int, int], tuple[Gate, str, bool]] = {}
_ANYWHERE_LIMIT = 256


def may_match_anywhere(gate: Gate, lower: str | None) -> bool:
    """`may_match(gate, lower)` for an article's lower-cased text, remembered. A gate that
    cannot match in the article cannot in any of its sentences (a sentence's lower-cased
    copy is a piece of the article's): asked first, it spares most sentences their own
    tests of gates whose words the article never uses."""
    if gate is None or lower is None:
        return True
    key = (id(gate), id(lower))
    hit = _ANYWHERE.get(key)
    if hit is None or hit[0] is not gate or hit[1] is not lower:
        if len(_ANYWHERE) >= _ANYWHERE_LIMIT:
            _ANYWHERE.clear()  # gates of finished articles
        hit = _ANYWHERE[key] = (gate, lower, may_match(gate, lower))
    return hit[2]
