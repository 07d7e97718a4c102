"""Figures: numbers with a unit, what they measure and the entity they belong to.

A figure's property comes from the nearest cue word in its sentence among the properties
that fit its unit (`figure_properties` in quantities.yaml); its subject is the nearest
mention of an entity of a fitting kind (a range belongs to a weapon, a troop count to an
actor). When the sentence names no such entity, a weapon property looks back through the
paragraph and any figure falls back to the sentence's first mention, flagged `uncertain`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from ..sources import Source
from . import casefast
from .casualties import casualty_owner, casualty_rules_for, is_attacker, is_casualty_count
from .dates import date_rules_for, find_dates
from .entitycues import body_country, country_of_body, entity_rules
from .factbits import (
    citation,
    entity_info,
    in_span,
    is_garbled,
    lexicon_data,
    per_lexicon,
    plain_number,
    stable_id,
)
from .figureowners import (
    company_owner,
    countries_named,
    farther_country,
    front_line_owner,
    loss_owner,
    loss_rules_for,
    restated_sum,
    without_people,
)
from .quantities import Quantity, QuantityRules, find_quantities, rules_for

# Gap between a number and a cue that still belongs to the same phrase ("300-kilometer
# maximum range"): at most one word, no punctuation.
_SAME_PHRASE = re.compile(r"^(?:[\s-]+|\s+[A-Za-z]+\s+)$")
# Farther than this from a figure a cue word describes something else.
CUE_WINDOW = 60
# Where a clause with a subject of its own begins (grammar, not domain words).
# An opening "According to X," too: the source is no subject of what follows ("According
# to the Air Force, Russia attacked with 96 drones").
_CLAUSE = re.compile(
    r"\bthat\s|,\s+(?:and|but|while|whereas)\s|;\s|\.\s|\b[Aa]ccording to [^,;.]{1,80},\s"
)
# Any comma too: an opening phrase ("According to the Kiel Institute, Germany has
# committed ...") names a source, not the payer.
_ANY_CLAUSE = re.compile(r"\bthat\s|,\s|;\s|\.\s")
# A thing's price after "one" of it ("one missile costs").
_PRICED = re.compile(r"\s+(?:costs?|is priced|sells? for|comes? to)\b")
# What a price is for, after the sum ("£2 million ($2.6 million) for an MBDA Storm Shadow"):
# a weapon named within `_PRICE_REACH` characters of it.
_PRICE_FOR = re.compile(r"(?:\s*\([^()]{1,40}\))?\s+(?:apiece\s+)?for\s+(?:a|an|one|each|every)\s+")
_PRICE_REACH = 30
_NAMES_ONLY = re.compile(r"(?:[A-Z][\w-]*\s+)*")
# Who pays, after the sum ("$1.2 billion (1.03 billion euro) package financed by the").
_PAID_BY = re.compile(
    r"(?:\s*\([^()]{1,40}\))?[^,;.()]{0,40}?\b(?:financed|funded|paid(?: for)?|bankrolled)"
    r"\s+by\s+(?:the\s+)?"
)
# A clause whose subject is the speaker's own ("said its air defences ...").
_ITS = re.compile(r"\s*(?:its|their)\s")
# The same within one sentence: "Mr. Biden" holds no boundary.
_INNER_CLAUSE = re.compile(r"\bthat\s|,\s|;\s")
# "3,000 troops from Poland": the place the counted things come from owns them.
_FROM = re.compile(r"\s+from\s+(?:the\s+)?")
# A distance measured from one side's border or front: the place measured is the other's.
# Where a figure's phrase ends, past its twin in brackets if any ("320 kilometers (200
# miles)"), for the words after it.
_AFTER_TWIN = r"(?:\s*\([^()]{1,40}\))?\)?"
_BORDER = re.compile(
    rf"{_AFTER_TWIN}\s+(?:from|of)\s+the\s+(?P<side>[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?)\s+"
    r"(?:border|frontier|front\s*line|frontline|front)\b"
)
# "90% of these aircraft": a share of a group counted before.
_SHARE_OF = re.compile(r"\s+of\s+(?:the|these|those|its|their)\s+([\w-]+)(?:\s+([\w-]+))?")
# "57% of Italians", "40 percent of Russian airfields": a share of a people or a country's things.
_OF_PEOPLE = re.compile(r"\s+of\s+(?:all\s+|the\s+)?([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?)")
_OF = re.compile(r"\s+of\b")
# Right before a count: it is the whole a part was taken from ("37 of the 40 drones").
_WHOLE_AFTER_PART = re.compile(r"\b(?:\d[\d,.]*|[a-z]+)\s+of\s+(?:the\s+|its\s+|their\s+)?$")
_NEXT_WORD = re.compile(r"\s+([\w-]+)")
# A person's age ("7 years old", "aged 68"): grammar, not a domain word list.
_AGE = re.compile(r"[\s-]+old\b")
_AGED = re.compile(r"\baged\s+$")
# "Each missile", "a single battery", "every launcher": one of a kind named before.
_EACH = re.compile(
    r"(?i:\b(?:each|every|a\s+single|per)\s+(?:[\w-]+\s+)?[\w-]+\s+(?:costs?|is|was)\b)"
)
# A reported clause about the speaker itself opens with a pronoun (grammar, not domain words).
_SELF = re.compile(r"(?:\s+that)?\s+(?:he|she|it|they|its|his|her|their|we|our|I)\b")


@dataclass(frozen=True)
class _Property:
    name: str
    dimensions: frozenset[str]
    kinds: tuple[str, ...]
    default: bool
    cues: re.Pattern[str] | None
    joins: bool


@dataclass(frozen=True)
class FigureRules:
    properties: tuple[_Property, ...]
    excluded: frozenset[str]  # entity categories never a figure's subject (media)
    demonyms: re.Pattern[str] | None  # "North Korean" inside a counted phrase
    demonym_ids: dict[str, str]
    # Who a sentence cites ("according to X", "X said", "said X"): its source, not what a
    # measure describes. Matched before and after a mention.
    source_before: re.Pattern[str] | None
    source_after: re.Pattern[str] | None
    time_point: re.Pattern[str] | None = None  # "ago", "on", "later" after a duration
    # "two people familiar with the deal": unnamed sources, not a count (lexicon
    # `source_count_words`).
    source_count: re.Pattern[str] | None = None
    # "U.S.-made": a nationality naming the maker, not the owner (lexicon `origin_words`).
    origin: re.Pattern[str] | None = None
    # "intercepted 36 Ukrainian drones": counts shot down are the interceptor's, not those
    # of the nationality inside the phrase (lexicon `interception_verbs`).
    interception: re.Pattern[str] | None = None
    # "145 miles southwest of Moscow", "300 km inside Russia": a distance into the place's
    # country (lexicon `direction_words`).
    direction: re.Pattern[str] | None = None
    # Counts a body keeps rather than its country (lexicon `body_units`: a vote's tally is
    # the chamber's).
    body_units: frozenset[str] = frozenset()


def _alternation(data: dict[str, Any], key: str) -> str:
    """The lexicon's word list `key` as a regex alternation, longest first ("" if none)."""
    words = sorted((str(w) for w in data.get(key) or []), key=len, reverse=True)
    return "|".join(map(re.escape, words))


def _build(data: dict[str, Any]) -> FigureRules:
    props = []
    for raw in data.get("figure_properties") or []:
        cues = sorted((str(c) for c in raw.get("cues") or []), key=lambda c: (-len(c), c))
        pattern = (
            re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, cues))})(?!\w)", re.IGNORECASE)
            if cues
            else None
        )
        props.append(
            _Property(
                str(raw["property"]),
                frozenset(raw.get("dimensions") or ()),
                tuple(raw.get("subject_kinds") or ()),
                bool(raw.get("default")),
                pattern,
                bool(raw.get("joins_figure")),
            )
        )
    excluded = frozenset(str(c) for c in data.get("figure_subject_exclude_categories") or [])
    demonym_ids = {str(k): str(v) for k, v in (data.get("demonym_of") or {}).items()}
    names = sorted(demonym_ids, key=lambda n: (-len(n), n))
    demonyms = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, names))})(?!\w)") if names else None
    verbs = "|".join(
        map(re.escape, sorted({str(v) for v in data.get("speech_verbs") or []}, key=len)[::-1])
    )
    cites = rf"\baccording\s+to|\b(?:{verbs})" if verbs else r"\baccording\s+to"
    source_before = re.compile(rf"(?i:{cites})\s+(?:the\s+)?$")
    source_after = re.compile(rf",?\s+(?i:{verbs})\b") if verbs else None
    points = _alternation(data, "time_point_words")
    time_point = re.compile(rf"\s+(?i:{points})(?!\w)") if points else None
    sourcing = _alternation(data, "source_count_words")
    source_count = re.compile(rf"\s+(?i:{sourcing})(?!\w)") if sourcing else None
    origins = _alternation(data, "origin_words")
    origin = re.compile(rf"[-\s](?i:{origins})(?!\w)") if origins else None
    intercepts = _alternation(data, "interception_verbs")
    interception = re.compile(rf"(?<!\w)(?i:{intercepts})(?!\w)") if intercepts else None
    directions = _alternation(data, "direction_words")
    direction = (
        re.compile(
            rf"{_AFTER_TWIN}\s+(?i:{directions})\s+(?:of\s+)?(?:the\s+)?"
            r"(?P<place>[A-Z][\w-]*(?:\s[A-Z][\w-]*)?)"
        )
        if directions
        else None
    )
    return FigureRules(
        tuple(props),
        excluded,
        demonyms,
        demonym_ids,
        source_before,
        source_after,
        time_point,
        source_count,
        origin,
        interception,
        direction,
        frozenset(str(u) for u in data.get("body_units") or []),
    )


_CACHE: dict[int, tuple[dict[str, Any], FigureRules]] = {}


def figure_rules_for(data: dict[str, Any]) -> FigureRules:
    hit = _CACHE.get(id(data))
    if hit is None or hit[0] is not data:
        hit = (data, _build(data))
        _CACHE[id(data)] = hit
    return hit[1]


def _property(
    q: Quantity, text: str, base: int, rules: FigureRules
) -> tuple[str | None, tuple[str, ...], int]:
    """(property, subject kinds, end of the figure's phrase) for a measured quantity."""
    best: tuple[int, _Property, int, int] | None = None
    for prop in rules.properties:
        if q.dimension not in prop.dimensions or prop.cues is None:
            continue
        for m in prop.cues.finditer(text):
            start, end = base + m.start(), base + m.end()
            gap = start - q.end if start >= q.end else q.start - end
            if gap < -len(q.text) or gap > CUE_WINDOW:
                continue
            # At equal distance the longer cue is the more specific ("aid worth" is
            # funding, "worth" alone a cost).
            if best is None or (gap, -len(m.group())) < (best[0], -best[3]):
                joined = prop.joins and start >= q.end
                extend = (
                    end
                    if joined and _SAME_PHRASE.match(text[q.end - base : m.start()] or " ")
                    else q.end
                )
                best = (gap, prop, extend, len(m.group()))
    if best is not None:
        return best[1].name, best[1].kinds, best[2]
    for prop in rules.properties:
        if prop.default and q.dimension in prop.dimensions:
            return prop.name, prop.kinds, q.end
    return None, (), q.end


@dataclass(frozen=True)
class _Spot:
    """An entity named at `start:end`: a mention, or a nationality word ("Russian forces")."""

    entity_id: str
    start: int
    end: int


def _kind(knowledge: Any, spot: Any) -> str | None:
    return entity_info(knowledge, spot.entity_id)[0]


def _distance(start: int, end: int) -> Any:
    def key(m: Any) -> tuple[bool, int, int]:
        # The doer is usually named before the number ("Russia launched 479 drones and 20
        # missiles at Ukraine"): an earlier mention wins over a nearer later one.
        after = m.start >= end
        return after, max(m.start - end, start - m.end, 0), m.start

    return key


def _by_kinds(
    pool: list[Any], kinds: tuple[str, ...], start: int, end: int, knowledge: Any
) -> Any | None:
    """The nearest mention of the first of `kinds` that `pool` holds (any kind if none given)."""
    for kind in kinds or (None,):
        fitting = [m for m in pool if kind is None or _kind(knowledge, m) == kind]
        if fitting:
            return min(fitting, key=_distance(start, end))
    return None


# An aside between commas that describes what stands before it (", a version of ...,").
_ASIDE = re.compile(r",\s+(?:an?|the|which|who|whose|built|made|designed|developed)\b[^,.;]*,")


# A clause whose subject is a pronoun ("said that it would pay $140m").
_PRONOUN_SUBJECT = re.compile(r"\s*(?:it|they)\s")


def _speaker_as_subject(q: Quantity, pool: list[Any], text: str, knowledge: Any) -> str | None:
    """Who pays when the clause's subject is "it" or "they" right after a speech verb:
    the one who spoke ("Norway's Defence Ministry said that it would pay $140m": Norway's
    money, a ministry's being its country's)."""
    clause = _clause_start(q, text, knowledge)
    if not _PRONOUN_SUBJECT.match(text, clause):
        return None
    said = [m for m in pool if m.end <= clause and _kind(knowledge, m) == "actor"]
    return _country_of_government(said[-1].entity_id, knowledge) if said else None


def _country_of_government(entity_id: str, knowledge: Any) -> str:
    """A government body's country ("russian-defence-ministry": "russia"); anyone else as
    is: what a ministry pays or fields, its country pays or fields."""
    if entity_info(knowledge, entity_id)[1] != "government":
        return entity_id
    return country_of_body(entity_id, entity_rules(knowledge)) or entity_id


def _outside_asides(pool: list[Any], text: str, before: int) -> list[Any]:
    """`pool` without mentions inside an aside that closes before `before`, unless that
    would leave none."""
    lo = min((m.start for m in pool), default=before)
    if "," not in text[lo:before]:
        return pool
    asides = [(a.start(), a.end()) for a in _ASIDE.finditer(text, lo, before)]
    if not asides:
        return pool
    kept = [m for m in pool if not any(s < m.start and m.end < e for s, e in asides)]
    return kept or pool


def _clause_start(
    q: Quantity, text: str, knowledge: Any, boundary: re.Pattern[str] = _CLAUSE
) -> int:
    """Where the clause holding the number starts: after "that", a comma before a
    conjunction, a semicolon, or a speech verb ("Kyiv says Russia has 600,000 troops":
    Russia's troops, not Kyiv's)."""
    lo = max(0, q.start - 400)
    ends = [b.end() for b in boundary.finditer(text, lo, q.start) if b.end() <= q.start]
    verb = getattr(knowledge, "speech_verb", None)
    if verb is not None:
        ends += [v.end() for v in casefast.finditer(verb, text, lo, q.start)]
    return max(ends, default=0)


def _clause_actor(
    q: Quantity, pool: list[Any], text: str, knowledge: Any, any_kind: bool = False
) -> Any | None:
    """The first actor (or, with `any_kind`, the first entity) of the number's clause,
    before the number: its subject ("Germany has given Ukraine aid worth EUR 28 billion" is
    Germany's money)."""
    clause = _clause_start(q, text, knowledge, _INNER_CLAUSE if any_kind else _ANY_CLAUSE)
    return next(
        (
            m
            for m in pool
            # A boundary inside a name is none ("The U.S. State Department": ". " in "U.S.").
            if clause < m.end and m.end <= q.start and (any_kind or _kind(knowledge, m) == "actor")
        ),
        None,
    )


def _count_owner(
    q: Quantity, end: int, pool: list[Any], nations: list[_Spot], text: str, knowledge: Any
) -> Any | None:
    """Whose counted things these are: "3,000 troops from Poland" are Poland's; else the
    actor named before the number ("The Netherlands pledged 24 F-16 jets": a weapon inside
    the phrase is what is counted, not whose), else a nationality word before it ("Russian
    forces launched 120 drones"). A government body's count is then its country's (see
    `_subject`)."""
    actors = [m for m in pool if m.end <= q.start and _kind(knowledge, m) == "actor"]
    # The subject of the number's clause ("The German government approved a package for
    # Ukraine, including four systems"; "X said that Ukraine needs 12 systems"), else the
    # place they come from when the clause names no one before them, else the actor
    # nearest before the number. ("Ukraine has received six batteries from the United
    # States" are Ukraine's.)
    clause = _clause_start(q, text, knowledge)
    subjects = [m for m in actors if m.start >= clause]
    if subjects:
        return subjects[0]
    if _ITS.match(text, clause) and (said := [m for m in actors if m.end <= clause]):
        # "the defence ministry said its air defences shot down 43 drones": the speaker's
        # own forces.
        return said[-1]
    origin = _FROM.match(text, end)
    if origin is not None:
        for m in pool:
            if m.start == origin.end() and _kind(knowledge, m) == "actor":
                return m
    if actors:
        # "Spain's defence ministry said on Wednesday it would deliver six launchers";
        # an air force that shot drones down keeps them (a military body, not mapped).
        return max(actors, key=lambda m: m.end)
    before = [n for n in nations if n.end <= q.start]
    return before[-1] if before else None


def _subject(
    q: Quantity,
    end: int,
    kinds: tuple[str, ...],
    pool: list[Any],
    earlier: list[Any],
    nations: list[_Spot],
    text: str,
    knowledge: Any,
    history: _Earlier,
    refers: bool,
    sources: list[Any],
) -> tuple[str | None, bool]:
    """(entity id, uncertain) of the figure `text[q.start:end]`.

    A count belongs to its owner (`_count_owner`). A measure belongs to the nearest
    mention of the first fitting kind in its sentence, else in the paragraph so far and the
    one before ("Each missile costs $1.5 million" names no weapon: it refers back), flagged
    uncertain. Failing all that, the sentence's first mention, uncertain.
    """
    if q.dimension == "count":
        owner = _count_owner(q, end, pool, nations, text, knowledge)
        if owner is not None and q.unit in figure_rules_for(lexicon_data(knowledge)).body_units:
            return owner.entity_id, False
        if owner is not None:
            # Troops deployed or jets pledged by "the Kremlin" or "the Dutch government" are
            # the country's: a country's forces and stocks are counted as the country's.
            states = entity_rules(knowledge).government_country or {}
            if owner.entity_id in states:
                return states[owner.entity_id], False
            # A government body's count is its country's too ("The State Department
            # approved the sale of 3,350 missiles", as ANNOTATING.md decides for aid).
            return _country_of_government(owner.entity_id, knowledge), False
    if q.dimension == "money" and (each := _PRICE_FOR.match(text, end)) is not None:
        # The price of one weapon; a maker's name may stand before it ("an MBDA Storm
        # Shadow"), nothing else.
        for m in pool:
            if (
                each.end() <= m.start <= each.end() + _PRICE_REACH
                and _kind(knowledge, m) == "weapon"
                and _NAMES_ONLY.fullmatch(text, each.end(), m.start)
            ):
                return m.entity_id, False
    if q.dimension == "money" and (paid := _PAID_BY.match(text, end)) is not None:
        # "a $1.2 billion package financed by Germany": whoever pays, named after it.
        payer = next((m for m in pool if m.start == paid.end()), None)
        if payer is not None and _kind(knowledge, payer) == "actor":
            return payer.entity_id, False
    if q.dimension == "money" and kinds[:1] == ("actor",):
        # Money an actor gives or spends belongs to the clause's subject, not to the
        # nearest name (often the receiver: "Germany has given Ukraine aid worth ...").
        payer = _clause_actor(q, pool, text, knowledge)
        if payer is not None:
            # "Berlin has set aside EUR 280 million": a government's money is its country's.
            return _country_of_government(payer.entity_id, knowledge), False
        said = _speaker_as_subject(q, pool, text, knowledge)
        if said is not None:
            return said, False
    if q.dimension == "time":
        # How long something lasted is the doer's: the clause's subject ("Biden has barred
        # the strikes for nearly three years"), else the sentence's ("The missile, developed
        # in 18 months"), not the nearest name (often the object).
        doer = _clause_actor(q, pool, text, knowledge, any_kind=True)
        doer = doer or next((m for m in pool if m.end <= q.start), None)
        if doer is not None:
            return doer.entity_id, False
    # A measure describes a thing, never who is cited for it ("Each system costs 140
    # million euros, according to the Defense Ministry": the system costs that).
    measured = pool if q.dimension == "count" else [m for m in pool if m not in sources]
    if (
        q.dimension != "count"
        and refers
        and _EACH.search(text, max(0, q.start - 200), q.start)
        and "weapon" in kinds
        and not any(_kind(knowledge, m) == "weapon" for m in measured)
    ):
        # "Each missile costs 2 million pounds, and Britain ...": a weapon named only by
        # its kind is the last weapon named, not another name in the sentence.
        weapon = _by_kinds(history.mentions(), ("weapon",), q.start, end, knowledge)
        if weapon is not None:
            return weapon.entity_id, True
    if q.dimension != "count":
        # "The Long Neptune, a version of the Neptune missile, has a range of 1,000 km": a
        # name inside an aside before the number describes, the subject is measured.
        measured = _outside_asides(measured, text, q.start)
    found = _by_kinds(measured, kinds, q.start, end, knowledge)
    if found is not None:
        return found.entity_id, False
    if q.dimension != "count" and "weapon" in kinds and (refers or kinds == ("weapon",)):
        # "The missile, which costs ..." refers to the last weapon named, however far back.
        weapon = _by_kinds(history.mentions(), ("weapon",), q.start, end, knowledge)
        if weapon is not None:
            return weapon.entity_id, True
    if q.dimension != "count" and kinds:
        back = _by_kinds(earlier, kinds, q.start, end, knowledge)
        if back is not None:
            return back.entity_id, True
    return (pool[0].entity_id, True) if pool else (None, False)


def _intercepted(q: Quantity, text: str, rules: FigureRules, knowledge: Any) -> bool:
    """Whether the number's clause shoots its things down before it ("Russian air defence
    forces intercepted and destroyed 36 Ukrainian drones"): ANNOTATING.md gives such counts
    to the interceptor, the clause's subject."""
    if rules.interception is None:
        return False
    start = _clause_start(q, text, knowledge)
    return rules.interception.search(text, start, q.start) is not None


def _place_country(text: str, end: int, rules: FigureRules, knowledge: Any) -> str | None:
    """The country of the place a distance is measured into ("about 145 miles southwest of
    Moscow", "300 km inside Russia"): a distance to a base belongs to the country that owns
    it (ANNOTATING.md). A capital names its government, a listed town its country."""
    m = rules.direction.match(text, end) if rules.direction is not None else None
    if m is None:
        return None
    place = m.group("place")
    for name in (place, place.split()[0]):
        found = knowledge.lookup(name) if hasattr(knowledge, "lookup") else None
        if found is not None:
            country = _country_of_government(found, knowledge)
            if entity_info(knowledge, country)[1] == "country":
                return country
        towns = casualty_rules_for(knowledge).place_country
        if name in towns and towns[name] in getattr(knowledge, "entities", {}):
            return towns[name]
    return None


def _across_border(
    text: str,
    end: int,
    pool: list[Any],
    earlier: list[Any],
    nations: list[_Spot],
    rules: FigureRules,
    knowledge: Any,
    history: _Earlier,
) -> str | None:
    """The country a distance "from the Ukrainian border" reaches into: another country
    the sentence names (a nationality word too), else the nearest one named before it in
    the paragraph, else in the article. A distance to a base belongs to the country that
    owns the base."""
    m = _BORDER.match(text, end)
    if m is None:
        return None
    side = rules.demonym_ids.get(m.group("side"))
    if side is None:
        return None

    def country(entity_id: str) -> str | None:
        if entity_info(knowledge, entity_id)[1] != "country":
            return None
        return entity_id if entity_id != side else None

    for spot in [*pool, *nations]:
        if (found := country(spot.entity_id)) is not None:
            return found
    for spot in reversed(earlier):
        if (found := country(spot.entity_id)) is not None:
            return found
    return farther_country(side, history.mentions(), knowledge)


def _people_share(text: str, q: Quantity, rules: FigureRules, known: Any) -> str | None:
    """The country whose people or things a share is of ("57% of Italians" is Italy's)."""
    m = _OF_PEOPLE.match(text, q.end) if q.dimension == "ratio" else None
    if m is None:
        return None
    words = m.group(1)
    first = words.split()[0]
    for name in (words, words[:-1], words[:-2], first, first[:-1], first[:-2]):
        country = rules.demonym_ids.get(name)
        if country is not None and country in known:
            return country
    return None


def _group_owner(
    text: str, q: Quantity, rules: QuantityRules, owners: dict[str, str]
) -> str | None:
    """Whose group a share is of: "Nearly 40% of the (Russian) missiles" are the missiles
    counted before, so they belong to that count's subject."""
    group = _SHARE_OF.match(text, q.end) if q.dimension == "ratio" else None
    if group is None:
        return None
    for word in group.groups():
        noun = rules.nouns.get(word.casefold()) if word else None
        if noun is not None:
            return owners.get(noun.unit)
    return None


class _Earlier:
    """The usable mentions before `until`, worked out on first use only."""

    def __init__(self, mentions: list[Any], until: int, text: str, ctx: _Usable) -> None:
        self._args = (mentions, until, text, ctx)
        self._found: list[Any] | None = None

    def mentions(self) -> list[Any]:
        if self._found is None:
            mentions, until, text, ctx = self._args
            self._found = _usable(in_span(mentions, 0, until), text, ctx)
        return self._found


@dataclass(frozen=True)
class _Usable:
    knowledge: Any
    excluded: frozenset[str]  # categories never a subject (media)
    anonymous: frozenset[str]  # "officials", "sources"


def _anonymous(knowledge: Any) -> frozenset[str]:
    words = getattr(knowledge, "word_set", None)
    return words("anonymous_sources") if callable(words) else frozenset()


def _usable(mentions: list[Any], text: str, ctx: _Usable) -> list[Any]:
    """Mentions that can own a figure: not a news outlet, not a qualifier of an unnamed
    source ("U.S. officials said": the country says who spoke, it does nothing)."""
    out = []
    base = _variant_of(ctx.knowledge)
    for m in mentions:
        if entity_info(ctx.knowledge, m.entity_id)[1] in ctx.excluded:
            continue
        nxt = _NEXT_WORD.match(text, m.end)
        if nxt is not None and nxt.group(1).casefold() in ctx.anonymous:
            continue
        if base is not None and base.search(text, max(0, m.start - 60), m.start):
            continue  # "a new version of the Taurus": the base, not what is described
        out.append(m)
    return out


def _build_variant_of(data: dict[str, Any]) -> re.Pattern[str] | None:
    nouns = [str(w) for w in data.get("weapon_variant_nouns") or []]
    if not nouns:
        return None
    return re.compile(
        rf"\b(?:{'|'.join(map(re.escape, nouns))})s?\s+of\s+(?:the\s+|a\s+|an\s+)?"
        r"(?:[\w-]+\s+){0,3}$"
    )


_variant_of = per_lexicon(_build_variant_of)


def _cited(m: Any, text: str, start: int, rules: FigureRules) -> bool:
    """Whether mention `m` names whom its sentence cites ("according to X", "X said")."""
    if rules.source_before is not None and rules.source_before.search(
        text, max(start, m.start - 20), m.start
    ):
        return True
    said = rules.source_after.match(text, m.end) if rules.source_after is not None else None
    # "Trump said he could end the war in one day": the one who speaks is the subject.
    return said is not None and _SELF.match(text, said.end()) is None


def _nations(text: str, offset: int, rules: FigureRules, knowledge: Any) -> list[_Spot]:
    """Nationality words in the sentence `text` ("Russian forces"), as the country."""
    if rules.demonyms is None:
        return []
    known = getattr(knowledge, "entities", {})
    return [
        _Spot(rules.demonym_ids[m.group()], offset + m.start(), offset + m.end())
        # The twin branching on first characters: re tried all of some 150 names, one
        # by one, at every position (`casefast`).
        for m in casefast.finditer(rules.demonyms, text)
        if rules.demonym_ids[m.group()] in known
    ]


def _context(source: Source, offset: int) -> tuple[int, int]:
    """The span of the paragraph holding `offset` and the paragraph before it."""
    for index, para in enumerate(source.paragraphs):
        if para.start <= offset < para.end:
            return source.paragraphs[max(0, index - 1)].start, para.end
    return offset, offset


_OPEN_BRACKET = re.compile(r"\s*\(\s*")


def _bracketed_twin(
    text: str, q: Quantity, last: tuple[int, dict[str, Any]] | None
) -> dict[str, Any] | None:
    """The figure this one restates in brackets right after it, in another unit (`last`:
    the sentence's figure before it, with where its text ends)."""
    if last is None:
        return None
    end, item = last
    gap = _OPEN_BRACKET.fullmatch(text, end, q.start)
    return item if gap is not None and item["unit"] != q.unit else None


def extract_figures(
    source: Source, sentences: list[Any], mentions: list[Any], knowledge: Any
) -> list[dict[str, Any]]:
    """Figure items (data schema `figure`) for every usable number in `sentences`."""
    data = lexicon_data(knowledge)
    qrules, drules, frules = rules_for(data), date_rules_for(data), figure_rules_for(data)
    crules = casualty_rules_for(knowledge)
    lrules = loss_rules_for(data)
    known = getattr(knowledge, "entities", {})
    figures: list[dict[str, Any]] = []
    owners: dict[str, str] = {}  # counted unit -> subject of its last count
    ctx = _Usable(knowledge, frules.excluded, _anonymous(knowledge))
    previous: str | None = None
    for sentence in sentences:
        text = source.text[sentence.start : sentence.end]
        before, previous = previous, text
        quantities = [q for q in find_quantities(text, qrules, sentence.start) if q.skip is None]
        if not quantities:
            continue
        dates = find_dates(text, source.published, drules, sentence.start)
        pool = _usable(in_span(mentions, sentence.start, sentence.end), source.text, ctx)
        lo, _hi = _context(source, sentence.start)
        earlier = _usable(in_span(mentions, lo, sentence.start), source.text, ctx)
        nations = _nations(text, sentence.start, frules, knowledge)
        cited = [m for m in pool if _cited(m, source.text, sentence.start, frules)]
        head = getattr(knowledge, "weapon_head", None)
        refers = head is not None and head.search(text) is not None  # "The missile ..."
        # Weapons named anywhere before: only looked at when nothing nearer fits.
        history = _Earlier(mentions, sentence.start, source.text, ctx)
        # Asked only once a figure is made: most sentences with a number make none.
        garbled: bool | None = None
        share: str | None = None  # the people of the sentence's last share of a people
        last: tuple[int, dict[str, Any]] | None = None  # the sentence's last figure, its end
        last_sum: dict[str, Any] | None = None  # the sentence's last sum of money
        donor: str | None = None  # the actor owning the sentence's last count
        for q in quantities:
            if any(d.start < q.end and q.start < d.end for d in dates):
                continue  # "17, 2024" belongs to a date
            if any(m.start < q.start < m.end and _kind(knowledge, m) == "weapon" for m in pool):
                continue  # "RBS 15 missiles": the number is part of the weapon's name
            if (
                q.dimension == "count"
                and frules.source_count is not None
                and frules.source_count.match(source.text, q.end)
            ):
                continue  # "two people familiar with the deal" are who told, not a count
            if (
                q.dimension == "time"
                and frules.time_point is not None
                and frules.time_point.match(source.text, q.end)
            ):
                continue  # "two years ago", "seven months on": a date, not a measure
            if q.dimension == "count" and q.value == 1 and _PRICED.match(source.text, q.end):
                continue  # "one missile costs 2.6 million euros": a unit price, no count
            if _AGE.match(source.text, q.end) or _AGED.search(
                source.text, max(0, q.start - 8), q.start
            ):
                continue  # "7 years old", "aged 68": a person's age, no figure of the war
            victims = q.dimension == "count" and is_casualty_count(
                q, source.text, sentence.start, sentence.end, crules
            )
            if victims:
                q = replace(q, unit=crules.unit, property=crules.unit)
            prop: str | None = q.property
            if prop is not None:
                kinds, end = q.subject_kinds, q.end
            else:
                prop, kinds, end = _property(q, text, sentence.start, frules)
            victims_of = (
                casualty_owner(
                    q,
                    source.text,
                    sentence.start,
                    sentence.end,
                    pool,
                    known,
                    crules,
                    owners.get(q.unit or ""),
                )
                if victims
                else None
            )
            subject: str | None
            if victims_of is not None:
                subject, uncertain = victims_of, False
            else:
                # Casualties are never the attacker's ("a Russian drone attack killed ..."),
                # nor the counting source's ("the agency said 300 were killed").
                doers, peoples, before_it = pool, nations, earlier
                if q.dimension in ("count", "ratio"):
                    # Nobody holds a count or a share as a person (`without_people`).
                    doers, before_it = (
                        without_people(pool, source.text, knowledge),
                        without_people(earlier, source.text, knowledge),
                    )
                if victims:
                    doers = [
                        m
                        for m in pool
                        if m not in cited and not is_attacker(m.end, source.text, crules)
                    ]
                    peoples = [n for n in nations if not is_attacker(n.end, source.text, crules)]
                subject, uncertain = _subject(
                    q,
                    end,
                    kinds,
                    doers,
                    before_it,
                    peoples,
                    source.text,
                    knowledge,
                    history,
                    refers,
                    cited,
                )
            if prop == "distance" and (
                other := _across_border(
                    source.text, end, pool, earlier, nations, frules, knowledge, history
                )
                or _place_country(source.text, end, frules, knowledge)
                or front_line_owner(source.text, q.start, end, pool, knowledge)
            ):
                subject, uncertain = other, False
            if (
                q.dimension == "count"
                and subject is not None
                and _WHOLE_AFTER_PART.search(source.text, max(0, q.start - 24), q.start)
                and _intercepted(q, source.text, frules, knowledge)
            ):
                # "shot down 37 of the 40 drones": the 37 are the interceptor's, the 40
                # were launched by the side it defends against.
                side = body_country(subject, entity_rules(knowledge)) or subject
                other = farther_country(side, [*history.mentions(), *pool], knowledge)
                if other is not None:
                    subject, uncertain = other, False
            if q.dimension in ("money", "ratio") and (
                firm := company_owner(text, pool, earlier, knowledge)
            ):
                subject, uncertain = firm, False  # "The stock rose as much as 14%"
            if q.dimension == "money" and (again := restated_sum(source.text, q.start, last_sum)):
                subject, uncertain = again, False  # "up from 2 billion euros in 2024"
            elif (
                prop == "funding"
                and donor is not None
                and (uncertain or subject is None or entity_info(knowledge, subject)[0] != "actor")
            ):
                # "will deliver six launchers and 20 missiles, in a package worth 45 million
                # euros": the package holds the things counted before, so it is their donor's.
                subject, uncertain = donor, False
            if q.dimension == "count" and q.unit in lrules.units:
                lost = loss_owner(
                    q.unit,
                    (sentence.start, sentence.end),
                    source.text,
                    countries_named([*pool, *nations], knowledge),
                    history.mentions(),
                    lrules,
                    knowledge,
                )
                if lost is not None:
                    subject, uncertain = lost, False  # equipment lost is the loser's
            owner = _group_owner(source.text, q, qrules, owners)
            if owner is not None and (uncertain or subject is None):
                subject, uncertain = owner, False  # "Nearly 40% of the missiles" (counted before)
            own = (
                casefast.search(frules.demonyms, q.text)
                if frules.demonyms and q.dimension == "count"
                else None
            )
            if (
                own is not None
                and frules.demonym_ids[own.group()] in getattr(knowledge, "entities", {})
                and not (frules.origin is not None and frules.origin.match(q.text, own.end()))
                # "said its air defences destroyed 43 Ukrainian drones": the speaker's
                # forces shot them down; the drones' maker owns no count of them.
                and not _ITS.match(source.text, _clause_start(q, source.text, knowledge))
                and not _intercepted(q, source.text, frules, knowledge)
            ):
                subject, uncertain = frules.demonym_ids[own.group()], False
            people = _people_share(source.text, q, frules, known)
            if people is not None:
                subject, uncertain = people, False
                share = people
            elif q.dimension == "ratio" and share is not None and not _OF.match(source.text, q.end):
                # "57% of Italians were against, while 29% were in favour": the same people.
                subject, uncertain = share, False
            twin = _bracketed_twin(source.text, q, last)
            if twin is not None:
                # "500 km (310 miles)", "$1.2 billion (1.03 billion euro)": one figure in
                # two units, so one subject, property and hedge.
                subject, prop = twin["subject"], twin.get("property")
                uncertain = "uncertain" in (twin.get("flags") or [])
                if q.hedge is None:
                    q = replace(q, hedge=twin["hedge"])
            if subject is None:
                continue  # the schema needs a subject; a number about nothing named is noise
            if q.dimension == "count" and q.unit:
                owners[q.unit] = subject
            if garbled is None:
                garbled = is_garbled(text, before, knowledge)
            flags = [f for f, on in (("garbled", garbled), ("uncertain", uncertain)) if on]
            value = (
                [plain_number(v) for v in q.value]
                if isinstance(q.value, tuple)
                else plain_number(q.value)
            )
            item: dict[str, Any] = {
                "id": stable_id("fig", source.id, q.start, end),
                "subject": subject,
                "property": prop,
                "value": value,
                "unit": q.unit,
                "hedge": q.hedge,
                "text": source.text[q.start : end],
                "citations": [citation(source, sentence.start, sentence.end)],
            }
            if prop is None:
                del item["property"]
            if flags:
                item["flags"] = flags
            figures.append(item)
            last = end, item
            if q.dimension == "money":
                last_sum = item
            elif (
                q.dimension == "count"
                and not uncertain
                and entity_info(knowledge, subject)[0] == "actor"
            ):
                donor = subject
    return figures
