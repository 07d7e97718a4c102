"""Who holds the stance a cue marks (`_actor`): the speaker of the words holding it, the
antecedent of a relative clause it is in, an interview's speaker label, else the nearest
actor named before it that acts, else whom a sentence that refers back is about. Also the
further holders of a sentence's later cues (`_quoted_holders`, `_goes_on`) and the names
that hold none because a poll comes from there (`_polls`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, NamedTuple

from ...sources import Paragraph, Source
from ..debate import Contribution, is_outlet, record_lines
from ..entities import EntityScan, Mention
from ..entitycues import PLACE_BEFORE, government_of
from ..factbits import per_lexicon
from ..holders import (
    AUX_GAP,
    FIRST_WORD,
    Stated,
    actors_before,
    addressed,
    after_preposition,
    in_relative_clause,
    is_actor,
    is_modifier,
    subject_before,
)
from ..home import country_named
from ..knowledge import Knowledge
from ..names.labels import without_titles
from ..quotecues import quote_rules
from ..quotes import QuoteFound, Speech
from ..quotes.grammar import NEW_SUBJECT
from ..sentences import Sentence
from ..stanceframes import Frames, topic_spans
from .topics import _topic_rules

# "In the spring of 2024, it still insisted that ...": "it" opening the clause after a
# phrase of time or place is the sentence's subject, as "It" opening the sentence is.
_IT_AFTER_OPENING = re.compile(r"[^,.;:\"“”]{3,50},\s+it\s")
# A question opening the sentence, up to its comma ("Asked whether ..., he said no").
_ASKED_LEAD = re.compile(r"Asked\s+(?:whether|if|about|why|how|what|when|where|who)\b[^,;.]*,")
# Openings that refer back to the sentence before ("The document", "It", "This"): words
# of grammar, not of the domain.
_PRONOUN_AND = re.compile(r"(?:He|She)\s+and\s")
_ANAPHORA = re.compile(r"(?:The|This|That|These|Those|It|Such)\s")
_GOVERNMENT_OPENING = re.compile(r"The\s+(?:government|cabinet|administration)\b")


# "As chancellor, until March he refused to send it": a personal pronoun after the
# sentence's opening words, right before the cue (at most two words between), is its
# subject too. Only "he" and "she": "it" and "they" stand for things as often.
_PERSONAL_SUBJECT = re.compile(r"\b(?:he|she)\s+(?:[\w-]+\s+){0,2}$")


def _quoted_holders(
    every: list[tuple[int, str]], quotes: list[QuoteFound], stated: Stated
) -> Stated:
    """Holders whose own words hold a cue that `stated` gives nobody: "The embassy said
    Sweden had 'chosen to become a target', and the Kremlin spokesman said the move would
    'not go unanswered'" warns twice, once in each speaker's words."""
    out: Stated = []
    holders = {a for (a, _n), _s, _p in stated}
    for pos, stance in every:
        for q in quotes:
            if q.kind == "direct" and q.start <= pos < q.end and q.speaker:
                # A holder `stated` names already speaks once: their other cues are framed
                # by the sentence's first (`_yield`, `_goes_on`).
                if q.speaker not in holders and all(
                    (a, s) != (q.speaker, stance) for (a, _n), s, _p in out
                ):
                    out.append(((q.speaker, None), stance, pos))
                break
    return out


# Where a holder goes on speaking: ", calling", ", adding", "and warned".
_GOES_ON = re.compile(r"(?:,\s+|\s+and\s+(?:then\s+)?)(?P<verb>\w+)\b")
# Where the holder's earlier act is told: ", after keeping them limited", ", having refused".
_PRONOUN_GOES_ON = re.compile(
    r"(?:,\s+and|,\s+but|;)\s+(?:it|he|she|they)\s+(?:(?:has|have|had|also|then)\s+){0,2}$"
)
_EARLIER = re.compile(r",\s+(?:(?:after|before)\s+(?:having\s+)?\w+ing|having\s+\w+ed)\b")


def _goes_on(text: str, start: int, end: int, knowledge: Knowledge) -> bool:
    """Whether, between two cues, the sentence's holder speaks again: a comma or "and"
    right before a speech or call verb ("..., calling the deliveries")."""
    if _EARLIER.search(text, start, end):
        return True  # "cleared the missiles in May, after keeping them limited to ..."
    if _PRONOUN_GOES_ON.search(text, start, end):
        return True  # "Budapest argues that ..., and it has blocked a joint statement"
    calls = quote_rules(knowledge).calls
    verb = knowledge.speech_verb
    for m in _GOES_ON.finditer(text, start, end):
        word = m.group("verb")
        if m.group().lstrip().startswith("and") and word.endswith("ed"):
            return True  # "said ... and accused ministers of": the same subject acts on
        if (verb is not None and verb.fullmatch(word)) or (
            calls is not None and calls.fullmatch(word)
        ):
            return True
    return False


# A non-restrictive relative clause: ", which", ", who".
_RELATIVE = re.compile(r",\s+(?:which|who)\s")


def _relative_antecedent(
    text: str, sentence: Sentence, scan: EntityScan, pos: int
) -> tuple[str, int] | None:
    """The actor a relative clause holding the cue is about: "Belgium, which on Tuesday
    lifted its restrictions, would 'learn what this means,' he wrote" is Belgium's act,
    whoever reports it. Only when no comma stands between the clause's start and the cue."""
    lo = max(sentence.start, pos - 160)
    last = None
    for m in _RELATIVE.finditer(text, lo, pos):
        last = m
    if last is None or "," in text[last.end() : pos]:
        return None
    end = last.start()
    if text[end - 1 : end] == ")":
        # A bracket closes the name: the name before it ("The Union of Greens and Farmers
        # (ZZS), which", "MEP Rūta Vaitkienė (EPP), who": the person, not her party).
        opening = text.rfind("(", sentence.start, end)
        end = len(text[:opening].rstrip()) if opening > 0 else end
    named = next((m for m in scan.mentions if m.end == end), None)
    if named is None:
        # "Senator Dale Pruitt of Ohio, who ...": a person and where they are from.
        named = next(
            (
                m
                for m in scan.mentions
                if m.end < last.start()
                and _FROM_PLACE.fullmatch(text, m.end, last.start())
                and _is_person(scan, m.entity_id)
            ),
            None,
        )
    if named is None or not is_actor(scan, named.entity_id):
        return None
    return named.entity_id, named.start


# Where a person named before a relative clause is from: " of Ohio", " from New South Wales".
_FROM_PLACE = re.compile(r" (?:of|from) [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}")


def _after_relative(
    text: str, sentence: Sentence, scan: EntityScan, prev: int, later: int, holder: str
) -> bool:
    """Whether the cue at `prev` is in a relative clause on `holder` that a comma closes
    before the cue at `later`: the antecedent is then the main clause's subject."""
    antecedent = _relative_antecedent(text, sentence, scan, prev)
    return antecedent is not None and antecedent[0] == holder and "," in text[prev:later]


class Questions(NamedTuple):
    """A transcript's questions: paragraph number -> the reporter who asks (None for "Q:")
    and the person who answers next (None if no one we know)."""

    reporters: dict[int, str | None]
    answerers: dict[int, str | None]


def _interview_labels(
    source: Source, scan: EntityScan, knowledge: Knowledge, said_in: Sequence[Contribution] = ()
) -> tuple[dict[int, tuple[str, int | None]], Questions]:
    """Paragraph number -> the person whose answer it is, in an interview printed with the
    speaker's name as a label ("Kuryk: The serial version flies far."): what the
    paragraph says is theirs; and the transcript's questions."""
    labels: dict[int, tuple[str, int | None]] = {}
    reporters: dict[int, str | None] = {}
    # A press conference: a reporter's label names a news outlet the lexicon knows. Then a
    # question under a label naming one it does not know is a reporter's too.
    press = any(
        _reporter_label(source.text, p, scan, knowledge, False) is not None
        for p in source.paragraphs
        if not p.heading
    )
    starts = {m.start: m for m in scan.mentions}
    people: dict[str, str] | None = None  # by name and surname, once a label asks
    capitals: set[int] = set()  # paragraphs opening on a label in capitals
    journalists: set[str] = set()  # the labels of the programme's own people
    record = {c.paragraph: c for c in said_in}
    titles: dict[str, str] = {}  # a titled label's title -> the person it named
    # A record's own lines between contributions ("(Interjection from the AfD: ...)") go on
    # with no one's words: whoever they name holds what they say.
    lines = record_lines(source, said_in)
    for paragraph in source.paragraphs:
        if paragraph.heading:
            continue
        m = starts.get(paragraph.start)
        if (
            m is not None
            and source.text.startswith(": ", m.end)
            and (entity := scan.entity(m.entity_id)) is not None
            and entity.is_person
        ):
            if journalists and entity.name.split()[-1].casefold() in journalists:
                # "MORROW:" after "ELAINE MORROW (ABC ... CO-ANCHOR):": the host asks.
                capitals.add(paragraph.number)
                reporters[paragraph.number] = None
                continue
            labels[paragraph.number] = (m.entity_id, m.start)
            continue
        reporter = _reporter_label(source.text, paragraph, scan, knowledge, press)
        if reporter is not None:
            # "Ilse Vandamme (De Standaard): Secretary General, ...": a reporter's question
            # at a press conference, no answer of the speaker before.
            capitals.add(paragraph.number)
            reporters[paragraph.number] = reporter or None
            continue
        titled = _titled_label(source.text, paragraph.start, paragraph.end, scan)
        if titled is not None:
            # "NATO Secretary General Henrik Aalvik: Good afternoon.": the named speaker's.
            labels[paragraph.number] = (titled.entity_id, titled.start)
            capitals.add(paragraph.number)
            # The label's words but the name's ("NATO Secretary General"; the mention may
            # hold the title's last words: "Secretary General Annika Rautavaara").
            words = source.text[paragraph.start : titled.end].split()
            named = without_titles(source.text[titled.start : titled.end].split(), knowledge)
            title = " ".join(words[: len(words) - len(named)])
            if title:
                titles.setdefault(title, titled.entity_id)
            continue
        if titles and (who := _title_label(source.text, paragraph.start, titles)) is not None:
            # ... and later "NATO Secretary General: It matters.": the same speaker's.
            labels[paragraph.number] = (who, None)
            capitals.add(paragraph.number)
            continue
        # A debate record's label ("Mr Desmond Okonjo (Hartlepool) (Lab):", later "Mr
        # Okonjo:"): the member named in it speaks, and goes on in the unlabelled
        # paragraphs after it.
        said = record.get(paragraph.number)
        if said is not None:
            if said.mention is not None:
                capitals.add(paragraph.number)
            labels[paragraph.number] = (said.speaker, said.mention)
            continue
        # A transcript's label in capitals ("DOUGLAS PREWITT, Stimson Center: Because ..."):
        # a person the article names, or nobody we know (the anchor, say).
        if _QUESTION_LABEL.match(source.text, paragraph.start, paragraph.end):
            # "Q    Thanks, Ray. The Kremlin spokesman said ...": a reporter's question, no
            # answer of the speaker before.
            capitals.add(paragraph.number)
            reporters[paragraph.number] = None
            continue
        caps = _CAPITALS_LABEL.match(source.text, paragraph.start, paragraph.end)
        if caps is not None:
            capitals.add(paragraph.number)
            # "MAJ. GEN. DANA HOLT:", later "GEN. HOLT:": the name without its titles.
            name = " ".join(without_titles(caps.group("name").split(), knowledge)).casefold()
            staff = _staff(knowledge)
            if staff is not None and staff.search(caps.group()):
                # "JONATHAN REYES, BYLINE:", "LEILA FAROUK, HOST:": the programme's own
                # narration, no holder's words; so later "REYES:".
                journalists.update({name, name.split()[-1]})
                reporters[paragraph.number] = None  # asks; "you" is whoever answers
                continue
            if name in journalists:
                reporters[paragraph.number] = None
                continue
            if people is None:
                people = _people_by_name(scan)
            who = people.get(name)
            if who is not None:
                labels[paragraph.number] = (who, None)
    labels.update(_answers(source, scan, knowledge, labels))
    if len(capitals) >= _TRANSCRIPT_LABELS:
        # A transcript: a paragraph with no label goes on with the last one's speaker.
        last: tuple[str, int | None] | None = None
        for paragraph in source.paragraphs:
            if paragraph.heading:
                continue
            if paragraph.number in capitals:
                last = labels.get(paragraph.number)
            elif paragraph.number not in labels and paragraph.number not in lines and last:
                labels[paragraph.number] = (last[0], None)
    # Who answers each question: the speaker of the next labelled paragraph.
    answerers: dict[int, str | None] = {}
    for number in reporters:
        after = min((n for n in (*labels, *reporters) if n > number), default=None)
        label = labels.get(after) if after is not None and after not in reporters else None
        answerers[number] = label[0] if label is not None else None
    return labels, Questions(reporters, answerers)


# A reporter's label at a press conference: a name, or "Question", and the news outlet in
# brackets ("Ilse Vandamme (De Standaard): ", "Question (Reuters): ").
_REPORTER_LABEL = re.compile(r"(?P<who>[^:()\n]{1,60}?)\s*\((?P<outlet>[^()\n]{1,60})\):\s")


def _reporter_label(
    text: str, paragraph: Paragraph, scan: EntityScan, knowledge: Knowledge, press: bool
) -> str | None:
    """The reporter of a paragraph opening on a reporter's label ("" when the article
    does not name them): a label whose bracket names a news outlet the lexicon knows, or
    at a press conference (`press`) any that asks a question; None for another paragraph."""
    m = _REPORTER_LABEL.match(text, paragraph.start, paragraph.end)
    if m is None:
        return None
    media = is_outlet(m.group("outlet"), knowledge)
    if not media and (not press or "?" not in text[m.end() : paragraph.end]):
        return None
    return next(
        (
            x.entity_id
            for x in scan.mentions
            if m.start("who") <= x.start
            and x.end <= m.end("who")
            and (e := scan.entity(x.entity_id)) is not None
            and e.is_person
        ),
        "",
    )


# A label's title and name before its colon: capitalised words ("NATO Secretary General
# Henrik Aalvik: "), with the small words of an office ("Minister of Defence").
_TITLED_WORDS = re.compile(
    r"(?:[A-Z][\w.'’-]*|of|for|the|and)(?:[ \t]+(?:[A-Z][\w.'’-]*|of|for|the|and))*"
)
_TITLED_REACH = 80  # characters a title and a name may take before the colon


def _titled_label(text: str, start: int, end: int, scan: EntityScan) -> Mention | None:
    """The person named last in a label of capitalised words closing on a colon that opens
    `text[start:end]` ("NATO Secretary General Henrik Aalvik: ..."); None for another
    paragraph."""
    colon = text.find(": ", start, min(end, start + _TITLED_REACH))
    if colon < 0 or not _TITLED_WORDS.fullmatch(text, start, colon):
        return None
    return next(
        (
            m
            for m in scan.mentions
            if m.end == colon
            and start < m.start
            and (e := scan.entity(m.entity_id)) is not None
            and e.is_person
        ),
        None,
    )


def _title_label(text: str, start: int, titles: dict[str, str]) -> str | None:
    """The person of a label that is a title alone ("NATO Secretary General: ...") which an
    earlier label gave with the person's name; None for another paragraph."""
    colon = text.find(": ", start, start + _TITLED_REACH)
    return titles.get(text[start:colon]) if colon > start else None


def _people_by_name(scan: EntityScan) -> dict[str, str]:
    """The article's people by name, folded, and by surname, as a transcript labels them
    after the first time ("REYES:")."""
    people = {e.name.casefold(): e.id for e in scan.entities.values() if e.is_person}
    for e in scan.entities.values():
        if e.is_person:
            people.setdefault(e.name.split()[-1].casefold(), e.id)
    return people


# A reporter's question in a briefing's transcript: "Q:", "QUESTION:", or the White House's
# "Q" and a run of spaces.
_QUESTION_LABEL = re.compile(r"(?:Q|QUESTION)(?::[ \t]|[ \t]{2,}|\t)")
_CAPITALS_LABEL = re.compile(
    r"(?P<name>[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,5})(?:,[^:\n]{1,60}|\s\([^()\n]{1,60}\))?:\s"
)
_TRANSCRIPT_LABELS = 3  # labels in capitals that make an article a transcript


def _staff_pattern(data: dict[str, Any]) -> re.Pattern[str] | None:
    """The role after a label's comma that makes it the programme's (lexicon
    `transcript_staff`): ", HOST", ", BYLINE"."""
    roles = sorted(str(w) for w in data.get("transcript_staff") or [])
    if not roles:
        return None
    # ... or in brackets, after the programme's name ('ELAINE MORROW (ABC "THIS WEEK"
    # CO-ANCHOR):').
    return re.compile(
        rf"(?:,\s*|\((?:[^()\n]*?[\s\"“”-])?)(?:{'|'.join(map(re.escape, roles))})\b", re.IGNORECASE
    )


_staff = per_lexicon(_staff_pattern)


def _qa_patterns(data: dict[str, Any]) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """The labels opening a question and an answer of a printed interview (lexicon
    `interview_labels`: "Q:", "A:")."""
    raw = data.get("interview_labels") or {}
    questions = [str(w) for w in raw.get("questions") or []]
    answers = [str(w) for w in raw.get("answers") or []]
    if not questions or not answers:
        return None
    return (
        re.compile("|".join(re.escape(w) for w in questions)),
        re.compile("|".join(re.escape(w) for w in answers)),
    )


_qa = per_lexicon(_qa_patterns)
# Answers that make an article a printed interview.
_INTERVIEW_ANSWERS = 2


def _answers(
    source: Source,
    scan: EntityScan,
    knowledge: Knowledge,
    labels: dict[int, tuple[str, int | None]],
) -> dict[int, tuple[str, int | None]]:
    """Paragraph number -> the interviewee, for the answers of a printed interview ("Q:
    ... A: No, and it didn't need to."), and the paragraphs that go on from one: the
    person the article's headings name, else the person it names most outside questions."""
    patterns = _qa(knowledge)
    if patterns is None:
        return {}
    question, answer = patterns
    text = source.text
    kinds: dict[int, str] = {}
    for p in source.paragraphs:
        if not p.heading and p.number not in labels:
            if answer.match(text, p.start):
                kinds[p.number] = "a"
            elif question.match(text, p.start):
                kinds[p.number] = "q"
    if sum(1 for k in kinds.values() if k == "a") < _INTERVIEW_ANSWERS:
        return {}
    asked = [(p.start, p.end) for p in source.paragraphs if kinds.get(p.number) == "q"]
    heads = [(p.start, p.end) for p in source.paragraphs if p.heading]
    counts: dict[str, int] = {}
    headed: str | None = None
    for m in scan.mentions:
        entity = scan.entity(m.entity_id)
        if entity is None or not entity.is_person or any(a <= m.start < b for a, b in asked):
            continue
        counts[m.entity_id] = counts.get(m.entity_id, 0) + 1
        if headed is None and any(a <= m.start < b for a, b in heads):
            headed = m.entity_id
    who = headed or max(sorted(counts), key=lambda e: counts[e], default=None)
    if who is None:
        return {}
    out: dict[int, tuple[str, int | None]] = {}
    going_on = False
    for p in source.paragraphs:
        kind = kinds.get(p.number)
        if kind == "a" or (going_on and kind is None and not p.heading and p.number not in labels):
            out[p.number] = (who, None)
            going_on = True
        else:
            going_on = False
    return out


def _unnamed_after(quote: QuoteFound, sentence: Sentence, events: list[Speech]) -> bool:
    """Whether the first speech verb after `quote` in its sentence has no known speaker."""
    after = [ev for ev in events if ev.sentence == sentence and ev.start >= quote.end]
    return bool(after) and after[0].speaker is None and not after[0].calls


def _is_person(scan: EntityScan, entity_id: str) -> bool:
    entity = scan.entity(entity_id)
    return entity is not None and entity.is_person


def _actor(
    text: str,
    pos: int,
    sentence: Sentence,
    previous: Sentence | None,
    scan: EntityScan,
    quotes: list[QuoteFound],
    events: list[Speech],
    knowledge: Knowledge,
) -> tuple[str, int | None] | None:
    """(actor, where the sentence names it) of a cue at `pos`: the speaker of the words
    holding it, else the nearest actor named before it that acts (not one qualifying a
    noun: `is_modifier`). A sentence naming no actor at all
    and opening by referring back ("The document lowers the threshold ...") continues the
    one before it in the same paragraph, whose first actor it is about. `events`: the
    article's speech verbs, or only those of `sentence`."""
    antecedent = _relative_antecedent(text, sentence, scan, pos)
    if antecedent is not None:
        return antecedent
    for q in quotes:
        if q.start <= pos < q.end and q.speaker:
            if q.kind == "reported" and q.clause_end is not None and pos >= q.clause_end:
                continue  # "X said ..., while Labour backed ...": past what X said
            if (
                q.kind == "reported"
                and q.clause is not None
                and pos < q.clause
                and (q.said_end is None or pos >= q.said_end)
                and not _is_person(scan, q.speaker)
            ):
                # "Moscow vows a response, and London says it ...": a clause before the
                # speech verb, not what was said, is its own subject's. A person speaking
                # after it mostly speaks for its subject ("Germany has turned down ...,
                # and government spokeswoman Katrin Seidel said"): theirs too.
                continue
            if q.kind == "reported" and q.said_end is not None and pos > q.said_end:
                # "..., according to Ukraine's air force, and Kyiv has asked for ...": a
                # clause of its own after the attribution is its subject's.
                own = subject_before(
                    text, sentence, scan, quotes, q.said_end, pos, AUX_GAP
                ) or _relative_subject(text, scan, q.said_end, pos)
                if own is not None:
                    return own
            semicolon = text.rfind("; ", sentence.start, pos)
            if q.kind == "reported" and q.clause is not None and q.clause < semicolon:
                # "Kyiv says the depot was hit; Kremlin accuses Washington of ...": a
                # clause after a semicolon is its own subject's.
                own = subject_before(text, sentence, scan, quotes, semicolon, pos, AUX_GAP)
                if own is not None:
                    return own
            return q.speaker, None
        if q.start <= pos < q.end and q.kind == "direct" and _unnamed_after(q, sentence, events):
            # '"for each ally to decide," an official said': the words are an
            # unnamed source's; no name elsewhere in the sentence said them.
            return None
    for ev in events:
        if (
            ev.sentence == sentence
            and ev.end <= pos
            and ev.speaker
            and not NEW_SUBJECT.search(text, ev.end, pos)  # "..., while Labour backed"
        ):
            # "X says, defending a decision that the Russian embassy calls a step toward
            # war": a relative clause's own subject holds what it calls the decision.
            return _relative_subject(text, scan, ev.end, pos) or (ev.speaker, None)
    # Not a name inside the topic of the cue's predicate ("permission to strike inside
    # Russia would amount to war": Russia is what is talked about, not who talks).
    named = actors_before(text, sentence, scan, quotes, pos)
    topics = (
        [
            (t_lo, t_hi)
            for t_lo, t_hi, p_lo, p_hi in topic_spans(
                text, sentence.start, sentence.end, _topic_rules(knowledge).frames
            )
            if p_lo <= pos < p_hi
        ]
        if named  # sought only to pass over names: none, none sought
        else []
    )
    before = [
        a
        for a in named
        if not is_modifier(text, a[1], scan, knowledge)
        and not any(t_lo <= a[1] < t_hi for t_lo, t_hi in topics)
    ]
    # "Asked whether the company had any say over where Ukraine fires its missiles, he
    # said no": a name inside the question put to someone is what was asked about.
    question = _ASKED_LEAD.match(text, sentence.start)
    if question is not None:
        before = [a for a in before if a[1] is None or a[1] >= question.end()]
    # "Britain and France, which build the missile through MBDA, lifted": a name in a
    # relative clause qualifies the one before it, it does not act.
    before = [
        a for a in before if not in_relative_clause(text, sentence.start, a[1], pos)
    ] or before
    # "strikes by Ukraine", "a fellow of the Asan Institute": a name after a preposition
    # is its object, not who speaks, unless nobody else is named; a place ("the use of the
    # missiles in Russia") never is.
    acting = [a for a in before if not after_preposition(text, a[1], sentence)]
    # "researcher at the French Institute of International Relations (IFRI)": a name in
    # brackets is an aside to the one before it, which acts or not as it does.
    acting = [a for a in acting if a[1] is None or not text.startswith("(", a[1] - 1)]
    # "Berlin gave Ukraine 24 Taurus missiles without geographic limits": a name right after
    # a verb of giving is who receives, not who acts.
    acting = [
        a for a in acting if a[1] is None or not _GIVEN_TO.search(text, max(0, a[1] - 24), a[1])
    ]
    asked = _topic_rules(knowledge).frames.asked_before
    if asked is not None:
        before = [a for a in before if not asked.search(text, max(0, a[1] - 30), a[1])]
        acting = [a for a in acting if not asked.search(text, max(0, a[1] - 30), a[1])]
    # "UK says Kyiv free to hit": the one let do it is not who lets it (a headline's
    # speech verb finds no quote, so this sentence has no speaker).
    # Only the name nearest the cue is its subject: "Sweden's government unveiled drones
    # that Kyiv will be free to use" lets Kyiv, not Sweden.
    if (
        acting
        and acting[-1] == named[-1]
        and addressed(text, acting[-1][1], pos, _topic_rules(knowledge).frames)
    ):
        let = acting.pop()
        before = [a for a in before if a != let]
    if acting:
        return _described_person(text, acting[-1], before, scan) or acting[-1]
    holders = [a for a in before if not PLACE_BEFORE.search(text, max(0, a[1] - 12), a[1])]
    if holders:
        return holders[-1]
    if (
        previous is not None
        and previous.paragraph == sentence.paragraph
        and (_ANAPHORA.match(text, sentence.start) or _IT_AFTER_OPENING.match(text, sentence.start))
        # ... naming no one else; "It" as the subject may come before a name the cue is
        # followed by ("It now says the cap had served its purpose, and Germany's deliveries
        # ...").
        and not actors_before(
            text,
            sentence,
            scan,
            quotes,
            pos if text.startswith("It ", sentence.start) else sentence.end,
        )
    ):
        earlier = actors_before(text, previous, scan, quotes, previous.end)
        if earlier:
            # "Denmark has sent 19 F-16s. The government lifted its last restrictions": the
            # country's government, when the sentence opens on one.
            if _GOVERNMENT_OPENING.match(text, sentence.start):
                country = earlier[0][0]
                entity = scan.entity(country)
                known = entity is not None and entity.category == "country"
                government = government_of(country, knowledge) if known else None
                if government is not None:
                    return government, None
            return earlier[0][0], None
    if previous is not None and (
        _PRONOUN_AND.match(text, sentence.start)
        or not actors_before(text, sentence, scan, quotes, sentence.end)
    ):
        # "He appealed to partners to remove all restrictions": a personal pronoun opening
        # the sentence (lexicon `pronouns`) stands for the last person named just before,
        # when the sentence names no one else, or opens on "She and" ("She and a group of
        # senators wrote ... urging him to approve the transfer without restrictions on
        # targets inside Russia").
        first = FIRST_WORD.match(text, sentence.start)
        pronouns = knowledge.word_set("pronouns")
        if (
            first is not None and first.group(0).casefold() in pronouns
        ) or _PERSONAL_SUBJECT.search(text, sentence.start, pos):
            people = [
                a
                for a in actors_before(text, previous, scan, quotes, previous.end)
                if (e := scan.entity(a[0])) is not None and e.is_person
            ]
            if people:
                return people[-1][0], None
    return None


def _relative_subject(text: str, scan: EntityScan, lo: int, pos: int) -> tuple[str, int] | None:
    """(actor, where named) of the subject of a relative clause between `lo` and the cue at
    `pos` ("a decision that the Russian embassy calls a step toward war"): an actor right
    after "that" or "which", a few words before the cue."""
    for m in reversed(scan.mentions):
        if m.start < lo or m.end > pos:
            continue
        if (
            _RELATIVE_LEAD.search(text, max(lo, m.start - 12), m.start)
            and len(_WORDS.findall(text, m.end, pos)) <= _RELATIVE_VERB_WORDS
            and is_actor(scan, m.entity_id)
        ):
            return m.entity_id, m.start
    return None


_RELATIVE_LEAD = re.compile(r"\b(?:that|which)\s+(?:the\s+)?$")
_WORDS = re.compile(r"\w+")
_RELATIVE_VERB_WORDS = 3  # "calls a", "has called it a"


# A verb of giving right before its recipient ("gave Ukraine", "is sending Kyiv").
_GIVEN_TO = re.compile(
    r"\b(?:gave|give|gives|given|giving|sen[dt]|sends|sending|hand(?:s|ed|ing)?|offer(?:s|ed|ing)?|"
    r"suppl(?:y|ies|ied|ying)|provid(?:e|es|ed|ing)|grant(?:s|ed|ing)?|sell(?:s|ing)?|sold|"
    r"ced(?:e|es|ed|ing))\s+$"
)


# An apposition's opening words between a person and a body it names ("Dale Ferriday, a
# Republican from Montana,").
_APPOSITION_OPENING = re.compile(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}")


def _described_person(
    text: str, actor: tuple[str, int], before: list[tuple[str, int]], scan: EntityScan
) -> tuple[str, int] | None:
    """The person an apposition describes when `actor` only names their party or employer
    inside it ("senators led by Dale Ferriday, a Republican from Montana, urged"): the
    person acts, the body describes them."""
    at = actor[1]
    entity = scan.entity(actor[0])
    if entity is None or entity.is_person:
        return None
    for other in reversed(before):
        person = scan.entity(other[0])
        if other[1] >= at or person is None or not person.is_person:
            continue
        end = next((m.end for m in scan.mentions if m.start == other[1]), None)
        if end is not None and _APPOSITION_OPENING.fullmatch(text, end, at):
            return other
        return None
    return None


def _polls(text: str, start: int, end: int, frames: Frames) -> bool:
    """Whether the name at `text[start:end]` is where a poll comes from."""
    if frames.poll_after is not None and frames.poll_after.match(text, end):
        return True
    return frames.poll_before is not None and (
        frames.poll_before.search(text, max(0, start - 40), start) is not None
    )


# "her country", "his own country": the speaker's, as a clause's subject.
_OWN_COUNTRY = re.compile(r"\b(?:his|her|their) (?:own )?country\b")
_CAPITAL_WORD = re.compile(r"[A-Z][\w-]*")


def _own_country(
    text: str, sentence: Sentence, holder: str, pos: int, scan: EntityScan, knowledge: Knowledge
) -> tuple[str, int] | None:
    """The country "her country" stands for in the clause of a cue at `pos` whose holder
    is a person ("Finland's foreign minister, Elina Saarikoski, announced that her country
    would finance ..."): the first country the person's role names, and where the words
    are."""
    own = None
    for m in _OWN_COUNTRY.finditer(text, sentence.start, pos):
        own = m
    if own is None or not _is_person(scan, holder):
        return None
    entity = scan.entity(holder)
    role = " ".join(
        d for d in (scan.descriptions.get(holder), entity.description if entity else None) if d
    )
    role += " " + text[sentence.start : own.start()]
    for word in _CAPITAL_WORD.findall(role):
        country = country_named(
            word.removesuffix("'s").removesuffix("\u2019s"), knowledge, towns=False
        )
        entity = knowledge.entities.get(country) if country is not None else None
        if country is not None and entity is not None and entity.category == "country":
            return country, own.start()
    return None
