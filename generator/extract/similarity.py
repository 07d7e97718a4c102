"""Whether two sentences say the same thing, or opposite things, across articles.

Texts are compared as sets of content words: entity names become the entity id (so
"Kiev" and "Kyiv" match), stop words go, synonyms fold to one word, and a crude suffix
strip makes "approved" meet "approval". Negations and opposite verbs are kept apart: they
decide contradiction, and must not lower the similarity of "X approved" and "X rejected".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .knowledge import trie_alternation

_WORD = re.compile(r"[a-z][a-z'’-]*[a-z]|@[a-z0-9-]+")
_SUFFIXES = ("ations", "ation", "ings", "ing", "ied", "ies", "als", "al", "ed", "es", "s")


@dataclass(frozen=True)
class SimilarityRules:
    stop: frozenset[str]
    synonyms: dict[str, str]
    negation: re.Pattern[str] | None
    opposites: dict[str, frozenset[str]]
    # Regex body matching any entity name (case-blind), None without names; compiled only
    # when a text needs it (see `entities`).
    entity_body: str | None
    entity_ids: dict[str, str]  # folded surface form -> entity id
    thresholds: dict[str, float]
    # text -> tokens: claims, quotes and events often share a sentence, and tokens() is
    # the costly part of comparing them (one rules object per combine run).
    memo: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)
    # text -> (negations mod 2, its words) for `contradict`: a claim cited by many sources
    # is compared with each of them, and both regexes ran on both texts every time.
    cues_memo: dict[str, tuple[int, frozenset[str], frozenset[str]]] = field(
        default_factory=dict, compare=False, repr=False
    )
    # word -> its token (None for a word that is dropped): 27,000 texts of a 1,000-article
    # corpus hold a few thousand distinct words, each stemmed and looked up once.
    word_memo: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)
    # `entities` without IGNORECASE, for a lower-cased text (see `_entity_tokens`); None
    # when a name holds a letter that case-blind re matches to another ASCII letter.
    entities_lower: re.Pattern[str] | None = None
    # `negation` the same way, for a lower-cased plain text (see `_negations_blanked`).
    negation_lower: re.Pattern[str] | None = None

    compiled: dict[str, re.Pattern[str]] = field(default_factory=dict, compare=False, repr=False)

    @property
    def min_shared(self) -> int:
        return int(self.thresholds.get("min_shared_words", 2))

    @property
    def entities(self) -> re.Pattern[str] | None:
        """The case-blind pattern of every name. Compiled on first use: the trie of every
        name of a 1,000-article corpus took a tenth of a second to compile, and plain
        texts (nearly all) are searched with `entities_lower` instead."""
        if self.entity_body is None:
            return None
        found = self.compiled.get("entities")
        if found is None:
            found = self.compiled["entities"] = re.compile(self.entity_body, re.IGNORECASE)
        return found


def _stem(word: str) -> str:
    word = word.replace("’", "'").removesuffix("'s")
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    # "approve", "approved" and "approval" all end as "approv".
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def build_similarity_rules(
    data: dict[str, Any], entities: Iterable[dict[str, Any]]
) -> SimilarityRules:
    """Rules from lexicon `data` and the (merged) entity items whose names to normalise."""
    synonyms: dict[str, str] = {}
    for group in data.get("synonyms") or []:
        head = _stem(str(group[0]).casefold())
        for word in group:
            synonyms[str(word).casefold()] = head
            synonyms[_stem(str(word).casefold())] = head
    cues = data.get("contradiction_cues") or {}
    negations = [str(n) for n in cues.get("negations") or []]
    parts = _negation_parts(negations)
    negation = re.compile("|".join(parts), re.IGNORECASE) if parts else None
    negation_lower = _lower_negation(negations)
    opposites: dict[str, set[str]] = {}
    for a, b in cues.get("opposites") or []:
        opposites.setdefault(str(a).casefold(), set()).add(str(b).casefold())
        opposites.setdefault(str(b).casefold(), set()).add(str(a).casefold())
    entity_ids: dict[str, str] = {}
    for item in entities:
        for form in [item.get("name"), *(item.get("aliases") or [])]:
            if isinstance(form, str) and len(form) > 1:
                entity_ids.setdefault(form.casefold(), str(item["id"]))
    body = rf"(?<!\w)(?:{trie_alternation(entity_ids)})(?!\w)" if entity_ids else None
    lower = (
        re.compile(body)
        if body and not any(c in form for form in entity_ids for c in _FOLDS_TO_ASCII)
        else None
    )
    thresholds = {
        str(k): float(v)
        for k, v in (data.get("combine") or {}).items()
        if isinstance(v, (int, float))  # not `lasting_properties`
    }
    stop = frozenset(str(w).casefold() for w in data.get("similarity_stopwords") or [])
    return SimilarityRules(
        stop,
        synonyms,
        negation,
        {k: frozenset(v) for k, v in opposites.items()},
        body,
        entity_ids,
        thresholds,
        entities_lower=lower,
        negation_lower=negation_lower,
    )


def _negation_parts(negations: list[str]) -> list[str]:
    # "n't" is a suffix ("doesn't"); every other negation is a word or phrase.
    return [
        rf"n['’]{re.escape(n[2:])}\b" if n.startswith("n'") else rf"\b{re.escape(n)}\b"
        for n in negations
    ]


def _lower_negation(negations: list[str]) -> re.Pattern[str] | None:
    """The negation pattern for lower-cased plain text: the same alternatives in the same
    order (so the same matches), case-sensitive, each written first character first.

    Why: the case-blind alternation of word-bounded phrases was tried at every position of
    every text, twice per text (tokens and contradiction cues), and took longer than the
    rest of tokenising. None when a negation is not ASCII or empty (then case-blind re and
    lower() could differ)."""
    if not negations or not all(n and n.isascii() for n in negations):
        return None
    lowered = [n.lower() for n in negations]
    return re.compile("|".join(_literal_first(n) for n in lowered), re.DOTALL)


def _literal_first(negation: str) -> str:
    """`_negation_parts`' pattern of one negation, its first character first.

    `\\bnot\\b` becomes `n(?<!\\w.)ot\\b`: the same test (no word character before the
    `n`, itself a word character; `.` is any character under DOTALL), but when every
    alternative starts with a character, re skips to the next of those characters in C
    instead of trying the whole pattern at every position of every text (twice a text)."""
    (part,) = _negation_parts([negation])
    if negation.startswith("n'") or not re.match(r"\w", negation[0]):
        return part  # "n['’]t\\b" starts with its letter already; a non-word start keeps \\b
    return re.escape(negation[0]) + r"(?<!\w.)" + re.escape(negation[1:]) + r"\b"


def _negations_blanked(text: str, rules: SimilarityRules) -> str:
    """`rules.negation.sub(" ", text).casefold()`: on a plain text (`_PLAIN`: lower() and
    casefold() keep every character's place and kind) the lower-cased pattern finds the
    same matches at the same places in the lower-cased text."""
    if rules.negation is None:
        return text.casefold()
    if rules.negation_lower is not None and _plain(text):
        return rules.negation_lower.sub(" ", text.lower())
    return rules.negation.sub(" ", text).casefold()


def _negation_count(text: str, folded: str | None, rules: SimilarityRules) -> int:
    """`len(rules.negation.findall(text))`; `folded` is `text.casefold()` when `text` is
    plain (see `_negations_blanked`), else None."""
    if rules.negation is None:
        return 0
    if rules.negation_lower is not None and folded is not None:
        return len(rules.negation_lower.findall(folded))
    return len(rules.negation.findall(text))


def tokens(text: str, rules: SimilarityRules) -> frozenset[str]:
    """Content words of `text` with entity names replaced by `@<entity id>`."""
    found = rules.memo.get(text)
    if found is None:
        found = rules.memo[text] = _tokens(text, rules)
    return found


# Case-blind re matches these to ASCII letters (ı, ſ, the Kelvin sign; İ for safety).
_FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"
# Texts of ASCII and these uncased marks (quotes, dashes, ellipsis, no-break space) are
# lower-cased letter for letter: the same length, the same word characters.
_PLAIN = re.compile("[\x00-\x7f\u00a0\u2010-\u2015\u2018-\u201f\u2026]*")


def _plain(text: str) -> bool:
    """`_PLAIN.fullmatch(text)`: an ASCII text (most sentences) without the pass over it."""
    return text.isascii() or _PLAIN.fullmatch(text) is not None


def _entity_tokens(text: str, rules: SimilarityRules) -> str:
    """`text` with every entity name replaced by ` @<id> `.

    The case-blind trie of every name of the corpus tests each letter against both cases
    at every word start; on a plain text (nearly all), the case-sensitive trie on the text
    lower-cased finds the same names at the same places (the names are casefolded), faster.
    """
    if rules.entity_body is None:
        return text
    lower = rules.entities_lower
    if lower is None or not _plain(text):
        pattern = rules.entities
        assert pattern is not None
        return pattern.sub(lambda m: _entity_token(m.group(), rules), text)
    parts: list[str] = []
    last = 0
    for m in lower.finditer(text.lower()):
        parts += (text[last : m.start()], f" @{rules.entity_ids[m.group()]} ")
        last = m.end()
    parts.append(text[last:])
    return "".join(parts)


def _entity_token(found: str, rules: SimilarityRules) -> str:
    """The token of a name the case-blind pattern found. Its casefold can differ from every
    name's ("Securıty": re matches the dotless ı as i), so an unknown form stays as text."""
    entity_id = rules.entity_ids.get(found.casefold())
    return found if entity_id is None else f" @{entity_id} "


def _tokens(text: str, rules: SimilarityRules) -> frozenset[str]:
    text = _negations_blanked(_entity_tokens(text, rules), rules)
    memo = rules.word_memo
    words = _WORD.findall(text)
    try:  # the words' tokens looked up in C; nearly every word of a run was seen before
        found = frozenset(map(memo.__getitem__, words))
    except KeyError:
        for word in set(words).difference(memo):  # each word is stemmed and looked up once
            memo[word] = _word_token(word, rules)
        found = frozenset(map(memo.__getitem__, words))
    # Dropped words (a set difference, not a filtering generator: 40,000 texts).
    return found - _DROPPED if None in found else found  # type: ignore[return-value]


_DROPPED = frozenset([None])


def _word_token(word: str, rules: SimilarityRules) -> str | None:
    """The token of one word of a casefolded text, None when the word is dropped."""
    if word.startswith("@"):
        return word
    if word in rules.stop or word in rules.opposites or len(word) < 3:
        return None
    word = rules.synonyms.get(word, word)
    stem = _stem(word)
    return rules.synonyms.get(stem, stem)


def similarity(a: frozenset[str], b: frozenset[str], min_shared_words: int = 2) -> float:
    """Dice coefficient: twice the shared words over both sizes (0 when either is empty).

    Not overlap-over-the-smaller-set: that scores a short sentence ("officials say the
    weapons will be used in Kursk") as a near copy of every long one that names Kursk.

    0 unless at least `min_shared_words` shared tokens are words, not entity names: two
    sentences naming the same people are not the same statement ("the U.S. handed over
    the missiles" shares only "U.S." and "missiles" with most sentences of a war story).
    """
    if not a or not b:
        return 0.0
    shared = a & b
    if sum(1 for t in shared if not t.startswith("@")) < min_shared_words:
        return 0.0
    return 2 * len(shared) / (len(a) + len(b))


def _cues(text: str, rules: SimilarityRules) -> tuple[int, frozenset[str], frozenset[str]]:
    """(negations mod 2, the words as `contradict` sees them, those that have an opposite)."""
    found = rules.cues_memo.get(text)
    if found is None:
        folded = text.casefold()
        plain = folded if _plain(text) else None
        negations = _negation_count(text, plain, rules) % 2
        opposed = _opposed_words(folded, rules.opposites)
        # `contradict` only asks whether a word that has an opposite is among the words
        # (every opposite has one too): the words with an opposite answer it the same.
        found = rules.cues_memo[text] = (negations, opposed, opposed)
    return found


def _opposed_words(folded: str, opposites: dict[str, frozenset[str]]) -> frozenset[str]:
    """The words of `folded` (`_WORD`) that have an opposite.

    A word equal to one is that word inside the text: most texts hold none of the few
    opposites, and a substring test of each is far cheaper than splitting every text of
    a corpus into words (a third of the time of comparing claims)."""
    if not any(word in folded for word in opposites):
        return frozenset()
    return frozenset(w for w in _WORD.findall(folded) if w in opposites)


def words_only(tokens: frozenset[str]) -> frozenset[str]:
    """The tokens that are words, not entity names (for `similarity_of`)."""
    return frozenset(t for t in tokens if not t.startswith("@"))


def similarity_of(
    a: frozenset[str],
    a_words: frozenset[str],
    b: frozenset[str],
    b_words: frozenset[str],
    min_shared_words: int = 2,
) -> float:
    """`similarity(a, b)` given `words_only` of each: the same value, without sifting the
    shared tokens again for every pair (hundreds of thousands of quote pairs)."""
    if not a or not b:
        return 0.0
    if len(a_words & b_words) < min_shared_words:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def contradict(a: str, b: str, rules: SimilarityRules) -> bool:
    """One text negates what the other says, or uses the opposite word."""
    neg_a, words_a, opposed_a = _cues(a, rules)
    neg_b, words_b, _opposed_b = _cues(b, rules)
    if neg_a != neg_b:
        return True
    # A word of `a` only, with an opposite in `b` only. Only words that have an opposite
    # can, and most texts have none: no set difference is built for every compared pair.
    for word in opposed_a:
        if word not in words_b and any(
            o in words_b and o not in words_a for o in rules.opposites[word]
        ):
            return True
    return False
