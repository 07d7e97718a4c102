"""Whether a name pattern can match in a sentence at all, and where its matches start.

The name patterns open with lookbehinds or long alternations, so re would try them at every
position of every sentence; most sentences lack the word every match holds (`gate_open`),
and where the sentence has one, a match can only start where such a word does
(`_word_starts`, `_word_led`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..knowledge import Knowledge
from ..wordgate import holds_any
from ..wordstarts import matches_at, run_starts

# Case-blind re matches these to ASCII letters that their lower() is not (İ, ı, ſ; the
# Kelvin sign for safety): a sentence holding one is not gated by lower-case substrings.
_FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"


# The last text asked about and whether it holds one of `_FOLDS_TO_ASCII`: `discover`
# asks for every sentence of one text in turn, and few texts hold one.
_FOLDS_IN: tuple[str | None, bool] = (None, False)


def _folds_in(text: str) -> bool:
    """Whether `text` holds a character of `_FOLDS_TO_ASCII` (else none of its sentences do)."""
    global _FOLDS_IN
    if _FOLDS_IN[0] is not text:
        _FOLDS_IN = (text, any(c in text for c in _FOLDS_TO_ASCII))
    return _FOLDS_IN[1]


def gate_open(k: Knowledge, gate: str, sentence: str, lower: str | None) -> bool:
    """Whether the sentence holds a word of `k.gates[gate]`, without which the pattern it
    gates cannot match (True when unsure). The name patterns start with lookbehinds, so
    re tries them at every position of every sentence; most sentences lack the word."""
    words = k.gates.get(gate)  # one search for any of the words (`knowledge._gate`)
    if words is None:
        return True
    if gate == "titles":  # matched as written
        return words.search(sentence) is not None
    if lower is None:
        return True
    runs = k.gate_runs.get(gate)
    if runs is not None:  # the patterns match these words whole: a set test (`wordgate`)
        return holds_any(lower, runs)
    return words.search(lower) is not None


def _word_starts(k: Knowledge, gate: str, start: int, lower: str | None) -> list[int] | None:
    """Where a match of a pattern opening on a whole word of `k.gates[gate]` can start
    (`wordstarts.run_starts`; empty: the gate is shut), None when that is not known (no
    lower-cased sentence, no word runs): then `gate_open` and `finditer` as before."""
    runs = k.gate_runs.get(gate)
    if lower is None or runs is None:
        return None
    return run_starts(lower, start, runs)


def _word_led(
    k: Knowledge,
    gate: str,
    pattern: re.Pattern[str],
    text: str,
    span: tuple[int, int],
    lower: str | None,
    starts: list[int] | None = None,
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text, *span)` (or nothing, its gate shut) for a pattern every
    match of which opens on a whole word of `k.gates[gate]`: tried only where one of those
    words starts (`wordstarts`) when that is known. `starts`: `_word_starts`, if asked."""
    start, end = span
    if starts is None:
        starts = _word_starts(k, gate, start, lower)
    if starts is not None:
        return matches_at(pattern, text, end, starts)
    if gate_open(k, gate, text[start:end], lower):
        return pattern.finditer(text, start, end)
    return iter(())
