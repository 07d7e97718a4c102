"""Positions: each actor's stance on the explainer's question, with the passages as evidence.

Stance cues (lexicon `stance_cues`, one list per stance id of data/explainer.yaml) mark a
sentence; the earliest cue wins. The actor is whoever said the words holding the cue (a
direct quote's or reported claim's speaker), else the nearest actor named before the cue.
An actor with cues of two stances gets two positions; `as_of` is the month the sentence
names ("in September"), resolved against the publication date.

The steps live by what they do:

- `topics`: `_Topic`, the stance cues and topic words compiled once per lexicon, every cue
  in one alternation.
- `cues`: the cues of a sentence in text order, gated by the topic and read through
  `stance_frames`; the first cue of each stance.
- `actors`: who holds a cue, and who holds the sentence's later cues.
- `evidence`: `Evidence`, the sentences a position cites, and the month a sentence names.
- `summaries`: the one line stating a position in its holder's terms.
- `indirect`: stances given without a cue in the holder's own sentence: a writer's lead-in,
  an announced reaction, a strike reported by use.
- `records`: `position_records`, the steps run over an article's sentences and headings.

Names with a leading underscore are shared among these modules only (and reached into by
the tests that hold the fast paths to their plain forms).
"""

from .evidence import Evidence
from .records import position_records
from .summaries import SUMMARY_LIMIT
from .topics import TopicCues

__all__ = [
    "SUMMARY_LIMIT",
    "Evidence",
    "TopicCues",
    "position_records",
]
