"""The lexicon's stance cues compiled once per lexicon (`_Topic`): every cue of every stance in
one alternation with a named group per stance, its lower-case and first-character twins,
the topic words that gated cues need near them, and the constructions of `stance_frames`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..casefast import lowered_source
from ..factbits import lexicon_data
from ..firstchar import by_first_char
from ..knowledge import Knowledge, words_pattern
from ..stanceframes import Frames, parse_frames

TopicCues = tuple[tuple[str, re.Pattern[str]], ...]


@dataclass(frozen=True)
class _Topic:
    words: re.Pattern[str] | None  # signs of the question (stance_topic_words)
    cues: TopicCues  # cues that count only near such a sign
    reach: int  # characters either side of a cue
    # All stance cues (plain, then topic-gated) in one alternation, a named group per
    # stance: a sentence is scanned once instead of once per stance. Its source, matched
    # case-blind (`every`).
    source: str | None
    lower: re.Pattern[str] | None  # `every` for lower-cased plain text (`lowered_source`)
    # `lower` branching on first characters (`firstchar`): finds its matches' spans, not
    # their groups.
    first: re.Pattern[str] | None
    groups: tuple[tuple[str, str, bool], ...]  # (group name, stance, needs the topic)
    frames: Frames
    # Whether `every` holds a lookbehind (`_cut_alike`): asked of every non-ASCII sentence,
    # and a scan of the whole alternation's source each time cost more than its search.
    behind: bool = False
    # `groups` by group name: built once, not per sentence.
    by_group: dict[str, tuple[str, bool]] = field(default_factory=dict)
    compiled: dict[str, re.Pattern[str]] = field(default_factory=dict, compare=False, repr=False)

    @property
    def every(self) -> re.Pattern[str] | None:
        """The case-blind alternation of every cue (`source`), compiled on first use: only
        a sentence that is not plain text is searched with it (`cues._cue_matches`), and
        compiling it took a tenth of a second of every run, needed or not."""
        if self.source is None:
            return None
        found = self.compiled.get("every")
        if found is None:
            found = self.compiled["every"] = re.compile(self.source, re.IGNORECASE)
        return found


def _combined(
    plain: dict[str, Any], gated: dict[str, Any]
) -> tuple[str | None, tuple[tuple[str, str, bool], ...]]:
    """One pattern holding every cue, a named group per (stance, gated) pair, to be matched
    case-blind (its source). Plain cues come first so that, at one offset, a plain cue
    beats a gated one as before."""
    parts: list[str] = []
    groups: list[tuple[str, str, bool]] = []
    cues = [str(c) for table in (plain, gated) for stance in table for c in table[stance] or []]
    # Cues that all open with \b share it: the alternatives are then tried at word
    # boundaries only, not at every character (the same matches, found faster).
    shared = bool(cues) and all(c.startswith(_BOUNDARY) for c in cues)
    for needs, table in ((False, plain), (True, gated)):
        for stance in table:
            if not table[stance]:
                continue
            name = f"g{len(groups)}"
            groups.append((name, str(stance), needs))
            body = "|".join(
                f"(?:{str(c)[len(_BOUNDARY) :] if shared else c})" for c in table[stance]
            )
            parts.append(f"(?P<{name}>{body})")
    if not parts:
        return None, ()
    alternation = "|".join(parts)
    return rf"{_BOUNDARY}(?:{alternation})" if shared else alternation, tuple(groups)


_BOUNDARY = "\\b"


_TOPIC: dict[int, tuple[dict[str, Any], _Topic]] = {}


def _topic_rules(knowledge: Knowledge) -> _Topic:
    """The lexicon's topic words and the cues that need them, compiled once per lexicon."""
    data = lexicon_data(knowledge)
    # The stances the knowledge kept (the explainer's), in its order.
    stances = [sid for sid, _patterns in knowledge.stance_cues]
    hit = _TOPIC.get(id(data))
    if hit is None or hit[0] is not data:
        raw = data.get("topic_stance_cues") or {}
        cues = tuple(
            (str(stance), re.compile("|".join(f"(?:{c})" for c in raw[stance]), re.IGNORECASE))
            for stance in raw
            if raw[stance]
        )
        words = words_pattern(str(w) for w in data.get("stance_topic_words") or [])
        plain = {s: c for s, c in (data.get("stance_cues") or {}).items() if s in stances}
        every, groups = _combined(plain, raw)
        lower = re.compile(lowered_source(every)) if every is not None else None
        hit = (
            data,
            _Topic(
                words,
                cues,
                int(data.get("stance_topic_reach") or 70),
                every,
                lower,
                by_first_char(lower) if lower is not None else None,
                groups,
                parse_frames(data),
                every is not None and "(?<" in every,
                {name: (stance, needs) for name, stance, needs in groups},
            ),
        )
        _TOPIC[id(data)] = hit
    return hit[1]
