"""Companies an article introduces by what they are: "its maker, Kalyna Defence, says",
"the Dnipro enterprise Kalyna Defence", "the manufacturer Zoria".

A company's name often holds no head noun that makes it a body ("Kalyna Defence" is no
"Institute" or "Systems"): the noun before it says what it is (lexicon
`quote_rules.company_nouns`, the nouns that also let "the company said" find a speaker).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from .factbits import per_lexicon
from .knowledge import Knowledge, trie_alternation
from .names import Candidate, cannot_be_name

# One to four capitalised words, "Kalyna Defence", "Zoria Systems Group".
_NAME = r"(?P<name>[A-Z][\w-]*(?:[ \t][A-Z][\w-]*){0,3})"
# What ends the name: punctuation, or a lower-case word.
_END = r"(?=[,.;:)]|[ \t]+[a-z]|$)"


def _build(data: dict[str, Any]) -> tuple[tuple[str, ...], re.Pattern[str]] | None:
    nouns = [str(n) for n in (data.get("quote_rules") or {}).get("company_nouns") or []]
    if not nouns:
        return None
    # "the manufacturer Zoria", "its maker, Kalyna Defence," (an apposition). The nouns
    # as written, so that `in` turns away an article that has none (most) before a search.
    pattern = re.compile(rf"\b(?:{trie_alternation(nouns)}),?[ \t]+{_NAME}{_END}")
    return tuple(nouns), pattern


_pattern = per_lexicon(_build)
_roles = per_lexicon(
    lambda data: frozenset(str(w).casefold() for w in data.get("role_nouns") or [])
)


def _at_nouns(
    text: str, nouns: tuple[str, ...], pattern: re.Pattern[str], lo: int, hi: int
) -> list[re.Match[str]]:
    """The matches `pattern.finditer(text, lo, hi)` finds (it opens with one of `nouns`
    after a word boundary), in text order."""
    found: dict[int, re.Match[str]] = {}
    for noun in nouns:
        at = text.find(noun, lo, hi)
        while at >= 0:
            m = pattern.match(text, at, hi)
            if m is not None:
                found.setdefault(at, m)
            at = text.find(noun, at + 1, hi)
    # No two overlap: a name is capitalised, a noun is not, so no match holds another's
    # start.
    return [found[at] for at in sorted(found)]


def companies_in(text: str, spans: list[tuple[int, int]], knowledge: Knowledge) -> list[Candidate]:
    """Organisations named right after a company noun, in the given spans (sentences)."""
    built = _pattern(knowledge)
    if built is None or not any(noun in text for noun in built[0]):
        return []
    pattern = built[1]
    found: list[Candidate] = []
    if not spans:
        return found
    starts = [start for start, _end in spans]
    # Matched only where a noun stands, found by `str.find` (a search tried the pattern
    # at every place of the article); a match must lie in one span.
    for m in _at_nouns(text, built[0], pattern, spans[0][0], spans[-1][1]):
        i = bisect_right(starts, m.start()) - 1
        if i < 0 or m.end() > spans[i][1]:
            continue
        name = m.group("name")
        first = name.split()[0]
        # A known name ("the maker, Saab") is found by its alias; a title, a weekday
        # or a sentence starter opens no company's name.
        if knowledge.lookup(name) or cannot_be_name(first, knowledge):
            continue
        if first in knowledge.word_set("titles") or first.casefold() in _roles(knowledge):
            continue  # "the company Chairman Ivo Petrov": a person follows
        found.append(Candidate("actor", "organisation", name, [(m.start("name"), m.end("name"))]))
    return found
