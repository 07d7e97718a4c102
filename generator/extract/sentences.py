"""Sentence splitting with exact offsets into `source.text`.

Only body paragraphs are split (subheads are skipped). A period ends a sentence unless the
word it closes is an abbreviation from the lexicon (`abbreviations`) or a single initial
("K."), or it sits inside a number; an abbreviation still ends a sentence when the next word
is one that usually opens one (`sentence_starters`: "in the U.S. The ..."). Closing quotes
and brackets after the stop belong to the sentence that ends there.

Machine-translated articles have runs like ". ." and ". ,": the stray punctuation is kept
at the start of the next sentence, verbatim, so the garble detector can see it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..sources import Source

# Repo data folder, used only when a caller gives no rules (another stage, a test).
_DEFAULT_LEXICON = Path(__file__).resolve().parents[2] / "data" / "lexicon"

# A stop, any closing quotes/brackets, then whitespace: a candidate boundary.
_BOUNDARY = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s)")
_CLOSING_QUOTES = frozenset("\"'\u201d\u2019")
_NEXT_WORD = re.compile(r"\s*([\"'\u201c\u2018(]*)([\w.'\u2019-]*)")
# A single initial ("K.") or a run of them ("J.D.", "J. R. R." is three words).
_INITIAL = re.compile(r"^(?:[A-Z]\.){1,3}$")


@dataclass(frozen=True, order=True)
class Sentence:
    """`source.text[start:end]` is the sentence; `paragraph` is its 1-based paragraph number."""

    start: int
    end: int
    paragraph: int

    def text(self, source: Source) -> str:
        return source.text[self.start : self.end]


@dataclass(frozen=True)
class SplitRules:
    """Lower-cased abbreviations (with their dots) and words that usually open a sentence."""

    abbreviations: frozenset[str] = frozenset()
    starters: frozenset[str] = frozenset()


def rules_from_lexicon(data: dict[str, Any]) -> SplitRules:
    """The splitting rules in a merged lexicon's `data`."""
    return SplitRules(
        abbreviations=frozenset(str(a).casefold() for a in data.get("abbreviations", [])),
        starters=frozenset(str(w) for w in data.get("sentence_starters", [])),
    )


@lru_cache(maxsize=1)
def default_rules() -> SplitRules:
    """Rules from the repository's `data/lexicon` (loaded once per process)."""
    from ..lexicon import load_lexicon

    lexicon, _problems = load_lexicon(_DEFAULT_LEXICON)
    return rules_from_lexicon(lexicon.data)


def _word_before(text: str, start: int, end: int) -> str:
    """The word `(\\S+)$` finds searched in `text[start:end]` ("" for none): the run of
    non-space characters ending at `end`, from `start` at most. One split in C, where the
    search tried every place of the window and backtracked through each word."""
    if end > start and text[end - 1] == "\n":
        end -= 1  # `$` also holds before a final newline
    if end <= start or text[end - 1].isspace():
        return ""
    return text[start:end].rsplit(None, 1)[-1]


def _after_lower_word(text: str, at: int) -> bool:
    """Whether the word before `text[at]` (after a space) opens in lower case."""
    if at < 2 or text[at - 1] != " ":
        return False
    word = _word_before(text, max(0, at - 41), at - 1)
    return word[:1].islower()


def _is_boundary(text: str, stop_start: int, after: int, rules: SplitRules) -> bool:
    """Whether the stop at `stop_start` (its run ends at `after`) ends a sentence."""
    nxt = _NEXT_WORD.match(text, after)
    next_word = nxt.group(2) if nxt else ""
    if text[stop_start] != ".":
        # ! and ? end one, but for a quotation's attribution after its closing mark
        # ('"Thank you, America!" he wrote.').
        closed = any(c in _CLOSING_QUOTES for c in text[stop_start:after])
        return not (closed and next_word[:1].islower())
    word = _word_before(text, max(0, stop_start - 40), after).lstrip("\"'\u201c\u2018(")
    opens_sentence = next_word in rules.starters
    if word.casefold() in rules.abbreviations:
        return opens_sentence
    if _INITIAL.match(word):
        # 'thanked Germany on X. "Bombers that ...': a quotation opening after a lone
        # capital starts a sentence (no one writes a name on across an opening quote).
        # "I" after a word in lower case is the pronoun, no name's initial: "and neither
        # will I. Slovakia borders ..." (not "said J. Doe": a name may open on one).
        return (
            opens_sentence
            or (nxt is not None and bool(nxt.group(1)) and nxt.group(1)[0] in '"\u201c')
            or (word == "I." and _after_lower_word(text, stop_start - 1))
        )
    return True


def split_paragraph(text: str, start: int, end: int, rules: SplitRules) -> list[tuple[int, int]]:
    """Sentence spans of `text[start:end]`, trimmed of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _BOUNDARY.finditer(text, start, end):
        if _is_boundary(text, match.start(), match.end(), rules):
            spans.append((cursor, match.end()))
            cursor = match.end()
    spans.append((cursor, end))
    out: list[tuple[int, int]] = []
    carry: int | None = None  # start of a punctuation-only run (". .") waiting for a sentence
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e <= s:
            continue
        if not any(ch.isalnum() for ch in text[s:e]):
            # A lone "." is debris: keep it, verbatim, at the head of the next sentence.
            carry = s if carry is None else carry
            continue
        out.append((s if carry is None else carry, e))
        carry = None
    if carry is not None:
        if out:
            out[-1] = (out[-1][0], end_of_run(text, carry, end))
        else:
            out.append((carry, end_of_run(text, carry, end)))
    return out


def end_of_run(text: str, start: int, end: int) -> int:
    """End of `text[start:end]` without trailing whitespace."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def split_sentences(source: Source, rules: SplitRules | None = None) -> list[Sentence]:
    """Every sentence of the body paragraphs of `source`, in text order."""
    rules = rules or default_rules()
    sentences: list[Sentence] = []
    for para in source.paragraphs:
        if para.heading:
            continue
        for s, e in split_paragraph(source.text, para.start, para.end, rules):
            sentences.append(Sentence(s, e, para.number))
    return sentences


def split_headings(
    source: Source, lines: list[tuple[int, int]], rules: SplitRules | None = None
) -> list[Sentence]:
    """The sentences of the header `lines` (headline, dek: `sources.headline_lines`) and
    of subheads inside the body, in text order. Each header line is a paragraph of its
    own, numbered below zero (no body sentence continues one of them)."""
    rules = rules or default_rules()
    out: list[Sentence] = []
    for number, (start, end) in enumerate(lines, 1):
        out += [Sentence(s, e, -number) for s, e in split_paragraph(source.text, start, end, rules)]
    for para in source.paragraphs:
        if para.heading:
            out += [
                Sentence(s, e, para.number)
                for s, e in split_paragraph(source.text, para.start, para.end, rules)
            ]
    return sorted(out)


def sentence_at(sentences: Iterable[Sentence], offset: int) -> Sentence | None:
    """The sentence containing `offset`, if any."""
    for sentence in sentences:
        if sentence.start <= offset < sentence.end:
            return sentence
    return None
