"""Owners the nearest name gets wrong, by what the words after a number say: a distance
"from the Ukrainian border" or "southwest of Moscow" reaches into a country, "57% of
Italians" is a people's share and "40% of the missiles" a share of a group counted before.
(The other such rules, on counts lost, companies and sums restated, are in `figureowners`.)
"""

from __future__ import annotations

import re
from typing import Any

from ..casualties import casualty_rules_for
from ..factbits import entity_info
from ..figureowners import farther_country, located_country
from ..home import country_named
from ..quantities import Quantity, QuantityRules
from .mentions import _Earlier, _Spot
from .rules import _AFTER_TWIN, FigureRules
from .subjects import _country_of_government

# A distance measured from one side's border or front: the place measured is the other's.
_BORDER = re.compile(
    rf"{_AFTER_TWIN}\s+(?:(?:away|back)\s+)?(?:"
    r"(?:from|of|behind|beyond|past)\s+the\s+(?:(?:nearest|closest)\s+point\s+(?:of|on)\s+the\s+)?"
    r"(?:(?:nearest|closest)\s+)?"
    # ("from the nearest Ukrainian launch areas", "from the nearest Ukrainian positions")
    r"(?:(?P<side>[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?)\s+(?:border|frontier|front\s*line|frontline|front"
    r"|(?:launch\s+)?(?:areas?|sites?|points?|positions))\b"
    # "from the state border of Ukraine"
    r"|(?:state\s+)?(?:border|frontier)\s+(?:of|with)\s+(?P<of>[A-Z][\w.-]*))"
    # "from the nearest Ukrainian-held territory", "from Ukrainian-controlled lines"
    r"|(?:from|of|behind|beyond)\s+(?:the\s+)?(?:(?:nearest|closest)\s+)?"
    r"(?P<held>[A-Z]\w*)-(?:held|controlled)\s+(?:territory|lines?|ground)\b"
    # "bases 1,000 km or more from Ukraine"
    r"|(?:or\s+(?:more|further|farther)\s+)?from\s+(?P<bare>[A-Z]\w+)\b(?![\w'’.-])"
    r")"
)
# "90% of these aircraft": a share of a group counted before.
_SHARE_OF = re.compile(r"\s+of\s+(?:the|these|those|its|their)\s+([\w-]+)(?:\s+([\w-]+))?")
# "57% of Italians", "40 percent of Russian airfields": a share of a people or a country's things.
_OF_PEOPLE = re.compile(r"\s+of\s+(?:all\s+|the\s+)?([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?)")


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
    named = m.group("side") or m.group("of") or m.group("held") or m.group("bare")
    side = rules.demonym_ids.get(named) or country_named(named, knowledge, towns=False)
    if side is None or entity_info(knowledge, side)[1] != "country":
        return None

    def country(entity_id: str) -> str | None:
        if entity_info(knowledge, entity_id)[1] != "country":
            return None
        return entity_id if entity_id != side else None

    for spot in [*pool, *nations]:
        if (found := country(spot.entity_id)) is not None:
            return found
    for spot in earlier[::-1]:  # (mypyc 1.x fails on reversed() of a list of Any)
        if (found := country(spot.entity_id)) is not None:
            return found
    located = located_country(text, history.mentions(), knowledge)
    if located is not None and located != side:
        return located  # "an airfield in the Voronezh region" named in Russia before
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


_CAPITALISED_WORD = re.compile(r"\b[A-Z][\w'-]*")


def _polled_people(
    text: str, lo: int, q: Quantity, rules: FigureRules, known: Any, polls: re.Pattern[str] | None
) -> str | None:
    """The country whose people a poll's share is of, named as a people before it in a
    sentence that speaks of a poll ("Australians appear to agree: an Essential poll found
    61 per cent in favour"). ANNOTATING.md gives a poll share to the country polled."""
    if q.dimension != "ratio" or polls is None or polls.search(text, lo, q.start) is None:
        return None
    for m in reversed(list(_CAPITALISED_WORD.finditer(text, lo, q.start))):
        word = m.group()
        if not word.endswith("s"):
            continue  # a people, plural: "Australians", "Germans", "the Portuguese" aside
        for name in (word[:-1], word[:-2]):
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


# A share of those a poll asked, named by no people ("78% of respondents", "54,6 percent of
# the voters").
_RESPONDENTS = re.compile(
    r"\s+of\s+(?:the\s+|all\s+)?(?:respondents|voters|those\s+(?:polled|asked|surveyed|questioned)"
    r"|people\s+(?:polled|asked|surveyed|questioned)|citizens|adults|electorate|population)\b"
)


def _respondents_share(
    text: str,
    lo: int,
    hi: int,
    q: Quantity,
    polls: re.Pattern[str] | None,
    knowledge: Any,
    home: str | None,
) -> str | None:
    """The country a poll asked, for a share of its respondents in a sentence that speaks
    of a poll: the country a capital or name before the share stands for ("a poll by the
    Kyiv International Institute of Sociology, 78% of respondents": Ukraine), else the
    article's home ("a survey of the institute Sotomo ... 54,6 percent of the voters" in a
    Swiss outlet). ANNOTATING.md gives a poll share to the country polled."""
    if (
        q.dimension != "ratio"
        or polls is None
        or not _RESPONDENTS.match(text, q.end)
        or polls.search(text, lo, hi) is None
    ):
        return None
    for m in _CAPITALISED_WORD.finditer(text, lo, q.start):
        country = country_named(m.group(), knowledge, towns=False)
        if country is not None:
            return country
    return home


# "up to 500 km (310 miles) inside Russia", "300 km deep into Russia".
_INTO = re.compile(rf"{_AFTER_TWIN}\s+(?:(?:deep|further|farther)\s+)?(?:inside|into)\b")
# "the 300km limit", "a 300-kilometre cap".
_LIMIT_AFTER = re.compile(rf"{_AFTER_TWIN}[\s-]+(?:limit|cap|ceiling|radius|restriction)\b")
# "a depth of 300 km", "a radius limited to 300 kilometres", "cap at 300 kilometers".
_LIMIT_BEFORE = re.compile(
    r"\b(?:limit|cap|capped|ceiling|depth|radius|limited|confined?)\s+(?:of\s+|to\s+|at\s+)?"
    r"(?:(?:up\s+to|about|some|around|roughly)\s+)?$"
)
# Where the country a limit reaches into is named: "inside Russia", "the territory of".
_TARGET_BEFORE = re.compile(r"\b(?:inside|into|in|within|of)\s+(?:the\s+)?$")
# Who a limit is set for: "cleared Ukraine to use", "Ukraine may strike", "Kyiv must notify".
_PERMITTED_BEFORE = re.compile(
    r"\b(?:allow|allows|allowed|clear|clears|cleared|let|lets|permit|permits|permitted|"
    r"authori[sz]e[sd]?|for)\s+$",
    re.IGNORECASE,
)
_PERMITTED_AFTER = re.compile(r"(?:['’]s)?\s+(?:to|may|must|can|could|would|will|is|was)\b")


def limit_owner(
    text: str,
    q: Quantity,
    end: int,
    span: tuple[int, int],
    pool: list[Any],
    nations: list[_Spot],
    rules: FigureRules,
    knowledge: Any,
) -> str | None:
    """Whose limit a distance is when it caps strikes ("Washington cleared the Bowstring for
    targets up to 500 km inside Russia", "the 300km limit he set"): the first country or
    government in the sentence `span` that neither is reached into nor is the one the
    limit is set for, else a nationality word naming neither ("the American missile").
    The government or ministry named keeps it ("the Pentagon's rule", "Washington's
    cap"): annotators of 4 sets out of 6 gave limits to the body that set them."""
    lo, hi = span
    if rules.limit is None or not (
        _INTO.match(text, end)
        or _LIMIT_AFTER.match(text, end)
        or _LIMIT_BEFORE.search(text, max(lo, q.start - 40), q.start)
    ):
        return None
    if rules.limit.search(text, lo, hi) is None:
        return None

    def passive(m: Any) -> bool:
        return bool(
            _TARGET_BEFORE.search(text, max(lo, m.start - 16), m.start)
            or _PERMITTED_BEFORE.search(text, max(lo, m.start - 16), m.start)
            or _PERMITTED_AFTER.match(text, m.end)
        )

    # A name before a nationality word ("Japanese contributions free up money for the
    # missile, which Washington has allowed ..."): the adjective rarely sets a limit.
    named = sorted(pool, key=lambda m: getattr(m, "adjective", False))
    for m in named:
        if entity_info(knowledge, m.entity_id)[1] not in ("country", "government"):
            continue
        if not passive(m):
            return str(m.entity_id)
    for n in nations:
        if not passive(n) and entity_info(knowledge, n.entity_id)[1] == "country":
            return str(n.entity_id)
    return None


# What stands before a name that receives: "sent Ukraine", "for a NATO-run fund", "to Kyiv".
_RECEIVES = re.compile(
    r"\b(?:to|for|give|gives|gave|given|giving|send|sends|sent|provide|provides|provided|"
    r"supply|supplies|supplied|grant|grants|granted|offer|offers|offered)\s+(?:an?\s+|the\s+)?$",
    re.IGNORECASE,
)


def _receives(text: str, m: Any) -> bool:
    return _RECEIVES.search(text, max(0, m.start - 24), m.start) is not None


def _giver(
    text: str,
    q: Quantity,
    pool: list[Any],
    home: str | None,
    rules: FigureRules,
    knowledge: Any,
    lo: int,
    categories: tuple[str, ...],
    other_than: str | None = None,
) -> str | None:
    """Who gives what the number at `q` counts or sums: the first actor of `categories`
    the sentence names before it (not a nationality word, not one that receives, not
    `other_than`), as its country; else the article's `home` country when a word of
    lexicon `home_payers` stands in the sentence (from `lo`) before the number ("The
    government decided to give Ukraine a package worth 4.6 billion kronor", in a Swedish
    daily; "Western governments" name no country). None: no giver found."""
    for m in pool:
        if m.end > q.start:
            break
        if (
            m.entity_id != other_than
            and entity_info(knowledge, m.entity_id)[1] in categories
            and not getattr(m, "adjective", False)
            and not _receives(text, m)
        ):
            return _country_of_government(m.entity_id, knowledge)
    if home is None or home == other_than or rules.home_payer is None:
        return None
    return home if rules.home_payer.search(text, lo, q.start) else None


def donor_not_recipient(
    text: str,
    q: Quantity,
    subject: str,
    pool: list[Any],
    home: str | None,
    rules: FigureRules,
    knowledge: Any,
    lo: int = 0,
) -> str | None:
    """The giver (`_giver`: a country or government) of a sum whose chosen owner only
    receives it in its sentence ("Bulgaria has sent Ukraine equipment worth an estimated
    1.5 to 2 billion euro": Bulgaria's). None when the owner gives or no giver is found."""
    mentions = [m for m in pool if m.entity_id == subject]
    if not mentions or not all(_receives(text, m) for m in mentions):
        return None
    if entity_info(knowledge, subject)[0] != "actor":
        return None
    return _giver(
        text, q, pool, home, rules, knowledge, lo, ("country", "government"), other_than=subject
    )


def weapon_count_owner(
    text: str,
    q: Quantity,
    end: int,
    subject: str,
    pool: list[Any],
    home: str | None,
    rules: FigureRules,
    knowledge: Any,
    lo: int,
) -> str | None:
    """Who holds a count of a weapon named inside the count ("deliver 150 Taurus missiles",
    "shipped 96 K2 tanks"), which the weapon itself never does (ANNOTATING.md: launched,
    supplied or held, the things are an actor's): its giver (`_giver`: a country,
    government or organisation). None: no such actor."""
    if not any(m.entity_id == subject and q.start <= m.start < end for m in pool):
        return None  # "A single Pantsir-S1 vehicle carries 12 missiles": the carrier's
    return _giver(
        text, q, pool, home, rules, knowledge, lo, ("country", "government", "organisation")
    )
