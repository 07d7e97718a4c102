"""The word tests the name finders share.

What cannot be (part of) a name (`_blocked`, public as `cannot_be_name`), a person's name
cleaned of the words around it (`_clean_person`), the lexicon's word lists the finders read
per knowledge, the word right before a position (`_word_back`), and whether a name is known
as something other than a person (`_known_other`).
"""

from __future__ import annotations

import re

from ..entitycues import EntityRules, entity_rules
from ..factbits import per_knowledge, per_lexicon
from ..knowledge import Knowledge

_WORD_BACK = re.compile(r"(\S+)\s*$")  # the plain form of `_word_back`

# Capital letters a name may start with, for a character class: ASCII and the Latin
# letters of other languages' names ("İYİ Party", "Ørsted", "Šimečka"); re has no \p{Lu}.
UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())


def _blocked(token: str, knowledge: Knowledge) -> bool:
    """Whether `token` cannot be (part of) a name: a listed non-name, a sentence starter,
    a number word or a demonym. Asked for the same few hundred tokens over and over: the
    answers are kept per knowledge (`_BLOCKED`), the question being a pure function."""
    memo = _BLOCKED.get(id(knowledge))
    if memo is None or memo[0] is not knowledge:
        if len(_BLOCKED) >= 8:
            _BLOCKED.clear()
        memo = _BLOCKED[id(knowledge)] = (knowledge, {})
    hit = memo[1].get(token)
    if hit is None:
        hit = memo[1][token] = _blocked_word(token, knowledge)
        if len(memo[1]) > 65536:
            memo[1].clear()
    return hit


_BLOCKED: dict[int, tuple[Knowledge, dict[str, bool]]] = {}


def cannot_be_name(token: str, knowledge: Knowledge) -> bool:
    """Whether `token` cannot be (part of) a name (see `_blocked`)."""
    return _blocked(token, knowledge)


def _blocked_word(token: str, knowledge: Knowledge) -> bool:
    word = token.strip(".,;:’'\"“”‘").casefold()  # '“Our missile ...,” she said'

    # A number word opening a sentence ("Twenty aircraft ...") is capitalised, not a name.
    numbers = knowledge.lexicon.data.get("number_words", {}) if knowledge.lexicon else {}
    return (
        word in knowledge.word_set("not_names")
        or word in knowledge.word_set("starters")
        or word in numbers
        or ("-" in word and all(part in numbers for part in word.split("-")))  # "Twenty-four"
        or any(part in knowledge.word_set("demonyms") for part in word.split("-"))
    )


def _clean_person(name: str, knowledge: Knowledge) -> str | None:
    """The name without leading/trailing words that cannot be part of it; None if too little.
    A pure function of `name` and the knowledge's word lists, asked again for each name a
    finder meets (the same people are named again and again): kept per knowledge."""
    memo = _CLEANED.get(id(knowledge))
    if memo is None or memo[0] is not knowledge:
        if len(_CLEANED) >= 8:
            _CLEANED.clear()
        memo = _CLEANED[id(knowledge)] = (knowledge, {})
    cleaned = memo[1]
    if name in cleaned:
        return cleaned[name]
    if len(cleaned) >= 65536:
        cleaned.clear()
    found = cleaned[name] = _cleaned_person(name, knowledge)
    return found


_CLEANED: dict[int, tuple[Knowledge, dict[str, str | None]]] = {}


def _cleaned_person(name: str, knowledge: Knowledge) -> str | None:
    """`_clean_person`, worked out."""
    tokens = name.split()
    # A role opening a sentence is capitalised: "Analyst Jan Novak said".
    lead_words = _lead_words(knowledge)
    while tokens and (_blocked(tokens[0], knowledge) or tokens[0].casefold() in lead_words):
        tokens.pop(0)
    # A title of two words opening it, whose second is a title ("Foreign Minister Anna",
    # "Economy Minister Beat Gisler", as a verb before them sees them): the person is after.
    if len(tokens) > 2 and tokens[1].casefold() in lead_words:
        del tokens[:2]
    while tokens and _blocked(tokens[-1], knowledge):
        tokens.pop()
    if not tokens or any(_blocked(t, knowledge) for t in tokens):
        return None
    return " ".join(tokens)


@per_knowledge
def _word_sets(k: Knowledge) -> tuple[frozenset[str], dict[str, tuple[str, ...]]]:
    """(titles, role nouns, portfolios and words ending a body's name, multi-word titles by
    their last word), once per knowledge."""
    tails: dict[str, list[str]] = {}
    for title in k.word_set("titles"):
        if " " in title:
            tails.setdefault(title.rsplit(" ", 1)[1], []).append(title)
    return (
        k.word_set("titles")
        | k.word_set("role_nouns")
        | k.word_set("portfolio_words")
        | k.word_set("body_tail_words"),
        {w: tuple(ts) for w, ts in tails.items()},
    )


@per_knowledge
def _rules(k: Knowledge) -> tuple[EntityRules, frozenset[str]]:
    """(`entity_rules(k)`, `_date_words(k)`), asked for on every sentence."""
    return entity_rules(k), _date_words(k)


def _lead_words(k: Knowledge) -> frozenset[str]:
    return _word_sets(k)[0]


def _word_back(text: str, lo: int, pos: int) -> tuple[int, str] | None:
    """(start, word) of `_WORD_BACK.search(text, lo, pos)`'s group: the last run of
    non-space characters in `text[lo:pos]`, cut at `lo`, or None when there is none.

    The search tried its pattern at every position from `lo` (each a run of \\S to the
    next space, then a failed `$`); the leftmost that succeeds is where the last run
    begins, or `lo` inside it. `str.rstrip` and `str.rsplit` split on the characters
    `\\s` matches (both ask `Py_UNICODE_ISSPACE`)."""
    kept = text[lo:pos].rstrip()
    if not kept:
        return None
    word = kept.rsplit(None, 1)[-1]
    return lo + len(kept) - len(word), word


# Month and weekday names as the lexicon writes them (capitalised), once per lexicon.
_date_words = per_lexicon(
    lambda data: frozenset(str(w) for key in ("months", "weekdays") for w in data.get(key) or {})
)


def _known_other(name: str, k: Knowledge) -> bool:
    """Whether `name` is known as something other than a person ("Norway")."""
    known = k.lookup(name)
    return known is not None and k.entities[known].category != "person"
