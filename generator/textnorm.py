"""Text normalisation that remembers where every character came from.

Passages are matched after folding whitespace runs, quote styles and dash styles, so a
citation copied from a browser (curly quotes, non-breaking spaces) still matches the file.
Every normalised character keeps the offset of the original character it came from, so a
match in normalised text maps back to an exact span of the source.
"""

from __future__ import annotations

import re
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


# The same folding as `fold_char`, done by str.translate (C speed) instead of per character:
# every build folds each cited passage and each article. Whitespace is every character
# `str.isspace` accepts (tests/test_anchoring.py checks this list against all of Unicode).
_WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004"
    "\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_FOLD_TABLE = str.maketrans({**_FOLD, **dict.fromkeys(_DROP)})  # drops _DROP
_SAME_LENGTH = str.maketrans({**_FOLD, **dict.fromkeys(_WHITESPACE, " ")})  # keeps _DROP
_WORD = re.compile(f"[^ {''.join(sorted(_DROP))}]+")


def normalise(text: str) -> Normalised:
    """Fold quotes, dashes and whitespace runs; strip leading and trailing space.

    The result is what folding `text` character by character with `fold_char` gives,
    keeping a whitespace run as one space (its first character's offset).
    """
    mapped = text.translate(_SAME_LENGTH)  # offsets unchanged: one character for one
    parts: list[str] = []
    origin: list[int] = []
    last = -1
    for match in _WORD.finditer(mapped):
        start, end = match.span()
        if parts and " " in mapped[last:start]:
            parts.append(" ")
            origin.append(mapped.index(" ", last, start))
        parts.append(match.group())
        origin.extend(range(start, end))
        last = end
    return Normalised("".join(parts), tuple(origin), len(text))


def fold(text: str) -> str:
    """The normalised form of `text`, without the offset map."""
    return " ".join(text.translate(_FOLD_TABLE).split())


def clean_source_text(raw: str) -> str:
    """Canonical form of an article as stored: NFC, no BOM, LF line endings.

    Offsets in citations count characters of this form, so it must not change lightly.
    """
    text = raw.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)
