"""Sides: the stance an official of a party to the question holds when quoted on it.

A Ukrainian minister quoted on strikes inside Russia ("every delay in the permission costs
us lives") rarely uses a stance cue word, yet everyone reading knows where they stand; so
does a Kremlin spokesman saying the West now "picks the targets". Lexicon `side_stances` names the sides (country entity id -> stance id). A person
whose role the article or the lexicon gives as that country's ("Ukraine's ambassador to
the UK", "Kremlin spokesman"), or a diplomatic body of it (`side_bodies`: an embassy),
who says something on the question (a word of `side_topic_words` in the paragraph
holding their words) and holds no stance by a cue in
the article, gets the side's stance, flagged `uncertain` for the editor: the stance is
inferred from who speaks, not read from the words.

Not an official: a role with a word of `observer_words` ("an analyst of Russia's army",
"a former Ukrainian officer") or one given as a relative clause ("who studies Russian
planning"); a sentence reporting a strike inside the side's own country is the war, not
the question ("Russian missiles hit Kharkiv, said Ukraine's interior minister").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from ..sources import Source
from . import casefast
from .casualties import casualty_rules_for, places_in
from .entities import EntityScan
from .factbits import per_lexicon
from .holders import in_relative_clause
from .home import country_named
from .knowledge import Knowledge, words_pattern
from .quotes import QuoteFound
from .sentences import Sentence
from .usereports import country_of, use_rules

__all__ = ["SideStance", "side_countries", "side_stances"]

# Capitalised words, runs of them ("Foreign Ministry"), each a name to look up.
_CAPITALISED = re.compile(r"[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*")
_POSSESSIVE = re.compile(r"['\u2019]s?$")
# Where an envoy is sent or sits ("ambassador to Canada", "envoy in Ottawa").
_HOST = re.compile(r"\b(?:to|in) (?:the )?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*")
_ROLE_REACH = 120  # characters before a name that its role may start


@dataclass(frozen=True)
class _Rules:
    stances: dict[str, str]  # country entity id -> stance id
    observers: re.Pattern[str] | None
    topic: re.Pattern[str] | None
    bodies: re.Pattern[str] | None  # words naming a side's diplomatic body
    thanks: re.Pattern[str] | None  # verbs of thanks (`side_thanks`)


@dataclass(frozen=True)
class SideStance:
    actor: str
    stance: str
    sentences: list[Sentence]  # the sentences holding the actor's words on the question
    quote: QuoteFound  # the first of those words


def _build(data: dict[str, Any]) -> _Rules:
    return _Rules(
        {str(k): str(v) for k, v in (data.get("side_stances") or {}).items()},
        words_pattern(str(w) for w in data.get("observer_words") or []),
        words_pattern(str(w) for w in data.get("side_topic_words") or []),
        words_pattern(str(w) for w in data.get("side_bodies") or []),
        words_pattern(str(w) for w in data.get("side_thanks") or []),
    )


_rules = per_lexicon(_build)


def side_countries(knowledge: Knowledge) -> frozenset[str]:
    """The countries whose side of the question is known (lexicon `side_stances`)."""
    return frozenset(_rules(knowledge).stances)


def _country_named(description: str, knowledge: Knowledge) -> str | None:
    """The first country `description` names: by demonym ("Ukrainian Deputy Foreign
    Minister"), by name ("Minister of Defense of Ukraine") or through a body of it
    ("Kremlin spokesman")."""
    for m in _CAPITALISED.finditer(description):
        words = _POSSESSIVE.sub("", m.group()).split()
        # The longest run first ("Security Service of Ukraine" is no run: its words are).
        for i in range(len(words)):
            for j in range(len(words), i, -1):
                # Not a town: a region's governor speaks of attacks on it, not for a side.
                found = country_named(" ".join(words[i:j]), knowledge, towns=False)
                if found:
                    return found
    return None


def _owner_before(text: str, description: str, scan: EntityScan, actor: str) -> str:
    """The words owning the role written before the actor's first mention ("Ukraine's" of
    "Ukraine's deputy defense minister, Taras Melnyk", of "Ukraine's foreign minister"
    when the description keeps only "minister"), which the description leaves out; up to
    three words, "" if none."""
    first = next((m for m in scan.mentions if m.entity_id == actor), None)
    if first is None:
        return ""
    window = text[max(0, first.start - _ROLE_REACH) : first.start]
    at = window.rfind(description)
    if at < 0:
        # The role is part of the mention ("In Kyiv, Foreign Minister Dmytro Bilyk"): the
        # capital the sentence opens on is where the official sits.
        opening = _IN_CAPITAL.search(window)
        return opening.group(1) if opening else ""
    return " ".join(window[:at].split()[-3:]) if at > 0 else ""


# A sentence opening on where its official sits ("In Kyiv, "; a translation's "At Kiev, ",
# "In Kyiv the head of ...").
_IN_CAPITAL = re.compile(r"(?:^|[.!?]\s+|\n)(?:In|From|At)\s+([A-Z][\w-]*),?\s*$")


def _side(
    actor: str, scan: EntityScan, knowledge: Knowledge, rules: _Rules, text: str
) -> tuple[str, str] | None:
    """(country, stance) of the side `actor` is an official of, if any."""
    entity = scan.entity(actor)
    if entity is None:
        return None
    if not entity.is_person:
        # A diplomatic voice of a side (lexicon `side_bodies`: "Russian Embassy in Spain",
        # "Russian Foreign Ministry"); not its military, whose reports of strikes and
        # interceptions take no side on the question.
        if rules.bodies is None or not casefast.search(rules.bodies, entity.name):
            return None
        seat = country_of(actor, knowledge)
        stance = rules.stances.get(seat) if seat != actor else None
        return (seat, stance) if stance else None
    description = entity.description or scan.descriptions.get(actor) or ""
    if not description or description.startswith("who "):
        return None
    owner = _owner_before(text, description, scan, actor)
    if rules.observers is not None and (
        casefast.search(rules.observers, description) or casefast.search(rules.observers, owner)
    ):
        return None  # "an analyst", "Ukraine's air force spokesman"
    # "Ukraine's ambassador to Canada": the owner's side; the country an envoy is sent to
    # or sits in is no side of theirs.
    country = _country_named(owner, knowledge) or _country_named(
        _HOST.sub("", description), knowledge
    )
    stance = rules.stances.get(country) if country else None
    return (country, stance) if country and stance else None


def _home_strike(
    text: str, sentence: Sentence, country: str, scan: EntityScan, knowledge: Knowledge
) -> bool:
    """Whether `sentence` reports a strike on `country`'s own ground ("Russian missiles
    hit a plant in Kharkiv"): the war, not the question. A place of the country
    (`casualties.places_in`) with a strike verb (`use_report.verbs`) shortly before it."""
    verbs = use_rules(knowledge)
    if verbs is None:
        return False
    mentions = [m for m in scan.mentions if sentence.start <= m.start < sentence.end]
    known = getattr(knowledge, "entities", {})
    return any(
        verbs.verbs.search(text, max(sentence.start, start - verbs.reach), start)
        for start, _end, owner in places_in(
            text, sentence.start, sentence.end, mentions, known, casualty_rules_for(knowledge)
        )
        if owner == country
    )


def side_stances(
    source: Source,
    sentences: list[Sentence],
    scan: EntityScan,
    knowledge: Knowledge,
    quotes: list[QuoteFound],
    held: Collection[str],
) -> list[SideStance]:
    """Stances inferred from sides, one per official quoted on the question, in the order
    of their first words; none for an actor in `held` (those with a stance by a cue)."""
    rules = _rules(knowledge)
    if not rules.stances or rules.topic is None:
        return []
    text = source.text
    starts = [s.start for s in sentences]
    paragraphs: dict[int, tuple[int, int]] = {}
    for s in sentences:
        lo, _hi = paragraphs.get(s.paragraph, (s.start, s.end))
        paragraphs[s.paragraph] = (lo, s.end)
    sides: dict[str, tuple[str, str] | None] = {}
    found: dict[str, SideStance] = {}
    for quote in quotes:
        actor = quote.speaker
        if actor is None or actor in held:
            continue
        if actor not in sides:
            sides[actor] = _side(actor, scan, knowledge, rules, text)
        side = sides[actor]
        at = bisect_right(starts, quote.start) - 1
        if side is None or at < 0 or quote.start >= sentences[at].end:
            continue
        sentence = sentences[at]
        # On the question: the sentence or its paragraph says so ("Deputy Foreign Minister
        # X said the US was 'crossing one threshold after another'" after a paragraph on
        # the strike).
        lo, hi = paragraphs[sentence.paragraph]
        if not casefast.search(rules.topic, text, lo, hi):
            continue
        if _home_strike(text, sentence, side[0], scan, knowledge):
            continue
        seen = found.get(actor)
        if seen is None:
            found[actor] = SideStance(actor, side[1], [sentence], quote)
        elif sentence not in seen.sentences:
            seen.sentences.append(sentence)
    _thanked(text, sentences, scan, knowledge, rules, held, sides, found)
    return sorted(found.values(), key=lambda f: f.quote.start)


_FOR = re.compile(r"\bfor\b")
# How far before a verb of thanks its subject may end ("Olena Marchuk, thanked").
_THANKER_REACH = 3


def _thanked(
    text: str,
    sentences: list[Sentence],
    scan: EntityScan,
    knowledge: Knowledge,
    rules: _Rules,
    held: Collection[str],
    sides: dict[str, tuple[str, str] | None],
    found: dict[str, SideStance],
) -> None:
    """A side's official who thanks someone ("In Kyiv, Foreign Minister Dmytro Bilyk
    thanked the Folketing on X"), in an article on the question, thanks them for it: the
    side's stance, flagged uncertain as a quoted official's is."""
    if rules.thanks is None or rules.topic is None or not casefast.search(rules.thanks, text):
        return  # most articles thank no one: one search, not one per sentence
    for sentence in sentences:
        for verb in casefast.finditer(rules.thanks, text, sentence.start, sentence.end):
            subject = next(
                (
                    m
                    for m in reversed(scan.mentions)
                    if sentence.start <= m.start
                    and m.end <= verb.start()
                    and verb.start() - m.end <= _THANKER_REACH
                    # "X, who called it "a gift to Putin," praised": X praises
                    and not in_relative_clause(text, sentence.start, m.start, verb.start())
                ),
                None,
            )
            actor = subject.entity_id if subject is not None else None
            if actor is None or actor in held or actor in found:
                continue
            if _FOR.search(text, verb.end(), sentence.end) and not casefast.search(
                rules.topic, text, sentence.start, sentence.end
            ):
                continue  # "thanked the Netherlands for the grain": thanks for something else
            if actor not in sides:
                sides[actor] = _side(actor, scan, knowledge, rules, text)
            side = sides[actor]
            if side is not None:
                clause = QuoteFound(verb.start(), sentence.end, actor, "reported")
                found[actor] = SideStance(actor, side[1], [sentence], clause)
