"""Entity rules that read the lexicon beyond Knowledge: demonyms, bodies and publishers.

- A country's armed men named by its demonym ("North Korean troops") mention the country.
- "Russia's Foreign Ministry" is the "Russian Foreign Ministry": a short body name after a
  country's possessive takes the country's demonym (lexicon `demonym_of`, first listed).
- A country's own body written in lower case after its possessive or demonym ("Ukraine's
  air force", "the Russian defence ministry") is that body, named by the demonym and the
  noun in capitals ("Ukrainian Air Force"; lexicon `institution_nouns`).
- The article's own publisher is no actor (nor is any news outlet: `entities._outlet`).

Compiled once per lexicon: this runs on every sentence of every article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .factbits import per_lexicon
from .knowledge import slug, trie_alternation
from .wordgate import first_runs


@dataclass(frozen=True)
class EntityRules:
    demonym_of: dict[str, str]  # demonym as written -> country entity id
    demonym_for: dict[str, str]  # country entity id -> its demonym
    forces: re.Pattern[str] | None  # a demonym before a noun of armed men
    institutions: re.Pattern[str] | None  # a country's possessive or demonym, then a body
    institution_category: dict[str, str]  # body noun as written -> category
    country_of: dict[str, str]  # country name or alias as written -> entity id
    # A capital right after "in" or "at" ("the embassy in Oslo"): the city, not its
    # government (lexicon `capitals`).
    capital_as_place: re.Pattern[str] | None
    capitals: frozenset[str]
    # A demonym before a lower-case word ("Czech aid", "Panama-flagged"): the country.
    adjective: re.Pattern[str] | None = None
    # Names that hold a known name but name something else ("New Mexico" is no Mexico).
    other_names: re.Pattern[str] | None = None
    # Bodies a country has many of, named with their seat ("embassy": "in London").
    seated: frozenset[str] = frozenset()
    # "the defence ministry in Warsaw": a body named by its capital (groups noun, capital).
    in_capital: re.Pattern[str] | None = None
    # "<demonym> government" entity id -> its country's id ("russian-government": "russia").
    government_country: dict[str, str] | None = None
    # A demonym's slug and a hyphen, longest first, with its country ("russian-": "russia"):
    # the country of a body named by its demonym ("russian-defence-ministry").
    demonym_prefixes: tuple[tuple[str, str], ...] = ()
    # The body nouns' first word runs, lower-cased (`wordgate.first_runs`): `institutions`
    # and `in_capital` match a noun whole, after a space, so a sentence whose lower-cased
    # words hold none of these has no match of either. None: not known (a noun not ASCII).
    institution_runs: frozenset[str] | None = None
    # "the embassy of Russia in Warsaw", "the foreign ministry of Ukraine": the body first,
    # as translations keep it (groups noun, owner).
    institutions_of: re.Pattern[str] | None = None
    # "In Moscow, the defence ministry says": `in_capital` with the capital first.
    capital_first: re.Pattern[str] | None = None
    # "the defence ministry": a generic body (lexicon `generic_bodies`) in lower case, no
    # owner said (group noun); `generic_names` maps the noun folded to the listed name.
    bare_body: re.Pattern[str] | None = None
    generic_names: dict[str, str] | None = None
    # A known body's country the lexicon gives (`country`: "state-duma": "russia").
    entity_country: dict[str, str] = field(default_factory=dict)
    # Last words of a publisher's name its stories leave out (casefolded): "Yle News".
    publisher_endings: frozenset[str] = frozenset()
    # Id of a known body -> (country, id of that country's own body of the same name), one
    # per country (lexicon `namesake_of`): "the Conservatives" of a Canadian paper are
    # Canada's.
    namesakes: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    # `country_of_body` by entity id: asked of the same few ids again and again (a pass
    # over every demonym prefix each time). Not an argument: a `replace`d copy starts empty.
    body_countries: dict[str, str | None] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )


# A preposition of place right before a name: the name is where, not who ("in Russia's
# Kaluga Oblast"; shared by `names`, `quotes` and `positions`).
PLACE_BEFORE = re.compile(r"\b(?:in|inside|into|within|across|near|over|on)\s+(?:the\s+)?$")


def country_of_body(entity_id: str, rules: EntityRules) -> str | None:
    """The country a body's id names it after ("russian-defence-ministry": "russia",
    "general-staff-of-ukraine": "ukraine")."""
    memo = rules.body_countries
    if entity_id in memo:
        return memo[entity_id]
    found = next((c for p, c in rules.demonym_prefixes if entity_id.startswith(p)), None)
    if found is None and "-of-" in entity_id:
        tail = entity_id.rsplit("-of-", 1)[1]
        found = next((c for _p, c in rules.demonym_prefixes if c == tail), None)
    memo[entity_id] = found
    return found


def body_country(entity_id: str, rules: EntityRules) -> str | None:
    """The country a government or another body is of: as the lexicon gives it
    (`country`), by the lexicon's governments ("dutch-government": "netherlands") or by
    its id (`country_of_body`)."""
    return (
        rules.entity_country.get(entity_id)
        or (rules.government_country or {}).get(entity_id)
        or country_of_body(entity_id, rules)
    )


def _alternation(words: list[str], ignore_case: bool = False) -> str:
    """The words as one alternation, longest first, written as a trie (`trie_alternation`):
    these lists (every state and its demonym) are searched at every position."""
    return trie_alternation(sorted(set(words)), ignore_case=ignore_case)


def _build(data: dict[str, Any]) -> EntityRules:
    demonym_of = {str(k): str(v) for k, v in (data.get("demonym_of") or {}).items()}
    demonym_for: dict[str, str] = {}
    for demonym, entity_id in demonym_of.items():
        if (demonym[:1].isupper() and demonym[1:].islower()) or " " in demonym:
            demonym_for.setdefault(entity_id, demonym)  # "American", not "U.S."
    nouns = [str(n) for n in data.get("force_nouns") or []]
    forces = (
        re.compile(
            rf"(?<![\w.])(?P<dem>{_alternation(list(demonym_of))})\s+(?:{_alternation(nouns)})\b"
        )
        if demonym_of and nouns
        else None
    )
    bodies = {str(k): str(v) for k, v in (data.get("institution_nouns") or {}).items()}
    country_of = {
        form: str(e.get("id") or slug(str(e["name"])))
        for e in data.get("known_entities") or []
        if e.get("category") == "country"
        for form in [str(e["name"]), *(str(a) for a in e.get("aliases") or [])]
    }
    institutions = (
        re.compile(
            rf"(?<![\w.])(?:(?P<owner>{_alternation(list(country_of))})['’]s"
            rf"|(?P<dem>{_alternation(list(demonym_of))}))\s+(?P<noun>{_alternation(list(bodies))})\b"
        )
        if bodies and (country_of or demonym_of)
        else None
    )
    institutions_of = (
        re.compile(
            rf"(?<![\w.])(?P<noun>{_alternation(list(bodies))})\s+of\s+(?:the\s+)?"
            rf"(?P<owner>{_alternation(list(country_of))})(?![\w-])"
        )
        if bodies and country_of
        else None
    )
    capitals = frozenset(str(c) for c in data.get("capitals") or [])
    generic = [str(n) for n in data.get("generic_bodies") or []]
    others = [str(n) for n in data.get("other_names") or []]
    return EntityRules(
        demonym_of,
        demonym_for,
        forces,
        institutions,
        bodies,
        country_of,
        re.compile(r"\b(?:[Ii]n|at|near)\s+$") if capitals else None,
        capitals,
        re.compile(
            rf"(?<![\w.-])(?P<dem>{_alternation(list(demonym_of))})(?:\s+|-)(?P<next>[a-z][\w-]*)"
        )
        if demonym_of
        else None,
        re.compile(rf"(?<![\w-])(?:{_alternation(others)})(?![\w-])") if others else None,
        frozenset(str(n) for n in data.get("seated_bodies") or []),
        re.compile(
            # \b before "The" written after its first letter: re skips to the T's.
            rf"[Tt](?<!\w[Tt])he\s+(?P<noun>(?i:{_alternation(list(bodies), ignore_case=True)}))\s+in\s+(?P<capital>{_alternation(list(capitals))})\b"
        )
        if bodies and capitals
        else None,
        {f"{slug(dem)}-government": country for dem, country in demonym_of.items()},
        tuple(
            sorted(
                {(f"{slug(dem)}-", country) for dem, country in demonym_of.items()},
                key=lambda pc: (-len(pc[0]), pc[0]),
            )
        ),
        first_runs(bodies) if all(noun.isascii() for noun in bodies) else None,
        capital_first=re.compile(
            rf"\b[Ii]n\s+(?P<capital>{_alternation(list(capitals))}),\s+(?P<the>the)\s+(?P<noun>(?i:{_alternation(list(bodies), ignore_case=True)}))\b"
        )
        if bodies and capitals
        else None,
        institutions_of=institutions_of,
        bare_body=re.compile(
            rf"\b[Tt]he\s+(?P<noun>{_alternation([n.casefold() for n in generic])})(?![\w-])"
        )
        if generic
        else None,
        generic_names={n.casefold(): n for n in generic},
        entity_country={
            str(e.get("id") or slug(str(e["name"]))): str(e["country"])
            for e in data.get("known_entities") or []
            if e.get("country")
        },
        publisher_endings=frozenset(
            str(w).casefold() for w in data.get("publisher_name_endings") or []
        ),
        namesakes=_namesakes(data),
    )


def _namesakes(data: dict[str, Any]) -> dict[str, tuple[tuple[str, str], ...]]:
    """`EntityRules.namesakes` from the known entities' `namesake_of` and `country`."""
    found: dict[str, list[tuple[str, str]]] = {}
    for e in data.get("known_entities") or []:
        own = str(e.get("id") or slug(str(e["name"])))
        for other in e.get("namesake_of") or [] if e.get("country") else []:
            found.setdefault(str(other), []).append((str(e["country"]), own))
    return {other: tuple(pairs) for other, pairs in found.items()}


def capital_as_place(text: str, start: int, end: int, rules: EntityRules) -> bool:
    """Whether the capital written at `text[start:end]` is only the city there."""
    if rules.capital_as_place is None or text[start:end] not in rules.capitals:
        return False
    if text.startswith(("'s", "’s"), end):  # "in Kyiv's push": the government's push
        return False
    return rules.capital_as_place.search(text, max(0, start - 6), start) is not None


# The compiled rules of the lexicon behind a Knowledge, built once per lexicon.
entity_rules = per_lexicon(_build)


def government_of(country: str | None, knowledge: Any) -> str | None:
    """The government the lexicon knows of a country, by its demonym ("netherlands": the
    "Dutch government"), None when it knows none."""
    demonym = entity_rules(knowledge).demonym_for.get(country) if country else None
    return knowledge.lookup(f"{demonym} government") if demonym else None


def government_demonym(name: str) -> str:
    """The demonym of a government's name: every word before "government" ("South Korean
    government": "South Korean")."""
    return name.rsplit(" ", 1)[0] if " " in name else name


_BRACKETED = re.compile(r"\(([^()]+)\)")


def is_publisher(name: str, publisher: str, rules: EntityRules) -> bool:
    """Whether `name` is the article's publisher: as written, without "The", or without
    a last word its stories leave out ("Yle" of "Yle News", "Irish Times")."""
    return name.casefold() in publisher_forms(publisher, rules)


def publisher_forms(publisher: str, rules: EntityRules) -> frozenset[str]:
    """The casefolded names `is_publisher` takes for `publisher`: worked out once for an
    article's mentions, not for each of them (twice a mention)."""
    # "Deutsche Presse-Agentur (dpa)": the name, and its short form in brackets.
    bracket = _BRACKETED.search(publisher)
    forms = {publisher.casefold()}
    if bracket is not None:
        forms.add(bracket.group(1).strip().casefold())
        publisher = publisher[: bracket.start()].strip()
    words = publisher.casefold().split()
    if words[:1] == ["the"]:
        words = words[1:]
    forms.add(" ".join(words))
    if len(words) > 1 and words[-1] in rules.publisher_endings:
        forms.add(" ".join(words[:-1]))
    return frozenset(forms)
