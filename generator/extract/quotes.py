"""Direct quotations and reported speech, each with its speaker.

A speech verb outside quotation marks ("said", "told", "wrote") attributes what is near it.
Its speaker is the name just after it when the sentence opens with the quote ('..." added
Rice'), else the nearest name before it, skipping appositions ("Ivan Stupak, a former
officer in ..., told"). A pronoun ("he added") is the last person who spoke; an unnamed
source ("officials said") is no speaker at all. A quote without a verb of its own takes the
speaker of the quote it runs on from, in the same paragraph or the one before.
"""

from __future__ import annotations

import calendar
import hashlib
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import accumulate

from ..sources import Source
from . import casefast
from .bystart import ByStart, after_last_end
from .entities import EntityScan, Mention
from .entitycues import PLACE_BEFORE, entity_rules
from .knowledge import Knowledge
from .quotecues import QuoteRules, is_term, quote_rules
from .runon import CLOSE as _CLOSE
from .runon import MARK as _MARK  # the quotation marks `quote_spans` pairs
from .runon import OPEN as _OPEN
from .runon import run_on_spans
from .sentences import Sentence
from .verbstarts import speech_verbs

# An aside between a speaker and their verb: an apposition ("X, a former officer, said"),
# any phrase set off by commas that opens in lower case ("Macron, after talks with
# Scholz, said"), or a dash pair.
# ", a White House spokesman," and ", Russia's ambassador to Italy,": who someone is.
_APPOSITION = re.compile(
    r",\s(?:(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*['’]s\s+)?[a-z][^,]*,|\s(?:--|\u2014)\s.*?\s(?:--|\u2014)\s"
)
_WORD = re.compile(r"[\w’'.-]+")
_WORD_CHAR = re.compile(r"\w")
# A relative clause between a speaker and the verb (", who spoke on condition of anonymity,").
_RELATIVE_ASIDE = re.compile(r",\s+(?:who|which|whose)\b[^,]*,\s*$")
# Between a person and the body they belong to ("X of the Institute", "X at the Ministry").
# "Justin Bronk of the Institute", "Mareike Vollrath (SPD)": the person and their body.
_AFFILIATION = re.compile(r",?\s+(?:of|at|from|with)\s+(?:the\s+)?|\s*\(")
# A body and where it sits ("the Russian Embassy in Norway said", "the U.N. mission in
# Ukraine said"): the body speaks, the place is the object of "in".
# "the founder of", "a spokesman for": a role of the body named next.
_ROLE_OF = re.compile(r"\b([a-z][\w-]*)\s+(?:of|for|at)\s+(?:the\s+)?$")
_SEAT = re.compile(r"\s+(?:in|at)\s+(?:the\s+)?")
# A verb with no subject of its own, coordinated with the one before it.
_COORDINATED = re.compile(r"\s(?:and|but)\s+(?:\w+ly\s+)?$")
_TOKEN = re.compile(r"\w[\w’'-]*")  # a word without the stops _WORD keeps
_THAT = re.compile(r"\bthat\b")
# A speech verb right after one of these is a noun or adjective ("continued aid").
_NOT_VERB_AFTER = frozenset(
    {
        "the",
        "a",
        "an",
        "to",
        "towards",
        "toward",
        "of",
        "for",
        "in",
        "on",
        "with",
        "by",
        "from",
        "its",
        "their",
        "his",
        "her",
        "our",
    }
)
_PASSIVE_AFTER = frozenset({"been", "being", "was", "were", "is", "are", "be"})
_SPOKEN_TO = frozenset({"told", "asked", "informed", "warned", "urged", "assured", "reminded"})
_MAX_GAP_WORDS = 6
# Words that open a phrase of place, time or manner after a speech verb ("said in a
# statement on Monday"): grammar, not domain knowledge.
_WORDY_CHAR = re.compile(r"\w")
# The words between a body's name and the voice noun that ends a speaker's description
# ("State Department spokesperson", "NATO defence official"), up to the speech verb.
_VOICE_AFTER_BODY = re.compile(r"(?:\s+[a-z][\w-]*)?\s+[\w-]+\s*$")
_ADVERBIAL_LEADS = frozenset(
    {
        "in",
        "on",
        "at",
        "during",
        "after",
        "before",
        "via",
        "through",
        "late",
        "early",
        "earlier",
        "later",
        "last",
        "this",
        "yesterday",
        "today",
        "tonight",
        "overnight",
        "separately",
        "then",
        "again",
        "afterwards",
        "recently",
        "publicly",
        "privately",
    }
    # "..., the ministry said Monday.": a weekday after the verb is when it was said.
    | {day.casefold() for day in calendar.day_name}
)
# When it was said, between a speech verb and what was said without "that" ("said Monday
# he hoped", "told reporters on Tuesday the jets"): calendar words, not domain knowledge.
_WHEN = re.compile(
    r"\s*,?\s*(?:(?:on|late|early|last|this)\s+)?(?:"
    + "|".join(calendar.day_name)
    + r"|today|yesterday|tonight|overnight|earlier|later)"
    r"(?:\s+(?:morning|afternoon|evening|night))?\s*,?(?=\s)"
)
# Capitalised words after "told" before a lower-case clause: who was told.
_NAMED_LISTENER = re.compile(r"(?:[Tt]he\s+)?(?:[A-Z][\w.&'’-]*\s+){1,3}(?=[a-z])")
_MARKS = re.compile('["\u201c\u201d]')
_PRONOUN_REACH = 3
_LONG_LEAD_WORDS = 12  # 'in a statement posted on its website on Tuesday'
# What may follow a speaker named after the verb: the end, or an apposition.
_SPEAKER_TAIL = re.compile(r"\s*(?:[.!?]|,\s|$)")
# ... or, for a person, where they work ("..., said Fabian Reitmeier of the SWP.").
_PERSON_TAIL = re.compile(r"\s+(?:of|at|from)\s+(?:the\s+)?[A-Z]")
_DETERMINERS = frozenset(
    {"the", "a", "an", "its", "their", "his", "her", "this", "these", "those"}
)  # paragraphs a pronoun can reach back to its speaker


# The words right before a name back to a punctuation mark: the title it was written with.
_TITLE_BEFORE = re.compile(r"[^.,;:!?\"“”()\n]*$")


def _title_before(text: str, start: int) -> str:
    found = _TITLE_BEFORE.search(text, max(0, start - 80), start)
    return found.group() if found else ""


@dataclass(frozen=True)
class Speech:
    """A speech verb at `start:end` in `sentence`; `speaker` an entity id or None."""

    start: int
    end: int
    speaker: str | None
    sentence: Sentence
    calls: bool = False  # a verb of calling ('called it "dangerous"'): attributes, reports not


@dataclass(frozen=True)
class QuoteFound:
    start: int  # the words inside the quotation marks
    end: int
    speaker: str | None
    kind: str  # direct | reported
    inherited: bool = False
    clause: int | None = None  # reported: where what was said begins, when known
    said_end: int | None = None  # reported: where what was said ends, when it comes first
    # reported: where what was said stops before the speaker goes on (", adding that ...")
    clause_end: int | None = None
    part: int = 0  # reported: 1 for what the speaker went on to say in the same sentence


_STOP = re.compile(r"[.!?][\"”’']?\s")  # a sentence's end between two names


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans inside pairs of quotation marks in `text[start:end]`; stray marks are ignored."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    straight: int | None = None
    # Only the marks are visited (re finds them): a loop over every character of every
    # paragraph in Python was a fiftieth of extracting an article.
    for mark in _MARK.finditer(text, start, end):
        i = mark.start()
        ch = text[i]
        if ch == _OPEN:
            opened = i + 1
        elif ch == _CLOSE and opened is not None:
            spans.append((opened, i))
            opened = None
        elif ch == '"':
            if straight is None:
                straight = i + 1
            else:
                spans.append((straight, i))
                straight = None
    if "'" in text[start:end] or "\u2018" in text[start:end]:
        spans += [
            (s, e)
            for s, e in _single_spans(text, start, end)
            if not any(s < de and ds < e for ds, de in spans)  # nested in a "..." quote
        ]
    out = []
    for s, e in sorted(spans):
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e - s >= 3:
            out.append((s, e))
    return out


# British style: 'single quotation marks'. An opening mark follows no letter and precedes
# one; a closing mark follows a letter or a stop and no letter follows it. An apostrophe
# inside a word ("Ukraine's") is neither; a plural possessive ("the allies' decision")
# closes nothing.
_SINGLE = re.compile(
    r"(?P<open>(?<![\w'\u2019])['\u2018](?=[^\s'\u2019\d]))"
    r"|(?P<close>(?<=\S)['\u2019](?!\w))"
)
# `_SINGLE`, found faster: re skips in C to a mark (a class leads) and only there runs
# `_SINGLE`, in a lookahead inside the lookbehind (its groups kept). The same matches,
# the one mark each, where `_SINGLE`, opening on lookbehinds, was tried at every position.
_SINGLE_MARKS = re.compile("['\u2018\u2019](?<=(?=(?:" + _SINGLE.pattern + "))['\u2018\u2019])")
_POSSESSIVE_S = re.compile(r"s['\u2019] [a-z]")


def _single_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans inside pairs of single quotation marks in `text[start:end]`."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    marks = list(_SINGLE_MARKS.finditer(text, start, end))
    for n, mark in enumerate(marks):
        i = mark.start()
        if opened is not None and mark.group("close"):
            # "the allies' view ... of ours,' he said": a possessive, when another closing
            # mark comes before the next opening one.
            if _POSSESSIVE_S.match(text, i - 1) and any(
                m.group("close") for m in marks[n + 1 : _next_open(marks, n)]
            ):
                continue
            spans.append((opened, i))
            opened = None
        elif mark.group("open"):
            opened = i + 1
    return spans


def _next_open(marks: list[re.Match[str]], n: int) -> int:
    return next((j for j in range(n + 1, len(marks)) if marks[j].group("open")), len(marks))


def stable_id(prefix: str, source_id: str, start: int, end: int, kind: str) -> str:
    digest = hashlib.sha1(f"{source_id}:{start}:{end}:{kind}".encode()).hexdigest()[:10]
    return f"{prefix}-{digest}"


class _Cover:
    """Whether a position lies in any of some spans: `any(s <= pos < e for s, e in spans)`
    by bisection, not a scan (every speech verb was tested against every mention)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        # The furthest end of the spans starting at or before each: spans may overlap.
        self.reach = list(accumulate((e for _, e in ordered), max))

    def covers(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos)
        return i > 0 and self.reach[i - 1] > pos


class _Speakers:
    """Resolves the speaker of each speech verb, remembering who spoke last."""

    def __init__(
        self, text: str, scan: EntityScan, knowledge: Knowledge, quotes: list[tuple[int, int]]
    ):
        self.text, self.scan, self.k = text, scan, knowledge
        self.quotes = quotes
        self._quoted = _Cover(quotes)
        self._quote_starts = sorted(s for s, _ in quotes)
        self._mentioned = _Cover((m.start, m.end) for m in scan.mentions)
        # A nationality adjective ("the British decision") names no one who speaks.
        self.outside = [
            m
            for m in scan.mentions
            if not m.adjective and not self.quoted(m.start) and not self._media(m)
        ]
        self._by_start = ByStart(self.outside)  # `outside` in ranges of starts
        # Where the quotes end, sorted: the last before a verb by bisection.
        self._quote_ends = sorted(e for _, e in quotes)
        self.last: tuple[str | None, int] | None = None  # (speaker, paragraph)
        self.last_body: tuple[str, int] | None = None  # the last body that spoke: "it"
        self.anonymous = False  # the verb being resolved has an unnamed source
        self.government_voice: str | None = None  # whose officials spoke last, unnamed
        self._last_anonymous: int | None = None
        self.last_pos = 0  # where the last speaker's verb is
        self.content: list[tuple[int, int]] = []  # what speakers said: not a pronoun's referent

    def quoted(self, pos: int) -> bool:
        return self._quoted.covers(pos)

    def _media(self, m: Mention) -> bool:
        entity = self.scan.entity(m.entity_id)
        return entity is None or entity.category == "media"

    def _person(self, entity_id: str) -> bool:
        entity = self.scan.entity(entity_id)
        return entity is not None and entity.is_person

    def anonymous_seen(self, pos: int) -> bool:
        return self._last_anonymous is not None and self._last_anonymous < pos

    def pronoun(self, pos: int, paragraph: int, word: str = "") -> str | None:
        """The last person named outside quotes and outside what someone said, or the last
        speaker when no such person was named after them (for "he" or "she", the last
        speaker only if a person: a company that spoke before is no "she")."""
        if word == "it":
            # "The Defence Ministry says ... It claimed": the last body that spoke.
            body = self.last_body
            return body[0] if body and paragraph - body[1] <= _PRONOUN_REACH else None
        # The last such person: looked for from the end, not listed from the start.
        named = next(
            (
                m
                for m in reversed(self._by_start.between(None, pos))
                if m.end <= pos
                and self._person(m.entity_id)
                and not any(s <= m.start < e for s, e in self.content)
            ),
            None,
        )
        if named is not None and self.text.startswith(("'s ", "’s "), named.end):
            # "Petro Danyliuk expressed regret over Lipska's remarks. ... he told": the
            # subject, not a possessive qualifying an object, is who "he" is.
            named = self._subject_before(named) or named
        last = self.last
        if last is not None and word in _PERSONAL and not (last[0] and self._person(last[0])):
            last = None
        if last and paragraph - last[1] <= _PRONOUN_REACH:
            if named is None or named.start < self.last_pos:
                return last[0]
        elif (
            last is None
            and self.anonymous_seen(pos)
            and (named is None or named.start < (self._last_anonymous or 0))
        ):
            return None
        return named.entity_id if named else None

    def _subject_before(self, possessive: Mention) -> Mention | None:
        """A person named earlier in the sentence of `possessive`, not as a possessive."""
        for m in reversed(self._by_start.between(None, possessive.start)):
            if m.end > possessive.start:
                continue  # the possessive itself
            if _STOP.search(self.text, m.end, possessive.start):
                return None
            if self._person(m.entity_id) and not self.text.startswith(("'s ", "’s "), m.end):
                return m
        return None

    def resolve(self, sentence: Sentence, vs: int, ve: int) -> str | None:
        text, k = self.text, self.k
        # After the last quote ending in the sentence before the verb.
        lead = after_last_end(self._quote_ends, sentence.start, vs)
        before = text[lead:vs]
        if not _WORD_CHAR.search(before):  # '..." added Rice': the speaker follows the verb
            after = [
                m
                for m in self._by_start.between(ve, ve + 2)
                if ve <= m.start <= ve + 2 and m.end <= sentence.end
            ]
            if after:
                return after[0].entity_id
            # '"...," said the CDU budget politician Johannes Kaltenbach': a person right
            # after a description of a few words (no stop, no clause of its own).
            described = next(
                (
                    m
                    for m in self._by_start.between(ve, ve + _DESCRIBED_REACH)
                    if ve < m.start <= ve + _DESCRIBED_REACH
                    and m.end <= sentence.end
                    and self._person(m.entity_id)
                ),
                None,
            )
            if described is not None and _DESCRIPTION.fullmatch(text, ve, described.start):
                return described.entity_id
            follow = _WORD.match(text, ve + 1)
            if follow and follow.group().casefold() in k.word_set("pronouns"):
                return self.pronoun(vs, sentence.paragraph, follow.group().casefold())
            return None
        if before.rstrip().endswith(","):
            # 'The decision was final, said John Kirby, a White House spokesman.'
            at = {ve + 1, ve + 5} if text[ve + 1 : ve + 5].casefold() == "the " else {ve + 1}
            after = [
                m
                for m in self._by_start.between(ve + 1, ve + 5)
                if m.start in at
                and m.end <= sentence.end
                # the speaker ends the sentence or takes an apposition; 'X, who ..., said
                # the White House decision was' names the topic, not the speaker
                and (
                    _SPEAKER_TAIL.match(text, m.end, sentence.end)
                    or (self._person(m.entity_id) and _PERSON_TAIL.match(text, m.end, sentence.end))
                )
            ]
            if after:
                return after[0].entity_id
        masked = [(lead + m.start(), lead + m.end()) for m in _APPOSITION.finditer(before)]
        if masked and not text[masked[-1][1] : vs].strip():
            # "Dmitry Peskov, a Kremlin spokesman, told": the person the apposition
            # describes speaks, not the body its role words name.
            appositive = [
                m
                for m in self._by_start.between(lead, masked[-1][0])
                if m.end == masked[-1][0] and self._person(m.entity_id)
            ]
            if appositive:
                return appositive[-1].entity_id
            # "Military expert, retired Colonel Vadim Sorokin, told": a subject that names
            # no one, and the one person its apposition names.
            a, b = masked[-1]
            inside = [
                m for m in self._by_start.between(a, b) if m.end <= b and self._person(m.entity_id)
            ]
            if len(inside) == 1 and not [
                m for m in self._by_start.between(lead, a) if lead <= m.start and m.end <= a
            ]:
                return inside[0].entity_id
        # "The official, who spoke on condition of anonymity, said": the subject stands
        # before the relative clause.
        words = _WORD.findall(_RELATIVE_ASIDE.sub("", before))
        last_word = words[-1].casefold() if words else ""
        if last_word in k.word_set("pronouns"):
            return self.pronoun(vs, sentence.paragraph, last_word)
        if last_word in _RELATIVE_PRONOUNS:
            # '..., according to the Defense Ministry, which said': the name before it.
            which = lead + before.casefold().rindex(last_word)
            before_it = [
                m for m in self._by_start.between(lead, which) if m.end <= which and lead <= m.start
            ]
            if before_it and _JUST_A_COMMA.fullmatch(text, before_it[-1].end, which):
                return before_it[-1].entity_id
        if len(words) >= 3 and words[-3].casefold() == "the":
            # '"...," the Ukrainian president wrote': the president of that country.
            nation = self._nation_before(lead, vs, last_word)
            if nation is not None:
                named = self.by_role(last_word, vs, nation)
                if named is not None:
                    return named
        if len(words) >= 2 and words[-2].casefold() == "the":
            named = (
                self.by_head(last_word, vs)
                or self.by_company(last_word, vs)
                or self.by_role(last_word, vs)
                or self.by_country(last_word, vs, sentence.start)
            )
            if named is not None:
                return named
        if last_word in k.word_set("anonymous_sources"):
            return self._voiced_body(lead, vs) or self._unnamed(before, last_word, words)
        candidates = [
            m
            for m in self._by_start.between(lead, vs)
            if lead <= m.start
            and m.end <= vs
            and not any(s <= m.start < e for s, e in masked)
            and not self._place(m, lead)
        ]
        if not candidates:
            if any(w.casefold() in k.word_set("anonymous_sources") for w in words):
                return self._unnamed(before, last_word, words)
            return None
        if text[ve - 3 : ve] == "ing" and before.rstrip().endswith(","):
            # '..., saying': the sentence's subject speaks; in 'Kremlin spokesman Dmitry
            # Peskov warned ..., saying' that is the person the body's role word leads to.
            first = candidates[0]
            if (
                len(candidates) > 1
                and not self._person(first.entity_id)
                and self._person(candidates[1].entity_id)
                and _ROLE_GAP.fullmatch(text, first.end, candidates[1].start)
            ):
                return candidates[1].entity_id
            return first.entity_id
        nearest = candidates[-1]
        if (
            len(candidates) > 1
            and self._person(candidates[-2].entity_id)
            and not self._person(nearest.entity_id)
            and _AFFILIATION.fullmatch(text, candidates[-2].end, nearest.start)
        ):
            nearest = candidates[-2]  # 'Justin Bronk of the Institute said': Bronk speaks
        elif len(candidates) > 1 and _SEAT.fullmatch(text, candidates[-2].end, nearest.start):
            nearest = candidates[-2]
        role = _ROLE_OF.search(text, max(lead, nearest.start - 40), nearest.start)
        if (
            role is not None
            and not self._person(nearest.entity_id)
            and role.group(1).casefold() in k.word_set("role_nouns")
            and role.group(1).casefold() not in k.word_set("anonymous_sources")
        ):
            # 'The founder of Zoria Systems says': the founder speaks, not the company; the
            # person the article gave that role, else nobody named. ('A spokesperson for
            # the Kremlin said' voices the Kremlin: spokespeople are anonymous sources.)
            return self.by_role(role.group(1).casefold(), vs)
        gap = text[nearest.end : vs]
        for s, e in masked:
            if nearest.end <= s and e <= vs:
                gap = gap.replace(text[s:e], " ")
        gap_words = [w.casefold() for w in _WORD.findall(gap)]
        if any(w in k.word_set("anonymous_sources") for w in gap_words):
            return self._unnamed(before, last_word, words)
        if len(gap_words) > _MAX_GAP_WORDS or _SHARE_OF.search(gap):
            # "In a poll by KIIS, 78% of Ukrainians said": a share of people speaks, unnamed.
            return None
        return nearest.entity_id

    def _place(self, m: Mention, lead: int) -> bool:
        """Whether mention `m` only says where ("airfields deep inside Russia, Rahman
        replied"): a place is no speaker, unless someone unnamed in it speaks ("a source
        in Ukraine's Defense Ministry told")."""
        place = PLACE_BEFORE.search(self.text, max(lead, m.start - 12), m.start)
        if place is None:
            return False
        word = _LAST_WORD.search(self.text, max(lead, place.start() - 30), place.start())
        return word is None or word.group(1).casefold() not in self.k.word_set("anonymous_sources")

    def _voiced_body(self, lead: int, vs: int) -> str | None:
        """The body an unnamed spokesperson or official is named after, right before the
        noun ("A State Department spokesperson said", "a senior NATO official said"): the
        body speaks, and "the official" later is the same body."""
        voice = _VOICE_AFTER_BODY.search(self.text, lead, vs)
        if voice is None:
            return None
        for m in reversed(self.outside):
            if m.end == voice.start() and m.start >= lead:
                entity = self.scan.entity(m.entity_id)
                if entity is not None and entity.category in (
                    "government",
                    "military",
                    "organisation",
                ):
                    self.government_voice = m.entity_id
                    return m.entity_id
                return None
        return None

    def _unnamed(self, before: str, last_word: str, words: list[str]) -> str | None:
        """An unnamed speaker: officials after a demonym speak for its government ("two
        U.S. officials familiar with the decision said"), and "the official" later for the
        same one; anyone else unnamed is nobody we can name."""
        voice = quote_rules(self.k).government_voice
        if voice is not None:
            found = list(voice.finditer(before))
            government = self.k.lookup(f"{found[-1].group('dem')} government") if found else None
            if government is None and found:
                # "A senior EU official said": a body of its own speaks (not a country);
                # either way the government heard before is no longer "the official".
                body = self.k.lookup(found[-1].group("dem"))
                entity = self.k.entities.get(body) if body else None
                government = body if entity is not None and entity.category != "country" else None
                self.government_voice = None
            if government is not None:
                self.government_voice = government
                return government
            if (
                self.government_voice is not None
                and len(words) >= 2
                and words[-2].casefold() == "the"
                and last_word in quote_rules(self.k).government_voice_nouns
            ):
                return self.government_voice
        self.anonymous = True
        return None

    def by_head(self, noun: str, pos: int) -> str | None:
        """The organisation 'the ministry' or 'the institute' refers back to: the last one
        named before `pos` whose name ends in that head noun."""
        if noun.capitalize() not in self.k.organisation_heads:
            return None
        for m in reversed(self.outside):
            entity = self.scan.entity(m.entity_id)
            if m.end <= pos and entity and entity.name.split()[-1].casefold() == noun:
                return m.entity_id
        return None

    def by_company(self, noun: str, pos: int) -> str | None:
        """The company 'the company' or 'the manufacturer' refers back to: the last body
        named before `pos` that is one by its name ("Corvane Aerospace") or description."""
        rules = quote_rules(self.k)
        if noun not in rules.company_nouns:
            return None
        for m in reversed(self.outside):
            entity = self.scan.entity(m.entity_id)
            if m.end > pos or entity is None or entity.category != "organisation":
                continue
            described = (entity.description or "").casefold().split()
            if entity.name.split()[-1] in rules.company_endings or any(
                word in rules.company_nouns for word in described
            ):
                return m.entity_id
        return None

    def by_country(self, noun: str, pos: int, start: int) -> str | None:
        """The government 'the government' refers back to: that of the first country its
        sentence (from `start`) names as a subject ("Italy will allow Ukraine ..., the
        government said": the Italian government), else of the last one named before."""
        if noun != "government":
            return None
        rules = entity_rules(self.k)
        # Countries named as a clause's subject, not after a preposition ("inside Russia").
        countries = [
            m
            for m in self.outside
            if m.end <= pos
            and (entity := self.scan.entity(m.entity_id)) is not None
            and entity.category == "country"
            and not PREPOSITION_BEFORE.search(self.text, max(0, m.start - 12), m.start)
        ]
        if not countries:
            return None
        here = [m for m in countries if m.start >= start]
        demonym = rules.demonym_for.get((here[0] if here else countries[-1]).entity_id)
        return self.k.lookup(f"{demonym} government") if demonym else None

    def _nation_before(self, lead: int, vs: int, noun: str) -> str | None:
        """The country whose nationality adjective stands right before `noun`, the last
        word before the verb at `vs` ("the Ukrainian president said"), by name."""
        for m in self.scan.mentions:
            if (
                m.adjective
                and lead <= m.start
                and m.end <= vs
                and self.text[m.end : vs].strip().casefold() == noun
            ):
                entity = self.scan.entity(m.entity_id)
                return entity.name.casefold() if entity is not None else None
        return None

    def by_role(self, noun: str, pos: int, nation: str | None = None) -> str | None:
        """The person 'the minister' or 'the president' refers back to: the last one named
        before `pos` whose title or role (as the article or the lexicon gives it) holds
        that word (and the country's name `nation`, when given). 'The spokesman' of a
        named spokesman speaks; of nobody, no one does."""
        synonyms = self.k.role_synonyms.get(noun, ())
        if (
            noun not in self.k.word_set("role_nouns")
            and noun not in self.k.word_set("titles")
            and not synonyms
        ):
            return None
        country = _TOKEN.findall(nation) if nation else []
        wanted = [[noun, *country], *([*_TOKEN.findall(s.casefold()), *country] for s in synonyms)]
        for m in reversed(self.outside):
            if m.end > pos or not self._person(m.entity_id):
                continue
            entity = self.scan.entity(m.entity_id)
            described = " ".join(
                d
                for d in (
                    self.scan.descriptions.get(m.entity_id),
                    entity.description if entity else None,
                    # The title written right before the name ("Russian Ambassador to
                    # Italy Pavel Lebedinsky"), up to a punctuation mark.
                    _title_before(self.text, m.start),
                    m.text,
                )
                if d
            )
            tokens = _TOKEN.findall(described.casefold())
            if any(all(word in tokens for word in words) for words in wanted):
                return m.entity_id
        return None

    def _not_a_verb(self, start: int, end: int) -> bool:
        """'United States' is no 'states'; 'continued aid' no 'continued'."""
        if self._mentioned.covers(start):
            return True
        lead = self.text[max(0, start - 20) : start]
        if _AFTER_PUNCTUATION.search(lead):  # '"... came in," said X': a quote's verb
            return False
        words = _WORD.findall(lead)
        if not words:
            return False
        last = words[-1].casefold()
        if self.text[start:end].endswith("ing") and not (
            lead.rstrip().endswith(",") or last in _PASSIVE_AFTER
        ):
            # An -ing form reports only after a comma ("..., warning that") or as a verb
            # ("have been explaining"): "received advance warning" is a noun.
            return True
        # "had been told", "was asked": the subject is spoken to, it says nothing ("was
        # declared" still reports what someone declared).
        passive = last in _PASSIVE_AFTER and self.text[start:end].casefold() in _SPOKEN_TO
        return passive or last in _NOT_VERB_AFTER

    def _verbs(
        self, sentence: Sentence, calls: re.Pattern[str] | None
    ) -> list[tuple[int, int, bool]]:
        """(start, end, is a verb of calling) of the sentence's verbs that attribute words:
        speech verbs, and verbs of calling followed by a quote in the sentence."""
        verb = self.k.speech_verb
        found = [
            (m.start(), m.end(), False)
            for m in (speech_verbs(self.k, verb, self.text, sentence) if verb else ())
        ]
        if calls is not None:
            # The last quote starting in the sentence: by bisection of the sorted starts,
            # not a pass over every quote of the article per sentence.
            at = bisect_left(self._quote_starts, sentence.end)
            if at and self._quote_starts[at - 1] >= sentence.start:
                found += [
                    (m.start(), m.end(), True)
                    for m in calls.finditer(self.text, sentence.start, self._quote_starts[at - 1])
                ]
        return sorted(found)

    def events(
        self, sentences: list[Sentence], calls: re.Pattern[str] | None = None
    ) -> list[Speech]:
        found: list[Speech] = []
        for sentence in sentences:
            for vs, ve, calling in self._verbs(sentence, calls):
                if self.quoted(vs) or self._not_a_verb(vs, ve):
                    continue
                self.anonymous = False
                earlier = found[-1] if found and found[-1].sentence == sentence else None
                if earlier and _COORDINATED.search(self.text, sentence.start, vs):
                    speaker = earlier.speaker  # 'X said ... and warned': X's verb too
                else:
                    speaker = self.resolve(sentence, vs, ve)
                self.content.append((ve, sentence.end))
                if speaker and self._person(speaker):
                    self.last = (speaker, sentence.paragraph)
                    self.last_pos = vs
                elif speaker:
                    self.last_body = (speaker, sentence.paragraph)
                elif self.anonymous:  # 'a commander told CNN ... He said': not a named person
                    self.last = None
                    self._last_anonymous = vs
                found.append(Speech(vs, ve, speaker, sentence, calling))
        return found


# Between a speech verb and the person it names: "the", a few words of description (party,
# role, nationality), an optional comma.
_DESCRIPTION = re.compile(r"\s+the\s+(?:[\w'’-]+\s+){1,5}?,?\s*")
_DESCRIBED_REACH = 60
# A reported clause that asks instead of telling (grammar, not domain words).
_QUESTION = re.compile(r"\s*(?:whether|if)\b", re.IGNORECASE)
_LAST_WORD = re.compile(r"(\w+)\s*$")
# Pronouns that only a person is (grammar, not domain words).
_PERSONAL = frozenset({"he", "she", "him", "her"})
# A preposition right before a name: the name is its object, not a clause's subject
# (shared with `positions`).
PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|inside|into|against|on|at|from|of|to|with|over|across|within|towards?|near|"
    r"by|for|upon)\s+(?:the\s+)?$"
)
# A verb right after a comma or a quotation mark opens an attribution.
_AFTER_PUNCTUATION = re.compile(r"[,;:\"\u201c\u201d]\s*$")
# Between a body and its person: a few lower-case role words ("spokesman", "foreign
# minister") and nothing else, or a possessive ("Ukraine's Foreign Minister Andrii Sybiha":
# the title may be part of the person's mention).
_ROLE_GAP = re.compile(r"(?:['’]s)?(?:\s+[a-z][\w-]*){1,3}\s+|['’]s(?:\s+[A-Z][\w.-]*){0,3}\s+")
# "who" and "which" open a relative clause about the name right before them.
_RELATIVE_PRONOUNS = frozenset({"who", "which"})
_SHARE_OF = re.compile(r"\d\s*(?:%|per\s?cent\b|percent\b)\s+of\s")
# After a quote, a new clause coordinated with the one holding it.
_NEXT_CLAUSE = re.compile(
    r"[\"\u201d\u2019']?[.,;]?[\"\u201d\u2019']?\s*(?:and|but|while|whereas)\s"
)
_JUST_A_COMMA = re.compile(r"\s*,\s*")


def _covering(sentences: list[Sentence], start: int, end: int) -> list[Sentence]:
    return [s for s in sentences if s.start < end and start < s.end]


def _direct(
    text: str,
    sentences: list[Sentence],
    spans: list[tuple[int, int]],
    events: list[Speech],
    rules: QuoteRules,
    windows: dict[tuple[int, int], list[Sentence]],
    runs_on: frozenset[tuple[int, int]] = frozenset(),
) -> list[QuoteFound]:
    """Direct quotes of `spans`, `windows` the sentences each reaches into; `runs_on` the
    quotations going on in the next paragraph, which may name their speaker."""
    attributed: dict[tuple[int, int], str | None] = {}
    for s, e in spans:
        window = windows[(s, e)]
        lo, hi = window[0].start, window[-1].end
        after = [ev for ev in events if e <= ev.start < hi]
        before = [ev for ev in events if lo <= ev.start < s]
        if (
            not after
            and not before
            and (back := _told_next(text, sentences, window, events, rules))
        ):
            attributed[(s, e)] = back
            continue
        # A verb after the quote names its speaker ('"...," Rice added'), unless that verb has
        # no speaker of its own ('X said ... "..." and warned that'): then the verb before it.
        # A coordinated verb without a subject ('X said ... and warned "..."') is X's.
        named_before = [ev for ev in before if ev.speaker is not None]
        if after and named_before and _NEXT_CLAUSE.match(text, e, after[0].start):
            # 'The embassy said that Sweden had "chosen to become a target", and the Kremlin
            # spokesman, Dmitry Peskov, said ...': the verb after opens a clause of its own.
            attributed[(s, e)] = named_before[-1].speaker
        elif after and (after[0].speaker is not None or not before):
            attributed[(s, e)] = after[0].speaker
        elif before:
            attributed[(s, e)] = (named_before or before)[-1].speaker
    out: list[QuoteFound] = []
    for i, (s, e) in enumerate(spans):
        if (s, e) in attributed:
            out.append(QuoteFound(s, e, attributed[(s, e)], "direct"))
            continue
        para = windows[(s, e)][0].paragraph
        neighbours = [
            (j, span)
            for j, span in enumerate(spans)
            if span in attributed
            and (
                windows[span][0].paragraph in (para, para - 1)
                or ((s, e) in runs_on and windows[span][0].paragraph == para + 1)
            )
        ]
        nxt = [
            span for j, span in neighbours if j == i + 1 and not text[e + 1 : span[0] - 1].strip()
        ]
        prev = [span for j, span in neighbours if j < i]
        source_span = nxt[0] if nxt else (prev[-1] if prev else None)
        speaker = attributed[source_span] if source_span else None
        # Someone named speaking in the paragraph since that quote is the last named
        # speaker ('The drones are slow, said Fabian Reitmeier. "They decide nothing."').
        since = prev[-1][1] if prev else -1
        spoke = [
            ev.speaker
            for ev in events
            if ev.speaker
            and not ev.calls
            and since <= ev.start < s
            and ev.sentence.paragraph == para
        ]
        if not nxt and spoke:
            speaker, source_span = spoke[-1], (s, e)
        out.append(QuoteFound(s, e, speaker, "direct", inherited=source_span is not None))
    return out


def _told_next(
    text: str,
    sentences: list[Sentence],
    window: list[Sentence],
    events: list[Speech],
    rules: QuoteRules,
) -> str | None:
    """The speaker a quote standing alone is given by the next sentence, which points back
    to it ('"..." That was how Maria Zakharova described ..., telling reporters'): lexicon
    `quote_rules.back_references`."""
    if rules.back_reference is None:
        return None
    at = sentences.index(window[-1]) + 1
    if at >= len(sentences) or not rules.back_reference.match(text, sentences[at].start):
        return None
    nxt = sentences[at]
    return next((ev.speaker for ev in events if ev.sentence == nxt and ev.speaker), None)


_WRITERS_ASIDE = re.compile(r"([^,]*),\s+(?:[a-z]+ing|which|while|as|after|before|amid)\b")


def _content_first(
    text: str,
    sentence: Sentence,
    verb_start: int,
    verb_end: int,
    starts: dict[int, int] | None = None,
) -> int | None:
    """End of what was said when it comes before the verb ('Five were shot down, the
    ministry said in a statement.'): a comma a few words before the verb and only a few
    words after it. None when the statement does not come first."""
    rest = text[verb_end : sentence.end]
    # 'X, the government said on Thursday, reversing a restriction ...': a participle or
    # relative clause after a comma is the writer's, not where or when it was said.
    aside = _WRITERS_ASIDE.match(rest)
    after = _TOKEN.findall(aside.group(1) if aside else rest)
    comma = text.rfind(",", sentence.start, verb_start)
    if comma < 0:
        return None
    # 'The decision was final, said John Kirby, a White House spokesman.': the speaker
    # follows the verb right after the comma, with an apposition of their own.
    if starts and not _TOKEN.search(text, comma, verb_start):
        at = _skip_space(text, verb_end)
        at += 4 if text[at : at + 4].casefold() == "the " and at + 4 in starts else 0
        if at in starts and (
            _SPEAKER_TAIL.match(text, starts[at], sentence.end)
            or _PERSON_TAIL.match(text, starts[at], sentence.end)
        ):
            return comma if len(_TOKEN.findall(text[sentence.start : comma])) >= 4 else None
    if len(after) > _MAX_GAP_WORDS:
        return None
    # After the verb only where and when it was said ('in a statement', 'on Monday'), or a
    # listener ('told reporters'); 'said the jets would ...' has the statement after it.
    listener = text[verb_start:verb_end].casefold().startswith(("told", "tell"))
    if after and after[0].casefold() not in _ADVERBIAL_LEADS and not (listener and len(after) <= 4):
        return None
    if len(_TOKEN.findall(text[comma:verb_start])) > _MAX_GAP_WORDS:
        return None
    return comma if len(_TOKEN.findall(text[sentence.start : comma])) >= 4 else None


def _reports(text: str, ev: Speech, rules: QuoteRules) -> bool:
    """Whether the verb reports a statement: 'promised a further EUR 500m' does not."""
    if text[ev.start : ev.end].casefold() not in rules.needs_that:
        return True
    if _THAT.search(text, ev.end, min(ev.sentence.end, ev.end + 60)):
        return True
    return _content_first(text, ev.sentence, ev.start, ev.end) is not None


def _listener_end(text: str, ev: Speech, starts: dict[int, int], rules: QuoteRules) -> int:
    """Where the words after a speech verb stop naming who was told ('told ABC News',
    'told reporters on Monday'), so that what follows is what was said."""
    pos = _skip_space(text, ev.end)
    if text[ev.start : ev.end].casefold().startswith(("told", "tell")):
        at = pos + 4 if text[pos : pos + 4].casefold() == "the " else pos
        # An entity (a person, a body), a listener noun ("reporters"), else capitalised
        # words before a lower-case clause (a news outlet: 'told ABC News the').
        listener = rules.listener.match(text, pos) if rules.listener is not None else None
        named = listener or _NAMED_LISTENER.match(text, pos)
        if at in starts:
            pos = starts[at]
        elif named:
            pos = named.end()
    when = _WHEN.match(text, pos)
    return _skip_space(text, when.end()) if when else _skip_space(text, pos)


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _clause_start(text: str, ev: Speech, starts: dict[int, int], rules: QuoteRules) -> int:
    """Where the reported clause of `ev` begins: after "that" when it follows closely,
    else after the verb, its listener and its time."""
    that = _THAT.search(text, ev.end, min(ev.sentence.end, ev.end + 100))
    if that and _opens_clause(text, ev, that.start()):
        return _skip_space(text, that.end())
    return _listener_end(text, ev, starts, rules)


def _opens_clause(text: str, ev: Speech, that: int) -> bool:
    """Whether the "that" at `that` opens what `ev` reports: right after the verb, after
    who was told ('told the BBC that') or after where and when ('said in a post on
    Telegram on Monday that'); not a relative pronoun ('said the missiles that Germany
    sent were old') nor a quote's or another verb's ('said the decision was "slow" and
    warned that')."""
    lead = text[ev.end : that]
    if _MARKS.search(lead):
        return False
    # "said on Thursday, reversing a restriction that Rome had defended": words after a
    # comma start a clause of their own ("declared in the communique, that" has none).
    if "," in lead.rstrip().rstrip(","):
        return False
    words = _TOKEN.findall(lead)
    if not words:
        return True
    first = words[0].casefold()
    if text[ev.start : ev.end].casefold().startswith(("told", "tell")):
        return len(words) <= _LONG_LEAD_WORDS
    if first in _ADVERBIAL_LEADS or _WHEN.match(lead):
        return len(words) <= _LONG_LEAD_WORDS
    return first not in _DETERMINERS and len(words) <= _MAX_GAP_WORDS


def _reported(
    text: str,
    events: list[Speech],
    spans: list[tuple[int, int]],
    rules: QuoteRules,
    starts: dict[int, int],
) -> list[QuoteFound]:
    """One reported claim per sentence, from its first verb that reports. A sentence with
    quotation marks has one too when the verb comes before every quote and a clause of its
    own leads into it, if only its subject ('said the decision was "slow and telegraphed"',
    'said Hungary "will not give a single forint"'): a careful reader records both the words
    quoted and what was reported."""
    out: list[QuoteFound] = []
    done: set[Sentence] = set()
    # The verbs of each sentence, in list order, grouped once: `_goes_on` and
    # `_verb_between` look at one sentence's verbs, and a pass over the article's for each
    # verb was quadratic in the verbs of an article.
    same: dict[Sentence, list[Speech]] = {}
    for ev in events:
        same.setdefault(ev.sentence, []).append(ev)
    for ev in events:
        sentence = ev.sentence
        if sentence in done or ev.calls or not _reports(text, ev, rules):
            continue
        # The sentence opens inside a quotation begun before it ('"... arrow. At some
        # point you have to hit the archer," Lorenz said.'): the quote is what was said,
        # and only what the speaker goes on to say (', adding that ...') a claim.
        opened_before = any(s < sentence.start < e for s, e in spans)
        inside = [s for s, _ in spans if sentence.start <= s < sentence.end]
        if opened_before:
            inside = [sentence.start, *inside]
        start = _clause_start(text, ev, starts, rules)
        if _QUESTION.match(text, start):
            continue  # "did not say whether ...", "asked whether ...": a question, no claim
        that = text[max(ev.end, start - 5) : start].rstrip().endswith("that")
        said_end = None if that else _content_first(text, sentence, ev.start, ev.end, starts)
        more = _goes_on(text, ev, start, same[sentence])
        if inside:
            first = min(inside)
            quoted_only = opened_before or (
                len(_TOKEN.findall(text, sentence.start, first - 1)) < 2 or said_end is None
                if first < ev.start
                # 'said "...": the quote is all that was said
                else not _WORDY_CHAR.search(text, start, first - 1)
            )
            if quoted_only:
                # 'The jets would "make a difference," the minister said.': what was said
                # comes first, opening with words of its own; else only what the speaker
                # went on to say (', adding that ...') is a claim of its own.
                went_on = more[1] if more is not None else None
                if went_on is None and that and _verb_between(same[sentence], ev, start):
                    went_on = start  # '"...," she said, adding that ...': "that" opens it
                if went_on is None and first < ev.start and _coordinated_claim(text, ev, start):
                    went_on = start  # 'called it "a crime" and said the ministers would ...'
                if went_on is None and not opened_before and first < ev.start:
                    split = _split_claim(text, ev, first, spans)
                    if split is not None:
                        done.add(sentence)
                        out += [
                            QuoteFound(
                                sentence.start,
                                sentence.end,
                                ev.speaker,
                                "reported",
                                clause=sentence.start,
                                clause_end=split[0],
                            ),
                            QuoteFound(
                                sentence.start,
                                sentence.end,
                                ev.speaker,
                                "reported",
                                clause=split[1],
                                part=1,
                            ),
                        ]
                        continue
                later = [s for s in inside if went_on is not None and s >= went_on]
                if went_on is not None and (
                    not later or _WORDY_CHAR.search(text, went_on, min(later) - 1)
                ):
                    done.add(sentence)
                    out.append(
                        QuoteFound(
                            sentence.start, sentence.end, ev.speaker, "reported", clause=went_on
                        )
                    )
                continue
            if first > ev.start:
                said_end = None
        done.add(sentence)
        more = None if said_end is not None else more
        out.append(
            QuoteFound(
                sentence.start,
                sentence.end,
                ev.speaker,
                "reported",
                clause=start,
                said_end=said_end,
                clause_end=more[0] if more else None,
            )
        )
        if more:
            # ", adding that ...": a second claim of the same speaker, in the same sentence.
            out.append(
                QuoteFound(
                    sentence.start, sentence.end, ev.speaker, "reported", clause=more[1], part=1
                )
            )
    return out


# ', he said, and ...' right after the attribution of a quotation that closes a clause.
_AND_AFTER = re.compile(r"\s*,\s+(?:and|but)\s+(?=[A-Za-z])")
_MIN_CLAIM_WORDS = 3  # 'and said so' is no claim; 'and said her party would act' is


def _coordinated_claim(text: str, ev: Speech, clause: int) -> bool:
    """Whether `ev`, after a quotation, is a second verb of the same subject opening a claim
    of its own ('X called the attack "a war crime" and said ministers would meet'): joined
    by "and", with words of its own after it, not the quotation's attribution ('"...,"
    he said')."""
    if not _COORDINATED.search(text, max(ev.sentence.start, ev.start - 16), ev.start):
        return False
    return len(_TOKEN.findall(text, clause, ev.sentence.end)) >= _MIN_CLAIM_WORDS


def _split_claim(
    text: str, ev: Speech, first: int, spans: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """(end of the first claim, start of the second) when indirect speech wraps a quotation
    round its attribution: 'Denmark had "never put a map on our support," he said, and
    Ukraine was free to hit ...'. The words before the quotation open the claim (a subject
    and a verb at least), the quotation closes right before the attribution, and after the
    attribution ', and' goes on with a second claim of the same speaker."""
    if len(_TOKEN.findall(text, ev.sentence.start, first)) < 2:
        return None
    closing = [e for s, e in spans if s == first]
    if not closing:
        return None
    end = closing[0] + 1  # the closing mark belongs to the claim
    between = text[end : ev.start]
    if len(_TOKEN.findall(between)) > 3:  # ', he said' / ', the official said': no more
        return None
    after = _AND_AFTER.match(text, ev.end)
    if after is None or len(_TOKEN.findall(text, after.end(), ev.sentence.end)) < 3:
        return None
    return end, after.end()


def _verb_between(events: list[Speech], ev: Speech, end: int) -> bool:
    """Whether another speech verb of `ev`'s sentence stands between it and `end`
    (`events`: the article's verbs, or only those of `ev`'s sentence)."""
    return any(e.sentence == ev.sentence and ev.end < e.start < end and not e.calls for e in events)


# Where the speaker goes on: a comma or "and" right before a second speech verb.
_GOES_ON = re.compile(r"(?:,\s*|\s+and\s+)$")


def _goes_on(text: str, ev: Speech, clause: int, events: list[Speech]) -> tuple[int, int] | None:
    """(where the first claim stops, where the second starts) when the speaker of `ev` goes
    on in its sentence with a second verb and "that" (", adding that ...", "and warned
    that ..."), the verb having no other speaker. `events`: the article's verbs, or only
    those of `ev`'s sentence (the others are passed over), in the article's order."""
    for later in events:
        if later.sentence != ev.sentence or later.start <= clause or later.calls:
            continue
        if later.speaker not in (None, ev.speaker):
            return None
        lead = _GOES_ON.search(text, clause, later.start)
        that = _THAT.match(text, _skip_space(text, later.end))
        if lead is None or that is None:
            return None
        return lead.start(), _skip_space(text, that.end())
    return None


def reported_text(text: str, found: QuoteFound, events: list[Speech]) -> str:
    """What a reported claim says: the clause after 'that' or after the verb."""
    ev = next(e for e in events if found.start <= e.start < found.end)
    that = _THAT.search(text, ev.end, min(found.end, ev.end + 60))
    clause = found.clause if found.clause is not None else (that.end() if that else ev.end)
    content = text[clause : found.clause_end or found.end].strip()
    before = text[found.start : ev.start].strip()
    if found.clause is not None:  # `_reported` has told where it is
        first = found.said_end
    else:
        first = None if that else _content_first(text, ev.sentence, ev.start, ev.end)
    if first is not None:  # '..., the ministry said in a statement.': it comes first
        content = text[found.start : first].strip()
    elif content.startswith(",") and (comma := text.rfind(",", found.start, ev.start)) > 0:
        # 'Longer-range weapons, Rice added, would help ...': the verb is an aside.
        content = f"{text[found.start : comma].strip()} {content.lstrip(', ')}"
    elif len(content) < 12 and len(before) >= 12:
        content = before
    return content if len(content) >= 12 else text[found.start : found.end]


def _term(
    text: str,
    span: tuple[int, int],
    spans: list[tuple[int, int]],
    window: list[Sentence],
    knowledge: Knowledge,
    rules: QuoteRules,
) -> bool:
    """Whether the quotation marks around `span` (in the sentences `window`) set off a
    term, not someone's words."""
    lo, hi = window[0].start, window[-1].end
    verb = knowledge.speech_verb
    # The marks themselves sit one character outside each span.
    speaks = verb is not None and any(
        not any(s - 1 <= m.start() <= e for s, e in spans)
        for m in casefast.finditer(verb, text, lo, hi)
    )
    # A quotation that is its whole sentence ('"History suggests otherwise."' after
    # '"...," he said.') is someone's words: a term stands inside a sentence of its own.
    # (A subhead in quotation marks has no stop inside them: "'Months too late'".)
    whole = (
        span[0] - 1 <= lo
        and hi - span[1] <= 2
        and len(window) == 1
        and text[span[1] - 1 : span[1]] in (".", "!", "?")
    )
    return is_term(text, span, (lo, hi), rules, speaks or whole)


def find_quotes(
    source: Source, sentences: list[Sentence], scan: EntityScan, knowledge: Knowledge
) -> tuple[list[QuoteFound], list[Speech]]:
    """Direct and reported quotes of `source`, and the speech verbs they hang on."""
    text = source.text
    spans: list[tuple[int, int]] = []
    for para in source.paragraphs:
        if not para.heading:
            spans += quote_spans(text, para.start, para.end)
    # A quotation left open where its paragraph ends, the next one going on with it.
    runs_on = frozenset(run_on_spans(text, source.paragraphs))
    spans = sorted([*spans, *runs_on])
    # The sentences each quote reaches into, found once: the tests below all ask.
    windows = {sp: window for sp in spans if (window := _covering(sentences, *sp))}
    spans = [sp for sp in spans if sp in windows]
    rules = quote_rules(knowledge)
    spans = [sp for sp in spans if not _term(text, sp, spans, windows[sp], knowledge, rules)]
    events = _Speakers(text, scan, knowledge, spans).events(sentences, rules.calls)
    starts = {m.start: m.end for m in scan.mentions}
    found = _direct(text, sentences, spans, events, rules, windows, runs_on) + _reported(
        text, events, spans, rules, starts
    )
    from .according import according  # it builds this module's QuoteFound and Speech

    taken = {q.start for q in found if q.kind == "reported"}
    named = [m for m in scan.mentions if not m.adjective]
    people = frozenset(i for i, e in scan.entities.items() if e.is_person)
    more, sources = according(text, sentences, named, knowledge, spans, taken, people)
    if more:
        # A quotation inside a claim "according to" someone is theirs ('According to her,
        # London "crossed all the red lines"'), when no verb gave it a speaker.
        said_by = {q.start: q.speaker for q in more if q.speaker}
        if said_by:
            found = [
                replace(q, speaker=said_by[at])
                if q.kind == "direct"
                and q.speaker is None
                and (at := windows[(q.start, q.end)][0].start) in said_by
                else q
                for q in found
            ]
        found += more
        events = sorted([*events, *sources], key=lambda e: (e.start, e.end))
    from .impersonal import with_impersonal  # it builds this module's QuoteFound and Speech

    found, events = with_impersonal(text, sentences, named, knowledge, spans, found, events)
    return sorted(found, key=lambda q: (q.start, q.end)), events


def quote_records(
    source: Source, found: list[QuoteFound], events: list[Speech]
) -> list[dict[str, object]]:
    """Schema `quote` items."""
    out: list[dict[str, object]] = []
    for q in found:
        passage = source.text[q.start : q.end]
        text = passage if q.kind == "direct" else reported_text(source.text, q, events)
        item: dict[str, object] = {
            "id": stable_id(
                "quote", source.id, q.start, q.end, f"{q.kind}-{q.part}" if q.part else q.kind
            ),
            "speaker": q.speaker,
            "kind": q.kind,
            "text": text,
            "citation": {"source": source.id, "quote": passage, "start": q.start, "end": q.end},
            "status": "extracted",
        }
        if q.inherited or (q.speaker is None and q.kind == "direct"):
            item["flags"] = ["uncertain"]
        out.append(item)
    return out
