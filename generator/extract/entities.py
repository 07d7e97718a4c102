"""Entity mentions in one article: known entities by alias, new ones by context.

Known entities (lexicon + data/entities.yaml) match by any alias, longest first. Entities
nobody listed are discovered from the contexts that introduce them: a title or role noun
before a name, an apposition after it, a speech verb beside it, a run of capitalised words
ending in an organisation noun, a name before a weapon noun ("Tomahawk cruise missiles"),
a designation ("MGM-140") or an acronym defined in brackets. Spelling variants merge onto
one entity by fuzzy matching of name tokens; surnames alone refer back to the person.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial

from ..sources import Source, dateline_end
from . import casefast
from .companies import companies_in
from .entitycues import (
    EntityRules,
    capital_as_place,
    entity_rules,
    government_of,
    publisher_forms,
)
from .factbits import layout_of, lexicon_data
from .home import home_country
from .knowledge import Knowledge, KnownEntity, slug, surname_at
from .names import Candidate, cannot_be_name, discover, initials, weapons_in
from .names.labels import chair_people, record_party_labels
from .personnames import headline_people, is_honorific, only_titles, short_given_names
from .quotecues import quote_rules
from .romanization import Romanization, english_name, romanization_for
from .spanscan import SpanScan
from .surnames import recurring_people
from .weaponframes import named_variants

# `(?<![\w.’'-])[A-Z]...` with the lookbehind after the capital (as `names.weapons._DESIGNATION`):
# re skips to the capitals instead of entering the pattern at every position.
_CAP_TOKEN = re.compile(r"[A-Z](?<![\w.’'-][A-Z])[a-z\u00df-\u024f]{3,}(?:-[A-Z][a-z]+)?(?![\w-])")
_TITLE_BEFORE_LIMIT = 40


@dataclass(frozen=True)
class Mention:
    """`source.text[start:end] == text` names the entity `entity_id`."""

    entity_id: str
    start: int
    end: int
    text: str
    # Only a nationality adjective ("Czech aid"): names the country, but no one who acts
    # or speaks (positions skip it).
    adjective: bool = False


def _order(mention: Mention) -> tuple[int, int, str]:
    return mention.start, mention.end, mention.entity_id


@dataclass
class EntityScan:
    """Mentions of one article and the entities they name, in schema form."""

    mentions: list[Mention] = field(default_factory=list)
    entities: dict[str, KnownEntity] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)
    # `entity(id)`: the entity or None. `entities.get` itself, not a method calling it:
    # the extractors ask hundreds of thousands of times per 300 articles, and the extra
    # Python call was most of the cost. So `entities` is never replaced, only updated.
    entity: Callable[[str], KnownEntity | None] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.entity = self.entities.get

    def records(self) -> list[dict[str, object]]:
        """One schema `entity` item per entity mentioned, aliases = surface forms seen."""
        seen: dict[str, list[str]] = {}
        for mention in self.mentions:
            seen.setdefault(mention.entity_id, [])
            if mention.text not in seen[mention.entity_id]:
                seen[mention.entity_id].append(mention.text)
        out: list[dict[str, object]] = []
        for entity_id in sorted(seen):
            entity = self.entities[entity_id]
            item: dict[str, object] = {"id": entity.id, "kind": entity.kind}
            if entity.category:
                item["category"] = entity.category
            item["name"] = entity.name
            aliases = sorted(a for a in seen[entity_id] if a != entity.name)
            if aliases:
                item["aliases"] = aliases
            # A listed entity keeps the editor's description; a new one gets the role
            # the article introduces it with.
            description = entity.description or self.descriptions.get(entity_id)
            if description:
                item["description"] = description
            item["status"] = "extracted"
            out.append(item)
        return out


def _alias_hits(text: str, scan: SpanScan, knowledge: Knowledge) -> list[Mention]:
    r"""Known entities by alias, sentence by sentence: aliases as written, then any case.
    (Each pattern searched once over the text, `SpanScan`: both match whole aliases,
    `(?<!\w)...(?!\w)`.)"""
    # Only where the aliases are is needed (`casefast.spans`): no match made again.
    found = [
        scan.spans_by_span(partial(casefast.spans, pattern, text))
        for pattern in (knowledge.alias_exact, knowledge.alias_any_case)
        if pattern is not None
    ]
    hits: list[Mention] = []
    for i in range(len(scan.spans)):
        for by_span in found:
            for start, end in by_span[i]:
                written = text[start:end]
                entity_id = knowledge.lookup(written)
                if entity_id:
                    hits.append(Mention(entity_id, start, end, written))
    return hits


def _resolve(
    candidate: Candidate, knowledge: Knowledge, local: dict[str, KnownEntity], pool: dict[str, str]
) -> str | None:
    """Entity id a discovered name belongs to: known, a spelling variant, or new."""
    known = knowledge.lookup(candidate.name)
    if known:
        return known
    if candidate.category == "person":
        tokens = candidate.name.split()
        for token in reversed(tokens):
            found = knowledge.lookup(token)
            if (
                found
                and knowledge.entities[found].is_person
                and _given_fits(tokens, found, knowledge, local)
            ):
                return found
            found = knowledge.fuzzy_person(token, pool)
            if found and _given_fits(tokens, found, knowledge, local):
                return found
            if len(tokens) > 1:
                break  # only the surname identifies a person; given names are shared
    entity_id = knowledge.id_for(candidate.name)
    if entity_id in knowledge.entities:
        return entity_id
    if entity_id not in local:
        local[entity_id] = KnownEntity(
            entity_id, candidate.kind, candidate.name, candidate.category
        )
    if candidate.category == "person":
        # Only the surname: "Alexander" later in the text is not "Alexander Bogomaz".
        words = candidate.name.split()
        token = words[surname_at(words)]
        if len(token) >= 4:
            pool.setdefault(token.casefold(), entity_id)
    return entity_id


def _given_fits(
    tokens: list[str], found: str, knowledge: Knowledge, local: dict[str, KnownEntity]
) -> bool:
    """Whether a name written in full ("Tomáš Vacek") can be the person its surname found:
    a given name of theirs opens on the same letter (not J.D. Vance, whose surname is
    spelled like Vacek). A surname alone fits anyone."""
    particles = knowledge.word_set("name_particles")
    given = [t for t in tokens[:-1] if t.casefold() not in particles]
    if not given:
        return True  # "Van Ardenne": a surname with its particle
    entity = knowledge.entities.get(found) or local.get(found)
    if entity is None:
        return True
    forms = [f.split() for f in (entity.name, *entity.aliases)]
    firsts = {_first_letter(words[0]) for words in forms if len(words) > 1}
    return not firsts or _first_letter(given[0]) in firsts


def _first_letter(word: str) -> str:
    """A word's first letter, case and accents folded ("Ž" and "z" are one)."""
    return unicodedata.normalize("NFKD", word[:1])[:1].casefold()


def _select(hits: list[Mention]) -> list[Mention]:
    """Non-overlapping mentions: the longest wins, then the earliest.

    Each distinct mention once (equal ones are interchangeable), ranked by (-length,
    start, entity, adjective); then the text, which a mention's span decides (it is the
    text there), so no two keys tie and no key function is called. The characters taken
    are marked in a bytearray (`find` looks for a mark in C)."""
    if not hits:
        return []
    unique = {(h.start - h.end, h.start, h.entity_id, h.adjective, h.text): h for h in hits}
    chosen: list[Mention] = []
    taken = bytearray(max(h.end for h in hits))
    for key in sorted(unique):
        start = key[1]
        end = start - key[0]
        if taken.find(1, start, end) < 0:
            chosen.append(unique[key])
            taken[start:end] = b"\x01" * (end - start)
    return sorted(chosen, key=_order)


def _join_adjacent(text: str, mentions: list[Mention]) -> list[Mention]:
    """'Volodomyr' + 'Zelenskiy' matched apart but naming one person become one mention."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev and prev.entity_id == m.entity_id and text[prev.end : m.start] == " ":
            out[-1] = replace(m, start=prev.start, text=text[prev.start : m.end])
        else:
            out.append(m)
    return out


def _with_titles(
    text: str, mentions: list[Mention], knowledge: Knowledge, entities: dict[str, KnownEntity]
) -> list[Mention]:
    """A person's mention takes in the title just before it ('Mr. Biden', 'President X')."""
    out = []
    for m in mentions:
        entity = entities.get(m.entity_id)
        if entity and entity.is_person and knowledge.titled_name:
            window_start = max(0, m.start - _TITLE_BEFORE_LIMIT)
            found = None
            for t in knowledge.titled_name.finditer(text, window_start, m.end):
                if t.start("name") == m.start:
                    found = t
            if found:
                m = replace(m, start=found.start(), text=text[found.start() : m.end])
        out.append(m)
    return out


def _fullest_names(
    local: dict[str, KnownEntity], names_seen: dict[str, list[str]], id_for: Callable[[str], str]
) -> dict[str, str]:
    """Renames so a new entity is named by its fullest form ('Trump', then 'Donald Trump')."""
    renamed: dict[str, str] = {}
    for entity_id, names in sorted(names_seen.items()):
        entity = local.get(entity_id)
        if entity is None:
            continue
        best = max(names, key=lambda n: (len(n.split()), len(n), n))
        new_id = id_for(best)
        if best != entity.name and new_id not in local:
            local[new_id] = KnownEntity(new_id, entity.kind, best, entity.category)
            renamed[entity_id] = new_id
    return renamed


_BODY_TAIL = re.compile(r"\s+(?:of|for|on)\s+(?:the\s+)?[A-Z]")


def _in_a_body_name(text: str, start: int, end: int, covered: bytearray) -> bool:
    """Whether the capitalised word at `start:end` is a word of a longer name, not a
    misspelt surname: 'School' in 'Kyiv School of Economics' is not 'Scholz'. It is
    when it opens an "of" phrase or follows a name already found ('Kyiv'; `covered`
    marks the characters of the names found)."""
    if _BODY_TAIL.match(text, end):
        return True
    return start >= 2 and text[start - 1] == " " and covered[start - 2] == 1


# "the Government" with a capital G: as a national outlet writes its own country's; so
# "the Executive" ("the Executive of Íñigo Salcedo", as a Spanish paper calls its own).
# ("the Federal Government" too, as an Australian or German outlet writes its own.)
_THE_GOVERNMENT = re.compile(r"\b[Tt]he ((?:Federal )?Government(?!['’]s? of\b| of\b)|Executive)\b")


def _home_government(
    source: Source, knowledge: Knowledge, headings: list[tuple[int, int]] | None
) -> list[Mention]:
    """'The Government says the Irish money will be ring-fenced': "the Government" with a
    capital G is the article's home country's (`home.home_country`), when the lexicon
    knows that government; with no home found it names no one. So is "the government" of
    a headline (`headings`: "F-16: the government opens the door to strikes in Russia"),
    which has named no other before it."""
    text = source.text
    capital = "Government" in text or "Executive" in text
    lower = [(a, b) for a, b in headings or [] if "government" in text[a:b]]
    if not capital and not lower:
        return []
    government = government_of(home_country(source, knowledge), knowledge)
    if government is None:
        return []
    # The capital's anywhere; the lower case's in the headlines only.
    searches = [(_THE_GOVERNMENT, 0, len(text))] if capital else []
    searches += [(_HEADLINE_GOVERNMENT, a, b) for a, b in lower]
    return [
        Mention(government, m.start(1), m.end(1), m.group(1))
        for pattern, a, b in searches
        for m in pattern.finditer(text, a, b)
    ]


_HEADLINE_GOVERNMENT = re.compile(r"\b[Tt]he (government)\b(?!['’]s? of\b| of\b)")

# "the administration had no plans to offer it": a government in the lower case, in the
# usage of one country's press (lexicon `administration_country`); not "the administration
# of Tatarstan" nor "the regional administration".
_THE_ADMINISTRATION = re.compile(r"\b[Tt]he (administration)\b(?!['’]s? of\b| of\b| in\b)")


def _the_administration(text: str, hits: list[Mention], knowledge: Knowledge) -> list[Mention]:
    """ "the administration": the government of lexicon `administration_country` (the
    United States), in an article that names that country or its government."""
    if "administration" not in text:
        return []
    country = lexicon_data(knowledge).get("administration_country")
    government = government_of(country, knowledge) if country else None
    if government is None or not any(h.entity_id in (country, government) for h in hits):
        return []
    return [
        Mention(government, m.start(1), m.end(1), m.group(1))
        for m in _THE_ADMINISTRATION.finditer(text)
    ]


def _forces(text: str, scan: SpanScan, knowledge: Knowledge, rules: EntityRules) -> list[Mention]:
    """'North Korean troops': the demonym names the country whose troops they are; and a
    demonym before any lower-case word names the country, as an adjective."""
    if rules.forces is None:
        return []
    out = []
    anonymous = knowledge.word_set("anonymous_sources")
    # First-character twins (`casefast`): re skips to the demonyms' capitals. Each pattern
    # is searched once over the text (`SpanScan`: they end in `\b` or a run of letters).
    forces = scan.by_span(partial(casefast.finditer, rules.forces, text))
    adjectives = (
        scan.by_span(partial(casefast.finditer, rules.adjective, text))
        if rules.adjective is not None
        else None
    )
    for i in range(len(scan.spans)):
        for m in forces[i]:
            entity_id = rules.demonym_of.get(m.group("dem"))
            if entity_id in knowledge.entities:
                out.append(Mention(entity_id, m.start("dem"), m.end("dem"), m.group("dem")))
        if adjectives is None:
            continue
        # "Czech aid", "Panama-flagged": the country is named ("U.S. officials" are left to
        # the speakers' rules).
        for m in adjectives[i]:
            entity_id = rules.demonym_of.get(m.group("dem"))
            if entity_id in knowledge.entities and m.group("next").casefold() not in anonymous:
                out.append(Mention(entity_id, m.start("dem"), m.end("dem"), m.group("dem"), True))
    return out


# The demonyms right before a name, one or two joined by a hyphen ("British-French ").
_DEMONYM_BEFORE = re.compile(r"(?:(?P<first>[A-Z]\w+)-)?(?P<dem>[A-Z]\w+)\s$")


def _weapon_origins(
    text: str, hits: list[Mention], entities: dict[str, KnownEntity], rules: EntityRules
) -> list[Mention]:
    """'Italian Strale missiles', 'British-French Storm Shadow': a demonym right before a
    weapon's name gives where the weapon comes from, so it names the country, as an
    adjective; each maker of a joint weapon."""
    out = []
    for hit in hits:
        entity = entities.get(hit.entity_id)
        if entity is None or entity.kind != "weapon":
            continue
        m = _DEMONYM_BEFORE.search(text, max(0, hit.start - 40), hit.start)
        if m is None or rules.demonym_of.get(m.group("dem")) not in entities:
            continue
        for group in ("first", "dem"):
            country = rules.demonym_of.get(m.group(group) or "")
            if country in entities:
                out.append(Mention(country, m.start(group), m.end(group), m.group(group), True))
    return out


# "of Austin, Texas": a town and its state or country, written "Town, Region".
_TOWN_AFTER = re.compile(r",\s[A-Z][a-z]+(?:\s[A-Z][a-z]+)?(?:,|\.|\s[a-z])")
_TOWN_BEFORE = re.compile(r"\b(?:in|of|from|near|at|outside)\s$")


# A new weapon's variant by its suffix ("Halyard-ER", "Arbalest-XR", "Krechet-2"): the
# name before the hyphen, written alone, is the weapon it is a variant of.
_SUFFIXED = re.compile(
    r"(?P<base>[A-Z][a-z]{2,}(?: [A-Z][a-z]{2,})?)-(?:[A-Z]{1,3}\d?|\d{1,2}[A-Z]?)"
)


def _base_weapons(
    text: str, spans: list[tuple[int, int]], knowledge: Knowledge, candidates: list[Candidate]
) -> list[Candidate]:
    """The weapons a new variant is of, where the article names them alone ("twice that
    of the original Halyard" after "the Halyard-ER"): weapons of their own."""
    bases = {
        m.group("base")
        for c in candidates
        if c.kind == "weapon" and (m := _SUFFIXED.fullmatch(c.name)) is not None
    }
    found: list[Candidate] = []
    for base in sorted(bases):
        if knowledge.lookup(base) is not None:
            continue  # a known weapon: found by its name already
        alone = re.compile(rf"(?<![\w-]){re.escape(base)}(?![\w-])")
        at = [m.span() for start, end in spans for m in alone.finditer(text, start, end)]
        if at:
            found.append(Candidate("weapon", "missile", base, at))
    return found


def _company_short_name(words: list[str], entity: KnownEntity, knowledge: Knowledge) -> str | None:
    """The first word a company of two is called by after its full name ("Crestline" for
    "Crestline Aerospace", "Saab" for "Saab Dynamics"): the second is a company ending of
    the lexicon (`quote_rules.company_name_endings`), the first a word of its own, not a
    name the lexicon knows ("Taurus Systems" is no "Taurus") nor a sentence's opener."""
    if entity.category != "organisation" or len(words) != 2 or len(words[0]) < 4:
        return None
    first = words[0]
    if (
        words[1] not in quote_rules(knowledge).company_endings
        or not first[0].isupper()
        or knowledge.lookup(first) is not None
        or first.casefold() in knowledge.word_set("starters")
        or first.casefold() in knowledge.word_set("demonyms")
        or first.casefold() in knowledge.word_set("not_names")
    ):
        return None
    return first


def _surname_as_town(text: str, m: Mention, entities: dict[str, KnownEntity]) -> bool:
    """A known person's one-word name used as a town ("built in Austin, Texas")."""
    entity = entities.get(m.entity_id)
    return (
        entity is not None
        and entity.is_person
        and " " not in m.text
        and _TOWN_BEFORE.search(text, max(0, m.start - 8), m.start) is not None
        and _TOWN_AFTER.match(text, m.end) is not None
    )


def _outlet(
    source: Source,
    m: Mention,
    entities: dict[str, KnownEntity],
    rules: EntityRules,
    publisher: frozenset[str],
) -> bool:
    """A news outlet (lexicon category `media`), or the article's publisher (`publisher`:
    the names it goes by, `publisher_forms`)."""
    entity = entities.get(m.entity_id)
    if entity is None:
        return False
    written = source.text[m.start : m.end]
    if entity.name.casefold() in publisher or written.casefold() in publisher:
        return True  # "told dpa" in a story of "dpa International"
    # A news outlet is never an actor of the story (ANNOTATING.md): where something was said
    # ("told Reuters"), who reported it, or a reporter's credit in a briefing's transcript
    # ("Let's go to Jennifer Okafor, Reuters.").
    return entity.category == "media"


def _spelled_out(text: str, candidates: list[Candidate]) -> dict[str, tuple[str, str]]:
    """Acronym -> (full name, category) of the bodies this article names in full: defined in
    brackets after the name ("National Intelligence Service (NIS)"), or whose words'
    capitals spell it ("RUSI" and "Royal United Services Institute")."""
    out: dict[str, tuple[str, str]] = {}
    for c in candidates:
        if c.kind != "actor" or c.category == "person" or len(c.name.split()) < 2:
            continue
        for s, e in c.aliases[1:]:
            written = text[s:e]
            if written.isupper():
                out.setdefault(written, (c.name, c.category))
        acronym = initials(c.name)
        if len(acronym) >= 3:
            out.setdefault(acronym, (c.name, c.category))
    return out


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"  # what `\w` matches in a str pattern


def _later_mentions(
    text: str, spans: list[tuple[int, int]], forms: dict[str, str]
) -> list[Mention]:
    r"""What `(?<!\w)(?:form|...)(?!\w)`, longest form first, finds span by span.

    The forms differ per article, so that pattern was compiled per article (the regex
    compiler is pure Python and took longer than the search). Every whole-word occurrence
    is found with `str.find` instead, then taken as `finditer` would: leftmost first, the
    longest form that fits at a position, none overlapping, the span's end counting as a
    word boundary (as `endpos` does) while the start's lookbehind sees the text before it.
    """
    if "" in forms:  # never expected; an empty alternative matches everywhere
        later = re.compile(
            r"(?<!\w)(?:"
            + "|".join(re.escape(f) for f in sorted(forms, key=lambda f: (-len(f), f)))
            + r")(?!\w)"
        )
        return [
            Mention(forms[m.group()], m.start(), m.end(), m.group())
            for start, end in spans
            for m in later.finditer(text, start, end)
        ]
    found: list[tuple[int, int, str]] = []  # (start, -length, form): longest first at a start
    for form in forms:
        at = text.find(form)
        while at != -1:
            if at == 0 or not _is_word(text[at - 1]):
                found.append((at, -len(form), form))
            at = text.find(form, at + 1)
    found.sort()
    starts = [f[0] for f in found]
    out: list[Mention] = []
    for start, end in spans:
        free = start  # where the previous match in this span ended
        for at, length, form in found[bisect_left(starts, start) :]:
            if at >= end:
                break
            stop = at - length
            if at < free or stop > end or (stop < end and _is_word(text[stop])):
                continue
            out.append(Mention(forms[form], at, stop, form))
            free = stop
    return out


def _headline_weapons(
    text: str, headlines: list[tuple[int, int]], body: str, knowledge: Knowledge
) -> list[Candidate]:
    """New weapons a header line (the headline, a dek) names that the body names too, by
    the name alone (`headlines`: the header's lines; the others name no weapon): "What
    Ukraine's Dovbush Jet Drone Can Do" and "Enter the Dovbush." A headline capitalises
    every word, so its trailing weapon nouns and describing words ("Jet Drone") are cut
    off the name. Only weapons: capitals say nothing else in a headline."""
    found: list[Candidate] = []
    describing = knowledge.weapon_heads.keys() | knowledge.word_set("weapon_modifiers")
    for start, end in headlines:
        for candidate in weapons_in(text, start, end, knowledge):
            words = candidate.name.split()
            while len(words) > 1 and words[-1].casefold() in describing:
                words.pop()
            name = " ".join(words)
            at = candidate.aliases[0][0]
            if (
                name == candidate.name
                or knowledge.lookup(name)
                or not re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", body)
            ):
                continue
            found.append(Candidate("weapon", candidate.category, name, [(at, at + len(name))]))
    return found


# A pollster's name run on into its client's: "a survey of the Institute Arcadia for La
# Stampa", "the Market Institute for the STANDARD".
_CLIENT = re.compile(r" for (?:the )?[A-Z]")
_POLL_REACH = 40  # characters before the pollster's name where the poll is named


def _without_client(candidate: Candidate, text: str, knowledge: Knowledge) -> Candidate:
    """A body found right after a poll's name (lexicon `quote_rules.poll_words`), without
    the client its name ran on into ("for La Stampa")."""
    if candidate.category != "organisation" or len(candidate.aliases) != 1:
        return candidate
    start, end = candidate.aliases[0]
    client = _CLIENT.search(candidate.name)
    polls = quote_rules(knowledge).polls
    if (
        client is None
        or polls is None
        or text[start:end] != candidate.name
        or not polls.search(text, max(0, start - _POLL_REACH), start)
    ):
        return candidate
    name = candidate.name[: client.start()]
    return replace(candidate, name=name, aliases=[(start, start + len(name))])


def scan_entities(
    source: Source,
    knowledge: Knowledge,
    spans: list[tuple[int, int]],
    headlines: list[tuple[int, int]] | None = None,
    lookups: list[tuple[int, int]] | None = None,
) -> EntityScan:
    """Mentions in the given spans (sentences) of `source` and the entities they name.
    In `lookups` (headings), only names known already or found in `spans`: a headline's
    capitals ("Russian Air Defenses Repel ...") would make a poor find of new names."""
    text = source.text
    local: dict[str, KnownEntity] = {}
    pool: dict[str, str] = {}
    descriptions: dict[str, str] = {}
    hits: list[Mention] = []
    names_seen: dict[str, list[str]] = {}
    rules = entity_rules(knowledge)
    scan = SpanScan(text, spans)
    hits += _alias_hits(text, scan, knowledge)
    if lookups:
        hits += _alias_hits(text, SpanScan(text, lookups), knowledge)
    candidates = [
        c
        for start, end in spans
        for c in discover(text, start, end, knowledge)
        if not only_titles(c, knowledge)
    ]
    # "IN THE CHAIR: KATARZYNA MROCZEK": a record's chair, named once, in capitals, in a
    # line of its own that may read as a heading.
    candidates += chair_people(text, 0, len(text), knowledge)
    candidates = [_without_client(c, text, knowledge) for c in candidates]
    companies = companies_in(text, spans, knowledge)
    if companies:
        # "The director of the firm Brdy Arms said": the noun before it says it is no
        # person, whatever the speech verb after it suggests.
        firms = {span for c in companies for span in c.aliases}
        candidates = [
            c for c in candidates if not (c.category == "person" and c.aliases[0] in firms)
        ]
        candidates += companies
    # "the Taurus Adler": a new weapon, not the Taurus (the longer mention wins); its own
    # word alone later ("The Adler, which ...") names it too.
    variants = named_variants(
        text,
        [(h.entity_id, h.start, h.end, h.text) for h in hits],
        knowledge,
        partial(cannot_be_name, knowledge=knowledge),
    )
    own_words = {name.rsplit(" ", 1)[-1]: name for _s, _e, name, _c in variants}
    if variants:
        # "the Storm Shadow Kestrel, an Anglo-French missile" is no person's name.
        named = set(own_words.values())
        candidates = [c for c in candidates if c.category != "person" or c.name not in named]
        # ... nor is "The Kestrel, which has a range of ..." a weapon of its own: the
        # variant's own word, a later mention of it.
        candidates = [c for c in candidates if c.kind != "weapon" or c.name not in own_words]
    candidates += [
        Candidate("weapon", category, name, [(start, end)])
        for start, end, name, category in variants
    ]
    if headlines and spans:
        body = text[spans[0][0] : spans[-1][1]]
        candidates += _headline_weapons(text, headlines, body, knowledge)
        candidates += headline_people(text, headlines, body, knowledge)
    if rules.other_names is not None:
        # "Sen. Ocampo of New Mexico": no mention of Mexico, and New Mexico is no one.
        # (Searched once over the text, `SpanScan`: the names end in `(?![\w-])`.)
        others = [
            span
            for found in scan.spans_by_span(partial(casefast.spans, rules.other_names, text))
            for span in found
        ]
        if others:
            hits = [h for h in hits if not any(a <= h.start and h.end <= b for a, b in others)]
            candidates = [
                c
                for c in candidates
                if not any(a <= s and e <= b for s, e in c.aliases[:1] for a, b in others)
            ]
    candidates += recurring_people(text, spans, knowledge, candidates)
    candidates += _base_weapons(text, spans, knowledge, candidates)
    spelled = _spelled_out(text, candidates)
    for candidate in candidates:
        if candidate.name in spelled:  # "NIS" alone: the body it abbreviates
            candidate.name, candidate.category = spelled[candidate.name]
        entity_id = _resolve(candidate, knowledge, local, pool)
        if entity_id is None:
            continue
        names_seen.setdefault(entity_id, []).append(candidate.name)
        for alias in candidate.aliases:
            hits.append(Mention(entity_id, alias[0], alias[1], text[alias[0] : alias[1]]))
        if candidate.description and entity_id not in descriptions:
            descriptions[entity_id] = candidate.description
    # Later references to discovered entities: full name, surname alone, other forms.
    forms: dict[str, str] = {}
    for hit in hits:
        if hit.entity_id in local:
            forms.setdefault(hit.text, hit.entity_id)
            entity = local[hit.entity_id]
            if entity.kind == "weapon" and hit.text[-1:].isalpha() and hit.text[-1] != "s":
                forms.setdefault(f"{hit.text}s", hit.entity_id)  # "Pikestaffs": several
            words = hit.text.split()
            if entity.category == "person" and len(words) > 1:
                forms.setdefault(words[-1], hit.entity_id)
                if surname_at(words) == 0:  # "Lee Seong-kweun": "Lee"
                    forms.setdefault(words[0], hit.entity_id)
            elif own_words.get(words[-1]) == hit.text:
                forms.setdefault(words[-1], hit.entity_id)  # "the Kestrel": the variant
            elif (short := _company_short_name(words, entity, knowledge)) is not None:
                forms.setdefault(short, hit.entity_id)  # "Crestline" for Crestline Aerospace
    if forms:
        hits += _later_mentions(text, spans + (lookups or []), forms)
    hits += _forces(text, scan, knowledge, rules)
    # "(Con):" ending a debate record's label: the party, as the record abbreviates it.
    hits += [Mention(i, a, b, text[a:b]) for i, a, b in record_party_labels(text, knowledge)]
    hits += _weapon_origins(text, hits, {**knowledge.entities, **local}, rules)
    hits += _home_government(source, knowledge, lookups)
    hits += _the_administration(text, hits, knowledge)
    chosen = _select(hits)
    selected = len(hits)  # `chosen` is `_select` of this many first hits, unchanged
    # Spelling variants of people's names the aliases missed (Zelenskiy ~ Zelenskyy).
    # The characters the chosen mentions cover, marked (a set of every index was slower).
    covered = bytearray(len(text) + 1)
    for c in chosen:
        covered[c.start : c.end] = b"\x01" * (c.end - c.start)
    # The pool no longer changes: a word's answer is asked once ("Russia" comes back).
    # Asked before whether the word is part of a body's name: both must hold for a
    # mention, and the answer is most often "no one" (no need to look around the word).
    fuzzy: dict[str, str | None] = {}
    # Searched once over the text (`SpanScan`: a token ends in `(?![\w-])`).
    for tokens in scan.by_span(partial(_CAP_TOKEN.finditer, text)):
        for m in tokens:
            if covered[m.start()]:
                continue
            word = m.group()
            found = fuzzy[word] if word in fuzzy else knowledge.fuzzy_person(word, pool)
            fuzzy[word] = found
            if found and not _in_a_body_name(text, m.start(), m.end(), covered):
                hits.append(Mention(found, m.start(), m.end(), word))
    renamed = _fullest_names(local, names_seen, knowledge.id_for)
    # Mentions are frozen: one not renamed is kept as it is (a copy of it would be equal).
    if renamed:
        hits = [_renamed(h, renamed) for h in hits]
    descriptions = {renamed.get(k, k): v for k, v in descriptions.items()}
    respelled = {
        **_short_body_names(local, hits),
        **_usual_spelling(local, hits),
        **short_given_names(local),
    }
    respelled = _in_english(local, respelled, romanization_for(knowledge))
    if respelled:
        hits = [_renamed(h, respelled) for h in hits]
        descriptions = {respelled.get(k, k): v for k, v in descriptions.items()}
    entities = {**knowledge.entities, **local}
    # With no spelling variant found and nothing renamed, the hits are those `chosen` was
    # selected from (`_select` is a pure function of them): not sorted and sifted again.
    if renamed or respelled or len(hits) != selected:
        chosen = _select(hits)
    mentions = _with_titles(text, _join_adjacent(text, chosen), knowledge, entities)
    datelines = _datelines(text, spans, knowledge)
    publisher = publisher_forms(source.publisher, rules)
    mentions = [
        m
        for m in mentions
        if not _outlet(source, m, entities, rules, publisher)
        and not capital_as_place(text, m.start, m.end, rules)
        and not _surname_as_town(text, m, entities)
        and not is_honorific(text, m, knowledge)
        and not any(a <= m.start < b for a, b in datelines)
    ]
    used = {m.entity_id for m in mentions}
    return EntityScan(
        mentions=mentions,
        entities={k: v for k, v in entities.items() if k in used},
        descriptions={k: v for k, v in descriptions.items() if k in used},
    )


def _renamed(mention: Mention, ids: dict[str, str]) -> Mention:
    """`mention` naming `ids[its entity]` if there is one, else itself."""
    new_id = ids.get(mention.entity_id)
    return mention if new_id is None else replace(mention, entity_id=new_id)


def _usual_spelling(local: dict[str, KnownEntity], hits: list[Mention]) -> dict[str, str]:
    """Renames so a new person's surname is spelt as the article spells it most often: a
    name first written "Oleksandr Merezhkko", then three times "Merezhko", is Merezhko."""
    spellings: dict[str, dict[str, int]] = {}
    seen: set[tuple[int, int]] = set()  # several rules may find the same words
    for hit in hits:
        if (hit.start, hit.end) in seen:
            continue
        seen.add((hit.start, hit.end))
        entity = local.get(hit.entity_id)
        if entity is not None and entity.category == "person":
            written = hit.text.split()
            surname = written[surname_at(written) if len(written) > 1 else 0]
            counts = spellings.setdefault(hit.entity_id, {})
            counts[surname] = counts.get(surname, 0) + 1
    respelled: dict[str, str] = {}
    for entity_id, counts in sorted(spellings.items()):
        entity = local[entity_id]
        words = entity.name.split()
        if len(words) < 2:
            continue
        at = surname_at(words)
        usual = max(sorted(counts), key=lambda w: counts[w])
        if usual == words[at] or counts[usual] <= counts.get(words[at], 0):
            continue
        words[at] = usual
        name = " ".join(words)
        new_id = slug(name)
        if new_id not in local:
            local[new_id] = KnownEntity(new_id, entity.kind, name, entity.category)
            respelled[entity_id] = new_id
    return respelled


def _in_english(
    local: dict[str, KnownEntity], respelled: dict[str, str], rules: Romanization
) -> dict[str, str]:
    """`respelled` with the article's new people whose names a translation romanized in
    its own way renamed to the English spelling (`romanization.english_name`)."""
    if not rules.given and not rules.given_last:
        return respelled
    english: dict[str, str] = {}
    for entity_id, entity in sorted(local.items()):
        if entity.category != "person" or (name := english_name(entity.name, rules)) is None:
            continue
        new_id = slug(name)
        if new_id not in local:
            local[new_id] = replace(entity, id=new_id, name=name, aliases=(entity.name,))
        english[entity_id] = new_id
    if not english:
        return respelled
    out = {old: english.get(new, new) for old, new in respelled.items()}
    for old, new in english.items():
        out.setdefault(old, new)
    return out


def _holds_words(text: str, words: str) -> bool:
    """Whether `words` stand in `text` as whole words (not inside a longer word)."""
    at = text.find(words)
    while at >= 0:
        end = at + len(words)
        before = text[at - 1] if at else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before == "-" or after.isalnum() or after == "-"):
            return True
        at = text.find(words, at + 1)
    return False


def _short_body_names(local: dict[str, KnownEntity], hits: list[Mention]) -> dict[str, str]:
    """Renames so a body named short ("the General Staff said") is the one body the article
    names in full with those words ("Ukraine's General Staff"); with two such bodies
    (Ukraine's and Russia's) the short name stays undecided, an entity of its own."""
    renamed: dict[str, str] = {}
    folded: list[tuple[str, str]] | None = None  # (entity, text as written, case folded)
    for entity_id, entity in sorted(local.items()):
        if entity.kind != "actor" or entity.category == "person" or " " not in entity.name:
            continue
        if folded is None:
            folded = [(h.entity_id, h.text.casefold()) for h in hits]
        # In any case: "the Russian embassy" is the "Russian embassy in Canberra" named before.
        name = entity.name.casefold()
        fuller = {
            other
            for other, written in folded
            if other != entity_id
            and len(written) > len(name)
            and name in written
            and _holds_words(written, name)
        }
        if len(fuller) == 1:
            renamed[entity_id] = fuller.pop()
    return renamed


def find_mentions(source: Source, knowledge: Knowledge) -> list[Mention]:
    """Every entity mention in the body sentences of `source`, in text order."""
    from .sentences import split_sentences

    sentences = split_sentences(source, knowledge.split)
    return scan_entities(source, knowledge, [(s.start, s.end) for s in sentences]).mentions


def _datelines(
    text: str, spans: list[tuple[int, int]], knowledge: Knowledge
) -> list[tuple[int, int]]:
    """The datelines opening paragraphs ("Tirana (dpa) - ", "KYIV, Ukraine (AP) -- "): the
    names in one say where the story was filed, no actor (`sources.dateline_end`)."""
    layout = layout_of(knowledge)
    if layout is None or layout.dateline is None:
        return []
    found = []
    for start, end in spans:
        if start == 0 or text[start - 1] == "\n":
            stop = dateline_end(text, start, end, layout)
            if stop > start:
                found.append((start, stop))
    return found
