"""The speaker of each speech verb (`_Speakers`): the name right after the verb when
the quote comes first, else the nearest name before it, passing over appositions, relative
clauses, places, a person's body and a role's body; a pronoun or a noun that names no one
is resolved by `referents`. It remembers who spoke last, for the pronouns after.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate

from ..bystart import ByStart, after_last_end
from ..entities import EntityScan, Mention
from ..entitycues import PLACE_BEFORE
from ..knowledge import DAY_BETWEEN, Knowledge
from ..sentences import Sentence
from ..verbstarts import speech_verbs
from .grammar import (
    _COORDINATED,
    _MAX_GAP_WORDS,
    _NOT_ROLE,
    _PERSON_TAIL,
    _RELATIVE_QUOTE,
    _SPEAKER_TAIL,
    _WORD_CHAR,
    NEW_SUBJECT,
    name_in_commas,
)
from .referents import PREPOSITION_BEFORE, _Referents
from .speech import Speech

# An aside between a speaker and their verb: an apposition ("X, a former officer, said"),
# any phrase set off by commas that opens in lower case ("Macron, after talks with
# Scholz, said"), or a dash pair.
# ", a White House spokesman," and ", Russia's ambassador to Italy,": who someone is.
APPOSITION = re.compile(
    r",\s(?:(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*['’]s\s+)?[a-z][^,]*,|\s(?:--|\u2014)\s.*?\s(?:--|\u2014)\s"
)
_WORD = re.compile(r"[\w’'.-]+")

# A relative clause between a speaker and the verb (", who spoke on condition of anonymity,").
# An aside between the subject and its verb: a relative clause, or a participle's
# ("A ministry spokesperson, asked about the strike, said").
_RELATIVE_ASIDE = re.compile(
    r",\s+(?:who|which|whose|asked|speaking|writing|responding|answering|commenting|talking)"
    r"\b[^,]*,\s*$"
)
# Between a person and the body they belong to ("X of the Institute", "X at the Ministry").
# "Justin Bronk of the Institute", "Mareike Vollrath (SPD)": the person and their body.
_AFFILIATION = re.compile(r",?\s+(?:of|at|from|with)\s+(?:the\s+)?|\s*\(")

# "the founder of", "a spokesman for": a role of the body named next.
_ROLE_OF = re.compile(r"\b([a-z][\w-]*)\s+(?:of|for|at)\s+(?:the\s+)?$")

# A body and where it sits ("the Russian Embassy in Norway said", "the U.N. mission in
# Ukraine said"): the body speaks, the place is the object of "in".
_SEAT = re.compile(r"\s+(?:in|at)\s+(?:the\s+)?")

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
_NEGATIONS = frozenset({"not", "never"})
_SPOKEN_TO = frozenset({"told", "asked", "informed", "warned", "urged", "assured", "reminded"})


# After a subject that follows its verb: where it spoke, then a colon and a quotation mark.
_INVERTED_TAIL = re.compile(r"(?:\s+(?:in|at|on|before|to)\s+[^:\n\"“„«]{1,40})?:\s*[\"“„«]")

# What may follow the name an apposition ends on: a party in brackets, then its comma.
_ENDS_APPOSITION = re.compile(r"\s*(?:\([^()\n]{1,30}\)\s*)?,")


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


_BRACKETED = re.compile(r"\s*\(\s*")


class _Speakers(_Referents):
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
        self.member_voice: str | None = None  # a government speaking for a member
        self._last_anonymous: int | None = None
        self.last_pos = 0  # where the last speaker's verb is
        self.content: list[tuple[int, int]] = []  # what speakers said: not a pronoun's referent

    def quoted(self, pos: int) -> bool:
        return self._quoted.covers(pos)

    def _media(self, m: Mention) -> bool:
        entity = self.scan.entity(m.entity_id)
        return entity is None or entity.category == "media"

    def resolve(self, sentence: Sentence, vs: int, ve: int) -> str | None:
        text, k = self.text, self.k
        # After the last quote ending in the sentence before the verb.
        lead = after_last_end(self._quote_ends, sentence.start, vs)
        if lead > sentence.start and _RELATIVE_QUOTE.search(text, sentence.start, lead):
            # 'Sen. X, who in March called the strikes "a ticket to war," said that': the
            # quotation is the relative clause's; the subject before it speaks.
            lead = sentence.start
        before = text[lead:vs]
        # "On Tuesday evening said Hagedorn in the Chancellery: „...“": a translation keeps
        # its language's order, the verb before its subject, and a colon opens the quote.
        follows = next(
            (m for m in self._by_start.between(ve, ve + 2) if ve < m.start <= ve + 2), None
        )
        if (
            follows is not None
            and self._person(follows.entity_id)
            and _INVERTED_TAIL.match(text, follows.end, sentence.end)
        ):
            return follows.entity_id
        # '..." added Rice': the speaker follows the verb; so it does after an auxiliary, as
        # a translation from Italian writes it ('«...», has explained the minister X').
        if not _WORD_CHAR.search(_LONE_AUXILIARY.sub("", before)):
            # ('«...», has declared yesterday Terranova': the day may come first.)
            day = _DAY_AFTER.match(text, ve, sentence.end)
            past = day.end() if day is not None else ve
            after = [
                m
                for m in self._by_start.between(past, past + 2)
                if past <= m.start <= past + 2 and m.end <= sentence.end
            ]
            owner = bool(after) and text.startswith(("'s", "\u2019s"), after[0].end)
            if after and not owner:
                if self._person(after[0].entity_id):
                    return after[0].entity_id
                # '"...," said NDP defence critic Sarah Ketchum-Lind': the body names the
                # person's role; the person speaks.
                return self._described(sentence, ve) or after[0].entity_id
            # '"...," said the CDU budget politician Johannes Kaltenbach': a person right
            # after a description of a few words (no stop, no clause of its own); so after
            # an owner's ('said SV's foreign affairs spokesperson, Ingrid Solhaug').
            described = self._described(sentence, ve)
            if described is not None:
                return described
            if after:
                return after[0].entity_id
            follow = _WORD.match(text, ve + 1)
            if follow and follow.group().casefold() in k.word_set("pronouns"):
                return self.pronoun(
                    vs, sentence.paragraph, follow.group().casefold(), sentence.start
                )
            return None
        if before.rstrip().endswith(",") and not self._named_apposition(lead, vs):
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
            # '..., says the party's foreign political spokesperson Jonas Hærem.': the
            # described person ends the sentence.
            described = self._described(sentence, ve, at_end=True)
            if described is not None:
                return described
        masked = [(lead + m.start(), lead + m.end()) for m in APPOSITION.finditer(before)]
        # Appositions in a row (", deputy leader of the Greens, the party's oldest member,"): each
        # opens at the comma that closes the one before, which the search had taken.
        for _a, b in list(masked):
            while (more := APPOSITION.match(text, b - 1, vs)) is not None and more.end() > b:
                masked.append((more.start(), more.end()))
                b = more.end()
        masked.sort()
        if masked and not text[masked[-1][1] : vs].strip():
            # "Dmitry Peskov, a Kremlin spokesman, told": the person the apposition
            # describes speaks, not the body its role words name.
            opening = masked[-1][0]
            for a, b in reversed(masked[:-1]):
                if b - 1 == opening:
                    opening = a
            appositive = [
                m
                for m in self._by_start.between(lead, opening)
                if m.end == opening and self._person(m.entity_id)
            ]
            if appositive:
                return appositive[-1].entity_id
            # "Military expert, retired Colonel Vadim Sorokin, told": a subject that names
            # no one, and the one person its apposition names.
            a, b = masked[-1]
            inside = [
                m for m in self._by_start.between(a, b) if m.end <= b and self._person(m.entity_id)
            ]
            earlier = [m for m in self._by_start.between(lead, a) if lead <= m.start and m.end <= a]
            # ("The president of the Senate's foreign relations commission, senator Flávia
            # Montenegro (PSD-MG), said": a body before only names the role of the person
            # the apposition ends on; not "The Russian Embassy, asked about Melamed's role,
            # said".)
            if len(inside) == 1 and (
                not earlier
                or (
                    not any(self._person(m.entity_id) for m in earlier)
                    and _ENDS_APPOSITION.match(self.text, inside[0].end, b) is not None
                )
            ):
                return inside[0].entity_id
        # "The official, who spoke on condition of anonymity, said": the subject stands
        # before the relative clause.
        words = _WORD.findall(_RELATIVE_ASIDE.sub("", before))
        last_word = words[-1].casefold() if words else ""
        if last_word in k.word_set("pronouns"):
            return self.pronoun(vs, sentence.paragraph, last_word, sentence.start)
        # "He has said", "She also told", "They have repeatedly said": the pronoun before
        # auxiliaries and adverbs.
        subject = len(words)
        while subject > 1 and (
            words[subject - 1].casefold() in _AUXILIARIES
            or words[subject - 1].casefold() in _ADVERBS
            or words[subject - 1].endswith("ly")
        ):
            subject -= 1
        if subject < len(words) and words[subject - 1].casefold() in k.word_set("pronouns"):
            return self.pronoun(
                vs, sentence.paragraph, words[subject - 1].casefold(), sentence.start
            )
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
        # "the minister", "the same minister had" (the one named before).
        noun_words = words[:-1] if words and words[-1].casefold() in _AUXILIARIES else words
        noun = noun_words[-1].casefold() if noun_words else ""
        if (len(noun_words) >= 2 and noun_words[-2].casefold() == "the") or (
            len(noun_words) >= 3
            and noun_words[-3].casefold() == "the"
            and noun_words[-2].casefold() == "same"
        ):
            # "The Government says" with the capital a national outlet writes its own
            # country's with: the noun is itself a name (`entities._home_government`).
            itself = next(
                (
                    m.entity_id
                    for m in self._by_start.between(lead, vs)
                    if lead <= m.start
                    and m.end <= vs
                    and text[m.start : m.end].casefold() == noun
                    and text[m.start].isupper()
                ),
                None,
            )
            named = (
                itself
                or self.by_head(noun, vs)
                or self.by_party(noun, vs)
                or self.by_company(noun, vs)
                or self.by_role(noun, vs)
                or self.by_country(noun, vs, sentence.start)
            )
            if named is not None:
                return named
        official = self.demonym_official(before, last_word.casefold(), vs)
        if official is not None:
            return official
        if last_word in k.word_set("anonymous_sources"):
            aside = _RELATIVE_ASIDE.search(before)
            subject_end = lead + aside.start() if aside else vs  # the noun before any aside
            return self._voiced_body(lead, subject_end) or self._unnamed(before, last_word, words)
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
                and (
                    _ROLE_GAP.fullmatch(text, first.end, candidates[1].start)
                    or self._titles_only(text[first.end : candidates[1].start])
                )
            ):
                return candidates[1].entity_id
            return first.entity_id
        # "the German Institute for International Affairs (SWP)": an acronym in brackets
        # after a name is that name again.
        candidates = [
            m
            for i, m in enumerate(candidates)
            if not (i and _BRACKETED.fullmatch(text, candidates[i - 1].end, m.start))
        ]
        nearest = candidates[-1]
        gap_from = nearest.end
        if _COORDINATED.search(text, max(lead, vs - 16), vs):
            # "X, Ukraine's foreign minister, thanked Berlin and said": the object of the
            # verb before "and" does not speak; that verb's subject does.
            prior = _VERB_BEFORE.search(text, max(lead, nearest.start - 30), nearest.start)
            if prior is not None:
                return self.resolve(sentence, prior.start(1), prior.end(1))
            # "Ankara sold drones to Kyiv, kept buying Russian gas and said": a name after a
            # preposition or qualifying a noun is no subject; the one opening the sentence is.
            first = candidates[0]
            opening = sentence.start + (4 if text.startswith("The ", sentence.start) else 0)
            if (
                first is not nearest
                and first.start == opening
                and not first.adjective
                and (
                    nearest.adjective
                    or PREPOSITION_BEFORE.search(text, max(lead, nearest.start - 12), nearest.start)
                )
            ):
                return first.entity_id
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
        # After the body a person is "of" ('Bronk of the Institute in London said'): the
        # words between that body and the verb are the gap.
        gap = text[gap_from:vs]
        for s, e in masked:
            if gap_from <= s and e <= vs:
                gap = gap.replace(text[s:e], " ")
        gap_words = [w.casefold() for w in _WORD.findall(gap)]
        if any(w in k.word_set("anonymous_sources") for w in gap_words):
            return self._unnamed(before, last_word, words)
        if len(gap_words) > _MAX_GAP_WORDS or _SHARE_OF.search(gap):
            # "In a poll by KIIS, 78% of Ukrainians said": a share of people speaks, unnamed.
            return None
        return self.country_official(nearest, gap, vs) or nearest.entity_id

    def _named_apposition(self, lead: int, vs: int) -> bool:
        """Whether the comma before the verb at `vs` closes an apposition that is a name
        ("The Minister for Foreign Affairs, Fiachra Daly, said"): the subject is before
        the verb, what follows it is what was said."""
        comma = self.text.rfind(",", lead, vs)
        at = name_in_commas(self.text, lead, comma)
        return at is not None and any(
            m.start == at and m.end == comma for m in self._by_start.between(at, at + 1)
        )

    def _described(self, sentence: Sentence, ve: int, at_end: bool = False) -> str | None:
        """A person right after the verb's description of them, a few words long (no stop,
        no clause of its own), ending the sentence when `at_end`."""
        text = self.text
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
        if described is None or (
            at_end and not _SPEAKER_TAIL.match(text, described.end, sentence.end)
        ):
            return None
        if _DESCRIPTION.fullmatch(text, ve, described.start) or self._bare_role(
            ve, described.start
        ):
            return described.entity_id
        if _THE_ONLY.fullmatch(text, ve, described.start) and (
            text[described.start : described.end].split()[0].casefold() in self.k.word_set("titles")
        ):
            return described.entity_id  # "said the sen. Carla Tessitore": a title after "the"
        # ('..., said Kremlin spokesman Dmitry Peskov.'): a role noun or a title among the
        # words, none that opens a clause or a place.
        gap = text[ve : described.start]
        known = self.k.word_set("role_nouns") | self.k.word_set("titles")
        if at_end and not _NOT_ROLE.search(gap) and any(w.casefold() in known for w in gap.split()):
            return described.entity_id
        return None

    def _bare_role(self, start: int, end: int) -> bool:
        """Whether `text[start:end]`, between a verb and a person, is a role without its
        article, as a translation writes it ('wrote on social networks chairman of ODS',
        'said for iROZHLAS.cz military analyst'): lower-case words, acronyms and web
        names only, a role noun among them."""
        if _BARE_DESCRIPTION.fullmatch(self.text, start, end) is None:
            return False
        roles = self.k.word_set("role_nouns")
        return any(w.casefold() in roles for w in _WORD.findall(self.text, start, end))

    def _titles_only(self, gap: str) -> bool:
        """Whether `gap` holds only role nouns and titles ("NATO Secretary-General Jan
        Vos"): the body before it is the person's, who speaks."""
        words = gap.split()
        known = self.k.word_set("role_nouns") | self.k.word_set("titles")
        return 0 < len(words) <= 3 and all(w.casefold() in known for w in words)

    def _place(self, m: Mention, lead: int) -> bool:
        """Whether mention `m` only says where ("airfields deep inside Russia, Rahman
        replied"): a place is no speaker, unless someone unnamed in it speaks ("a source
        in Ukraine's Defense Ministry told")."""
        place = PLACE_BEFORE.search(self.text, max(lead, m.start - 12), m.start)
        if place is None:
            return False
        word = _LAST_WORD.search(self.text, max(lead, place.start() - 30), place.start())
        return word is None or word.group(1).casefold() not in self.k.word_set("anonymous_sources")

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
            lead.rstrip().endswith(",")
            or last in _PASSIVE_AFTER
            # "with Hungary warning that ...": a name right before, "that" right after.
            or (
                start >= 2
                and self._mentioned.covers(start - 2)
                and self.text.startswith(" that ", end)
            )
        ):
            # An -ing form reports only after a comma ("..., warning that") or as a verb
            # ("have been explaining"): "received advance warning" is a noun.
            return True
        # "had been told", "was asked": the subject is spoken to, it says nothing ("was
        # declared" still reports what someone declared).
        passive = last in _PASSIVE_AFTER and self.text[start:end].casefold() in _SPOKEN_TO
        # "Canada will no longer tell Ukraine where ...", "did not say whether": nothing
        # is reported.
        negated = (
            last in _NEGATIONS
            or last.endswith(("n't", "n’t"))
            or [w.casefold() for w in words[-2:]] == ["no", "longer"]
        )
        # "Washington continues to restrict its use": an aspect verb before an infinitive,
        # not "'...,' he continued".
        aspect = self.text[start:end].casefold().startswith("continu") and self.text.startswith(
            " to ", end
        )
        return passive or negated or aspect or last in _NOT_VERB_AFTER

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
                if (
                    earlier
                    and _COORDINATED.search(self.text, sentence.start, vs)
                    # not after a clause of its own ("..., while Labour backed X but said")
                    and not NEW_SUBJECT.search(self.text, earlier.end, vs)
                ):
                    speaker = earlier.speaker  # 'X said ... and warned': X's verb too
                else:
                    speaker = self.resolve(sentence, vs, ve)
                self.content.append((ve, sentence.end))
                # A government speaking for an unnamed member ("the Estonian foreign
                # minister") is a person to "she said" after it.
                if speaker and (self._person(speaker) or speaker == self.member_voice):
                    self.last = (speaker, sentence.paragraph)
                    self.last_pos = vs
                elif speaker:
                    self.last_body = (speaker, sentence.paragraph)
                elif self.anonymous:  # 'a commander told CNN ... He said': not a named person
                    self.last = None
                    self._last_anonymous = vs
                found.append(Speech(vs, ve, speaker, sentence, calling))
        return found


# A verb in the past or present right before a name, its object ("thanked Berlin").
_VERB_BEFORE = re.compile(
    r"\b(?!(?:this|his|its|was|has|does|ours|yours|theirs|hers|whereas|always)\b)"
    r"([a-z]{2,}(?:ed|s))\s+(?:the\s+)?$"
)


# Between a speech verb and the person it names: "the", a few words of description (party,
# role, nationality), an optional comma.
# (A translation may put whom it was said to, or where, first: "said to the Expresso the
# minister of the National Defence, Duarte Vilaça", "has written on X the secretary X".)
# A translation may put the day between the verb and the speaker ('«...», declared Wednesday
# the Minister of Defence, Mme X') and name the speaker by a possessive ('warned its
# president, M. Y').
_DESCRIPTION = re.compile(
    r"\s+(?:(?:on\s+)?\w+day\s+)?"
    r"(?:(?:to|on|in)\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?\s+)?"
    r"(?:the|its|his|her|their|[A-Z][\w-]*['’]s)\s+"
    # (a comma may part a role from a second one: "the head of MON, vice-premier X")
    r"(?:[\w'’-]+,?\s+){0,6}?[\w'’-]+(?:,\s*|\s+)"
)
_DAY_AFTER = re.compile(rf"\s+{DAY_BETWEEN}(?=\s)")
_BARE_DESCRIPTION = re.compile(r"(?:\s+(?:[a-z][\w-]*|[A-Z]{2,6}|[a-z]+[A-Z][\w.]*))+\s+")
_AUXILIARIES = frozenset({"has", "had", "have", "would", "will"})
# Adverbs between a subject and its verb ("She also said", "He has long argued").
_ADVERBS = frozenset({"also", "long", "since", "already", "previously", "earlier", "often", "once"})
_LONE_AUXILIARY = re.compile(r"^[\s,.;:\"”»’']*(?:has|have|had)\s*$")
_DESCRIBED_REACH = 60
_THE_ONLY = re.compile(r"\s+the\s+")

_LAST_WORD = re.compile(r"(\w+)\s*$")

# A verb right after a comma or a quotation mark opens an attribution.
_AFTER_PUNCTUATION = re.compile(r"[,;:\"\u201c\u201d]\s*$")
# Between a body and its person: a few lower-case role words ("spokesman", "foreign
# minister") and nothing else, or a possessive ("Ukraine's Foreign Minister Andrii Sybiha":
# the title may be part of the person's mention).
_ROLE_GAP = re.compile(r"(?:['’]s)?(?:\s+[a-z][\w-]*){1,3}\s+|['’]s(?:\s+[A-Z][\w.-]*){0,3}\s+")
# "who" and "which" open a relative clause about the name right before them.
_RELATIVE_PRONOUNS = frozenset({"who", "which"})
_SHARE_OF = re.compile(r"\d\s*(?:%|per\s?cent\b|percent\b)\s+of\s")

_JUST_A_COMMA = re.compile(r"\s*,\s*")
