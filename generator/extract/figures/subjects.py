"""The subject a figure belongs to (`_subject`): a count its owner's (`_count_owner`), a price
the weapon it is for, money its payer or the clause's subject, a duration the doer's, any
other measure the nearest name of a fitting kind, else one named before, flagged uncertain.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from ..entitycues import PLACE_BEFORE, body_country, country_of_body, entity_rules
from ..factbits import entity_info, lexicon_data
from ..quantities import Quantity
from .clauses import _clause_actor, _clause_start
from .mentions import _Earlier, _kind, _Spot
from .rules import figure_rules_for

# A figure's twin in brackets, if any ("£2 million ($2.6 million)").
_TWIN = r"(?:\s*\([^()]{1,40}\))?"
# What a price is for, after the sum ("£2 million ($2.6 million) for an MBDA Storm Shadow"):
# a weapon named within `_PRICE_REACH` characters of it.
# ("... for Germany's new Taurus Adler": an owner and a describing word or two may stand
# before the name.)
_PRICE_FOR = re.compile(
    rf"{_TWIN}\s+(?:apiece\s+)?for\s+(?:a|an|one|each|every|[A-Z][\w-]*['’]s)\s+"
)
_PRICE_REACH = 30
_NAMES_ONLY = re.compile(r"(?:[a-z][\w-]*\s+){0,2}(?:[A-Z][\w-]*['’]?s?\s+)*")
# Who pays, after the sum ("$1.2 billion (1.03 billion euro) package financed by the").
_PAID_BY = re.compile(
    rf"{_TWIN}[^,;.()]{{0,40}}?\b(?:financed|funded|paid(?: for)?|bankrolled)\s+by\s+(?:the\s+)?"
)
# A clause whose subject is the speaker's own ("said its air defences ...").
_ITS = re.compile(r"\s*(?:its|their)\s")
_ITS_FORCES = re.compile(r"\s*(?:its|their)\s+(?:armed\s+)?(?:forces|troops|army|military)\b")
_OWN_PHRASE = 30  # characters after a figure that still name what it is of ("price of a Tomahawk")
_IT = re.compile(r"\s*[\"\u201c]?It\s")  # a clause opening on "It": the thing named before
# "3,000 troops from Poland": the place the counted things come from owns them.
_FROM = re.compile(r"\s+from\s+(?:the\s+)?")
# "Each missile", "a single battery", "every launcher": one of a kind named before.
_EACH = re.compile(
    r"(?i:\b(?:each|every|a\s+single|per)\s+(?:[\w-]+\s+)?[\w-]+\s+(?:costs?|is|was)\b)"
)


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


# Where a sentence starts: after the end mark of the one before, or a line break.
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+|\n")
# How far into its sentence a name may start and still be the sentence's subject ("The
# Torgos is ...", "Ukraine's new Palianytsia ...").
_SUBJECT_REACH = 24


# How far before a number the kind noun it refers back by may stand ("The drones can fly").
_KIND_REACH = 80


def _named_kind(text: str, start: int, knowledge: Any) -> str | None:
    """The weapon category of the weapon noun that opens the sentence of `start` as its
    subject ("The drones can fly ...": lexicon `weapon_heads`), None when none does."""
    head = getattr(knowledge, "weapon_head", None)
    if head is None:
        return None
    lo = max(0, start - _KIND_REACH)
    opening = max((m.end() for m in _SENTENCE_END.finditer(text, lo, start)), default=lo)
    noun = head.search(text, opening, min(start, opening + _SUBJECT_REACH))
    # (In lower case: "Halyard Systems" is a company's name.)
    word = noun.group().split()[-1] if noun is not None else ""
    if not word.islower():
        return None
    heads: dict[str, str] = getattr(knowledge, "weapon_heads", {})
    return heads.get(word.casefold())


def _weapon_referred(
    history: list[Any], start: int, end: int, text: str, knowledge: Any
) -> Any | None:
    """The weapon "it" or "the missile" refers back to: the last one named, unless the
    sentence naming it opened on another weapon, its subject ("The Torgos is a cousin of the
    Taurus ... It flies about 600km": the Torgos)."""
    last = _by_kinds(history, ("weapon",), start, end, knowledge)
    if last is None or last.start >= start:
        return last
    # "... 60 Kingfisher-LR drones, along with parts for the Abrams tanks. The drones can
    # fly 900 kilometres": the last weapon of the kind the sentence names.
    pool = [m for m in history if m.start <= last.start and _kind(knowledge, m) == "weapon"]
    kind = _named_kind(text, start, knowledge)
    named = entity_info(knowledge, last.entity_id)[1]
    # (Only a weapon of another known kind: a system fires missiles, "each interceptor
    # missile" of a Patriot battery is the Patriot's.)
    if kind is not None and named not in (None, kind, "system"):
        same = [m for m in pool if entity_info(knowledge, m.entity_id)[1] == kind]
        if same:
            pool = same
            last = max(same, key=lambda m: m.start)
    opening = max(
        (m.end() for m in _SENTENCE_END.finditer(text, max(0, last.start - 400), last.start)),
        default=max(0, last.start - 400),
    )
    subject = min(
        (m for m in pool if opening <= m.start < last.start),
        key=lambda m: m.start,
        default=None,
    )
    if subject is not None and subject.start - opening <= _SUBJECT_REACH:
        return subject
    return last


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


def _its_referent(
    q: Quantity, pool: list[Any], earlier: list[Any], text: str, knowledge: Any
) -> Any | None:
    """The actor "Its" or "Their" opening the number's clause stands for, when the clause
    names no one before the number: the last actor named in the sentence before ("Russia
    attacked Ukraine, Ukraine's air force said. Its air defences shot down 281 drones":
    the air force), from the mentions `earlier` (in text order, before the sentence)."""
    at = _clause_start(q, text, knowledge)
    if not _ITS_OPENING.match(text, at) or any(at <= m.start < q.start for m in pool):
        return None
    boundary = max(text.rfind(". ", 0, at - 1), text.rfind("\n", 0, at - 1))
    actors = [m for m in earlier if boundary < m.start < at and _kind(knowledge, m) == "actor"]
    return actors[-1] if actors else None


_ITS_OPENING = re.compile(r"\s*(?:Its|Their)\s")


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
    # A place the clause names ("struck an air base in Russia's Kaluga region with 16
    # missiles") owns nothing.
    subjects = [
        m
        for m in actors
        if m.start >= clause and not PLACE_BEFORE.search(text, max(0, m.start - 10), m.start)
    ]
    if subjects:
        return subjects[0]
    if _ITS.match(text, clause) and (said := [m for m in actors if m.end <= clause]):
        # "the defence ministry said its air defences shot down 43 drones": the speaker's
        # own forces; "the General Staff said its forces struck ... with 16 missiles": a
        # country's armed men are the country (ANNOTATING.md), the staff's country fired.
        if _ITS_FORCES.match(text, clause):
            country = body_country(said[-1].entity_id, entity_rules(knowledge))
            if country is not None:
                return replace(said[-1], entity_id=country)
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
    refers: Callable[[], bool],
    sources: list[Any],
) -> tuple[str | None, bool]:
    """(entity id, uncertain) of the figure `text[q.start:end]`.

    A count belongs to its owner (`_count_owner`). A measure belongs to the nearest
    mention of the first fitting kind in its sentence, else in the paragraph so far and the
    one before ("Each missile costs $1.5 million" names no weapon: it refers back), flagged
    uncertain. Failing all that, the sentence's first mention, uncertain. `refers`: whether
    the sentence names a weapon by its kind, asked only where that decides.
    """
    tally = (
        q.dimension == "count" and q.unit in figure_rules_for(lexicon_data(knowledge)).body_units
    )
    if tally:
        # "The Chamber of Deputies on Thursday approved the bill on a fund for Ukraine, by
        # 109 votes to 64": a tally is the voting body's, the first named in the sentence,
        # however far the number comes after it.
        body = next(
            (
                m
                for m in pool
                if m.end <= q.start
                and entity_info(knowledge, m.entity_id) == ("actor", "government")
            ),
            None,
        )
        if body is not None:
            return body.entity_id, False
    if q.dimension == "count":
        owner = _count_owner(q, end, pool, nations, text, knowledge)
        if owner is None:
            # "Its budget buys 150 missiles": a country's or a government's, not a military
            # body's ("Its air defences shot down 281 drones", which annotators give to the
            # force or to its country alike).
            owner = _its_referent(q, pool, earlier, text, knowledge)
            if owner is not None and entity_info(knowledge, owner.entity_id)[1] not in (
                "country",
                "government",
            ):
                owner = None
        if owner is not None and tally:
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
        # "Germany is the largest buyer. Its federal budget sets aside EUR 2 billion".
        owner = _its_referent(q, pool, earlier, text, knowledge)
        if owner is not None:
            return _country_of_government(owner.entity_id, knowledge), False
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
        and refers()
        and _EACH.search(text, max(0, q.start - 200), q.start)
        and "weapon" in kinds
        and not any(_kind(knowledge, m) == "weapon" for m in measured)
    ):
        # "Each missile costs 2 million pounds, and Britain ...": a weapon named only by
        # its kind is the last weapon named, not another name in the sentence.
        weapon = _weapon_referred(history.mentions(), q.start, end, text, knowledge)
        if weapon is not None:
            return weapon.entity_id, True
    weapons_after = [m for m in measured if _kind(knowledge, m) == "weapon"]
    if (
        q.dimension != "count"
        and "weapon" in kinds
        and weapons_after
        and all(m.start >= end + _OWN_PHRASE for m in weapons_after)
        and _IT.match(text, _clause_start(q, text, knowledge))
    ):
        # "It costs $350,000 per missile, a fraction of the $2 million price of a
        # Tomahawk": "It" is the weapon named before; the one named well after is what it
        # is compared with (the $2 million, right before it, is the Tomahawk's).
        weapon = _weapon_referred(history.mentions(), q.start, end, text, knowledge)
        if weapon is not None:
            return weapon.entity_id, True
    if q.dimension != "count":
        # "The Long Neptune, a version of the Neptune missile, has a range of 1,000 km": a
        # name inside an aside before the number describes, the subject is measured.
        measured = _outside_asides(measured, text, q.start)
    found = _by_kinds(measured, kinds, q.start, end, knowledge)
    if found is not None:
        return found.entity_id, False
    if q.dimension != "count" and "weapon" in kinds and (refers() or kinds == ("weapon",)):
        # "The missile, which costs ..." refers to the last weapon named, however far back.
        weapon = _weapon_referred(history.mentions(), q.start, end, text, knowledge)
        if weapon is not None:
            return weapon.entity_id, True
    if q.dimension != "count" and kinds:
        back = _by_kinds(earlier, kinds, q.start, end, knowledge)
        if back is not None:
            return back.entity_id, True
    return (pool[0].entity_id, True) if pool else (None, False)
