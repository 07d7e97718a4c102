"""Positions: each actor's stance on the explainer's question, with the passages as evidence.

Stance cues (lexicon `stance_cues`, one list per stance id of data/explainer.yaml) mark a
sentence; the earliest cue wins. The actor is whoever said the words holding the cue (a
direct quote's or reported claim's speaker), else the nearest actor named before the cue.
An actor with cues of two stances gets two positions; `as_of` is the month the sentence
names ("in September"), resolved against the publication date.
"""

from __future__ import annotations

import calendar
import re

from ..sources import Source
from .entities import EntityScan
from .knowledge import Knowledge
from .quotes import QuoteFound, Speech, stable_id
from .sentences import Sentence

_MONTHS = {name.casefold(): i for i, name in enumerate(calendar.month_name) if name}
_MONTH = re.compile(
    r"\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Uu]ntil|[Bb]y) ("
    + "|".join(n for n in calendar.month_name if n)
    + r")(?: (\d{4}))?\b"
)


def _cue(text: str, sentence: Sentence, knowledge: Knowledge) -> tuple[str, int] | None:
    """The stance of the earliest cue in the sentence and the cue's offset."""
    best: tuple[str, int] | None = None
    for stance, patterns in knowledge.stance_cues:
        for pattern in patterns:
            m = pattern.search(text, sentence.start, sentence.end)
            if m and (best is None or m.start() < best[1]):
                best = (stance, m.start())
    return best


def _as_of(text: str, sentence: Sentence, source: Source) -> str | None:
    m = _MONTH.search(text, sentence.start, sentence.end)
    if not m:
        return None
    month = _MONTHS[m.group(1).casefold()]
    year = (
        int(m.group(2)) if m.group(2) else source.published.year - (month > source.published.month)
    )
    return f"{year:04d}-{month:02d}"


def _actor(
    pos: int, sentence: Sentence, scan: EntityScan, quotes: list[QuoteFound], events: list[Speech]
) -> str | None:
    for q in quotes:
        if q.start <= pos < q.end and q.speaker:
            return q.speaker
    for ev in events:
        if ev.sentence == sentence and ev.end <= pos and ev.speaker:
            return ev.speaker
    direct = [(q.start, q.end) for q in quotes if q.kind == "direct"]
    before = []
    for m in scan.mentions:
        entity = scan.entity(m.entity_id)
        if not (sentence.start <= m.start and m.end <= pos) or entity is None:
            continue
        if (
            entity.kind == "actor"
            and entity.category != "media"
            and not any(s <= m.start < e for s, e in direct)
        ):
            before.append(m)
    return before[-1].entity_id if before else None


def position_records(
    source: Source,
    sentences: list[Sentence],
    scan: EntityScan,
    knowledge: Knowledge,
    quotes: list[QuoteFound],
    events: list[Speech],
) -> list[dict[str, object]]:
    """Schema `position` items: one per actor and stance, evidence in text order."""
    grouped: dict[tuple[str, str], list[tuple[Sentence, str | None]]] = {}
    for sentence in sentences:
        cue = _cue(source.text, sentence, knowledge)
        if cue is None:
            continue
        stance, pos = cue
        actor = _actor(pos, sentence, scan, quotes, events)
        if actor is None:
            continue
        grouped.setdefault((actor, stance), []).append(
            (sentence, _as_of(source.text, sentence, source))
        )
    out: list[dict[str, object]] = []
    for (actor, stance), evidence in sorted(grouped.items(), key=lambda kv: kv[1][0][0].start):
        first = evidence[0][0]
        item: dict[str, object] = {
            "id": stable_id("position", source.id, first.start, first.end, f"{actor}:{stance}"),
            "actor": actor,
            "stance": stance,
        }
        dates = sorted(d for _, d in evidence if d)
        if dates:
            item["as_of"] = dates[-1]
        item["citations"] = [
            {
                "source": source.id,
                "quote": source.text[s.start : s.end],
                "start": s.start,
                "end": s.end,
            }
            for s, _ in evidence
        ]
        item["status"] = "extracted"
        out.append(item)
    return out
