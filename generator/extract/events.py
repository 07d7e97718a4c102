"""Events: dated sentences (or clauses), with the entities involved.

One event per dated sentence. A sentence with two different dates ("approved it in
February, and handed it over in April") is split at the clause breaks of `dates.yaml`, one
event per dated clause; the citation is always the whole sentence, so readers see context.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ..sources import Source, dateline_end
from .dates import DateExpr, date_rules_for, find_dates
from .factbits import (
    InSpan,
    citation,
    entity_info,
    is_garbled,
    layout_of,
    lexicon_data,
    stable_id,
)

_CACHE: dict[int, tuple[dict[str, Any], re.Pattern[str] | None]] = {}


def _breaks(data: dict[str, Any]) -> re.Pattern[str] | None:
    hit = _CACHE.get(id(data))
    if hit is None or hit[0] is not data:
        words = sorted(
            (str(w) for w in data.get("clause_breaks") or []), key=lambda w: (-len(w), w)
        )
        hit = (data, re.compile("|".join(map(re.escape, words))) if words else None)
        _CACHE[id(data)] = hit
    return hit[1]


def _clauses(
    start: int, end: int, text: str, breaks: re.Pattern[str] | None
) -> list[tuple[int, int]]:
    """Clause spans of the sentence text[start:end] (offsets into the article)."""
    spans, cursor = [], start
    for m in breaks.finditer(text, start, end) if breaks else ():
        spans.append((cursor, m.start()))
        cursor = m.end()
    spans.append((cursor, end))
    return [(s, e) for s, e in spans if e > s]


def _pieces(
    sentence: Any, dates: list[DateExpr], text: str, breaks: re.Pattern[str] | None
) -> list[tuple[int, int, DateExpr]]:
    """(start, end, date) of each event: the sentence, or its dated clauses."""
    # "on the 6th, the first launch of this year": a date inside a finer one of the same
    # sentence ("2025" holds "2025-01-06") dates nothing more.
    dates = [
        d
        for d in dates
        if d.until is not None
        or not any(
            o.until is None and len(o.date) > len(d.date) and o.date.startswith(d.date)
            for o in dates
        )
    ]
    distinct = {(d.date, d.until) for d in dates}
    if len(distinct) == 1:
        return [(sentence.start, sentence.end, dates[0])]
    out: list[tuple[int, int, DateExpr]] = []
    for s, e in _clauses(sentence.start, sentence.end, text, breaks):
        inside = [d for d in dates if s <= d.start < e]
        if inside:
            out.append((s, e, inside[0]))
    if len(out) < len(distinct):
        # Dates share a clause: one event per date, each the whole sentence.
        seen: set[tuple[str, str | None]] = set()
        out = []
        for d in dates:
            if (d.date, d.until) not in seen:
                seen.add((d.date, d.until))
                out.append((sentence.start, sentence.end, d))
    return out


# What opens a sentence before what happened: a dateline ("KYIV, Ukraine (AP) -- ", "Jan 8
# (Interfax-Ukraine) – "), a bullet, a speaker's label of up to four capitalised words
# ("NfP: ", "Anna Nowak: ") or a transcript's ("JONATHAN REYES, BYLINE: ").
_LEAD = re.compile(
    r"(?:[^()\n]{0,40}\([A-Za-z][\w .-]{0,30}\)[ \t]*(?:--|\u2013|\u2014|-)[ \t]+)?"
    r"(?:[\u2022\u00b7\u25aa*\u2013\u2014-][ \t]+)?"
    r"(?:(?:[A-Z][\w.'\u2019-]*[ \t]){0,3}[A-Z][\w.'\u2019-]*:[ \t]+"
    r"|[A-Z][A-Z.'\u2019-]+(?:[ \t][A-Z][A-Z.'\u2019-]+){0,3},[ \t][A-Z]+:[ \t]+)?"
)


def _opening(text: str, at: int, end: int) -> int:
    """Where what happened starts: at `at` (after the sentence's dateline, "(ANSA) - ROME,
    SEP 22 - ": `sources.dateline_end`), after `_LEAD`."""
    lead = _LEAD.match(text, at, end)
    return lead.end() if lead is not None else at


# A year written out in a date's words, and "that year" right after a month or a day.
_YEAR_WRITTEN = re.compile(r"\b(?:1[89]|2\d)\d\d\b")
_THAT_YEAR = re.compile(r"\s+(?:of\s+)?that\s+year\b")


def _of_that_year(
    text: str, dates: list[DateExpr], written: str | None
) -> tuple[list[DateExpr], str | None]:
    """`dates` with "November that year" in the year the article last wrote out ("In the
    spring of 2024, ... By November that year, ..."), not the latest November; and the
    last year written out after them."""
    out = []
    for d in dates:
        if (
            written is not None
            and "year" in d.inferred
            and len(d.date) >= 7
            and _THAT_YEAR.match(text, d.end)
        ):
            d = replace(
                d,
                date=written + d.date[4:],
                inferred=tuple(p for p in d.inferred if p != "year"),
            )
        found = _YEAR_WRITTEN.findall(d.text)
        if found:
            written = found[-1]
        out.append(d)
    return out, written


def extract_events(
    source: Source, sentences: list[Any], mentions: list[Any], knowledge: Any
) -> list[dict[str, Any]]:
    """Event items (data schema `event`) for every dated sentence of `source`."""
    data = lexicon_data(knowledge)
    rules, breaks = date_rules_for(data), _breaks(data)
    excluded = frozenset(str(c) for c in data.get("figure_subject_exclude_categories") or [])
    layout = layout_of(knowledge)
    events: list[dict[str, Any]] = []
    previous: str | None = None
    written: str | None = None  # the last year the article wrote out ("in 2024")
    inside = InSpan(mentions)  # `in_span` of the mentions, by bisection
    for sentence in sentences:
        text = source.text[sentence.start : sentence.end]
        before, previous = previous, text
        dates = find_dates(text, source.published, rules, sentence.start)
        dates, written = _of_that_year(source.text, dates, written)
        lead = (
            dateline_end(source.text, sentence.start, sentence.end, layout)
            if dates
            else sentence.start
        )
        if lead > sentence.start:
            # The date of a dateline ("MOSCOW, 17 May.") is when the story was filed.
            dates = [d for d in dates if d.start >= lead]
        if not dates:
            continue
        garbled: bool | None = None  # asked once an event is made
        for start, end, date in _pieces(sentence, dates, source.text, breaks):
            actors = list(
                dict.fromkeys(
                    m.entity_id
                    for m in inside(start, end)
                    if entity_info(knowledge, m.entity_id)[1] not in excluded
                )
            )
            # What happened, without a bullet or an interview's speaker label before it
            # ("• Germany cleared ...", "Kowalska: We will deliver ..."); the citation
            # keeps the whole sentence.
            opening = _opening(source.text, lead, end) if start == sentence.start else None
            item: dict[str, Any] = {
                "id": stable_id("evt", source.id, start, end, date.start),
                "date": date.date,
                "text": source.text[opening if opening is not None else start : end].strip(),
                "actors": actors,
                "citations": [citation(source, sentence.start, sentence.end)],
            }
            if date.inferred:
                item["inferred"] = list(date.inferred)
            if date.until:
                item["until"] = date.until
            if garbled is None:
                garbled = is_garbled(text, before, knowledge)
            if garbled:
                item["flags"] = ["garbled"]
            events.append(item)
    return events
