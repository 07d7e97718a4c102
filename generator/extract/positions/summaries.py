"""A position's summary: one line stating it in its holder's terms, their quoted or reported
words holding the cue, else the clause from the holder to the cue.
"""

from __future__ import annotations

import re

from ..quotes import QuoteFound, Speech, reported_text
from ..sentences import Sentence

SUMMARY_LIMIT = 200  # characters: one line on the positions page
_CLAUSE_END = re.compile(r",\s|;\s|\s(?:--|\u2014)\s|:\s")


def _summary(
    text: str,
    sentence: Sentence,
    pos: int,
    named_at: int | None,
    quotes: list[QuoteFound],
    events: list[Speech],
) -> str:
    """One line stating the position in the actor's terms: their words holding the cue
    (quoted or reported), else the clause of the sentence from the actor to the cue's end."""
    for q in quotes:
        if q.kind == "direct" and q.start <= pos < q.end:
            return _one_line("\u201c" + text[q.start : q.end].rstrip(" ,") + "\u201d")
    for q in quotes:
        if q.kind == "reported" and q.start <= pos < q.end:
            said = reported_text(text, q, events)
            return _one_line(said[:1].upper() + said[1:])
    start = named_at if named_at is not None else sentence.start
    if text[max(sentence.start, start - 4) : start].casefold() == "the ":
        start -= 4
    end = _CLAUSE_END.search(text, pos, sentence.end)
    clause = text[start : end.start() if end else sentence.end].strip()
    return _one_line(clause[:1].upper() + clause[1:])


def _one_line(text: str) -> str:
    """`text` on one line, cut at a word before SUMMARY_LIMIT, ending in a stop."""
    line = " ".join(text.split())
    if len(line) > SUMMARY_LIMIT:
        line = line[: SUMMARY_LIMIT - 1].rsplit(" ", 1)[0].rstrip(",;:") + "\u2026"
    elif line and line[-1] not in '.!?\u201d"\u2026':
        line += "."
    return line
