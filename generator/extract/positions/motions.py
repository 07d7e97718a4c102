"""Votes on a motion whose stance an earlier sentence told: "On Tuesday, a majority rejected a
PVV motion that would have barred Ukraine from using the missiles against targets in Russia.
... Only the PVV, the SP, FvD and the Party for the Animals voted in favor." Those who voted
for it hold the motion's stance, those against the other side's.

`motion_stance` reads the stance of a motion a cue right after its noun describes;
`motion_votes` finds the votes on it in a later sentence: a vote whose object is left out
(`elided_votes`), or backers named after the motion (`backed_by`, `besides`), and who cast
them (`voters`).
"""

from __future__ import annotations

import re

from ..entities import EntityScan
from ..holders import in_relative_clause, is_actor
from ..sentences import Sentence

# A motion's noun right before the cue that says what it would do ("a PVV motion that would
# have barred", "a resolution to keep", "the bill, which would bar").
_MOTION_BEFORE = re.compile(
    r"\b(?:motion|resolution|bill|proposal|amendment|statement|declaration)s?,?\s+"
    # "an amendment by Vazrazhdane that would have required", "a motion from the PVV to"
    r"(?:(?:by|from)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}\s+)?"
    r"(?:(?:that|which)\s+)?(?:(?:would|will|sought\s+to|seeks\s+to|aimed\s+to)\s+)?"
    r"(?:have\s+)?(?:to\s+)?$",
    re.IGNORECASE,
)
# What a motion's cue may look back over, in characters.
_MOTION_REACH = 60
# A motion's relative clause the cue ends, farther back ("an amendment by Vazrazhdane that
# would have required Ukraine to use the weapons bought with Bulgarian money 'exclusively
# on Ukrainian territory'"): the clause must say what the motion would do.
_MOTION_CLAUSE = re.compile(
    r"\b(?:motion|resolution|bill|proposal|amendment)s?,?\s+"
    r"(?:(?:by|from)\s+(?:the\s+)?(?P<owner>[A-Z][\w.-]*(?:\s+[A-Z][\w-]*){0,3})"
    # (the owner's party and state: "a bill by Rep. Lena Haskins, R-Ohio, that would bar")
    r"(?:,\s+[A-Z]{1,2}-[A-Z][\w.]*,)?\s+)?"
    r"(?:that|which)\s+(?:would|will|sought\s+to|seeks\s+to|aimed\s+to)\b[^.;:]*$",
    re.IGNORECASE,
)
_CLAUSE_REACH = 160
# A vote with no object, ending its clause ("voted in favor.", "voted against it;", "voted
# in favour as a bloc."), or a relative clause ("Irina Potapova, who voted against, said").
_ELIDED_VOTE = re.compile(
    r"\b(?:(?P<rel>who)\s+(?:also\s+)?)?vot(?:ed|es|e)\s+(?P<side>for|in\s+favou?r|against)"
    r"(?:\s+it)?(?:\s+(?:as\s+a\s+bloc|en\s+bloc|without\s+exception|unanimously|as\s+well|too))?"
    r"\s*(?:[.;]|,\s+(?:and|while|but)\b|(?(rel),|(?!x)x))",
    re.IGNORECASE,
)
# Sentences after the motion's in which a vote may still be on it; a sentence naming a
# motion again ("The PVV motion, tabled by MP Dennis Hoogland, was rejected") counts them
# afresh.
MOTION_SENTENCES = 4
_NAMED_AGAIN = re.compile(
    r"\b(?:motion|resolution|bill|proposal|amendment|statement|declaration)s?\b", re.IGNORECASE
)
# The other side of a two-sided stance.
OPPOSITE = {"supports": "opposes", "opposes": "supports"}


def motion_stance(text: str, sentence: Sentence, cues: list[tuple[int, str]]) -> str | None:
    """The stance of a motion the sentence describes by a cue right after its noun."""
    for pos, stance in cues:
        if stance in OPPOSITE and (
            _MOTION_BEFORE.search(text, max(sentence.start, pos - _MOTION_REACH), pos)
            or _MOTION_CLAUSE.search(text, max(sentence.start, pos - _CLAUSE_REACH), pos)
        ):
            return stance
    return None


def motion_owner(
    text: str, sentence: Sentence, scan: EntityScan, cue: int
) -> tuple[str, int] | None:
    """(actor, where named) who tabled the motion whose relative clause holds the cue at
    `cue`: "an amendment by Vazrazhdane that would have required Ukraine to use the
    weapons 'exclusively on Ukrainian territory'" is Vazrazhdane's stance, not Ukraine's
    (a name inside the clause is what the motion is about). None for another cue."""
    m = _MOTION_CLAUSE.search(text, max(sentence.start, cue - _CLAUSE_REACH), cue)
    if m is None or m.group("owner") is None:
        return None
    owner = next((x for x in scan.mentions if x.start == m.start("owner")), None)
    if owner is None or not is_actor(scan, owner.entity_id):
        return None
    return owner.entity_id, owner.start


def names_motion(text: str, sentence: Sentence) -> bool:
    """Whether the sentence names a motion (again)."""
    return _NAMED_AGAIN.search(text, sentence.start, sentence.end) is not None


# The motion's backers after it, in the passive ("the statement was backed by SF, the Social
# Liberals and LA"), or a tally's side and where its votes came from ("The 17 votes against
# came from DF, the Citizens' Party and one independent").
_BACKED_BY = re.compile(
    r"\b(?:was|were)\s+(?:also\s+)?(?P<side>backed|supported|approved|endorsed|opposed)\s+by\b"
    r"|\bvotes\s+(?P<tally>for|in\s+favou?r|against)(?:\s+it)?\s+came\s+from\b",
    re.IGNORECASE,
)
# Where the names after "by" stop: a clause about the last of them ("..., whose defence
# spokesperson said").
_CLAUSE_AFTER = re.compile(r",\s+(?:whose|who|which|where|while|but)\b|[;:]")
# Backers listed before the passive ("Besides the Social Democrats, Venstre and the
# Moderates, the statement was backed by ...").
_BESIDES = re.compile(
    r"(?:Besides|Apart from|Along with|As well as|Alongside)\b[^,]*(?:,[^,]*)*?,\s+"
)


def elided_votes(text: str, sentence: Sentence) -> list[tuple[int, int, bool]]:
    """(where, where it ends, whether against) of each vote in the sentence whose object is
    left out: "The PVV and SP voted in favour, while D66 and Volt voted against." has two."""
    return [
        (vote.start(), vote.end(), vote.group("side").casefold() == "against")
        for vote in _ELIDED_VOTE.finditer(text, sentence.start, sentence.end)
    ]


def backed_by(text: str, sentence: Sentence) -> tuple[int, int, bool] | None:
    """(where the backers' names start and stop, whether against) of a motion's backers
    named after it ("was backed by ...", "votes against came from ...")."""
    found = _BACKED_BY.search(text, sentence.start, sentence.end)
    if found is None:
        return None
    side = (found.group("side") or found.group("tally") or "").casefold()
    stop = _CLAUSE_AFTER.search(text, found.end(), sentence.end)
    return found.end(), stop.start() if stop else sentence.end, side in ("opposed", "against")


def besides(text: str, sentence: Sentence, until: int) -> int | None:
    """Where a list of backers opening the sentence ("Besides X, Y and Z, ...") ends."""
    found = _BESIDES.match(text, sentence.start, until)
    return found.end() if found else None


# An apposition's article right before a name: it says what the actor before it is.
_APPOSITION = re.compile(r",\s+(?:a|an)\s+(?:[\w-]+\s+)?$")


def voters(
    text: str, scan: EntityScan, sentence: Sentence, pos: int, start: int | None = None
) -> list[tuple[str, int]]:
    """(actor, where named) of each actor the sentence names between `start` (its own
    start by default) and the vote at `pos`."""
    lo = sentence.start if start is None else start
    out: dict[str, int] = {}
    for m in scan.mentions:
        if (
            lo <= m.start
            and m.end <= pos
            and is_actor(scan, m.entity_id)
            # "The Social Democrats, who argued the choice was "a matter for Kyiv," voted
            # in favour": a name in a relative clause before the vote did not vote.
            and not in_relative_clause(text, lo, m.start, pos)
            # "The Homeland Union's Vilma Petrauskienė, who voted in favour": she did.
            and not text.startswith(("'s ", "\u2019s "), m.end)
            # "Rep. Daniel Carrillo, a Democrat whose district ...": what the one before is.
            and not _APPOSITION.search(text, max(lo, m.start - 30), m.start)
        ):
            out.setdefault(m.entity_id, m.start)
    return list(out.items())


def motion_votes(
    text: str, sentence: Sentence, scan: EntityScan, stance: str
) -> list[tuple[list[tuple[str, int]], int, str]]:
    """(voters and where each is named, where the vote is, their stance) of each vote the
    sentence tells on a motion of `stance`: "Only the PVV, the SP and FvD voted in favor.",
    "the statement was backed by SF and LA"; against it, the other side's. Each of two votes
    in one sentence has the names between the one before and it ("X and Y voted in favour,
    while Z voted against"). Empty when the sentence tells no such vote."""
    groups: list[tuple[list[tuple[str, int]], int, bool]] = []
    lo = sentence.start
    for at, end, against in elided_votes(text, sentence):
        groups.append((voters(text, scan, sentence, at, lo), at, against))
        lo = end
    if not groups:
        backers = backed_by(text, sentence)
        if backers is None:
            return []
        lo, at, against = backers
        listed = besides(text, sentence, lo)
        voted = voters(text, scan, sentence, at, lo) + (
            voters(text, scan, sentence, listed) if listed is not None else []
        )
        groups.append((voted, at, against))
    out = []
    for voted, at, against in groups:
        side = OPPOSITE.get(stance) if against else stance
        if side is not None:
            out.append((voted, at, side))
    return out
