"""Discovering names nobody listed, from the context that introduces them.

Each finder returns `Candidate`s: a canonical name, the spans where it is written and, when
the text says, a short description (the title or role it is introduced with).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from . import casefast
from .entitycues import PLACE_BEFORE, EntityRules, entity_rules
from .factbits import per_knowledge, per_lexicon
from .knowledge import Knowledge, trie_alternation
from .weaponframes import describes_variant, example_after, variants_in
from .wordgate import holds_any
from .wordstarts import matches_at, matches_reaching, run_starts

# These two run on every sentence. Written `(?<![\w-])[A-Z]...` they opened with a
# lookbehind, which re tests at every position; opening with the capital lets re skip to
# the capitals, and the lookbehind, moved after it, still tests the character before it
# (a two-character lookbehind ending in that capital): the same matches.
_DESIGNATION = re.compile(r"[A-Z](?<![\w-][A-Z])[A-Za-z]{0,3}-\d{1,4}[A-Z]?(?![\w-])")
_ACRONYM = re.compile(r"[A-Z](?<![\w.-][A-Z])[A-Z]{2,5}(?![\w.-])")
_DEFINED = re.compile(r"\((?P<acr>[A-Z][A-Z0-9-]{1,9})\)")
_CAP_RUN = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:(?:of|for|the|and|on|de)\s+)*[A-Z][\w'’.-]*)*")
_WORD_BACK = re.compile(r"(\S+)\s*$")  # the plain form of `_word_back`
_WORDY = re.compile(r"\w")
# The capitalised words right before a bracket ("... Affari Internazionali (").
_RUN_BEFORE = re.compile(r"((?:[A-Z][\w'’&-]*\s+(?:[a-z]{1,4}\s+)?){2,8})$")
_ARTICLES = frozenset({"the", "a", "an"})
# A lower-case word and a preposition: "founder of", "an analyst at" (but "the Foreign
# Ministry of Russia Maria Zakharova said": a capitalised body before it, a glued name).
_PLACE_OF = re.compile(r"\b(?:of|from|in|at)\s+(?:the\s+)?$")
_OBJECT_OF = re.compile(r"\b[a-z][\w-]*\s+(?:of|for|at|from|with|by|in|on|to)\s+(?:the\s+)?$")
_FUNCTION_WORDS = frozenset(
    {"to", "of", "by", "with", "from", "for", "and", "or", "that", "as", "in", "at", "on"}
)


@dataclass
class Candidate:
    kind: str  # actor | weapon
    category: str
    name: str
    aliases: list[tuple[int, int]] = field(default_factory=list)
    description: str | None = None


def _blocked(token: str, knowledge: Knowledge) -> bool:
    """Whether `token` cannot be (part of) a name: a listed non-name, a sentence starter,
    a number word or a demonym. Asked for the same few hundred tokens over and over: the
    answers are kept per knowledge (`_BLOCKED`), the question being a pure function."""
    memo = _BLOCKED.get(id(knowledge))
    if memo is None or memo[0] is not knowledge:
        if len(_BLOCKED) >= 8:
            _BLOCKED.clear()
        memo = _BLOCKED[id(knowledge)] = (knowledge, {})
    hit = memo[1].get(token)
    if hit is None:
        hit = memo[1][token] = _blocked_word(token, knowledge)
        if len(memo[1]) > 65536:
            memo[1].clear()
    return hit


_BLOCKED: dict[int, tuple[Knowledge, dict[str, bool]]] = {}


def cannot_be_name(token: str, knowledge: Knowledge) -> bool:
    """Whether `token` cannot be (part of) a name (see `_blocked`)."""
    return _blocked(token, knowledge)


def _blocked_word(token: str, knowledge: Knowledge) -> bool:
    word = token.strip(".,;:’'\"“”‘").casefold()  # '“Our missile ...,” she said'

    # A number word opening a sentence ("Twenty aircraft ...") is capitalised, not a name.
    numbers = knowledge.lexicon.data.get("number_words", {}) if knowledge.lexicon else {}
    return (
        word in knowledge.word_set("not_names")
        or word in knowledge.word_set("starters")
        or word in numbers
        or any(part in knowledge.word_set("demonyms") for part in word.split("-"))
    )


def _clean_person(name: str, knowledge: Knowledge) -> str | None:
    """The name without leading/trailing words that cannot be part of it; None if too little.
    A pure function of `name` and the knowledge's word lists, asked again for each name a
    finder meets (the same people are named again and again): kept per knowledge."""
    memo = _CLEANED.get(id(knowledge))
    if memo is None or memo[0] is not knowledge:
        if len(_CLEANED) >= 8:
            _CLEANED.clear()
        memo = _CLEANED[id(knowledge)] = (knowledge, {})
    cleaned = memo[1]
    if name in cleaned:
        return cleaned[name]
    if len(cleaned) >= 65536:
        cleaned.clear()
    found = cleaned[name] = _cleaned_person(name, knowledge)
    return found


_CLEANED: dict[int, tuple[Knowledge, dict[str, str | None]]] = {}


def _cleaned_person(name: str, knowledge: Knowledge) -> str | None:
    """`_clean_person`, worked out."""
    tokens = name.split()
    # A role opening a sentence is capitalised: "Analyst Jan Novak said".
    lead_words = _lead_words(knowledge)
    while tokens and (_blocked(tokens[0], knowledge) or tokens[0].casefold() in lead_words):
        tokens.pop(0)
    while tokens and _blocked(tokens[-1], knowledge):
        tokens.pop()
    if not tokens or any(_blocked(t, knowledge) for t in tokens):
        return None
    return " ".join(tokens)


@per_knowledge
def _word_sets(k: Knowledge) -> tuple[frozenset[str], dict[str, tuple[str, ...]]]:
    """(titles and role nouns, multi-word titles by their last word), once per knowledge."""
    tails: dict[str, list[str]] = {}
    for title in k.word_set("titles"):
        if " " in title:
            tails.setdefault(title.rsplit(" ", 1)[1], []).append(title)
    return (
        k.word_set("titles") | k.word_set("role_nouns"),
        {w: tuple(ts) for w, ts in tails.items()},
    )


@per_knowledge
def _rules(k: Knowledge) -> tuple[EntityRules, frozenset[str]]:
    """(`entity_rules(k)`, `_date_words(k)`), asked for on every sentence."""
    return entity_rules(k), _date_words(k)


@per_knowledge
def _connectors(k: Knowledge) -> frozenset[str]:
    """`name_connectors` that join a title to what it governs ("of", "on", "and"): not a
    name's own particles ("de"), not "the"."""
    return k.word_set("name_connectors") - k.word_set("name_particles") - {"the"}


def _lead_words(k: Knowledge) -> frozenset[str]:
    return _word_sets(k)[0]


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


def _word_back(text: str, lo: int, pos: int) -> tuple[int, str] | None:
    """(start, word) of `_WORD_BACK.search(text, lo, pos)`'s group: the last run of
    non-space characters in `text[lo:pos]`, cut at `lo`, or None when there is none.

    The search tried its pattern at every position from `lo` (each a run of \\S to the
    next space, then a failed `$`); the leftmost that succeeds is where the last run
    begins, or `lo` inside it. `str.rstrip` and `str.rsplit` split on the characters
    `\\s` matches (both ask `Py_UNICODE_ISSPACE`)."""
    kept = text[lo:pos].rstrip()
    if not kept:
        return None
    word = kept.rsplit(None, 1)[-1]
    return lo + len(kept) - len(word), word


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


# Case-blind re matches these to ASCII letters that their lower() is not (İ, ı, ſ; the
# Kelvin sign for safety): a sentence holding one is not gated by lower-case substrings.
_FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"


# The last text asked about and whether it holds one of `_FOLDS_TO_ASCII`: `discover`
# asks for every sentence of one text in turn, and few texts hold one.
_FOLDS_IN: tuple[str | None, bool] = (None, False)


def _folds_in(text: str) -> bool:
    """Whether `text` holds a character of `_FOLDS_TO_ASCII` (else none of its sentences do)."""
    global _FOLDS_IN
    if _FOLDS_IN[0] is not text:
        _FOLDS_IN = (text, any(c in text for c in _FOLDS_TO_ASCII))
    return _FOLDS_IN[1]


def gate_open(k: Knowledge, gate: str, sentence: str, lower: str | None) -> bool:
    """Whether the sentence holds a word of `k.gates[gate]`, without which the pattern it
    gates cannot match (True when unsure). The name patterns start with lookbehinds, so
    re tries them at every position of every sentence; most sentences lack the word."""
    words = k.gates.get(gate)  # one search for any of the words (`knowledge._gate`)
    if words is None:
        return True
    if gate == "titles":  # matched as written
        return words.search(sentence) is not None
    if lower is None:
        return True
    runs = k.gate_runs.get(gate)
    if runs is not None:  # the patterns match these words whole: a set test (`wordgate`)
        return holds_any(lower, runs)
    return words.search(lower) is not None


def _word_starts(k: Knowledge, gate: str, start: int, lower: str | None) -> list[int] | None:
    """Where a match of a pattern opening on a whole word of `k.gates[gate]` can start
    (`wordstarts.run_starts`; empty: the gate is shut), None when that is not known (no
    lower-cased sentence, no word runs): then `gate_open` and `finditer` as before."""
    runs = k.gate_runs.get(gate)
    if lower is None or runs is None:
        return None
    return run_starts(lower, start, runs)


def _word_led(
    k: Knowledge,
    gate: str,
    pattern: re.Pattern[str],
    text: str,
    span: tuple[int, int],
    lower: str | None,
    starts: list[int] | None = None,
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text, *span)` (or nothing, its gate shut) for a pattern every
    match of which opens on a whole word of `k.gates[gate]`: tried only where one of those
    words starts (`wordstarts`) when that is known. `starts`: `_word_starts`, if asked."""
    start, end = span
    if starts is None:
        starts = _word_starts(k, gate, start, lower)
    if starts is not None:
        return matches_at(pattern, text, end, starts)
    if gate_open(k, gate, text[start:end], lower):
        return pattern.finditer(text, start, end)
    return iter(())


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
        if name is None:
            return
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
            if describes_variant(m.group("desc"), k):
                continue  # "The Storm Shadow Arc, a new variant of the Storm Shadow missile"
            add(m.start("name"), m.group("name"), m.group("desc").strip(), 2)
    # After roles and appositions: they describe better than a title.
    if k.titled_name and gate_open(k, "titles", sentence, lower):
        for m in k.titled_name.finditer(text, start, end):
            qualifier = _words_before(text, m.start(), start, limit=1)
            is_demonym = qualifier.casefold() in k.word_set("demonyms")
            title = f"{qualifier} {m.group('title')}" if is_demonym else m.group("title")
            honorific = k.honorifics is not None and k.honorifics.fullmatch(m.group("title"))
            add(m.start("name"), m.group("name"), None if honorific else title, 1)
    if k.possessive_name is not None and ("'s " in sentence or "\u2019s " in sentence):
        for m in k.possessive_name.finditer(text, start, end):
            # Only after a body or a country the lexicon knows ("Reform UK's", "Russia's"):
            # a capitalised word's possessive alone may be a person's ("Putin's Kremlin").
            owner = k.lookup(m.group("owner"))
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
                    continue
                add(m.start("name"), m.group("name"), None, 2)
    return found


# The last word of a name right before a verb: a capital, then more, ending in a letter.
_NAME_TAIL = re.compile(r"[A-Z].*[a-z\u00df-\u024f]\Z")


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
            chunk = text[start:at].rstrip().rsplit(None, 1)
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
    head noun, or holds one and is followed by "and the" ("the Five Star Movement and the
    Democratic Party", "the Ministry of Defence and the General Staff" are two bodies;
    "Bosnia and Herzegovina" and "the Institute for Peace and Security" stay one)."""
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
            # "the League and the Five Star Movement": "and the" opens another body.
            if heads and (heads[-1] or cut.group().rstrip().endswith("the")):
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
                name, stop = f"{name} in {_seat_name(seat.group('place'), k)}", seat.end()
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


# Month and weekday names as the lexicon writes them (capitalised), once per lexicon.
_date_words = per_lexicon(
    lambda data: frozenset(str(w) for key in ("months", "weekdays") for w in data.get(key) or {})
)


def _institutions(
    text: str, start: int, end: int, k: Knowledge, lower: str | None = None
) -> list[Candidate]:
    """A country's body written in lower case: "Ukraine's air force", "the Russian defence
    ministry" are the "Ukrainian Air Force", the "Russian Defence Ministry" (see entitycues).
    `lower`: the sentence lower-cased (`discover`), to skip one without a body noun."""
    rules = _rules(k)[0]
    if rules.institutions is None:
        return []
    runs = rules.institution_runs
    if lower is not None and runs is not None and not holds_any(lower, runs):
        return []  # four sentences in five: no body noun (`EntityRules.institution_runs`)
    found: list[Candidate] = []
    # Its first-character twin (`casefast`) skips to the capitals the names begin with.
    for m in casefast.finditer(rules.institutions, text, start, end):
        noun = m.group("noun")
        if m.group("owner") is not None:
            demonym = rules.demonym_for.get(rules.country_of[m.group("owner")])
        else:
            demonym = m.group("dem")
        if not demonym:
            continue
        found.append(_body(demonym, noun, m.start(), m.end(), text, end, k))
    if rules.institutions_of is not None:
        for m in rules.institutions_of.finditer(text, start, end):
            demonym = rules.demonym_for.get(rules.country_of[m.group("owner")])
            if not demonym:
                continue
            found.append(_body(demonym, m.group("noun"), m.start(), m.end(), text, end, k))
    in_capital = [
        m
        for pattern in (rules.in_capital, rules.capital_first)
        if pattern is not None
        for m in pattern.finditer(text, start, end)
    ]
    for m in in_capital:
        noun = m.group("noun").casefold()
        government = k.lookup(m.group("capital"))
        if noun in rules.seated or government is None:
            continue  # "the embassy in Oslo" is some other country's
        demonym = k.entities[government].name.split()[0]
        name = " ".join([demonym, *(w[:1].upper() + w[1:] for w in noun.split())])
        category = rules.institution_category[noun]
        # From "the" when the capital comes first: "the Defence Ministry" is then longer than
        # the same words found as a name of their own, and wins.
        ahead = "the" in m.groupdict()
        span = (m.start("the"), m.end("noun")) if ahead else (m.start("noun"), m.end())
        found.append(Candidate("actor", category, name, [span]))
    return found


def _body(
    demonym: str, noun: str, start: int, stop: int, text: str, end: int, k: Knowledge
) -> Candidate:
    """The body `noun` of the country of `demonym`, named "<Demonym> <Noun>" ("Russian
    Defence Ministry"), with its seat when it has many ("the Russian embassy in London":
    one embassy of many, the "Russian Embassy in the United Kingdom")."""
    rules = _rules(k)[0]
    name = " ".join([demonym, *(w[:1].upper() + w[1:] for w in noun.split())])
    seat = _SEAT.match(text, stop, end) if noun in rules.seated else None
    if seat is not None:
        name, stop = f"{name} in {_seat_name(seat.group('place'), k)}", seat.end()
    return Candidate("actor", rules.institution_category[noun], name, [(start, stop)])


def _seat_name(place: str, k: Knowledge) -> str:
    """The country a capital is the seat of ("Oslo": "Norway"), so that "the embassy in
    Oslo" and "the embassy in Norway" are one; any other place as written."""
    rules = entity_rules(k)
    government = k.lookup(place) if place in rules.capitals else None
    if government is None:
        return place
    demonym = k.entities[government].name.split()[0]
    country = rules.demonym_of.get(demonym)
    entity = k.entities.get(country) if country else None
    if entity is None:
        return place
    written = f"the {entity.name}"  # "in the United Kingdom", if articles write it so
    return written if written in entity.aliases else entity.name


# " in London", " in the United Kingdom": where a body sits (capitalised words).
_SEAT = re.compile(r"\s+in\s+(?P<place>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})")


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
    if owner_id is None:
        # A person's or party's possessive ("Merz's Christian Democrats") is no part of the
        # body's name; one word alone ("Smith's Party") is too little to name it.
        return (rest, rest) if len(rest.split()) >= 2 else (written, written)
    connectors = k.word_set("name_connectors")
    if len([t for t in rest.split() if t.casefold() not in connectors]) >= _OWN_NAME_WORDS:
        return rest, rest
    demonym = entity_rules(k).demonym_for.get(owner_id)
    if demonym:
        return f"{demonym} {rest}", written
    # A known person's or body's possessive ("Merz's Christian Democrats") is no part of it.
    return (rest, rest) if len(rest.split()) >= 2 else (written, written)


_POSSESSIVE = re.compile(r"['’]s\s+")
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


def _role_apposition(k: Knowledge) -> re.Pattern[str] | None:
    """Compiled once per word list: a role noun, a short phrase, a comma, a name, a comma."""
    roles = k.word_set("role_nouns")
    name = k.person_name
    hit = _APPOSITIONS.get(id(roles))
    if hit is None or hit[0] is not roles or hit[1] != name:
        alternation = trie_alternation(roles, ignore_case=True)
        pattern = (
            re.compile(
                rf"(?P<role>(?i:\b(?:{alternation}))\b[^,.;:\"“”]{{0,40}}),\s+(?P<name>{name}),"
            )
            if alternation
            else None
        )
        hit = (roles, name, pattern)
        _APPOSITIONS[id(roles)] = hit
    return hit[2]


def _weapon_name_before(
    text: str, head_start: int, floor: int, k: Knowledge
) -> tuple[int, str] | None:
    """The proper name right before a weapon noun ('Storm Shadow/SCALP' cruise missiles)."""
    tokens: list[tuple[int, str]] = []
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
# capitals or a digit), so that "missiles Ukraine received" names no weapon.
_NAME_AFTER = re.compile(r"[ \t]+(?P<name>[A-Z][A-Za-z0-9]*(?:-[A-Z0-9][A-Za-z0-9]*)*)(?![\w-])")
# The name a weapon noun describes: "Quiver, a launcher built into a container", "The
# Falchion is a subsonic, turbojet-powered missile", "the Vyrii, Ukraine's new homemade
# cruise missile" (up to three describing words).
_DESCRIBED = re.compile(
    r"(?:^|(?<=[\s\"“(]))(?P<name>[A-Z][\w-]*(?:[ \t][A-Z0-9][\w-]*){0,2})"
    r"(?:,[ \t]+|[ \t]+(?:is|was)[ \t]+)(?:an?|(?P<owner>[A-Z][\w-]*['’]s))[ \t]+"
    r"(?:[a-z][\w-]*,?[ \t]+){0,3}$"
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
_NUMBERED = re.compile(r"[ \t]\d{1,4}s?\b(?![.,]\d)")


def _weapon_name_around(
    text: str, m: re.Match[str], start: int, end: int, k: Knowledge
) -> tuple[int, str] | None:
    """A weapon's name written after its head noun or described by it (see above)."""
    if m.group()[0].isupper():
        return None
    found: tuple[int, str] | None = None
    # Cheap tests first: a capital right after the noun, ", a" or "is a" before it (most
    # weapon nouns have neither).
    nxt = m.end() + 1
    if nxt < end and text[nxt].isupper():
        after = _NAME_AFTER.match(text, m.end(), end)
        if after is not None and _designation_like(after.group("name")):
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
_PHRASE_END = frozenset(".,;:!?)")


def _known_actor(name: str, k: Knowledge) -> bool:
    found = k.lookup(name)
    return found is not None and k.entities[found].kind == "actor"


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
        category = k.weapon_heads[after.group("head").casefold()] if after else "system"
        found.append(Candidate("weapon", category, m.group(), [(m.start(), m.end())]))
    return found


def _weapon_candidate(named: tuple[int, str, str]) -> Candidate:
    at, name, category = named
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


def abbreviates(acronym: str, name: str) -> bool:
    """Whether `acronym` abbreviates `name`: same first letter, and its letters are the
    name's capitals in order ("RUSI": Royal United Services Institute)."""
    if not name or acronym[0] != name[0]:
        return False
    letters = iter(name.casefold())
    return all(any(c == a for c in letters) for a in acronym.casefold() if a.isalnum())


def initials(name: str) -> str:
    """The capitals opening the words of `name`: "RUSI" of Royal United Services Institute."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


_ROMAN = re.compile(r"[IVXLC]+")
# A label in capitals opening a sentence: words in capitals up to a colon ("THE VETO
# THREAT:", "SPOTTED:"), or two or more of them before a lower-case word ("GOOD MORNING and
# welcome"). Its words are headings, not acronyms.
_LABEL = re.compile(
    r"\s*(?:(?:[A-Z][A-Z'’-]*|[—–])\s+)*[A-Z][A-Z'’-]*:(?=\s)"
    r"|\s*(?:[A-Z][A-Z'’-]*\s+){2,}(?=[a-z])"
)


def _acronyms(
    text: str,
    start: int,
    end: int,
    k: Knowledge,
    named: list[Candidate],
    runs: list[re.Match[str]] | None = None,
) -> list[Candidate]:
    """Acronyms: defined in brackets after a name they abbreviate, else unknown bodies.
    `runs`: capitalised runs not yet among `named` as known names; one that is known
    covers the acronyms inside it as such a name would."""
    found: list[Candidate] = []
    # Most sentences hold no bracket, without which `_DEFINED` finds nothing.
    defined_in = _DEFINED.finditer(text, start, end) if text.find("(", start, end) >= 0 else ()
    for m in defined_in:
        acronym = m.group("acr")
        defined = False
        for candidate in named:
            span_end = candidate.aliases[0][1]
            if text[span_end : m.start()].strip() == "" and abbreviates(acronym, candidate.name):
                candidate.aliases.append((m.start("acr"), m.end("acr")))
                defined = True
        if not defined:
            found += _spelled_body(text, start, m, k)
    label = _LABEL.match(text, start, end)
    for m in _ACRONYM.finditer(text, start, end):
        if k.lookup(m.group()) or _blocked(m.group(), k):
            continue
        if label is not None and m.start() < label.end():
            continue  # a newsletter's section label in capitals: "THE VETO THREAT: ..."
        if m.group().casefold() in k.word_set("titles"):
            continue  # "Lithuanian MEP Ruta Vaitkiene": a title
        if _ROMAN.fullmatch(m.group()):
            continue  # "World War III"
        if _NUMBERED.match(text, m.end()):
            continue  # "RBS 15s": a numbered designation, the weapon's (see `_weapons`)
        if any(s <= m.start() < e for c in named for s, e in c.aliases):
            continue
        if runs and any(r.start() <= m.start() < r.end() and k.lookup(r.group()) for r in runs):
            continue
        found.append(Candidate("actor", "organisation", m.group(), [(m.start(), m.end())]))
    return found


def _spelled_body(text: str, start: int, m: re.Match[str], k: Knowledge) -> list[Candidate]:
    """A body whose name, in any language, is spelled by the acronym in brackets after it:
    "the Istituto Affari Internazionali (IAI)". Its words' initials must be the acronym's
    letters exactly; a weapon's name (a weapon head noun in it) is left to the weapons."""
    run = _RUN_BEFORE.search(text, max(start, m.start() - 120), m.start())
    if run is None:
        return []
    words = run.group(1).split()
    acronym = m.group("acr").replace("-", "")
    for i in range(len(words) - 1):
        name = " ".join(words[i:])
        if (
            not words[i][0].isupper()
            or initials(name) != acronym
            or words[i].casefold() in k.word_set("starters")
        ):
            continue
        if any(w.casefold() in k.weapon_heads for w in words[i:]) or k.lookup(name):
            return []
        at = run.start(1) + run.group(1).index(name)
        return [
            Candidate(
                "actor",
                "organisation",
                name,
                [(at, at + len(name)), (m.start("acr"), m.end("acr"))],
            )
        ]
    return []


def weapons_in(text: str, start: int, end: int, knowledge: Knowledge) -> list[Candidate]:
    """The weapons `text[start:end]` names by a weapon noun ("the Falchion cruise missile")."""
    return _weapons(text, start, end, knowledge, None)


def discover(text: str, start: int, end: int, knowledge: Knowledge) -> list[Candidate]:
    """Every name introduced in `text[start:end]` (one sentence) by a known context."""
    sentence = text[start:end]
    lower = (
        None
        if _folds_in(text) and any(c in sentence for c in _FOLDS_TO_ASCII)
        else sentence.lower()
    )
    # Where a role noun starts, for both finders of names after one (found once).
    role_starts = _word_starts(knowledge, "roles", start, lower)
    named = _people(text, start, end, knowledge, lower, role_starts)
    if "," in sentence:
        named += _role_appositions(text, start, end, knowledge, lower, role_starts)
    # Runs of capitalised words serve two finders: searched for once.
    runs = list(_CAP_RUN.finditer(text, start, end))
    named += _organisations(runs, knowledge, text, start)
    named += _institutions(text, start, end, knowledge, lower)
    named += _weapons(text, start, end, knowledge, lower)
    # An acronym in brackets right after a known name ("Army Tactical Missile System (ATACMS)").
    if "(" in sentence:
        for m in runs:
            if knowledge.lookup(m.group()):
                named.append(Candidate("known", "", m.group(), [(m.start(), m.end())]))
        named += _acronyms(text, start, end, knowledge, named)
    else:
        # No bracket, no acronym defined: a known run only keeps an acronym inside it from
        # being taken for a body (and is dropped below), so it is looked up only then.
        named += _acronyms(text, start, end, knowledge, named, runs)
    named = _split_glued(text, named, knowledge)
    return [c for c in named if c.kind != "known" or len(c.aliases) > 1]


def _known_other(name: str, k: Knowledge) -> bool:
    """Whether `name` is known as something other than a person ("Norway")."""
    known = k.lookup(name)
    return known is not None and k.entities[known].category != "person"


def _split_glued(text: str, named: list[Candidate], k: Knowledge) -> list[Candidate]:
    """Undo a run of capitals that glues a body and a person ("the Foreign Ministry of
    Russia Maria Zakharova said"): the person loses a known name before it ("Russia"),
    and a body ending where a person's name ends stops before that name."""
    if not named:  # most sentences name no one
        return []
    for c in named:
        if c.category != "person" or len(c.aliases) != 1:
            continue
        (s, e), words = c.aliases[0], c.name.split()
        while len(words) > 2 and text[s:e].startswith(words[0]):
            known = k.lookup(words[0])
            if known is None or k.entities[known].category == "person":
                break
            s = text.index(words[1], s + len(words[0]))
            words = words[1:]
        if words != c.name.split():
            c.name, c.aliases = " ".join(words), [(s, e)]
    people = [
        c.aliases[0]
        for c in named
        if c.category == "person" and c.aliases and not _known_other(c.name, k)
    ]
    kept: list[Candidate] = []
    inside: set[tuple[int, int]] = set()  # people that are the end of a body's name
    for c in named:
        if c.kind == "actor" and c.category != "person" and len(c.aliases) == 1:
            s, e = c.aliases[0]
            cut = next((ps for ps, pe in people if s < ps and pe == e), None)
            if cut is not None:
                body = text[s:cut].rstrip()
                words = body.split()
                if words and words[-1].casefold() in k.word_set("name_connectors"):
                    # "the Nordic Institute for Security Studies": what follows "for" is
                    # the body's subject, no person.
                    inside.add((cut, e))
                    kept.append(c)
                    continue
                while words and words[-1].casefold() in k.word_set("name_connectors"):
                    words.pop()
                # Cut only a name written as it reads, with two words of it left.
                if len(words) >= 2 and c.name == text[s:e]:
                    c.name = " ".join(words)
                    c.aliases = [(s, s + len(c.name))]
        kept.append(c)
    if inside:
        kept = [c for c in kept if not (c.category == "person" and c.aliases[0] in inside)]
    return kept
