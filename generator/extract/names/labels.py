"""People a transcript names only in its speaker labels, in capitals ("MAJ. GEN. DANA HOLT:
Thanks, everybody."): the label without its titles is the person's full name."""

from __future__ import annotations

import re
from typing import NamedTuple

from ..factbits import per_lexicon
from ..knowledge import Knowledge
from .candidate import Candidate
from .words import UPPER

# A label in capitals opening a sentence, up to its colon; an affiliation may follow a comma
# ("OLENA MARCHUK, Ukrainian Parliament:").
_LABEL = re.compile(
    r"(?P<label>(?:[A-Z][A-Z'’.-]*[ \t]+){1,5}[A-Z][A-Z'’-]*)(?P<tail>,[^:\n]{1,60})?:[ \t]"
)


def label_people(text: str, start: int, end: int, k: Knowledge) -> list[Candidate]:
    """The person a sentence's opening label in capitals names by a full name after a
    title (lexicon `titles`, `honorifics`): "MAJ. GEN. DANA HOLT:" is Dana Holt, so that a
    later "GEN. HOLT:" label can be hers. Only a title makes a label a person's (not "THE
    VETO THREAT:"), and only a surname labelled twice or more (a newsletter labels each
    section once). Not the programme's own people ("LEILA FAROUK, HOST:", lexicon
    `transcript_staff`), nor a label of one word after its titles ("GEN. HOLT:"): a
    surname alone names no one new."""
    m = _LABEL.match(text, start, end)
    if m is None:
        return []
    tail = (m.group("tail") or "").casefold()
    if tail and any(w in tail for w in k.word_set("transcript_staff")):
        return []
    all_words = m.group("label").split()
    # A member's title before a surname alone ("SENATOR KEMPER:"): a hearing labels its
    # senators so, the surname is their name.
    member = len(all_words) >= 2 and _member_title(" ".join(all_words[:-1]), k)
    words = all_words[-1:] if member else without_titles(all_words, k)
    if (
        len(words) == len(all_words)
        or not (2 <= len(words) <= 3 or member)
        or any("." in w for w in words)
    ):
        return []  # no title: "THE VETO THREAT:", a host's "NATASHA RIORDAN:"
    if not member and len(_label_of(words[-1]).findall(text)) < 2:
        return []  # a transcript labels its speakers again ("GEN. HOLT:"), sections once
    offset = m.start("label")
    for w in all_words[: len(all_words) - len(words)]:
        offset = text.index(w, offset) + len(w)
    offset = text.index(words[0], offset)
    written = " ".join(words)
    if text[offset : offset + len(written)] != written:
        return []  # the words are not written with single spaces
    name = " ".join(w.title() for w in words)
    return [Candidate("actor", "person", name, [(offset, offset + len(written))])]


# A debate record's label ("Dr Imogen Fairweather (Cotswolds North) (Con):", "Stephen
# Gilfillan (Dundee Central) (SNP):", "Dr. Anna Vogel (CDU/CSU):"): a name of two to four
# capitalised words, its constituency if given and its party in brackets; or an office
# with its holder's name in brackets after an honorific ("The Minister for the Armed
# Forces (Ms Rachel Atherton):", "Madam Deputy Speaker (Dame Harriet Cole):").
_RECORD_LABEL = re.compile(
    r"(?:(?P<honorific>[A-Z][a-z]{1,7}\.?)[ \t]+)?"
    rf"(?P<name>[{UPPER}][\w'’-]+(?:[ \t]+[{UPPER}][\w'’-]+){{1,3}})"
    r"(?:[ \t]+\([A-Z][^()\n:]{1,50}\))?[ \t]+\([A-Z][^()\n:]{0,40}\):[ \t]"
)
_OFFICE_LABEL = re.compile(
    r"[A-Z][^()\n:.?!]{2,80}?[ \t]+\((?P<honorific>[A-Z][a-z]{1,7}\.?)[ \t]+"
    rf"(?P<name>[{UPPER}][\w'’-]+(?:[ \t]+[{UPPER}][\w'’-]+){{1,3}})\):[ \t]"
)


# A member of the government by name, then office after a comma ("Dr. Henrike Albrecht,
# Federal Minister of Defence:"); the office must hold a role noun (lexicon `role_nouns`).
_HOLDER_LABEL = re.compile(
    r"(?:(?P<honorific>[A-Z][a-z]{1,7}\.?)[ \t]+)?"
    rf"(?P<name>[{UPPER}][\w'’-]+(?:[ \t]+[{UPPER}][\w'’-]+){{1,3}}),[ \t]+"
    r"(?P<office>[A-Z][\w'’-]*(?:[ \t]+(?:[A-Z][\w'’-]*|of|for|the|and|to|on)){0,8}):[ \t]"
)


# The European Parliament's verbatim report closes a label with a full stop and a dash:
# "Jana Novák, on behalf of the PPE Group. – Mr President, ...", "Pierre Dumont (Renew),
# blue-card question. – ...", "Kaja Berg, Vice-President of the Commission. – ...".
# (A name's particles, lexicon `name_particles`: "Ursula von der Leyen".)
_dash_label = per_lexicon(
    lambda data: re.compile(
        r"(?:(?P<honorific>[A-Z][a-z]{1,7}\.?)[ \t]+)?"
        rf"(?P<name>[{UPPER}][\w'’-]+(?:[ \t]+(?:[{UPPER}][\w'’-]+"
        + "".join(f"|{re.escape(str(p))}" for p in data.get("name_particles") or [])
        + r")){1,4})"
        r"(?:[ \t]+\([A-Z][^()\n:]{0,40}\))?(?:,[ \t]*[^.:\n–—()]{1,120})?\.[ \t]+[–—][ \t]"
    )
)
# A chair's label naming no one ("President. – ", "The President. – "): the member before
# has stopped speaking.
UNNAMED_LABEL = re.compile(r"(?:The[ \t]+)?[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,2}\.[ \t]+[–—][ \t]")


# A later label of the same member: an honorific or a title and the name ("Dr Fairweather:",
# "Vice-President Petra Pau:"); a title of one word first, so that a name of two stays whole.
_SHORT_LABEL = re.compile(
    r"(?P<honorific>[A-Z][\w.-]{1,20}(?:[ \t]+[A-Z][\w.-]{1,20})??)[ \t]+"
    rf"(?P<name>[{UPPER}][\w'’-]+(?:[ \t]+[{UPPER}][\w'’-]+)?):[ \t]"
)


class RecordLabel(NamedTuple):
    """A debate record's label: the member's name at `start:end`; their words from `words`;
    `full` unless it is a later label by honorific and surname only ("Ms Atherton:")."""

    start: int
    end: int
    words: int
    full: bool = True


def record_label(
    text: str, start: int, end: int, k: Knowledge, short: bool = False
) -> RecordLabel | None:
    """Where the member's name stands in the debate-record label opening `text[start:end]`
    ("Siân Pengelly (Bristol Central) (Green):", "The Minister for the Armed Forces (Ms
    Rachel Atherton):", "Dr. Henrike Albrecht, Federal Minister of Defence:", with `short`
    also "Ms Atherton:"); None when it opens on none."""
    titles = k.word_set("titles")

    def titled(m: re.Match[str]) -> bool:
        # "Ms", "Dame", "Vice-President" (a title written with a hyphen too)
        return m.group("honorific").replace("-", " ").casefold() in titles

    def label(m: re.Match[str]) -> RecordLabel:
        return RecordLabel(m.start("name"), m.end("name"), m.end())

    m = _RECORD_LABEL.match(text, start, end)
    if m is not None:
        return None if m.group("honorific") and not titled(m) else label(m)
    m = _dash_label(k).match(text, start, end)
    if m is not None and (not m.group("honorific") or titled(m)):
        return label(m)
    m = _HOLDER_LABEL.match(text, start, end)
    if m is not None and (not m.group("honorific") or titled(m)):
        roles = k.word_set("role_nouns")
        if any(w.casefold() in roles for w in m.group("office").split()):
            return label(m)
    for pattern in (_OFFICE_LABEL, _SHORT_LABEL) if short else (_OFFICE_LABEL,):
        m = pattern.match(text, start, end)
        # The holder is named after an honorific ("Ms", "Dame"), not any capitalised word.
        if m is not None and titled(m):
            return label(m)._replace(full=pattern is _OFFICE_LABEL)
    return None


def record_label_people(text: str, start: int, end: int, k: Knowledge) -> list[Candidate]:
    """The person a debate record's label names in full: what follows is that member's
    speech, whether or not the record gives a title."""
    label = record_label(text, start, end, k)
    if label is None:
        return []
    return [Candidate("actor", "person", text[label.start : label.end], [(label.start, label.end)])]


def _member_title(title: str, k: Knowledge) -> bool:
    """Whether `title` is a house member's (lexicon `record_label_titles`), any case."""
    return " ".join(title.split()).casefold() in k.word_set("record_label_titles")


class HearingLabel(NamedTuple):
    """A hearing's label in capitals: the surname at `start:end`, the words from `words`,
    `member` when the title is a house member's ("SENATOR"), not a witness's ("GENERAL")."""

    start: int
    end: int
    words: int
    member: bool


def hearing_label(text: str, start: int, end: int, k: Knowledge) -> HearingLabel | None:
    """The label in capitals of a title and a surname opening `text[start:end]` ("SENATOR
    BRANDT:", "CHAIRMAN HOLLOWAY:", "SECRETARY WHITFIELD:"), the title one of lexicon
    `titles`, `honorifics` or `record_label_titles`; None for any other."""
    m = _LABEL.match(text, start, end)
    if m is None or m.group("tail"):
        return None
    *title_words, surname = m.group("label").split()
    title = " ".join(title_words).casefold()
    member = _member_title(title, k)
    if not title_words or (not member and title not in k.word_set("titles")):
        return None
    return HearingLabel(m.end("label") - len(surname), m.end("label"), m.end(), member)


# Lexicon `record_chair_cues` and a name in capitals after them, at a line's start:
# "IN THE CHAIR: KATARZYNA MROCZEK".
_chair_line = per_lexicon(
    lambda data: (
        re.compile(
            r"(?m)^(?:"
            + "|".join(re.escape(str(c)) for c in data.get("record_chair_cues") or [])
            + rf"):[ \t]+(?P<name>[{UPPER}][{UPPER}'’-]+(?:[ \t]+[{UPPER}][{UPPER}'’-]+){{1,3}})[ \t]*$"
        )
        if data.get("record_chair_cues")
        else None
    )
)


def chair_people(text: str, start: int, end: int, k: Knowledge) -> list[Candidate]:
    """The chair a record's line names in capitals ("IN THE CHAIR: KATARZYNA MROCZEK":
    Katarzyna Mroczek), in `text[start:end]`."""
    pattern = _chair_line(k)
    if pattern is None:
        return []
    return [
        Candidate(
            "actor",
            "person",
            " ".join(w.title() for w in m.group("name").split()),
            [(m.start("name"), m.end("name"))],
        )
        for m in pattern.finditer(text, start, end)
    ]


def without_titles(words: list[str], k: Knowledge) -> list[str]:
    """A label's words without the titles that open it ("MAJ. GEN. DANA HOLT": "DANA",
    "HOLT"), matched case-blind against lexicon `titles` and `honorifics`; the last word
    always stays."""
    titles = k.word_set("titles")
    while len(words) > 1:
        cut = next(
            (
                n
                for n in range(min(4, len(words) - 1), 0, -1)
                if " ".join(words[:n]).casefold() in titles
            ),
            0,
        )
        if not cut:
            break
        words = words[cut:]
    return words


def _label_of(surname: str) -> re.Pattern[str]:
    """A paragraph's label in capitals that ends on `surname`."""
    return re.compile(
        rf"(?m)^(?:[A-Z][A-Z'’.-]*[ \t]+)*{re.escape(surname)}(?:,[^:\n]{{1,60}})?:[ \t]"
    )


# The party a debate record's label ends on, as the record abbreviates it ("Dr Imogen
# Fairweather (Cotswolds North) (Con): ...").
_PARTY_LABEL = re.compile(
    r"(?m)^[^\n:()]{3,80}(?:\([^()\n:]{1,50}\)[ \t]*)?\((?P<abbr>[A-Z][A-Za-z]{0,11})\):[ \t]"
)


def record_party_labels(text: str, k: Knowledge) -> list[tuple[str, int, int]]:
    """(entity id, start, end) of each party a debate record's label abbreviates (lexicon
    `record_party_labels`: "Con" is the Conservative Party), when the lexicon knows it."""
    names = k.lexicon.data.get("record_party_labels") if k.lexicon else None
    if not names or "):" not in text:
        return []
    found = []
    for m in _PARTY_LABEL.finditer(text):
        name = names.get(m.group("abbr"))
        entity = k.lookup(str(name)) if name else None
        if entity is not None:
            found.append((entity, m.start("abbr"), m.end("abbr")))
    return found
