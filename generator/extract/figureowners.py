"""Owners of figures that the nearest-name rules of `figures` get wrong: counts and shares
that no person holds, distances measured from a front line, sums that restate another.

Kept apart from `figures` (already long): each rule here refines the subject that module
found, given the same sentence, mentions and knowledge.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .casualties import casualty_rules_for, places_in
from .entitycues import body_country, entity_rules
from .factbits import entity_info, per_lexicon
from .quotecues import is_company, quote_rules

# "from the front line", "from the border": a distance measured from the line between the
# sides without naming the side (grammar of distances, not domain words).
_FROM_LINE = re.compile(
    r"(?:\s*\([^()]{1,40}\))?\)?\s+(?:(?:away|back)\s+)?(?:from|of|to|behind|beyond)\s+the\s+"
    r"(?:(?:nearest|closest)\s+)?(?:front\s*line|frontline|front|border|line\s+of\s+contact|contact\s+line)\b"
)
# A sum restating one named before in its sentence: "up from 2 billion euros", "a further 3
# billion", "another $1 billion": the same payer's money (grammar of comparison).
_RESTATES = re.compile(r"(?i:\b(?:up|down)\s+from|\ba\s+further|\banother|\bcompared\s+with)\s+$")


def is_person(entity_id: str, knowledge: Any) -> bool:
    return entity_info(knowledge, entity_id)[1] == "person"


# What stands between a person and the body an apposition places them at ("Jane Doe, a
# senior analyst at the", "Lee, head of the"): the body only says who speaks.
_AFFILIATION = re.compile(r",\s+(?:an?\s+|the\s+)?[^,.;()]{0,60}?\b(?:at|of|with)\s+(?:the\s+)?")


def without_people(mentions: list[Any], text: str, knowledge: Any) -> list[Any]:
    """`mentions` less people and the bodies an apposition places them at: a person holds
    no missiles, systems or shares of a public ("Twenty aircraft cannot change the
    balance," Bronk said: a view, not Bronk's jets; ANNOTATING.md gives counts to the side
    that fields, supplies or loses the things), nor does the think tank they work at."""
    kept: list[Any] = []
    person_end = -1
    for m in mentions:
        if is_person(m.entity_id, knowledge):
            person_end = m.end
            continue
        if person_end >= 0 and _AFFILIATION.fullmatch(text, person_end, m.start):
            continue
        kept.append(m)
    return kept


def is_country(entity_id: str, knowledge: Any) -> bool:
    return entity_info(knowledge, entity_id)[1] == "country"


def front_line_owner(
    text: str,
    start: int,
    end: int,
    pool: list[Any],
    knowledge: Any,
    lo: int | None = None,
    before: Sequence[Any] = (),
) -> str | None:
    """The country whose bases lie a distance "from the front line" (no side named): the
    first country the sentence names before the number ("Russia moved its bombers to
    airfields 300 km from the front line" is Russia's; ANNOTATING.md gives a distance to a
    base to the country that owns the base), else that of the last listed place the
    sentence (from `lo`) names before it ("the base in the Saratov region, about 640 km
    from the front line"), else the country the article places things in, of the mentions
    `before` (`located_country`)."""
    if _FROM_LINE.match(text, end) is None:
        return None
    country = next(
        (m.entity_id for m in pool if m.end <= start and is_country(m.entity_id, knowledge)),
        None,
    )
    if country is not None or lo is None:
        return country
    rules = casualty_rules_for(knowledge)
    places = [
        p
        for p in places_in(text, lo, start, [], getattr(knowledge, "entities", {}), rules)
        if not _TARGETED.search(text, max(lo, p[0] - 12), p[0])
    ]
    if places:
        return places[-1][2]
    return located_country(text, before, knowledge)


# "bombers that drop glide bombs on Kharkiv and Sumy": the towns they strike, not where
# their base is.
_TARGETED = re.compile(r"\b(?:on|at|against|towards?|and)\s+$")
# A country named as where something is: "inside Russia", "in Russia's Kursk region".
_LOCATIVE = re.compile(r"(?:\b(?:in|inside|into|within|deep\s+in)\s+(?:the\s+)?)$")
_REGION_AFTER = re.compile(r"['’]s\s+(?:[A-Z][\w-]*\s+){1,2}(?:region|oblast|province|territory)\b")


def located_country(text: str, mentions: Sequence[Any], knowledge: Any) -> str | None:
    """The country the article has most often placed things in, of the `mentions` before
    (the latest at a tie): "The base ... lies 340 km from the nearest front line" names
    neither side; the base lies where the article's strikes and bases are ("deep inside
    Russia", "in Russia's Volgograd region")."""
    counts: dict[str, tuple[int, int]] = {}
    for index, m in enumerate(mentions):
        if not is_country(m.entity_id, knowledge):
            continue
        if _LOCATIVE.search(text, max(0, m.start - 16), m.start) or _REGION_AFTER.match(
            text, m.end
        ):
            counts[m.entity_id] = (counts.get(m.entity_id, (0, 0))[0] + 1, index)
    return max(counts, key=lambda c: counts[c]) if counts else None


def farther_country(side: str, mentions: list[Any], knowledge: Any) -> str | None:
    """The country other than `side` the article names most before (the latest at a tie):
    a place "370 km from the Ukrainian border", in a paragraph that names no other
    country, lies in the country the article sets against `side`, not in a donor named
    once in passing."""
    counts: dict[str, tuple[int, int]] = {}
    for index, m in enumerate(mentions):
        if m.entity_id != side and is_country(m.entity_id, knowledge):
            counts[m.entity_id] = (counts.get(m.entity_id, (0, 0))[0] + 1, index)
    return max(counts, key=lambda c: counts[c]) if counts else None


def restated_sum(text: str, start: int, last_sum: dict[str, Any] | None) -> str | None:
    """The payer of the sentence's last sum when this one restates it ("has committed 3.5
    billion euros this year, up from 2 billion euros in 2024": both the committer's)."""
    if last_sum is None or _RESTATES.search(text, max(0, start - 30), start) is None:
        return None
    return str(last_sum["subject"])


class LossRules:
    """`figure_losses` of the lexicon: which counted units can be lost, and the words that
    make them a loss."""

    def __init__(self, data: dict[str, Any]) -> None:
        raw = data.get("figure_losses") or {}
        self.units = frozenset(str(u) for u in raw.get("units") or [])
        words = sorted((str(w) for w in raw.get("words") or []), key=len, reverse=True)
        self.words = (
            re.compile(rf"(?<!\w)(?i:{'|'.join(map(re.escape, words))})(?!\w)") if words else None
        )


_LOSS_CACHE: dict[int, tuple[dict[str, Any], LossRules]] = {}


def loss_rules_for(data: dict[str, Any]) -> LossRules:
    hit = _LOSS_CACHE.get(id(data))
    if hit is None or hit[0] is not data:
        hit = (data, LossRules(data))
        _LOSS_CACHE[id(data)] = hit
    return hit[1]


def loss_owner(
    unit: str | None,
    sentence: tuple[int, int],
    text: str,
    countries: list[str],
    history: list[Any],
    rules: LossRules,
    knowledge: Any,
) -> str | None:
    """The country that lost the equipment a count counts: the sentence's first country is
    the striker's or the teller's ("Ukrainian forces struck an airfield in Russia's Kaluga
    region, damaging four bombers"; "Ukraine's General Staff said four bombers were
    damaged"), the loser is another country it names, else the country the article names
    most other than that one. `countries`: the countries of the sentence's mentions and
    nationality words, in order (a body as its country).
    """
    if unit not in rules.units or rules.words is None or not countries:
        return None
    if rules.words.search(text, *sentence) is None:
        return None
    striker = countries[0]
    others = [c for c in countries if c != striker]
    return others[0] if others else farther_country(striker, history, knowledge)


def countries_named(spots: list[Any], knowledge: Any) -> list[str]:
    """The countries a sentence's mentions and nationality words name, in order, a body as
    its country ("general-staff-of-ukraine": "ukraine", "dutch-government": "netherlands")."""
    out = []
    rules = entity_rules(knowledge)
    for spot in sorted(spots, key=lambda s: s.start):
        country: str | None = spot.entity_id
        if not is_country(spot.entity_id, knowledge):
            country = body_country(spot.entity_id, rules)
        if country is not None and is_country(country, knowledge):
            out.append(country)
    return out


def _build_market(data: dict[str, Any]) -> re.Pattern[str] | None:
    words = sorted((str(w) for w in data.get("market_words") or []), key=lambda w: (-len(w), w))
    if not words:
        return None
    return re.compile(rf"(?<!\w)(?i:{'|'.join(map(re.escape, words))})(?!\w)")


_market = per_lexicon(_build_market)


def company_owner(sentence: str, pool: list[Any], earlier: list[Any], knowledge: Any) -> str | None:
    """The company a share or sum of `sentence` is of, when it speaks of a listed company's
    money (lexicon `market_words`) and names no body itself: the organisation named last
    before ("Borvik Dynamics shares surged. The stock rose 14%")."""
    market = _market(knowledge)
    if market is None or market.search(sentence) is None:
        return None
    if any(_is_organisation(m.entity_id, knowledge) for m in pool):
        return None
    named = [m for m in earlier if _is_organisation(m.entity_id, knowledge)]
    return str(named[-1].entity_id) if named else None


_COMPANY_SUBJECT = re.compile(r"\s*(?:The|the|Its|its)\s+(\w+)[\s,]")


def company_subject_owner(
    text: str, sentence_start: int, earlier: list[Any], knowledge: Any
) -> str | None:
    """The company a sentence opening on "The company", "The firm" or "The manufacturer"
    (`quote_rules.company_nouns`) speaks of: the last company named before ("Saab
    Dynamics is growing fast. The company produced 14 missiles a month"). Its counts are
    the company's, not the weapon's it makes (a price stays the weapon's)."""
    m = _COMPANY_SUBJECT.match(text, sentence_start)
    rules = quote_rules(knowledge)
    if m is None or m.group(1).casefold() not in rules.company_nouns:
        return None
    for mention in earlier[::-1]:  # (mypyc 1.x fails on reversed() of a list of Any)
        entity = getattr(knowledge, "entities", {}).get(mention.entity_id)
        if entity is not None and is_company(
            entity.name, entity.category, entity.description, rules
        ):
            return str(mention.entity_id)
    return None


def _is_organisation(entity_id: str, knowledge: Any) -> bool:
    return entity_info(knowledge, entity_id) == ("actor", "organisation")
