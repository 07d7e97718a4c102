"""Quotations that run on over a paragraph break.

Newspaper style leaves a quotation open at the end of a paragraph when the same speaker goes
on in the next one, which opens with a fresh quotation mark:

    "The targets are chosen by Ukraine. We will not draw a line on the map.
    "If Moscow wants the strikes to stop, it knows what to do," she said.

The pairing of marks (`quotes.spans.quote_spans`) sees a stray mark in the first paragraph and
drops it; the annotation convention makes it a row of its own that ends with the paragraph.
"""

from __future__ import annotations

import re
from itertools import pairwise

from ..sources import Paragraph

# The quotation marks, shared with `quotes.spans` (which pairs them).
OPEN, CLOSE = "\u201c", "\u201d"
MARK = re.compile(f'[{OPEN}{CLOSE}"]')
# A paragraph that continues a quotation opens with a mark, before any word.
_OPENS = re.compile(f'\\s*[{OPEN}"]')
_MIN_CHARS = 20  # a run-on quotation is a sentence or more, not a stray mark before a word


def _open_at_end(text: str, start: int, end: int) -> int | None:
    """Where the text of a quotation left open at the end of `text[start:end]` starts."""
    opened: int | None = None
    straight: int | None = None
    for mark in MARK.finditer(text, start, end):
        i = mark.start()
        ch = text[i]
        if ch == OPEN:
            opened = i + 1
        elif ch == CLOSE:
            opened = None
        else:
            straight = None if straight is not None else i + 1
    return opened if opened is not None else straight


def run_on_spans(text: str, paragraphs: list[Paragraph]) -> list[tuple[int, int]]:
    """Spans of quotations left open at the end of a paragraph whose next paragraph opens
    with a quotation mark: from the opening mark to the paragraph's last character."""
    body = [p for p in paragraphs if not p.heading]
    out: list[tuple[int, int]] = []
    for para, nxt in pairwise(body):
        if not _OPENS.match(text, nxt.start):
            continue
        s = _open_at_end(text, para.start, para.end)
        if s is None:
            continue
        e = para.end
        while e > s and text[e - 1].isspace():
            e -= 1
        while s < e and text[s].isspace():
            s += 1
        if e - s >= _MIN_CHARS:
            out.append((s, e))
    return out
