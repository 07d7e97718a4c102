"""A party's or a government's spokesperson holds its stance: "The main opposition People
Power Party wants the request approved without conditions. 'If we sell a 500-kilometer
missile ...,' said Rep. Bae Jun-ho, the party's defense spokesperson." The person is named
with a role word (lexicon `role_nouns`) of the body right before it ("the party's",
"Its", the body's name), in the sentence holding the body's stance or the next one, and
has words of their own in the article (lexicon `spokesperson_owners`: "its", "the
party's"). Flagged uncertain: the stance is inferred from whom
the person speaks for, not read from their words.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from ..entities import EntityScan
from ..factbits import per_lexicon
from ..knowledge import Knowledge, words_pattern
from ..quotes import QuoteFound
from ..sentences import Sentence
from .evidence import Evidence

# Stances a body's spokesperson holds with it (a warning or a doubt is the speaker's own).
SHARED = ("supports", "opposes")
# How far before a person's name their role may start ("the party's defense spokesperson,").
_ROLE_REACH = 60


def _build(data: dict[str, Any]) -> re.Pattern[str] | None:
    """A role's owner written as a pronoun or a noun of the body ("Its", "the party's":
    lexicon `spokesperson_owners`)."""
    return words_pattern(str(w) for w in data.get("spokesperson_owners") or [])


_owner_words = per_lexicon(_build)


def affiliates(
    text: str,
    sentences: list[Sentence],
    scan: EntityScan,
    knowledge: Knowledge,
    quotes: list[QuoteFound],
    grouped: dict[tuple[str, str], Evidence],
) -> dict[tuple[str, str], Sentence]:
    """(person, stance) -> the sentence naming them, for each spokesperson with no stance
    of their own who speaks for a body holding one."""
    held = {actor for actor, _s in grouped}
    speakers = {q.speaker for q in quotes if q.speaker}
    out: dict[tuple[str, str], Sentence] = {}
    bodies: dict[Sentence, list[tuple[str, str]]] = {}
    for (actor, stance), evidence in grouped.items():
        entity = scan.entity(actor)
        if stance in SHARED and entity is not None and not entity.is_person:
            for sentence, _as_of in evidence:
                bodies.setdefault(sentence, []).append((actor, stance))
    if not bodies:
        return out
    roles = knowledge.word_set("role_nouns")
    owners = _owner_words(knowledge)
    starts = [s.start for s in sentences]
    for m in scan.mentions:
        entity = scan.entity(m.entity_id)
        if entity is None or not entity.is_person or m.entity_id in held:
            continue
        if m.entity_id not in speakers:
            continue
        at = bisect_right(starts, m.start) - 1
        if at < 0:
            continue
        sentence = sentences[at]
        before = text[max(sentence.start, m.start - _ROLE_REACH) : m.start]
        # ... or set off after it ("said Rep. Bae Jun-ho, the party's defense spokesperson").
        after = text[m.end : min(sentence.end, m.end + _ROLE_REACH)]
        after = after.split(",")[1] if after.startswith(",") and after.count(",") >= 1 else ""
        window = next(
            (
                w
                for w in (before, after)
                if any(x.strip(",.").casefold() in roles for x in w.split())
            ),
            None,
        )
        if window is None:
            continue
        near = [sentence]
        if at > 0 and sentences[at - 1].paragraph == sentence.paragraph:
            near.append(sentences[at - 1])
        for s in near:
            for body, stance in bodies.get(s, []):
                named = any(
                    b.entity_id == body and sentence.start <= b.start and b.end <= m.start
                    for b in scan.mentions
                )
                if named or (owners is not None and owners.search(window)):
                    out.setdefault((m.entity_id, stance), sentence)
    return out
