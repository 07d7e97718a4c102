"""Claims: every body sentence that names an entity, about its main entity.

The subject is the first entity named outside an opening phrase ("In Moscow, ...") and
outside quotation marks, news outlets aside; the others are `mentions`. Sentences that read
as machine-translation debris are kept, verbatim, and flagged `garbled` (cues: lexicon
`garble`).
"""

from __future__ import annotations

import re

from ..sources import Source
from .entities import EntityScan, Mention
from .knowledge import Knowledge, needle, searcher
from .quotes import stable_id
from .sentences import Sentence

_WORDS = re.compile(r"[\w’'-]+")
_OPENING = re.compile(r"^(?:[A-Z][a-z]+ )?[^,]{0,40}?,\s")  # 'In Moscow, ' / 'There, '


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORDS.findall(text)]


# Verdicts of the article being extracted, by (text, previous): figures and events test
# the sentences claims already tested, so about a fifth of the calls repeat one. The key
# holds everything a verdict depends on (the text, the sentence before it, the garble
# settings, compared by value); `claim_records` starts each article with an empty cache, and a
# cap keeps callers outside an article run from growing it without bound.
_GarbleKey = tuple[tuple[re.Pattern[str], ...], int, float]
_CACHE: tuple[_GarbleKey, dict[tuple[str, str | None], bool]] | None = None
_CACHE_LIMIT = 4096


def _new_article() -> None:
    global _CACHE
    _CACHE = None


def _verdicts(knowledge: Knowledge) -> dict[tuple[str, str | None], bool]:
    global _CACHE
    key = (knowledge.garble_patterns, knowledge.garble_min_words, knowledge.garble_repeat_share)
    cache = _CACHE
    if cache is None or len(cache[1]) >= _CACHE_LIMIT or cache[0] != key:
        cache = _CACHE = (key, {})
    return cache[1]


def is_garbled(text: str, previous: str | None, knowledge: Knowledge) -> bool:
    """Whether a sentence reads like machine-translation debris."""
    verdicts = _verdicts(knowledge)
    hit = verdicts.get((text, previous))
    if hit is None:
        hit = verdicts[(text, previous)] = _garbled(text, previous, knowledge)
    return hit


# Each garble pattern with a piece of text every match of it holds (None: no such piece),
# by the patterns' tuple: `needle in text` is far cheaper than a search, and most sentences
# hold none of the needles of most patterns ("meantime of", "told to ").
_Needled = tuple[tuple[str | None, re.Pattern[str]], ...]
_NEEDLES: dict[int, tuple[tuple[re.Pattern[str], ...], _Needled]] = {}


def _needled(patterns: tuple[re.Pattern[str], ...]) -> _Needled:
    hit = _NEEDLES.get(id(patterns))
    if hit is None or hit[0] is not patterns:
        if len(_NEEDLES) >= 16:  # lexicons of finished runs
            _NEEDLES.clear()
        # The needle is read off the lexicon's pattern; the search uses its fast form.
        hit = (patterns, tuple((needle(p), searcher(p)) for p in patterns))
        _NEEDLES[id(patterns)] = hit
    return hit[1]


def _garbled(text: str, previous: str | None, knowledge: Knowledge) -> bool:
    words = _words(text)  # once: the count and the overlap both need them
    if len(words) < knowledge.garble_min_words:
        return True
    if any(
        (needle is None or needle in text) and p.search(text)
        for needle, p in _needled(knowledge.garble_patterns)
    ):
        return True
    if previous:
        mine, theirs = set(words), set(_words(previous))
        if mine and len(mine & theirs) / len(mine) >= knowledge.garble_repeat_share:
            return True
    return False


def _subject(
    sentence: Sentence, text: str, mentions: list[Mention], scan: EntityScan, knowledge: Knowledge
) -> str:
    """The main entity: first named after an opening phrase, news outlets last."""

    def rank(m: Mention) -> tuple[int, int]:
        entity = scan.entity(m.entity_id)
        media = entity is not None and entity.category == "media"
        return (1 if media else 0, m.start)

    opening = _OPENING.match(text, sentence.start, sentence.end)
    body = [m for m in mentions if not opening or m.start >= opening.end()] or mentions
    first = min(body, key=rank)
    later = [m for m in body if m.start >= first.end]
    if later:
        # 'Kremlin spokesperson Dmitry Peskov': the person the first name qualifies.
        gap = re.sub(r"^['’]s\b", "", text[first.end : later[0].start]).split()
        nxt = scan.entity(later[0].entity_id)
        qualifiers = knowledge.word_set("role_nouns") | knowledge.word_set("titles")
        if nxt and nxt.is_person and len(gap) <= 3 and all(w.casefold() in qualifiers for w in gap):
            return later[0].entity_id
    return first.entity_id


def claim_records(
    source: Source,
    sentences: list[Sentence],
    scan: EntityScan,
    knowledge: Knowledge,
    quoted: list[tuple[int, int]],
) -> list[dict[str, object]]:
    """Schema `claim` items, one per sentence naming an entity."""
    _new_article()  # verdicts of earlier articles are not this one's
    out: list[dict[str, object]] = []
    previous: str | None = None
    for sentence in sentences:
        passage = source.text[sentence.start : sentence.end]
        inside = [m for m in scan.mentions if sentence.start <= m.start < sentence.end]
        garbled = is_garbled(passage, previous, knowledge)
        previous = passage
        if not inside:
            continue
        outside = [m for m in inside if not any(s <= m.start < e for s, e in quoted)] or inside
        subject = _subject(sentence, source.text, outside, scan, knowledge)
        others = list(dict.fromkeys(m.entity_id for m in inside if m.entity_id != subject))
        item: dict[str, object] = {
            "id": stable_id("claim", source.id, sentence.start, sentence.end, "claim"),
            "subject": subject,
        }
        if others:
            item["mentions"] = others
        item["text"] = passage
        item["citations"] = [
            {"source": source.id, "quote": passage, "start": sentence.start, "end": sentence.end}
        ]
        item["status"] = "extracted"
        if garbled:
            item["flags"] = ["garbled"]
        out.append(item)
    return out


def garbled_sentences(
    source: Source, sentences: list[Sentence], knowledge: Knowledge
) -> list[Sentence]:
    """The sentences `claim_records` would flag, named or not."""
    out, previous = [], None
    for sentence in sentences:
        passage = source.text[sentence.start : sentence.end]
        if is_garbled(passage, previous, knowledge):
            out.append(sentence)
        previous = passage
    return out
