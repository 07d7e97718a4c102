"""Stage 2: everything one article says, as schema items.

`extract_article` is a pure function of (source, knowledge): deterministic, picklable
results, no I/O, so articles can be extracted in parallel and cached by content.
"""

from __future__ import annotations

import importlib
import itertools
import logging
import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any, cast

from ..sources import Source, headline_lines
from .claims import claim_records
from .debate import contributions
from .debris import flag_debris
from .entities import EntityScan, Mention, scan_entities
from .home import localise
from .knowledge import Knowledge
from .positions import position_records
from .quotes import find_quotes, quote_records
from .sentences import Sentence, split_headings, split_sentences

log = logging.getLogger(__name__)

Collections = dict[str, list[dict[str, Any]]]
SubExtractor = Callable[[Source, list[Sentence], list[Mention], Knowledge], list[dict[str, Any]]]


def _optional(module: str, name: str) -> SubExtractor | None:
    """An extractor another module provides, if that module is there."""
    try:
        return getattr(importlib.import_module(f"{__package__}.{module}"), name)  # type: ignore[no-any-return]
    except (ImportError, AttributeError):
        log.debug("extractor %s.%s not available", module, name)
        return None


# --- Hook: figures and events come from figures/ and events.py (another engineer's). -----
# Each is called as fn(source, sentences, mentions, knowledge) -> list of schema items.
_FIGURES = _optional("figures", "extract_figures")
_EVENTS = _optional("events", "extract_events")


# French quotation marks, read as the curly double marks the finders know («...» as “...”;
# Swedish »...» as ”...”, then opened by `fold_quotation_marks`).
_GUILLEMETS = str.maketrans({"\u00ab": "\u201c", "\u00bb": "\u201d"})


_CLOSING = re.compile("\u201d")
_LINE = re.compile(r"[^\n]+")


def _opened(line: re.Match[str]) -> str:
    """A line whose quotations open and close with the same mark (”...”, Finnish and
    Swedish style), each pair opened with “: the first, third, ... mark opens."""
    count = itertools.count()
    return _CLOSING.sub(lambda m: "\u201c" if next(count) % 2 == 0 else "\u201d", line.group())


_LOW_PAIR = re.compile("\u201e([^\u201c\u201d\u201e\n]*)[\u201c\u201d]")


def fold_quotation_marks(text: str) -> str:
    """`text` with its quotation marks as the finders know them (“...”), in a copy of the
    same length: guillemets («...», »...»), marks that open as they close (”...”), and
    low marks that open („...“ in German, „...” in Polish)."""
    # translate() with a dict looks up every character in Python (~0.3 ms an article);
    # most articles hold no guillemet, and then it would return an equal copy.
    has_guillemets = "\u00ab" in text or "\u00bb" in text
    folded = text.translate(_GUILLEMETS) if has_guillemets else text
    if "\u201e" in folded:
        folded = _LOW_PAIR.sub(lambda m: f"\u201c{m.group(1)}\u201d", folded)
    if "\u201d" in folded and "\u201c" not in folded:
        folded = _LINE.sub(_opened, folded)
    return folded


def extract_article(source: Source, knowledge: Knowledge) -> Collections:
    """Entities, claims, quotes, positions, figures and events of one article."""
    text = source.text
    folded = fold_quotation_marks(text)
    if folded == text:
        result = _extract_article(source, knowledge)
    else:
        # A copy of the same length, so every offset holds; each passage read from the copy
        # is then taken from the article as written.
        result = cast(
            Collections,
            _as_written(_extract_article(replace(source, text=folded), knowledge), folded, text),
        )
    localise(result, source, knowledge)  # bare names and sums of the article's country
    return result


def _as_written(value: Any, folded: str, text: str) -> Any:
    """`value` with every string that is a passage of `folded` replaced by the same
    passage of `text` (`extract_article`)."""
    if isinstance(value, str):
        if "\u201c" in value or "\u201d" in value:
            at = folded.find(value)
            if at >= 0:
                return text[at : at + len(value)]
        return value
    if isinstance(value, dict):
        start, end = value.get("start"), value.get("end")
        out = {k: _as_written(v, folded, text) for k, v in value.items()}
        if isinstance(start, int) and isinstance(end, int) and isinstance(out.get("quote"), str):
            out["quote"] = text[start:end]  # a citation: exactly its span
        return out
    if isinstance(value, list):
        return [_as_written(v, folded, text) for v in value]
    return value


def _extract_article(source: Source, knowledge: Knowledge) -> Collections:
    sentences = split_sentences(source, knowledge.split)
    # Headlines, deks and subheads give stances too; they are no sentences of the body.
    lines = headline_lines(source, knowledge.lexicon.layout) if knowledge.lexicon else []
    headings = split_headings(source, lines, knowledge.split)
    scan: EntityScan = scan_entities(
        source,
        knowledge,
        [(s.start, s.end) for s in sentences],
        source.header,
        [(s.start, s.end) for s in headings],
    )
    # A debate record's contributions: its members' quotes, and who holds what they say.
    record = contributions(source, scan, knowledge)
    found, events = find_quotes(source, sentences, scan, knowledge, record)
    # A debate record's contributions are quotes, but no quotation marks stand around them:
    # claims and stances read their words as they read any sentence's.
    marked = [q for q in found if not q.labelled]
    direct = [(q.start, q.end) for q in marked if q.kind == "direct"]
    result: Collections = {
        "entities": scan.records(),
        "claims": claim_records(source, sentences, scan, knowledge, direct),
        "quotes": quote_records(source, found, events),
        "positions": position_records(
            source, sentences, scan, knowledge, marked, events, headings, record
        ),
    }
    # Figures and events look entities up by id: the ones this article introduced (a
    # think tank, a minister) must be known to them too, so that they can own a figure.
    local = {k: v for k, v in scan.entities.items() if k not in knowledge.entities}
    seen = replace(knowledge, entities={**knowledge.entities, **local}) if local else knowledge
    for key, fn in (("figures", _FIGURES), ("events", _EVENTS)):
        result[key] = fn(source, sentences, scan.mentions, seen) if fn else []
    flag_debris(source, sentences, result, knowledge)
    return result
