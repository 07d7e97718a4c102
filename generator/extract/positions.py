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
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Any

from ..sources import Source
from . import casefast
from .bystart import ByStart
from .casefast import lowered as _lowered
from .entities import EntityScan
from .entitycues import PLACE_BEFORE
from .factbits import lexicon_data
from .firstchar import by_first_char
from .framegate import may_match
from .holders import (
    AUX_GAP,
    FIRST_WORD,
    PASSIVE,
    Stated,
    actors_before,
    addressed,
    after_preposition,
    in_relative_clause,
    is_actor,
    is_modifier,
    partners,
    reported,
    subject_before,
)
from .knowledge import Knowledge, words_pattern
from .quantities import PLAIN as _PLAIN
from .quotecues import quote_rules
from .quotes import QuoteFound, Speech, reported_text, stable_id
from .sentences import Sentence
from .sides import side_stances
from .stanceframes import Frames, framed, parse_frames, topic_spans
from .usereports import USE_STANCE, country_of, use_report

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
    lower: re.Pattern[str] | None  # `every` for lower-cased plain text (`_lowered`)
    # `lower` branching on first characters (`firstchar`): finds its matches' spans, not
    # their groups.
    first: re.Pattern[str] | None
    groups: tuple[tuple[str, str, bool], ...]  # (group name, stance, needs the topic)
    frames: Frames
    # Whether `every` holds a lookbehind (`_cut_alike`): asked of every non-ASCII sentence,
    # and a scan of the whole alternation's source each time cost more than its search.
    behind: bool = False
    # `groups` by group name: built once, not per sentence.
    by_group: dict[str, tuple[str, bool]] = field(default_factory=dict)


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
        lower = _lowered(every) if every is not None else None
        hit = (
            data,
            _Topic(
                words,
                cues,
                int(data.get("stance_topic_reach") or 70),
                every,
                lower,
                by_first_char(lower) if lower is not None else None,
                groups,
                parse_frames(data),
                every is not None and "(?<" in every.pattern,
                {name: (stance, needs) for name, stance, needs in groups},
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
    if casefast.search(topic.words, text, start, end):
        return True
    if knowledge.weapon_head and casefast.search(knowledge.weapon_head, text, start, end):
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


_WORD = re.compile(r"\w")


def _cut_alike(text: str, start: int, topic: _Topic) -> bool:
    """Whether the cues match in `text[start:]` as in `text` from `start`: the character
    before `start` is seen by \\b only as a non-word one, and by no lookbehind."""
    assert topic.every is not None
    if start and _WORD.match(text, start - 1):
        return False
    return not topic.behind


def _cue_matches(text: str, start: int, end: int, topic: _Topic) -> Iterator[tuple[int, int, str]]:
    """(start, end, group name) of each match of `topic.every` in `text[start:end]`."""
    assert topic.every is not None and topic.lower is not None
    span = text[start:end]
    # Plain text keeps its offsets when lower-cased: search a lower-cased copy with the
    # case-sensitive pattern (faster), offsets shifted back to the article's. A copy
    # starts afresh where `text` had a character before: non-ASCII sentences take it only
    # where that makes no difference (ASCII ones always have).
    if not (span.isascii() or (_PLAIN.fullmatch(span) and _cut_alike(text, start, topic))):
        for match in topic.every.finditer(text, start, end):
            yield match.start(), match.end(), str(match.lastgroup)
        return
    # The first-character form finds the same spans faster again; `lower`, matched at
    # each one's start, gives its group.
    lowered = span.lower()
    found = topic.first.finditer(lowered) if topic.first else topic.lower.finditer(lowered)
    for hit in found:
        again = topic.lower.match(lowered, hit.start())
        assert again is not None and again.end() == hit.end()
        yield again.start() + start, again.end() + start, str(again.lastgroup)


def _cues(
    text: str,
    sentence: Sentence,
    scan: EntityScan,
    knowledge: Knowledge,
    topic: _Topic,
    named: frozenset[int] = frozenset(),
) -> list[tuple[int, str]]:
    """(offset, stance) of every cue in the sentence, in text order. Cues that need the
    topic (`topic_stance_cues`) count only near a sign of the question; the constructions
    of `stance_frames` then decide what each cue says (`framed`)."""
    if topic.every is None or topic.lower is None:
        return []
    found: list[tuple[int, int, str]] = []
    scare = None
    for n, (start, end, group) in enumerate(
        _cue_matches(text, sentence.start, sentence.end, topic)
    ):
        stance, needs = topic.by_group[group]
        if not n:  # most sentences hold no cue: the rules only for those that do
            scare = quote_rules(knowledge).scare
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
    return sorted(framed(text, sentence, found, topic.frames, named))


def _firsts(cues: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The first cue of each stance, in text order."""
    first: dict[str, int] = {}
    for pos, stance in cues:
        if stance not in first or pos < first[stance]:
            first[stance] = pos
    return sorted((pos, stance) for stance, pos in first.items())


def _quoted_holders(
    every: list[tuple[int, str]], quotes: list[QuoteFound], stated: Stated
) -> Stated:
    """Holders whose own words hold a cue that `stated` gives nobody: "The embassy said
    Sweden had 'chosen to become a target', and the Kremlin spokesman said the move would
    'not go unanswered'" warns twice, once in each speaker's words."""
    out: Stated = []
    holders = {a for (a, _n), _s, _p in stated}
    for pos, stance in every:
        for q in quotes:
            if q.kind == "direct" and q.start <= pos < q.end and q.speaker:
                # A holder `stated` names already speaks once: their other cues are framed
                # by the sentence's first (`_yield`, `_goes_on`).
                if q.speaker not in holders and all(
                    (a, s) != (q.speaker, stance) for (a, _n), s, _p in out
                ):
                    out.append(((q.speaker, None), stance, pos))
                break
    return out


def _yield(cues: list[tuple[int, str]], scan: EntityScan, frames: Frames) -> list[tuple[int, str]]:
    """`cues` without a first cue of a yielding stance that a cue of another stance
    follows with no name in between (the same holder says what its position is)."""
    first, later = cues[0], [c for c in cues[1:] if c[1] not in frames.yielding]
    if first[1] not in frames.yielding or not later:
        return cues
    if any(first[0] < m.start < later[0][0] for m in scan.mentions):
        return cues
    return cues[1:]


# Where a holder goes on speaking: ", calling", ", adding", "and warned".
_GOES_ON = re.compile(r"(?:,\s+|\s+and\s+(?:then\s+)?)(?P<verb>\w+)\b")


def _goes_on(text: str, start: int, end: int, knowledge: Knowledge) -> bool:
    """Whether, between two cues, the sentence's holder speaks again: a comma or "and"
    right before a speech or call verb ("..., calling the deliveries")."""
    calls = quote_rules(knowledge).calls
    verb = knowledge.speech_verb
    for m in _GOES_ON.finditer(text, start, end):
        word = m.group("verb")
        if m.group().lstrip().startswith("and") and word.endswith("ed"):
            return True  # "said ... and accused ministers of": the same subject acts on
        if (verb is not None and verb.fullmatch(word)) or (
            calls is not None and calls.fullmatch(word)
        ):
            return True
    return False


def _as_of(text: str, sentence: Sentence, source: Source) -> str | None:
    m = _MONTH.search(text, sentence.start, sentence.end)
    if not m:
        return None
    month = _MONTHS[m.group(1).casefold()]
    year = (
        int(m.group(2)) if m.group(2) else source.published.year - (month > source.published.month)
    )
    return f"{year:04d}-{month:02d}"


# A non-restrictive relative clause: ", which", ", who".
_RELATIVE = re.compile(r",\s+(?:which|who)\s")


def _relative_antecedent(
    text: str, sentence: Sentence, scan: EntityScan, pos: int
) -> tuple[str, int] | None:
    """The actor a relative clause holding the cue is about: "Belgium, which on Tuesday
    lifted its restrictions, would 'learn what this means,' he wrote" is Belgium's act,
    whoever reports it. Only when no comma stands between the clause's start and the cue."""
    lo = max(sentence.start, pos - 160)
    last = None
    for m in _RELATIVE.finditer(text, lo, pos):
        last = m
    if last is None or "," in text[last.end() : pos]:
        return None
    named = next((m for m in scan.mentions if m.end == last.start()), None)
    if named is None or not is_actor(scan, named.entity_id):
        return None
    return named.entity_id, named.start


def _after_relative(
    text: str, sentence: Sentence, scan: EntityScan, prev: int, later: int, holder: str
) -> bool:
    """Whether the cue at `prev` is in a relative clause on `holder` that a comma closes
    before the cue at `later`: the antecedent is then the main clause's subject."""
    antecedent = _relative_antecedent(text, sentence, scan, prev)
    return antecedent is not None and antecedent[0] == holder and "," in text[prev:later]


def _interview_labels(source: Source, scan: EntityScan) -> dict[int, tuple[str, int | None]]:
    """Paragraph number -> the person whose answer it is, in an interview printed with the
    speaker's name as a label ("Kuryk: The serial version flies far."): what the
    paragraph says is theirs."""
    labels: dict[int, tuple[str, int | None]] = {}
    starts = {m.start: m for m in scan.mentions}
    for paragraph in source.paragraphs:
        m = starts.get(paragraph.start)
        if (
            m is not None
            and not paragraph.heading
            and source.text.startswith(": ", m.end)
            and (entity := scan.entity(m.entity_id)) is not None
            and entity.is_person
        ):
            labels[paragraph.number] = (m.entity_id, m.start)
    return labels


def _unnamed_after(quote: QuoteFound, sentence: Sentence, events: list[Speech]) -> bool:
    """Whether the first speech verb after `quote` in its sentence has no known speaker."""
    after = [ev for ev in events if ev.sentence == sentence and ev.start >= quote.end]
    return bool(after) and after[0].speaker is None and not after[0].calls


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
    noun: `is_modifier`). A sentence naming no actor at all
    and opening by referring back ("The document lowers the threshold ...") continues the
    one before it in the same paragraph, whose first actor it is about. `events`: the
    article's speech verbs, or only those of `sentence`."""
    antecedent = _relative_antecedent(text, sentence, scan, pos)
    if antecedent is not None:
        return antecedent
    for q in quotes:
        if q.start <= pos < q.end and q.speaker:
            if q.kind == "reported" and q.said_end is not None and pos > q.said_end:
                # "..., according to Ukraine's air force, and Kyiv has asked for ...": a
                # clause of its own after the attribution is its subject's.
                own = subject_before(text, sentence, scan, quotes, q.said_end, pos, AUX_GAP)
                if own is not None:
                    return own
            semicolon = text.rfind("; ", sentence.start, pos)
            if q.kind == "reported" and q.clause is not None and q.clause < semicolon:
                # "Kyiv says the depot was hit; Kremlin accuses Washington of ...": a
                # clause after a semicolon is its own subject's.
                own = subject_before(text, sentence, scan, quotes, semicolon, pos, AUX_GAP)
                if own is not None:
                    return own
            return q.speaker, None
        if q.start <= pos < q.end and q.kind == "direct" and _unnamed_after(q, sentence, events):
            # '"for each ally to decide," an official said': the words are an
            # unnamed source's; no name elsewhere in the sentence said them.
            return None
    for ev in events:
        if ev.sentence == sentence and ev.end <= pos and ev.speaker:
            return ev.speaker, None
    # Not a name inside the topic of the cue's predicate ("permission to strike inside
    # Russia would amount to war": Russia is what is talked about, not who talks).
    topics = [
        (t_lo, t_hi)
        for t_lo, t_hi, p_lo, p_hi in topic_spans(
            text, sentence.start, sentence.end, _topic_rules(knowledge).frames
        )
        if p_lo <= pos < p_hi
    ]
    before = [
        a
        for a in actors_before(text, sentence, scan, quotes, pos)
        if not is_modifier(text, a[1], scan, knowledge)
        and not any(t_lo <= a[1] < t_hi for t_lo, t_hi in topics)
    ]
    # "Britain and France, which build the missile through MBDA, lifted": a name in a
    # relative clause qualifies the one before it, it does not act.
    before = [
        a for a in before if not in_relative_clause(text, sentence.start, a[1], pos)
    ] or before
    # "strikes by Ukraine", "a fellow of the Asan Institute": a name after a preposition
    # is its object, not who speaks, unless nobody else is named; a place ("the use of the
    # missiles in Russia") never is.
    acting = [a for a in before if not after_preposition(text, a[1], sentence)]
    # "researcher at the French Institute of International Relations (IFRI)": a name in
    # brackets is an aside to the one before it, which acts or not as it does.
    acting = [a for a in acting if a[1] is None or not text.startswith("(", a[1] - 1)]
    asked = _topic_rules(knowledge).frames.asked_before
    if asked is not None:
        before = [a for a in before if not asked.search(text, max(0, a[1] - 30), a[1])]
        acting = [a for a in acting if not asked.search(text, max(0, a[1] - 30), a[1])]
    # "UK says Kyiv free to hit": the one let do it is not who lets it (a headline's
    # speech verb finds no quote, so this sentence has no speaker).
    if len(acting) > 1 and addressed(text, acting[-1][1], pos, _topic_rules(knowledge).frames):
        acting.pop()
    if acting:
        return acting[-1]
    holders = [a for a in before if not PLACE_BEFORE.search(text, max(0, a[1] - 12), a[1])]
    if holders:
        return holders[-1]
    if (
        previous is not None
        and previous.paragraph == sentence.paragraph
        and _ANAPHORA.match(text, sentence.start)
        and not actors_before(text, sentence, scan, quotes, sentence.end)
    ):
        earlier = actors_before(text, previous, scan, quotes, previous.end)
        if earlier:
            return earlier[0][0], None
    if previous is not None and not actors_before(text, sentence, scan, quotes, sentence.end):
        # "He appealed to partners to remove all restrictions": a personal pronoun opening
        # the sentence (lexicon `pronouns`) stands for the last person named just before.
        first = FIRST_WORD.match(text, sentence.start)
        pronouns = knowledge.word_set("pronouns")
        if first is not None and first.group(0).casefold() in pronouns:
            people = [
                a
                for a in actors_before(text, previous, scan, quotes, previous.end)
                if (e := scan.entity(a[0])) is not None and e.is_person
            ]
            if people:
                return people[-1][0], None
    return None


def _polls(text: str, start: int, end: int, frames: Frames) -> bool:
    """Whether the name at `text[start:end]` is where a poll comes from."""
    if frames.poll_after is not None and frames.poll_after.match(text, end):
        return True
    return frames.poll_before is not None and (
        frames.poll_before.search(text, max(0, start - 40), start) is not None
    )


def _lead_in(
    text: str,
    sentence: Sentence,
    following: Sentence | None,
    scan: EntityScan,
    quotes: list[QuoteFound],
    events: list[Speech],
    frames: Frames,
) -> str | None:
    """The person a writer's lead-in introduces: "Not everyone is convinced the change
    will matter. Agnieszka Wrobel, who follows ..., said ..." gives Wrobel the doubt. The
    sentence opens on a group nobody names (`stance_frames.lead_in`); the holder is the
    first speaker of the next sentence in the same paragraph, when a person."""
    if (
        frames.lead_in is None
        or following is None
        or following.paragraph != sentence.paragraph
        or not frames.lead_in.match(text, sentence.start)
    ):
        return None
    spoken = [(q.start, q.speaker) for q in quotes if following.start <= q.start < following.end]
    spoken += [(ev.start, ev.speaker) for ev in events if ev.sentence == following]
    first = min(((at, who) for at, who in spoken if who), default=None)
    entity = scan.entity(first[1]) if first is not None else None
    return first[1] if first is not None and entity is not None and entity.is_person else None


Evidence = list[tuple[Sentence, str | None]]


def _record_use(
    source: Source,
    sentence: Sentence,
    used: tuple[int, str | None],
    scan: EntityScan,
    quotes: list[QuoteFound],
    spoken: list[Speech],
    knowledge: Knowledge,
    grouped: dict[tuple[str, str], Evidence],
    summaries: dict[tuple[str, str], str],
) -> None:
    """Support shown by use (`usereports`) in a sentence that names a weapon: who strikes
    (the verb's subject, unless a person) and who reports the strike, when no body of the
    target country."""
    pos, target = used
    # Whose words report the strike: the claim holding it, else a speech verb before it.
    holders = [q.speaker for q in quotes if q.start <= pos < q.end and q.speaker] or [
        ev.speaker for ev in spoken if ev.speaker and ev.end <= pos
    ]
    # Who strikes: the verb's subject ("Ukraine fired ..."), unless a person ("Pilot X
    # fired" reports what someone did, not where a party stands).
    subject = subject_before(source.text, sentence, scan, quotes, sentence.start - 1, pos, AUX_GAP)
    if subject is not None and (e := scan.entity(subject[0])) is not None and not e.is_person:
        holders.append(subject[0])
    for who in dict.fromkeys(holders):
        key = (who, USE_STANCE)
        if (
            not is_actor(scan, who)
            or country_of(who, knowledge) == target
            or any(s is sentence for s, _d in grouped.get(key, []))
        ):
            continue
        grouped.setdefault(key, []).append((sentence, _as_of(source.text, sentence, source)))
        summaries.setdefault(key, _summary(source.text, sentence, pos, None, quotes, spoken))


def _reactions(
    source: Source,
    sentences: list[Sentence],
    scan: EntityScan,
    frames: Frames,
    grouped: dict[tuple[str, str], Evidence],
    summaries: dict[tuple[str, str], str],
) -> None:
    """Give an actor whose reaction a sentence announces ("Moscow's reaction was swift.")
    the stances of the next sentence in its paragraph, which tells that reaction."""
    if frames.reaction is None:
        return
    text = source.text
    opening = {m.start: m for m in scan.mentions}
    for sentence, following in pairwise(sentences):
        m = opening.get(sentence.start) or (
            opening.get(sentence.start + 4) if text.startswith("The ", sentence.start) else None
        )
        if (
            m is None
            or following.paragraph != sentence.paragraph
            or not frames.reaction.match(text, m.end, sentence.end)
            or (entity := scan.entity(m.entity_id)) is None
            or entity.is_person
        ):
            continue
        # Each stance the next sentence gives, with the words of its first holder there.
        told: dict[str, str] = {}
        for (holder, stance), evidence in grouped.items():
            if stance not in told and any(s is following for s, _d in evidence):
                told[stance] = summaries[(holder, stance)]
        for stance in sorted(told):
            key = (m.entity_id, stance)
            if key not in grouped:
                as_of = _as_of(text, following, source)
                grouped[key] = [(sentence, as_of), (following, as_of)]
                summaries[key] = told[stance]


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


def _asked(text: str, sentence: Sentence) -> bool:
    """Whether the sentence is a question of the writer's or an interviewer's ("Do you
    expect Russia to retaliate?"): it asks, it holds no one's stance. A quoted question
    is the speaker's words (a rhetorical one may well hold a stance)."""
    passage = text[sentence.start : sentence.end].rstrip()
    return passage.endswith("?") and not any(mark in passage for mark in _MARKS)


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
    headings: list[Sentence] | None = None,
) -> list[dict[str, object]]:
    """Schema `position` items: one per actor and stance, evidence in text order, but for
    `headings` (headline, dek, subheads: `sentences.split_headings`): they come after the
    body's, whose words state a position better than a headline's shorthand."""
    topic = _topic_rules(knowledge)
    # A nationality adjective holds no stance ("called the British decision reckless"), nor
    # does where a poll comes from ("A YouGov poll found that 54 per cent backed ...").
    # Most articles hold no word of the poll patterns (`Frames.poll_gate`): then no name
    # is looked around.
    lowered = casefast.plain_lower(source.text)
    weapon_starts = sorted(
        m.start
        for m in scan.mentions
        if (e := scan.entity(m.entity_id)) is not None and e.kind == "weapon"
    )
    polls = may_match(topic.frames.poll_gate, lowered)
    scan = replace(
        scan,
        mentions=[
            m
            for m in scan.mentions
            if not m.adjective and not (polls and _polls(source.text, m.start, m.end, topic.frames))
        ],
    )
    grouped: dict[tuple[str, str], Evidence] = {}
    summaries: dict[tuple[str, str], str] = {}
    previous: Sentence | None = None
    named = frozenset(m.end for m in scan.mentions)  # where names end
    by_start = ByStart(scan.mentions)
    # The speech verbs of each sentence, in list order: `_actor` and `reported` look only
    # at those of the cue's sentence, and a pass over the article's for every cue compared
    # each verb's sentence with it.
    said: dict[Sentence, list[Speech]] = {}
    for ev in events:
        said.setdefault(ev.sentence, []).append(ev)
    labels = _interview_labels(source, scan)
    for index, sentence in enumerate([*sentences, *(headings or [])]):
        if index == len(sentences):
            previous = None  # a heading continues no sentence
        before, previous = previous, sentence
        # Only a sentence naming a weapon can report a strike by use (`usereports`).
        at = bisect_left(weapon_starts, sentence.start)
        armed = at < len(weapon_starts) and weapon_starts[at] < sentence.end
        used = use_report(source.text, sentence, knowledge, lowered) if armed else None
        if used is not None:
            _record_use(
                source,
                sentence,
                used,
                scan,
                quotes,
                said.get(sentence, []),
                knowledge,
                grouped,
                summaries,
            )
        every = _cues(source.text, sentence, scan, knowledge, topic, named)
        if not every or _asked(source.text, sentence):
            continue
        cues = _firsts(every)
        # What follows looks only at names of this sentence and the one before, which
        # (mentions in order: `ByStart.ordered`) start between the two's bounds: a pass
        # over those few, not over all of the article's, in each helper.
        near = scan
        if by_start.ordered:
            near = EntityScan(
                by_start.between((before or sentence).start, sentence.end),
                scan.entities,
                scan.descriptions,
            )
        # The earliest cue is the sentence's; a later one counts only for another actor
        # named right before it, as its subject ("Merz would be open to sending Taurus, a
        # step his predecessor Olaf Scholz refused to take").
        cues = _yield(cues, near, topic.frames)
        pos, stance = cues[0]
        spoken = said.get(sentence, [])
        found = labels.get(sentence.paragraph)
        if found is None or any(q.kind == "direct" and q.start <= pos < q.end for q in quotes):
            found = _actor(source.text, pos, sentence, before, near, quotes, spoken, knowledge)
        if found is None:
            following = sentences[index + 1] if index + 1 < len(sentences) else None
            holder = _lead_in(source.text, sentence, following, scan, quotes, events, topic.frames)
            if holder is not None and following is not None:
                key = (holder, stance)
                as_of = _as_of(source.text, sentence, source)
                grouped.setdefault(key, []).extend([(sentence, as_of), (following, as_of)])
                summaries.setdefault(
                    key, _summary(source.text, sentence, pos, None, quotes, events)
                )
            continue
        stated = [(found, stance, pos)]
        # 'Hebestreit said Berlin would not send': the clause's own subject (a government
        # through its spokesman, a person whose stance someone reports) holds it too.
        subject = (
            None
            if PASSIVE.match(source.text, pos)  # "Ukraine should be allowed": not its stance
            else subject_before(
                source.text, sentence, near, quotes, sentence.start - 1, pos, AUX_GAP
            )
        )
        if (
            subject
            and subject[0] != found[0]
            and not (
                stance in topic.frames.speaker_only
                and reported(subject[1], sentence, spoken)  # the subject of someone's words
            )
            and not addressed(source.text, subject[1], pos, topic.frames)
        ):
            stated.append((subject, stance, pos))
        for (prev, _s), (later, other) in pairwise(cues):
            # Only auxiliaries between ("Scholz had refused"): in "any EU statement
            # endorsing the strikes" the name qualifies the noun that endorses.
            subject = subject_before(source.text, sentence, near, quotes, prev, later, AUX_GAP)
            if subject and all(subject[0] != a for (a, _n), _st, _p in stated):
                stated.append((subject, other, later))
            elif (
                subject is None
                and other != stance
                and (
                    _goes_on(source.text, prev, later, knowledge)
                    or _after_relative(source.text, sentence, near, prev, later, found[0])
                )
                and all(s != other for _a, s, _p in stated)
            ):
                # "said Hungary will not pay ..., calling the deliveries 'a road to a wider
                # war'": the holder goes on to a second stance; "Belgium, which insisted
                # ..., dropped that condition": the clause's antecedent acts after it.
                stated.append((found, other, later))
        stated += partners(source.text, sentence, near, stated)
        if len(every) > 1:
            stated += _quoted_holders(every, quotes, stated)
        as_of = _as_of(source.text, sentence, source)  # the sentence's: once, not per holder
        for (actor, named_at), stance, pos in stated:
            key = (actor, stance)
            grouped.setdefault(key, []).append((sentence, as_of))
            if key not in summaries:
                summaries[key] = _summary(source.text, sentence, pos, named_at, quotes, events)
    _reactions(source, sentences, scan, topic.frames, grouped, summaries)
    inferred: set[tuple[str, str]] = set()
    for side in side_stances(source, sentences, scan, knowledge, quotes, {a for a, _s in grouped}):
        key = (side.actor, side.stance)
        grouped[key] = [(s, _as_of(source.text, s, source)) for s in side.sentences]
        summaries[key] = _summary(
            source.text, side.sentences[0], side.quote.start, None, quotes, events
        )
        inferred.add(key)
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
        if (actor, stance) in inferred:
            item["flags"] = ["uncertain"]  # inferred from the actor's side (`sides`)
        out.append(item)
    return out
