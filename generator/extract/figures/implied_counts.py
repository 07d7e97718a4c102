"""Counts whose noun is not written beside the number: a weapon the article names, in the
plural ("16 Arbalests were launched": missiles), and a bare number that leaves its noun to
the sentence before ("Australia ordered 600 Bunyips. About 230 have been delivered"). Each
is read as "<number> <noun>" would be (`_count_before`)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ..factbits import entity_info
from ..quantities import Quantity, find_quantities

# A number written in words, as a bare count may be ("six of them"); not "one", which is
# as often no count ("one of them hit a house").
_WORDS = (
    "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty"
    "|fifty|sixty|seventy|eighty|ninety"
)
_NUMBER = rf"\d[\d,]*|(?i:{_WORDS})"
# A bare number (a hedge may stand before it) whose noun is left to what came before:
# right before an auxiliary verb ("About 230 have been delivered"), before "of them",
# before a rate ("about 140 a month") or a generic counter ("60 pieces").
_BARE = re.compile(
    rf"(?<![\w.,$\u20ac\u00a3%/-])(?P<n>{_NUMBER})(?="
    r"\s+(?:have|has|had|were|was|are|is|will|shall)\b"
    r"|\s+of\s+them\b"
    r"|\s+(?:a|per|each|every)\s+(?:day|week|month|year)\b"
    r"|\s+(?:pieces|units)\b)"
)
# "will send another 36 before the end of March", "further 60 shall be delivered", "about
# 140 a month, up from 120 in October".
_FURTHER = re.compile(
    rf"\b(?i:another|other|further|more|additional|up\s+from|down\s+from)\s+(?P<n>{_NUMBER})(?="
    r"\s+(?:before|by|until|till|in|this|next|later|over|during|shall|will|would|are|were|to)\b"
    r"|\s*[,.;])"
)


def _count_before(text: str, lo: int, at: int, noun: str, rules: Any) -> Quantity | None:
    """The count `text[lo:at]` ends on when `noun` is written right after it ("About 230"
    and "drones"), as `find_quantities` reads it; None when it ends on no count."""
    start = max(lo, at - 30)
    probe = f"{text[start:at]}{noun}"
    counted = [q for q in find_quantities(probe, rules, start) if q.skip is None]
    last = counted[-1] if counted else None
    if last is None or last.end != start + len(probe) or last.dimension != "count":
        return None
    return last


# Where the article writes its weapon names (start, end with a plural "s", name), and the
# counted noun of each name.
WeaponNames = tuple[list[tuple[int, int, str]], dict[str, Any]]


def _word_char(text: str, i: int) -> bool:
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] in "_-")


def weapon_names(
    text: str, mentions: list[Any], knowledge: Any, nouns: dict[str, Any]
) -> WeaponNames | None:
    """Every place the article writes one of its weapon names, with an optional plural
    "s", leftmost first and the longest name where two start together, and the noun of
    each name; None when the article names no weapon of a counted category. Searched
    with `str.find`: a pattern of the names would be compiled anew for every article."""
    named: dict[str, Any] = {}
    for m in mentions:
        kind, category = entity_info(knowledge, m.entity_id)
        noun = nouns.get(str(category or "").casefold()) if kind == "weapon" else None
        written = text[m.start : m.end]
        if noun is not None and len(written) >= 3:
            named.setdefault(written, noun)
    if not named:
        return None
    found: list[tuple[int, int, str]] = []
    for name in named:
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            if not _word_char(text, at - 1):
                if text.startswith("s", end) and not _word_char(text, end + 1):
                    found.append((at, end + 1, name))
                elif not _word_char(text, end):
                    found.append((at, end, name))
            at = text.find(name, at + 1)
    places: list[tuple[int, int, str]] = []
    for at, end, name in sorted(found, key=lambda f: (f[0], -len(f[2]), f[2])):
        if not places or at >= places[-1][1]:
            places.append((at, end, name))
    return places, named


def named_counts(
    text: str, lo: int, hi: int, found: list[Quantity], rules: Any, weapons: WeaponNames | None
) -> list[Quantity]:
    """Counts of a weapon the article names, by its name ("16 Arbalests were launched"):
    a count of its category's noun (missiles), the actor's, as for a known weapon (lexicon
    `known_entities`, `quantities._named_counts`), found here for the names the article
    gave (in the plural they are no mention)."""
    if weapons is None:
        return []
    places, named = weapons
    out: list[Quantity] = []
    for at, end, name in places:
        if at < lo or end > hi or any(q.start <= at < q.end for q in found):
            continue
        count = _count_before(text, lo, at, str(named[name].unit), rules)
        if count is not None:
            out.append(
                replace(count, end=end, text=text[count.start : end], subject_kinds=("actor",))
            )
    return out


def elliptical_counts(
    text: str,
    lo: int,
    hi: int,
    found: list[Quantity],
    before: Quantity | None,
    rules: Any,
    weapons: WeaponNames | None = None,
    since: int = 0,
    words: bool = False,
) -> list[Quantity]:
    """Counts in `text[lo:hi]` (one sentence) of a bare number whose noun is left to what
    came before (`_BARE`, `_FURTHER`): in the unit of the sentence's last count before it,
    else of `before` (the paragraph's last count), else of the last weapon the article
    names (`weapons`) from `since` (the paragraph's start) on ("Halyard, which builds
    Arbalests in Texas, now makes about 140 a month": missiles). `words`: the sentence has
    no digit, so only a number in words before "of them" is sought."""
    if words:
        # No digit in the sentence: only a number in words before "of them" can be one.
        matches = [m for m in _BARE.finditer(text, lo, hi) if _of_them(text, m)]
    else:
        matches = sorted(
            [*_BARE.finditer(text, lo, hi), *_FURTHER.finditer(text, lo, hi)],
            key=lambda m: m.start(),
        )
    out: list[Quantity] = []
    for m in matches:
        at = m.start("n")
        if any(q.start <= at < q.end for q in [*found, *out]):
            continue
        unit = _unit_before(at, found, before, weapons, since, _of_them(text, m))
        if unit is None:
            continue
        count = _count_before(text, lo, m.end("n"), f" {unit}", rules)
        if count is not None:
            # Whose things these are is told as for a count of a named weapon: an actor's.
            out.append(
                replace(
                    count,
                    end=m.end("n"),
                    text=text[count.start : m.end("n")],
                    subject_kinds=("actor",),
                )
            )
    return out


def _of_them(text: str, m: re.Match[str]) -> bool:
    """Whether a bare number is "N of them" (a `_FURTHER` match never is)."""
    return m.re is _BARE and text.startswith(" of them", m.end("n"))


def _unit_before(
    at: int,
    found: list[Quantity],
    before: Quantity | None,
    weapons: WeaponNames | None,
    since: int,
    of_them: bool = False,
) -> str | None:
    """The counted unit a bare number at `at` takes: see `elliptical_counts`. "N of them"
    with no count before it in its sentence: "them" are more often the weapons named last
    than the things counted last ("fired 12 Taurus and destroyed three bombers. Russia said
    it shot down 10 of them")."""
    counts = [q for q in found if q.dimension == "count" and q.end <= at and q.unit]
    if counts:
        return str(counts[-1].unit)  # "launched 12 missiles, and nine of them reached"
    named_unit = None
    if weapons is not None:
        places, named = weapons
        names = [name for start, end, name in places if since <= start and end <= at]
        named_unit = str(named[names[-1]].unit) if names else None
    if of_them and named_unit is not None:
        return named_unit
    if before is not None and before.dimension == "count" and before.unit:
        return str(before.unit)
    return named_unit


# The other side of a tally after a count of votes: "by 104 votes to 61", "131 votes in
# favour, 58 against"; and a tally with no noun: "voted 61-37", "a 61-37 vote".
_TALLY_TO = re.compile(r"\s+to\s+(?P<n>\d+(?:,\d{3})*)(?![\d.]|\s*%|\s+[a-z]+s\b)")
_TALLY_AGAINST = re.compile(
    r"(?<![\w.,$\u20ac\u00a3%/-])(?P<n>\d+(?:,\d{3})*)\s+(?:(?:votes?|were|was)\s+)?"
    r"(?:against|opposed)\b"
)
_TALLY_PAIR = re.compile(
    r"\b(?:voted|vote\s+of|by\s+a|in\s+a|an?)\s+(?P<n>\d+)\s*(?:-|\u2013|to)\s*(?P<m>\d+)"
    r"(?=\s+(?:vote|to|in|on|for|against|with)\b|[\s,.;])"
)


def tally_counts(
    text: str, lo: int, hi: int, found: list[Quantity], rules: Any, unit: str | None
) -> list[Quantity]:
    """The numbers of a vote's tally that carry no noun, in `text[lo:hi]` (one sentence), as
    counts of votes: the side after a count of votes ("by 104 votes to 61", "58 against")
    and both sides of "voted 61-37". `unit`: lexicon `tally_unit`."""
    if unit is None:
        return []
    votes = [q for q in found if q.dimension == "count" and q.unit == unit]
    spans: list[tuple[int, int]] = []
    if votes:
        for q in votes:
            m = _TALLY_TO.match(text, q.end)
            if m is not None:
                spans.append(m.span("n"))
        for m in _TALLY_AGAINST.finditer(text, votes[0].end, hi):
            spans.append(m.span("n"))
    for m in _TALLY_PAIR.finditer(text, lo, hi):
        spans += [m.span("n"), m.span("m")]
    out: list[Quantity] = []
    for start, end in sorted(set(spans)):
        if any(q.start <= start < q.end for q in [*found, *out]):
            continue
        count = _count_before(text, start, end, f" {unit}", rules)
        if count is not None:
            out.append(replace(count, end=end, text=text[count.start : end]))
    return out
