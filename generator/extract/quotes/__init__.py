"""Direct quotations and reported speech, each with its speaker.

A speech verb outside quotation marks ("said", "told", "wrote") attributes what is near it.
Its speaker is the name just after it when the sentence opens with the quote ('..." added
Rice'), else the nearest name before it, skipping appositions ("Ivan Stupak, a former
officer in ..., told"). A pronoun ("he added") is the last person who spoke; an unnamed
source ("officials said") is no speaker at all. A quote without a verb of its own takes the
speaker of the quote it runs on from, in the same paragraph or the one before.

The steps live by what they do:

- `spans`: the spans inside pairs of quotation marks, and those that only set off a term.
- `speech`: `Speech` (a speech verb and its speaker) and `QuoteFound` (what was said).
- `grammar`: the few grammar patterns speaker resolution and reported speech both read.
- `speakers`: the speaker of each speech verb, in the sentence around it.
- `referents`: who a pronoun, "the ministry", "the minister" or an unnamed official is.
- `direct`: each quotation given the speaker of a verb before or after it, or of a
  neighbouring quotation.
- `reported`: the claims a speech verb reports outside quotation marks, and their words.
- `extraction`: `find_quotes`, the steps run over one article, and `quote_records`.

Names with a leading underscore are shared among these modules only (and reached into by
the tests that hold the fast paths to their plain forms).
"""

from .extraction import find_quotes, quote_records, stable_id
from .referents import PREPOSITION_BEFORE
from .reported import reported_text
from .spans import quote_spans
from .speech import QuoteFound, Speech

__all__ = [
    "PREPOSITION_BEFORE",
    "QuoteFound",
    "Speech",
    "find_quotes",
    "quote_records",
    "quote_spans",
    "reported_text",
    "stable_id",
]
