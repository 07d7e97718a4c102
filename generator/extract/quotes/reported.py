"""Reported speech: the claim a speech verb reports outside quotation marks, where it
begins and ends (after "that", after who was told and when, or before the verb when it
comes first), a second claim the speaker goes on to ("..., adding that"), and its words
(`reported_text`).
"""

from __future__ import annotations

import calendar
import re

from ..quotecues import QuoteRules
from ..sentences import Sentence
from .grammar import (
    _COORDINATED,
    _MAX_GAP_WORDS,
    _NOT_ROLE,
    _PERSON_TAIL,
    _RELATIVE_QUOTE,
    _SPEAKER_TAIL,
    _TOKEN,
    _WORD_CHAR,
    NEW_SUBJECT,
    name_in_commas,
)
from .speech import QuoteFound, Speech

_THAT = re.compile(r"\bthat\b")

# Words that open a phrase of place, time or manner after a speech verb ("said in a
# statement on Monday"): grammar, not domain knowledge.
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

_LONG_LEAD_WORDS = 12  # 'in a statement posted on its website on Tuesday'

_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "this", "these", "those"})

# A reported clause that asks instead of telling (grammar, not domain words).
_QUESTION = re.compile(r"\s*(?:whether|if)\b", re.IGNORECASE)

# ("..., the minister announced on Wednesday, a day after the Senate backed the move").
_WRITERS_ASIDE = re.compile(
    r"([^,]*),\s+(?:[a-z]+ing|which|while|as|amid"
    r"|(?:(?:a|an|one|two|three|several|just|only|hours|days|weeks|months)\s+(?:\w+\s+)?)?"
    r"(?:after|before))\b"
)


# Words that make what follows a verb a clause of its own, not where and when it was said.
_CLAUSE_WORDS = frozenset(
    {
        "is",
        "are",
        "was",
        "were",
        "will",
        "would",
        "has",
        "have",
        "had",
        "that",
        "which",
        "who",
        "and",
        "but",
        "to",
        "said",
        "says",
        "not",
    }
)
_ROLE_WORDS = 6  # words of a role before a name ('the party's foreign political spokesperson')
_LONG_SETTING = 16  # words of where and when after a verb ('on Wednesday at the close of ...')


def _where_and_when(after: list[str]) -> bool:
    """Whether the words after a verb only say where and when ('announced on Wednesday at
    the close of the NATO summit in the Albanian capital'), however many they are."""
    return (
        len(after) <= _LONG_SETTING
        and after[0].casefold() in _ADVERBIAL_LEADS
        and not any(w.casefold() in _CLAUSE_WORDS for w in after)
    )


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
    if comma < 0 or _closes_apposition(text, sentence, comma, starts):
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
        if _role_then_name(text, _skip_space(text, verb_end), sentence.end, starts):
            return comma if len(_TOKEN.findall(text[sentence.start : comma])) >= 4 else None
    if len(after) > _MAX_GAP_WORDS and not _where_and_when(after):
        return None
    # After the verb only where and when it was said ('in a statement', 'on Monday'), or a
    # listener ('told reporters'); 'said the jets would ...' has the statement after it.
    listener = text[verb_start:verb_end].casefold().startswith(("told", "tell"))
    if after and after[0].casefold() not in _ADVERBIAL_LEADS and not (listener and len(after) <= 4):
        return None
    if _words(text, comma, verb_start, starts) > _MAX_GAP_WORDS:
        return None
    return comma if len(_TOKEN.findall(text[sentence.start : comma])) >= 4 else None


def _role_then_name(text: str, lead: int, end: int, starts: dict[int, int]) -> bool:
    """Whether a role of a few words from `lead` is followed by a name that ends the
    sentence ('..., says the party's foreign political spokesperson Jonas Hærem.')."""
    for count, word in enumerate(_TOKEN.finditer(text, lead, end)):
        at = _skip_space(text, word.end())
        # (One character more: whether "of" is followed by a lower-case word.)
        if count >= _ROLE_WORDS or at == word.end() or _NOT_ROLE.search(text, lead, at + 1):
            return False
        if at in starts and _SPEAKER_TAIL.match(text, starts[at], end):
            return True
    return False


def _closes_apposition(
    text: str, sentence: Sentence, comma: int, starts: dict[int, int] | None
) -> bool:
    """Whether the comma closes an apposition that is a name ("The Minister for Foreign
    Affairs, Fiachra Daly, said ..."): the subject and its name, not what was said."""
    at = name_in_commas(text, sentence.start, comma) if starts else None
    return at is not None and starts is not None and starts.get(at) == comma


def _words(text: str, start: int, end: int, starts: dict[int, int] | None) -> int:
    """The words of `text[start:end]`, a name (`starts`: where names start and end) as one:
    'the General Staff of the Armed Forces of Ukraine said' is a speaker and a verb."""
    count, skip = 0, start
    for token in _TOKEN.finditer(text, start, end):
        if token.start() < skip:
            continue
        count += 1
        name_end = starts.get(token.start()) if starts else None
        if name_end is not None and name_end <= end:
            skip = name_end
    return count


def _reports(
    text: str,
    ev: Speech,
    rules: QuoteRules,
    verbs: list[Speech],
    starts: dict[int, int] | None = None,
) -> bool:
    """Whether the verb reports a statement: 'promised a further EUR 500m' does not; nor
    does 'a video posted on Facebook' when the "that" after it is another verb's ('..., he
    said that'). `verbs`: those of `ev`'s sentence."""
    if text[ev.start : ev.end].casefold() not in rules.needs_that:
        return True
    that = _THAT.search(text, ev.end, min(ev.sentence.end, ev.end + 60))
    if that and not any(ev.end <= v.start < that.start() for v in verbs):
        return True
    return _content_first(text, ev.sentence, ev.start, ev.end, starts) is not None


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


# A lead of up to three words that a colon ends right before a quotation ("on X: ",
# "the change: "); not a clause of its own ("that the impact may be political: ").
_COLON_LEAD = re.compile(r"\s*(?:[\w.'\u2019-]+\s+){0,2}[\w.'\u2019-]+:\s*")


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
        if sentence in done or ev.calls or not _reports(text, ev, rules, same[sentence], starts):
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
        if inside and _RELATIVE_QUOTE.search(text, sentence.start, ev.start):
            inside = [s for s in inside if s > ev.start]  # the relative clause's quotation
        elif inside and that and not opened_before:
            # 'X called the vote "an internal affair," but he added that Russia would "answer
            # every strike."': the claim is the "that" clause; a quotation before the verb
            # is another verb's.
            inside = [s for s in inside if s > ev.start]
        if inside:
            first = min(inside)
            quoted_only = opened_before or (
                len(_TOKEN.findall(text, sentence.start, first - 1)) < 2 or said_end is None
                if first < ev.start
                # 'said "...": the quote is all that was said; not 'said that "the war
                # party" was gambling ...', whose clause goes on after the quote.
                else (
                    not _WORD_CHAR.search(text, start, first - 1)
                    # 'wrote on X: "..."', 'explained the change: "..."': a colon opens it
                    or (not that and _COLON_LEAD.fullmatch(text, start, first - 1) is not None)
                )
                and not _goes_on_after(text, first, spans)
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
                    not later or _WORD_CHAR.search(text, went_on, min(later) - 1)
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
        # ", while Labour backed the contribution but said ...": another's claim follows.
        other = (
            None
            if more or said_end is not None
            else _other_speaker(text, ev, start, same[sentence], rules, starts)
        )
        out.append(
            QuoteFound(
                sentence.start,
                sentence.end,
                ev.speaker,
                "reported",
                clause=start,
                said_end=said_end,
                # What was said came first ('X, she wrote, adding that Y'): it ends there.
                clause_end=more[0] if more and said_end is None else (other[0] if other else None),
            )
        )
        if other is not None:
            out.append(
                QuoteFound(
                    sentence.start,
                    sentence.end,
                    other[1].speaker,
                    "reported",
                    clause=_clause_start(text, other[1], starts, rules),
                    part=1,
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


# A verb right after the closing mark: the quotation is the clause's subject ('"the war
# party" was gambling'), not all that was said ('"..." on Friday').
_CLAUSE_GOES_ON = re.compile(
    r"[\"\u201d]\s+(?:was|were|is|are|has|have|had|will|would|could|should|can|may|might"
    r"|must|did|does|do|[a-z]+ed|[a-z]+s)\b"
)


def _goes_on_after(text: str, first: int, spans: list[tuple[int, int]]) -> bool:
    """Whether the clause holding the quotation that starts at `first` goes on after its
    closing mark with words of its own ('"the war party" was gambling')."""
    end = next((e for s, e in spans if s == first), None)
    return end is not None and _CLAUSE_GOES_ON.match(text, end) is not None


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


# Where the speaker goes on: a comma or "and" right before a second speech verb, after
# a quotation's closing mark too ('..."a decision for the producers," adding that ...').
_GOES_ON = re.compile(r"(?:,[\"\u201d]?\s*|[\"\u201d]?\s+and\s+)$")


def _goes_on(text: str, ev: Speech, clause: int, events: list[Speech]) -> tuple[int, int] | None:
    """(where the first claim stops, where the second starts) when the speaker of `ev` goes
    on in its sentence with a second verb and "that" (", adding that ...", "and warned
    that ..."), the verb having no other speaker, or with "and that" under the same verb. `events`: the article's verbs, or only
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
        # A quotation closing the first claim keeps its mark (and the comma before it).
        mark = _MARK_AT.match(text, lead.start())
        return (mark.end() if mark else lead.start()), _skip_space(text, that.end())
    # "told reporters that A and that B": a second claim under the same verb.
    again = _AND_THAT.search(text, clause, ev.sentence.end)
    return (again.start(), again.end()) if again else None


def _other_speaker(
    text: str,
    ev: Speech,
    clause: int,
    events: list[Speech],
    rules: QuoteRules,
    starts: dict[int, int],
) -> tuple[int, Speech] | None:
    """(where the claim of `ev` stops, the verb of the next claim) when a clause of another
    named speaker follows in the sentence after ", while" or a semicolon ("X said Irish
    money should not go ..., while Labour backed the contribution but said the ring-fence
    should go"): two claims, each its own speaker's."""
    for later in events:
        if later.start <= clause or later.calls or later.speaker in (None, ev.speaker):
            continue
        leads = list(NEW_SUBJECT.finditer(text, clause, later.start))
        lead = leads[-1] if leads else None
        if lead is None:
            # A speech verb inside the claim ("said the Government should say plainly
            # ..., while the embassy said"): part of what was said; look further.
            continue
        if not _reports(text, later, rules, events, starts):
            return None
        mark = _MARK_AT.match(text, lead.start())
        return (mark.end() if mark else lead.start()), later
    return None


_MARK_AT = re.compile(r",?[\"\u201d]")
_AND_THAT = re.compile(r",?\s+and\s+that\s+")


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
