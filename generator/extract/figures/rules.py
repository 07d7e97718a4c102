"""The lexicon's figure rules (`FigureRules`), compiled once per lexicon: the properties a
figure can measure and their cue words, the nationality words, who a sentence cites, and
the word lists that turn a number away or give it another owner.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

# Where a figure's phrase ends, past its twin in brackets if any ("320 kilometers (200
# miles)"), for the words after it.
_AFTER_TWIN = r"(?:\s*\([^()]{1,40}\))?\)?"


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
    # Who a sentence cites ("according to X", "X said", "said X"): its source, not what a
    # measure describes. Matched before and after a mention.
    source_before: re.Pattern[str] | None
    source_after: re.Pattern[str] | None
    time_point: re.Pattern[str] | None = None  # "ago", "on", "later" after a duration
    # "two people familiar with the deal": unnamed sources, not a count (lexicon
    # `source_count_words`).
    source_count: re.Pattern[str] | None = None
    # "U.S.-made": a nationality naming the maker, not the owner (lexicon `origin_words`).
    origin: re.Pattern[str] | None = None
    # "intercepted 36 Ukrainian drones": counts shot down are the interceptor's, not those
    # of the nationality inside the phrase (lexicon `interception_verbs`).
    interception: re.Pattern[str] | None = None
    # "145 miles southwest of Moscow", "300 km inside Russia": a distance into the place's
    # country (lexicon `direction_words`).
    direction: re.Pattern[str] | None = None
    # Counts a body keeps rather than its country (lexicon `body_units`: a vote's tally is
    # the chamber's).
    body_units: frozenset[str] = frozenset()
    # "cleared it for targets up to 500 km inside Russia": a limit, its setter's (lexicon
    # `limit_words`).
    limit: re.Pattern[str] | None = None
    # "The government decided to give Ukraine ...": the home country pays (lexicon
    # `home_payers`).
    home_payer: re.Pattern[str] | None = None
    # The counted unit of a vote's tally (lexicon `tally_unit`).
    tally_unit: str | None = None


def _alternation(data: dict[str, Any], key: str) -> str:
    """The lexicon's word list `key` as a regex alternation, longest first ("" if none)."""
    words = sorted((str(w) for w in data.get(key) or []), key=len, reverse=True)
    return "|".join(map(re.escape, words))


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
    verbs = "|".join(
        map(re.escape, sorted({str(v) for v in data.get("speech_verbs") or []}, key=len)[::-1])
    )
    cites = rf"\baccording\s+to|\b(?:{verbs})" if verbs else r"\baccording\s+to"
    source_before = re.compile(rf"(?i:{cites})\s+(?:the\s+)?$")
    source_after = re.compile(rf",?\s+(?i:{verbs})\b") if verbs else None
    points = _alternation(data, "time_point_words")
    time_point = re.compile(rf"\s+(?i:{points})(?!\w)") if points else None
    sourcing = _alternation(data, "source_count_words")
    source_count = re.compile(rf"\s+(?i:{sourcing})(?!\w)") if sourcing else None
    origins = _alternation(data, "origin_words")
    origin = re.compile(rf"[-\s](?i:{origins})(?!\w)") if origins else None
    intercepts = _alternation(data, "interception_verbs")
    interception = re.compile(rf"(?<!\w)(?i:{intercepts})(?!\w)") if intercepts else None
    directions = _alternation(data, "direction_words")
    direction = (
        re.compile(
            rf"{_AFTER_TWIN}\s+(?i:{directions})\s+(?:of\s+)?(?:the\s+)?"
            r"(?P<place>[A-Z][\w-]*(?:\s[A-Z][\w-]*)?)"
        )
        if directions
        else None
    )
    limits = _alternation(data, "limit_words")
    limit = re.compile(rf"(?<!\w)(?i:{limits})(?!\w)") if limits else None
    payers = _alternation(data, "home_payers")
    home_payer = re.compile(rf"(?<!\w)(?i:{payers})(?!\w)") if payers else None
    return FigureRules(
        tuple(props),
        excluded,
        demonyms,
        demonym_ids,
        source_before,
        source_after,
        time_point,
        source_count,
        origin,
        interception,
        direction,
        frozenset(str(u) for u in data.get("body_units") or []),
        limit,
        home_payer,
        str(data["tally_unit"]) if data.get("tally_unit") else None,
    )


_CACHE: dict[int, tuple[dict[str, Any], FigureRules]] = {}


def figure_rules_for(data: dict[str, Any]) -> FigureRules:
    hit = _CACHE.get(id(data))
    if hit is None or hit[0] is not data:
        hit = (data, _build(data))
        _CACHE[id(data)] = hit
    return hit[1]
