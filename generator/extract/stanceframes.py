"""Stance frames: the constructions around a stance cue that decide what it says.

Lexicon `stance_frames` holds their words; this module reads them. A cue can be the topic
of a consequence predicate or condition ("approval would mean war"), sit in an open
question ("whether to allow"), be the object of words of another stance ("warned against
lifting"), or be negated ("is not at war").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from . import casefast
from .framegate import Gate, alternatives_gate, may_match, may_match_anywhere
from .sentences import Sentence


@dataclass(frozen=True)
class Frames:
    """Constructions around cues (lexicon `stance_frames`)."""

    consequence: re.Pattern[str] | None  # "would mean", "would amount to"
    condition: re.Pattern[str] | None  # "if", "once"
    question: re.Pattern[str] | None  # "whether"
    object_of: tuple[tuple[str, re.Pattern[str]], ...]  # "warned against <cue>"
    # Stances only the speaker holds, not the subject of the clause they report ("Peskov
    # said Moscow would respond": Peskov's warning, not Moscow's position).
    speaker_only: frozenset[str] = frozenset()
    # Words that negate the cue right after them ("is not at war", "will not be a party
    # to"): the cue then says nothing. Matched ending at the cue.
    negation: re.Pattern[str] | None = None
    # Stances that give way to a later cue of another stance of the same holder ("My
    # position has not changed: ..." is unclear only until the colon says what it is).
    yielding: frozenset[str] = frozenset()
    # Modals of need or duty after a clause subject ("Kyiv needs to", "the bloc should"):
    # that subject is who the speaker's stance is about, not its holder.
    addressee: re.Pattern[str] | None = None
    # `framegate` gates of `object_of` (in its order) and of `question`: which sentences
    # they cannot match in, found by substring tests instead of a search per cue.
    object_gates: tuple[Gate, ...] = ()
    question_gate: Gate = None
    # A sentence opening on a group nobody names ("Not everyone", "Some analysts"): it
    # leads in to the next speaker, who holds its stance. Matched at the sentence start.
    lead_in: re.Pattern[str] | None = None
    # After an actor opening its sentence: that actor's reaction is what the next
    # sentence reports ("Moscow's reaction was swift. The embassy said ..."). Matched
    # right after the actor's name.
    reaction: re.Pattern[str] | None = None
    # Around a name that is where a poll comes from ("A YouGov poll", "a poll by the").
    poll_after: re.Pattern[str] | None = None
    poll_before: re.Pattern[str] | None = None
    # The `framegate` gate of both poll lists: an article whose text holds none of their
    # pieces names no poll's source, and its names need no look around them.
    poll_gate: Gate = None
    # Words ending right before a name that make it the one asked ("urged the White House
    # to let Ukraine"): it is pressed to take the stance, it does not hold it.
    asked_before: re.Pattern[str] | None = None
    # Cues that report the clause after them ("warns that the Tizona will not change the
    # course of the war"): matched at a first cue, which then yields to a later cue of
    # another stance (the clause says what is warned of), unless an actor other than a
    # weapon is named in between.
    reporting: re.Pattern[str] | None = None
    # Stances a heading's cue holds with no topic word beside it ("Kremlin warns European
    # suppliers"): in an article on the question its headline is on it.
    heading_stances: frozenset[str] = frozenset()


def _alternation(patterns: list[Any] | None, anchor: str = "") -> re.Pattern[str] | None:
    raw = [str(p) for p in patterns or []]
    body = "|".join(f"(?:{p})" for p in raw)
    return re.compile(f"(?:{body}){anchor}", re.IGNORECASE) if raw else None


def parse_frames(data: dict[str, Any]) -> Frames:
    raw = data.get("stance_frames") or {}
    objects = raw.get("object_of") or {}
    kept = [stance for stance in objects if _alternation(objects[stance]) is not None]
    return Frames(
        _alternation(raw.get("consequence")),
        _alternation(raw.get("condition")),
        _alternation(raw.get("open_question")),
        tuple((str(stance), _pattern(objects[stance])) for stance in kept),
        frozenset(str(s) for s in raw.get("speaker_only") or []),
        _alternation(raw.get("negation"), "$"),
        frozenset(str(s) for s in raw.get("yielding") or []),
        _alternation(raw.get("addressee")),
        tuple(alternatives_gate(map(str, objects[stance])) for stance in kept),
        alternatives_gate(map(str, raw.get("open_question") or [])),
        _alternation(raw.get("lead_in")),
        _alternation(raw.get("reaction")),
        _alternation(raw.get("poll_after")),
        _alternation(raw.get("poll_before"), "$"),
        alternatives_gate(
            map(str, [*(raw.get("poll_after") or []), *(raw.get("poll_before") or [])])
        ),
        _alternation(raw.get("asked_before"), "$"),
        _alternation(raw.get("reporting")),
        frozenset(str(s) for s in raw.get("heading_stances") or []),
    )


def _pattern(patterns: list[Any]) -> re.Pattern[str]:
    pattern = _alternation(patterns)
    assert pattern is not None
    return pattern


# Where a clause starts: after a comma or semicolon, "that", a relative word, a dash or a
# quotation mark. Grammar, not domain words.
CLAUSE_START = re.compile(
    r"[,;:]\s|\s(?:that|which|who|because|but|when|while)\s|[\"\u201c\u201d]|\s(?:--|\u2014)\s"
)
CLAUSE_STOP = re.compile(r"[,;:]\s|\s(?:--|\u2014)\s|[\"\u201c\u201d]")


def framed(
    text: str,
    sentence: Sentence,
    found: list[tuple[int, int, str]],
    frames: Frames,
    named: frozenset[int] = frozenset(),
) -> list[tuple[int, str]]:
    """(offset, stance) of the cues `found` as their constructions read them.

    - A cue in an open question ("over whether to give Ukraine permission") says nothing,
      nor does a negated one ("Italy is not at war": no warning of war).
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
    topics = topic_spans(text, lo, hi, frames) if rival else []
    # The sentence lower-cased (None: not plain) for the gates, asked once for its cues.
    lower = casefast.plain_lower(text)
    low = lower[lo:hi] if lower is not None else None
    # A gate the article's text cannot pass no sentence of it can (`may_match_anywhere`).
    asks = (
        frames.question is not None
        and may_match_anywhere(frames.question_gate, lower)
        and may_match(frames.question_gate, low)
    )
    gates = frames.object_gates or (None,) * len(frames.object_of)
    objects = [
        (other, pattern)
        for (other, pattern), gate in zip(frames.object_of, gates, strict=True)
        if may_match_anywhere(gate, lower) and may_match(gate, low)
    ]
    for pos, _end, stance in found:
        if asks and frames.question is not None:
            opened = [q for q in frames.question.finditer(text, lo, pos)]
            if opened and not CLAUSE_STOP.search(text, opened[-1].end(), pos):
                continue
        if _negated(text, lo, pos, frames) or _possessed(text, lo, pos):
            continue
        if _RELATIVE_SUBJECT.search(text, max(lo, pos - 60), pos):
            continue  # "every government that lifts a limit tells itself ...": anyone's act
        if _embedded(text, lo, pos, named) and any(p > pos and st != stance for p, _e, st in found):
            continue  # the topic of a later cue of another stance
        governed = False
        for other, pattern in objects:
            if other == stance:
                continue
            # The first match, if it starts before the cue (a later one starts later too).
            m = casefast.search(pattern, text, max(lo, pos - 80), hi)
            if m is not None and m.start() < pos and pos <= m.end():
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


# Words before an -ing form that make it a verb of the clause ("is allowing", "by
# lifting", "against easing"), not a gerund or a participle qualifying a noun. Grammar.
_VERBAL_BEFORE = re.compile(
    r"\b(?:is|are|was|were|be|been|am|keep|keeps|kept|stop|stops|stopped|start|started|"
    r"began|begin|by|of|for|against|about|on|from|without|after|before|in|at|to|and|or|not|"
    r"n't|also|still|now|already|just|continue|continued|considering|consider|avoid|"
    r"avoided)\s+$",
    re.IGNORECASE,
)
_ING = re.compile(r"[A-Za-z]+ing\b")
# A relative clause on an indefinite noun ("any state that", "every country which"): what it
# says qualifies the noun, the topic of the sentence. Grammar.
_RELATIVE_SUBJECT = re.compile(
    r"\b(?:any|every|each|all|those)\s+(?:[\w-]+\s+){0,2}(?:that|which|who)\s+$", re.IGNORECASE
)


def _embedded(text: str, lo: int, pos: int, named: frozenset[int]) -> bool:
    """Whether the cue at `pos` opens on an -ing form that is a gerund subject ("Lifting
    the limits now is like ...") or a participle qualifying a noun ("any country allowing
    such strikes is taking part in the war"): it names what is talked about. After a name
    (an offset of `named`, where mentions end) the participle is that actor's own act
    ("a motion by the Christian Democrats calling for the missiles")."""
    if _RELATIVE_SUBJECT.search(text, max(lo, pos - 60), pos):
        return True  # "any state that lifts its limits will be treated as ...": the topic
    if _ING.match(text, pos) is None:
        return False
    # The name or word the -ing form follows, past a comma ("the Social Democrats,
    # calling for ...": the party's own act).
    before = text[lo:pos].rstrip(' ,"\u201c')
    if len(before) + lo in named:
        return False
    starts = [b.end() for b in CLAUSE_START.finditer(text, lo, pos)]
    start = starts[-1] if starts else lo
    if not text[start:pos].strip():
        # 'Paris was "playing with fire"': a quotation opening right after a verb goes on
        # the verb's clause, its -ing form no gerund.
        opened = start > lo and text[start - 1] in '"\u201c'
        return not (opened and _VERBAL_BEFORE.search(text, lo, start - 1) is not None)
    return _VERBAL_BEFORE.search(text, start, pos) is None


def _possessed(text: str, lo: int, pos: int) -> bool:
    """Whether the cue at `pos` lies in a clause about someone's possession ("Szijjarto,
    whose government has refused to send weapons"): the possession holds it, not the
    person the clause describes."""
    # A match from the clause's start is one from `lo` (re sees the same text around each
    # place), and "whose" is rare: without one from `lo`, no clause start is looked for.
    if _WHOSE.search(text, lo, pos) is None:
        return False
    starts = [b.start() for b in CLAUSE_STOP.finditer(text, lo, pos)]
    return _WHOSE.search(text, starts[-1] if starts else lo, pos) is not None


_WHOSE = re.compile(r"\bwhose\s")


def _negated(text: str, lo: int, pos: int, frames: Frames) -> bool:
    """Whether negation words end right at the cue at `pos`, in the cue's clause."""
    if frames.negation is None:
        return False
    starts = [b.end() for b in CLAUSE_STOP.finditer(text, max(lo, pos - 60), pos)]
    return (
        frames.negation.search(text, starts[-1] if starts else max(lo, pos - 60), pos) is not None
    )


_OPENS_QUOTE = re.compile(r"\s*[\"\u201c]")
_QUOTE_MARK = re.compile(r"[\"\u201d]")


def topic_spans(text: str, lo: int, hi: int, frames: Frames) -> list[tuple[int, int, int, int]]:
    """(topic start, topic end, predicate start, predicate end) of each consequence
    predicate and condition in `text[lo:hi]`."""
    spans = []
    if frames.consequence is not None:
        # Its case-sensitive twin on the lower-cased text finds the same matches faster
        # (their spans are enough: `casefast.spans`).
        for start, end in casefast.spans(frames.consequence, text, lo, hi):
            starts = [b.end() for b in CLAUSE_START.finditer(text, lo, start)]
            # A predicate opening a quotation runs to its end ('would mean "that NATO
            # countries, the United States ... are at war"'), commas and all.
            opened = _OPENS_QUOTE.match(text, end, hi)
            stop = (_QUOTE_MARK if opened else CLAUSE_STOP).search(
                text, opened.end() if opened else end, hi
            )
            spans.append((starts[-1] if starts else lo, start, start, stop.start() if stop else hi))
    if frames.condition is not None:
        for m in frames.condition.finditer(text, lo, hi):
            comma = CLAUSE_STOP.search(text, m.end(), hi)
            if comma is None:
                continue
            stop = CLAUSE_STOP.search(text, comma.end(), hi)
            spans.append((m.start(), comma.start(), comma.end(), stop.start() if stop else hi))
    return spans
