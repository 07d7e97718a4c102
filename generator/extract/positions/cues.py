"""The stance cues of a sentence (`_cues`), in text order: found in one scan of the combined
alternation (`_cue_matches`), a gated cue only near a sign of the question, none that opens
a scare-quoted term, each then read through `stance_frames`; the first cue of each stance
(`_firsts`), and a yielding first cue dropped for the one it announces (`_yield`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from .. import casefast
from ..entities import EntityScan
from ..knowledge import Knowledge
from ..quantities import PLAIN as _PLAIN
from ..quotecues import quote_rules
from ..sentences import Sentence
from ..stanceframes import Frames, framed
from .topics import _Topic

# Marks that open a quotation: a cue right after one is a scare-quoted term's, a question
# holding one is somebody's words (`records._asked`).
_MARKS = frozenset('"\u201c')


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
# A vote whose object is left out ("The Five Star Movement voted against."): its clause
# ends right after the cue, and what was voted on is in the sentences before (up to
# `_VOTE_LOOKBACK`: "... Tramontanas ... Not everyone followed. The Senate approved the
# change. The Five Star Movement voted against."). Only votes: "the SVP applauds." may
# applaud a refusal the sentence before reported.
# An object that only points back counts as left out ("My group will vote against it, and
# ..."), and so does a day after the vote ("We will vote for it tomorrow.").
_ELIDED = re.compile(
    r"(?:\s+(?:it|them|this|that)(?=[\s.,;]))?(?:\s+(?:today|tomorrow|tonight|again))?"
    r"\s*(?:[.;]|,\s+(?:and|but|while|although|though|with|as)\b"
    r"|,?\s+(?:when|if|once|after|before|unless|in)\b|$)"
)
_VOTE = re.compile(r"\b[Vv]ot(?:e|es|ed|ing)\b")
_VOTE_LOOKBACK = 3
_THANKS = re.compile(r"thank", re.IGNORECASE)


def _cut_alike(text: str, start: int, topic: _Topic) -> bool:
    """Whether the cues match in `text[start:]` as in `text` from `start`: the character
    before `start` is seen by \\b only as a non-word one, and by no lookbehind."""
    assert topic.source is not None
    if start and _WORD.match(text, start - 1):
        return False
    return not topic.behind


def _cue_matches(text: str, start: int, end: int, topic: _Topic) -> Iterator[tuple[int, int, str]]:
    """(start, end, group name) of each match of `topic.every` in `text[start:end]`."""
    assert topic.source is not None and topic.lower is not None
    span = text[start:end]
    # Plain text keeps its offsets when lower-cased: search a lower-cased copy with the
    # case-sensitive pattern (faster), offsets shifted back to the article's. A copy
    # starts afresh where `text` had a character before: non-ASCII sentences take it only
    # where that makes no difference (ASCII ones always have).
    if not (span.isascii() or (_PLAIN.fullmatch(span) and _cut_alike(text, start, topic))):
        every = topic.every
        assert every is not None
        for match in every.finditer(text, start, end):
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


# A sentence opening on a quotation mark.
_OPENS_QUOTE = re.compile(r"[\"“«‘']")


def _cues(
    text: str,
    sentence: Sentence,
    scan: EntityScan,
    knowledge: Knowledge,
    topic: _Topic,
    named: frozenset[int] = frozenset(),
    before: Sequence[Sentence] = (),
    on_topic: bool = False,
) -> list[tuple[int, str]]:
    """(offset, stance) of every cue in the sentence, in text order. Cues that need the
    topic (`topic_stance_cues`) count only near a sign of the question, or, for a vote
    that ends its clause ("The Five Star Movement voted against."), in the sentences
    `before` it (and the one after it in its paragraph), which said what was voted on, or
    a warning anywhere in a sentence `on_topic` (a heading); the constructions of `stance_frames` then
    decide what each cue says (`framed`)."""
    if topic.source is None or topic.lower is None:
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
        if needs and not (on_topic and stance in topic.frames.heading_stances):
            lo = max(sentence.start, start - topic.reach)
            hi = min(sentence.end, end + topic.reach)
            thanks = _THANKS.match(text, start) is not None
            # A quoted verdict on what the sentence before said ('The cabinet lifted the
            # limits on strikes in Russia. "Better late than never," said X.').
            verdict = _OPENS_QUOTE.match(text, sentence.start) is not None
            if (
                not _near_topic(text, lo, hi, scan, knowledge, topic)
                and not (
                    verdict
                    and any(
                        b.end <= sentence.start
                        and b.paragraph == sentence.paragraph
                        and _near_topic(text, b.start, b.end, scan, knowledge, topic)
                        for b in before[-1:]
                    )
                )
                and not (
                    ((_ELIDED.match(text, end) and _VOTE.search(text, start, end)) or thanks)
                    and any(
                        _near_topic(text, b.start, b.end, scan, knowledge, topic)
                        for b in before[-_VOTE_LOOKBACK - 1 :]
                        # 'Sybiha thanked Spain on X. "Tizona ... reached Morozovsk"': thanks
                        # whose reason the next sentence of the paragraph gives.
                        if not thanks or b.start > sentence.start
                    )
                )
            ):
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


def _yield(
    text: str,
    cues: list[tuple[int, str]],
    scan: EntityScan,
    frames: Frames,
    every: list[tuple[int, str]] | None = None,
) -> list[tuple[int, str]]:
    """`cues` without a first cue of a yielding stance that a cue of another stance
    follows with no name in between (the same holder says what its position is), nor
    a first cue that reports the clause after it ("warns that ...", `Frames.reporting`)
    that a cue of another stance follows with no actor but a weapon named in between."""
    first = cues[0]
    if frames.reporting is not None and frames.reporting.match(text, first[0]):
        # Not when the clause warns too ("warned that countries that allow such strikes
        # become parties to the conflict": `every` cue of the sentence, not only firsts).
        other = [c for c in cues[1:] if c[1] != first[1]]
        again = any(at > first[0] and stance == first[1] for at, stance in every or cues)
        if (
            other
            and not again
            and not any(
                first[0] < m.start < other[0][0]
                and (e := scan.entity(m.entity_id)) is not None
                and e.kind != "weapon"
                for m in scan.mentions
            )
        ):
            return [c for c in cues if c != first]
    later = [c for c in cues[1:] if c[1] not in frames.yielding]
    if first[1] not in frames.yielding or not later:
        return cues
    if any(first[0] < m.start < later[0][0] for m in scan.mentions):
        return cues
    return cues[1:]
