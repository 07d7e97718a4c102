"""What a text must hold, and where, for a regex to match in it: tests cheaper than a search.

For callers that only ask whether a pattern matches (the garble cues): `pieces` are plain
strings a text without which the pattern cannot match (`str in` is far cheaper than a search
that re enters at every position), `tail` bounds where a match ending the text can start.
"""

from __future__ import annotations

import re
from re import _constants as c  # type: ignore[attr-defined]
from re import _parser as parser  # type: ignore[attr-defined]
from typing import Any

# Shorter pieces are in most sentences: not worth a test.
MIN_PIECE = 3
# A group of more pieces than this costs more tests than the search it may save.
MAX_GROUP = 4
# Groups of pieces: every text the pattern matches in holds a piece of each group.
Pieces = tuple[tuple[str, ...], ...]


def _parsed(pattern: re.Pattern[str]) -> Any | None:
    if pattern.flags & (re.IGNORECASE | re.LOCALE | re.VERBOSE):
        return None  # letters that may be written in any case are no plain pieces
    try:
        return parser.parse(pattern.pattern, pattern.flags)
    except (re.error, TypeError, RecursionError):
        return None


def pieces(pattern: re.Pattern[str]) -> Pieces:
    """Groups of plain strings, a piece of each group in every text `pattern` matches in.

    Read off runs of literal characters one after the other in the pattern's sequence
    (groups entered, zero-width tests stepped over), a run closed by an alternation of
    plain words ("s (?:is|was)" gives "s is" or "s was"), and the runs inside lookarounds
    that must match: what they match is text too."""
    parsed = _parsed(pattern)
    if parsed is None:
        return ()
    found: list[tuple[str, ...]] = []
    # The run still open at the pattern's end is a piece too ("n the meantime of\b" has
    # no other): left out, such patterns got no test and were searched in every sentence.
    _close(found, _walk(list(parsed), found))
    # Most pieces once: the same group twice tests nothing new.
    kept = (g for g in found if min(map(len, g)) >= MIN_PIECE and len(g) <= MAX_GROUP)
    return tuple(dict.fromkeys(kept))


def _literals(seq: Any) -> str | None:
    """The text of a sequence of literal characters only."""
    out = []
    for op, av in seq:
        if op is not c.LITERAL:
            return None
        out.append(chr(av))
    return "".join(out)


def _walk(seq: list[Any], found: list[tuple[str, ...]], run: str = "") -> str:
    """Adds the groups of `seq` to `found`; returns the run still open at its end."""
    for op, av in seq:
        if op is c.LITERAL:
            run += chr(av)
            continue
        if op is c.SUBPATTERN and not (av[1] or av[2]):  # no flags inside
            run = _walk(list(av[3]), found, run)
            continue
        if op is c.AT:
            continue  # zero width: the characters around it still follow each other
        if op is c.ASSERT:
            _close(found, _walk(list(av[1]), found))  # its own text, not next to the run
            continue
        if op is c.ASSERT_NOT:
            continue
        if op is c.BRANCH:
            words = [_literals(alt) for alt in av[1]]
            if all(w is not None for w in words):
                found.append(tuple(run + str(w) for w in words))
                run = ""
                continue
        _close(found, run)
        run = ""
    return run


def _close(found: list[tuple[str, ...]], run: str) -> None:
    if run:
        found.append((run,))


def holds(text: str, groups: Pieces) -> bool:
    """Whether `text` holds a piece of each group."""
    # Loops, not all(any(...)): this runs for every pattern of every sentence, and the
    # generators cost more than the tests.
    for group in groups:
        for piece in group:
            if piece in text:
                break
        else:
            return False
    return True


def tail(pattern: re.Pattern[str]) -> int | None:
    """For a pattern that ends the text (`$`, no MULTILINE) and matches at most N
    characters, N + 1: its matches start in the last N + 1 characters (`$` also holds
    before a final newline). None for any other pattern."""
    if pattern.flags & re.MULTILINE:
        return None
    parsed = _parsed(pattern)
    if parsed is None or not len(parsed) or parsed[-1] != (c.AT, c.AT_END):
        return None
    widest = parsed.getwidth()[1]
    return None if widest >= c.MAXREPEAT else widest + 1


def at_start(pattern: re.Pattern[str]) -> bool:
    """Whether every match of `pattern` starts at the text's start: it opens with `^` (no
    MULTILINE), not with an alternation of which only a branch does ("^a|b")."""
    if pattern.flags & re.MULTILINE:
        return False
    parsed = _parsed(pattern)
    return parsed is not None and len(parsed) > 0 and parsed[0] == (c.AT, c.AT_BEGINNING)
