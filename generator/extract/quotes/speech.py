"""What the quote finders pass on: `Speech`, a speech verb and the speaker it was given,
and `QuoteFound`, a quotation or a reported claim with its speaker.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..sentences import Sentence


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
    # direct: a debate record's labelled contribution, no quotation marks around it
    labelled: bool = False
