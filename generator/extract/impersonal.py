"""Claims a translated article attributes to a place or a body without a subject.

Russian and Ukrainian write "В Кремле заявили, что ..." ("in the Kremlin [they] declared
that ..."); machine translation keeps the shape: "In Kiev declared that the factory began
production", "In Ministry of Defence also affirm that ...", or at the end of a sentence
"..., report in General Staff." No speech verb has a subject there, so `quotes` finds no
speaker (or, with a verb it does not know, no claim). The body after "In" is who speaks:
a capital stands for its government (lexicon `capitals`, entities.yaml aliases).

The verbs are lexicon `quote_rules.impersonal_verbs` (cues.yaml): the third person plural
and past forms a translation leaves ("affirm", "informed", "report").
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from .factbits import per_lexicon
from .sentences import Sentence

# The body: capitalised words, "of" between them ("Office of President of Ukraine").
_BODY = r"(?:the\s+)?(?P<body>[A-Z][\w'’.-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’.-]*){0,5})"
# Up to three lower-case words between body and verb ("also", "then", "however continue to").
_ADVERBS = r"(?:[a-z]+\s+){0,3}?"


def _patterns(data: dict[str, Any]) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    verbs = sorted(
        {str(v) for v in (data.get("quote_rules") or {}).get("impersonal_verbs") or []},
        key=lambda v: (-len(v), v),
    )
    if not verbs:
        return None
    alternation = "|".join(map(re.escape, verbs))
    lead = re.compile(rf"In\s+{_BODY}\s+{_ADVERBS}(?:{alternation}),?\s+that\s+")
    tail = re.compile(rf",\s+(?:{alternation})\s+in\s+{_BODY}\s*\.?\s*$")
    return lead, tail


_compiled = per_lexicon(_patterns)


def _voice(body: tuple[int, int], text: str, mentions: list[Any], knowledge: Any) -> str | None:
    """Who the body names: an entity written as the whole body, else what the lexicon
    calls it (a capital: its government); None for a body nobody can tell ("Ministry of
    Defence" in a foreign article: whose?)."""
    start, end = body
    while end > start and text[end - 1] == ".":  # the sentence's stop, not the name's
        end -= 1
    body = (start, end)
    whole = next((x for x in mentions if x.start == body[0] and x.end == body[1]), None)
    if whole is not None:
        return str(whole.entity_id)
    found = knowledge.lookup(text[body[0] : body[1]])
    return str(found) if found else None


def impersonal(
    text: str,
    sentences: list[Sentence],
    mentions: list[Any],
    knowledge: Any,
    spans: list[tuple[int, int]],
) -> list[tuple[Sentence, int, int, int | None, str | None]]:
    """(sentence, verb start, verb end, where the claim starts or None when it comes
    first and ends at `verb start`'s comma, speaker) for each sentence of the shape."""
    patterns = _compiled(knowledge)
    if patterns is None:
        return []
    lead, tail = patterns
    out: list[tuple[Sentence, int, int, int | None, str | None]] = []
    for sentence in sentences:
        m = lead.match(text, sentence.start, sentence.end)
        t = None if m is not None else tail.search(text, sentence.start, sentence.end)
        if (m is None and (t is None or t.start() - sentence.start <= 20)) or any(
            s <= sentence.start < e for s, e in spans
        ):
            continue  # not the shape, or inside a quotation (asked only of the shape)
        if m is not None:
            who = _voice(m.span("body"), text, mentions, knowledge)
            out.append((sentence, m.start("body"), m.end(), m.end(), who))
        elif t is not None:
            who = _voice(t.span("body"), text, mentions, knowledge)
            out.append((sentence, t.start(), t.end(), None, who))
    return out


def with_impersonal(
    text: str,
    sentences: list[Sentence],
    mentions: list[Any],
    knowledge: Any,
    spans: list[tuple[int, int]],
    found: list[Any],
    events: list[Any],
) -> tuple[list[Any], list[Any]]:
    """`found` (QuoteFound) and `events` (Speech) with the claims of `impersonal`: a new
    reported claim where the sentence has none, else its speaker where it has none."""
    from .quotes import QuoteFound, Speech  # quotes imports this module

    shapes = impersonal(text, sentences, mentions, knowledge, spans)
    if not shapes:
        return found, events
    reported = {q.start: i for i, q in enumerate(found) if q.kind == "reported" and not q.part}
    found = list(found)
    added: list[Any] = []
    for sentence, vs, ve, clause, who in shapes:
        at = reported.get(sentence.start)
        if at is not None:
            if found[at].speaker is None and who is not None:
                found[at] = replace(found[at], speaker=who)
            continue
        said_end = None if clause is not None else vs
        found.append(
            QuoteFound(
                sentence.start,
                sentence.end,
                who,
                "reported",
                clause=clause if clause is not None else vs,
                said_end=said_end,
            )
        )
        added.append(Speech(vs, ve, who, sentence))
    events = sorted([*events, *added], key=lambda e: (e.start, e.end))
    return found, events
