"""`extract_figures`: every number of an article's sentences that is no date, age, unnamed
source or part of a name, given its property and subject by the other modules, refined by
the special owners, and written as a schema `figure` item.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ...sources import Source
from .. import casefast
from ..casualties import (
    casualty_owner,
    casualty_rules_for,
    is_attacker,
    is_casualty_count,
    workforce_rules_for,
)
from ..dates import date_rules_for, find_dates
from ..entitycues import body_country, entity_rules
from ..factbits import (
    InSpan,
    citation,
    entity_info,
    is_garbled,
    lexicon_data,
    plain_number,
    stable_id,
)
from ..figureowners import (
    company_owner,
    company_subject_owner,
    countries_named,
    farther_country,
    front_line_owner,
    loss_owner,
    loss_rules_for,
    restated_sum,
    without_people,
)
from ..home import home_country
from ..quantities import _DIGIT, Quantity, find_quantities, rules_for
from ..quotecues import quote_rules
from .clauses import _clause_start, _intercepted
from .implied_counts import elliptical_counts, named_counts, tally_counts, weapon_names
from .mentions import _anonymous, _cited, _context, _Earlier, _kind, _nations, _Usable, _usable
from .owners import (
    _across_border,
    _group_owner,
    _people_share,
    _place_country,
    _polled_people,
    _respondents_share,
    donor_not_recipient,
    limit_owner,
    weapon_count_owner,
)
from .properties import _property
from .rules import FigureRules, figure_rules_for
from .subjects import _ITS, _PRICE_FOR, _country_of_government, _subject

# A thing's price after "one" of it ("one missile costs").
_PRICED = re.compile(r"\s+(?:costs?|is priced|sells? for|comes? to)\b")
# What a share is of, said after it ("29% of voters"): no share of the people named before.
_OF = re.compile(r"\s+of\b")
# Right before a count: it is the whole a part was taken from ("37 of the 40 drones").
_WHOLE_AFTER_PART = re.compile(r"\b(?:\d[\d,.]*|[a-z]+)\s+of\s+(?:the\s+|its\s+|their\s+)?$")
# A person's age ("7 years old", "aged 68"): grammar, not a domain word list.
_AGE = re.compile(r"[\s-]+old\b")
_AGED = re.compile(r"\baged\s+$")
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


class _Refers:
    """Whether `head` (the weapon head nouns, `Knowledge.weapon_head`) matches in a
    sentence, searched on the first call only."""

    def __init__(self, head: re.Pattern[str] | None, sentence: str) -> None:
        self._head, self._sentence = head, sentence
        self._found: bool | None = None

    def __call__(self) -> bool:
        if self._found is None:
            self._found = self._head is not None and self._head.search(self._sentence) is not None
        return self._found


def _defends(q: Quantity, text: str, end: int, rules: FigureRules, knowledge: Any) -> bool:
    """Whether the number's things are shot down: by the clause before it ("its air
    defences shot down 37 of 40 drones") or in the passive after it, up to the sentence's
    `end` ("adding that 121 drones had been shot down"). Not "fired 12 missiles and
    destroyed three bombers": the verb there has its own object."""
    if _intercepted(q, text, rules, knowledge):
        return True
    passive = _PASSIVE.search(text, q.end, end)
    return (
        passive is not None
        and rules.interception is not None
        and rules.interception.match(text, passive.end()) is not None
    )


# "were", "had been", "have all been" before a verb of shooting down.
_PASSIVE = re.compile(r"\b(?:were|was|are|is|been)\s+(?:(?:all|later|then|also|reportedly)\s+)?")


def _paragraph_start(source: Source, offset: int) -> int:
    return next((p.start for p in source.paragraphs if p.start <= offset < p.end), offset)


def extract_figures(
    source: Source, sentences: list[Any], mentions: list[Any], knowledge: Any
) -> list[dict[str, Any]]:
    """Figure items (data schema `figure`) for every usable number in `sentences`."""
    data = lexicon_data(knowledge)
    qrules, drules, frules = rules_for(data), date_rules_for(data), figure_rules_for(data)
    crules = casualty_rules_for(knowledge)
    wrules = workforce_rules_for(knowledge)
    lrules = loss_rules_for(data)
    known = getattr(knowledge, "entities", {})
    home = home_country(source, knowledge)  # the country a poll's respondents are of
    figures: list[dict[str, Any]] = []
    owners: dict[str, str] = {}  # counted unit -> subject of its last count
    ctx = _Usable(knowledge, frules.excluded, _anonymous(knowledge))
    weapons = weapon_names(source.text, mentions, knowledge, qrules.nouns)
    inside = InSpan(mentions)  # `in_span` of the mentions, by bisection
    previous: str | None = None
    counted: tuple[int, Quantity] | None = None  # (paragraph, its last count so far)
    elliptic: set[int] = set()  # where counts of a noun left to the sentence before start
    for sentence in sentences:
        text = source.text[sentence.start : sentence.end]
        before, previous = previous, text
        quantities = [q for q in find_quantities(text, qrules, sentence.start) if q.skip is None]
        if weapons is not None and _DIGIT.search(text):
            quantities += named_counts(
                source.text, sentence.start, sentence.end, quantities, qrules, weapons
            )
            quantities.sort(key=lambda q: q.start)
        # "Australia ordered 600 Bunyips. About 230 have been delivered": Bunyips. (A number
        # in words is a bare count only in "six of them": most sentences have neither.)
        digits = _DIGIT.search(text) is not None
        bare = (
            elliptical_counts(
                source.text,
                sentence.start,
                sentence.end,
                quantities,
                counted[1] if counted is not None and counted[0] == sentence.paragraph else None,
                qrules,
                weapons,
                _paragraph_start(source, sentence.start),
                words=not digits,
            )
            if digits or " of them" in text
            else []
        )
        if bare:
            elliptic.update(q.start for q in bare)
            quantities = sorted([*quantities, *bare], key=lambda q: q.start)
        if digits and (
            tally := tally_counts(
                source.text, sentence.start, sentence.end, quantities, qrules, frules.tally_unit
            )
        ):
            quantities = sorted([*quantities, *tally], key=lambda q: q.start)
        counts = [q for q in quantities if q.dimension == "count"]
        if counts:
            counted = (sentence.paragraph, counts[-1])
        if not quantities:
            continue
        dates = find_dates(text, source.published, drules, sentence.start)
        pool = _usable(inside(sentence.start, sentence.end), source.text, ctx)
        lo, _hi = _context(source, sentence.start)
        earlier = _usable(inside(lo, sentence.start), source.text, ctx)
        nations = _nations(text, sentence.start, frules, knowledge)
        cited = [m for m in pool if _cited(m, source.text, sentence.start, frules)]
        # Whether the sentence names a weapon by its kind ("The missile ..."): asked only
        # of a measure that may be a weapon's, once. A case-blind search of the sentence,
        # made for every sentence with a number, was a twentieth of extracting figures.
        refers = _Refers(getattr(knowledge, "weapon_head", None), text)
        # Weapons named anywhere before: only looked at when nothing nearer fits.
        history = _Earlier(inside, sentence.start, source.text, ctx)
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
            if q.dimension == "money" and q.value == 1 and not q.number[:1].isdigit():
                continue  # "where one euro does the most": a unit of money, no sum
            if _AGE.match(source.text, q.end) or _AGED.search(
                source.text, max(0, q.start - 8), q.start
            ):
                continue  # "7 years old", "aged 68": a person's age, no figure of the war
            victims = q.dimension == "count" and is_casualty_count(
                q, source.text, sentence.start, sentence.end, crules
            )
            if victims:
                q = replace(q, unit=crules.unit, property=crules.unit)
            elif q.dimension == "count" and is_casualty_count(
                q, source.text, sentence.start, sentence.end, wrules
            ):
                q = replace(q, unit=wrules.unit, property=wrules.unit)  # "employs 2,300 people"
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
                if q.dimension == "ratio" and subject is not None:
                    # "Moscow claims to intercept more than 80%": the country's share, as
                    # its money and its counts are (ANNOTATING.md).
                    subject = (entity_rules(knowledge).government_country or {}).get(
                        subject, subject
                    )
                    if entity_info(knowledge, subject)[1] in ("government", "military"):
                        # "Russia's Defense Ministry claims ... 90 percent": Russia's.
                        subject = body_country(subject, entity_rules(knowledge)) or subject
            if prop == "distance" and (
                other := limit_owner(
                    source.text,
                    q,
                    end,
                    (sentence.start, sentence.end),
                    pool,
                    nations,
                    frules,
                    knowledge,
                )
                or _across_border(
                    source.text, end, pool, earlier, nations, frules, knowledge, history
                )
                or _place_country(source.text, end, frules, knowledge)
                or front_line_owner(
                    source.text,
                    q.start,
                    end,
                    pool,
                    knowledge,
                    sentence.start,
                    [*history.mentions(), *pool],
                )
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
            elif q.dimension == "count" and (
                firm := company_subject_owner(source.text, sentence.start, earlier, knowledge)
            ):
                subject, uncertain = firm, False  # "The company produced 14 missiles"
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
            if (
                q.dimension == "money"
                and prop in ("funding", "amount", "cost")
                and subject is not None
                and (
                    giver := donor_not_recipient(
                        source.text, q, subject, pool, home, frules, knowledge, sentence.start
                    )
                )
            ):
                # "sent Ukraine equipment worth 2 billion euros", "80 billion yen for a
                # NATO-run fund": the money is the giver's, not the receiver's.
                subject, uncertain, prop = giver, False, "funding"
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
            polls = quote_rules(knowledge).polls
            people = (
                _people_share(source.text, q, frules, known)
                or _polled_people(source.text, sentence.start, q, frules, known, polls)
                or _respondents_share(
                    source.text, sentence.start, sentence.end, q, polls, knowledge, home
                )
            )
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
            if (
                q.start in elliptic
                and q.unit in owners
                and (subject is None or uncertain or any(m.entity_id == subject for m in cited))
            ):
                # "About 230 have been delivered, according to the ministry": the count
                # before's owner, not who is cited.
                subject, uncertain = owners[q.unit], False
            # What is shot down keeps its owner (the interceptor, or the weapon as some
            # annotators give it); a count launched, supplied or held is an actor's.
            held = (
                q.dimension == "count"
                and not victims
                and not _defends(q, source.text, sentence.end, frules, knowledge)
            )
            if (
                held
                and subject is not None
                and entity_info(knowledge, subject)[0] == "weapon"
                and (
                    holder := weapon_count_owner(
                        source.text,
                        q,
                        end,
                        subject,
                        pool,
                        home,
                        frules,
                        knowledge,
                        sentence.start,
                    )
                )
            ):
                subject, uncertain = holder, False
            if subject is None:
                continue  # the schema needs a subject; a number about nothing named is noise
            if held and entity_info(knowledge, subject)[1] == "military":
                # "Ukraine's air force fired 12 missiles": what a country's forces launch is
                # the country's, as its government's pledges are (ANNOTATING.md); what they
                # shoot down stays theirs, the interceptor's.
                subject = body_country(subject, entity_rules(knowledge)) or subject
            if prop == "funding":
                # "The Dutch government pledged €420m": the Netherlands' aid, as "Berlin
                # pledged" is Germany's (ANNOTATING.md).
                subject = _country_of_government(subject, knowledge)
            if (
                prop == "amount"
                and _PRICE_FOR.match(source.text, q.end)
                and entity_info(knowledge, subject)[0] == "weapon"
            ):
                prop = "cost"  # "some 30 million kroner for Kongsberg's Fenrir": its price
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
