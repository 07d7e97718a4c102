"""Direct quotations given their speakers: the speaker of a speech verb after the
quotation ('"...," Rice added') or before it, of the next sentence pointing back to it, or
of the quotation it runs on from, in its paragraph or the one before.
"""

from __future__ import annotations

import re

from ..quotecues import QuoteRules
from ..sentences import Sentence
from .speech import QuoteFound, Speech

# After a quote, a new clause coordinated with the one holding it.
_NEXT_CLAUSE = re.compile(
    r"[\"\u201d\u2019']?[.,;]?[\"\u201d\u2019']?\s*(?:and|but|while|whereas)\s"
)


def _direct(
    text: str,
    sentences: list[Sentence],
    spans: list[tuple[int, int]],
    events: list[Speech],
    rules: QuoteRules,
    windows: dict[tuple[int, int], list[Sentence]],
    runs_on: frozenset[tuple[int, int]] = frozenset(),
    introduced: dict[int, str] | None = None,
    led: dict[int, str] | None = None,
    subjects: dict[int, str] | None = None,
) -> list[QuoteFound]:
    """Direct quotes of `spans`, `windows` the sentences each reaches into; `runs_on` the
    quotations going on in the next paragraph, which may name their speaker; `introduced`
    the person a sentence with no quotation introduces, by the sentence's start; `led` the
    person the clause before a quotation's colon names, by the quotation's start;
    `subjects` the name opening a sentence with a quotation and no speech verb, by the
    sentence's start."""
    attributed: dict[tuple[int, int], str | None] = {}
    for s, e in spans:
        window = windows[(s, e)]
        lo, hi = window[0].start, window[-1].end
        after = [ev for ev in events if e <= ev.start < hi and _attributes(text, ev, rules)]
        before = [ev for ev in events if lo <= ev.start < s]
        if (
            not after
            and not before
            and (back := _told_next(text, sentences, window, events, rules))
        ):
            attributed[(s, e)] = back
            continue
        # A verb after the quote names its speaker ('"...," Rice added'), unless that verb has
        # no speaker of its own ('X said ... "..." and warned that'): then the verb before it.
        # A coordinated verb without a subject ('X said ... and warned "..."') is X's.
        named_before = [ev for ev in before if ev.speaker is not None]
        if after and named_before and _NEXT_CLAUSE.match(text, e, after[0].start):
            # 'The embassy said that Sweden had "chosen to become a target", and the Kremlin
            # spokesman, Dmitry Peskov, said ...': the verb after opens a clause of its own.
            attributed[(s, e)] = named_before[-1].speaker
        elif after and (after[0].speaker is not None or not before):
            attributed[(s, e)] = after[0].speaker
        elif before:
            attributed[(s, e)] = (named_before or before)[-1].speaker
    out: list[QuoteFound] = []
    for i, (s, e) in enumerate(spans):
        if (s, e) in attributed:
            out.append(QuoteFound(s, e, attributed[(s, e)], "direct"))
            continue
        para = windows[(s, e)][0].paragraph
        neighbours = [
            (j, span)
            for j, span in enumerate(spans)
            if span in attributed
            and (
                windows[span][0].paragraph in (para, para - 1)
                or ((s, e) in runs_on and windows[span][0].paragraph == para + 1)
            )
        ]
        nxt = [
            span for j, span in neighbours if j == i + 1 and not text[e + 1 : span[0] - 1].strip()
        ]
        prev = [span for j, span in neighbours if j < i]
        source_span = nxt[0] if nxt else (prev[-1] if prev else None)
        speaker = attributed[source_span] if source_span else None
        # Someone named speaking in the paragraph since that quote is the last named
        # speaker ('The drones are slow, said Fabian Reitmeier. "They decide nothing."').
        since = prev[-1][1] if prev else -1
        spoke = [
            ev.speaker
            for ev in events
            if ev.speaker
            and not ev.calls
            and since <= ev.start < s
            and ev.sentence.paragraph == para
        ]
        if not nxt and spoke:
            speaker, source_span = spoke[-1], (s, e)
        elif not nxt and led and s in led:
            # 'PS leader Nathalie Bruyère put it this way: "..."': who the clause before the
            # colon names.
            speaker, source_span = led[s], (s, e)
        elif (
            not nxt
            and subjects
            and (first := windows[(s, e)][0]).start in subjects
            and not any(windows[p][0].paragraph == para for p in prev)
        ):
            # 'The Russian embassy in Bern let communicate, Switzerland had "..."': a
            # sentence opening a paragraph's quotations on its own subject says whose words
            # they are (within a paragraph, the last speaker's words go on).
            speaker, source_span = subjects[first.start], (s, e)
        elif not nxt and introduced and not any(windows[p][0].paragraph == para for p in prev):
            # 'Latvia's foreign minister, Ilze Rudzīte, was blunter still. "Ukraine is told
            # ..."': the first quotation of a paragraph, right after a sentence introducing
            # a person, is that person's, not the last speaker's before.
            # So is one after "he"/"she" in the next sentence ('President Marek Sosnowski
            # spoke by phone with his counterpart. According to the Chancellery, he
            # "expressed full support ..."').
            first = windows[(s, e)][0]
            at = sentences.index(first)
            opens = first.start >= s - 1 or _HE_BEFORE.search(text, first.start, s) is not None
            lead = sentences[at - 1] if at and opens else None
            if lead is not None and lead.paragraph == para and lead.start in introduced:
                speaker, source_span = introduced[lead.start], (s, e)
        out.append(QuoteFound(s, e, speaker, "direct", inherited=source_span is not None))
    return out


_THAT_NEXT = re.compile(r"\s+that\b")
# A personal pronoun right before a quotation: its subject ('he "expressed full support').
_HE_BEFORE = re.compile(r"\b(?:[Hh]e|[Ss]he)\s+\W?$")


def _attributes(text: str, ev: Speech, rules: QuoteRules) -> bool:
    """Whether a verb after a quotation may name its speaker: not an -ing form of a verb
    that takes a thing as object ("..., repeating Iran's long-standing position"), unless
    "that" follows it."""
    verb = text[ev.start : ev.end].casefold()
    return not (
        verb.endswith("ing") and verb in rules.needs_that and not _THAT_NEXT.match(text, ev.end)
    )


def _told_next(
    text: str,
    sentences: list[Sentence],
    window: list[Sentence],
    events: list[Speech],
    rules: QuoteRules,
) -> str | None:
    """The speaker a quote standing alone is given by the next sentence, which points back
    to it ('"..." That was how Maria Zakharova described ..., telling reporters'): lexicon
    `quote_rules.back_references`."""
    if rules.back_reference is None:
        return None
    at = sentences.index(window[-1]) + 1
    if at >= len(sentences) or not rules.back_reference.match(text, sentences[at].start):
        return None
    nxt = sentences[at]
    return next((ev.speaker for ev in events if ev.sentence == nxt and ev.speaker), None)
