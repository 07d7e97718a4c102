"""A debate record's contributions: who speaks each paragraph of a parliamentary record
("Dr Imogen Fairweather (Cotswolds North) (Con): I beg to move,", then "Dr Fairweather:",
"Dr. Henrike Albrecht, Federal Minister of Defence: ...", the European Parliament's "Jana
Novák, on behalf of the PPE Group. – ..."). The record prints every contribution as the
verbatim speech of its labelled member, so each is theirs to hold (positions) and a direct
quote of theirs (quotes); the group a label names holds what the member says for it
(`speaks_for_group`); words called out between contributions are their caller's
(`interjections`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..sources import Paragraph, Source
from .entities import EntityScan
from .factbits import per_lexicon
from .knowledge import Knowledge
from .names.labels import (
    UNNAMED_LABEL,
    HearingLabel,
    RecordLabel,
    chair_people,
    hearing_label,
    record_label,
)

_LABEL_REACH = 200  # characters a label may take (a name, a seat, a party, an office)


@dataclass(frozen=True)
class Contribution:
    """Paragraph `paragraph`'s words `start:end`, spoken by `speaker`; `mention` is where
    its label names the member, None for a paragraph going on without a label."""

    paragraph: int
    speaker: str
    start: int
    end: int
    mention: int | None
    group: str | None = None  # the party or group its label gives ("(CDU/CSU)")


def contributions(source: Source, scan: EntityScan, knowledge: Knowledge) -> list[Contribution]:
    """Every contribution of a debate record, in text order; none when the article labels
    fewer than two paragraphs as a record does (a news story quoting one "Mr Smith:").
    Found once per article (`article.py`), for quotes and positions alike."""
    text = source.text
    out: list[Contribution] = []
    full = 0  # labels naming a member in full, not only "Ms Atherton:"
    members = 0  # labels in capitals of a house's members ("SENATOR BRANDT:")
    capitals = 0  # labels in capitals of a title and a surname, members' or witnesses'
    last: str | None = None
    group: str | None = None
    chair = _chair(source, scan, knowledge)
    for paragraph in source.paragraphs:
        if paragraph.heading:
            last = None
            continue
        # A label closes within its first words, on a colon or a dash: most paragraphs have
        # neither there, and are not matched against the label patterns.
        head = text[paragraph.start : min(paragraph.end, paragraph.start + _LABEL_REACH)]
        if ":" in head:
            # A hearing's label in capitals ("SENATOR BRANDT:"): the person of that surname.
            hearing = hearing_label(text, paragraph.start, paragraph.end, knowledge)
            speaker = _by_surname(hearing, text, scan) if hearing is not None else None
            if hearing is not None and speaker is not None:
                capitals += 1
                members += hearing.member
                full += hearing.member
                last, group = speaker, None
                end = _words_end(text, paragraph)
                out.append(Contribution(paragraph.number, last, hearing.words, end, hearing.start))
                continue
        line = _line_label(text, paragraph, scan, knowledge)
        if line is not None:
            # "Deputy Darragh Ó Maoláin" on a line of its own, the speech below it.
            full += 1
            last, group = line[0], None
            out.append(
                Contribution(paragraph.number, last, line[2], _words_end(text, paragraph), line[1])
            )
            continue
        label = (
            record_label(text, paragraph.start, paragraph.end, knowledge, short=True)
            if ":" in head or "–" in head or "—" in head
            else None
        )
        member = None
        if label is not None:
            member = next(
                (
                    x
                    for x in scan.mentions
                    if x.start < label.end
                    and label.start < x.end  # "Dr Imogen Fairweather" holds its honorific
                    and (e := scan.entity(x.entity_id)) is not None
                    and e.is_person
                ),
                None,
            )
        end = _words_end(text, paragraph)
        if label is not None and member is not None and _journalist(text, label, knowledge):
            # "Oana Lindqvist (Reuters): Secretary General, ...": a reporter's question at a
            # press conference, whose transcript is no record of a house's debate.
            return []
        if label is not None and member is not None:
            full += label.full
            last = member.entity_id
            group = next(
                (
                    x.entity_id
                    for x in scan.mentions
                    if label.end <= x.start
                    and x.end <= label.words
                    and (e := scan.entity(x.entity_id)) is not None
                    and e.kind == "actor"
                    and not e.is_person
                ),
                None,
            )
            out.append(Contribution(paragraph.number, last, label.words, end, member.start, group))
        elif (unnamed := UNNAMED_LABEL.match(text, paragraph.start, end)) and chair is not None:
            # "President. – The debate is closed.": the chair the record named.
            last, group = chair, None
            out.append(Contribution(paragraph.number, chair, unnamed.end(), end, unnamed.start()))
        elif label is not None or unnamed:
            last = group = None  # a label naming no one we know: the chair, say
        elif last is not None and not _record_line(text[paragraph.start : end]):
            # A contribution goes on after an applause or interjection line, unlabelled.
            out.append(Contribution(paragraph.number, last, paragraph.start, end, None, group))
    labelled = sum(c.mention is not None for c in out)
    # Labels in capitals make a record only with two members' among them: a briefing's
    # "MR. KEEL:" and "MS. ABERNATHY:" are a transcript's, whose answers are no quotes.
    if capitals and members < 2:
        return []
    return out if labelled >= 2 and full >= 1 else []


# The last bracket of a label, before its colon: "(Reuters)" in "Oana Lindqvist (Reuters): ".
_LAST_BRACKET = re.compile(r"\((?P<inside>[^()\n]{1,60})\)[ \t]*:[ \t]*$")


def _journalist(text: str, label: RecordLabel, knowledge: Knowledge) -> bool:
    """Whether a label's last bracket names a news outlet (an entity of category media)
    where a record gives the member's party."""
    m = _LAST_BRACKET.search(text, label.end, label.words)
    return m is not None and is_outlet(m.group("inside"), knowledge)


def is_outlet(name: str, knowledge: Knowledge) -> bool:
    """Whether `name` is a news outlet the lexicon knows (an entity of category media)."""
    known = knowledge.lookup(name)
    return known is not None and knowledge.entities[known].category == "media"


def _chair(source: Source, scan: EntityScan, knowledge: Knowledge) -> str | None:
    """The person a record names as its sitting's chair ("IN THE CHAIR: KATARZYNA
    MROCZEK"), if any."""
    found = chair_people(source.text, 0, len(source.text), knowledge)
    spans = {c.aliases[0] for c in found}
    return next(
        (
            m.entity_id
            for m in scan.mentions
            if (m.start, m.end) in spans and (e := scan.entity(m.entity_id)) and e.is_person
        ),
        None,
    )


def _by_surname(label: HearingLabel, text: str, scan: EntityScan) -> str | None:
    """The one person of the article whose name ends on the label's surname."""
    surname = text[label.start : label.end].casefold()
    found = {
        e.id
        for e in scan.entities.values()
        if e.is_person and e.name.split()[-1].casefold() == surname
    }
    return found.pop() if len(found) == 1 else None


def record_lines(source: Source, record: Sequence[Contribution]) -> frozenset[int]:
    """The numbers of the paragraphs a debate record adds between its contributions
    ("(Applause from the SPD)"); none outside a record (`record` empty)."""
    if not record:
        return frozenset()
    text = source.text
    first = min(c.start for c in record)
    return frozenset(
        p.number
        for p in source.paragraphs
        if not p.heading and p.start >= first and _record_line(text[p.start : _words_end(text, p)])
    )


def chair_lines(source: Source, record: Sequence[Contribution]) -> frozenset[int]:
    """The numbers of a debate record's paragraphs that its chair speaks under a label
    naming no one ("President. – The next item is the debate on ..."): the business of the
    sitting, no one's position; none outside a record (`record` empty)."""
    if not record:
        return frozenset()
    text = source.text
    return frozenset(
        p.number
        for p in source.paragraphs
        if not p.heading and UNNAMED_LABEL.match(text, p.start, _words_end(text, p))
    )


# A paragraph's first line with no sentence in it: a label of its own ("Deputy Darragh Ó
# Maoláin", "Minister for Foreign Affairs and Defence (Deputy Niamh Corcoran)"), as the
# Oireachtas prints its debates, the speech on the lines below.
_LINE_LABEL = re.compile(r"[^\n.!?:;\"“”]{3,120}\n")


def _line_label(
    text: str, paragraph: Paragraph, scan: EntityScan, knowledge: Knowledge
) -> tuple[str, int, int] | None:
    """(the person, where the label names them, where the speech starts) of a paragraph
    opening on a label line that a title word (lexicon `titles`, `record_label_titles`)
    opens or brackets and a person's name closes; None for another paragraph."""
    m = _LINE_LABEL.match(text, paragraph.start, paragraph.end)
    if m is None:
        return None
    name_end = paragraph.start + len(text[paragraph.start : m.end() - 1].rstrip(" \t)"))
    person = next(
        (
            x
            for x in scan.mentions
            if x.end == name_end
            and x.start >= paragraph.start
            and (e := scan.entity(x.entity_id)) is not None
            and e.is_person
        ),
        None,
    )
    if person is None:
        return None
    titles, members = knowledge.word_set("titles"), knowledge.word_set("record_label_titles")
    words = text[paragraph.start : person.end].replace("(", " ").split()
    if not any(w.casefold() in titles or w.casefold() in members for w in words[:-1]):
        return None
    return person.entity_id, person.start, m.end()


def _words_end(text: str, paragraph: Paragraph) -> int:
    """Where a paragraph's words end, before any trailing space."""
    return paragraph.start + len(text[paragraph.start : paragraph.end].rstrip())


def _record_line(words: str) -> bool:
    """A line the record adds between contributions: "(Applause from the SPD)"."""
    return words.startswith("(") and words.endswith(")")


# Calls between the brackets of a record line, after a colon, one per part between dashes:
# "(Applause from the AfD – Dr. Lea Sommerfeld [BÜNDNIS 90/DIE GRÜNEN]: Tell that to ...!)".
_CALL = re.compile(r"(?P<who>[^–—():]{3,120}):[ \t]+(?P<words>[^–—()]+?)[ \t]*(?=[–—)])")


def interjections(
    source: Source, scan: EntityScan, record: Sequence[Contribution]
) -> list[tuple[int, int, str]]:
    """The words called out in a debate record's bracketed lines ("(Interjection from the
    CDU/CSU: Why 300?)"), as (start, end, speaker): the person named before the colon, else
    the group; none outside a record (`record` empty)."""
    text = source.text
    lines = record_lines(source, record)
    out: list[tuple[int, int, str]] = []
    for paragraph in source.paragraphs:
        if paragraph.number not in lines:
            continue
        end = _words_end(text, paragraph)
        for m in _CALL.finditer(text, paragraph.start + 1, end):
            named = [
                (e.is_person, x.entity_id)
                for x in scan.mentions
                if m.start("who") <= x.start
                and x.end <= m.end("who")
                and (e := scan.entity(x.entity_id)) is not None
                and e.kind == "actor"
            ]
            people = [i for person, i in named if person]
            speaker = people[0] if people else named[-1][1] if named else None
            if speaker is not None:
                out.append((m.start("words"), m.end("words"), speaker))
    return out


# Lexicon `debate_group_words` as one pattern of whole words, ignoring case.
_group_words = per_lexicon(
    lambda data: (
        re.compile(
            r"\b(?:"
            + "|".join(re.escape(str(w)) for w in data.get("debate_group_words") or [])
            + r")\b",
            re.IGNORECASE,
        )
        if data.get("debate_group_words")
        else None
    )
)


def speaks_for_group(text: str, start: int, end: int, k: Knowledge) -> bool:
    """Whether `text[start:end]` holds words by which a member speaks for their group
    ("My group has wanted", "Our motion asks", "We will support")."""
    pattern = _group_words(k)
    return pattern is not None and pattern.search(text, start, end) is not None
