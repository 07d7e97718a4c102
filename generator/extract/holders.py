"""Who holds a stance: the names of a sentence and the grammar around them.

The actors named before a cue, which of them act (not a name qualifying a noun, after a
preposition, or in a relative clause describing someone else: "Britain and France, which
build the missile through MBDA, lifted the limits"), the subject right before a cue, and
names joined by "and" ("Germany and Italy had backed the idea"), which share their verb.
Grammar words only; the domain's words are in the lexicon.
"""

from __future__ import annotations

import re
from typing import Any

from .entities import EntityScan
from .factbits import per_lexicon
from .knowledge import DAY_BETWEEN, Knowledge
from .quotes import PREPOSITION_BEFORE, QuoteFound, Speech
from .sentences import Sentence
from .stanceframes import Frames

# A non-restrictive relative clause opening after a comma.
_RELATIVE = re.compile(r",\s+(?:which|who|whose)\s")
_COMMA = re.compile(r",[\"”’]?\s")  # (a quotation may close with the clause)
_AND = re.compile(r"\s+and\s+(?:the\s+)?$")


def in_relative_clause(text: str, lo: int, at: int, cue: int) -> bool:
    """Whether the name at `at` lies in a relative clause (', which ...,') that opens after
    `lo` and closes with a comma before the cue at `cue`: it qualifies the clause's
    antecedent, it is not the subject of the verb holding the cue."""
    opened = [m for m in _RELATIVE.finditer(text, lo, at)]
    if not opened:
        return False
    # The clause must still be open at the name (no comma between its start and the name
    # other than ones of an apposition inside it) and closed before the cue.
    return _COMMA.search(text, at, cue) is not None


def coordinated(text: str, at: int, mentions: list[tuple[str, int, int]]) -> tuple[str, int] | None:
    """(entity, offset) of the name joined by "and" right before the name at `at`
    ("Germany and Italy": Germany for Italy), from (entity, start, end) `mentions`."""
    for entity, start, end in mentions:
        if end < at and _AND.fullmatch(text, end, at):
            return entity, start
    return None


Stated = list[tuple[tuple[str, int | None], str, int]]  # ((actor, named at), stance, cue)
_LISTED = re.compile(r",\s+(?:the\s+)?")  # "Germany, the Netherlands and Sweden"


def partners(text: str, sentence: Sentence, scan: EntityScan, stated: Stated) -> Stated:
    """More holders: a name joined by "and" to a holder's ("Britain and France lifted the
    limits") shares its verb, so its stance; so does one that did the same ("..., as did
    Lega")."""
    names = [
        (m.entity_id, m.start, m.end)
        for m in scan.mentions
        if sentence.start <= m.start < sentence.end and is_actor(scan, m.entity_id)
    ]
    held = {actor for (actor, _n), _s, _p in stated}
    out: Stated = []
    for (actor, named_at), stance, pos in stated:
        if named_at is None:
            # A speaker found by the speech verb ("Germany and the Netherlands have said
            # that ..."): where the sentence names it last before the cue.
            named_at = max((s for e, s, _e in names if e == actor and s < pos), default=None)
        if named_at is not None:
            out += [(p, stance, pos) for p in _listed_with(text, named_at, names, held)]
        for actor, start, end in names:
            if start <= pos or actor in held:
                continue
            if _AS_DID.search(text, max(pos, start - 20), start):
                # "The Five Star Movement voted against, as did Lega": Lega did the same.
                held.add(actor)
                out.append(((actor, start), stance, pos))
            elif _FOLLOWED.match(text, end):
                # "The United States cleared strikes in July, and France, Germany, Italy and
                # Canada have since followed": the list did the same.
                held.add(actor)
                out.append(((actor, start), stance, pos))
                out += [(p, stance, pos) for p in _listed_with(text, start, names, held)]
    return out


def _listed_with(
    text: str, named_at: int, names: list[tuple[str, int, int]], held: set[str]
) -> list[tuple[str, int]]:
    """The names joined by "and" to the one at `named_at` and the names of the list
    before them ("Berlin, London and Paris"), not yet `held` (which they join)."""
    out = []
    partner = coordinated(text, named_at, names)
    while partner and partner[0] not in held:
        held.add(partner[0])
        out.append(partner)
        partner = next(
            (
                (e, s)
                for e, s, end in names
                if end < partner[1] and _LISTED.fullmatch(text, end, partner[1])
            ),
            None,
        )
    return out


_FOLLOWED = re.compile(
    r"\s+(?:have|has|had)\s+(?:since\s+|also\s+|now\s+|quickly\s+|all\s+)?followed"
    r"(?:\s+suit)?\b(?!\s+(?:by|the|a|an|its|their|his|her)\b)"
)
_AS_DID = re.compile(r",\s+as\s+(?:did|does|do|has|have|had|were|was|is|are)\s+(?:the\s+)?$")


def is_actor(scan: EntityScan, entity_id: str) -> bool:
    entity = scan.entity(entity_id)
    return entity is not None and entity.kind == "actor" and entity.category != "media"


def actors_before(
    text: str, sentence: Sentence, scan: EntityScan, quotes: list[QuoteFound], until: int
) -> list[tuple[str, int]]:
    """(entity id, offset) of the actors named in the sentence before `until`, outside
    direct quotes, news outlets aside."""
    direct: list[tuple[int, int]] | None = None  # the quotes' spans, once an actor is named
    out = []
    for m in scan.mentions:
        if not (sentence.start <= m.start and m.end <= until):
            continue  # tested first: most of the article's mentions are elsewhere
        entity = scan.entity(m.entity_id)
        if entity is None:
            continue
        if entity.kind == "actor" and entity.category != "media":
            if direct is None:
                direct = [(q.start, q.end) for q in quotes if q.kind == "direct"]
            if not any(s <= m.start < e for s, e in direct):
                out.append((m.entity_id, m.start))
    if not out:
        return out  # no actor: no possessor to set aside
    # "the Social Democrats, Merz's coalition partner, oppose": a possessor qualifies a
    # noun; it is the actor only when nobody else is named.
    owners = {start for start, _end in possessives(text, sentence, scan, until)}
    plain = [a for a in out if a[1] not in owners]
    return plain or out


def possessives(
    text: str, sentence: Sentence, scan: EntityScan, until: int
) -> list[tuple[int, int]]:
    return [
        (m.start, m.end)
        for m in scan.mentions
        if sentence.start <= m.start < until and text[m.end : m.end + 2] in ("'s", "\u2019s")
    ]


# A decision and its owner before a cue ("Germany's decision to allow", "Oslo's move to
# lift", "Norway's decision to let": a cue that starts with its "to"; "Washington's
# decision in March to lift"): the owner holds the cue's stance, whoever the clause's
# subject is.
_DECISION = re.compile(
    r"['’]s (?:[\w-]+ ){0,2}?(?:decision|move|plan|choice|readiness|willingness|offer|step)"
    r"(?: (?:in|on|last|this) [A-Z]?[\w.]+(?: \d{1,2})?)? (?:not )?(?:to )?$"
)


# ... or after it ("monitoring a decision by the United States to let Ukraine use"): the
# words before the owner's name, and between it and the cue.
_DECISION_BY = re.compile(
    r"\b(?:decision|move|plan|choice|readiness|willingness|offer|step) (?:by|of|from) (?:the )?$"
)
_TO_CUE = re.compile(r" (?:not )?(?:to )?$")


def decided_by(text: str, sentence: Sentence, scan: EntityScan, cue: int) -> tuple[str, int] | None:
    """(actor, where named) whose decision the cue at `cue` is ("welcomed Germany's
    decision to allow ...": Germany's; "a decision by the United States to let ...")."""
    m = _DECISION.search(text, max(sentence.start, cue - 60), cue)
    if m is None:
        return _decided_after(text, sentence, scan, cue)
    owner = next((x for x in scan.mentions if x.end == m.start()), None)
    if owner is None or not is_actor(scan, owner.entity_id):
        return None
    return owner.entity_id, owner.start


def _decided_after(
    text: str, sentence: Sentence, scan: EntityScan, cue: int
) -> tuple[str, int] | None:
    """The owner named after its decision, right before the cue ("a decision by the
    United States to let")."""
    for x in scan.mentions:
        if (
            max(sentence.start, cue - 60) <= x.start
            and x.end <= cue
            and _TO_CUE.match(text[x.end : cue])
            and _DECISION_BY.search(text, max(sentence.start, x.start - 40), x.start)
            and is_actor(scan, x.entity_id)
        ):
            return x.entity_id, x.start
    return None


FIRST_WORD = re.compile(r"[A-Za-z]+\b")
_FIRST_WORDS = re.compile(r"[A-Za-z]+\b(?:\s+[A-Za-z]+\b){0,2}")


# A name qualifying a noun that a preposition follows ("U.S. and British deliberations
# over", "German debate on"): the name is no clause subject, so it holds no stance. The
# noun is a lower-case word that is neither a verb in -ed nor an auxiliary.
_MODIFIED = re.compile(
    r"(?:\s+and\s+[A-Z][\w.-]*)?\s+(?!(?:has|have|had|is|was|are|were|will|would|could|"
    r"should|must|may|might|can|did|does|do|not|also|again)\s)([a-z]+)(?<!ed)(?<!ly)\s+"
    r"(?:over|on|about|of|into|regarding|concerning|around)\s"
)


# A name before a noun of its members ("the sixth NATO member to lift", "EU states"): the
# members act, not the body that names them.
_MEMBERS = re.compile(
    r"\s+(?:member|members|member states?|ally|allies|partner|partners|country|countries|"
    r"state|states|nation|nations|capital|capitals)\b"
)


def is_modifier(text: str, start: int, scan: EntityScan, knowledge: Knowledge) -> bool:
    """Whether the mention at `start` qualifies a noun rather than acting ("Britain said
    on Monday" acts: a speech verb is no noun)."""
    mention = next((m for m in scan.mentions if m.start == start), None)
    if mention is None:
        return False
    # A name right before another ("Biden's Ukraine ATACMS green light"): a noun adjunct.
    after = mention.end
    while after < len(text) and text[after] == " ":
        after += 1
    if after > mention.end and any(m.start == after for m in scan.mentions):
        return True
    if _MEMBERS.match(text, mention.end):
        return True
    # A compound before a noun ("US-designed missiles", "Australian-funded weapons").
    if text.startswith("-", mention.end) and text[mention.end + 1 : mention.end + 2].islower():
        return True
    if (m := _MODIFIED.match(text, mention.end)) is None:
        return False
    verb = knowledge.speech_verb
    return verb is None or verb.fullmatch(m.group(1)) is None


def _speech_gap(data: dict[str, Any]) -> re.Pattern[str]:
    verbs = sorted({str(v) for v in data.get("speech_verbs") or []}, key=lambda v: (-len(v), v))
    return re.compile(
        AUX_GAP.pattern
        + rf"(?:{'|'.join(re.escape(v) for v in verbs)})\s+(?:(?:of|about|with|an?|the)\s+){{0,2}}"
        + r"[\"“«„‘']?\s*"
    )


# Between a subject and a cue: a verb of speech and what opens its words ('Moscow promises
# "countermeasures"', "the National Rally speaks of an «escalation»").
speech_gap = per_lexicon(_speech_gap)


def subject_before(
    text: str,
    sentence: Sentence,
    scan: EntityScan,
    quotes: list[QuoteFound],
    after: int,
    cue: int,
    gap_rule: re.Pattern[str] | None = None,
) -> tuple[str, int | None] | None:
    """The actor named after `after` and at most one word before the cue at `cue` (its
    subject: "Scholz refused", "Scholz had refused"), outside quotation marks."""
    if any(q.kind == "direct" and q.start <= cue < q.end for q in quotes):
        return None
    named = [a for a in actors_before(text, sentence, scan, quotes, cue) if a[1] > after]
    if not named:
        return None
    actor, start = named[-1]
    if after_preposition(text, start, sentence):
        return None  # "strikes inside Russia would save lives": Russia is no subject
    mention = next(m for m in scan.mentions if m.start == start)
    gap = text[mention.end : cue]
    if not (gap_rule or SUBJECT_GAP).fullmatch(gap):
        return None
    return actor, start


def reported(at: int | None, sentence: Sentence, events: list[Speech]) -> bool:
    """Whether the name at `at` comes after a verb of speech of the sentence: it lies in
    the words someone is reported to have said ("Peskov said Moscow would respond")."""
    return at is not None and any(
        ev.sentence == sentence and ev.end <= at and ev.speaker for ev in events
    )


def addressed(text: str, at: int | None, cue: int, frames: Frames) -> bool:
    """Whether the clause subject named at `at` is told what to do or what it needs
    ("Kyiv needed to be able to hit", "the bloc should drop the limits"): a modal of
    need or duty between it and the cue's first words (lexicon `stance_frames.addressee`)
    makes it the one the stance is about, not one who holds it."""
    if at is None or frames.addressee is None:
        return False
    # Up to the cue's third word: "was free to hit" lets with its second and third.
    words = _FIRST_WORDS.match(text, cue)
    return frames.addressee.search(text, at, words.end() if words else cue) is not None


def after_preposition(text: str, start: int, sentence: Sentence) -> bool:
    """Whether a preposition comes right before the name at `start`."""
    return PREPOSITION_BEFORE.search(text, max(sentence.start, start - 12), start) is not None


# Prepositions of place: a name after one is where something happens.
# A cue in the passive: its subject undergoes the stance, it does not hold it.
PASSIVE = re.compile(r"(?:(?:should|must|could|would|will|can|may|might|to)\s+)?(?:be|been)\s")
SUBJECT_GAP = re.compile(r"\s+(?:[a-z]+\s+)?")
# Between a clause's subject and its verb: auxiliaries and a few adverbs only ("Berlin
# would not send", "Britain has given"), so "make the United States a party" has none.
AUX_GAP = re.compile(
    r"\s+(?:(?:would|will|has|have|had|is|was|are|were|been|could|should|must|may|might|can|"
    r"did|does|do|not|also|now|still|already|never|firmly|again|repeatedly|long|publicly|"
    r"openly|previously|recently|consistently|first|reportedly|"
    # a day between ("The Latvian government on Tuesday approved")
    rf"{DAY_BETWEEN}|(?:this|last)\s+(?:week|month))\s+){{0,3}}"
)
