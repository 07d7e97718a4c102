"""Small pieces the figure and event extractors share: ids, citations, mentions, lexicon access."""

from __future__ import annotations

import hashlib
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any, Protocol, TypeVar

from ..sources import Layout, Source

T = TypeVar("T")
_DEFAULT_LEXICON = Path(__file__).resolve().parents[2] / "data" / "lexicon"


class MentionLike(Protocol):
    @property
    def entity_id(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


@lru_cache(maxsize=1)
def _default_data() -> dict[str, Any]:
    from ..lexicon import load_lexicon

    lexicon, _problems = load_lexicon(_DEFAULT_LEXICON)
    return lexicon.data


def layout_of(knowledge: Any) -> Layout | None:
    """The lexicon's layout cues behind `knowledge` (datelines, time stamps), if any."""
    lexicon = getattr(knowledge, "lexicon", None)
    return lexicon.layout if lexicon else None


def lexicon_data(knowledge: Any) -> dict[str, Any]:
    """The merged lexicon data behind `knowledge` (the repository's when it carries none).

    Knowledge is built from a Lexicon; figures and dates need its word lists, which the
    Knowledge object keeps as `lexicon` (or `lexicon_data`) when it has them.
    """
    for name in ("lexicon_data", "lexicon"):
        found = getattr(knowledge, name, None)
        data = getattr(found, "data", found)
        if isinstance(data, dict):
            return data
    return _default_data()


def per_lexicon(build: Callable[[dict[str, Any]], T]) -> Callable[[Any], T]:
    """`build` run once per lexicon: the returned function maps a Knowledge (or anything
    `lexicon_data` reads) to the rules compiled from its lexicon, rebuilt only when the
    lexicon object changes. Rule sets that run on every sentence are compiled this way."""
    cache: dict[int, tuple[dict[str, Any], T]] = {}
    # The last Knowledge asked about and its rules: an article's extractors ask some 350
    # times, nearly always with one Knowledge, and finding the lexicon behind it (two
    # getattr misses on the way) cost more than the rest. Held, so its id is not reused.
    last: list[Any] = [_NOTHING, None]

    def rules(knowledge: Any) -> T:
        if knowledge is last[0]:
            return last[1]  # type: ignore[no-any-return]
        data = lexicon_data(knowledge)
        hit = cache.get(id(data))
        if hit is None or hit[0] is not data:  # a new object may reuse a freed id
            hit = cache[id(data)] = (data, build(data))
        last[:] = [knowledge, hit[1]]
        return hit[1]

    return rules


_NOTHING = object()  # `per_lexicon`'s last Knowledge before the first


def per_knowledge(build: Callable[[Any], T]) -> Callable[[Any], T]:
    """`build(knowledge)` kept per Knowledge object (the last few): for rules asked for on
    every sentence, where `per_lexicon` would look for the lexicon behind it each time.
    A Knowledge does not change once built, so its answer does not either."""
    cache: dict[int, tuple[Any, T]] = {}

    def rules(knowledge: Any) -> T:
        hit = cache.get(id(knowledge))
        if hit is None or hit[0] is not knowledge:  # a new object may reuse a freed id
            if len(cache) >= 8:
                cache.clear()
            hit = cache[id(knowledge)] = (knowledge, build(knowledge))
        return hit[1]

    return rules


def units_of(knowledge: Any) -> dict[str, Any]:
    """Typed units (`generator.model.Unit`) by id, from the lexicon behind `knowledge`."""
    found = getattr(knowledge, "lexicon", None)
    units = getattr(found, "units", None)
    if isinstance(units, dict) and units:
        return units
    return _default_units()


@lru_cache(maxsize=1)
def _default_units() -> dict[str, Any]:
    from ..lexicon import load_lexicon

    lexicon, _problems = load_lexicon(_DEFAULT_LEXICON)
    return lexicon.units


def stable_id(prefix: str, *parts: object) -> str:
    """`<prefix>-` and 10 hex digits of the SHA-1 of the parts: same input, same id."""
    digest = hashlib.sha1(":".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:10]}"


def citation(source: Source, start: int, end: int) -> dict[str, Any]:
    """A citation of `source.text[start:end]` with its exact offsets."""
    return {"source": source.id, "quote": source.text[start:end], "start": start, "end": end}


def entity_info(knowledge: Any, entity_id: str) -> tuple[str | None, str | None]:
    """(kind, category) of an entity, (None, None) when knowledge does not know it."""
    entity = getattr(knowledge, "entities", {}).get(entity_id)
    return (getattr(entity, "kind", None), getattr(entity, "category", None))


def in_span(mentions: list[Any], start: int, end: int) -> list[Any]:
    """Mentions inside [start, end), in text order."""
    return sorted((m for m in mentions if start <= m.start and m.end <= end), key=lambda m: m.start)


class InSpan:
    """`in_span(mentions, start, end)` for one list asked about many times (figures and
    events ask once or twice per sentence with a number or a date).

    Mentions come in text order (`entities._select`), each starting no later than it ends:
    then those inside a span are among the slice of mentions starting in it, found by
    bisection, in the order `in_span` sorts them into (a stable sort of a list already in
    order), not a pass over all of the article's mentions and a sort. A list out of order
    is asked as `in_span` asks it. The list must not change while this is used."""

    def __init__(self, mentions: list[Any]) -> None:
        self.mentions = mentions
        starts = [m.start for m in mentions]
        ordered = all(a <= b for a, b in pairwise(starts)) and all(
            m.start <= m.end for m in mentions
        )
        self.starts = starts if ordered else None

    def __call__(self, start: int, end: int) -> list[Any]:
        if self.starts is None:
            return in_span(self.mentions, start, end)
        lo, hi = bisect_left(self.starts, start), bisect_right(self.starts, end)
        return [m for m in self.mentions[lo:hi] if m.end <= end]


def plain_number(value: float) -> int | float:
    """Whole numbers as int, so the data files say 50000, not 50000.0."""
    return int(value) if float(value).is_integer() else value


def is_garbled(text: str, previous: str | None, knowledge: Any) -> bool:
    """Whether the sentence reads like translation debris: the claims extractor's test, so
    a figure or event and a claim from one sentence always carry the same flag."""
    try:
        from .claims import is_garbled as claims_is_garbled
    except ImportError:  # claims extractor not installed: the lexicon's patterns alone
        patterns = getattr(knowledge, "garble_patterns", ())
        min_words = int(getattr(knowledge, "garble_min_words", 0) or 0)
        return len(text.split()) < min_words or any(p.search(text) for p in patterns)
    return bool(claims_is_garbled(text, previous, knowledge))
