"""The matches of a pattern in each sentence of an article, from one search of the text.

`scan_entities` searched its patterns (aliases, demonyms, capitalised words) sentence by
sentence: a call and a generator per sentence and pattern, for patterns whose search in
C costs less than that. Searched once over the text from the first sentence's start to
the last one's end, they find the same matches, each in its sentence, when:

- the sentences are in order and apart (the search goes through them as one);
- no match reaches out of its sentence (else a sentence's search would have stopped at
  its end, and perhaps found another match after it);
- a sentence is followed by a space (or ends the text): its search saw the end of the
  text there, and a pattern whose lookaheads (`(?!\\w)`, `\\b`) answer alike at a space
  and at the end, and that has no `$`, then tries the same ways: one that goes on over
  the space either matches beyond the sentence (the case above) or fails and backtracks
  to where the sentence's search was.

Where the first two do not hold every sentence is searched on its own, as before; a
sentence not followed by a space is searched on its own. The lookbehinds see the same
text before a sentence either way.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from itertools import pairwise

Finder = Callable[[int, int], Iterator[re.Match[str]]]
SpanFinder = Callable[[int, int], Iterator[tuple[int, int]]]


class SpanScan:
    """An article's sentences (`spans`), for `by_span` searches of patterns whose
    lookaheads answer alike at a space and at the end of the text, with no `$`."""

    def __init__(self, text: str, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.starts = [start for start, _ in spans]
        apart = all(s <= e for s, e in spans) and all(a[1] <= b[0] for a, b in pairwise(spans))
        self.whole = (spans[0][0], spans[-1][1]) if spans and apart else None
        # Sentences followed by a character other than a space (`\s`, as `str.isspace`).
        self.alone = [
            i for i, (_, e) in enumerate(spans) if e < len(text) and not text[e].isspace()
        ]

    def by_span(self, finditer: Finder) -> list[list[re.Match[str]]]:
        """`[list(finditer(start, end)) for start, end in spans]`, from one search."""
        spans = self.spans
        if self.whole is None:
            return [list(finditer(s, e)) for s, e in spans]
        out: list[list[re.Match[str]]] = [[] for _ in spans]
        starts = self.starts
        for m in finditer(*self.whole):
            i = bisect_right(starts, m.start()) - 1
            if i < 0 or m.start() >= spans[i][1] or m.end() > spans[i][1]:
                return [list(finditer(s, e)) for s, e in spans]  # out of its sentence
            out[i].append(m)
        for i in self.alone:
            out[i] = list(finditer(*spans[i]))
        return out

    def spans_by_span(self, finditer: SpanFinder) -> list[list[tuple[int, int]]]:
        """`by_span` for a finder of the matches' spans alone (`casefast.spans`)."""
        spans = self.spans
        if self.whole is None:
            return [list(finditer(s, e)) for s, e in spans]
        out: list[list[tuple[int, int]]] = [[] for _ in spans]
        starts = self.starts
        for span in finditer(*self.whole):
            start, end = span
            i = bisect_right(starts, start) - 1
            if i < 0 or start >= spans[i][1] or end > spans[i][1]:
                return [list(finditer(s, e)) for s, e in spans]  # out of its sentence
            out[i].append(span)
        for i in self.alone:
            out[i] = list(finditer(*spans[i]))
        return out
