"""Claims attributed with a phrase instead of a speech verb: "According to the Pentagon,
Ukraine fired eight missiles"; "Portugal has paid EUR 120m, according to its defence
ministry". The phrases are `quote_rules.source_phrases` in cues.yaml.

Only the two plain shapes are read: the phrase opens the sentence and a comma ends the
source, or the phrase ends the sentence after a comma. The claim is the rest of the
sentence; the speaker the entity named right after the phrase (nobody if none is named:
"according to officials"). A source that is a poll (`quote_rules.poll_words`: "according to
a survey by Ipsos") gives no claim: a poll's result is not what anyone said.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from .entitycues import government_of
from .factbits import per_lexicon
from .quotecues import quote_rules
from .quotes import QuoteFound, Speech
from .sentences import Sentence

# After the source's name: only its own words up to the sentence's end ("according to the
# ministry's figures.").
_TAIL = re.compile(r"(?:(?!--|\u2014)[^,;:\"“”]){0,60}?[.!?]?[\"”’']?\s*$")
_NEXT_WORD = re.compile(r"\s+([\w-]+)")
_LEAD = re.compile(r"\s*[\"“‘']?\s*")


def _phrases(data: dict[str, Any]) -> re.Pattern[str] | None:
    phrases = sorted(
        {str(p) for p in (data.get("quote_rules") or {}).get("source_phrases") or []},
        key=lambda p: (-len(p), p),
    )
    if not phrases:
        return None
    return re.compile(rf"\b(?P<phrase>(?i:{'|'.join(map(re.escape, phrases))}))\s+(?:the\s+)?")


_compiled = per_lexicon(_phrases)


def _voice(text: str, speaker: Any, knowledge: Any) -> str | None:
    """Who speaks: the entity named, or for "U.S. officials" the U.S. government (unnamed
    officials of a country speak for its government, as in `quotes`)."""
    nxt = _NEXT_WORD.match(text, speaker.end)
    if nxt is None or nxt.group(1).casefold() not in knowledge.word_set("anonymous_sources"):
        return str(speaker.entity_id)
    return government_of(speaker.entity_id, knowledge)


# Words that may open an unnamed source: "a senior", "two", "several".
_OPENING = re.compile(r"\s+(?:(?:the|a|an|one|two|three|several|some|senior|unnamed)\s+)*")


def _unnamed_voice(text: str, at: int, end: int, knowledge: Any) -> str | None:
    """For "according to Ukrainian officials" or "a senior German official": the
    country's government, as `quotes` gives unnamed officials after a demonym."""
    voice = quote_rules(knowledge).government_voice
    lead = _OPENING.match(text, at, end)
    m = voice.match(text, lead.end(), end) if voice is not None and lead else None
    return knowledge.lookup(f"{m.group('dem')} government") if m else None


# Lower-case words describing what the source put out, before its name: "estimates by the
# open-source research group", "data of the".
_DESCRIPTION = re.compile(r"(?:[a-z][\w-]*\s+){1,6}")
_SOURCE_END = re.compile(r"[^,;:\"“”.!?]{0,60}?,\s+")
_MIN_REST_WORDS = 3
_WORDS = re.compile(r"\w+")


def _described_source(text: str, at: int, end: int, mentions: list[Any], knowledge: Any) -> Any:
    """The entity named after a description of its data ("according to estimates by the
    Kyiv School of Economics"): the mention right after lower-case words only. Not after
    a role ("according to the spokesman of General Staff major Serhii Ostrovskyi"): the
    person the role leads to speaks, not the body it is of."""
    lead = _DESCRIPTION.match(text, at, end)
    if lead is None:
        return None
    roles = knowledge.word_set("role_nouns")
    if any(w.casefold() in roles for w in _WORDS.findall(lead.group())):
        return None
    found = next((x for x in mentions if x.start == lead.end() and x.end <= end), None)
    compound = _COMPOUND.match(text, found.end, end) if found is not None else None
    if compound is not None:
        # "a tally by the Kyiv-based Centre for Defence Strategies": the town qualifies
        # the body named after it, which is the source.
        return next((x for x in mentions if x.start == compound.end() and x.end <= end), None)
    return found


# A compound modifier right after a name ("Kyiv-based ", "U.S.-funded ").
_COMPOUND = re.compile(r"-[a-z]+\s+")


def _goes_on_after(text: str, source_end: int, end: int) -> bool:
    """Whether the sentence goes on after the source with a comma and words of its own
    ("..., according to Ukraine's air force, most of them launched from ..."): the claim is
    still what comes before the phrase."""
    comma = _SOURCE_END.match(text, source_end, end)
    return comma is not None and len(_WORDS.findall(text, comma.end(), end)) >= _MIN_REST_WORDS


class _Named(NamedTuple):
    """A source named before its sentence, standing at the words that refer back to it."""

    entity_id: str
    end: int


def _body_named_before(
    text: str,
    m: re.Match[str],
    sentence: Sentence,
    mentions: list[Any],
    knowledge: Any,
    companies: frozenset[str],
) -> _Named | None:
    """For "according to the ministry": the last body named before the sentence whose
    name holds that head noun ("the Latvian Interior Ministry"); for "according to the
    company" (or a translation's "according to producer"), the last company (`companies`:
    their ids)."""
    noun = _NEXT_WORD.match(text, m.end() - 1)
    if noun is None:
        return None
    word = noun.group(1).casefold()
    company = word in quote_rules(knowledge).company_nouns
    # A translation may leave the article out ("According to producer, it has reach ..."):
    # only before a company's noun, which names no one by itself.
    if not text[m.start() : m.end()].casefold().endswith("the ") and not company:
        return None
    before = [x for x in mentions if x.end <= sentence.start]
    if company:
        fitting = [x for x in before if x.entity_id in companies]
    elif word.capitalize() in knowledge.organisation_heads:
        fitting = [x for x in before if word in x.text.casefold().split()]
    else:
        return None
    return _Named(str(fitting[-1].entity_id), noun.end()) if fitting else None


# "according to its manufacturer, the European missile maker MBDA": an owner's role noun
# and a comma before the source's name.
_ROLE_APPOSITION = re.compile(r"(?:its|their|his|her)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?,\s+")


_APPOSITION_REACH = 50  # characters from the comma to where the name starts


def _apposed_source(text: str, at: int, end: int, mentions: list[Any], knowledge: Any) -> Any:
    """The entity named after "its manufacturer," ("according to its manufacturer, the
    European missile maker MBDA", "according to the manufacturer, the Italian company
    Meridiana Sistemi"): the first mention within reach after the comma."""
    lead = _ROLE_APPOSITION.match(text, at, end)
    # ... or after a maker's noun an apposition calls a maker again (`QuoteRules`).
    maker = quote_rules(knowledge).maker_apposition
    if lead is None and maker is not None:
        lead = maker.match(text, at, end)
    if lead is None:
        return None
    return next(
        (
            x
            for x in mentions
            if lead.end() <= x.start <= lead.end() + _APPOSITION_REACH and x.end <= end
        ),
        None,
    )


# "According to him," / "according to her": the person named last.
_PRONOUN = re.compile(r"\s+(?:him|her)\b")


def _last_person(
    mentions: list[Any], people: frozenset[str], sentence: Sentence, sentences: list[Sentence]
) -> str | None:
    """The last person (`people`: their ids) named before `sentence`, in its paragraph or
    the one before."""
    first = next(
        (s.start for s in sentences if s.paragraph >= sentence.paragraph - 1), sentence.start
    )
    named = [x for x in mentions if first <= x.start < sentence.start and x.entity_id in people]
    return str(named[-1].entity_id) if named else None


def according(
    text: str,
    sentences: list[Sentence],
    mentions: list[Any],
    knowledge: Any,
    spans: list[tuple[int, int]],
    taken: set[int],
    people: frozenset[str] = frozenset(),
    companies: frozenset[str] = frozenset(),
) -> tuple[list[QuoteFound], list[Speech]]:
    """Reported claims with a source phrase, and a Speech for each (its phrase) so that
    `reported_text` and the positions see them like speech verbs. `taken`: starts of the
    sentences that already have a reported claim."""
    pattern = _compiled(knowledge)
    if pattern is None:
        return [], []
    found: list[QuoteFound] = []
    events: list[Speech] = []
    for sentence in sentences:
        if sentence.start in taken:
            continue
        m = pattern.search(text, sentence.start, sentence.end)
        if m is None or any(s <= m.start() < e for s, e in spans):
            continue
        # "According to him the Czech Republic ...": the pronoun is the source, not the
        # name after it.
        pronoun = _PRONOUN.match(text, m.end("phrase"))
        speaker = None
        if pronoun is None:
            speaker = next(
                (
                    x
                    for x in mentions
                    if m.end("phrase") < x.start <= m.end() + 4 and x.end <= sentence.end
                ),
                None,
            )
        if speaker is None and pronoun is None:
            speaker = _described_source(text, m.end(), sentence.end, mentions, knowledge)
        if speaker is None and pronoun is None:
            speaker = _apposed_source(text, m.end(), sentence.end, mentions, knowledge)
        if speaker is None and pronoun is None:
            speaker = _body_named_before(text, m, sentence, mentions, knowledge, companies)
        source_end = speaker.end if speaker is not None else pronoun.end() if pronoun else m.end()
        lead = _LEAD.match(text, sentence.start)
        opens = lead is not None and lead.end() == m.start()
        if opens and pronoun and not text.startswith(",", source_end):
            # "According to him the Czech Republic will not ...": a translation leaves the
            # comma out; a pronoun is the whole source, the claim follows it.
            clause, said_end = source_end, None
        elif opens:
            comma = text.find(",", source_end, sentence.end)
            if comma < 0 or comma - source_end > 60:
                continue
            clause, said_end = comma + 1, None
        else:
            before = text.rfind(",", sentence.start, m.start())
            if (
                before < 0
                or text[before + 1 : m.start()].strip()
                or not (
                    _TAIL.fullmatch(text, source_end, sentence.end)
                    or _goes_on_after(text, source_end, sentence.end)
                )
            ):
                continue
            clause, said_end = before, before
        # A poll's result is no one's claim ("According to a survey which Norstat has made
        # for NRK, 52.3 percent ...": the source's words name a poll).
        polls = quote_rules(knowledge).polls
        if polls is not None and polls.search(
            text, m.end("phrase"), clause if opens else sentence.end
        ):
            continue
        who = (
            _voice(text, speaker, knowledge)
            if speaker is not None
            else _last_person(mentions, people, sentence, sentences)
            if pronoun
            else _unnamed_voice(text, m.end("phrase"), sentence.end, knowledge)
        )
        events.append(Speech(m.start(), m.end(), who, sentence))
        found.append(
            QuoteFound(
                sentence.start, sentence.end, who, "reported", clause=clause, said_end=said_end
            )
        )
    return found, events
