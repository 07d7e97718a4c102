"""People's names told apart from what only looks like one: titles alone ("Madam
President", "High Representative"), an honorific in capitals ("MR. KEEL:"), a short form of
a given name ("Ray Keel" for Raymond Keel), and the full names a transcript's header gives
its speakers ("Press Secretary Corinne Abernathy", later "MS. ABERNATHY:").

Used by `entities.scan_entities`."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .knowledge import Knowledge, KnownEntity
from .names import Candidate, discover

__all__ = ["headline_people", "is_honorific", "only_titles", "short_given_names"]

if TYPE_CHECKING:  # entities.py imports this module
    from .entities import Mention


def is_honorific(text: str, m: Mention, knowledge: Knowledge) -> bool:
    """Whether a mention is an honorific before a name, in capitals ("MR. KEEL: Thanks"),
    not the party abbreviated "MR" (lexicon `honorifics` are among `titles`)."""
    return (
        text.startswith(". ", m.end)
        and text[m.end + 2 : m.end + 3].isupper()
        and f"{m.text}.".casefold() in knowledge.word_set("titles")
    )


def only_titles(candidate: Candidate, knowledge: Knowledge) -> bool:
    """Whether a person found is only titles ("Madam President, the Slovak Government
    will not ...": the chair addressed, "High Representative"): no one's name."""
    if candidate.category != "person":
        return False
    titles = knowledge.word_set("titles")
    name = candidate.name.casefold()
    return name in titles or all(w in titles for w in name.split())


def headline_people(
    text: str, headlines: list[tuple[int, int]], body: str, knowledge: Knowledge
) -> list[Candidate]:
    """New people a header line names by a full name after a title whose surname the
    body's labels write in capitals: "Press Briefing by Press Secretary Corinne Abernathy"
    and "MS. ABERNATHY: Good afternoon." (a transcript names its speakers in full only
    there). A headline's other capitals ("Top Commander Says Ukraine's ...") are no one's
    name the body labels."""
    found: list[Candidate] = []
    for start, end in headlines:
        for candidate in discover(text, start, end, knowledge):
            words = candidate.name.split()
            if (
                candidate.category == "person"
                and candidate.description
                and len(words) >= 2
                and not knowledge.lookup(candidate.name)
                and re.search(rf"(?<![\w-]){re.escape(words[-1].upper())}:", body)
            ):
                found.append(candidate)
    return found


def short_given_names(local: dict[str, KnownEntity]) -> dict[str, str]:
    """Renames a new person written with a short form of a given name to the one written
    in full with the same surname: "Ray Keel" is "Raymond Keel", "Alex Novak" "Alexander
    Novak". The full name must be longer by two letters or more: "Jan Novák" and "Jana
    Novák" are two people."""
    people: dict[str, list[tuple[str, str]]] = {}  # surname -> (given names, id)
    for entity_id, entity in sorted(local.items()):
        words = entity.name.split()
        if entity.category == "person" and len(words) == 2:
            people.setdefault(words[1], []).append((words[0], entity_id))
    renamed: dict[str, str] = {}
    for named in people.values():
        for given, entity_id in named:
            fuller = [
                other
                for longer, other in named
                if len(longer) >= len(given) + 2 and longer.startswith(given)
            ]
            if len(given) >= 3 and len(fuller) == 1:
                renamed[entity_id] = fuller[0]
    return renamed
