"""Patterns matched faster by twins that find the same spans.

re tests every letter of a case-blind pattern against both cases, and a pattern opening
with a lookbehind is entered at every position of the text. On plain text (ASCII and
uncased marks, `quantities.PLAIN`: lower-casing keeps every character's place and kind)
the pattern's letters lower-cased, matched case-sensitively on the lower-cased text, find
the same spans; in first-character form (`firstchar`) re may also skip in C to the
characters the pattern's words begin with, which alone is the twin of a case-sensitive
pattern. The match itself is made again by the pattern at each span's start, so callers
get exactly its match objects.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from re import _constants as c  # type: ignore[attr-defined]
from re import _parser as parser  # type: ignore[attr-defined]
from typing import Any

from .firstchar import by_first_char, sub_sequences
from .quantities import PLAIN

# Case-blind re matches these to ASCII letters that lower() does not give.
_FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"


def lowered(pattern: re.Pattern[str], flags: int = 0) -> re.Pattern[str]:
    """`pattern` for lower-cased text: its letters lower-cased (escapes such as \\W kept),
    matched case-sensitively, which is several times faster than ignoring case."""
    return re.compile(lowered_source(pattern.pattern), flags)


def lowered_source(source: str) -> str:
    """The source of `lowered` for a pattern's `source`."""
    out, chars = [], iter(source)
    for ch in chars:
        out.append(ch + next(chars, "") if ch == "\\" else ch.lower())
    # Group syntax is not a letter to lower ("(?P<name>", "(?P=name)").
    return "".join(out).replace("(?p<", "(?P<").replace("(?p=", "(?P=")


def _twin_of(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], bool] | None:
    """(twin, whether it searches the lower-cased text), None for no faster twin.

    A case-blind pattern's is case-sensitive, None where it could differ: a
    pattern turning case-blindness off inside, or holding a character that case-blind re
    matches to an ASCII letter other than its lower-case form (ſ matches s; see `_folds`).
    Other non-ASCII letters match nothing of a plain text, case-blind or not."""
    flags = pattern.flags
    if not flags & re.IGNORECASE:
        skipping = by_first_char(pattern, skipping_only=True)
        return None if skipping is None else (skipping, False)
    if flags & (re.LOCALE | re.VERBOSE | re.ASCII):
        return None
    source = pattern.pattern
    if "(?-" in source or "\\N" in source:
        return None
    try:
        if _folds(list(parser.parse(source, flags))):
            return None
    except (re.error, RecursionError):
        return None
    twin = lowered(pattern, flags & ~re.IGNORECASE)
    return by_first_char(twin) or twin, True


_FOLD_CODES = frozenset(map(ord, _FOLDS_TO_ASCII))


def _folds(seq: list[Any]) -> bool:
    """Whether parsed `seq` holds, as a character or in a class, one that case-blind re
    matches to an ASCII letter lower() does not give (escaped ones too: "\\u017f")."""
    for op, av in seq:
        if op in (c.LITERAL, c.NOT_LITERAL) and av in _FOLD_CODES:
            return True
        if op is c.IN:
            for iop, iav in av:
                if iop is c.LITERAL and iav in _FOLD_CODES:
                    return True
                if iop is c.RANGE and any(iav[0] <= code <= iav[1] for code in _FOLD_CODES):
                    return True
        if any(_folds(list(sub)) for sub in sub_sequences(op, av)):
            return True
    return False


_TWINS: dict[int, tuple[re.Pattern[str], tuple[re.Pattern[str], bool] | None]] = {}


def twin(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], bool] | None:
    """`_twin_of(pattern)`, made once per pattern."""
    hit = _TWINS.get(id(pattern))
    if hit is None or hit[0] is not pattern:
        if len(_TWINS) >= 64:  # patterns of finished runs
            _TWINS.clear()
        hit = _TWINS[id(pattern)] = (pattern, _twin_of(pattern))
    return hit[1]


# The last few texts asked about, each with its lower-cased copy (None: not plain), by
# identity. Callers ask about one article's text many times, with a sentence or a name in
# between now and then: with one place, the article's text was tested and lower-cased
# again after each of those (a pass over some 6,000 characters, twice).
_LOWERED: dict[int, tuple[str, str | None]] = {}
_LOWERED_LIMIT = 8


def plain_lower(text: str) -> str | None:
    """`text.lower()` when `text` is plain, else None."""
    hit = _LOWERED.get(id(text))
    if hit is None or hit[0] is not text:
        if len(_LOWERED) >= _LOWERED_LIMIT:
            del _LOWERED[next(iter(_LOWERED))]  # the one asked about first
        plain = text.isascii() or PLAIN.fullmatch(text) is not None  # ASCII: no pass
        hit = _LOWERED[id(text)] = (text, text.lower() if plain else None)
    return hit[1]


def finditer(
    pattern: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text, pos, endpos)`: the same matches, found faster."""
    end = len(text) if endpos is None else min(endpos, len(text))
    found = twin(pattern)
    if found is None:
        yield from pattern.finditer(text, pos, end)
        return
    fast, on_lower = found
    subject = plain_lower(text) if on_lower else text
    if subject is None:
        yield from pattern.finditer(text, pos, end)
        return
    for hit in fast.finditer(subject, pos, end):
        match = pattern.match(text, hit.start(), end)
        assert match is not None and match.end() == hit.end()
        yield match


def spans(
    pattern: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None
) -> Iterator[tuple[int, int]]:
    """The spans of `finditer`'s matches, for callers that need no more: the twin's
    matches alone, not made again by `pattern` at each (the aliases' alternation of some
    19,000 characters, matched again at each of an article's ~60 names, took longer than
    the twin's search of the whole article)."""
    end = len(text) if endpos is None else min(endpos, len(text))
    found = twin(pattern)
    subject = None
    if found is not None:
        subject = plain_lower(text) if found[1] else text
    if found is None or subject is None:
        for match in pattern.finditer(text, pos, end):
            yield match.span()
        return
    for hit in found[0].finditer(subject, pos, end):
        yield hit.span()


def search(
    pattern: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None
) -> re.Match[str] | None:
    """`pattern.search(text, pos, endpos)`, found faster (see `finditer`)."""
    return next(finditer(pattern, text, pos, endpos), None)
