"""Parties named by a run of capitalised words before a lower-case "party" ("the premier's
Brothers of Italy party", "the ruling Fidesz party"), or as a person's affiliation ("Mārtiņš
Strautnieks (New Unity)", "Stability! deputy Artjoms Beļajevs"): names with no organisation
head noun of their own, which `organisations` cannot see.
"""

from __future__ import annotations

import re
from typing import Any

from ..factbits import per_knowledge, per_lexicon
from ..knowledge import Knowledge
from .candidate import Candidate
from .words import UPPER, _blocked

# Up to four capitalised words (with "of", "and", "the" between), then " party".
_PARTY = re.compile(
    rf"(?<![\w'’-])(?P<name>[{UPPER}][\w’'.-]*(?:\s+(?:(?:of|for|and|the)\s+)?[{UPPER}][\w’'.-]*){{0,3}})"
    r"\s+party\b"
)
_POSSESSIVE = re.compile(r"['’]s$")


def _parties(text: str, start: int, end: int, k: Knowledge, lower: str) -> list[Candidate]:
    """Parties of `text[start:end]` named before a lower-case "party"."""
    if " party" not in lower:
        return []
    found: list[Candidate] = []
    for m in _PARTY.finditer(text, start, end):
        words = m.group("name").split()
        # "Meloni's Brothers of Italy party": the owner is no part of the name.
        owned = [i for i, w in enumerate(words) if _POSSESSIVE.search(w)]
        if owned:
            words = words[owned[-1] + 1 :]
        while words and _blocked(words[0], k):
            words = words[1:]  # "The Fidesz party" opening a sentence
        if not words or words[0][:1].islower() or any(_blocked(w, k) for w in words[-1:]):
            continue
        name = " ".join(words)
        known = k.lookup(name)
        if known is not None and k.entities[known].category != "organisation":
            continue  # "the Ukraine party" is no party's name
        at = m.start("name") + m.group("name").rfind(name)
        found.append(Candidate("actor", "organisation", name, [(at, at + len(name))]))
    return found


# A party named in brackets after a person ("Defence Minister Mārtiņš Strautnieks (New
# Unity) told deputies"): words opening on a capital, not an acronym alone (`acronyms`).
_AFFILIATION = re.compile(
    rf"(?<![\w’'-])(?P<person>[{UPPER}][a-z\u00df-\u024f]+(?:-[{UPPER}][a-z\u00df-\u024f]+)?\s+"
    rf"[{UPPER}][a-z\u00df-\u024f’'-]+)\s+"
    rf"\((?P<name>[{UPPER}][\w’'!.]*[a-z!][\w’'!.]*(?:\s+[{UPPER}][\w’'!.]*){{0,3}})\)"
)
# What a person's name cannot follow: the words of a body's ("the Institute of").
_OF_BEFORE = re.compile(r"\b(?:of|for|the)\s+$")


def _party_members(text: str, start: int, end: int, k: Knowledge) -> list[Candidate]:
    """Parties of `text[start:end]` named as a person's affiliation: in brackets after the
    person, or before a member's role and the person's name ("Stability! deputy Artjoms
    Beļajevs"; lexicon `party_members`)."""
    found: list[Candidate] = []
    spans: list[tuple[int, str]] = []
    if "(" in text[start:end]:
        spans += [
            (m.start("name"), m.group("name"))
            for m in _AFFILIATION.finditer(text, start, end)
            if not any(w in k.organisation_heads for w in m.group("person").split())
            and not _OF_BEFORE.search(text, max(start, m.start() - 8), m.start())
            # "The Pirates (Piráti)": a body's name in its own language (`acronyms`)
            and not m.group("person").startswith("The ")
        ]
    members, stop, gate = _member_roles(k)
    if members is not None and gate is not None and gate.search(text, start, end):
        spans += [(m.start("name"), m.group("name")) for m in members.finditer(text, start, end)]
    for at, raw in spans:
        words = raw.split()
        while words and _blocked(words[0], k):
            at = text.index(words[1], at) if len(words) > 1 else at
            words = words[1:]
        if not words or any(_blocked(w, k) or w.casefold() in stop for w in words):
            continue
        # "Stability!": the mark is no part of the name a later mention is matched by.
        name = " ".join(words).rstrip("!")
        if k.lookup(name) is not None:
            continue  # known already; "(Ukraine)", "Kremlin spokesman" are no parties
        found.append(Candidate("actor", "organisation", name, [(at, at + len(name))]))
    return found


def _build_members(
    data: dict[str, Any],
) -> tuple[re.Pattern[str] | None, frozenset[str], re.Pattern[str] | None]:
    """The pattern of a party before a member's role, the words that name no party, and a
    plain search for the roles alone (most sentences hold none: the pattern, opening on
    any capital, is tried only where one is)."""
    raw = data.get("party_members") or {}
    roles = [str(r) for r in raw.get("roles") or []]
    stop = frozenset(str(w).casefold() for w in raw.get("not_parties") or [])
    if not roles:
        return None, stop, None
    alternation = "|".join(re.escape(r) for r in sorted(roles, key=lambda r: (-len(r), r)))
    return (
        re.compile(
            rf"(?<![\w'’.-])(?P<name>[{UPPER}][\w’'!-]*(?:\s+[{UPPER}][\w’'!-]*){{0,2}})\s+"
            rf"(?:{alternation})\s+(?=[{UPPER}][a-z])"
        ),
        stop,
        re.compile(rf"\s(?:{alternation})\s"),
    )


_member_roles = per_lexicon(_build_members)


# Where a run of capitals (`discovery._CAP_RUN`) is cut into the names of a list, and what
# may join two names of one ("KDH and Slovensko", "VVD, D66", "Volt, and the SGP").
_AND_INSIDE = re.compile(r"\s+and\s+")
_LIST_JOINT = re.compile(r"(?:,\s+(?:and\s+)?|\s+and\s+)(?:the\s+)?")


def _listed_parties(
    runs: list[re.Match[str]], text: str, k: Knowledge, lower: str
) -> list[Candidate]:
    """Parties named in a list beside a known one: "Progressive Slovakia, SaS, KDH and
    Slovensko voted for the bill". Only one-word names are taken (a longer unknown one may
    be a person's), and only in a list joined by "and" that names a known party (the
    lexicon's `party_members.description`)."""
    if " and " not in lower or not runs:
        return []
    description = (lexicon_party(k) or "").casefold()
    parties = _party_names(k)
    if not parties or not any(
        piece.removeprefix("The ") in parties  # "The PVV, SP and FvD voted"
        for run in runs
        for piece in _AND_INSIDE.split(run.group())
    ):
        return []  # most sentences name no known party: no list is built
    # The names of the list, each (start, end, joined by "and" to the one before).
    names: list[tuple[int, int, bool]] = []
    for run in runs:
        lo = run.start()
        for m in [*_AND_INSIDE.finditer(text, run.start(), run.end()), None]:
            hi = m.start() if m is not None else run.end()
            names.append((lo, hi, lo != run.start()))
            if m is not None:
                lo = m.end()
    found: list[Candidate] = []
    i = 0
    while i < len(names):
        j, joined = i, False
        while j + 1 < len(names):
            nxt = names[j + 1]
            if nxt[2]:
                joined = True
            elif (gap := _LIST_JOINT.fullmatch(text, names[j][1], nxt[0])) is not None:
                joined = joined or "and" in gap.group()
            else:
                break
            j += 1
        if joined:
            found += _unknown_beside_party(text, names[i : j + 1], k, description)
        i = j + 1
    return found


def _build_party_names(k: Knowledge) -> frozenset[str]:
    """The names and aliases, as written, of the known entities with the party description
    (lexicon `party_members.description`)."""
    description = (lexicon_party(k) or "").casefold()
    return frozenset(
        name
        for e in k.entities.values()
        if description and (e.description or "").casefold() == description
        for name in (e.name, *e.aliases)
    )


_party_names = per_knowledge(_build_party_names)


def _unknown_beside_party(
    text: str, names: list[tuple[int, int, bool]], k: Knowledge, description: str
) -> list[Candidate]:
    """The one-word unknown names of a list that names a known party."""
    unknown: list[tuple[int, int]] = []
    party = False
    for lo, hi, _joined in names:
        words = text[lo:hi].split()
        while words and _blocked(words[0], k):
            lo = text.index(words[1], lo) if len(words) > 1 else hi
            words = words[1:]
        if not words:
            continue
        known = k.lookup(" ".join(words))
        if known is not None:
            party = party or (k.entities[known].description or "").casefold() == description
        elif (
            len(words) == 1
            and words[0].rstrip(".").isalnum()
            and words[0].casefold() not in _member_roles(k)[1]  # "Union and Greens"
        ):
            unknown.append((lo, lo + len(words[0].rstrip("."))))
    if not party:
        return []
    return [Candidate("actor", "organisation", text[a:b], [(a, b)]) for a, b in unknown]


def _party_description(data: dict[str, Any]) -> str | None:
    raw = data.get("party_members") or {}
    return str(raw["description"]) if raw.get("description") else None


lexicon_party = per_lexicon(_party_description)
