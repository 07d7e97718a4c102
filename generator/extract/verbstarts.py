"""A sentence's speech verbs, tried only where one of the verb list's words starts.

`quotes.speakers._Speakers._verbs` searched every sentence for the speech-verb alternation, which re
enters at every position (it opens with a lookbehind). Every match of it opens on a whole
word of the list, lower-cased (`knowledge.words_pattern`: `(?<!\\w)` before the word,
`(?!\\w)` after it), so `wordstarts` applies as it does to the name patterns that open on
the same verbs (`names.gates._word_led`): `str.find` of the first runs the sentence holds gives
every place a match can start, `match` there gives the matches `finditer` finds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import casefast
from .knowledge import Knowledge
from .sentences import Sentence
from .wordstarts import matches_at, run_starts

# Case-blind re matches these to ASCII letters that their lower() is not (İ, ı, ſ, the
# Kelvin sign; as `names.gates._FOLDS_TO_ASCII`): a sentence holding one is searched as before.
_FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"


def speech_verbs(
    k: Knowledge, verb: re.Pattern[str], text: str, sentence: Sentence
) -> Iterator[re.Match[str]]:
    """`verb.finditer(text, sentence.start, sentence.end)`: the same matches, found faster.
    `verb` is `k.speech_verb`, whose words `k.gate_runs["verbs"]` were made of."""
    start, end = sentence.start, sentence.end
    runs = k.gate_runs.get("verbs")
    span = text[start:end]
    if runs is None or not (span.isascii() or not any(ch in span for ch in _FOLDS_TO_ASCII)):
        return casefast.finditer(verb, text, start, end)
    return matches_at(verb, text, end, run_starts(span.lower(), start, runs))
