"""The names a figure can belong to: mentions that are no news outlet, no qualifier of an
unnamed source and no base a variant is described from (`_usable`), nationality words as
their country (`_Spot`, `_nations`), who the sentence cites (`_cited`), and the names of
the paragraph and the article before a sentence, looked back at when it names none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ...sources import Source
from .. import casefast
from ..factbits import InSpan, entity_info, per_lexicon
from .rules import FigureRules

# The word after a mention: "U.S. officials" names an unnamed source's country, no owner.
_NEXT_WORD = re.compile(r"\s+([\w-]+)")
# Whom words were addressed to ("wrote in a letter to the Tweede Kamer", "told
# broadcaster NOS"): a listener, no figure's owner.
_ADDRESSEE = re.compile(
    r"\b(?:(?:letter|message|speech|statement|report|briefing|note|memo|submission)s?\s+to"
    r"|wrote\s+to|told|briefed)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}$"
)
_ADDRESSEE_REACH = 40
# A reported clause about the speaker itself opens with a pronoun (grammar, not domain words).
_SELF = re.compile(r"(?:\s+that)?\s+(?:he|she|it|they|its|his|her|their|we|our|I)\b")


@dataclass(frozen=True)
class _Spot:
    """An entity named at `start:end`: a mention, or a nationality word ("Russian forces")."""

    entity_id: str
    start: int
    end: int


def _kind(knowledge: Any, spot: Any) -> str | None:
    return entity_info(knowledge, spot.entity_id)[0]


class _Earlier:
    """The usable mentions before `until`, worked out on first use only."""

    def __init__(self, inside: InSpan, until: int, text: str, ctx: _Usable) -> None:
        self._args = (inside, until, text, ctx)
        self._found: list[Any] | None = None

    def mentions(self) -> list[Any]:
        if self._found is None:
            inside, until, text, ctx = self._args
            self._found = _usable(inside(0, until), text, ctx)
        return self._found


@dataclass(frozen=True)
class _Usable:
    knowledge: Any
    excluded: frozenset[str]  # categories never a subject (media)
    anonymous: frozenset[str]  # "officials", "sources"
    # Each mention's verdict (`_usable`), by what it reads of the mention (its entity and
    # span) and the text it is in: a sentence's mentions are asked about again as the
    # names before every later sentence with a number in their paragraph and the next
    # (`_context`), and as the article's earlier names (`_Earlier`): two in five verdicts
    # were asked before. One `_Usable` serves one article's figures. (A tuple of plain
    # values is hashed and compared in C, a mention by its dataclass methods in Python.)
    verdicts: dict[tuple[str, int, int, str], bool] = field(
        default_factory=dict, compare=False, repr=False
    )


def _anonymous(knowledge: Any) -> frozenset[str]:
    words = getattr(knowledge, "word_set", None)
    return words("anonymous_sources") if callable(words) else frozenset()


def _usable(mentions: list[Any], text: str, ctx: _Usable) -> list[Any]:
    """Mentions that can own a figure: not a news outlet, not a qualifier of an unnamed
    source ("U.S. officials said": the country says who spoke, it does nothing), not a
    listener ("wrote in a letter to the Tweede Kamer")."""
    out = []
    verdicts = ctx.verdicts
    for m in mentions:
        key = (m.entity_id, m.start, m.end, text)
        usable = verdicts.get(key)
        if usable is None:
            usable = verdicts[key] = _usable_one(m, text, ctx)
        if usable:
            out.append(m)
    return out


def _usable_one(m: Any, text: str, ctx: _Usable) -> bool:
    """Whether mention `m` can own a figure (see `_usable`)."""
    if entity_info(ctx.knowledge, m.entity_id)[1] in ctx.excluded:
        return False
    nxt = _NEXT_WORD.match(text, m.end)
    if nxt is not None and nxt.group(1).casefold() in ctx.anonymous:
        return False
    base = _variant_of(ctx.knowledge)
    if base is not None and base.search(text, max(0, m.start - 60), m.start):
        return False  # "a new version of the Taurus": the base, not what is described
    return not _ADDRESSEE.search(text, max(0, m.start - _ADDRESSEE_REACH), m.start)


def _build_variant_of(data: dict[str, Any]) -> re.Pattern[str] | None:
    nouns = [str(w) for w in data.get("weapon_variant_nouns") or []]
    if not nouns:
        return None
    return re.compile(
        rf"\b(?:{'|'.join(map(re.escape, nouns))})s?\s+of\s+(?:the\s+|a\s+|an\s+)?"
        r"(?:[\w-]+\s+){0,3}$"
    )


_variant_of = per_lexicon(_build_variant_of)


def _cited(m: Any, text: str, start: int, rules: FigureRules) -> bool:
    """Whether mention `m` names whom its sentence cites ("according to X", "X said")."""
    if rules.source_before is not None and rules.source_before.search(
        text, max(start, m.start - 20), m.start
    ):
        return True
    said = rules.source_after.match(text, m.end) if rules.source_after is not None else None
    # "Trump said he could end the war in one day": the one who speaks is the subject.
    return said is not None and _SELF.match(text, said.end()) is None


def _nations(text: str, offset: int, rules: FigureRules, knowledge: Any) -> list[_Spot]:
    """Nationality words in the sentence `text` ("Russian forces"), as the country."""
    if rules.demonyms is None:
        return []
    known = getattr(knowledge, "entities", {})
    return [
        _Spot(rules.demonym_ids[text[start:end]], offset + start, offset + end)
        # The twin branching on first characters: re tried all of some 150 names, one
        # by one, at every position (`casefast`); its spans alone are enough.
        for start, end in casefast.spans(rules.demonyms, text)
        if rules.demonym_ids[text[start:end]] in known
    ]


def _context(source: Source, offset: int) -> tuple[int, int]:
    """The span of the paragraph holding `offset` and the paragraph before it."""
    for index, para in enumerate(source.paragraphs):
        if para.start <= offset < para.end:
            return source.paragraphs[max(0, index - 1)].start, para.end
    return offset, offset
