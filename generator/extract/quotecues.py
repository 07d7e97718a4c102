"""When quotation marks hold no quotation, and when a speech verb reports no statement.

Word lists come from the lexicon (`quote_rules` in cues.yaml), compiled once per lexicon:
quote detection runs on every quotation of every article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .factbits import per_lexicon
from .knowledge import words_pattern

_WORDS = re.compile(r"[\w’'-]+")


@dataclass(frozen=True)
class QuoteRules:
    min_words: int
    short_words: int
    scare: re.Pattern[str] | None  # a scare cue ending just before the opening mark
    needs_that: frozenset[str]  # folded speech verbs that report only before "that"
    # Verbs that put words in someone's mouth without being speech verbs ('called support
    # "unwavering"'): a one-word quote right after their object is a quotation.
    calls: re.Pattern[str] | None
    listener: re.Pattern[str] | None  # who was told ("told reporters"), at a position
    # An unnamed official after a demonym ("two U.S. officials"): group "dem".
    government_voice: re.Pattern[str] | None
    government_voice_nouns: frozenset[str]  # folded
    # A government's member after a demonym ("the Estonian foreign minister"): group "dem".
    government_role: re.Pattern[str] | None = None
    government_roles: frozenset[str] = frozenset()  # folded
    # "the company said": the nouns (folded), and what makes a named body a company (the
    # last word of its name, or a word of its description: "Zoria Systems", "arms maker").
    company_nouns: frozenset[str] = frozenset()
    company_endings: frozenset[str] = frozenset()
    # A maker's noun, a comma and an apposition calling it a maker again ("the
    # manufacturer, the Italian company Meridiana Sistemi"): the name follows it.
    maker_apposition: re.Pattern[str] | None = None
    # A sentence opening that points back to the quote before it ("That was how").
    back_reference: re.Pattern[str] | None = None
    # Words of a poll ("according to a survey by Ipsos"): its result is no one's claim.
    polls: re.Pattern[str] | None = None


def _build(data: dict[str, Any]) -> QuoteRules:
    raw = data.get("quote_rules") or {}
    cues = sorted({str(c) for c in raw.get("scare_cues") or []}, key=lambda c: (-len(c), c))
    scare = (
        re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, cues))})\s*$", re.IGNORECASE)
        if cues
        else None
    )
    call_verbs = [str(v) for v in raw.get("call_verbs") or []]
    calls = (
        re.compile(rf"\b(?:{'|'.join(map(re.escape, call_verbs))})\b", re.IGNORECASE)
        if call_verbs
        else None
    )
    return QuoteRules(
        min_words=int(raw.get("min_words", 1)),
        short_words=int(raw.get("short_words", 0)),
        scare=scare,
        needs_that=frozenset(str(v).casefold() for v in raw.get("verbs_needing_that") or []),
        calls=calls,
        listener=_phrases(raw.get("listeners") or []),
        government_voice=_government_voice(
            [str(d) for d in data.get("demonyms") or []],
            [str(v) for v in raw.get("government_voices") or []],
        ),
        government_voice_nouns=frozenset(
            str(v).casefold() for v in raw.get("government_voices") or []
        ),
        government_role=_government_voice(
            [str(d) for d in data.get("demonyms") or []],
            [str(v) for v in raw.get("government_roles") or []],
        ),
        government_roles=frozenset(str(v).casefold() for v in raw.get("government_roles") or []),
        company_nouns=frozenset(str(v).casefold() for v in raw.get("company_nouns") or []),
        company_endings=frozenset(str(v) for v in raw.get("company_name_endings") or []),
        maker_apposition=_maker_apposition(
            sorted(str(v).casefold() for v in raw.get("company_nouns") or [])
        ),
        back_reference=_phrases(raw.get("back_references") or [], article=False),
        polls=words_pattern(str(w) for w in raw.get("poll_words") or []),
    )


def _maker_apposition(nouns: list[str]) -> re.Pattern[str] | None:
    if not nouns:
        return None
    alternation = "|".join(map(re.escape, nouns))
    return re.compile(
        rf"(?:the\s+)?(?:{alternation}),\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?(?:{alternation})\s+"
    )


def _government_voice(demonyms: list[str], voices: list[str]) -> re.Pattern[str] | None:
    if not demonyms or not voices:
        return None
    dems = "|".join(map(re.escape, sorted(set(demonyms), key=lambda w: (-len(w), w))))
    nouns = "|".join(map(re.escape, sorted(set(voices), key=lambda w: (-len(w), w))))
    # Up to two words between: "a senior U.S. defense official".
    return re.compile(rf"(?<![\w.])(?P<dem>{dems})\s+(?:[\w-]+\s+){{0,2}}(?i:{nouns})\b")


def _phrases(words: list[Any], article: bool = True) -> re.Pattern[str] | None:
    """Any of `words` (case-blind), after an optional "the" when `article`."""
    parts = sorted({str(w) for w in words}, key=lambda w: (-len(w), w))
    if not parts:
        return None
    lead = r"(?:the\s+)?" if article else ""
    return re.compile(rf"{lead}(?:{'|'.join(map(re.escape, parts))})\b", re.IGNORECASE)


# The compiled rules of the lexicon behind a Knowledge, built once per lexicon.
quote_rules = per_lexicon(_build)


def word_count(text: str) -> int:
    return len(_WORDS.findall(text))


def _called(text: str, sentence: tuple[int, int], start: int, rules: QuoteRules) -> bool:
    """Whether a verb of calling comes before the quote in its sentence ('called support
    "unwavering"', 'described the plan as "reckless"')."""
    return rules.calls is not None and rules.calls.search(text, sentence[0], start) is not None


def is_term(
    text: str,
    span: tuple[int, int],
    sentence: tuple[int, int],
    rules: QuoteRules,
    has_speech_verb: bool,
) -> bool:
    """Whether the marks around `text[span]` set off a term rather than someone's words:
    a scare cue before them ('so-called "red lines"'), a short phrase in a sentence where
    nobody speaks ('Zelensky's "victory plan"'), or one word nobody is said to have said.
    One word is a quotation when someone speaks in the sentence ('told ABC News the
    decision -- while a "decisive" move --') or calls something so ('called support
    "unwavering."'), unless it is capitalised mid-sentence: a name ('the "Oreshnik"')."""
    start, end = span
    words = word_count(text[start:end])
    # The opening mark sits just before `start`; the cue ends before that mark.
    lead = text[max(sentence[0], start - 40) : max(sentence[0], start - 1)]
    if rules.scare is not None and rules.scare.search(lead):
        return True
    if words < rules.min_words:
        attributed = has_speech_verb or _called(text, sentence, start, rules)
        name = text[start].isupper() and start - 1 > sentence[0]
        return not attributed or name or words == 0
    return words < rules.short_words and not (
        has_speech_verb or _called(text, sentence, start, rules)
    )


def is_company(name: str, category: str | None, description: str | None, rules: QuoteRules) -> bool:
    """Whether an organisation is a company: by the last word of its name ("Corvane
    Aerospace") or a word of its description ("a company based in Graz")."""
    if category != "organisation":
        return False
    words = (description or "").casefold().split()
    return name.split()[-1] in rules.company_endings or any(w in rules.company_nouns for w in words)
