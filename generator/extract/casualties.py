"""Casualties: counts of people killed or wounded, and whose dead and wounded they are.

"A drone attack on Odesa killed nine people" counts people; the reader wants it as a count
of casualties, and they are Ukraine's, not the attacker's, although "Russian" stands nearer
than any word for Ukraine. Two rules, both driven by `casualties` in quantities.yaml and
the place names of places.yaml:

- a count of people becomes a count of casualties when a casualty word stands in its clause
  ("killed nine people", "two persons were injured");
- casualties belong to the country where they fell (a place or country after "in", "on",
  "near", or any listed place in the sentence), else to the group counted just before them
  ("including two children", "14 of the wounded"), and never to the attacker named in front
  of an attack word ("a Russian drone attack").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .factbits import per_lexicon
from .knowledge import alias_pattern, words_pattern
from .quantities import Quantity

# The clause around a count: casualty words farther away describe something else.
BEFORE_WINDOW = 60
AFTER_WINDOW = 40
# A count that is part of a group counted before ("including two children", "14 of the
# wounded", "300 of them"): grammar, not domain words.
_PART_BEFORE = re.compile(r"(?i:\b(?:including|among\s+them|among\s+whom|of\s+whom))\s+$")
_PART_IN = re.compile(r"(?i:\s+of\s+(?:the|them|those|these)\b)")
# Where a casualty count's clause ends.
_CLAUSE_END = re.compile(r"[.;:!?]")
# "in Ukraine", "on Odesa", "near the city of Kharkiv": the place right after one of these.
_AT_PLACE = re.compile(r"(?i:\b(?:in|on|at|near|across|inside)\s+(?:the\s+)?)$")


@dataclass(frozen=True)
class CasualtyRules:
    unit: str | None
    people_units: frozenset[str]
    words: re.Pattern[str] | None  # "killed", "wounded", ...
    attack: re.Pattern[str] | None  # right after an attacker's name: "drone attack"
    places: re.Pattern[str] | None
    place_country: dict[str, str]


def _build(data: dict[str, Any]) -> CasualtyRules:
    raw = data.get("casualties") or {}
    place_country: dict[str, str] = {}
    for group in data.get("places") or []:
        for name in group.get("names") or []:
            place_country.setdefault(str(name), str(group["country"]))
    attack = words_pattern(str(w) for w in raw.get("attack_words") or [])
    return CasualtyRules(
        str(raw["unit"]) if raw.get("unit") else None,
        frozenset(str(u) for u in raw.get("people_units") or []),
        words_pattern(str(w) for w in raw.get("words") or []),
        re.compile(rf"(?:['’]s)?(?:\s+[\w-]+){{0,2}}?\s+(?i:{attack.pattern})") if attack else None,
        alias_pattern(place_country),  # place names as written
        place_country,
    )


# The rules of a Knowledge's lexicon, compiled once per lexicon.
casualty_rules_for = per_lexicon(_build)


def _build_workforce(data: dict[str, Any]) -> CasualtyRules:
    """Lexicon `workforce` as clause rules of the casualties' kind (`is_casualty_count`
    asks the same of a count: a word of its kind in the count's clause)."""
    raw = data.get("workforce") or {}
    return CasualtyRules(
        str(raw["unit"]) if raw.get("unit") else None,
        frozenset(str(u) for u in raw.get("people_units") or []),
        words_pattern(str(w) for w in raw.get("words") or []),
        None,
        None,
        {},
    )


workforce_rules_for = per_lexicon(_build_workforce)


def is_casualty_count(q: Quantity, text: str, lo: int, hi: int, rules: CasualtyRules) -> bool:
    """Whether the people counted at `q` (inside the sentence `text[lo:hi]`) were killed or
    wounded: a casualty word in the same clause, just before or just after the count."""
    if rules.words is None or rules.unit is None:
        return False
    if q.unit == rules.unit:
        return True
    if q.unit not in rules.people_units:
        return False
    start = max(lo, q.start - BEFORE_WINDOW)
    before = text[start : q.start]
    stop = _CLAUSE_END.search(before)
    while stop is not None:  # only the clause the count is in
        start += stop.end()
        before = text[start : q.start]
        stop = _CLAUSE_END.search(before)
    if rules.words.search(before):
        return True
    after = text[q.end : min(hi, q.end + AFTER_WINDOW)]
    end = _CLAUSE_END.search(after)
    return rules.words.search(after[: end.start()] if end else after) is not None


def casualty_owner(
    q: Quantity,
    text: str,
    lo: int,
    hi: int,
    mentions: list[Any],
    known: Any,
    rules: CasualtyRules,
    last: str | None,
) -> str | None:
    """Whose casualties the count at `q` are (None: no rule applies, use the usual one).

    `mentions` are the usable mentions of the sentence `text[lo:hi]` (entity id, start,
    end); `known` the entities the knowledge holds (places only name a country it knows);
    `last` the owner of the casualty count before this one in the article.
    """
    if last is not None and (
        _PART_BEFORE.search(text, max(lo, q.start - 20), q.start) or _PART_IN.search(q.text)
    ):
        return last
    best: tuple[int, str] | None = None
    for start, end, owner in places_in(text, lo, hi, mentions, known, rules):
        gap = start - q.end if start >= q.end else q.start - end
        if best is None or gap < best[0]:
            best = (gap, owner)
    return best[1] if best is not None else None


def places_in(
    text: str, lo: int, hi: int, mentions: list[Any], known: Any, rules: CasualtyRules
) -> list[tuple[int, int, str]]:
    """(start, end, country) of every place the sentence says something happened in: a
    listed place anywhere, or a country mention after "in", "on", "near" and the like."""
    found = []
    if rules.places is not None:
        for m in rules.places.finditer(text, lo, hi):
            country = rules.place_country[m.group()]
            if country in known:
                found.append((m.start(), m.end(), country))
    for m in mentions:
        if m.entity_id not in known or getattr(known[m.entity_id], "category", None) != "country":
            continue
        if _AT_PLACE.search(text, max(lo, m.start - 20), m.start) is None:
            continue
        if is_attacker(m.end, text, rules):
            continue  # "in Russian strikes": the attacker, not the place
        found.append((m.start, m.end, m.entity_id))
    return found


def is_attacker(end: int, text: str, rules: CasualtyRules) -> bool:
    """Whether the name ending at `end` is followed by an attack word ("Russian drone
    attack", "Russia's strikes"): whoever it names did the killing, no casualty is theirs."""
    return rules.attack is not None and rules.attack.match(text, end) is not None
