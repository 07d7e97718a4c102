"""Patterns that end the text (`$`), asked of the text reversed.

The garble list holds patterns such as "and there was." that end with `$`: `search` tries
them at every word start of a sentence, though a match can only end at its end. Their
mirror image (every sequence read backwards, lookbehinds turned into lookaheads) matched
at the start of the reversed text tells in one attempt whether one matches: a match of
the pattern ending at the text's end is, read backwards, a match of the mirror image at
the reversed text's start, and the other way round. Only whether a match exists carries
over (not its span, nor its groups), so callers asking just that may use `ends_in`.

Anything this module does not know how to mirror exactly (back-references, flags inside a
group, `^`, a `$` before the end, a lookahead whose mirror, a lookbehind, has no fixed
width) leaves the pattern as it is: `mirrored` then returns None.
"""

from __future__ import annotations

import re
from re import _constants as c  # type: ignore[attr-defined]
from re import _parser as parser  # type: ignore[attr-defined]
from typing import Any

from .firstchar import Seq, Unsupported, unparse

# Flags that change nothing when a pattern is read backwards (MULTILINE changes `$`).
_KEPT_FLAGS = re.IGNORECASE | re.UNICODE | re.DOTALL | re.ASCII
# \b and \B hold between two characters whichever way they are read.
_SYMMETRIC_AT = (c.AT_BOUNDARY, c.AT_NON_BOUNDARY)
# Items that match one character, the same read either way.
_ONE_CHARACTER = (c.LITERAL, c.NOT_LITERAL, c.ANY, c.IN)


def mirrored(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The mirror image of `pattern`, which must end with `$` (see the module's doc), or
    None when there is none this module can write."""
    if pattern.flags & ~_KEPT_FLAGS:
        return None
    try:
        seq = list(parser.parse(pattern.pattern, pattern.flags))
        if not seq or seq[-1] != (c.AT, c.AT_END):
            return None
        return re.compile(unparse(_mirror(seq[:-1])), pattern.flags)
    except (Unsupported, re.error, RecursionError):
        return None


def joined(mirrors: list[re.Pattern[str]]) -> list[re.Pattern[str]]:
    """`mirrors` as one alternation per set of flags: one `match` asks all of them (they
    keep no groups, so the alternation's branches match as they do alone)."""
    by_flags: dict[int, list[str]] = {}
    for m in mirrors:
        by_flags.setdefault(m.flags, []).append(m.pattern)
    return [
        re.compile("|".join(f"(?:{p})" for p in sources), flags)
        for flags, sources in by_flags.items()
    ]


def ends_in(mirror: re.Pattern[str], backwards: str) -> bool:
    """Whether the pattern `mirror` mirrors matches in the text `backwards` reverses:
    ending at its end, or before a final newline (where `$` holds too)."""
    return mirror.match(backwards) is not None or (
        backwards[:1] == "\n" and mirror.match(backwards, 1) is not None
    )


def _mirror(seq: Seq) -> Seq:
    return [_item(op, av) for op, av in reversed(seq)]


def _item(op: Any, av: Any) -> tuple[Any, Any]:
    if op in _ONE_CHARACTER:
        return op, av
    if op is c.AT and av in _SYMMETRIC_AT:
        return op, av
    if op is c.BRANCH:
        return op, (None, [_mirror(list(alt)) for alt in av[1]])
    if op is c.SUBPATTERN:
        group, add, drop, sub = av
        if add or drop:
            raise Unsupported("flags inside a group")
        return op, (group, add, drop, _mirror(list(sub)))
    if op in (c.MAX_REPEAT, c.MIN_REPEAT):
        low, high, sub = av
        return op, (low, high, _mirror(list(sub)))
    if op in (c.ASSERT, c.ASSERT_NOT):
        # What a lookbehind sees before a place, read backwards, comes after it.
        direction, sub = av
        return op, (-direction, _mirror(list(sub)))
    raise Unsupported(str(op))
