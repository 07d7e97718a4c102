"""Stances shown by use: a body that reports its own side's strike inside the question's
target country with a named weapon supports the strikes ("Ukraine fired U.S.-made
missiles at an arsenal in Russia's Voronezh region, Ukraine's General Staff said").

ANNOTATING.md counts using the permission as support, and a careful reader gives it to
the body that carried out and announced the strike, not to the country at large. The
pattern (lexicon `stance_frames.use_report`) finds a strike verb and, further in its
clause, the target country in a group named `target`; the stance goes only to whoever the
sentence reports it from (a quote's speaker or a speech verb's), never to a body of the
target country itself ("the Russian Defence Ministry said Ukraine fired ..."), and only
when the sentence names a weapon.
"""

from __future__ import annotations

import re
from typing import Any

from .entitycues import country_of_body, entity_rules
from .factbits import per_lexicon
from .knowledge import Knowledge
from .sentences import Sentence


def _build(data: dict[str, Any]) -> re.Pattern[str] | None:
    raw = (data.get("stance_frames") or {}).get("use_report") or []
    body = "|".join(f"(?:{p})" for p in map(str, raw))
    return re.compile(body) if raw else None


_pattern = per_lexicon(_build)
USE_STANCE = "supports"


def country_of(entity_id: str, knowledge: Knowledge) -> str:
    """The country an actor is, or is a body of ("russian-defence-ministry": "russia")."""
    rules = entity_rules(knowledge)
    return (
        (rules.government_country or {}).get(entity_id)
        or country_of_body(entity_id, rules)
        or entity_id
    )


def use_report(
    text: str, sentence: Sentence, knowledge: Knowledge
) -> tuple[int, str | None] | None:
    """(where the strike verb is, the target's country) when `sentence` reports a strike
    inside the target country; whether it names a weapon and who reports it is the
    caller's to ask."""
    pattern = _pattern(knowledge)
    if pattern is None:
        return None
    m = pattern.search(text, sentence.start, sentence.end)
    if m is None:
        return None
    target = knowledge.lookup(m.group("target"))
    return m.start(), country_of(target, knowledge) if target else None
