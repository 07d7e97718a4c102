"""What a position cites (`Evidence`: its sentences, each with the month it names) and that
month (`_as_of`: "in September", resolved against the publication date).
"""

from __future__ import annotations

import calendar
import re

from ...sources import Source
from ..sentences import Sentence

_MONTHS = {name.casefold(): i for i, name in enumerate(calendar.month_name) if name}
_MONTH = re.compile(
    r"\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Uu]ntil|[Bb]y) ("
    + "|".join(n for n in calendar.month_name if n)
    + r")(?: (\d{4}))?\b"
)


def _as_of(text: str, sentence: Sentence, source: Source) -> str | None:
    m = _MONTH.search(text, sentence.start, sentence.end)
    if not m:
        return None
    month = _MONTHS[m.group(1).casefold()]
    year = (
        int(m.group(2)) if m.group(2) else source.published.year - (month > source.published.month)
    )
    return f"{year:04d}-{month:02d}"


Evidence = list[tuple[Sentence, str | None]]
