"""A country's body written in lower case ("Ukraine's air force", "the Russian defence
ministry", "the ministry in Moscow"), named as its own name would be ("Russian Defence
Ministry"), and the seat a body of many is named with ("the Russian Embassy in Norway").
"""

from __future__ import annotations

import re

from .. import casefast
from ..casualties import casualty_rules_for
from ..entitycues import entity_rules, government_demonym
from ..knowledge import Knowledge
from ..wordgate import holds_any
from .candidate import Candidate
from .words import _rules


def _institutions(
    text: str, start: int, end: int, k: Knowledge, lower: str | None = None
) -> list[Candidate]:
    """A country's body written in lower case: "Ukraine's air force", "the Russian defence
    ministry" are the "Ukrainian Air Force", the "Russian Defence Ministry" (see entitycues).
    `lower`: the sentence lower-cased (`discover`), to skip one without a body noun."""
    rules = _rules(k)[0]
    if rules.institutions is None:
        return []
    runs = rules.institution_runs
    if lower is not None and runs is not None and not holds_any(lower, runs):
        return []  # four sentences in five: no body noun (`EntityRules.institution_runs`)
    found: list[Candidate] = []
    # Its first-character twin (`casefast`) skips to the capitals the names begin with.
    for m in casefast.finditer(rules.institutions, text, start, end):
        noun = m.group("noun")
        if m.group("owner") is not None:
            demonym = rules.demonym_for.get(rules.country_of[m.group("owner")])
        else:
            demonym = m.group("dem")
        if not demonym:
            continue
        found.append(_body(demonym, noun, m.start(), m.end(), text, end, k))
    if rules.institutions_of is not None:
        for m in rules.institutions_of.finditer(text, start, end):
            demonym = rules.demonym_for.get(rules.country_of[m.group("owner")])
            if not demonym:
                continue
            found.append(_body(demonym, m.group("noun"), m.start(), m.end(), text, end, k))
    # "The defence ministry says": a generic body, no owner said (`home` finds whose).
    if rules.bare_body is not None and rules.generic_names:
        for m in rules.bare_body.finditer(text, start, end):
            noun = m.group("noun")
            if noun != noun.casefold():
                continue  # "The Defence Ministry": a name, found by `_organisations`
            name = rules.generic_names[noun]
            category = rules.institution_category.get(noun, "government")
            found.append(Candidate("actor", category, name, [(m.start("noun"), m.end())]))
    in_capital = [
        m
        for pattern in (rules.in_capital, rules.capital_first)
        if pattern is not None
        for m in pattern.finditer(text, start, end)
    ]
    for m in in_capital:
        noun = m.group("noun").casefold()
        government = k.lookup(m.group("capital"))
        if noun in rules.seated or government is None:
            continue  # "the embassy in Oslo" is some other country's
        demonym = government_demonym(k.entities[government].name)
        name = " ".join([demonym, *(w[:1].upper() + w[1:] for w in noun.split())])
        category = rules.institution_category[noun]
        # From "the" when the capital comes first: "the Defence Ministry" is then longer than
        # the same words found as a name of their own, and wins.
        ahead = "the" in m.groupdict()
        span = (m.start("the"), m.end("noun")) if ahead else (m.start("noun"), m.end())
        found.append(Candidate("actor", category, name, [span]))
    return found


def _body(
    demonym: str, noun: str, start: int, stop: int, text: str, end: int, k: Knowledge
) -> Candidate:
    """The body `noun` of the country of `demonym`, named "<Demonym> <Noun>" ("Russian
    Defence Ministry"), with its seat when it has many ("the Russian embassy in London":
    one embassy of many, the "Russian Embassy in the United Kingdom")."""
    rules = _rules(k)[0]
    name = " ".join([demonym, *(w[:1].upper() + w[1:] for w in noun.split())])
    seat = _SEAT.match(text, stop, end) if noun in rules.seated else None
    if seat is not None:
        name, stop = f"{name} {seated_at(seat, k)}", seat.end()
    return Candidate("actor", rules.institution_category[noun], name, [(start, stop)])


def seated_at(seat: re.Match[str], k: Knowledge) -> str:
    """ "in the United Kingdom" of " in London"; "to the EU" as written."""
    if seat.group("prep") == "to":
        return f"to {seat.group('place')}"
    return f"in {_seat_name(seat.group('place'), k)}"


def _seat_name(place: str, k: Knowledge) -> str:
    """The country a capital or a listed city is the seat of ("Oslo": "Norway",
    "Brussels": "Belgium"), so that "the embassy in Oslo" and "the embassy in Norway" are
    one; any other place as written."""
    rules = entity_rules(k)
    government = k.lookup(place) if place in rules.capitals else None
    if government is not None:
        country = rules.demonym_of.get(government_demonym(k.entities[government].name))
    else:
        # A listed city ("Brussels": lexicon `places`) is in its country.
        country = casualty_rules_for(k).place_country.get(place)
    entity = k.entities.get(country) if country else None
    if entity is None:
        return place
    written = f"the {entity.name}"  # "in the United Kingdom", if articles write it so
    return written if written in entity.aliases else entity.name


# " in London", " in the United Kingdom": where a body sits (capitalised words).
# " to the EU", " to NATO": where a mission is accredited (a body, not a country's seat).
# (A stop inside or after capitals, "the U.S.", is the place's; one ending a sentence after
# a lower-case letter, "the Russian embassy in Prague.", is not.)
_PLACE_WORD = r"[A-Z](?:[\w'’-]|\.(?=\w))*(?:\.(?<=[A-Z]\.))?"
_SEAT = re.compile(
    rf"\s+(?P<prep>in|to)\s+(?P<place>(?:the\s+)?{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,2}})"
)
