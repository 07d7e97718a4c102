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
from .quotes import PREPOSITION_BEFORE, QuoteFound, Speech, reported_text, stable_id
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
    # All stance cues (plain, then topic-gated) in one alternation, a named group per
    # stance: a sentence is scanned once instead of once per stance.
    every: re.Pattern[str] | None
    lower: re.Pattern[str] | None  # `every` for lower-cased ASCII text (`_lowered`)
    groups: tuple[tuple[str, str, bool], ...]  # (group name, stance, needs the topic)
    frames: _Frames


@dataclass(frozen=True)
class _Frames:
    """Constructions around cues (lexicon `stance_frames`)."""

    consequence: re.Pattern[str] | None  # "would mean", "would amount to"
    condition: re.Pattern[str] | None  # "if", "once"
    question: re.Pattern[str] | None  # "whether"
    object_of: tuple[tuple[str, re.Pattern[str]], ...]  # "warned against <cue>"
    # Stances only the speaker holds, not the subject of the clause they report ("Peskov
    # said Moscow would respond": Peskov's warning, not Moscow's position).
    speaker_only: frozenset[str] = frozenset()


def _alternation(patterns: list[Any] | None) -> re.Pattern[str] | None:
    raw = [str(p) for p in patterns or []]
    return re.compile("|".join(f"(?:{p})" for p in raw), re.IGNORECASE) if raw else None


def _frames(data: dict[str, Any]) -> _Frames:
    raw = data.get("stance_frames") or {}
    objects = raw.get("object_of") or {}
    return _Frames(
        _alternation(raw.get("consequence")),
        _alternation(raw.get("condition")),
        _alternation(raw.get("open_question")),
        tuple(
            (str(stance), pattern)
            for stance in objects
            if (pattern := _alternation(objects[stance])) is not None
        ),
        frozenset(str(s) for s in raw.get("speaker_only") or []),
    )


def _combined(
    plain: dict[str, Any], gated: dict[str, Any]
) -> tuple[re.Pattern[str] | None, tuple[tuple[str, str, bool], ...]]:
    """One pattern holding every cue, a named group per (stance, gated) pair. Plain cues
    come first so that, at one offset, a plain cue beats a gated one as before."""
    parts: list[str] = []
    groups: list[tuple[str, str, bool]] = []
    cues = [str(c) for table in (plain, gated) for stance in table for c in table[stance] or []]
    # Cues that all open with \b share it: the alternatives are then tried at word
    # boundaries only, not at every character (the same matches, found faster).
    shared = bool(cues) and all(c.startswith(_BOUNDARY) for c in cues)
    for needs, table in ((False, plain), (True, gated)):
        for stance in table:
            if not table[stance]:
                continue
            name = f"g{len(groups)}"
            groups.append((name, str(stance), needs))
            body = "|".join(
                f"(?:{str(c)[len(_BOUNDARY) :] if shared else c})" for c in table[stance]
            )
            parts.append(f"(?P<{name}>{body})")
    if not parts:
        return None, ()
    alternation = "|".join(parts)
    return re.compile(
        rf"{_BOUNDARY}(?:{alternation})" if shared else alternation, re.IGNORECASE
    ), tuple(groups)


_BOUNDARY = "\\b"


def _lowered(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` for lower-cased text: its letters lower-cased (escapes such as \\W kept),
    matched case-sensitively, which is several times faster than ignoring case."""
    out, chars = [], iter(pattern.pattern)
    for ch in chars:
        out.append(ch + next(chars, "") if ch == "\\" else ch.lower())
    # Group syntax is not a letter to lower ("(?P<name>", "(?P=name)").
    return re.compile("".join(out).replace("(?p<", "(?P<").replace("(?p=", "(?P="))


_TOPIC: dict[int, tuple[dict[str, Any], _Topic]] = {}


def _topic_rules(knowledge: Knowledge) -> _Topic:
    """The lexicon's topic words and the cues that need them, compiled once per lexicon."""
    data = lexicon_data(knowledge)
    # The stances the knowledge kept (the explainer's), in its order.
    stances = [sid for sid, _patterns in knowledge.stance_cues]
    hit = _TOPIC.get(id(data))
    if hit is None or hit[0] is not data:
        raw = data.get("topic_stance_cues") or {}
        cues = tuple(
            (str(stance), re.compile("|".join(f"(?:{c})" for c in raw[stance]), re.IGNORECASE))
            for stance in raw
            if raw[stance]
        )
        words = words_pattern(str(w) for w in data.get("stance_topic_words") or [])
        plain = {s: c for s, c in (data.get("stance_cues") or {}).items() if s in stances}
        every, groups = _combined(plain, raw)
        hit = (
            data,
            _Topic(
                words,
                cues,
                int(data.get("stance_topic_reach") or 70),
                every,
                _lowered(every) if every is not None else None,
                groups,
                _frames(data),
            ),
        )
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
    Cues that need the topic (`topic_stance_cues`) count only near a sign of the question;
    the constructions of `stance_frames` then decide what each cue says (`_framed`)."""
    if topic.every is None or topic.lower is None:
        return []
    # ASCII text keeps its offsets when lower-cased: search a lower-cased copy with the
    # case-sensitive pattern (faster), offsets shifted back to the article's.
    span = text[sentence.start : sentence.end]
    if span.isascii():
        matches, shift = topic.lower.finditer(span.lower()), sentence.start
    else:
        matches, shift = topic.every.finditer(text, sentence.start, sentence.end), 0
    found: list[tuple[int, int, str]] = []
    scare = quote_rules(knowledge).scare
    names = {name: (stance, needs) for name, stance, needs in topic.groups}
    for m in matches:
        start, end = m.start() + shift, m.end() + shift
        stance, needs = names[str(m.lastgroup)]
        if _scare_quoted(text, sentence, start, scare):
            continue
        if needs:
            lo = max(sentence.start, start - topic.reach)
            hi = min(sentence.end, end + topic.reach)
            if not _near_topic(text, lo, hi, scan, knowledge, topic):
                continue
        found.append((start, end, stance))
    if not found:
        return []
    first: dict[str, int] = {}
    for pos, stance in _framed(text, sentence, found, topic.frames):
        if stance not in first or pos < first[stance]:
            first[stance] = pos
    return sorted((pos, stance) for stance, pos in first.items())


# Where a clause starts: after a comma or semicolon, "that", a relative word, a dash or a
# quotation mark. Grammar, not domain words.
_CLAUSE_START = re.compile(
    r"[,;:]\s|\s(?:that|which|who|because|but|when|while)\s|[\"\u201c\u201d]|\s(?:--|\u2014)\s"
)
_CLAUSE_STOP = re.compile(r"[,;:]\s|\s(?:--|\u2014)\s|[\"\u201c\u201d]")


def _framed(
    text: str, sentence: Sentence, found: list[tuple[int, int, str]], frames: _Frames
) -> list[tuple[int, str]]:
    """(offset, stance) of the cues `found` as their constructions read them.

    - A cue in an open question ("over whether to give Ukraine permission") says nothing.
    - A cue that is the object of `object_of` words takes their stance, from where they
      start ("warned against lifting the restrictions": a warning, not support).
    - A cue in the subject of a consequence predicate ("approval for such strikes would
      mean war") or in a condition ("if Washington lifts the limits, Moscow will respond")
      is the topic: when the predicate holds a cue of another stance, that cue speaks.
    """
    lo, hi = sentence.start, sentence.end
    out: list[tuple[int, str]] = []
    # Topic spans matter only when cues of two stances compete.
    rival = len({stance for _p, _e, stance in found}) > 1
    topics = _topic_spans(text, lo, hi, frames) if rival else []
    for pos, _end, stance in found:
        if frames.question is not None:
            opened = [q for q in frames.question.finditer(text, lo, pos)]
            if opened and not _CLAUSE_STOP.search(text, opened[-1].end(), pos):
                continue
        governed = False
        for other, pattern in frames.object_of:
            if other == stance:
                continue
            m = next(
                (m for m in pattern.finditer(text, max(lo, pos - 80), hi) if m.start() < pos),
                None,
            )
            if m is not None and pos <= m.end():
                out.append((m.start(), other))
                governed = True
                break
        if governed:
            continue
        if any(
            t_lo <= pos < t_hi and any(p_lo <= p < p_hi and st != stance for p, _e, st in found)
            for t_lo, t_hi, p_lo, p_hi in topics
        ):
            continue
        out.append((pos, stance))
    return out


def _topic_spans(text: str, lo: int, hi: int, frames: _Frames) -> list[tuple[int, int, int, int]]:
    """(topic start, topic end, predicate start, predicate end) of each consequence
    predicate and condition in `text[lo:hi]`."""
    spans = []
    if frames.consequence is not None:
        for m in frames.consequence.finditer(text, lo, hi):
            starts = [b.end() for b in _CLAUSE_START.finditer(text, lo, m.start())]
            stop = _CLAUSE_STOP.search(text, m.end(), hi)
            spans.append(
                (starts[-1] if starts else lo, m.start(), m.start(), stop.start() if stop else hi)
            )
    if frames.condition is not None:
        for m in frames.condition.finditer(text, lo, hi):
            comma = _CLAUSE_STOP.search(text, m.end(), hi)
            if comma is None:
                continue
            stop = _CLAUSE_STOP.search(text, comma.end(), hi)
            spans.append((m.start(), comma.start(), comma.end(), stop.start() if stop else hi))
    return spans


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
    knowledge: Knowledge,
) -> tuple[str, int | None] | None:
    """(actor, where the sentence names it) of a cue at `pos`: the speaker of the words
    holding it, else the nearest actor named before it that acts (not one qualifying a
    noun: `_modifier`). A sentence naming no actor at all
    and opening by referring back ("The document lowers the threshold ...") continues the
    one before it in the same paragraph, whose first actor it is about."""
    for q in quotes:
        if q.start <= pos < q.end and q.speaker:
            return q.speaker, None
    for ev in events:
        if ev.sentence == sentence and ev.end <= pos and ev.speaker:
            return ev.speaker, None
    # Not a name inside the topic of the cue's predicate ("permission to strike inside
    # Russia would amount to war": Russia is what is talked about, not who talks).
    topics = [
        (t_lo, t_hi)
        for t_lo, t_hi, p_lo, p_hi in _topic_spans(
            text, sentence.start, sentence.end, _topic_rules(knowledge).frames
        )
        if p_lo <= pos < p_hi
    ]
    before = [
        a
        for a in _actors(text, sentence, scan, quotes, pos)
        if not _modifier(text, a[1], scan, knowledge)
        and not any(t_lo <= a[1] < t_hi for t_lo, t_hi in topics)
    ]
    # "strikes by Ukraine", "a fellow of the Asan Institute": a name after a preposition
    # is its object, not who speaks, unless nobody else is named; a place ("the use of the
    # missiles in Russia") never is.
    acting = [a for a in before if not _after_preposition(text, a[1], sentence)]
    if acting:
        return acting[-1]
    holders = [a for a in before if not _PLACE_BEFORE.search(text, max(0, a[1] - 12), a[1])]
    if holders:
        return holders[-1]
    if (
        previous is not None
        and previous.paragraph == sentence.paragraph
        and _ANAPHORA.match(text, sentence.start)
        and not _actors(text, sentence, scan, quotes, sentence.end)
    ):
        earlier = _actors(text, previous, scan, quotes, previous.end)
        if earlier:
            return earlier[0][0], None
    if previous is not None and not _actors(text, sentence, scan, quotes, sentence.end):
        # "He appealed to partners to remove all restrictions": a personal pronoun opening
        # the sentence (lexicon `pronouns`) stands for the last person named just before.
        first = _FIRST_WORD.match(text, sentence.start)
        pronouns = knowledge.word_set("pronouns")
        if first is not None and first.group(0).casefold() in pronouns:
            people = [
                a
                for a in _actors(text, previous, scan, quotes, previous.end)
                if (e := scan.entity(a[0])) is not None and e.is_person
            ]
            if people:
                return people[-1][0], None
    return None


_FIRST_WORD = re.compile(r"[A-Za-z]+\b")


# A name qualifying a noun that a preposition follows ("U.S. and British deliberations
# over", "German debate on"): the name is no clause subject, so it holds no stance. The
# noun is a lower-case word that is neither a verb in -ed nor an auxiliary.
_MODIFIED = re.compile(
    r"(?:\s+and\s+[A-Z][\w.-]*)?\s+(?!(?:has|have|had|is|was|are|were|will|would|could|"
    r"should|must|may|might|can|did|does|do|not|also|again)\s)([a-z]+)(?<!ed)(?<!ly)\s+"
    r"(?:over|on|about|of|into|regarding|concerning|around)\s"
)


def _modifier(text: str, start: int, scan: EntityScan, knowledge: Knowledge) -> bool:
    """Whether the mention at `start` qualifies a noun rather than acting ("Britain said
    on Monday" acts: a speech verb is no noun)."""
    mention = next((m for m in scan.mentions if m.start == start), None)
    if mention is None or (m := _MODIFIED.match(text, mention.end)) is None:
        return False
    verb = knowledge.speech_verb
    return verb is None or verb.fullmatch(m.group(1)) is None


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
    if _after_preposition(text, start, sentence):
        return None  # "strikes inside Russia would save lives": Russia is no subject
    mention = next(m for m in scan.mentions if m.start == start)
    gap = text[mention.end : cue]
    if not (gap_rule or _SUBJECT_GAP).fullmatch(gap):
        return None
    return actor, start


def _reported(at: int | None, sentence: Sentence, events: list[Speech]) -> bool:
    """Whether the name at `at` comes after a verb of speech of the sentence: it lies in
    the words someone is reported to have said ("Peskov said Moscow would respond")."""
    return at is not None and any(
        ev.sentence == sentence and ev.end <= at and ev.speaker for ev in events
    )


def _after_preposition(text: str, start: int, sentence: Sentence) -> bool:
    """Whether a preposition comes right before the name at `start`."""
    return PREPOSITION_BEFORE.search(text, max(sentence.start, start - 12), start) is not None


# Prepositions of place: a name after one is where something happens.
_PLACE_BEFORE = re.compile(r"\b(?:in|inside|into|within|across|near|over|on)\s+(?:the\s+)?$")
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
        found = _actor(source.text, pos, sentence, before, scan, quotes, events, knowledge)
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
        if (
            subject
            and subject[0] != found[0]
            and not (
                stance in topic.frames.speaker_only
                and _reported(subject[1], sentence, events)  # the subject of someone's words
            )
        ):
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
