"""An article's home country, and what it says of names and sums the article leaves bare.

A national outlet writes "the Defence Ministry", "the Council of Ministers" or "$310,000"
without saying whose: its own country's. An article's home is the country of its web
address's domain (lexicon `domain_countries`: ".ca" is Canada), else of its dateline's place
("KYIV, Ukraine (AP) --", "STUTTGART, Germany --"), else of a header line that is only a
place ("Ottawa" under the byline), else the one its publisher's name holds
("Notes from Poland", "Kyiv Post"). Then:

- a body found under a generic name only (lexicon `generic_bodies`: "Defence Ministry") is
  the home country's ("Norwegian Defence Ministry"), as a reader takes it;
- a sum in "$" is in the home country's own dollar (lexicon `local_dollars`: Canada's
  "$310,000" is CAD); "US$", "$US" and "U.S. dollars" stay US dollars; a sum in plain
  "crowns" or "kroner" is in its crown (lexicon `local_crowns`).

With no home found, or a home without a demonym or a dollar of its own, nothing changes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from ..sources import Source
from .casualties import casualty_rules_for
from .entitycues import entity_rules
from .factbits import layout_of, lexicon_data, per_lexicon
from .knowledge import Knowledge
from .usereports import country_of

__all__ = ["country_named", "home_country", "localise"]

Collections = dict[str, list[dict[str, Any]]]

# The place a dateline opens with (after the agency: "(ANSA) - ROME, SEP 22 -"): its first
# words, up to a comma, a bracket or a dash.
_DATELINE_PLACE = re.compile(
    r"(?:\([A-Za-z]+\)\s*[-\u2013\u2014]\s*)?([A-Za-z][A-Za-z.' -]*?)\s*(?:,\s*([A-Za-z][A-Za-z0-9 .]*?))?\s*(?:\(|--|\u2014|\u2013|-(?:\s|$)|$)"
)
# A US dollar written as such: "US$", "U.S.$", "$US" (as Australian papers write it), "USD".
_US_DOLLAR = re.compile(
    r"\b(?:US|U\.S\.)\s?\$|\$\s?US(?![A-Za-z])|\bUSD\b|\bU\.?S\.? dollars?\b", re.IGNORECASE
)


def country_named(name: str, knowledge: Knowledge, towns: bool = True) -> str | None:
    """The country a name (as written, or in capitals: "KYIV") stands for: by demonym
    ("Ukrainian"), by name, through a body or capital of it ("Kremlin", "Kyiv"), or, with
    `towns`, a town of lexicon `places` ("Kharkiv")."""
    found = (
        entity_rules(knowledge).demonym_of.get(name)
        or knowledge.lookup(name)
        or knowledge.lookup(name.title())
    )
    if found is not None:
        return country_of(found, knowledge)
    if not towns:
        return None
    places = casualty_rules_for(knowledge).place_country
    return places.get(name) or places.get(name.title())


def _is_country(entity_id: str | None, knowledge: Knowledge) -> bool:
    entity = knowledge.entities.get(entity_id) if entity_id else None
    return entity is not None and entity.category == "country"


def home_country(source: Source, knowledge: Knowledge) -> str | None:
    """The article's home country: its domain's, else its publisher's as the lexicon lists
    it (`publisher_countries`: "Le Devoir"), else its dateline's place's, else the country
    its publisher's name holds ("Notes from Poland", "The Irish Times")."""
    data = lexicon_data(knowledge)
    if source.url:
        host = urlsplit(source.url).hostname or ""
        top = host.rsplit(".", 1)[-1].casefold()
        country = (data.get("domain_countries") or {}).get(top)
        if country is not None:
            return str(country)
    listed = (data.get("publisher_countries") or {}).get(source.publisher.strip())
    if listed is not None:
        return str(listed)
    return (
        _dateline_country(source, knowledge)
        or _place_line_country(source, knowledge)
        or _publisher_country(source, knowledge)
    )


def _place_line_country(source: Source, knowledge: Knowledge) -> str | None:
    """The country of a header line that is only a place: where the story was filed,
    under the byline ("Ottawa"), above the story's first paragraph."""
    lines = list(source.header)
    for para in source.paragraphs:
        if not para.heading:
            break
        lines.append((para.start, para.end))
    for start, end in lines:
        line = source.text[start:end].strip()
        if 0 < len(line.split()) <= 3 and line[:1].isupper():
            country = country_named(line, knowledge, towns=False)
            if _is_country(country, knowledge):
                return country
    return None


def _dateline_country(source: Source, knowledge: Knowledge) -> str | None:
    layout = layout_of(knowledge)
    if layout is None or layout.dateline is None:
        return None
    # The dateline opens the story's first paragraph ("Madrid, Oct 13 (EFE).- Spain
    # will ..."), or a header line of its own.
    first = next(((p.start, p.end) for p in source.paragraphs if not p.heading), None)
    for start, end in [*source.header, *([first] if first else [])]:
        line = source.text[start:end]
        if layout.dateline.match(line) is None:
            continue
        place = _DATELINE_PLACE.match(line)
        if place is None:
            return None
        for name in (place.group(2), place.group(1)):
            country = country_named(name.strip(), knowledge) if name else None
            if _is_country(country, knowledge):
                return country
        return None
    return None


def _publisher_country(source: Source, knowledge: Knowledge) -> str | None:
    """The one country the publisher's name holds by name, demonym or capital ("Kyiv
    Post"); none when it holds none or two."""
    found = {
        country
        for word in source.publisher.split()
        if word[:1].isupper()
        and _is_country(country := country_named(word, knowledge, towns=False), knowledge)
    }
    return found.pop() if len(found) == 1 else None


# The bare body names of lexicon `generic_bodies`, folded, once per lexicon.
_generic = per_lexicon(
    lambda data: frozenset(str(n).casefold() for n in data.get("generic_bodies") or [])
)


def localise(result: Collections, source: Source, knowledge: Knowledge) -> None:
    """Give the article's bare generic bodies and "$" sums to its home country (in place);
    a body owned by "the country" the sentence named is that country's."""
    home = home_country(source, knowledge)
    data = lexicon_data(knowledge)
    dollar = (data.get("local_dollars") or {}).get(home) if home else None
    if dollar:
        for figure in result.get("figures", []):
            if (
                figure.get("unit") == "usd"
                and "$" in str(figure.get("text", ""))
                and not _US_DOLLAR.search(str(figure.get("text", "")))
            ):
                figure["unit"] = str(dollar)
    ids = {str(e["id"]) for e in result.get("entities", [])}  # the article's entities
    crowns = data.get("local_crowns") or {}
    # With no home of its own crown, the one country of a crown the article names.
    crowned = ids & set(crowns)
    crown = crowns.get(home) if home in crowns else _only(crowns[c] for c in crowned)
    if crown:
        for figure in result.get("figures", []):
            if figure.get("unit") == "crowns":
                figure["unit"] = str(crown)
    demonyms = entity_rules(knowledge).demonym_for
    if home is not None and demonyms.get(home):
        _home_officials(result, knowledge.lookup(f"{demonyms[home]} government"))
    renamed: dict[str, str] = {}
    by_id = {str(e["id"]): e for e in result.get("entities", [])}
    rules = entity_rules(knowledge)
    for entity in list(result.get("entities", [])) if rules.namesakes else []:
        # "the Conservatives" in a Canadian paper: Canada's party, not Britain's; with no
        # home, the party of the one country of such a party the article names, unless it
        # names the shared name's own country too.
        eid = str(entity["id"])
        pairs = rules.namesakes.get(eid, ())
        if home is not None:
            own = _only(o for c, o in pairs if c == home)
        elif rules.entity_country.get(eid) not in ids:
            own = _only(o for c, o in pairs if c in ids)
        else:
            own = None
        if own is not None and own in knowledge.entities:
            name = str(entity.get("name", ""))
            _merge_into(by_id, entity, own, knowledge.entities[own].name, name, renamed)
    generic = _generic(knowledge)
    for entity in list(result.get("entities", [])) if generic else []:
        name = str(entity.get("name", ""))
        if entity.get("kind") != "actor" or name.casefold() not in generic:
            continue
        if by_id.get(str(entity["id"])) is not entity:
            continue  # merged into its namesake above
        # "Ukraine's army fired ..., according to the country's General Staff": Ukraine's.
        owned = _owned(source.text, name)
        # "Russia's defence ministry said ... The defence ministry added": Russia's.
        same = _named_in_full(result, entity, name) if owned is None else None
        known: str | None = same
        new_id, full = same or "", name
        if same is None:
            country = _owner_country(source.text, owned, knowledge) if owned is not None else home
            demonym = demonyms.get(country) if country else None
            if not demonym:
                continue
            full = f"{demonym} {name}"
            known = knowledge.lookup(full)
            new_id = known or knowledge.id_for(full)
        full_name = knowledge.entities[known].name if known in knowledge.entities else full
        _merge_into(by_id, entity, new_id, full_name, name, renamed)
    if renamed:
        result["entities"] = [by_id[i] for i in sorted(by_id)]
        _rename(result, renamed)


def _only(values: Iterable[str]) -> str | None:
    """The one value, or None when there are none or several."""
    found = list(values)
    return found[0] if len(found) == 1 else None


def _merge_into(
    by_id: dict[str, dict[str, Any]],
    entity: dict[str, Any],
    new_id: str,
    full_name: str,
    name: str,
    renamed: dict[str, str],
) -> None:
    """`entity` (written `name` in the article) renamed `new_id`: merged into the
    article's entity of that id, or, if none, taking that id and `full_name`."""
    renamed[str(entity["id"])] = new_id
    del by_id[str(entity["id"])]
    into = by_id.get(new_id)
    if into is None:
        entity["id"] = new_id
        entity["name"] = full_name
        into = by_id[new_id] = entity
    aliases = {*(into.get("aliases") or []), *(entity.get("aliases") or []), name}
    into["aliases"] = sorted(aliases - {into["name"]})


def _named_in_full(result: Collections, bare: dict[str, Any], name: str) -> str | None:
    """The id of the one other body of the article whose name ends in the bare `name`
    ("Russian Defence Ministry" for "Defence Ministry"): the body the article means."""
    tail = f" {name.casefold()}"
    same = [
        str(e["id"])
        for e in result.get("entities", [])
        if e is not bare and str(e.get("name", "")).casefold().endswith(tail)
    ]
    return same[0] if len(same) == 1 else None


# A government's unnamed official, no country said ("a senior government official told
# CBC News"): in a national outlet, the home country's.
_GOVERNMENT_SOURCE = re.compile(
    r"\b(?:a|an|the|two|three|several|one)\s+(?:senior\s+|top\s+|high-ranking\s+)?"
    r"government\s+(?:official|officials|source|sources)\b",
    re.IGNORECASE,
)


def _home_officials(result: Collections, government: str | None) -> None:
    """Quotes with no speaker whose sentence gives them to an unnamed government official
    go to the home government (`government`, if the lexicon knows it)."""
    if government is None:
        return
    quotes = [q for q in result.get("quotes", []) if q.get("speaker") is None]
    spans = []
    for quote in quotes:
        cited = quote.get("citation") or {}
        if _GOVERNMENT_SOURCE.search(str(cited.get("quote", ""))):
            quote["speaker"] = government
            spans.append((cited.get("start", -1), cited.get("end", -1)))
    for quote in quotes:  # the words quoted inside such a sentence
        cited = quote.get("citation") or {}
        at = cited.get("start", -1)
        if quote.get("speaker") is None and any(lo <= at < hi for lo, hi in spans):
            quote["speaker"] = government


def _owned(text: str, name: str) -> int | None:
    """Where `name` is first written after "the country's", "its" or "their", if it is."""
    m = re.search(rf"\b(?:the country['’]s|the nation['’]s|its|their)\s+{re.escape(name)}\b", text)
    return m.start() if m else None


# A country's name or demonym as a capitalised word ("Ukraine's", "Ukrainian").
_COUNTRY_WORD = re.compile(r"\b[A-Z][\w-]*")


def _owner_country(text: str, at: int, knowledge: Knowledge) -> str | None:
    """The country its sentence is about before `at` ("Ukraine's army fired ... at targets
    inside Russia, according to the country's"): the first named as an owner ("Ukraine's"),
    else the first named, if any."""
    start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
    named: list[tuple[bool, int, str]] = []
    for m in _COUNTRY_WORD.finditer(text, start, at):
        country = country_named(m.group(), knowledge, towns=False)
        if country is not None and _is_country(country, knowledge):
            owner = text.startswith(("'s", "\u2019s"), m.end())
            named.append((not owner, m.start(), country))
    return min(named)[2] if named else None


_REFERENCES = ("subject", "speaker", "actor")


def _rename(result: Collections, renamed: dict[str, str]) -> None:
    """Every reference to a renamed entity, in every collection, follows it."""
    for items in result.values():
        for item in items:
            for key in _REFERENCES:
                if item.get(key) in renamed:
                    item[key] = renamed[item[key]]
            for key in ("mentions", "actors"):
                if key in item:
                    item[key] = list(dict.fromkeys(renamed.get(m, m) for m in item[key]))
