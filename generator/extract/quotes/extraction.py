"""`find_quotes`: the steps of the other modules run over one article (quotations,
speakers, direct quotes, reported claims, then claims "according to" someone and impersonal
reports), and `quote_records`, what it found written as schema `quote` items.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from ...sources import Source, dateline_end
from ..bystart import ByStart
from ..debate import Contribution, interjections
from ..entities import EntityScan
from ..factbits import layout_of
from ..knowledge import Knowledge
from ..quotecues import is_company, quote_rules
from ..runon import run_on_spans
from ..sentences import Sentence
from .direct import _direct
from .reported import _reported, reported_text
from .spans import _covering, _term, quote_spans, split_dashed
from .speakers import _Speakers
from .speech import QuoteFound, Speech


def stable_id(prefix: str, source_id: str, start: int, end: int, kind: str) -> str:
    digest = hashlib.sha1(f"{source_id}:{start}:{end}:{kind}".encode()).hexdigest()[:10]
    return f"{prefix}-{digest}"


_SUBJECT_REACH = 60  # characters from a sentence's start its subject's name may begin in


_JOINT = re.compile(r",?\s+(?:and|&)\s+[A-Z]")


def _standing_alone(
    text: str,
    sentences: list[Sentence],
    scan: EntityScan,
    by_start: ByStart,
    spans: list[tuple[int, int]],
    events: list[Speech],
) -> tuple[dict[int, str], dict[int, str]]:
    """Who a quotation with no speech verb of its own is by, from the sentences with no
    speech verb, each by its start:
    - one with no quotation that introduces a person ("Latvia's foreign minister, Ilze
      Rudzīte, was blunter still."): the person named first, near its start; a quotation
      standing alone right after it is that person's;
    - one with a quotation that opens on a name ("The Russian embassy in Bern let
      communicate, Switzerland had „its neutrality finally buried“": a verb of saying the
      lexicon does not know): that name's, not the last speaker's of the paragraph before.
    """
    spoken = {ev.sentence.start for ev in events}
    quoted = sorted(s for s, _e in spans)
    introduced: dict[int, str] = {}
    subjects: dict[int, str] = {}
    for sentence in sentences:
        if sentence.start in spoken:
            continue
        i = bisect_left(quoted, sentence.start)
        quote = quoted[i] if i < len(quoted) and quoted[i] < sentence.end else None
        if quote is None:
            reach = min(sentence.end, sentence.start + _SUBJECT_REACH)
            for m in by_start.between(sentence.start, reach):
                entity = scan.entity(m.entity_id)
                if sentence.start <= m.start < reach and entity is not None and entity.is_person:
                    introduced[sentence.start] = m.entity_id
                    break
            continue
        opening = 4 if text.startswith(("The ", "the "), sentence.start) else 0
        for m in by_start.between(sentence.start, sentence.start + opening + 1):
            entity = scan.entity(m.entity_id)
            if (
                m.start == sentence.start + opening
                and not m.adjective
                and m.end < quote
                and not _JOINT.match(text, m.end)  # "Britain and France have issued"
                and entity is not None
                and entity.kind == "actor"
            ):
                subjects[sentence.start] = m.entity_id
                break
    return introduced, subjects


def _colon_led(
    text: str,
    scan: EntityScan,
    by_start: ByStart,
    spans: list[tuple[int, int]],
    windows: dict[tuple[int, int], list[Sentence]],
) -> dict[int, str]:
    """Quotations a colon leads into from a clause naming a person ("PS leader Nathalie
    Bruyère put it this way: "..."), by the quotation's start: that person."""
    out: dict[int, str] = {}
    for s, _e in spans:
        # (`s` may be past the opening mark: marks and spaces before it are skipped.)
        lead = text[max(0, s - 4) : s].rstrip(" \"“«‘'")
        sentence = windows[(s, _e)][0]
        if not lead.endswith(":") or sentence.start >= s:
            continue
        colon = text.rfind(":", sentence.start, s)
        for m in by_start.between(sentence.start, colon):
            entity = scan.entity(m.entity_id)
            if sentence.start <= m.start and m.end <= colon and entity and entity.is_person:
                out[s] = m.entity_id
                break
    return out


def find_quotes(
    source: Source,
    sentences: list[Sentence],
    scan: EntityScan,
    knowledge: Knowledge,
    record: Sequence[Contribution] = (),
) -> tuple[list[QuoteFound], list[Speech]]:
    """Direct and reported quotes of `source`, and the speech verbs they hang on; `record`
    the contributions of a debate record (`debate.contributions`)."""
    text = source.text
    spans: list[tuple[int, int]] = []
    for para in source.paragraphs:
        if not para.heading:
            spans += quote_spans(text, para.start, para.end)
    # A quotation left open where its paragraph ends, the next one going on with it.
    runs_on = frozenset(run_on_spans(text, source.paragraphs))
    spans = sorted([*spans, *runs_on])
    if "\u2014" in text or "\u2013" in text:
        spans = split_dashed(text, spans, knowledge.speech_verb)
    # The sentences each quote reaches into, found once: the tests below all ask.
    windows = {sp: window for sp in spans if (window := _covering(sentences, *sp))}
    spans = [sp for sp in spans if sp in windows]
    rules = quote_rules(knowledge)
    spans = [sp for sp in spans if not _term(text, sp, spans, windows[sp], knowledge, rules)]
    events = _Speakers(text, scan, knowledge, spans).events(sentences, rules.calls)
    starts = {m.start: m.end for m in scan.mentions}
    # Who a quotation standing alone is by: the person the sentence before it introduces
    # or the name opening its own sentence (by sentence start), or the person the clause
    # before its colon names (by the quotation's start).
    by_start = ByStart(scan.mentions)
    introduced, subjects = _standing_alone(text, sentences, scan, by_start, spans, events)
    led = _colon_led(text, scan, by_start, spans, windows)
    found = _direct(
        text, sentences, spans, events, rules, windows, runs_on, introduced, led, subjects
    ) + _reported(text, events, spans, rules, starts)
    from ..according import according  # it builds QuoteFound and Speech (`speech`)

    taken = {q.start for q in found if q.kind == "reported"}
    named = [m for m in scan.mentions if not m.adjective]
    people = frozenset(i for i, e in scan.entities.items() if e.is_person)
    # The companies the article names, for "according to the company".
    rules = quote_rules(knowledge)
    companies = frozenset(
        m.entity_id
        for m in named
        if (e := scan.entity(m.entity_id)) is not None
        and is_company(e.name, e.category, e.description or scan.descriptions.get(e.id), rules)
    )
    more, sources = according(text, sentences, named, knowledge, spans, taken, people, companies)
    if more:
        # A quotation inside a claim "according to" someone is theirs ('According to her,
        # London "crossed all the red lines"'), when no verb gave it a speaker.
        said_by = {q.start: q.speaker for q in more if q.speaker}
        if said_by:
            found = [
                replace(q, speaker=said_by[at])
                if q.kind == "direct"
                and q.speaker is None
                and (at := windows[(q.start, q.end)][0].start) in said_by
                else q
                for q in found
            ]
        found += more
        events = sorted([*events, *sources], key=lambda e: (e.start, e.end))
    from ..impersonal import with_impersonal  # it builds QuoteFound and Speech (`speech`)

    found, events = with_impersonal(text, sentences, named, knowledge, spans, found, events)
    found = _after_datelines(text, found, knowledge)
    # A debate record's contributions are its members' verbatim speech.
    found += [QuoteFound(c.start, c.end, c.speaker, "direct", labelled=True) for c in record]
    # Words called out: set off by a colon, read as a quotation's.
    found += [QuoteFound(s, e, who, "direct") for s, e, who in interjections(source, scan, record)]
    return sorted(found, key=lambda q: (q.start, q.end)), events


def _after_datelines(text: str, found: list[QuoteFound], knowledge: Knowledge) -> list[QuoteFound]:
    """Reported claims that open a paragraph on its dateline ("Tirana (dpa) - The United
    States will allow ..., Whitcombe announced") start after it (lexicon
    `layout.dateline`): the place and the agency are nobody's words."""
    layout = layout_of(knowledge)
    out = []
    for q in found:
        at = dateline_end(text, q.start, q.end, layout) if q.kind == "reported" else q.start
        if at > q.start and (q.clause is None or q.clause <= q.start):
            q = replace(q, start=at, clause=at if q.clause is not None else None)
        out.append(q)
    return out


def quote_records(
    source: Source, found: list[QuoteFound], events: list[Speech]
) -> list[dict[str, object]]:
    """Schema `quote` items."""
    out: list[dict[str, object]] = []
    for q in found:
        passage = source.text[q.start : q.end]
        text = passage if q.kind == "direct" else reported_text(source.text, q, events)
        item: dict[str, object] = {
            "id": stable_id(
                "quote", source.id, q.start, q.end, f"{q.kind}-{q.part}" if q.part else q.kind
            ),
            "speaker": q.speaker,
            "kind": q.kind,
            "text": text,
            "citation": {"source": source.id, "quote": passage, "start": q.start, "end": q.end},
            "status": "extracted",
        }
        if q.inherited or (q.speaker is None and q.kind == "direct"):
            item["flags"] = ["uncertain"]
        out.append(item)
    return out
