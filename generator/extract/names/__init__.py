"""Discovering names nobody listed, from the context that introduces them.

Each finder returns `Candidate`s: a canonical name, the spans where it is written and, when
the text says, a short description (the title or role it is introduced with).

`discover` runs every finder over one sentence. The finders live by what they find:

- `candidate`: `Candidate`, what every finder returns.
- `words`: the word tests the finders share: what cannot be (part of) a name, a person's
  name cleaned of the words around it, the word right before a position.
- `gates`: whether a pattern can match in a sentence at all, and where its matches start.
- `people`: people a title, a role, an apposition, a possessive or a speech verb introduces.
- `organisations`: bodies named by a run of capitalised words that holds a head noun.
- `institutions`: a country's body written in lower case ("the Russian defence ministry").
- `weapons`: weapons a weapon noun names, and designations ("MGM-140").
- `acronyms`: acronyms defined in brackets after a name, else taken for unknown bodies.
- `discovery`: `discover`, and undoing a body and a person glued in one run of capitals.

Names with a leading underscore are shared among these modules only (and reached into by
the tests that hold the fast paths to their plain forms).
"""

from .acronyms import abbreviates, initials
from .candidate import Candidate
from .discovery import discover
from .gates import gate_open
from .weapons import weapons_in
from .words import cannot_be_name

__all__ = [
    "Candidate",
    "abbreviates",
    "cannot_be_name",
    "discover",
    "gate_open",
    "initials",
    "weapons_in",
]
