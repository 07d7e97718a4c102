"""Parties named by a run of capitalised words before a lower-case "party" ("the premier's
Brothers of Italy party", "the ruling Fidesz party"): a name with no organisation head
noun of its own, which `organisations` cannot see.
"""

from __future__ import annotations

import re

from ..knowledge import Knowledge
from .candidate import Candidate
from .words import UPPER, _blocked

# Up to four capitalised words (with "of", "and", "the" between), then " party".
_PARTY = re.compile(
    rf"(?<![\w'’-])(?P<name>[{UPPER}][\w’'.-]*(?:\s+(?:(?:of|for|and|the)\s+)?[{UPPER}][\w’'.-]*){{0,3}})"
    r"\s+party\b"
)
_POSSESSIVE = re.compile(r"['’]s$")


def _parties(text: str, start: int, end: int, k: Knowledge, lower: str) -> list[Candidate]:
    """Parties of `text[start:end]` named before a lower-case "party"."""
    if " party" not in lower:
        return []
    found: list[Candidate] = []
    for m in _PARTY.finditer(text, start, end):
        words = m.group("name").split()
        # "Meloni's Brothers of Italy party": the owner is no part of the name.
        owned = [i for i, w in enumerate(words) if _POSSESSIVE.search(w)]
        if owned:
            words = words[owned[-1] + 1 :]
        while words and _blocked(words[0], k):
            words = words[1:]  # "The Fidesz party" opening a sentence
        if not words or words[0][:1].islower() or any(_blocked(w, k) for w in words[-1:]):
            continue
        name = " ".join(words)
        known = k.lookup(name)
        if known is not None and k.entities[known].category != "organisation":
            continue  # "the Ukraine party" is no party's name
        at = m.start("name") + m.group("name").rfind(name)
        found.append(Candidate("actor", "organisation", name, [(at, at + len(name))]))
    return found
