"""Bodies named by a run of capitalised words that holds an organisation head noun
("the Royal United Services Institute"), cut free of what the run glues to them: a
second body after "and", the person before or after the body, a company's seat, a
country's possessive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..entitycues import entity_rules
from ..factbits import per_lexicon
from ..knowledge import Knowledge
from .candidate import Candidate
from .institutions import _SEAT, seated_at
from .words import _blocked, _clean_person, _known_other, _rules

_WORDY = re.compile(r"\w")

_ARTICLES = frozenset({"the", "a", "an"})


@dataclass(frozen=True)
class _Run:
    """Part of a run of capitalised words, read like the `re.Match` of the whole run."""

    text: str
    at: int

    def group(self) -> str:
        return self.text

    def start(self) -> int:
        return self.at

    def end(self) -> int:
        return self.at + len(self.text)


_AND = re.compile(r"\s+and\s+(?:the\s+)?")


def _bodies_apart(runs: list[re.Match[str]], k: Knowledge) -> list[_Run | re.Match[str]]:
    """Each run, cut at an "and" after a body's name: one that ends in an organisation
    head noun, or holds one and is followed by "and the", or a known name ("the Five Star
    Movement and the Democratic Party", "the Ministry of Defence and the General Staff",
    "the Kremlin and Congress" are two bodies; "Bosnia and Herzegovina" and "the
    Institute for Peace and Security" stay one)."""
    parts: list[_Run | re.Match[str]] = []
    for m in runs:
        run, lo = m.group(), 0
        if "and" not in run:  # no cut (`_AND`): the run itself, no copy made
            parts.append(m)
            continue
        for cut in _AND.finditer(run):
            before = run[lo : cut.start()].split()
            heads = [
                w in k.organisation_heads or w.casefold() in k.word_set("legal_forms")
                for w in before
            ]
            # "the League and the Five Star Movement": "and the" opens another body; so
            # does "and" after a known name ("the Kremlin and Congress").
            # A head right after "of"/"for" is the body's object ("the Union of Greens and
            # Farmers" stays one), not the end of a body's name.
            governed = len(before) > 1 and before[-2].casefold() in ("of", "for")
            if heads and (
                (heads[-1] and not governed)
                or cut.group().rstrip().endswith("the")
                or k.lookup(" ".join(before)) is not None
            ):
                parts.append(_Run(run[lo : cut.start()], m.start() + lo))
                lo = cut.end()
        parts.append(_Run(run[lo:], m.start() + lo))
    return parts


_company_endings = per_lexicon(
    lambda data: frozenset(
        str(w)
        for w in (data.get("quote_rules") or {}).get("company_name_endings") or []
        if str(w) not in ("Defence", "Defense")  # "Ministry of Defence of Ukraine"
    )
)
_CITY_STATE = re.compile(r"[A-Z][\w-]*(?:\s[A-Z][\w-]*)?,\s[A-Z]")


def _company_seat(
    tokens: list[str], run: _Run | re.Match[str], text: str, k: Knowledge
) -> int | None:
    """How many of `tokens` name the company when a company ending is followed by "of"
    and a place written "City, State" ("Halyard Systems of Austin, Texas"); else None."""
    endings = _company_endings(k)
    for i, token in enumerate(tokens[:-2]):
        if token in endings and tokens[i + 1] == "of":
            at = text.find(f"{token} of ", run.start(), run.end())
            if at >= 0 and _CITY_STATE.match(text, at + len(token) + 4):
                return i + 1
    return None


def _organisations(
    runs: list[re.Match[str]], k: Knowledge, text: str, sentence_start: int
) -> list[Candidate]:
    """Bodies named by a run of capitalised words (`_CAP_RUN` matches of one sentence)
    that holds an organisation head noun."""
    found: list[Candidate] = []
    runs = _with_heads(runs, k.organisation_heads)
    if not runs:
        return found
    rules, dates = _rules(k)
    for m in _bodies_apart(runs, k):
        tokens = m.group().split()
        if len(tokens) < 2:
            continue
        # Words capitalised only because they open the sentence ("The", "Five"), and the
        # one word after an article that does ("The Five Star Movement" keeps "Five").
        starters = k.word_set("starters")
        if tokens[0].casefold() in starters and not _WORDY.search(text, sentence_start, m.start()):
            first = tokens.pop(0)
            while first.casefold() not in _ARTICLES and tokens and tokens[0].casefold() in starters:
                tokens.pop(0)
        # "ROME -- The Italian Senate": an article after a dateline is no part of a name.
        if len(tokens) > 2 and tokens[0].casefold() in _ARTICLES:
            tokens.pop(0)
        # "the Paris-based Foundation for ...": where it sits is no part of its name.
        while tokens and tokens[0].casefold().endswith("-based"):
            tokens.pop(0)
        dated = next((i for i, t in enumerate(tokens) if t.rstrip(".,") in dates), None)
        if dated is not None:  # "the National Assembly on Thursday": the name ends before
            tokens = tokens[:dated]
        while tokens and tokens[-1].casefold() in k.word_set("name_connectors"):
            tokens.pop()
        if tokens and tokens[-1][-1] in ".’'" and not k.lookup(tokens[-1]):
            tokens[-1] = tokens[-1].rstrip(".’'")  # the sentence's stop, not the name's
        # "Corvid Dynamics Plc": a company, named without its legal form.
        legal = k.word_set("legal_forms")
        while len(tokens) > 2 and tokens[-1].casefold() in legal:
            tokens.pop()
        # "Halyard Systems of Austin, Texas": where a company sits is no part of its name.
        cut = _company_seat(tokens, m, text, k)
        if cut:
            tokens = tokens[:cut]
        # Heads after the stop is gone: "... Services Institute." ends in "Institute".
        heads = [k.organisation_heads[t] for t in tokens if t in k.organisation_heads]
        if not heads:
            continue
        whole = tokens
        tokens = _after_owner(tokens, k)
        if (
            any(t.casefold() in k.weapon_heads and t not in k.organisation_heads for t in tokens)
            or len(tokens) < 2
        ):
            continue
        if len(tokens) < len(whole):
            found += _member(m, whole[: len(whole) - len(tokens)], k)
        tokens, person = _person_after_head(tokens, k)
        if person is not None:
            at = m.group().find(person, m.group().find(" ".join(tokens)) + 1)
            if at >= 0:
                found.append(
                    Candidate(
                        "actor", "person", person, [(m.start() + at, m.start() + at + len(person))]
                    )
                )
        written = " ".join(tokens)
        if written != " ".join(written.split()) or written not in m.group():
            continue
        offset = m.start() + m.group().index(written)
        name, written = _possessor(written, k)
        if len(name.split()) < 2:
            continue
        offset = m.start() + m.group().index(written)
        stop = offset + len(written)
        if written.split()[-1].casefold() in rules.seated:
            seat = _SEAT.match(text, stop)  # "the Russian Embassy in Norway"
            if seat is not None:
                name, stop = f"{name} {seated_at(seat, k)}", seat.end()
        category = "media" if "media" in heads else heads[-1]
        found.append(Candidate("actor", category, name, [(offset, stop)]))
    return found


def _with_heads(runs: list[re.Match[str]], heads: dict[str, str]) -> list[re.Match[str]]:
    """The runs `_organisations` may find a body in: of two words or more, one of them an
    organisation head noun, as written or without the stop it strips off a run's last
    word ("Institute."). Nine runs in ten are not: none of their parts names a body (a
    part's words are the run's, some dropped and the last stripped of its stop)."""
    kept = []
    keys = heads.keys()
    for m in runs:
        words = m.group().split()
        if len(words) > 1 and (
            not keys.isdisjoint(words)
            or any(w.rstrip(".’'") in heads for w in words if w[-1] in ".’'")
        ):
            kept.append(m)
    return kept


def _person_after_head(tokens: list[str], k: Knowledge) -> tuple[list[str], str | None]:
    """(the body's words, the person's name) of "Russian Foreign Ministry Sergei Lavrov":
    two to four name-like words right after the body's last head noun name a person."""
    last = max(i for i, t in enumerate(tokens) if t in k.organisation_heads)
    tail = tokens[last + 1 :]
    if not 2 <= len(tail) <= 4 or any(
        not _PERSON_WORD.fullmatch(t) or t in k.organisation_heads or _known_other(t, k)
        for t in tail
    ):
        return tokens, None
    known = k.lookup(" ".join(tail))
    if known is not None and k.entities[known].category == "person":
        return tokens[: last + 1], " ".join(tail)  # a known person: "... Sergei Lavrov"
    person = _clean_person(" ".join(tail), k)
    if person is None or len(person.split()) < 2:
        return tokens, None
    return tokens[: last + 1], person


def _member(run: _Run | re.Match[str], owner: list[str], k: Knowledge) -> list[Candidate]:
    """The person before a body's name ("Justin Bronk of the Royal United Services
    Institute"): two or three name-like words that name nothing known."""
    words = [w for w in owner if w not in _OWNER_PREPOSITIONS and w.casefold() != "the"]
    if owner[: len(words)] != words:
        return []
    cleaned = _clean_person(" ".join(words), k)  # "Analyst Mark Smith": a role opens it
    person = cleaned.split() if cleaned else []
    if not 2 <= len(person) <= 3:
        return []
    if any(
        not _PERSON_WORD.fullmatch(w) or k.lookup(w) or _blocked(w, k) or w in k.organisation_heads
        for w in person
    ):
        return []
    name = " ".join(person)
    at = run.group().find(name)
    if at < 0:
        return []
    return [Candidate("actor", "person", name, [(run.start() + at, run.start() + at + len(name))])]


_PERSON_WORD = re.compile(r"[A-Z][a-z\u00df-\u024f]+(?:-[A-Z]?[a-z\u00df-\u024f]+)?")


def _possessor(written: str, k: Knowledge) -> tuple[str, str]:
    """(name, the words that write it) of a body named after its country's possessive:
    a short, generic name takes the demonym ("Russia's Foreign Ministry" is the "Russian
    Foreign Ministry", the same body); a long one is a name of its own ("South Korea's
    National Intelligence Service") and the country stays a mention of its own."""
    m = _POSSESSIVE.search(written)
    if m is None:
        return written, written
    owner, rest = written[: m.start()], written[m.end() :]
    owner_id = k.lookup(owner)
    if owner_id is None and owner.casefold() in k.word_set("titles"):
        return written, written  # "King's College London": a title's possessive names it
    if owner_id is None:
        # A person's or party's possessive ("Merz's Christian Democrats") is no part of the
        # body's name; one word alone ("Smith's Party") is too little to name it.
        return (rest, rest) if len(rest.split()) >= 2 else (written, written)
    connectors = k.word_set("name_connectors")
    if len(
        [t for t in rest.split() if t.casefold() not in connectors]
    ) >= _OWN_NAME_WORDS and rest.casefold() not in _generic_bodies(k):
        return rest, rest
    demonym = entity_rules(k).demonym_for.get(owner_id)
    if demonym:
        return f"{demonym} {rest}", written
    # A known person's or body's possessive ("Merz's Christian Democrats") is no part of it.
    return (rest, rest) if len(rest.split()) >= 2 else (written, written)


_POSSESSIVE = re.compile(r"['’]s\s+")
# Lexicon `generic_bodies`, folded: however long ("Ministry of Foreign Affairs"), such a
# name after a country's possessive is that country's body.
_generic_bodies = per_lexicon(
    lambda data: frozenset(str(n).casefold() for n in data.get("generic_bodies") or [])
)
# A body's name this long after a country's possessive names it without the country.
_OWN_NAME_WORDS = 3


_OWNER_PREPOSITIONS = frozenset({"of", "for", "at", "from"})


def _after_owner(tokens: list[str], k: Knowledge) -> list[str]:
    """The organisation in "Justin Bronk of the Royal United Services Institute": when no
    head noun comes before the first connector, the words before it name someone else.
    ("Security Service of Ukraine" has its head first and stays whole.)"""
    connectors = k.word_set("name_connectors")
    # Only a preposition joins a person to a body; "and" joins words of one name ("National
    # Security and Defence Council").
    first = next((i for i, tok in enumerate(tokens) if tok in _OWNER_PREPOSITIONS), None)
    if first is None or any(tok in k.organisation_heads for tok in tokens[:first]):
        return tokens
    rest = tokens[first:]
    while rest and rest[0].casefold() in connectors:
        rest.pop(0)
    return rest
