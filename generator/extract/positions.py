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
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from ..sources import Source
from .entities import EntityScan
from .factbits import lexicon_data
from .knowledge import Knowledge, words_pattern
from .quotecues import quote_rules
from .quotes import QuoteFound, Speech, reported_text, stable_id
from .sentences import Sentence

SUMMARY_LIMIT = 200  # characters: one line on the positions page
# Openings that refer back to the sentence before ("The document", "It", "This"): words
# of grammar, not of the domain.
_ANAPHORA = re.compile(r"(?:The|This|That|These|Those|It|Such)\s")
_MARKS = frozenset('"\u201c')
_CLAUSE_END = re.compile(r",\s|;\s|\s(?:--|\u2014)\s|:\s")

_MONTHS = {name.casefold(): i for i, name in enumerate(calendar.month_name) if name}
_MONTH = re.compile(
    r"\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Uu]ntil|[Bb]y) ("
    + "|".join(n for n in calendar.month_name if n)
    + r")(?: (\d{4}))?\b"
)


TopicCues = tuple[tuple[str, re.Pattern[str]], ...]


@dataclass(frozen=True)
class _Topic:
    words: re.Pattern[str] | None  # signs of the question (stance_topic_words)
    cues: TopicCues  # cues that count only near such a sign
    reach: int  # characters either side of a cue


_TOPIC: dict[int, tuple[dict[str, Any], _Topic]] = {}


def _topic_rules(knowledge: Knowledge) -> _Topic:
    """The lexicon's topic words and the cues that need them, compiled once per lexicon."""
    data = lexicon_data(knowledge)
    hit = _TOPIC.get(id(data))
    if hit is None or hit[0] is not data:
        raw = data.get("topic_stance_cues") or {}
        cues = tuple(
            (str(stance), re.compile("|".join(f"(?:{c})" for c in raw[stance]), re.IGNORECASE))
            for stance in raw
            if raw[stance]
        )
        words = words_pattern(str(w) for w in data.get("stance_topic_words") or [])
        hit = (data, _Topic(words, cues, int(data.get("stance_topic_reach") or 70)))
        _TOPIC[id(data)] = hit
    return hit[1]


def _near_topic(
    text: str, start: int, end: int, scan: EntityScan, knowledge: Knowledge, topic: _Topic
) -> bool:
    """Whether `text[start:end]` (a cue and its surroundings) names a weapon or a topic
    word. With no topic words in the lexicon everything is on topic."""
    if topic.words is None:
        return True
    if topic.words.search(text, start, end):
        return True
    if knowledge.weapon_head and knowledge.weapon_head.search(text, start, end):
        return True
    return any(
        start <= m.start < end
        and (e := scan.entity(m.entity_id)) is not None
        and e.kind == "weapon"
        for m in scan.mentions
    )


def _scare_quoted(text: str, sentence: Sentence, pos: int, scare: re.Pattern[str] | None) -> bool:
    """Whether the cue at `pos` opens a term set off by scare quotes ('the so-called "red
    lines"'): the writer's label, nobody's stance."""
    if scare is None or pos <= sentence.start or text[pos - 1] not in _MARKS:
        return False
    return scare.search(text[max(sentence.start, pos - 41) : pos - 1]) is not None


def _cues(
    text: str, sentence: Sentence, scan: EntityScan, knowledge: Knowledge, topic: _Topic
) -> list[tuple[int, str]]:
    """(offset, stance) of the first cue of each stance in the sentence, in text order.
    Cues that need the topic (`topic_stance_cues`) count only near a sign of the question."""
    found: list[tuple[int, str]] = []
    scare = quote_rules(knowledge).scare
    for stance, patterns in knowledge.stance_cues:
        for pattern in patterns:
            pos = sentence.start
            while (m := pattern.search(text, pos, sentence.end)) is not None:
                if not _scare_quoted(text, sentence, m.start(), scare):
                    found.append((m.start(), stance))
                    break
                pos = m.end()
    for stance, pattern in topic.cues:
        pos = sentence.start
        while (m := pattern.search(text, pos, sentence.end)) is not None:
            lo = max(sentence.start, m.start() - topic.reach)
            hi = min(sentence.end, m.end() + topic.reach)
            if _near_topic(text, lo, hi, scan, knowledge, topic):
                found.append((m.start(), stance))
                break
            pos = m.end()
    return sorted(found)


def _as_of(text: str, sentence: Sentence, source: Source) -> str | None:
    m = _MONTH.search(text, sentence.start, sentence.end)
    if not m:
        return None
    month = _MONTHS[m.group(1).casefold()]
    year = (
        int(m.group(2)) if m.group(2) else source.published.year - (month > source.published.month)
    )
    return f"{year:04d}-{month:02d}"


def _actors(
    text: str, sentence: Sentence, scan: EntityScan, quotes: list[QuoteFound], until: int
) -> list[tuple[str, int]]:
    """(entity id, offset) of the actors named in the sentence before `until`, outside
    direct quotes, news outlets aside."""
    direct = [(q.start, q.end) for q in quotes if q.kind == "direct"]
    out = []
    for m in scan.mentions:
        entity = scan.entity(m.entity_id)
        if not (sentence.start <= m.start and m.end <= until) or entity is None:
            continue
        if (
            entity.kind == "actor"
            and entity.category != "media"
            and not any(s <= m.start < e for s, e in direct)
        ):
            out.append((m.entity_id, m.start))
    # "the Social Democrats, Merz's coalition partner, oppose": a possessor qualifies a
    # noun; it is the actor only when nobody else is named.
    owners = {start for start, _end in _possessives(text, sentence, scan, until)}
    plain = [a for a in out if a[1] not in owners]
    return plain or out


def _possessives(
    text: str, sentence: Sentence, scan: EntityScan, until: int
) -> list[tuple[int, int]]:
    return [
        (m.start, m.end)
        for m in scan.mentions
        if sentence.start <= m.start < until and text[m.end : m.end + 2] in ("'s", "\u2019s")
    ]


def _actor(
    text: str,
    pos: int,
    sentence: Sentence,
    previous: Sentence | None,
    scan: EntityScan,
    quotes: list[QuoteFound],
    events: list[Speech],
) -> tuple[str, int | None] | None:
    """(actor, where the sentence names it) of a cue at `pos`: the speaker of the words
    holding it, else the nearest actor named before it. A sentence naming no actor at all
    and opening by referring back ("The document lowers the threshold ...") continues the
    one before it in the same paragraph, whose first actor it is about."""
    for q in quotes:
        if q.start <= pos < q.end and q.speaker:
            return q.speaker, None
    for ev in events:
        if ev.sentence == sentence and ev.end <= pos and ev.speaker:
            return ev.speaker, None
    before = _actors(text, sentence, scan, quotes, pos)
    if before:
        return before[-1]
    if (
        previous is not None
        and previous.paragraph == sentence.paragraph
        and _ANAPHORA.match(text, sentence.start)
        and not _actors(text, sentence, scan, quotes, sentence.end)
    ):
        earlier = _actors(text, previous, scan, quotes, previous.end)
        if earlier:
            return earlier[0][0], None
    return None


def _subject_before(
    text: str,
    sentence: Sentence,
    scan: EntityScan,
    quotes: list[QuoteFound],
    after: int,
    cue: int,
    gap_rule: re.Pattern[str] | None = None,
) -> tuple[str, int | None] | None:
    """The actor named after `after` and at most one word before the cue at `cue` (its
    subject: "Scholz refused", "Scholz had refused"), outside quotation marks."""
    if any(q.kind == "direct" and q.start <= cue < q.end for q in quotes):
        return None
    named = [a for a in _actors(text, sentence, scan, quotes, cue) if a[1] > after]
    if not named:
        return None
    actor, start = named[-1]
    mention = next(m for m in scan.mentions if m.start == start)
    gap = text[mention.end : cue]
    if not (gap_rule or _SUBJECT_GAP).fullmatch(gap):
        return None
    return actor, start


# A cue in the passive: its subject undergoes the stance, it does not hold it.
_PASSIVE = re.compile(r"(?:(?:should|must|could|would|will|can|may|might|to)\s+)?(?:be|been)\s")
_SUBJECT_GAP = re.compile(r"\s+(?:[a-z]+\s+)?")
# Between a clause's subject and its verb: auxiliaries and a few adverbs only ("Berlin
# would not send", "Britain has given"), so "make the United States a party" has none.
_AUX_GAP = re.compile(
    r"\s+(?:(?:would|will|has|have|had|is|was|are|were|could|should|must|may|might|can|"
    r"did|does|do|not|also|now|still|already|never|firmly|again)\s+){0,3}"
)


def _summary(
    text: str,
    sentence: Sentence,
    pos: int,
    named_at: int | None,
    quotes: list[QuoteFound],
    events: list[Speech],
) -> str:
    """One line stating the position in the actor's terms: their words holding the cue
    (quoted or reported), else the clause of the sentence from the actor to the cue's end."""
    for q in quotes:
        if q.kind == "direct" and q.start <= pos < q.end:
            return _one_line("\u201c" + text[q.start : q.end].rstrip(" ,") + "\u201d")
    for q in quotes:
        if q.kind == "reported" and q.start <= pos < q.end:
            said = reported_text(text, q, events)
            return _one_line(said[:1].upper() + said[1:])
    start = named_at if named_at is not None else sentence.start
    if text[max(sentence.start, start - 4) : start].casefold() == "the ":
        start -= 4
    end = _CLAUSE_END.search(text, pos, sentence.end)
    clause = text[start : end.start() if end else sentence.end].strip()
    return _one_line(clause[:1].upper() + clause[1:])


def _one_line(text: str) -> str:
    """`text` on one line, cut at a word before SUMMARY_LIMIT, ending in a stop."""
    line = " ".join(text.split())
    if len(line) > SUMMARY_LIMIT:
        line = line[: SUMMARY_LIMIT - 1].rsplit(" ", 1)[0].rstrip(",;:") + "\u2026"
    elif line and line[-1] not in '.!?\u201d"\u2026':
        line += "."
    return line


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
    summaries: dict[tuple[str, str], str] = {}
    previous: Sentence | None = None
    topic = _topic_rules(knowledge)
    for sentence in sentences:
        before, previous = previous, sentence
        cues = _cues(source.text, sentence, scan, knowledge, topic)
        if not cues:
            continue
        # The earliest cue is the sentence's; a later one counts only for another actor
        # named right before it, as its subject ("Merz would be open to sending Taurus, a
        # step his predecessor Olaf Scholz refused to take").
        pos, stance = cues[0]
        found = _actor(source.text, pos, sentence, before, scan, quotes, events)
        if found is None:
            continue
        stated = [(found, stance, pos)]
        # 'Hebestreit said Berlin would not send': the clause's own subject (a government
        # through its spokesman, a person whose stance someone reports) holds it too.
        subject = (
            None
            if _PASSIVE.match(source.text, pos)  # "Ukraine should be allowed": not its stance
            else _subject_before(
                source.text, sentence, scan, quotes, sentence.start - 1, pos, _AUX_GAP
            )
        )
        if subject and subject[0] != found[0]:
            stated.append((subject, stance, pos))
        for (prev, _s), (later, other) in pairwise(cues):
            subject = _subject_before(source.text, sentence, scan, quotes, prev, later)
            if subject and all(subject[0] != a for (a, _n), _st, _p in stated):
                stated.append((subject, other, later))
        for (actor, named_at), stance, pos in stated:
            key = (actor, stance)
            grouped.setdefault(key, []).append((sentence, _as_of(source.text, sentence, source)))
            if key not in summaries:
                summaries[key] = _summary(source.text, sentence, pos, named_at, quotes, events)
    out: list[dict[str, object]] = []
    for (actor, stance), evidence in sorted(grouped.items(), key=lambda kv: kv[1][0][0].start):
        first = evidence[0][0]
        item: dict[str, object] = {
            "id": stable_id("position", source.id, first.start, first.end, f"{actor}:{stance}"),
            "actor": actor,
            "stance": stance,
            "summary": summaries[(actor, stance)],
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
