"""People a translation names before their office, in the order of a language that writes
the surname first ("Halász Dóra foreign minister", "Szentgyörgyi Ákos prime minister"):
Hungarian puts the office after the name, and a machine translation keeps it there.

Only a name whose second word is a given name of lexicon `given_names_last` counts (the
romanization turns it round: Dóra Halász); the office is a title of lexicon `titles`,
written in lower case right after it.
"""

from __future__ import annotations

import re
from typing import Any

from ..factbits import per_lexicon
from ..knowledge import Knowledge, trie_alternation
from .candidate import Candidate
from .words import UPPER


def _pattern(data: dict[str, Any]) -> re.Pattern[str] | None:
    given = sorted(str(n) for n in data.get("given_names_last") or [])
    titles = sorted({str(t).casefold() for t in data.get("titles") or [] if str(t)[:1].isalpha()})
    if not given or not titles:
        return None
    return re.compile(
        rf"(?P<name>[{UPPER}][\w'’-]+ (?:{trie_alternation(given)}))"
        rf" (?P<title>{trie_alternation(titles)})\b(?![\w-])"
    )


_surname_first = per_lexicon(_pattern)


def people_before_title(text: str, start: int, end: int, k: Knowledge) -> list[Candidate]:
    """The people of `text[start:end]` named surname first before their office in lower
    case."""
    pattern = _surname_first(k)
    if pattern is None:
        return []
    return [
        Candidate(
            "actor", "person", m.group("name"), [(m.start("name"), m.end("name"))], m.group("title")
        )
        for m in pattern.finditer(text, start, end)
    ]
