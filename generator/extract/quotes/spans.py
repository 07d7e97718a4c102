"""Finding quotations: the spans inside pairs of quotation marks (double, curly and
British single ones), the sentences each reaches into, and the quotations that only set off
a term ("so-called 'peace plan'") and are nobody's words.
"""

from __future__ import annotations

import re

from .. import casefast
from ..knowledge import Knowledge
from ..quotecues import QuoteRules, is_term
from ..runon import CLOSE as _CLOSE
from ..runon import MARK as _MARK  # the quotation marks `quote_spans` pairs
from ..runon import OPEN as _OPEN
from ..sentences import Sentence


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


# Inside a quotation, an attribution set off by dashes, as Spanish and Italian write it and
# their translations keep it («Spain does not ask Ukraine where it shoots —said the minister,
# Marta Olivencia—, just as it does not ask where it sleeps»): the dashes, the verb, who.
_DASHED = re.compile(
    r"\s*[\u2014\u2013]\s*(?P<verb>[A-Za-z]+)\b[^\u2014\u2013\n]{1,200}?[\u2014\u2013][\s,;]*"
)


def split_dashed(
    text: str, spans: list[tuple[int, int]], speech_verb: re.Pattern[str] | None
) -> list[tuple[int, int]]:
    """`spans` with each quotation that holds a dashed attribution opening on a speech verb
    cut in two around it: the attribution is the writer's words, which name the speaker."""
    if speech_verb is None:
        return spans
    out: list[tuple[int, int]] = []
    for s, e in spans:
        dash = _DASHED.search(text, s, e)
        if dash is None or not speech_verb.fullmatch(dash.group("verb")) or dash.end() >= e:
            out.append((s, e))
            continue
        out += [(s, dash.start()), (dash.end(), e)]
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


def _covering(sentences: list[Sentence], start: int, end: int) -> list[Sentence]:
    return [s for s in sentences if s.start < end and start < s.end]


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
    # (Where each verb starts is enough: `casefast.spans`.)
    speaks = verb is not None and any(
        not any(s - 1 <= at <= e for s, e in spans)
        for at, _end in casefast.spans(verb, text, lo, hi)
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
