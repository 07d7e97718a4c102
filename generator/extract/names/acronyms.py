"""Acronyms: defined in brackets after the name they abbreviate ("Army Tactical Missile
System (ATACMS)", "the Istituto Affari Internazionali (IAI)"), else taken for unknown bodies.
"""

from __future__ import annotations

import re

from ..knowledge import CAPITAL, Knowledge
from .candidate import Candidate
from .words import _blocked

# It runs on every sentence. Written `(?<![\w.-])[A-Z]...` it opened with a lookbehind,
# which re tests at every position; opening with the capital lets re skip to the
# capitals, and the lookbehind, moved after it, still tests the character before it (a
# two-character lookbehind ending in that capital): the same matches.
# Two parts joined by a hyphen too ("KDU-ČSL", "N-VA"), the second in any capitals.
_ACRONYM = re.compile(
    rf"[A-Z](?<![\w.-][A-Z])(?:[A-Z]{{2,5}}|{CAPITAL}{{0,4}}-{CAPITAL}{{2,4}})(?![\w.-])"
)

_DEFINED = re.compile(r"\((?P<acr>[A-Z][A-Z0-9-]{1,9})\)")
# A body's name in its own language, in brackets after its English one ("the Pirates
# (Piráti)"): one word opening on a capital, the same body.
_NATIVE = re.compile(rf"\((?P<acr>{CAPITAL}[\w’'-]*[a-z\u00df-\u024f][\w’'-]*)\)")

# The capitalised words right before a bracket ("... Affari Internazionali (").
_RUN_BEFORE = re.compile(r"((?:[A-Z][\w'’&-]*\s+(?:[a-z]{1,4}\s+)?){2,8})$")

# A number after an acronym: a numbered designation ("RBS 15s"), a weapon's.
_NUMBERED = re.compile(r"[ \t]\d{1,4}s?\b(?![.,]\d)")


def abbreviates(acronym: str, name: str) -> bool:
    """Whether `acronym` abbreviates `name`: same first letter, and its letters are the
    name's capitals in order ("RUSI": Royal United Services Institute)."""
    if not name or acronym[0] != name[0]:
        return False
    letters = iter(name.casefold())
    return all(any(c == a for c in letters) for a in acronym.casefold() if a.isalnum())


def initials(name: str) -> str:
    """The capitals opening the words of `name`: "RUSI" of Royal United Services Institute."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


_ROMAN = re.compile(r"[IVXLC]+")
# A label in capitals opening a sentence: words in capitals up to a colon ("THE VETO
# THREAT:", "SPOTTED:"), or two or more of them before a lower-case word ("GOOD MORNING and
# welcome"). Its words are headings, not acronyms.
_LABEL = re.compile(
    # (a transcript's, with an affiliation: "OLENA MARCHUK, Ukrainian Parliament: ...")
    # (with a title's abbreviations: "MAJ. GEN. DANA HOLT: ...")
    r"\s*(?:(?:[A-Z][A-Z'’.-]*|[—–])\s+)*[A-Z][A-Z'’-]*(?:,[^:\n]{1,60})?:(?=\s)"
    r"|\s*(?:[A-Z][A-Z'’-]*\s+){2,}(?=[a-z])"
)


def _body(k: Knowledge, name: str) -> bool:
    """Whether `name` is a known body's (no person's, country's or weapon's)."""
    known = k.lookup(name)
    entity = k.entities[known] if known is not None else None
    return entity is not None and entity.kind == "actor" and entity.category == "organisation"


def _acronyms(
    text: str,
    start: int,
    end: int,
    k: Knowledge,
    named: list[Candidate],
    runs: list[re.Match[str]] | None = None,
) -> list[Candidate]:
    """Acronyms: defined in brackets after a name they abbreviate, else unknown bodies.
    `runs`: capitalised runs not yet among `named` as known names; one that is known
    covers the acronyms inside it as such a name would."""
    found: list[Candidate] = []
    # Most sentences hold no bracket, without which `_DEFINED` finds nothing.
    defined_in = _DEFINED.finditer(text, start, end) if text.find("(", start, end) >= 0 else ()
    for m in defined_in:
        acronym = m.group("acr")
        defined = False
        for candidate in named:
            span_end = candidate.aliases[0][1]
            if text[span_end : m.start()].strip() == "" and (
                abbreviates(acronym, candidate.name)
                # A body named in English, its acronym in its own language: "the German
                # Institute for International and Security Affairs (SWP)".
                or (candidate.kind == "actor" and candidate.category not in ("", "person"))
            ):
                candidate.aliases.append((m.start("acr"), m.end("acr")))
                defined = True
        if not defined:
            found += _spelled_body(text, start, m, k)
    for m in _NATIVE.finditer(text, start, end) if defined_in else ():
        if k.lookup(m.group("acr")) is not None:
            continue  # "Bertrand Lacaze (PfE)": a known name in brackets is its own
        for candidate in named:
            if candidate.category not in ("person", "") or (
                candidate.kind == "known" and not _body(k, candidate.name)
            ):
                continue
            if not text[candidate.aliases[0][1] : m.start()].strip():
                candidate.aliases.append((m.start("acr"), m.end("acr")))
    label = _LABEL.match(text, start, end)
    for m in _ACRONYM.finditer(text, start, end):
        if k.lookup(m.group()) or _blocked(m.group(), k):
            continue
        if "-" in m.group() and any(k.lookup(part) for part in m.group().split("-")):
            continue  # "US-UK": two known names, no third
        if label is not None and m.start() < label.end():
            continue  # a newsletter's section label in capitals: "THE VETO THREAT: ..."
        if m.group().casefold() in k.word_set("titles"):
            continue  # "Lithuanian MEP Ruta Vaitkiene": a title
        if _ROMAN.fullmatch(m.group()):
            continue  # "World War III"
        if _NUMBERED.match(text, m.end()):
            continue  # "RBS 15s": a numbered designation, the weapon's (see `_weapons`)
        if any(s <= m.start() < e for c in named for s, e in c.aliases):
            continue
        if runs and any(r.start() <= m.start() < r.end() and k.lookup(r.group()) for r in runs):
            continue
        found.append(Candidate("actor", "organisation", m.group(), [(m.start(), m.end())]))
    return found


def _spelled_body(text: str, start: int, m: re.Match[str], k: Knowledge) -> list[Candidate]:
    """A body whose name, in any language, is spelled by the acronym in brackets after it:
    "the Istituto Affari Internazionali (IAI)". Its words' initials must be the acronym's
    letters exactly; a weapon's name (a weapon head noun in it) is left to the weapons."""
    run = _RUN_BEFORE.search(text, max(start, m.start() - 120), m.start())
    if run is None:
        return []
    words = run.group(1).split()
    acronym = m.group("acr").replace("-", "")
    for i in range(len(words) - 1):
        name = " ".join(words[i:])
        if (
            not words[i][0].isupper()
            or initials(name) != acronym
            or words[i].casefold() in k.word_set("starters")
        ):
            continue
        if any(w.casefold() in k.weapon_heads for w in words[i:]) or k.lookup(name):
            return []
        at = run.start(1) + run.group(1).index(name)
        return [
            Candidate(
                "actor",
                "organisation",
                name,
                [(at, at + len(name)), (m.start("acr"), m.end("acr"))],
            )
        ]
    return []
