"""Who a word that names no one refers back to, for `speakers._Speakers` (which inherits
these methods): a pronoun ("he added": the last person named or who spoke), a head noun
("the ministry"), "the company", "the government", a role ("the minister", "the Ukrainian
president"), and an unnamed official ("a State Department spokesperson", "two U.S.
officials": the body or government they speak for).
"""

from __future__ import annotations

import re

from ..bystart import ByStart
from ..entities import EntityScan, Mention
from ..entitycues import entity_rules, government_of
from ..knowledge import Knowledge
from ..names.parties import lexicon_party
from ..quotecues import is_company, quote_rules
from .grammar import _TOKEN

# The words between a body's name and the voice noun that ends a speaker's description
# ("State Department spokesperson", "NATO defence official"), up to the speech verb.
_VOICE_AFTER_BODY = re.compile(r"(?:\s+[a-z][\w-]*)?\s+[\w-]+\s*$")

# How many paragraphs back a pronoun can reach to its speaker.
_PRONOUN_REACH = 3

# The marks a title before a name runs back to (`_title_before`).
_TITLE_STOPS = '.,;:!?"“”()\n'


def _title_before(text: str, start: int) -> str:
    """The words right before a name back to a punctuation mark, at most 80 characters:
    the title it was written with.

    What a search of `[^.,;:!?"“”()\\n]*$` from `start - 80` to `start` finds, taken from
    the last mark before `start` (a `rfind` per mark, in C): the search tried every
    position, each running on to the next mark and backing off, some 20 µs a name. As `$`
    there, a newline that ends the span is passed over (it is a mark itself)."""
    lo = max(0, start - 80)
    end = start - 1 if start > lo and text[start - 1] == "\n" else start
    cut = max(text.rfind(mark, lo, end) for mark in _TITLE_STOPS)
    return text[max(cut + 1, lo) : end]


# A capital opening the sentence before "a government spokeswoman", "government sources".
_CAPITAL_OPENING = re.compile(
    r"\s*(?:In|From)\s+(?P<cap>[A-Z][\w'’. -]*?),?\s+(?:an?\s+|the\s+)?(?:senior\s+)?government\s+\w+\s*$"
)
_STOP = re.compile(r"[.!?][\"”’']?\s")  # a sentence's end between two names

# Pronouns that only a person is (grammar, not domain words).
_PERSONAL = frozenset({"he", "she", "him", "her"})
# A preposition right before a name: the name is its object, not a clause's subject
# (shared with `positions`).
PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|inside|into|against|on|at|from|of|to|with|over|across|within|towards?|near|"
    # ("of The Hague Centre for Strategic Studies": the body's own "The" capitalised)
    r"by|for|upon)\s+(?:[Tt]he\s+)?$"
)


# The role words between a country and a speech verb ("'s foreign minister ", " prime
# minister "): lower-case, the last one the role noun.
_COUNTRY_ROLE = re.compile(r"(?:['\u2019]s)?\s+(?:[a-z][\w-]*\s+){0,2}([a-z][\w-]*)\s*")


class _Referents:
    """The lookups `_Speakers` makes for a word that names no one (a base class of it). The
    attributes below are `_Speakers`' own, set by its `__init__` and kept by its `events`;
    they are declared here for the type checker only (an annotation without a value makes
    no class attribute)."""

    text: str
    scan: EntityScan
    k: Knowledge
    outside: list[Mention]
    _by_start: ByStart
    last: tuple[str | None, int] | None
    last_body: tuple[str, int] | None
    government_voice: str | None
    member_voice: str | None  # a government speaking for an unnamed member ("she said")
    anonymous: bool
    _last_anonymous: int | None
    last_pos: int
    content: list[tuple[int, int]]

    def _person(self, entity_id: str) -> bool:
        entity = self.scan.entity(entity_id)
        return entity is not None and entity.is_person

    def anonymous_seen(self, pos: int) -> bool:
        return self._last_anonymous is not None and self._last_anonymous < pos

    def pronoun(self, pos: int, paragraph: int, word: str = "", opening: int = -1) -> str | None:
        """The last person named outside quotes and outside what someone said, or the last
        speaker when no such person was named after them (for "he" or "she", the last
        speaker only if a person: a company that spoke before is no "she"). "it": the body
        that opens its sentence (at `opening`), else the last body that spoke."""
        if word == "it":
            # "Rome has moved the other way: in May it said ...": the sentence's subject.
            subject = next(
                (
                    m
                    for m in self._by_start.between(opening, opening)
                    if m.start == opening and m.end <= pos
                ),
                None,
            )
            if subject is not None and not self._person(subject.entity_id):
                return subject.entity_id
            # "The Defence Ministry says ... It claimed": the last body that spoke.
            body = self.last_body
            return body[0] if body and paragraph - body[1] <= _PRONOUN_REACH else None
        # The last such person: looked for from the end, not listed from the start.
        named = next(
            (
                m
                for m in reversed(self._by_start.between(None, pos))
                if m.end <= pos
                and self._person(m.entity_id)
                and not any(s <= m.start < e for s, e in self.content)
            ),
            None,
        )
        if named is not None and self.text.startswith(("'s ", "’s "), named.end):
            # "Petro Danyliuk expressed regret over Lipska's remarks. ... he told": the
            # subject, not a possessive qualifying an object, is who "he" is.
            named = self._subject_before(named) or named
        last = self.last
        if (
            last is not None
            and word in _PERSONAL
            and not (last[0] and (self._person(last[0]) or last[0] == self.member_voice))
        ):
            last = None
        if last and paragraph - last[1] <= _PRONOUN_REACH:
            if named is None or named.start < self.last_pos:
                return last[0]
        elif (
            last is None
            and self.anonymous_seen(pos)
            and (named is None or named.start < (self._last_anonymous or 0))
        ):
            return None
        return named.entity_id if named else None

    def _subject_before(self, possessive: Mention) -> Mention | None:
        """A person named earlier in the sentence of `possessive`, not as a possessive."""
        for m in reversed(self._by_start.between(None, possessive.start)):
            if m.end > possessive.start:
                continue  # the possessive itself
            if _STOP.search(self.text, m.end, possessive.start):
                return None
            if self._person(m.entity_id) and not self.text.startswith(("'s ", "’s "), m.end):
                return m
        return None

    def _voiced_body(self, lead: int, vs: int) -> str | None:
        """The body an unnamed spokesperson or official is named after, right before the
        noun ("A State Department spokesperson said", "a senior NATO official said"): the
        body speaks, and "the official" later is the same body."""
        voice = _VOICE_AFTER_BODY.search(self.text, lead, vs)
        if voice is None:
            return None
        for m in reversed(self.outside):
            if m.end == voice.start() and m.start >= lead:
                entity = self.scan.entity(m.entity_id)
                if entity is not None and entity.category in (
                    "government",
                    "military",
                    "organisation",
                ):
                    self.government_voice = m.entity_id
                    return m.entity_id
                return None
        return None

    def _unnamed(self, before: str, last_word: str, words: list[str]) -> str | None:
        """An unnamed speaker: officials after a demonym speak for its government ("two
        U.S. officials familiar with the decision said"), and "the official" later for the
        same one; anyone else unnamed is nobody we can name."""
        voice = quote_rules(self.k).government_voice
        if voice is not None:
            found = list(voice.finditer(before))
            government = self.k.lookup(f"{found[-1].group('dem')} government") if found else None
            if government is None and found:
                # "A senior EU official said": a body of its own speaks (not a country);
                # either way the government heard before is no longer "the official".
                body = self.k.lookup(found[-1].group("dem"))
                entity = self.k.entities.get(body) if body else None
                government = body if entity is not None and entity.category != "country" else None
                self.government_voice = None
            capital = _CAPITAL_OPENING.match(before) if government is None else None
            if capital is not None and capital.group("cap") in entity_rules(self.k).capitals:
                # "In Berlin, a government spokeswoman said": the capital's government.
                body = self.k.lookup(capital.group("cap"))
                entity = self.k.entities.get(body) if body else None
                government = (
                    body if entity is not None and entity.category == "government" else None
                )
            if government is not None:
                self.government_voice = government
                return government
            if (
                self.government_voice is not None
                and len(words) >= 2
                and words[-2].casefold() == "the"
                and last_word in quote_rules(self.k).government_voice_nouns
            ):
                return self.government_voice
        self.anonymous = True
        return None

    def by_head(self, noun: str, pos: int) -> str | None:
        """The organisation 'the ministry' or 'the institute' refers back to: the last one
        named before `pos` whose name holds that head noun ("Russian Embassy in Estonia" for
        'the embassy')."""
        if noun.capitalize() not in self.k.organisation_heads:
            return None
        for m in reversed(self.outside):
            entity = self.scan.entity(m.entity_id)
            if m.end <= pos and entity and noun in entity.name.casefold().split():
                return m.entity_id
        return None

    def by_party(self, noun: str, pos: int) -> str | None:
        """The party 'the party' refers back to: the last one named before `pos` (a known
        entity with the lexicon's party description, `party_members.description`), in an
        article on a party whose name has no "party" in it ("the ANC ... the party said")."""
        description = lexicon_party(self.k)
        if noun != "party" or description is None:
            return None
        for m in reversed(self.outside):
            entity = self.scan.entity(m.entity_id)
            if m.end <= pos and entity is not None and entity.description == description:
                return m.entity_id
        return None

    def by_company(self, noun: str, pos: int) -> str | None:
        """The company 'the company' or 'the manufacturer' refers back to: the last body
        named before `pos` that is one by its name ("Corvane Aerospace") or description."""
        rules = quote_rules(self.k)
        if noun not in rules.company_nouns:
            return None
        for m in reversed(self.outside):
            entity = self.scan.entity(m.entity_id)
            if (
                m.end <= pos
                and entity is not None
                and is_company(entity.name, entity.category, entity.description, rules)
            ):
                return m.entity_id
        return None

    def by_country(self, noun: str, pos: int, start: int) -> str | None:
        """The government 'the government' refers back to: that of the first country its
        sentence (from `start`) names as a subject ("Italy will allow Ukraine ..., the
        government said": the Italian government), else of the last one named before."""
        if noun != "government":
            return None
        # Countries named as a clause's subject, not after a preposition ("inside Russia").
        countries = [
            m
            for m in self.outside
            if m.end <= pos
            and (entity := self.scan.entity(m.entity_id)) is not None
            and entity.category == "country"
            and not PREPOSITION_BEFORE.search(self.text, max(0, m.start - 12), m.start)
        ]
        if not countries:
            return None
        here = [m for m in countries if m.start >= start]
        return government_of((here[0] if here else countries[-1]).entity_id, self.k)

    def country_official(self, m: Mention, gap: str, pos: int) -> str | None:
        """An official a country's name leads to ("Slovakia's foreign minister said", "the
        Estonian foreign minister said", `gap` the words between): the person the article
        gave that role, else, unnamed, one who speaks for the country's government."""
        entity = self.scan.entity(m.entity_id)
        role = _COUNTRY_ROLE.fullmatch(gap)
        if entity is None or entity.category != "country" or role is None:
            return None
        noun = role.group(1).casefold()
        if noun not in quote_rules(self.k).government_roles:
            return None
        return self._member(
            noun, pos, entity.name, entity_rules(self.k).demonym_for.get(m.entity_id)
        )

    def demonym_official(self, before: str, noun: str, pos: int) -> str | None:
        """'The Estonian foreign minister said' (`before` the verb at `pos`, ending in
        `noun`): the person the article gave that role, else the demonym's government."""
        rules = quote_rules(self.k)
        if rules.government_role is None or noun not in rules.government_roles:
            return None
        found = [m for m in rules.government_role.finditer(before) if not before[m.end() :].strip()]
        if not found:
            return None
        demonym = found[-1].group("dem")
        country = entity_rules(self.k).demonym_of.get(demonym)
        entity = self.k.entities.get(country) if country else None
        return self._member(noun, pos, entity.name if entity else None, demonym)

    def _member(self, noun: str, pos: int, name: str | None, demonym: str | None) -> str | None:
        """The person named before `pos` in the role `noun` of the country (by `name` or
        `demonym`: "Slovakia's", "Slovak Foreign Minister X"), else its government."""
        for nation in (name, demonym):
            named = self.by_role(noun, pos, nation.casefold()) if nation else None
            if named is not None:
                return named
        government = self.k.lookup(f"{demonym} government") if demonym else None
        if government is not None:
            # "The Estonian foreign minister called ... "...," she said": she is that member.
            self.member_voice = government
        return government

    def _nation_before(self, lead: int, vs: int, noun: str) -> str | None:
        """The country whose nationality adjective stands right before `noun`, the last
        word before the verb at `vs` ("the Ukrainian president said"), by name."""
        for m in self.scan.mentions:
            if (
                m.adjective
                and lead <= m.start
                and m.end <= vs
                and self.text[m.end : vs].strip().casefold() == noun
            ):
                entity = self.scan.entity(m.entity_id)
                return entity.name.casefold() if entity is not None else None
        return None

    def by_role(self, noun: str, pos: int, nation: str | None = None) -> str | None:
        """The person 'the minister' or 'the president' refers back to: the last one named
        before `pos` whose title or role (as the article or the lexicon gives it) holds
        that word (and the country's name `nation`, when given). 'The spokesman' of a
        named spokesman speaks; of nobody, no one does."""
        synonyms = self.k.role_synonyms.get(noun, ())
        if (
            noun not in self.k.word_set("role_nouns")
            and noun not in self.k.word_set("titles")
            and not synonyms
        ):
            return None
        country = _TOKEN.findall(nation) if nation else []
        wanted = [[noun, *country], *([*_TOKEN.findall(s.casefold()), *country] for s in synonyms)]
        for m in reversed(self.outside):
            if m.end > pos or not self._person(m.entity_id):
                continue
            entity = self.scan.entity(m.entity_id)
            described = " ".join(
                d
                for d in (
                    self.scan.descriptions.get(m.entity_id),
                    entity.description if entity else None,
                    # The title written right before the name ("Russian Ambassador to
                    # Italy Pavel Lebedinsky"), up to a punctuation mark.
                    _title_before(self.text, m.start),
                    m.text,
                )
                if d
            )
            tokens = _TOKEN.findall(described.casefold())
            if any(all(word in tokens for word in words) for words in wanted):
                return m.entity_id
        return None
