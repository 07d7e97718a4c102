"""Claims: every body sentence that names an entity, about its main entity.

The subject is the first entity named outside an opening phrase ("In Moscow, ...") and
outside quotation marks, news outlets aside; the others are `mentions`. Sentences that read
as machine-translation debris are kept, verbatim, and flagged `garbled` (cues: lexicon
`garble`).
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from ..sources import Source
from . import mirror
from .entities import EntityScan, Mention
from .firstchar import word_start_union
from .knowledge import Knowledge, searcher
from .needles import Pieces, at_start, holds, pieces, tail
from .quotes import stable_id
from .sentences import Sentence

_WORDS = re.compile(r"[\w’'-]+")
_POSSESSIVE_S = re.compile(r"^['’]s\b")
_OPENING = re.compile(r"^(?:[A-Z][a-z]+ )?[^,]{0,40}?,\s")  # 'In Moscow, ' / 'There, '


@lru_cache(maxsize=64)
def _words(text: str) -> tuple[str, ...]:
    # Cached: a sentence's words are asked for again as the next one's `previous`.
    if text.isascii():
        # ASCII text: casefold() is lower(), which changes no character's class, so the
        # words of the lower-cased text are the case-folded words. Its runs of `_WORDS`
        # characters are what is left between the other characters turned into spaces:
        # split in C, some three times faster than `findall` (ASCII holds no "’").
        return tuple(text.lower().translate(_ASCII_NON_WORDS).split())
    return tuple(map(str.casefold, _WORDS.findall(text)))  # map: the loop in C


# ASCII characters `_WORDS` does not match (all but letters, digits, "_", "'", "-") as
# spaces. Those it matches are no whitespace, so `split()` cuts only at these.
_ASCII_NON_WORDS = str.maketrans(
    {i: " " for i in range(128) if not (chr(i).isalnum() or chr(i) in "_'-")}
)


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


_OPENING_MARKS = ('"', "\u201c", "\u00ab")
_REPEAT_MIN_WORDS = 5


def is_garbled(text: str, previous: str | None, knowledge: Knowledge) -> bool:
    """Whether a sentence reads like machine-translation debris."""
    verdicts = _verdicts(knowledge)
    hit = verdicts.get((text, previous))
    if hit is None:
        hit = verdicts[(text, previous)] = _garbled(text, previous, knowledge)
    return hit


# The garble patterns as the checks `_garbled` makes, by the patterns' tuple: `piece in
# text` is far cheaper than a search, and most sentences hold none of the pieces of most
# patterns ("meantime of", "told to "). `needles` reads each pattern's pieces, and for a
# pattern ending the text the length of the tail its matches start in.
_Needled = tuple[tuple[str | None, Pieces, re.Pattern[str], int | None], ...]


class _Checks(NamedTuple):
    # The start-anchored patterns as one alternation, matched at the start only: each
    # could match nowhere else, so one `match` answers for all of them.
    start: re.Pattern[str] | None
    plain: tuple[re.Pattern[str], ...]  # no pieces, no tail: searched as they are
    needled: _Needled  # pieces tested first, a tail bounds the search
    # Patterns ending the text whose matches may start anywhere in it ("and there was."):
    # their mirror images (`mirror`), matched once at the start of the reversed text.
    ending: tuple[re.Pattern[str], ...] = ()


_CHECKS: dict[int, tuple[tuple[re.Pattern[str], ...], _Checks]] = {}


def _checks(patterns: tuple[re.Pattern[str], ...]) -> _Checks:
    hit = _CHECKS.get(id(patterns))
    if hit is None or hit[0] is not patterns:
        if len(_CHECKS) >= 16:  # lexicons of finished runs
            _CHECKS.clear()
        hit = (patterns, _built(patterns))
        _CHECKS[id(patterns)] = hit
    return hit[1]


def _built(patterns: tuple[re.Pattern[str], ...]) -> _Checks:
    # A pattern ending the text is asked backwards: one attempt at the reversed text's
    # start, not one at each word start of the text.
    ending = {id(p): m for p in patterns if (m := mirror.mirrored(p)) is not None}
    # Most patterns open with \b: one search of their union in first-character form
    # (`firstchar`) stands for all of them. Only whether any matches counts here.
    union, left = word_start_union([p for p in patterns if id(p) not in ending])
    start: list[re.Pattern[str]] = []
    plain: list[re.Pattern[str]] = [union] if union is not None else []
    needled: list[tuple[str | None, Pieces, re.Pattern[str], int | None]] = []
    for p in left:
        # Pieces and tail are read off the lexicon's pattern; the search uses its fast form.
        groups, last = pieces(p), tail(p)
        if _anchored(p):
            start.append(p)
        elif groups or last is not None:
            needled.append((*_split(groups), searcher(p), last))
        else:
            plain.append(searcher(p))
    joined = re.compile("|".join(f"(?:{p.pattern})" for p in start)) if start else None
    return _Checks(
        joined, tuple(plain), tuple(needled), tuple(mirror.joined(list(ending.values())))
    )


def _anchored(pattern: re.Pattern[str]) -> bool:
    """Whether `pattern` matches only at the text's start (`needles.at_start`) and may join
    others in one alternation: no flags of its own (the alternation has none), no groups
    (their numbers would change), and no lookahead first (those scan the whole text: its
    pieces, tested first, turn most texts away cheaper)."""
    return (
        pattern.flags == re.UNICODE
        and not pattern.groups
        and not pattern.pattern.startswith("^(?=")
        and at_start(pattern)
    )


def _split(groups: Pieces) -> tuple[str | None, Pieces]:
    """The longest piece that stands alone in its group (tested inline, first: most
    sentences lack it), and the other groups."""
    alone = [g[0] for g in groups if len(g) == 1]
    if not alone:
        return None, groups
    first = max(alone, key=len)
    return first, tuple(g for g in groups if g != (first,))


def _garbled(text: str, previous: str | None, knowledge: Knowledge) -> bool:
    words = _words(text)  # once: the count and the overlap both need them
    if (
        len(words) < knowledge.garble_min_words
        and not text.startswith(_OPENING_MARKS)
        and not text.rstrip().endswith(("?", "!"))
    ):
        # A fragment, unless a speaker's own short sentence ('"Fenrir.', an interviewer's
        # "Why?").
        return True
    if _matches(text, _checks(knowledge.garble_patterns)):
        return True
    if previous and len(words) >= _REPEAT_MIN_WORDS:
        # A sentence said again in other words; not a short reply ('"... Olena Marchuk,
        # thank you." "Thank you."').
        mine, theirs = set(words), set(_words(previous))
        if mine and len(mine & theirs) / len(mine) >= knowledge.garble_repeat_share:
            return True
    return False


def matches_any(text: str, patterns: tuple[re.Pattern[str], ...]) -> bool:
    """Whether one of `patterns` (a lexicon list, compiled) matches in `text`: the garble
    test's fast form, for other lists of its kind (`debris.is_calqued`)."""
    return _matches(text, _checks(patterns))


def _matches(text: str, checks: _Checks) -> bool:
    """Whether one of the garble patterns `checks` stands for matches in `text`."""
    if checks.start is not None and checks.start.match(text):
        return True
    for p in checks.plain:
        if p.search(text):
            return True
    for first, groups, p, last in checks.needled:
        if first is not None and first not in text:
            continue
        if groups and not holds(text, groups):
            continue
        if p.search(text, 0 if last is None else max(0, len(text) - last)):
            return True
    if checks.ending:
        backwards = text[::-1]
        return any(mirror.ends_in(m, backwards) for m in checks.ending)
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
        gap = _POSSESSIVE_S.sub("", text[first.end : later[0].start]).split()
        nxt = scan.entity(later[0].entity_id)
        if nxt and nxt.is_person and len(gap) <= 3:
            # Each set asked in turn: their union, made for every claim, cost more.
            roles, titles = knowledge.word_set("role_nouns"), knowledge.word_set("titles")
            if all((w := g.casefold()) in roles or w in titles for g in gap):
                return later[0].entity_id
    return first.entity_id


def _mentions_by_sentence(mentions: list[Mention]) -> Callable[[int, int], list[Mention]]:
    """`inside(start, end)`: the mentions starting in [start, end), in list order.

    Mentions come in text order (`entities._select`): then they are a slice found by
    bisection, not a pass over the whole article's mentions for every sentence. A list
    out of order (a title taken in may move a start) is filtered as it is."""
    starts = [m.start for m in mentions]
    if any(a > b for a, b in itertools.pairwise(starts)):
        return lambda start, end: [m for m in mentions if start <= m.start < end]
    return lambda start, end: mentions[bisect_left(starts, start) : bisect_left(starts, end)]


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
    inside_of = _mentions_by_sentence(scan.mentions)
    for sentence in sentences:
        passage = source.text[sentence.start : sentence.end]
        inside = inside_of(sentence.start, sentence.end)
        before, previous = previous, passage
        if not inside:
            continue  # no claim: its verdict is not needed (a pure function, asked later if at all)
        # Only quotes reaching into the sentence can hold one of its mentions: the test
        # per mention was over every quote of the article.
        near = [(s, e) for s, e in quoted if s < sentence.end and e > sentence.start]
        outside = (
            [m for m in inside if not any(s <= m.start < e for s, e in near)] or inside
            if near
            else inside
        )
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
        if is_garbled(passage, before, knowledge):
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
