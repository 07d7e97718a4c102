"""People the text introduces: by a title, a role, an apposition, a possessive or a
speech verb (`_people`), and a name set off by commas after a role (`_role_appositions`).
"""

from __future__ import annotations

import re

from ..entitycues import PLACE_BEFORE
from ..factbits import per_knowledge
from ..knowledge import CAPITAL, Knowledge, trie_alternation
from ..quotecues import quote_rules
from ..weaponframes import describes_variant
from .candidate import Candidate
from .gates import _FOLDS_TO_ASCII, _word_led, _word_starts, gate_open
from .surnamefirst import people_before_title
from .words import _clean_person, _rules, _word_back, _word_sets

# A lower-case word and a preposition: "founder of", "an analyst at" (but "the Foreign
# Ministry of Russia Maria Zakharova said": a capitalised body before it, a glued name).
_PLACE_OF = re.compile(r"\b(?:of|from|in|at)\s+(?:the\s+)?$")
_OBJECT_OF = re.compile(r"\b[a-z][\w-]*\s+(?:of|for|at|from|with|by|in|on|to)\s+(?:the\s+)?$")
_FUNCTION_WORDS = frozenset(
    {"to", "of", "by", "with", "from", "for", "and", "or", "that", "as", "in", "at", "on"}
)


@per_knowledge
def _connectors(k: Knowledge) -> frozenset[str]:
    """`name_connectors` that join a title to what it governs ("of", "on", "and"): not a
    name's own particles ("de"), not "the"."""
    return k.word_set("name_connectors") - k.word_set("name_particles") - {"the"}


def _after_title(text: str, name: str, offset: int, k: Knowledge) -> tuple[str, int]:
    """The name without leading words that end a title begun before it: in "Secretary of
    State Antony Blinken said" the verb pattern sees "State Antony Blinken"."""
    tokens = name.split()
    tails = _word_sets(k)[1]
    while len(tokens) > 1:
        titles = tails.get(tokens[0].casefold())
        end = offset + len(tokens[0])
        lead = text[max(0, end - 40) : end].casefold()
        if not titles or not any(lead.endswith(t) for t in titles):
            break
        offset = text.index(tokens[1], end)
        tokens.pop(0)
    return " ".join(tokens), offset


def _after_connector(text: str, name: str, offset: int, k: Knowledge) -> tuple[str, int]:
    """A name of three words or more right after "of", "on", "and" or "for" (lexicon
    `name_connectors`, not `name_particles`) without its first word, the last word of what
    a title before it governs: "Secretary of Defence Matteo Saltarelli", "Committee on
    Defense and Security Nikolai Zhuravsky". Two words are left as they are: "the office
    of Mary Smith"."""
    tokens = name.split()
    if len(tokens) < 3:
        return name, offset
    before = text[max(0, offset - 5) : offset]
    word = before.split()[-1] if before.endswith(" ") and before.split() else ""
    if word not in _connectors(k):
        return name, offset
    return " ".join(tokens[1:]), text.index(tokens[1], offset + len(tokens[0]))


def _after_known_name(name: str, k: Knowledge) -> str | None:
    """The two or three words after a known name of one or two words that opens `name`
    ("Moscow Arvind Rao": "Arvind Rao"); None when it opens with none."""
    tokens = name.split()
    for n in (2, 1):
        if 2 <= len(tokens) - n <= 3 and k.lookup(" ".join(tokens[:n])):
            return " ".join(tokens[n:])
    return None


def _words_before(text: str, start: int, floor: int, limit: int = 6) -> str:
    """Up to `limit` words just before `start` that still qualify a name (its role)."""
    words: list[str] = []
    pos = start
    while len(words) < limit:
        back = _word_back(text, max(floor, pos - 60), pos)
        if back is None:
            break
        at, word = back
        if word[-1] in ',.;:"”' or word in ("--", "\u2014") or word.casefold() in _FUNCTION_WORDS:
            break
        words.insert(0, word)
        pos = at
    return " ".join(words)


_AMPERSAND = re.compile(r"\s*&")


def _people(
    text: str,
    start: int,
    end: int,
    k: Knowledge,
    lower: str | None = None,
    role_starts: list[int] | None = None,
) -> list[Candidate]:
    """People a title, a role, an apposition, a possessive or a speech verb introduces.
    `role_starts`: `_word_starts(k, "roles", start, lower)`, if asked already."""
    found: list[Candidate] = []
    sentence = text[start:end]
    if lower is None and not any(c in sentence for c in _FOLDS_TO_ASCII):
        lower = sentence.lower()
    # Where a speech verb starts: the verb patterns are tried there only (`_word_led`).
    verb_starts = _word_starts(k, "verbs", start, lower)
    verbs = bool(verb_starts) if verb_starts is not None else gate_open(k, "verbs", sentence, lower)

    def add(name_start: int, raw: str, description: str | None, min_tokens: int) -> None:
        name = _clean_person(raw, k)
        if name is None or name not in raw:
            return  # none left, or words a line break splits ("Headline\nMoscow")
        offset = name_start + raw.index(name)
        name, offset = _after_title(text, name, offset, k)
        name, offset = _after_connector(text, name, offset, k)
        if not name or any(tok in k.organisation_heads for tok in name.split()):
            return  # "Baltic Defence Institute said": a body, found by `_organisations`
        if len(name.split()) < min_tokens and not k.lookup(name) and not k.fuzzy_person(name):
            return
        found.append(
            Candidate("actor", "person", name, [(offset, offset + len(name))], description)
        )

    if k.role_name:
        for m in _word_led(k, "roles", k.role_name, text, (start, end), lower, role_starts):
            role = " ".join(
                w
                for w in (_words_before(text, m.start(), start), m.group("role"), m.group("title"))
                if w
            )
            add(m.start("name"), m.group("name"), role, 2)
    # The appositive pattern needs a comma or a dash after the name, inside the sentence:
    # without one (two sentences in five) it cannot match and is not tried at every position.
    if k.appositive_name and _apposition_possible(k, sentence, text, (start, end)):
        for m in k.appositive_name.finditer(text, start, end):
            # "Sen. Maria Ocampo of New Mexico, who sits ...": "who" is Ocampo. Three words
            # or more after "of" start with the word a title governs ("Undersecretary of
            # Defence Matteo Saltarelli, who ...": `_after_connector`).
            if len(m.group("name").split()) < 3 and _PLACE_OF.search(
                text, max(start, m.start("name") - 8), m.start("name")
            ):
                continue
            if k.honorifics is not None and k.honorifics.match(m.group("desc")):
                # "The Prime Minister, Mr. Peter Smith,": the apposition is the name, the
                # words before it a role (`_role_appositions`).
                continue
            if describes_variant(m.group("desc"), k):
                continue  # "The Storm Shadow Arc, a new variant of the Storm Shadow missile"
            if _describes_company(m.group("desc"), k):
                # "Nordhaven Dynamics, a company based in Graz": a body, no person; "by
                # December, the company said": a month, no body.
                name = m.group("name")
                if name in _rules(k)[1]:
                    continue
                found.append(
                    Candidate(
                        "actor",
                        "organisation",
                        name,
                        [(m.start("name"), m.start("name") + len(name))],
                        m.group("desc").strip(),
                    )
                )
                continue
            add(m.start("name"), m.group("name"), m.group("desc").strip(), 2)
    # After roles and appositions: they describe better than a title.
    if k.titled_name and gate_open(k, "titles", sentence, lower):
        for m in k.titled_name.finditer(text, start, end):
            qualifier = _words_before(text, m.start(), start, limit=1)
            is_demonym = qualifier.casefold() in k.word_set("demonyms")
            title = f"{qualifier} {m.group('title')}" if is_demonym else m.group("title")
            honorific = k.honorifics is not None and k.honorifics.fullmatch(m.group("title"))
            add(m.start("name"), m.group("name"), None if honorific else title, 1)
            # "Sens. Ann Doyle (R-Ohio) and Luis Ortega", "Senators Roger Hollister
            # (chairman), Denise Whitmer, Calvin Pruett and Ana Lucero": the title is all's.
            if _plural_title(title, k):
                at = m.end()
                while (more := _and_name(k).match(text, at, end)) is not None:
                    add(more.start("name"), more.group("name"), title, 2)
                    at = more.end()
    if k.possessive_name is not None and ("'s " in sentence or "\u2019s " in sentence):
        for m in k.possessive_name.finditer(text, start, end):
            # Only after a body or a country the lexicon knows ("Reform UK's", "Russia's"):
            # a capitalised word's possessive alone may be a person's ("Putin's Kremlin").
            written = m.group("owner")
            owner = k.lookup(written)
            if owner is None and written.startswith("The "):
                owner = k.lookup(written[4:])  # "The Labour Party's Seán Rafferty"
            if k.titled_name is not None and k.titled_name.match(text, m.start("name")):
                continue  # "Ukraine's Foreign Minister Andrii Sybiha": the title's rule
            if PLACE_BEFORE.search(text, max(start, m.start() - 12), m.start()) or (
                _AMPERSAND.match(text, m.end("name"))
            ):
                continue  # "in Russia's Kaluga Oblast", "Norway's Kongsberg Defence & ..."
            if (
                owner is not None
                and k.entities[owner].kind == "actor"
                and not k.entities[owner].is_person
            ):
                add(m.start("name"), m.group("name"), None, 2)
    if verbs and sentence.count(",") >= 2:
        # "One of them, Laura Cimatti, said": a name set off by commas before the verb,
        # sought only before a comma that a speech verb follows (few sentences have one).
        verb_after, named = _name_in_commas_verb(k)
        commas = (
            [at - 2 for at in verb_starts if text.startswith(", ", at - 2)]
            if verb_starts is not None
            else [v.start() for v in verb_after.finditer(text, start, end)]
        )
        for comma in commas:
            hit = named.search(text, max(start, comma - _COMMA_NAME_REACH), comma)
            if hit is None:
                continue
            known = k.lookup(hit.group("name"))
            if known is None or k.entities[known].is_person:
                add(hit.start("name"), hit.group("name"), None, 2)
    for pattern in (k.name_before_verb, k.name_after_verb):
        if pattern and verbs:
            # The name comes before the verb in one: tried at its capitals, as before.
            found_in = (
                _word_led(k, "verbs", pattern, text, (start, end), lower, verb_starts)
                if pattern is k.name_after_verb
                else pattern.finditer(text, start, end)
                if _name_before(text, start, verb_starts)
                else iter(())
            )
            for m in found_in:
                # "The founder of Kraken Works says": the object of "of" is not who speaks
                # (a body, most likely, with no head noun to tell).
                # ("the head of Office Mikhail Podolyak wrote": "Office" is the object, and
                # the cleaned name after it the one who writes.)
                cleaned = _clean_person(m.group("name"), k)
                if (
                    pattern is k.name_before_verb
                    and cleaned is not None
                    and m.group("name").startswith(cleaned)
                    and _OBJECT_OF.search(text, max(start, m.start("name") - 40), m.start("name"))
                ):
                    # ... unless the object is a known name and a person's name follows
                    # ("ambassador to Moscow Arvind Rao told PTI").
                    rest = _after_known_name(cleaned, k)
                    if rest is not None:
                        add(m.start("name") + m.group("name").index(rest), rest, None, 2)
                    continue
                add(m.start("name"), m.group("name"), None, 2)
    # "Halász Dóra foreign minister": a translation's surname-first name before its office.
    return found + people_before_title(text, start, end, k)


_name_in_commas_verb = per_knowledge(
    lambda k: (
        re.compile(
            rf",\s+(?i:{trie_alternation(sorted(k.word_set('speech_verbs')), ignore_case=True)})\b"
        ),
        re.compile(rf",\s+(?P<name>{k.person_name})$"),
    )
)
_COMMA_NAME_REACH = 60  # characters before ", said" a name in commas may start


# The last word of a name right before a verb: a capital (with a diacritic too: "Šebesta"),
# then more, ending in a letter.
_NAME_TAIL = re.compile(rf"{CAPITAL}.*[a-z\u00df-\u024f]\Z")


def _name_before(text: str, start: int, verb_starts: list[int] | None) -> bool:
    """Whether `name_before_verb` may match in the sentence from `start` (True when the
    verbs' starts are not known): its name ends in a word of a capital and letters, then
    spaces (`\\s+`), then a verb where one of `verb_starts` is. So the chunk before one
    of them, up to the spaces before it, holds a capital and ends in such a letter (half
    the sentences with a verb have none: "he said", "officials said")."""
    if verb_starts is None:
        return True
    for at in verb_starts:
        if at > start and text[at - 1].isspace():  # `\s`, as `str.isspace`
            # (", speaking at ... on Friday, said": the aside's comma before the verb.)
            chunk = text[start:at].rstrip().rstrip(",").rsplit(None, 1)
            if chunk and _NAME_TAIL.search(chunk[-1]):
                return True
    return False


# A separator the appositive pattern admits after a name, the spaces after it and what
# the description opens with: a capitalised possessive, else the word there.
_AFTER_SEPARATOR = re.compile(r"(?:,|\s--|\s\u2014)\s+(?:([A-Z][\w.-]*['’]s\s)|(\w+))")


def _apposition_possible(k: Knowledge, sentence: str, text: str, span: tuple[int, int]) -> bool:
    """Whether `k.appositive_name` may match in the sentence: it needs a comma or a dash
    after the name (two sentences in five have none), then a description opening on a
    capitalised possessive or on a word of `k.appositive_words` (four in five of the rest
    have neither). Otherwise re would try it at every capital of the sentence."""
    dashes = "--" in sentence or "\u2014" in sentence
    if not ("," in sentence or dashes):
        return False
    words = k.appositive_words
    if words is None:
        return True
    return any(owner or word in words for owner, word in _separators(text, *span, dashes))


def _separators(text: str, start: int, end: int, dashes: bool = True) -> list[tuple[str, str]]:
    """`_AFTER_SEPARATOR.findall(text, start, end)`, its pattern tried only where a match
    can start: at a comma, or (`dashes`: the span may hold one) at the character before
    "--" or "\u2014". re entered it at every position, its first character being no
    literal. Taken as findall takes them: leftmost first, the next from the end of the
    last."""
    starts = _found_at(text, ",", start, end, 0)
    if dashes:
        starts += _found_at(text, "--", start + 1, end, -1)
        starts += _found_at(text, "\u2014", start + 1, end, -1)
        starts.sort()
    out: list[tuple[str, str]] = []
    after = start
    for at in starts:
        if at < after:
            continue
        m = _AFTER_SEPARATOR.match(text, at, end)
        if m is not None:
            owner, word = m.groups()
            out.append((owner or "", word or ""))
            after = m.end()
    return out


def _found_at(text: str, piece: str, start: int, end: int, shift: int) -> list[int]:
    """Every index of `piece` in `text[start:end]` (overlapping ones too), plus `shift`."""
    found = []
    at = text.find(piece, start, end)
    while at >= 0:
        found.append(at + shift)
        at = text.find(piece, at + 1, end)
    return found


def _role_appositions(
    text: str,
    start: int,
    end: int,
    k: Knowledge,
    lower: str | None,
    role_starts: list[int] | None = None,
) -> list[Candidate]:
    """A name set off by commas after a role ("Russia's ambassador to London, Andrei
    Kelin, warned"), described by that role. `role_starts`: as `_people`'s."""
    found: list[Candidate] = []
    pattern = _role_apposition(k)
    # The pattern opens on a role noun (case-blind): without one it cannot match, and re
    # would try its long alternation at every position of the sentence.
    if pattern is None:
        return found
    for m in _word_led(k, "roles", pattern, text, (start, end), lower, role_starts):
        name = _clean_person(m.group("name"), k)
        if name is None or len(name.split()) < 2:
            continue
        offset = m.start("name") + m.group("name").index(name)
        role = " ".join(m.group("role").split())
        found.append(Candidate("actor", "person", name, [(offset, offset + len(name))], role))
    return found


_APPOSITIONS: dict[int, tuple[frozenset[str], str, re.Pattern[str] | None]] = {}


def _describes_company(description: str, k: Knowledge) -> bool:
    """Whether an apposition calls its name a company ("a company based in Graz", "a
    Texas-based defence firm"): lexicon `quote_rules.company_nouns`, within its first words."""
    nouns = quote_rules(k).company_nouns
    words = description.split()[:4]
    return any(w.strip(",.").casefold() in nouns for w in words)


def _plural_title(title: str, k: Knowledge) -> bool:
    """Whether a title names several people ("Sens.", "Senators"): a listed title whose
    form without its "s" is a listed title too."""
    titles = k.word_set("titles")
    folded = title.casefold()
    single = folded[:-2] + "." if folded.endswith("s.") else folded[:-1]
    return folded.endswith(("s", "s.")) and folded in titles and single in titles


_AND_NAMES: dict[str, re.Pattern[str]] = {}


def _and_name(k: Knowledge) -> re.Pattern[str]:
    """After a name, a party tag or a role in brackets if any, then a comma or "and" and
    the next name of a list."""
    hit = _AND_NAMES.get(k.person_name)
    if hit is None:
        hit = _AND_NAMES[k.person_name] = re.compile(
            rf"(?:\s*\([^()]{{1,30}}\))?(?:,\s+(?:and\s+)?|\s+and\s+)(?P<name>{k.person_name})"
        )
    return hit


def _role_apposition(k: Knowledge) -> re.Pattern[str] | None:
    """Compiled once per word list: a role noun, a short phrase, a comma, a name, a comma."""
    roles = k.word_set("role_nouns")
    name = k.person_name
    hit = _APPOSITIONS.get(id(roles))
    if hit is None or hit[0] is not roles or hit[1] != name:
        alternation = trie_alternation(roles, ignore_case=True)
        honorific = k.honorifics.pattern if k.honorifics is not None else "(?!)"
        pattern = (
            re.compile(
                # A stop inside an abbreviation may come in the phrase ("ambassador to
                # the U.S., Ivan Sorokin,"), not one that ends a sentence.
                rf"(?P<role>(?i:\b(?:{alternation}))\b(?:[^,.;:\"“”]|\.(?!\s)){{0,60}}),\s+"
                # The name ends its sentence ("said the leader of the Bloc, Louis-Philippe
                # Ménard.") or goes on after a comma; a courtesy title may come before it
                # and a party tag after it ("The Prime Minister, M. Koen Verstraeten (N-VA),").
                rf"(?:{honorific}\s+)?(?P<name>{name})(?:\s*\([^()]{{1,20}}\))?(?:,|\.(?=\s|$))"
            )
            if alternation
            else None
        )
        hit = (roles, name, pattern)
        _APPOSITIONS[id(roles)] = hit
    return hit[2]
