"""Anchoring a cited passage to exactly one place in its article.

Matching ignores whitespace runs, quote styles and dash styles (see `textnorm`). A passage
must resolve to one place: a passage found nowhere, or found more than once without a
prefix, suffix or offsets to choose, is an error. Offsets are checked, never trusted: if
the article changed and the passage is no longer where the offsets say, that is reported,
not silently re-attached to a look-alike elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from .textnorm import Normalised, fold


@dataclass(frozen=True)
class Span:
    start: int
    end: int


class AnchorError(ValueError):
    """The passage cannot be anchored; the message says why and what to do."""


def _occurrences(haystack: str, needle: str) -> list[int]:
    found = []
    pos = haystack.find(needle)
    while pos != -1:
        found.append(pos)
        pos = haystack.find(needle, pos + 1)
    return found


def _excerpt(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def locate(
    text: str,
    norm: Normalised,
    quote: str,
    *,
    prefix: str | None = None,
    suffix: str | None = None,
    start: int | None = None,
    end: int | None = None,
) -> Span:
    """The span of `quote` in `text` (whose normalised form is `norm`), or AnchorError."""
    needle = fold(quote)
    if len(needle) < 3:
        raise AnchorError("passage is too short to anchor; quote at least a few words")
    if start is not None or end is not None:
        if start is None or end is None or not 0 <= start < end <= len(text):
            raise AnchorError(
                f"start/end ({start}, {end}) are not a span of the article "
                f"(0-{len(text)}); give both, or remove both to re-anchor"
            )
        if fold(text[start:end]) == needle:
            return Span(start, end)
        elsewhere = [norm.span(p, p + len(needle)) for p in _occurrences(norm.text, needle)]
        hint = (
            f"; the passage is now found at {', '.join(f'{s}-{e}' for s, e in elsewhere)}"
            if elsewhere
            else "; the passage is not in the article any more"
        )
        raise AnchorError(
            f"the article at {start}-{end} reads '{_excerpt(text[start:end])}', not the cited "
            f"passage{hint}: check the citation, then fix or remove start/end"
        )
    hits = _occurrences(norm.text, needle)
    if prefix:
        want = fold(prefix)
        hits = [p for p in hits if norm.text[:p].rstrip().endswith(want.rstrip())]
    if suffix:
        want = fold(suffix)
        hits = [p for p in hits if norm.text[p + len(needle) :].lstrip().startswith(want.lstrip())]
    if not hits:
        context = " with that prefix/suffix" if prefix or suffix else ""
        raise AnchorError(
            f"passage '{_excerpt(quote)}' is not in the article{context}; "
            "copy it verbatim from the source"
        )
    if len(hits) > 1:
        raise AnchorError(
            f"passage '{_excerpt(quote)}' occurs {len(hits)} times in the article; "
            "add prefix or suffix (the words just before or after it) to pick one"
        )
    first, last = norm.span(hits[0], hits[0] + len(needle))
    return Span(first, last)
