"""A gate of whole words: one tokenisation of a sentence instead of a trie search per gate.

`names.gates.gate_open` asked, per sentence and per word list (speech verbs, role nouns, weapon
heads), whether the lower-cased sentence holds one of the words as a substring: a regex
search each time, which re enters at nearly every position. The patterns those gates guard
only match a list word that starts after a non-word character (or the text's start) and
whose first run of word characters ends before a non-word character (a space, `\\b`).
So where a pattern matches, that first run is a whole word of the sentence (`\\w+` run),
lower-cased (the words are ASCII, matched case-blind; see `names.gates._FOLDS_TO_ASCII`): a
sentence whose words miss every first run cannot match. One `\\w+` split per sentence and a
set test per gate replace the searches.

Exact on every text `lower` is the `lower()` of: lower() keeps each character's place and
whether it is a word character, İ (U+0130) alone excepted, which `names` never lowers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_WORD = re.compile(r"\w+")


def first_runs(words: Iterable[str] | None) -> frozenset[str] | None:
    """The lower-cased first word-character runs of `words`, or None when a word does not
    open with a word character (or is empty): that word's matches are no whole words."""
    if words is None:
        return None
    runs: set[str] = set()
    for word in words:
        m = _WORD.match(word.lower())
        if m is None:
            return None
        runs.add(m.group())
    return frozenset(runs)


def longest_runs(words: Iterable[str]) -> frozenset[str] | None:
    """The longest word-character run of each of `words` (lower-cased), or None when a
    word has none. For patterns that match the words whole, `\b` before and after: then
    every run of a matched word is a whole word of the text, and the longest is rarest
    ("dozen" of "a dozen")."""
    runs: set[str] = set()
    for word in words:
        found = _WORD.findall(word.lower())
        if not found:
            return None
        runs.add(max(found, key=len))
    return frozenset(runs)


# The words of the lower-cased sentences asked about, by sentence: the name finders ask
# about every sentence of an article, the number finders later about the same sentences
# (equal strings, other objects). Bounded: cleared when full.
_WORDS: dict[str, frozenset[str]] = {}
_WORDS_LIMIT = 2048


# ASCII characters other than word characters (`\w`: letters, digits, "_") as spaces.
_ASCII_WORDS = str.maketrans(
    {i: chr(i) if chr(i).isalnum() or chr(i) == "_" else " " for i in range(128)}
)


def words_of(lower: str) -> frozenset[str]:
    """The `\\w+` runs of `lower` (a lower-cased sentence)."""
    found = _WORDS.get(lower)
    if found is None:
        if len(_WORDS) >= _WORDS_LIMIT:
            _WORDS.clear()
        found = _WORDS[lower] = _runs(lower)
    return found


def _runs(lower: str) -> frozenset[str]:
    """`frozenset(_WORD.findall(lower))`. An ASCII text (four sentences in five) is split
    in C instead: its other characters turned into spaces, the rest are its runs."""
    if lower.isascii():
        return frozenset(lower.translate(_ASCII_WORDS).split())
    return frozenset(_WORD.findall(lower))


def holds_any(lower: str, runs: frozenset[str]) -> bool:
    """Whether `lower` has one of `runs` as a whole word."""
    return not runs.isdisjoint(words_of(lower))
