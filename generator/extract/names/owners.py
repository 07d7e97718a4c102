"""People a translation names right after the body or country whose office they hold, with
no comma between ("Minister of Defense of Ukraine Taras Dovhaliuk thanked", "The official
representative of the MFA of the rf Olena Sukhanova at a briefing stated", "Military expert
of the Center for Air Power Studies Volodymyr Hnatiuk"): the two capitalised words after a
known name, or after a body's name ending on a body's word, are a person's when a title or
a role noun stands shortly before."""

from __future__ import annotations

import re

from ..factbits import per_lexicon
from ..knowledge import Knowledge
from .candidate import Candidate
from .words import _blocked, _lead_words

# "of (the) <known name> <Given> <Surname>", the name ending the run of capitals.
_AFTER_OWNER = re.compile(
    r"\bof\s+(?:the\s+)?(?P<owner>[A-Za-z][\w.-]*(?:\s+(?:(?:for|of|and|on)\s+)?[A-Z][\w.-]*){0,5})\s+"
    r"(?P<name>[A-Z][a-z][\w'’-]+\s+[A-Z][a-z][\w'’-]+)(?![\w'’-]|\s+[A-Z])"
)
_LAST_OF = re.compile(r"\s+of\s+(?:the\s+)?")
_ROLE_REACH = 80  # characters before "of" a title or role noun may stand in
_WORD = re.compile(r"[\w-]+")
# The words of the lexicon's places ("Kharkiv", "Rostov-on-Don").
_places = per_lexicon(
    lambda data: frozenset(
        w
        for group in data.get("places") or []
        for n in group.get("names") or []
        for w in str(n).split()
    )
)


def _ends_a_body(word: str, k: Knowledge) -> bool:
    return word in k.organisation_heads or word.casefold() in k.word_set("body_tail_words")


def people_after_owner(text: str, start: int, end: int, k: Knowledge) -> list[Candidate]:
    """The people named right after their body or country in `text[start:end]`."""
    found: list[Candidate] = []
    roles = _lead_words(k)
    for m in _AFTER_OWNER.finditer(text, start, end):
        # The known name may be the owner's last part: "of Defense of Ukraine Taras ...".
        written = m.group("owner")
        owner = k.lookup(written) or k.lookup(_LAST_OF.split(written)[-1])
        if owner is not None and k.entities[owner].is_person:
            continue
        if owner is None and not _ends_a_body(m.group("owner").split()[-1], k):
            continue  # a body the lexicon does not know ends on a body's word ("Studies")
        words = m.group("name").split()
        if any(
            _blocked(w, k)
            or k.lookup(w) is not None
            or w in k.organisation_heads
            or w.casefold() in k.word_set("force_nouns")
            or w in _places(k)
            for w in words
        ):
            continue  # "a former commander of U.S. Army Europe": a body, no one's name
        before = text[max(start, m.start() - _ROLE_REACH) : m.start()]
        if not any(w.casefold() in roles for w in _WORD.findall(before)):
            continue  # "the people of Kharkiv Oblast Ivan ..." names no office
        found.append(Candidate("actor", "person", m.group("name"), [m.span("name")]))
    return found
