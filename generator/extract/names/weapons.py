"""Weapons the text names: by a weapon noun, before it ("Storm Shadow cruise missiles"),
after it ("the cruise missiles JASSM-ER") or described by it ("Quiver, a launcher"); the
examples and variants `weaponframes` finds; and designations ("MGM-140").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from .. import casefast
from ..casualties import casualty_rules_for
from ..factbits import per_lexicon
from ..knowledge import CAPITAL, Knowledge, trie_alternation
from ..quotecues import is_company, quote_rules
from ..weaponframes import example_after, variants_in
from ..wordstarts import matches_reaching, run_starts
from .candidate import Candidate
from .gates import _FOLDS_TO_ASCII, gate_open
from .words import _blocked, _word_back

# It runs on every sentence. Written `(?<![\w-])[A-Z]...` it opened with a lookbehind,
# which re tests at every position; opening with the capital lets re skip to the
# capitals, and the lookbehind, moved after it, still tests the character before it (a
# two-character lookbehind ending in that capital): the same matches. (`acronyms._ACRONYM`
# is written the same way.)
# A variant's letters may carry a digit of their own ("Tu-22M3", "Kh-47M2").
_DESIGNATION = re.compile(r"[A-Z](?<![\w-][A-Z])[A-Za-z]{0,3}-\d{1,4}(?:[A-Z]{1,2}\d?)?(?![\w-])")


# "Tu-22M3": the category a designation's prefix gives (lexicon `designation_categories`).
_designation_categories = per_lexicon(
    lambda data: {str(p): str(c) for p, c in (data.get("designation_categories") or {}).items()}
)


# "Adelaide-built", "U.S.-made": where a weapon was made (lexicon `origin_words`), no name.
_origin_words = per_lexicon(
    lambda data: frozenset(str(w).casefold() for w in data.get("origin_words") or [])
)


def _weapon_name_before(
    text: str, head_start: int, floor: int, k: Knowledge
) -> tuple[int, str] | None:
    """The proper name right before a weapon noun ('Storm Shadow/SCALP' cruise missiles),
    or joined to it by a hyphen, as translations from Finnish or German write it
    ("Vega-missiles")."""
    tokens: list[tuple[int, str]] = []
    if text[head_start - 1 : head_start] == "-" and text[head_start - 2 : head_start - 1].isalnum():
        head_start -= 1
    pos = head_start
    while len(tokens) < 3:
        back = _word_back(text, max(floor, pos - 60), pos)
        if back is None:
            break
        at, word = back
        # 'Tomahawk', 'F-16', 'Storm Shadow/SCALP'; not '10-15' (a count) nor 'long-range'.
        # A number right before the head is part of a name only after one ("RBS 15
        # missiles"); "fired 15 missiles" keeps no name (only digits are dropped below).
        name_like = (any(ch.isupper() for ch in word) and word[-1].isalnum()) or (
            not tokens and word.isdigit() and len(word) <= 4
        )
        if (
            not name_like
            or word.endswith(("'s", "’s"))  # an owner ("Ukraine's drones"), not a name
            or ("-" in word and word.rsplit("-", 1)[1].casefold() in _origin_words(k))
            or _blocked(word, k)
            or _known_actor(word, k)
        ):
            break
        tokens.insert(0, (at, word))
        pos = at
    if not tokens or all(word.isdigit() for _, word in tokens):
        return None
    return tokens[0][0], text[tokens[0][0] : head_start].rstrip()


# A name given after its head noun, as machine translation from Slavic languages and
# German orders it ("the cruise missiles JASSM-ER"); only a designation-like name (two
# capitals or a digit), or one that ends the phrase (`_NAME_ENDS`), so that "missiles
# Ukraine received" names no weapon.
# (A capital with a diacritic too: "drones Výr", "the aircraft Strážce".)
_NAME_AFTER = re.compile(rf"[ \t]+(?P<name>{CAPITAL}[^\W_]*(?:-[A-Z0-9][^\W_]*)*)(?![\w-])")
# The name a weapon noun describes: "Quiver, a launcher built into a container", "The
# Falchion is a subsonic, turbojet-powered missile", "the Vyrii, Ukraine's new homemade
# cruise missile" (up to three describing words).
_DESCRIBED = re.compile(
    r"(?:^|(?<=[\s\"“(]))(?P<name>[A-Z][\w-]*(?:[ \t][A-Z0-9][\w-]*){0,2})"
    r"(?:,[ \t]+|[ \t]+(?:is|was)[ \t]+)(?:an?|(?P<owner>[A-Z][\w-]*['’]s))[ \t]+"
    r"(?:[a-z][\w-]*,?[ \t]+){0,3}$"
)


# After a plain word written after its head noun: the phrase ends there ("the German
# cruise missile Lindwurm to the manufacturer"), so the word is no clause's subject.
_NAME_ENDS = re.compile(
    r"[.,;:)]|[ \t]+(?:to|for|from|and|in|on|at|with|of|which|that|against|also|into|over|as)\b"
)


def _designation_like(word: str) -> bool:
    return sum(ch.isupper() for ch in word) >= 2 or any(ch.isdigit() for ch in word)


def _business_after(text: str, end: int, k: Knowledge) -> bool:
    """Whether the word after a weapon noun makes the phrase a business, a unit or a
    person ("a missile maker", "a drone unit", "a missile specialist"): lexicon
    `weapon_business_nouns`, a role noun, or a word with an agent ending
    (`weapon_business_endings`: "-ist", "-er")."""
    m = _NEXT_LOWER.match(text, end)
    if m is None:
        return False
    word = m.group(1).casefold()
    return (
        word in k.word_set("weapon_business_nouns")
        or word in k.word_set("role_nouns")
        or word.endswith(tuple(k.word_set("weapon_business_endings")))
    )


_NEXT_LOWER = re.compile(r"[ \t]+([a-z][\w-]*)")


def _weapon_name_around(
    text: str, m: re.Match[str], start: int, end: int, k: Knowledge
) -> tuple[int, str] | None:
    """A weapon's name written after its head noun or described by it (see above)."""
    if m.group()[0].isupper():
        return None
    found: tuple[int, str] | None = None
    # Cheap tests first: a capital right after the noun, ", a" or "is a" before it (most
    # weapon nouns have neither). A translation may put the range first ("48 drones of
    # long range Trzmiel-LR").
    at = m.end()
    if text.startswith(" of ", at) and (ranged := _OF_RANGE.match(text, at, end)) is not None:
        at = ranged.end()
    nxt = at + 1
    if nxt < end and text[nxt].isupper():
        after = _NAME_AFTER.match(text, at, end)
        if after is not None and (
            _designation_like(after.group("name")) or _NAME_ENDS.match(text, after.end())
        ):
            name = after.group("name")
            if not _blocked(name, k) and not _known_actor(name, k):
                found = after.start("name"), name
    lo = max(start, m.start() - 90)
    if found is None and any(cue in text[lo : m.start()] for cue in _DESCRIBING):
        described = _DESCRIBED.search(text, lo, m.start())
        if described is not None:
            name = described.group("name")
            if name.startswith(("The ", "A ", "An ")):
                name = name.split(" ", 1)[1]
            # "the Vyrii, Ukraine's new homemade cruise missile." An owner's noun phrase
            # may go on ("Petrenko, Ukraine's top missile designer"): it must end here.
            ends = described.group("owner") is None or text[m.end() : m.end() + 1] in _PHRASE_END
            if ends and not _blocked(name.split()[0], k) and not _known_actor(name, k):
                found = described.end("name") - len(name), name
    if found is None or _business_after(text, m.end(), k):
        return None
    return found


_DESCRIBING = (", a", "is a", "was a", "'s ", "’s ")
_OF_RANGE = re.compile(r" of (?:long|medium|short|longer|extended) range(?= )")
_PHRASE_END = frozenset(".,;:!?)")


def _known_actor(name: str, k: Knowledge) -> bool:
    """Whether `name` is a known actor, or a town of lexicon `places` ("the drones
    Kharkiv counts are the city's, no weapon's name")."""
    found = k.lookup(name)
    if found is not None and k.entities[found].kind == "actor":
        return True
    return name in casualty_rules_for(k).place_country


def _span(named: tuple[int, str]) -> tuple[int, int]:
    return named[0], named[0] + len(named[1])


_REACH: dict[int, tuple[frozenset[str], int]] = {}


def _modifier_reach(k: Knowledge) -> int:
    """How far before its head noun a `k.weapon_head` match can start: two modifiers, each
    with the space or hyphen after it (a case-blind letter matches one character)."""
    modifiers = k.word_set("weapon_modifiers")
    hit = _REACH.get(id(modifiers))
    if hit is None or hit[0] is not modifiers:
        hit = _REACH[id(modifiers)] = (modifiers, 2 * (max(map(len, modifiers), default=0) + 1))
    return hit[1]


def _weapon_heads(
    k: Knowledge, pattern: re.Pattern[str], text: str, span: tuple[int, int], lower: str | None
) -> Iterator[re.Match[str]]:
    """`casefast.finditer(pattern, text, *span)` (nothing when its gate is shut) for
    `k.weapon_head`: every match holds a whole head noun, whose first word run
    (`wordstarts.run_starts`) is at most `_modifier_reach` after the match's start, so the
    search resumes only that far before the next head noun (`matches_reaching`). There
    the pattern's own search, which stops a few characters on, costs less than setting up
    the twin's (`casefast.finditer` is `pattern.finditer`, made faster on long texts)."""
    start, end = span
    runs = k.gate_runs.get("heads")
    if lower is None or runs is None:
        if gate_open(k, "heads", text[start:end], lower):
            return casefast.finditer(pattern, text, start, end)
        return iter(())
    return matches_reaching(
        lambda at: pattern.finditer(text, at, end),
        start,
        run_starts(lower, start, runs),
        _modifier_reach(k),
    )


_PLACE_AFTER_HEAD = re.compile(r" ([A-Z][a-z]+)\b")


def _weapons(
    text: str, start: int, end: int, k: Knowledge, lower: str | None = None
) -> list[Candidate]:
    found: list[Candidate] = []
    sentence = text[start:end]
    if lower is None and not any(c in sentence for c in _FOLDS_TO_ASCII):
        lower = sentence.lower()
    if k.weapon_head:
        for m in _weapon_heads(k, k.weapon_head, text, (start, end), lower):
            category = k.weapon_heads[m.group("head").casefold()]
            if m.group("head") in k.organisation_heads:
                continue  # "Zoria Systems": a capitalised head that names a company
            # "White Sands Missile Range", "Strategic Missile Forces": a capitalised head
            # that a capitalised word other than a weapon noun goes on from names a place
            # or a body.
            nxt = _PLACE_AFTER_HEAD.match(text, m.end(), end) if m.group()[0].isupper() else None
            if nxt is not None and nxt.group(1).casefold() not in k.weapon_heads:
                continue
            named = _weapon_name_before(text, m.start(), start, k)
            if named is None:
                named = _weapon_name_around(text, m, start, end, k)
                if named is not None:
                    found.append(Candidate("weapon", category, named[1], [_span(named)]))
                elif m.group("head")[-1:] == "s":  # "drones ..., including the Sokolytsia"
                    example = example_after(text, m.end(), end, category, k, _new_weapon(k))
                    if example is not None:
                        found.append(_weapon_candidate(example))
                continue
            name_start, name = named
            name = _KIND_OF.sub("", name)
            span = (name_start, name_start + len(name))
            if m.group()[
                0
            ].isupper():  # the head is part of the name: "Army Tactical Missile System"
                name = text[name_start : m.end()]
                span = (name_start, m.end())
                head = m.group("head")
                if head[-1:] == "s" and head[:-1].casefold() in k.weapon_heads:
                    name = name[:-1]  # "Precision Strike Missiles": one Precision Strike Missile
            found.append(Candidate("weapon", category, name, [span]))
    for variant in variants_in(text, start, end, k, _category_at(text, k), _new_weapon(k)):
        found.append(_weapon_candidate(variant))
    # A designation holds a hyphen ("MGM-140"): most sentences have none.
    designations = _DESIGNATION.finditer(text, start, end) if "-" in sentence else ()
    for m in designations:
        if _blocked(m.group(), k):  # "G-7" is a group of states
            continue
        after = k.weapon_head.match(text, m.end() + 1) if k.weapon_head else None
        prefix = m.group().split("-", 1)[0]
        category = (
            k.weapon_heads[after.group("head").casefold()]
            if after
            else _designation_categories(k).get(prefix, "system")
        )
        found.append(Candidate("weapon", category, m.group(), [(m.start(), m.end())]))
    return found


# "Shahed-type drones": a kind named after a weapon, the weapon itself.
_KIND_OF = re.compile(r"-(?:type|style|class|like)$", re.IGNORECASE)


def _weapon_candidate(named: tuple[int, str, str]) -> Candidate:
    at, name, category = named
    name = _KIND_OF.sub("", name)
    return Candidate("weapon", category, name, [(at, at + len(name))])


def _new_weapon(k: Knowledge) -> Callable[[str], bool]:
    """Whether a capitalised name may be a weapon's: no listed non-name, no actor."""
    return lambda name: not _blocked(name.split()[0], k) and not _known_actor(name, k)


def _category_at(text: str, k: Knowledge) -> Callable[[int], str | None]:
    """The category of the weapon a text names or describes at an offset: a weapon noun
    ("the missile SCALP") or a known weapon's name ("the SCALP missile")."""

    def category(at: int) -> str | None:
        head = k.weapon_head.match(text, at) if k.weapon_head else None
        if head is not None:
            return k.weapon_heads[head.group("head").casefold()]
        run = _CAPITALISED.match(text, at)
        known = k.lookup(run.group()) if run else None
        entity = k.entities.get(known) if known else None
        return entity.category if entity is not None and entity.kind == "weapon" else None

    return category


_CAPITALISED = re.compile(r"[A-Z][\w-]*(?:[ \t][A-Z][\w-]*)*")


def weapons_in(text: str, start: int, end: int, knowledge: Knowledge) -> list[Candidate]:
    """The weapons `text[start:end]` names by a weapon noun ("the Falchion cruise missile")."""
    return _weapons(text, start, end, knowledge, None)


def _reach_pattern(data: dict[str, Any]) -> tuple[re.Pattern[str], tuple[str, ...]] | None:
    """The pattern of `weapons_by_reach`, and words one of which every match holds as
    written: a reach verb (the first branch) or "range" (the second). A sentence holding
    none cannot match, and is not searched: the pattern opens with a lookbehind, so re
    would enter it at every position (most sentences hold a digit, the older gate)."""
    verbs = sorted(str(v) for v in data.get("weapon_reach_verbs") or [])
    if not verbs:
        return None
    alternation = trie_alternation(verbs)
    pattern = re.compile(
        r"(?<![\w.'’-])(?P<name>[A-Z][a-z][\w-]*)(?!['’]s)"
        r"(?:\s+(?:can|could|will|would|is able to|is (?:thought|said|believed|designed) to)"
        r"(?:\s+now)?\s+(?:" + alternation + r")"
        r"|\s+(?:" + alternation + r"))"
        r"(?:\s+(?:up to|as far as|about|some|roughly|nearly|around|more than|over|beyond))?"
        r"\s+\d"
        # ("the Halyard-ER, with a range of about 900 kilometers", "..., which has a range",
        # "The Trzmiel-LR, which the PGZ builds in Stalowa Wola, has a range")
        r"|(?<![\w.'’-])(?P<ranged>[A-Z][a-z][\w-]*)"
        # ("Italy's Strale is credited with a range in excess of 500 km", "The Strale,
        # produced in La Spezia, has a declared range of over 500 kilometres")
        r"(?:\s+has|\s+is\s+credited\s+with|,\s+(?:which\s+has|with)"
        r"|,\s+(?:which\s|[a-z]+ed\s)[^,.;]{1,60},\s+has)"
        r"\s+a\s+(?:[\w-]+\s+)?range\s+(?:of|in\s+excess\s+of)\b"
    )
    return pattern, (*verbs, "range")


def weapons_of_makers(text: str, start: int, end: int, k: Knowledge) -> list[Candidate]:
    """Weapons named as a known arms maker's ("Kongsberg's Fenrir", "MBDA's Aquilon"): a
    company's possessive before one capitalised word that is no known name."""
    if k.possessive_name is None or (
        "'s " not in text[start:end] and "\u2019s " not in text[start:end]
    ):
        return []
    rules = quote_rules(k)
    found: list[Candidate] = []
    for m in k.possessive_name.finditer(text, start, end):
        owner = k.lookup(m.group("owner"))
        entity = k.entities.get(owner) if owner else None
        name = m.group("name")
        if (
            entity is None
            or not is_company(entity.name, entity.category, entity.description, rules)
            or len(name.split()) > 1  # "Saab's Micael Johansson" is a person
            or k.lookup(name) is not None
            or _blocked(name.split()[0], k)
        ):
            continue
        nxt = _NEXT_WORD.match(text, m.end("name"))
        if nxt is not None and nxt.group(1).casefold() in k.word_set("speech_verbs"):
            continue  # "Rheinmetall's Papperger said": a person speaks
        found.append(Candidate("weapon", "system", name, [(m.start("name"), m.end("name"))]))
    return found


def _part_of_a_name(word: str, k: Knowledge) -> bool:
    """Whether a capitalised `word` before a name goes with it: not an owner ("Germany's"),
    a known name ("U.S.") or a word that opens sentences ("The")."""
    return (
        word[:1].isupper()
        and not word.endswith(("'s", "’s"))
        and not _blocked(word, k)
        and k.lookup(word) is None
        and k.lookup(word.rstrip(".,")) is None
    )


_reach = per_lexicon(_reach_pattern)
_NEXT_WORD = re.compile(r"\s+(\w+)")
_DIGIT = re.compile(r"\d")


def weapons_by_reach(text: str, start: int, end: int, k: Knowledge) -> list[Candidate]:
    """Weapons named only by what they reach ("Germany's Lindwurm reaches 800 to 1,000
    kilometres", "The Pikestaff has a range of 500 km"): a capitalised name that is no
    known actor, place or word of a sentence, before a verb of reach and a distance."""
    rules = _reach(k)
    if rules is None:
        return []
    pattern, needles = rules
    sentence = text[start:end]
    if (" range of" not in sentence and not _DIGIT.search(text, start, end)) or not any(
        map(sentence.__contains__, needles)  # the loop in C
    ):
        return []
    found: list[Candidate] = []
    for m in pattern.finditer(text, start, end):
        group = "name" if m.group("name") else "ranged"
        name = m.group(group)
        if _blocked(name, k) or k.lookup(name) is not None or _known_actor(name, k):
            continue
        back = _word_back(text, start, m.start(group))
        if back is not None and _part_of_a_name(back[1], k):
            continue  # "The Storm Shadow has a range of": the end of a longer name
        found.append(Candidate("weapon", "system", name, [(m.start(group), m.end(group))]))
    return found
