"""Grammar patterns that both speaker resolution (`speakers`, `referents`) and reported
speech (`reported`) read, and positions too where they ask whose words a cue is in
(`NEW_SUBJECT`): grammar, not domain knowledge (that is the lexicon's, `quotecues`).
"""

from __future__ import annotations

import calendar
import re

# A verb with no subject of its own, coordinated with the one before it.
_COORDINATED = re.compile(r"\s(?:and|but)\s+(?:\w+ly\s+)?$")
# A clause with a subject of its own after another's ("X said ..., while Labour backed the
# contribution but said ...", "...; Russia says ..."): what follows is not the first
# clause's speaker's.
NEW_SUBJECT = re.compile(r",\s+(?:while|whereas)\s+|;\s+")
_WORD_CHAR = re.compile(r"\w")  # any word character: is there a word at all?
_TOKEN = re.compile(r"\w[\w’'-]*")  # a word without the stops `speakers._WORD` keeps
# The most words a speech verb reaches across: back to its speaker, on to the "that" it
# opens, and on either side of it when what was said comes first.
_MAX_GAP_WORDS = 6

# What may follow a speaker named after the verb: the end, or an apposition.
# (A day or a setting may come between: "..., said Dmitry Peskov on Monday.", "... in a
# statement.")
_SPEAKER_TAIL = re.compile(
    r"(?:\s+(?:on|late|early|last|this)?\s*(?:"
    + "|".join(calendar.day_name)
    + r"|today|yesterday|tonight|overnight|earlier|later)(?:\s+(?:morning|afternoon|evening|night))?"
    r"|\s+in\s+(?:a|an|his|her|their|its)\s+(?:[\w-]+\s+)?(?:statement|interview|post|speech|letter)"
    # ... or the outlet spoken to ("... for Czech Radio.", "... to Reuters.")
    r"|\s+(?:for|to)\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})?"
    r"\s*(?:[.!?]|,\s|$)"
)
# ... or, for a person, where they work ("..., said Fabian Reitmeier of the SWP.").
_PERSON_TAIL = re.compile(r"\s+(?:of|at|from)\s+(?:the\s+)?[A-Z]")
# Words that end a role between a speech verb and the name after it ("the party's foreign
# political spokesperson Jonas Hærem"), making it a clause or a place instead ("a
# statement from Kyiv", "the air force of Ukraine"); "of" before a lower-case word stays
# in the role, as translations write it ("first vice-chairwoman of movement").
_NOT_ROLE = re.compile(
    r"\b(?:of(?!\s+(?-i:[a-z]))|from|at|in|on|by|for|to|with|that|which|who|is|are|was|were|will"
    r"|would|has|have|had|and|but|not)\s",
    re.IGNORECASE,
)
# A relative clause holding a quotation closed right before a speech verb ('Sen. X, who
# called the strikes "a ticket to war," said'): its comma, its pronoun, the quotation, no
# comma in between. The quotation is the clause's, not what the verb reports.
_RELATIVE_QUOTE = re.compile(r",\s+(?:who|which)\b[^,\"“]*[\"“][^\"“”]*[\"”]\s*,?\s*$")


def name_in_commas(text: str, lo: int, comma: int) -> int | None:
    """Where a name set off by the comma before `comma` would start ("The Minister for
    Foreign Affairs, Fiachra Daly, said": Daly's first letter), or None with no such comma
    after `lo`. The caller asks its own table of names whether one spans to `comma`."""
    opening = text.rfind(",", lo, comma) if comma > lo else -1
    if opening < 0:
        return None
    at = opening + 1
    while at < comma and text[at].isspace():
        at += 1
    return at
