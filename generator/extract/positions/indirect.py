"""Stances a holder gets without a cue in a sentence of their own: the person a writer's
lead-in introduces (`_lead_in`), an actor whose announced reaction the next sentence tells
(`_reactions`), and support shown by use, a strike with a weapon (`_record_use`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from ...sources import Source
from ..entities import EntityScan
from ..entitycues import entity_rules
from ..holders import AUX_GAP, is_actor, subject_before
from ..knowledge import Knowledge
from ..quotes import QuoteFound, Speech
from ..sentences import Sentence
from ..stanceframes import Frames
from ..usereports import USE_STANCE, country_of, use_rules
from .evidence import Evidence, _as_of
from .summaries import _summary


def _lead_in(
    text: str,
    sentence: Sentence,
    following: Sentence | None,
    scan: EntityScan,
    quotes: list[QuoteFound],
    events: list[Speech],
    frames: Frames,
) -> str | None:
    """The person a writer's lead-in introduces: "Not everyone is convinced the change
    will matter. Agnieszka Wrobel, who follows ..., said ..." gives Wrobel the doubt. The
    sentence opens on a group nobody names (`stance_frames.lead_in`); the holder is the
    first speaker of the next sentence in the same paragraph, when a person."""
    if (
        frames.lead_in is None
        or following is None
        or following.paragraph != sentence.paragraph
        or not frames.lead_in.match(text, sentence.start)
    ):
        return None
    spoken = [(q.start, q.speaker) for q in quotes if following.start <= q.start < following.end]
    spoken += [(ev.start, ev.speaker) for ev in events if ev.sentence == following]
    first = min(((at, who) for at, who in spoken if who), default=None)
    entity = scan.entity(first[1]) if first is not None else None
    return first[1] if first is not None and entity is not None and entity.is_person else None


def _record_use(
    source: Source,
    sentence: Sentence,
    used: tuple[int, str | None],
    scan: EntityScan,
    quotes: list[QuoteFound],
    spoken: list[Speech],
    knowledge: Knowledge,
    grouped: dict[tuple[str, str], Evidence],
    summaries: dict[tuple[str, str], str],
) -> None:
    """Support shown by use (`usereports`) in a sentence that names a weapon: who strikes
    (the verb's subject, unless a person) and who reports the strike, when no body of the
    target country."""
    pos, target = used
    # Whose words report the strike: the claim holding it, else a speech verb before it.
    holders = [q.speaker for q in quotes if q.start <= pos < q.end and q.speaker] or [
        ev.speaker for ev in spoken if ev.speaker and ev.end <= pos
    ]
    # A think tank or a company counting strikes ("according to a tally by the Centre for
    # Defence Strategies") reports them, it takes no side by it.
    holders = [h for h in holders if (e := scan.entity(h)) is None or e.category != "organisation"]
    # Who strikes: the verb's subject ("Ukraine fired ..."), unless a person ("Pilot X
    # fired" reports what someone did, not where a party stands).
    subject = subject_before(source.text, sentence, scan, quotes, sentence.start - 1, pos, AUX_GAP)
    if (
        subject is not None
        and (e := scan.entity(subject[0])) is not None
        and e.kind == "actor"
        and not e.is_person
    ):
        holders.append(subject[0])
        if e.category == "military":
            # "Ukraine's Defense Forces struck": the country's armed forces are the country.
            country = country_of(subject[0], knowledge)
            if (c := knowledge.entities.get(country)) is not None and c.category == "country":
                holders.append(country)
    elif striker := (
        _forces_striker(source.text, sentence, pos, scan, quotes, holders, knowledge)
        or _armed_with(source.text, sentence, pos, scan, knowledge)
    ):
        holders.append(striker)
    for who in dict.fromkeys(holders):
        key = (who, USE_STANCE)
        if (
            not is_actor(scan, who)
            or country_of(who, knowledge) == target
            or any(s is sentence for s, _d in grouped.get(key, []))
        ):
            continue
        grouped.setdefault(key, []).append((sentence, _as_of(source.text, sentence, source)))
        summaries.setdefault(key, _summary(source.text, sentence, pos, None, quotes, spoken))


def _forces_striker(
    text: str,
    sentence: Sentence,
    pos: int,
    scan: EntityScan,
    quotes: list[QuoteFound],
    reporters: list[str],
    knowledge: Knowledge,
) -> str | None:
    """The country whose armed men strike: named before them ("Ukrainian forces struck",
    "Kyiv's forces hit": Ukraine, as ANNOTATING.md counts a country's troops) or, after
    "its"/"their", the country of the body reporting the strike ("the General Staff said
    its forces struck": Ukraine)."""
    rules = use_rules(knowledge)
    if rules is None or rules.forces is None:
        return None
    gap = _forces_gap(rules.forces.pattern)
    named = subject_before(text, sentence, scan, quotes, sentence.start - 1, pos, gap)
    if named is not None:
        return country_of(named[0], knowledge)
    pronoun = _THEIR.search(text, max(sentence.start, pos - 60), pos)
    if pronoun is None or not gap.fullmatch(text, pronoun.end(), pos):
        return None
    bodies = [r for r in reporters if (e := scan.entity(r)) is not None and not e.is_person]
    return country_of(bodies[0], knowledge) if bodies else None


_THEIR = re.compile(r"\b(?:its|their)(?=\s)")
# Between a weapon named as the striker and the verb: a plural "s" and auxiliaries.
_WEAPON_GAP = re.compile(r"s?" + AUX_GAP.pattern)


def _armed_with(
    text: str, sentence: Sentence, pos: int, scan: EntityScan, knowledge: Knowledge
) -> str | None:
    """The country whose weapons strike, named by its demonym right before them ("two
    Ukrainian F-16s fired four missiles at the air base": Ukraine)."""
    weapon = next(
        (
            m
            for m in scan.mentions
            if sentence.start <= m.start
            and m.end <= pos
            and (e := scan.entity(m.entity_id)) is not None
            and e.kind == "weapon"
            and _WEAPON_GAP.fullmatch(text, m.end, pos)
        ),
        None,
    )
    if weapon is None:
        return None
    before = _LAST_WORD.search(text, sentence.start, weapon.start)
    country = entity_rules(knowledge).demonym_of.get(before.group(1)) if before else None
    return country if country in knowledge.entities else None


_LAST_WORD = re.compile(r"(\S+)\s$")


@lru_cache(maxsize=8)
def _forces_gap(forces: str) -> re.Pattern[str]:
    """Between a striker's name (or "its") and the strike verb: a noun of armed men
    (lexicon `force_nouns`) and auxiliaries; compiled once per lexicon's pattern."""
    return re.compile(forces + AUX_GAP.pattern)


def _reactions(
    source: Source,
    sentences: list[Sentence],
    scan: EntityScan,
    frames: Frames,
    grouped: dict[tuple[str, str], Evidence],
    summaries: dict[tuple[str, str], str],
) -> None:
    """Give an actor whose reaction a sentence announces ("Moscow's reaction was swift.")
    the stances of the next sentence in its paragraph, which tells that reaction."""
    if frames.reaction is None:
        return
    text = source.text
    opening = {m.start: m for m in scan.mentions}
    for sentence, following in pairwise(sentences):
        m = opening.get(sentence.start) or (
            opening.get(sentence.start + 4) if text.startswith("The ", sentence.start) else None
        )
        if (
            m is None
            or following.paragraph != sentence.paragraph
            or not frames.reaction.match(text, m.end, sentence.end)
            or (entity := scan.entity(m.entity_id)) is None
            or entity.is_person
        ):
            continue
        # Each stance the next sentence gives, with the words of its first holder there.
        told: dict[str, str] = {}
        for (holder, stance), evidence in grouped.items():
            if stance not in told and any(s is following for s, _d in evidence):
                told[stance] = summaries[(holder, stance)]
        for stance in sorted(told):
            key = (m.entity_id, stance)
            if key not in grouped:
                as_of = _as_of(text, following, source)
                grouped[key] = [(sentence, as_of), (following, as_of)]
                summaries[key] = told[stance]
