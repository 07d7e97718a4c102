"""Text normalisation that remembers where every character came from.

Passages are matched after folding whitespace runs, quote styles and dash styles, so a
citation copied from a browser (curly quotes, non-breaking spaces) still matches the file.
Every normalised character keeps the offset of the original character it came from, so a
match in normalised text maps back to an exact span of the source.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# Folded to one style each: quotes, apostrophes and dashes that look alike to a reader.
_FOLD = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc\u0060\u00b4", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
}
# Invisible characters that copy-paste adds or drops: ignored when matching.
_DROP = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")


@dataclass(frozen=True)
class Normalised:
    """`text` is the folded text; `origin[i]` is the offset in the original of `text[i]`."""

    text: str
    origin: tuple[int, ...]
    length: int  # length of the original text

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalised text back to a span of the original."""
        if start >= end:
            pos = self.origin[start] if start < len(self.origin) else self.length
            return pos, pos
        return self.origin[start], self.origin[end - 1] + 1


def fold_char(ch: str) -> str:
    """The matching form of one character ('' for characters that are ignored)."""
    if ch in _DROP:
        return ""
    if ch in _FOLD:
        return _FOLD[ch]
    if ch.isspace():
        return " "
    return ch


def normalise(text: str) -> Normalised:
    """Fold quotes, dashes and whitespace runs; strip leading and trailing space."""
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        folded = fold_char(ch)
        if not folded:
            continue
        if folded == " " and (not out or out[-1] == " "):
            continue
        out.append(folded)
        origin.append(i)
    if out and out[-1] == " ":
        out.pop()
        origin.pop()
    return Normalised("".join(out), tuple(origin), len(text))


def fold(text: str) -> str:
    """The normalised form of `text`, without the offset map."""
    return normalise(text).text


def clean_source_text(raw: str) -> str:
    """Canonical form of an article as stored: NFC, no BOM, LF line endings.

    Offsets in citations count characters of this form, so it must not change lightly.
    """
    text = raw.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)
