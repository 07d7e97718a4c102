"""Support told as a request someone made, named as a noun: "after months of pressure from
Kyiv", "lobbying by Kiev for permission", "Kyiv's requests for longer-range missiles",
"eight months of Ukrainian requests". ANNOTATING.md counts asking for the permission or the
weapons as support; the one asking is named after "from"/"by", or before the noun.

The nouns and the words that turn the request around ("pressure from Washington to keep the
limits") are the lexicon's (`stance_frames.requests`); a request counts only in a sentence
on the question (`cues._near_topic`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ...sources import Source
from .. import casefast
from ..entities import EntityScan, Mention
from ..factbits import per_lexicon
from ..holders import is_actor
from ..knowledge import Knowledge
from ..sentences import Sentence
from .cues import _near_topic
from .topics import _Topic

REQUEST_STANCE = "supports"


@dataclass(frozen=True)
class RequestRules:
    gate: re.Pattern[str]  # a noun of request: most sentences hold none
    before: re.Pattern[str]  # ends where the one asking is named: "pressure from "
    after: re.Pattern[str]  # starts where the one asking ends: "'s requests for"
    reversed: re.Pattern[str] | None  # right after the noun phrase: "to keep the limits"


def _build(data: dict[str, Any]) -> RequestRules | None:
    raw = (data.get("stance_frames") or {}).get("requests") or {}
    nouns = sorted({str(n) for n in raw.get("nouns") or []}, key=lambda n: (-len(n), n))
    if not nouns:
        return None
    noun = "|".join(re.escape(n) for n in nouns)
    against = [str(a) for a in raw.get("reversed") or []]
    return RequestRules(
        re.compile(rf"\b(?:{noun})\b", re.IGNORECASE),
        re.compile(rf"\b(?:{noun})\s+(?:from|by)\s+(?:the\s+)?$"),
        re.compile(rf"(?:['’]s)?\s+(?:[a-z][\w-]*\s+)?(?:{noun})(?=\s+(?:for|to)\b)"),
        re.compile("|".join(f"(?:{a})" for a in against)) if against else None,
    )


request_rules = per_lexicon(_build)


def request_starts(text: str, knowledge: Knowledge) -> list[int]:
    """Where the article's nouns of request start, in order (none without the rules)."""
    rules = request_rules(knowledge)
    if rules is None:
        return []
    # The case-blind search's lower-cased twin (`casefast`): several times faster.
    return [start for start, _end in casefast.spans(rules.gate, text)]


def requesters(
    source: Source,
    sentence: Sentence,
    mentions: list[Mention],
    scan: EntityScan,
    knowledge: Knowledge,
    topic: _Topic,
) -> list[tuple[str, int]]:
    """(actor, where named) of each request the sentence names with its requester.
    `mentions`: the sentence's (others are passed over), nationality adjectives included
    ("Ukrainian requests"); none when it holds no noun of request (`request_starts`)."""
    rules = request_rules(knowledge)
    text = source.text
    if rules is None or not mentions:
        return []
    found: list[tuple[str, int]] = []
    for m in mentions:
        if not sentence.start <= m.start < sentence.end:
            continue
        request = rules.after.match(text, m.end, sentence.end)
        end = request.end() if request is not None else None
        if request is None and not m.adjective:
            before = rules.before.search(text, max(sentence.start, m.start - 40), m.start)
            if before is not None:
                # What was asked for follows the name ("pressure from Kyiv to lift ...").
                end = m.end
        if end is None or not is_actor(scan, m.entity_id):
            continue
        if rules.reversed is not None and rules.reversed.match(text, end, sentence.end):
            continue
        if all(a != m.entity_id for a, _at in found):
            found.append((m.entity_id, m.start))
    if found and not _near_topic(text, sentence.start, sentence.end, scan, knowledge, topic):
        return []
    return found
