"""Figures: numbers with a unit, what they measure and the entity they belong to.

A figure's property comes from the nearest cue word in its sentence among the properties
that fit its unit (`figure_properties` in quantities.yaml); its subject is the nearest
mention of an entity of a fitting kind (a range belongs to a weapon, a troop count to an
actor). When the sentence names no such entity, a weapon property looks back through the
paragraph and any figure falls back to the sentence's first mention, flagged `uncertain`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..sources import Source
from .dates import date_rules_for, find_dates
from .factbits import (
    citation,
    entity_info,
    in_span,
    is_garbled,
    lexicon_data,
    plain_number,
    stable_id,
)
from .quantities import Quantity, find_quantities, rules_for

# Gap between a number and a cue that still belongs to the same phrase ("300-kilometer
# maximum range"): at most one word, no punctuation.
_SAME_PHRASE = re.compile(r"^(?:[\s-]+|\s+[A-Za-z]+\s+)$")
# Farther than this from a figure a cue word describes something else.
CUE_WINDOW = 60


@dataclass(frozen=True)
class _Property:
    name: str
    dimensions: frozenset[str]
    kinds: tuple[str, ...]
    default: bool
    cues: re.Pattern[str] | None
    joins: bool


@dataclass(frozen=True)
class FigureRules:
    properties: tuple[_Property, ...]
    excluded: frozenset[str]  # entity categories never a figure's subject (media)
    demonyms: re.Pattern[str] | None  # "North Korean" inside a counted phrase
    demonym_ids: dict[str, str]


def _build(data: dict[str, Any]) -> FigureRules:
    props = []
    for raw in data.get("figure_properties") or []:
        cues = sorted((str(c) for c in raw.get("cues") or []), key=lambda c: (-len(c), c))
        pattern = (
            re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, cues))})(?!\w)", re.IGNORECASE)
            if cues
            else None
        )
        props.append(
            _Property(
                str(raw["property"]),
                frozenset(raw.get("dimensions") or ()),
                tuple(raw.get("subject_kinds") or ()),
                bool(raw.get("default")),
                pattern,
                bool(raw.get("joins_figure")),
            )
        )
    excluded = frozenset(str(c) for c in data.get("figure_subject_exclude_categories") or [])
    demonym_ids = {str(k): str(v) for k, v in (data.get("demonym_of") or {}).items()}
    names = sorted(demonym_ids, key=lambda n: (-len(n), n))
    demonyms = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, names))})(?!\w)") if names else None
    return FigureRules(tuple(props), excluded, demonyms, demonym_ids)


_CACHE: dict[int, tuple[dict[str, Any], FigureRules]] = {}


def figure_rules_for(data: dict[str, Any]) -> FigureRules:
    hit = _CACHE.get(id(data))
    if hit is None or hit[0] is not data:
        hit = (data, _build(data))
        _CACHE[id(data)] = hit
    return hit[1]


def _property(
    q: Quantity, text: str, base: int, rules: FigureRules
) -> tuple[str | None, tuple[str, ...], int]:
    """(property, subject kinds, end of the figure's phrase) for a measured quantity."""
    best: tuple[int, _Property, int] | None = None
    for prop in rules.properties:
        if q.dimension not in prop.dimensions or prop.cues is None:
            continue
        for m in prop.cues.finditer(text):
            start, end = base + m.start(), base + m.end()
            gap = start - q.end if start >= q.end else q.start - end
            if gap < -len(q.text) or gap > CUE_WINDOW:
                continue
            if best is None or gap < best[0]:
                joined = prop.joins and start >= q.end
                extend = (
                    end
                    if joined and _SAME_PHRASE.match(text[q.end - base : m.start()] or " ")
                    else q.end
                )
                best = (gap, prop, extend)
    if best is not None:
        return best[1].name, best[1].kinds, best[2]
    for prop in rules.properties:
        if prop.default and q.dimension in prop.dimensions:
            return prop.name, prop.kinds, q.end
    return None, (), q.end


def _subject(
    start: int,
    end: int,
    kinds: tuple[str, ...],
    sentence_mentions: list[Any],
    earlier_mentions: list[Any],
    knowledge: Any,
    rules: FigureRules,
) -> tuple[str | None, bool]:
    """(entity id, uncertain): the nearest mention of a fitting kind, else a fallback.

    "the 190-mile-range weapon" names no weapon: it refers back, so a weapon-only property
    takes the nearest weapon of this paragraph or the one before (`earlier_mentions`).
    """

    def usable(m: Any) -> bool:
        return entity_info(knowledge, m.entity_id)[1] not in rules.excluded

    def distance(m: Any) -> tuple[bool, int, int]:
        # The doer is usually named before the number ("Russia launched 479 drones and 20
        # missiles at Ukraine"): an earlier mention wins over a nearer later one.
        after = m.start >= end
        return after, max(m.start - end, start - m.end, 0), m.start

    pool = [m for m in sentence_mentions if usable(m)]
    fitting = [m for m in pool if not kinds or entity_info(knowledge, m.entity_id)[0] in kinds]
    if fitting:
        return min(fitting, key=distance).entity_id, False
    if kinds == ("weapon",):
        nearby = [
            m
            for m in earlier_mentions
            if usable(m) and entity_info(knowledge, m.entity_id)[0] == "weapon"
        ]
        if nearby:
            return min(nearby, key=distance).entity_id, True
    return (pool[0].entity_id, True) if pool else (None, False)


def _context(source: Source, offset: int) -> tuple[int, int]:
    """The span of the paragraph holding `offset` and the paragraph before it."""
    for index, para in enumerate(source.paragraphs):
        if para.start <= offset < para.end:
            return source.paragraphs[max(0, index - 1)].start, para.end
    return offset, offset


def extract_figures(
    source: Source, sentences: list[Any], mentions: list[Any], knowledge: Any
) -> list[dict[str, Any]]:
    """Figure items (data schema `figure`) for every usable number in `sentences`."""
    data = lexicon_data(knowledge)
    qrules, drules, frules = rules_for(data), date_rules_for(data), figure_rules_for(data)
    figures: list[dict[str, Any]] = []
    previous: str | None = None
    for sentence in sentences:
        text = source.text[sentence.start : sentence.end]
        before, previous = previous, text
        quantities = [q for q in find_quantities(text, qrules, sentence.start) if q.skip is None]
        if not quantities:
            continue
        dates = find_dates(text, source.published, drules, sentence.start)
        in_sentence = in_span(mentions, sentence.start, sentence.end)
        nearby = in_span(mentions, *_context(source, sentence.start))
        garbled = is_garbled(text, before, knowledge)
        for q in quantities:
            if any(d.start < q.end and q.start < d.end for d in dates):
                continue  # "17, 2024" belongs to a date
            prop: str | None = q.property
            if prop is not None:
                kinds, end = q.subject_kinds, q.end
            else:
                prop, kinds, end = _property(q, text, sentence.start, frules)
            subject, uncertain = _subject(
                q.start, end, kinds, in_sentence, nearby, knowledge, frules
            )
            own = (
                frules.demonyms.search(q.text)
                if frules.demonyms and q.dimension == "count"
                else None
            )
            if own is not None and frules.demonym_ids[own.group()] in getattr(
                knowledge, "entities", {}
            ):
                subject, uncertain = frules.demonym_ids[own.group()], False
            if subject is None:
                continue  # the schema needs a subject; a number about nothing named is noise
            flags = [f for f, on in (("garbled", garbled), ("uncertain", uncertain)) if on]
            value = (
                [plain_number(v) for v in q.value]
                if isinstance(q.value, tuple)
                else plain_number(q.value)
            )
            item: dict[str, Any] = {
                "id": stable_id("fig", source.id, q.start, end),
                "subject": subject,
                "property": prop,
                "value": value,
                "unit": q.unit,
                "hedge": q.hedge,
                "text": source.text[q.start : end],
                "citations": [citation(source, sentence.start, sentence.end)],
            }
            if prop is None:
                del item["property"]
            if flags:
                item["flags"] = flags
            figures.append(item)
    return figures
