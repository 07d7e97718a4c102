"""Weapon names that a weapon noun introduces from a distance (`names.weapons._weapons` asks).

- An example after the noun: "1,500-2,000 long-range drones a month, including the
  jet-powered Sokolytsia, which ..." (lexicon `weapon_example_cues`): the name is a weapon
  of the noun's category.
- A variant: "The SCALP Horizon, a new French variant of the SCALP missile", "SCALP Horizon
  is the new variant of the missile SCALP" (lexicon `weapon_variant_nouns`): the name is a
  weapon of the category of what it is a variant of (a weapon noun or a known weapon).

- A named variant: a known weapon's name followed by a capitalised word of its own
  ("the Taurus Adler"), not one of lexicon `weapon_suffix_words` ("Tomahawk Block V"):
  a weapon of the known one's category (`named_variants`).

A new weapon is often named this way only: its name has no weapon noun of its own
("the Sokolytsia, which can fly ..."), and the article says what it is once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .factbits import per_knowledge, per_lexicon
from .knowledge import Knowledge, trie_alternation

# A capitalised name of one to three words ("Sokolytsia", "SCALP Horizon").
_NAME = r"(?P<name>[A-Z][\w-]*(?:[ \t][A-Z0-9][\w-]*){0,2})"
# Where a name introduced as an example ends: punctuation, "and", "which", "that".
_NAME_END = r"(?=[,.;:)]|[ \t]+(?:and|which|that|or)\b)"


@dataclass(frozen=True)
class WeaponFrames:
    examples: tuple[str, ...]  # cue words, for a cheap test before the pattern
    example: re.Pattern[str] | None
    variants: tuple[str, ...]
    variant: re.Pattern[str] | None


def _build(data: dict[str, Any]) -> WeaponFrames:
    examples = tuple(str(w) for w in data.get("weapon_example_cues") or [])
    variants = tuple(str(w) for w in data.get("weapon_variant_nouns") or [])
    example = variant = None
    if examples:
        # Up to three words between the noun and the cue ("drones a month, including").
        example = re.compile(
            r"(?:[ \t]+[a-z][\w-]*){0,3},?[ \t]+"
            rf"(?:{trie_alternation(examples)})[ \t]+(?:the[ \t]+)?(?:[a-z][\w-]*[ \t]+){{0,2}}"
            rf"{_NAME}{_NAME_END}"
        )
    if variants:
        variant = re.compile(
            rf"(?:^|(?<=[\s\"“(]))(?:The[ \t]+)?{_NAME}(?:,[ \t]+|[ \t]+(?:is|was)[ \t]+)"
            r"(?:an?|the)[ \t]+(?:[\w-]+[ \t]+){0,3}?"
            rf"(?:{trie_alternation(variants)})[ \t]+of[ \t]+(?:the[ \t]+)?"
        )
    return WeaponFrames(examples, example, variants, variant)


weapon_frames = per_lexicon(_build)
# Asked for on every sentence: kept per knowledge (`per_lexicon` finds the lexicon first).
_frames = per_knowledge(weapon_frames)


Named = tuple[int, str, str]  # start, name, category


def example_after(
    text: str, head_end: int, end: int, category: str, k: Knowledge, valid: Callable[[str], bool]
) -> Named | None:
    """The weapon a plural weapon noun ending at `head_end` gives as an example."""
    frames = _frames(k)
    if frames.example is None or not any(
        c in text[head_end : head_end + 60] for c in frames.examples
    ):
        return None
    m = frames.example.match(text, head_end, end)
    if m is None or not valid(m.group("name")):
        return None
    return m.start("name"), m.group("name"), category


def variants_in(
    text: str,
    start: int,
    end: int,
    k: Knowledge,
    category_at: Callable[[int], str | None],
    valid: Callable[[str], bool],
) -> list[Named]:
    """The weapons a sentence calls a variant of a weapon; `category_at(offset)` is the
    category of the weapon named or described right at `offset`, if any."""
    frames = _frames(k)
    sentence = text[start:end]
    if frames.variant is None or not any(v in sentence for v in frames.variants):
        return []
    out: list[Named] = []
    for m in frames.variant.finditer(text, start, end):
        category = category_at(m.end())
        if category is not None and valid(m.group("name")):
            out.append((m.start("name"), m.group("name"), category))
    return out


def describes_variant(description: str, k: Knowledge) -> bool:
    """Whether an apposition's description makes its name a weapon's variant ("a new
    variant of the Storm Shadow missile"): the name is no person's. Ending on a weapon
    noun is not enough: "who studies planning at a think tank"."""
    return any(f"{noun} of " in description for noun in _frames(k).variants)


# The capitalised word right after a name: "Adler" in "Taurus Adler".
_NEXT_WORD = re.compile(r"[ \t]([A-Z][a-z][\w-]*)\b")


def _suffixes(data: dict[str, Any]) -> frozenset[str]:
    return frozenset(str(w) for w in data.get("weapon_suffix_words") or [])


weapon_suffixes = per_lexicon(_suffixes)


# A number right before a weapon's name: what follows is counted, so plural.
_COUNTED = re.compile(r"\b\d[\d,.]*\s+$")
_NOT_PLURAL = ("ss", "us", "is", "as", "os")


def named_variants(
    text: str,
    hits: list[tuple[str, int, int, str]],
    knowledge: Knowledge,
    blocked: Callable[[str], bool],
) -> list[tuple[int, int, str, str]]:
    """(start, end, name, category) of each known weapon's name (`hits`: entity id, start,
    end, text) that a capitalised word of its own follows ("Taurus Adler"): a word no
    entity's name starts, that `blocked` does not rule out as a name, and that is not a
    `weapon_suffix_words` word."""
    out: list[tuple[int, int, str, str]] = []
    suffixes: frozenset[str] | None = None
    for entity_id, start, end, written in hits:
        known = knowledge.entities.get(entity_id)
        if known is None or known.kind != "weapon" or known.category is None:
            continue
        m = _NEXT_WORD.match(text, end)
        if m is None:
            continue
        if suffixes is None:
            suffixes = weapon_suffixes(knowledge)
        word = m.group(1)
        if word in suffixes or knowledge.lookup(word) or blocked(word):
            continue
        if word.endswith("s") and (
            re.search(rf"\b{re.escape(word[:-1])}\b", text)
            or (_COUNTED.search(text, max(0, start - 12), start) and not word.endswith(_NOT_PLURAL))
        ):
            # "eight Storm Shadow Kestrels" (the Kestrel named elsewhere, or counted here:
            # "roughly 110 Storm Shadow Kestrels"): the Kestrel.
            word = word[:-1]
        out.append((start, m.end(), f"{written} {word}", known.category))
    return out
