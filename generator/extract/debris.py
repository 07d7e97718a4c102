"""Machine-translation debris across an article, and the flags it puts on every item.

Claims, figures and events flag their own sentence (`claims.is_garbled`). Two things need
the whole article:

- A quote or a stance read out of a garbled sentence is no firmer than a claim: "The the
  missiles was fired, he said" must not reach the site as a settled statement. A quote is
  flagged when the sentence it starts in is garbled; a position when every sentence of its
  evidence is.
- In an article that reads as a machine translation (lexicon `garble.vague.after` debris
  or calqued sentences or more), a short sentence that opens on a pronoun and names
  nothing ("He said he came.", "This was done in response to the announcement.") has lost
  what it referred to. Every item citing such a sentence is flagged, whatever its kind,
  so that a sentence's items always agree.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..sources import Source
from .claims import garbled_sentences, is_garbled, matches_any
from .factbits import per_lexicon
from .knowledge import Knowledge, words_pattern
from .sentences import Sentence

Item = dict[str, Any]

# A number, a quotation mark or a capital after the first word names or quotes something.
_NAMES_SOMETHING = re.compile(r"\d|[\"“”‘’]|(?<=\s)[A-Z]")


@dataclass(frozen=True)
class EchoRule:
    """A short sentence that keeps saying its own words (lexicon `garble.echo`)."""

    min_words: int
    max_words: int
    stem: int  # letters of a word that make its stem ("answer", "answered")
    min_letters: int  # shorter words are not counted
    ignore: frozenset[str]  # grammar words, never counted
    distinct: float  # fewer distinct stems than this share of them: an echo
    distinct_twice: float  # the same with two stems or more said again


@dataclass(frozen=True)
class VagueRule:
    after: int  # debris sentences that make the article a machine translation
    max_words: int
    opener: re.Pattern[str]  # the pronoun a vague sentence opens on
    echo: EchoRule | None = None


def _build(data: dict[str, Any]) -> VagueRule | None:
    garble = data.get("garble") or {}
    raw = garble.get("vague")
    opener = words_pattern(raw.get("openers") or [], flags=0) if raw else None
    if not raw or opener is None:
        return None
    echo = garble.get("echo")
    return VagueRule(
        int(raw["after"]),
        int(raw["max_words"]),
        opener,
        EchoRule(
            int(echo["min_words"]),
            int(echo["max_words"]),
            int(echo["stem"]),
            int(echo["min_letters"]),
            frozenset(str(w).casefold() for w in echo.get("ignore") or []),
            float(echo["distinct"]),
            float(echo["distinct_twice"]),
        )
        if echo
        else None,
    )


vague_rule = per_lexicon(_build)
_WORDS = re.compile(r"[A-Za-z]+")


def _vague(text: str, rule: VagueRule) -> bool:
    return (
        len(text.split()) <= rule.max_words
        and rule.opener.match(text) is not None
        and _NAMES_SOMETHING.search(text) is None
    ) or (rule.echo is not None and _echoes(text, rule.echo))


def _echoes(text: str, rule: EchoRule) -> bool:
    """Whether a short sentence says the same words over ("The map was taken, but the
    bombers on the map have stayed the map."). English repeats a word now and then ("the
    range of the new missile is twice the range of the old one" would count), so this is
    asked only in a machine-translated article, as `vague` is."""
    if '"' in text or "\u201c" in text or "\u201d" in text:
        # A quotation echoes its speaker's words on purpose, one that began a sentence
        # earlier too ('... changes its rules", he said.').
        return False
    words = _WORDS.findall(text)
    if not rule.min_words <= len(words) <= rule.max_words:
        return False
    stems = Counter(
        w[: rule.stem]
        for w in map(str.casefold, words)
        if len(w) >= rule.min_letters and w not in rule.ignore
    )
    said = sum(stems.values())
    again = sum(1 for n in stems.values() if n > 1)  # stems said more than once
    share = len(stems) / said if said else 1.0
    return again > 0 and (share < rule.distinct or (again >= 2 and share < rule.distinct_twice))


def vague_sentences(
    source: Source,
    sentences: list[Sentence],
    knowledge: Knowledge,
    debris: int | None = None,
    among: list[Sentence] | None = None,
) -> list[Sentence]:
    """The short, empty sentences of a machine-translated article (none in any other),
    `among` the given ones (all by default). `debris` is the article's count of garbled
    sentences when the caller has it."""
    rule = vague_rule(knowledge)
    if rule is None:
        return []
    text = source.text
    candidates = [s for s in (among or sentences) if _vague(text[s.start : s.end], rule)]
    if not candidates:
        return []
    if debris is None:
        debris = len(garbled_sentences(source, sentences, knowledge))
    if debris < rule.after:
        # Echoes are signs of a translation too, as debris and calques are.
        echo = rule.echo
        debris += sum(
            1
            for s in sentences
            if echo is not None
            and _echoes(text[s.start : s.end], echo)
            and not is_garbled(text[s.start : s.end], None, knowledge)
        )
    if (
        debris < rule.after
        and debris + _calqued(source, sentences, knowledge, rule.after - debris) < rule.after
    ):
        return []
    return [s for s in candidates if not is_garbled(text[s.start : s.end], None, knowledge)]


def is_calqued(text: str, knowledge: Knowledge) -> bool:
    """Whether a sentence holds readable translationese (lexicon `garble.calques`)."""
    return matches_any(text, knowledge.garble_calques)


def _calqued(source: Source, sentences: list[Sentence], knowledge: Knowledge, enough: int) -> int:
    """How many sentences that are not debris read as translationese (lexicon
    `garble.calques`), counted up to `enough`. A calque keeps its meaning ("took
    decision"), so it flags nothing itself, but it shows that the article is a machine
    translation as surely as debris does."""
    count, previous = 0, None
    for sentence in sentences:
        text = source.text[sentence.start : sentence.end]
        if is_calqued(text, knowledge) and not is_garbled(text, previous, knowledge):
            count += 1
            if count >= enough:
                break
        previous = text
    return count


def debris_sentences(
    source: Source, sentences: list[Sentence], knowledge: Knowledge
) -> list[Sentence]:
    """Every sentence the article's items are flagged `garbled` for, in text order."""
    garbled = garbled_sentences(source, sentences, knowledge)
    vague = vague_sentences(source, sentences, knowledge, len(garbled))
    return sorted([*garbled, *vague], key=lambda s: s.start)


class _Verdicts:
    """Whether the sentence holding an offset is garbled, asked only for the sentences a
    quote or position cites (most sentences cite none)."""

    def __init__(self, source: Source, sentences: list[Sentence], knowledge: Knowledge) -> None:
        self._source, self._sentences, self._knowledge = source, sentences, knowledge
        self._starts = [s.start for s in sentences]
        self.vague_starts: set[int] = set()  # of the vague sentences (`vague_sentences`)
        self._known: dict[int, bool] = {}

    def index(self, offset: int) -> int:
        """The index of the sentence holding `offset` (-1 before the first)."""
        return bisect_right(self._starts, offset) - 1

    def vague(self, offset: int) -> bool:
        index = self.index(offset)
        return index >= 0 and self._starts[index] in self.vague_starts

    def garbled(self, offset: int) -> bool:
        index = self.index(offset)
        if index < 0:
            return False
        hit = self._known.get(index)
        if hit is None:
            text = self._source.text
            sentence = self._sentences[index]
            # The previous sentence too: a sentence repeating it is debris (`is_garbled`).
            before = self._sentences[index - 1] if index else None
            previous = text[before.start : before.end] if before else None
            hit = self._known[index] = self._starts[index] in self.vague_starts or is_garbled(
                text[sentence.start : sentence.end], previous, self._knowledge
            )
        return hit


_CITING = ("claims", "figures", "events", "quotes", "positions")


def _flagged(item: Item) -> None:
    # "garbled" leads, as on claims and figures ("garbled", "uncertain").
    item["flags"] = list(dict.fromkeys(["garbled", *(item.get("flags") or [])]))


def _cited(item: Item) -> list[int]:
    one = item.get("citation")
    return [one["start"]] if one else [c["start"] for c in item.get("citations") or []]


def flag_debris(
    source: Source,
    sentences: list[Sentence],
    found: dict[str, list[Item]],
    knowledge: Knowledge,
) -> None:
    """Add `garbled` (in place) to the quotes and positions that rest on debris only, and
    to every item citing a vague sentence of a machine-translated article."""
    # Only a short sentence that some item cites can flag one: most articles have none,
    # and then neither the items' sentences nor the article's debris need working out.
    rule = vague_rule(knowledge)
    text = source.text
    short = (
        [s for s in sentences if text.count(" ", s.start, s.end) < rule.max_words]
        if rule is not None
        else []
    )
    verdicts = _Verdicts(source, sentences, knowledge)
    if short:
        # Each place once: claims, figures and events cite the same sentences.
        places = {at for kind in _CITING for item in found.get(kind) or [] for at in _cited(item)}
        held = {verdicts.index(at) for at in places}
        held_starts = {sentences[i].start for i in held if i >= 0}
        cited = [s for s in short if s.start in held_starts]
        if cited:
            vague = vague_sentences(source, sentences, knowledge, among=cited)
            verdicts.vague_starts = {s.start for s in vague}
    if verdicts.vague_starts:
        for kind in ("claims", "figures", "events"):
            for item in found.get(kind) or []:
                if any(verdicts.vague(start) for start in _cited(item)):
                    _flagged(item)
    for quote in found.get("quotes") or []:
        if verdicts.garbled(quote["citation"]["start"]):
            _flagged(quote)
    for position in found.get("positions") or []:
        evidence = _cited(position)
        if evidence and all(verdicts.garbled(start) for start in evidence):
            _flagged(position)
