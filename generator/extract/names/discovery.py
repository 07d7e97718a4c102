"""`discover`: every name finder run over one sentence, and a body and a person that a
run of capitals glues together set apart again (`_split_glued`).
"""

from __future__ import annotations

import re

from ..knowledge import Knowledge
from .acronyms import _acronyms
from .candidate import Candidate
from .gates import _FOLDS_TO_ASCII, _folds_in, _word_starts
from .institutions import _institutions
from .labels import label_people, record_label_people
from .organisations import _organisations
from .owners import people_after_owner
from .parties import _listed_parties, _parties, _party_members
from .people import _people, _role_appositions
from .weapons import _weapons, weapons_by_reach, weapons_of_makers
from .words import UPPER, _known_other

# Runs of capitalised words, searched once per sentence: `_organisations` finds bodies in
# them, and a known one keeps the acronyms inside it from being taken for bodies.
# ("for a" too: the "Center for a New American Security".) The first word may open on any
# Latin capital ("İYİ Party"); a later one on an ASCII capital only: one that is not
# mostly opens a person's name written right after a body's in a translation ("the Real
# Instituto Elcano Álvaro Quintanilla"), which a run must not swallow.
_CAP_RUN = re.compile(
    rf"[{UPPER}][\w'’.-]*(?:\s+(?:(?:of|for|the|and|on|de)\s+|for\s+a\s+)*[A-Z][\w'’.-]*)*"
)


def discover(text: str, start: int, end: int, knowledge: Knowledge) -> list[Candidate]:
    """Every name introduced in `text[start:end]` (one sentence) by a known context."""
    sentence = text[start:end]
    lower = (
        None
        if _folds_in(text) and any(c in sentence for c in _FOLDS_TO_ASCII)
        else sentence.lower()
    )
    # Where a role noun starts, for both finders of names after one (found once).
    role_starts = _word_starts(knowledge, "roles", start, lower)
    named = _people(text, start, end, knowledge, lower, role_starts)
    if ":" in sentence:
        named += label_people(text, start, end, knowledge)
    if "(" in sentence and ":" in sentence:
        named += record_label_people(text, start, end, knowledge)
    elif text[end : end + 3].lstrip()[:1] in ("–", "—"):
        # "Jana Novák, on behalf of the PPE Group. – Mr President": the label is a
        # sentence of its own; its dash opens the next.
        named += record_label_people(text, start, end + 3, knowledge)
    if "," in sentence:
        named += _role_appositions(text, start, end, knowledge, lower, role_starts)
    if " of " in sentence:
        named += people_after_owner(text, start, end, knowledge)
    # Runs of capitalised words serve two finders: searched for once.
    runs = list(_CAP_RUN.finditer(text, start, end))
    named += _organisations(runs, knowledge, text, start)
    named += _institutions(text, start, end, knowledge, lower)
    folded = lower if lower is not None else sentence.lower()
    named += _parties(text, start, end, knowledge, folded)
    named += _party_members(text, start, end, knowledge)
    named += _listed_parties(runs, text, knowledge, folded)
    named += _weapons(text, start, end, knowledge, lower)
    named += weapons_by_reach(text, start, end, knowledge)
    named += weapons_of_makers(text, start, end, knowledge)
    # An acronym in brackets right after a known name ("Army Tactical Missile System (ATACMS)").
    if "(" in sentence:
        for m in runs:
            if knowledge.lookup(m.group()):
                named.append(Candidate("known", "", m.group(), [(m.start(), m.end())]))
            elif m.group().startswith("The ") and knowledge.lookup(m.group()[4:]):
                # "The Pirates (Piráti)": the run opens the sentence with its article.
                named.append(Candidate("known", "", m.group()[4:], [(m.start() + 4, m.end())]))
        named += _acronyms(text, start, end, knowledge, named)
    else:
        # No bracket, no acronym defined: a known run only keeps an acronym inside it from
        # being taken for a body (and is dropped below), so it is looked up only then.
        named += _acronyms(text, start, end, knowledge, named, runs)
    named = _split_glued(text, named, knowledge)
    return [c for c in named if c.kind != "known" or len(c.aliases) > 1]


def _split_glued(text: str, named: list[Candidate], k: Knowledge) -> list[Candidate]:
    """Undo a run of capitals that glues a body and a person ("the Foreign Ministry of
    Russia Maria Zakharova said"): the person loses a known name before it ("Russia") or
    the words of a body found before it, and a body ending where a person's name ends
    stops before that name."""
    if not named:  # most sentences name no one
        return []
    for c in named:
        if c.category != "person" or len(c.aliases) != 1:
            continue
        (s, e), words = c.aliases[0], c.name.split()
        while len(words) > 2 and text[s:e].startswith(words[0]):
            known = k.lookup(words[0])
            if known is None or k.entities[known].category == "person":
                break
            s = text.index(words[1], s + len(words[0]))
            words = words[1:]
        # ... or the last word of a body found there ("the Real Instituto Elcano Álvaro
        # Quintanilla": the body ends on "Elcano").
        body_end = next(
            (
                b
                for o in named
                if o.kind == "actor" and o.category != "person" and len(o.aliases) == 1
                for a, b in o.aliases
                if a < s < b < e
            ),
            None,
        )
        while body_end is not None and len(words) > 2 and s < body_end:
            s = text.index(words[1], s + len(words[0]))
            words = words[1:]
        if words != c.name.split():
            c.name, c.aliases = " ".join(words), [(s, e)]
    people = [
        c.aliases[0]
        for c in named
        if c.category == "person" and c.aliases and not _known_other(c.name, k)
    ]
    kept: list[Candidate] = []
    inside: set[tuple[int, int]] = set()  # people that are the end of a body's name
    for c in named:
        if c.kind == "actor" and c.category != "person" and len(c.aliases) == 1:
            s, e = c.aliases[0]
            cut = next((ps for ps, pe in people if s < ps and pe == e), None)
            if cut is not None:
                body = text[s:cut].rstrip()
                words = body.split()
                if words and words[-1].casefold() in k.word_set("name_connectors"):
                    # "the Nordic Institute for Security Studies": what follows "for" is
                    # the body's subject, no person.
                    inside.add((cut, e))
                    kept.append(c)
                    continue
                while words and words[-1].casefold() in k.word_set("name_connectors"):
                    words.pop()
                # Cut only a name written as it reads, with two words of it left.
                if len(words) >= 2 and c.name == text[s:e]:
                    c.name = " ".join(words)
                    c.aliases = [(s, s + len(c.name))]
        kept.append(c)
    if inside:
        kept = [c for c in kept if not (c.category == "person" and c.aliases[0] in inside)]
    return kept
