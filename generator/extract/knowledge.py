"""The lexicon and the editors' entities compiled once into fast matchers.

`build_knowledge` does every expensive step (regex compilation, alias tables) so that
extracting an article only runs compiled patterns. Entities an editor added or corrected in
`data/entities.yaml` are merged over the lexicon's: their aliases feed back into extraction.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..lexicon import Lexicon
from .sentences import SplitRules, rules_from_lexicon
from .spelling import Spelling, spelling_from
from .wordgate import first_runs

FUZZY_RATIO = 0.8  # Zelenskiy ~ Zelenskyy (0.89), Russian ~ Russia is excluded as a known word
FUZZY_MIN_LENGTH = 4
# Transliterations of one name differ by a letter (Zelensky ~ Zelenskyy, Merezhko ~
# Merezhkko); two letters more is another word ("Austrian" is not "Austin").
FUZZY_MAX_LENGTH_GAP = 1


# A romanised Korean given name ("Seong-kweun", "Ji-hoon") comes after the family name,
# which is then the name used alone. (A double surname, "Smith-Jones", has two capitals.)
_GIVEN_NAME_LAST = re.compile(r"[A-Z][a-z]+-[a-z]+")


def surname_at(words: list[str]) -> int:
    """Where the family name is: first before a romanised Korean given name, else last."""
    return 0 if len(words) > 1 and _GIVEN_NAME_LAST.fullmatch(words[-1]) else -1


# Letters that no decomposition turns into ASCII ("Støre" is "stoere" in Norway, "store"
# in an English id): spelled with their nearest ASCII letters.
_UNDECOMPOSED = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "Ae",
        "œ": "oe",
        "Œ": "Oe",
        "ß": "ss",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "þ": "th",
        "Þ": "Th",
        "ð": "d",
        "Ð": "D",
        "ı": "i",
        # Dashes other than the hyphen part words as the hyphen does ("GroenLinks–PvdA").
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
    }
)


# A day written between a verb and its subject or speaker ("The government on Tuesday
# approved", "said Tuesday evening the minister", "has declared yesterday X"): grammar
# shared by the holders of stances and the speakers of quotes, as a pattern's part.
DAY_BETWEEN = (
    r"(?:on\s+)?(?:[A-Z][a-z]+day|yesterday|today)(?:\s+(?:morning|afternoon|evening|night))?"
)


_POSSESSIVE = re.compile(r"(?<=\w)['\u2019]s\b")


def slug(name: str) -> str:
    """Stable id of a name: ASCII, lower case, words joined by '-'."""
    # A possessive's s stays on its word, as the annotators and editors write the id:
    # "Danish People's Party" is `danish-peoples-party`.
    name = _POSSESSIVE.sub("s", name)
    plain = unicodedata.normalize("NFKD", name.translate(_UNDECOMPOSED))
    ascii_name = plain.encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_name.casefold())
    return "-".join(words)[:80].strip("-") or "entity"


@dataclass(frozen=True)
class KnownEntity:
    id: str
    kind: str
    name: str
    category: str | None = None
    aliases: tuple[str, ...] = ()
    description: str | None = None

    @property
    def is_person(self) -> bool:
        return self.category == "person"


# Below this many words a flat alternation is as fast as a trie.
_TRIE_MIN_WORDS = 8
_QUOTE = re.compile("['’]")


def _escaped(word: str, fold_quotes: bool) -> str:
    """`word` as a regex; folding quotes lets ' and ’ each match either."""
    out = re.escape(word)
    return _QUOTE.sub("['’]", out) if fold_quotes else out


def trie_alternation(
    words: Iterable[str], ignore_case: bool = False, fold_quotes: bool = False
) -> str:
    """A regex body matching what `"|".join(escaped words, longest first)` matches, with
    the same preference, but written as a trie: "said|says|saw" becomes "sa(?:id|ys|w)".

    Why: re tries a flat alternation's words one by one at every position it starts from
    (the patterns open with lookbehinds, so that is every position), which made these
    lexicon lists a large part of extracting an article; a trie tests each character once.

    Same matches: each word is the same characters, each escaped as before. At one position
    only words that are prefixes of one another can match when sibling characters cannot
    match the same text; the trie tries such a chain longest first, as the flat alternation
    does, so backtracking visits the same candidates in the same order. Where siblings
    could match one character (case-blind non-ASCII words, ' beside ’ or '['), it keeps
    the flat alternation.
    """
    parts = sorted(set(words), key=lambda w: (-len(w), w))

    def flat() -> str:
        # Written only when returned: escaping every word was a third of the time of a
        # trie of thousands of names (the corpus's entities, built by every combine).
        return "|".join(_escaped(w, fold_quotes) for w in parts)

    if len(parts) < _TRIE_MIN_WORDS:
        return flat()
    keyed = parts
    if ignore_case:
        if not all(w.isascii() for w in parts):
            return flat()
        keyed = [w.lower() for w in parts]  # "A" and "a" match the same: one key
    trie: dict[str, Any] = {}
    for word in keyed:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def clash(node: dict[str, Any]) -> bool:
        # Folded, ' and ’ are both written as the class ['’]: sibling branches that overlap.
        if fold_quotes and "'" in node and "’" in node:
            return True
        return any(clash(child) for child in node.values())

    if clash(trie):
        return flat()

    # Each character escaped once (`re.escape` per node was most of writing the trie).
    escapes: dict[str, str] = {}

    def escaped(ch: str) -> str:
        found = escapes.get(ch)
        if found is None:
            found = escapes[ch] = _escaped(ch, fold_quotes)
        return found

    def body(node: dict[str, Any]) -> str:
        branches = [escaped(ch) + body(node[ch]) for ch in sorted(node) if ch]
        if not branches:
            return ""
        out = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # Greedy: the longer words through this node are tried before the one ending here.
        return f"(?:{out})?" if "" in node else out

    return body(trie)


def _surface_forms(entity: KnownEntity) -> list[str]:
    """How articles write a known entity: a person's name forms; a body's or a weapon's
    name and aliases, a weapon's also in the plural ("Tomahawks", "Storm Shadows",
    "F-16s"), since articles count weapons by name."""
    if entity.is_person:
        return person_surface_forms(entity)
    forms = [entity.name, *entity.aliases]
    if entity.kind == "weapon":
        forms += [f"{f}s" for f in forms if f[-1:].isalnum() and f[-1] not in "sSxXzZ"]
    # British and translated styles capitalise the executive ("the Ukrainian Government",
    # "the UK Government").
    forms += [f"{f[:-10]}Government" for f in forms if f.endswith(" government")]
    # ... and name the executive of a federal state so ("the Belgian federal government").
    forms += [
        f"{f[:-10]}federal government"
        for f in forms
        if f.endswith(" government") and not f.endswith("'s government")
    ]
    return forms


def alias_pattern(aliases: Iterable[str], flags: int = 0) -> re.Pattern[str] | None:
    """One alternation of `aliases`, longest first, on word boundaries; quote styles fold."""
    parts = set(aliases)
    if not parts:
        return None
    body = trie_alternation(parts, ignore_case=bool(flags & re.IGNORECASE), fold_quotes=True)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", flags)


def words_pattern(words: Iterable[str], flags: int = re.IGNORECASE) -> re.Pattern[str] | None:
    return alias_pattern(words, flags)


def fold_alias(alias: str) -> str:
    return alias.replace("’", "'").casefold()


def _entity_from(raw: dict[str, Any]) -> KnownEntity | None:
    name, kind = raw.get("name"), raw.get("kind")
    if not isinstance(name, str) or kind not in ("actor", "weapon"):
        return None
    aliases = tuple(str(a) for a in raw.get("aliases") or [] if a)
    return KnownEntity(
        id=str(raw.get("id") or slug(name)),
        kind=str(kind),
        name=name,
        category=raw.get("category"),
        aliases=aliases,
        description=raw.get("description"),
    )


def _merge(base: KnownEntity | None, new: KnownEntity) -> KnownEntity:
    if base is None:
        return new
    aliases = tuple(dict.fromkeys((*base.aliases, *new.aliases, base.name)))
    return KnownEntity(
        id=new.id,
        kind=new.kind,
        name=new.name,
        category=new.category or base.category,
        aliases=tuple(a for a in aliases if a != new.name),
        description=new.description or base.description,
    )


def person_surface_forms(entity: KnownEntity) -> list[str]:
    """Every form a person is matched by: names, aliases and their surnames."""
    forms = [entity.name, *entity.aliases]
    for form in list(forms):
        tokens = form.split()
        if len(tokens) > 1 and not tokens[-1].endswith("."):
            forms.append(tokens[-1])
    return forms


# Surface forms whose `Knowledge.lookup` answer is kept (cleared when full).
_LOOKUPS_LIMIT = 65536


@dataclass
class Knowledge:
    """Everything extraction needs, compiled. Build it with `build_knowledge`."""

    entities: dict[str, KnownEntity]
    alias_ids: dict[str, str]  # folded alias -> entity id
    alias_exact: re.Pattern[str] | None  # aliases with capitals: match as written
    alias_any_case: re.Pattern[str] | None  # lower-case aliases: match in any case
    person_tokens: dict[str, str]  # folded name token -> person id, for fuzzy matching
    split: SplitRules
    words: dict[str, frozenset[str]]  # word lists from the lexicon, by key (folded)
    titles: re.Pattern[str] | None
    honorifics: re.Pattern[str] | None
    speech_verb: re.Pattern[str] | None
    weapon_head: re.Pattern[str] | None
    weapon_heads: dict[str, str]
    organisation_heads: dict[str, str]
    titled_name: re.Pattern[str] | None
    role_name: re.Pattern[str] | None
    appositive_name: re.Pattern[str] | None
    person_name: str  # the pattern of a personal name (`person_name`)
    name_before_verb: re.Pattern[str] | None
    name_after_verb: re.Pattern[str] | None
    garble_patterns: tuple[re.Pattern[str], ...]  # as the lexicon writes them
    garble_min_words: int
    garble_repeat_share: float
    stance_cues: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]
    # Readable translationese: a sign the article is a machine translation (`debris`).
    garble_calques: tuple[re.Pattern[str], ...] = ()
    # "the diplomat" of a person written "Ambassador ...": words a role noun stands for.
    role_synonyms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    lexicon: Lexicon | None = None  # figures/dates read their word lists and units from it
    possessive_name: re.Pattern[str] | None = None  # "Reform UK's Graham Pettifer"
    spelling: Spelling | None = None  # variant spellings folded for ids and lookups
    fuzzy_cache: dict[str, str | None] = field(default_factory=dict)
    fuzzy_ratios: dict[tuple[str, str], float] = field(default_factory=dict)
    fuzzy_known: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    # `person_tokens` by first character, in its order (`_fuzzy_known`); made on first use
    # (`person_tokens` does not change once built).
    fuzzy_firsts: dict[str, list[str]] | None = None
    # `lookup`'s answers by surface form (a pure function of `alias_ids` and `spelling`,
    # which do not change once built): the same names are looked up again and again.
    lookups: dict[str, str | None] = field(default_factory=dict)
    ids: dict[str, str] = field(default_factory=dict)  # `id_for`'s answers, the same way
    # Words one of which a name pattern cannot match without (see `names.gates.gate_open`):
    # lower-cased for the case-blind patterns (None when that is not exact), as written
    # for the titles; compiled by `_gate` into one search for any of them.
    gates: dict[str, re.Pattern[str] | None] = field(default_factory=dict)
    # The case-blind gates as whole words (`wordgate.first_runs`; None: use the search).
    gate_runs: dict[str, frozenset[str] | None] = field(default_factory=dict)
    # Where `appositive_name` matches, the description after the comma opens on a whole
    # word that is the first run of a lead word, a title or a role noun (as the pattern
    # writes them), or on a capitalised possessive (`names.people._apposition_possible`).
    # None: not known, every sentence is searched.
    appositive_words: frozenset[str] | None = None

    def word_set(self, key: str) -> frozenset[str]:
        return self.words.get(key, frozenset())

    def lookup(self, surface: str) -> str | None:
        """Entity id of an exact alias (quote styles, case and spelling variants folded)."""
        lookups = self.lookups
        if surface in lookups:
            return lookups[surface]
        if len(lookups) >= _LOOKUPS_LIMIT:
            lookups.clear()
        key = fold_alias(surface)
        found = lookups[surface] = self.alias_ids.get(
            self.spelling.key(key) if self.spelling else key
        )
        return found

    def id_for(self, name: str) -> str:
        """The id a new entity of this name gets: its slug, spelling variants folded."""
        ids = self.ids
        found = ids.get(name)
        if found is None:
            if len(ids) >= _LOOKUPS_LIMIT:
                ids.clear()
            found = ids[name] = slug(self.spelling.key(name) if self.spelling else name)
        return found

    def fuzzy_person(self, token: str, pool: dict[str, str] | None = None) -> str | None:
        """Person id whose name token is spelled like `token` (Zelenskiy ~ Zelenskyy).

        Of the known tokens and `pool`'s (pool wins for the same token) within 0.8
        similarity, the most similar; on a tie the one that sorts first."""
        key = token.casefold()
        if len(key) < FUZZY_MIN_LENGTH or key in self.word_set("blocked"):
            return None
        if pool is None and key in self.fuzzy_cache:
            return self.fuzzy_cache[key]
        found = pool[key] if pool and key in pool else self.person_tokens.get(key)
        if found is None:
            close = {t: (ratio, self.person_tokens[t]) for t, ratio in self._fuzzy_known(key)}
            first, size = key[0], len(key)
            for name_token, entity_id in (pool or {}).items():
                # `_fuzzy_ratio`'s own cheap test first, without the call: every capitalised
                # word of an article is compared with each name token it introduced.
                ratio = (
                    self._fuzzy_ratio(key, name_token)
                    if name_token[0] == first
                    and abs(len(name_token) - size) <= FUZZY_MAX_LENGTH_GAP
                    else 0.0
                )
                if ratio >= FUZZY_RATIO:
                    close[name_token] = (ratio, entity_id)
                elif close:
                    close.pop(name_token, None)
            best = 0.0
            for _name_token, (ratio, entity_id) in sorted(close.items()):
                if ratio > best:
                    best, found = ratio, entity_id
        if pool is None:
            self.fuzzy_cache[key] = found
        return found

    def _fuzzy_ratio(self, key: str, name_token: str) -> float:
        """difflib's similarity, 0 for tokens too unlike to compare (other first letter or
        length). Memoised: every capitalised word of every article is looked up, mostly
        the same words, and difflib was the costly part of extracting an article.

        Below FUZZY_RATIO the value may be a bound above difflib's (callers only compare
        it with FUZZY_RATIO): difflib's ratio is 2.0 * M / T, T the two lengths, M the
        characters its matching blocks pair up, at most the characters the two tokens
        share as multisets. When that bound is under FUZZY_RATIO (nearly every pair of an
        article's new names) difflib, five times slower, is not asked."""
        if name_token[0] != key[0] or abs(len(name_token) - len(key)) > FUZZY_MAX_LENGTH_GAP:
            return 0.0
        pair = (key, name_token)
        ratio = self.fuzzy_ratios.get(pair)
        if ratio is None:
            shared = sum(min(key.count(ch), name_token.count(ch)) for ch in set(key))
            ratio = 2.0 * shared / (len(key) + len(name_token))
            if ratio >= FUZZY_RATIO:
                ratio = difflib.SequenceMatcher(None, key, name_token).ratio()
            self.fuzzy_ratios[pair] = ratio
        return ratio

    def _fuzzy_known(self, key: str) -> list[tuple[str, float]]:
        """The known people's tokens within FUZZY_RATIO of `key`, with their similarity."""
        close = self.fuzzy_known.get(key)
        if close is None:
            firsts = self.fuzzy_firsts
            if firsts is None:
                firsts = self.fuzzy_firsts = {}
                for token in self.person_tokens:
                    firsts.setdefault(token[:1], []).append(token)
            # Only tokens of `key`'s first character: `_fuzzy_ratio` is 0 for the others
            # (every new word of an article was compared with every known token).
            close = self.fuzzy_known[key] = [
                (t, r)
                for t in firsts.get(key[:1], ())
                if (r := self._fuzzy_ratio(key, t)) >= FUZZY_RATIO
            ]
        return close


def _blind_gate(words: Iterable[str]) -> tuple[str, ...] | None:
    """`words` lower-cased, or None if one is not ASCII: case-blind re and lower() then
    differ ("ß", "ſ"), so a pattern of them must not be skipped by a substring test."""
    words = list(words)
    return tuple(sorted({w.lower() for w in words})) if all(w.isascii() for w in words) else None


def _gate(words: tuple[str, ...] | None) -> re.Pattern[str] | None:
    """A search for any of `words` as a substring: one pass of a trie regex over the
    sentence instead of one `in` test per word (four gates on every sentence)."""
    if words is None:
        return None
    if "" in words:
        return re.compile("")  # the empty word is in every sentence
    return re.compile(trie_alternation(words) or "(?!)")


def _words(data: dict[str, Any], key: str, fold: bool = True) -> frozenset[str]:
    values = [str(v) for v in data.get(key, []) or []]
    return frozenset(v.casefold() if fold else v for v in values)


def _compile_all(patterns: Iterable[str], flags: int) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, flags) for p in patterns)


def _first_chars(items: Any) -> set[str] | None:
    """The characters every match of parsed regex `items` must begin with, or None when
    that is not known (a class by category, a negated class, an optional start, flags)."""
    from re import _constants as c  # type: ignore[attr-defined]

    for op, av in items:
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # zero width: the first character is the next item's
        if op is c.LITERAL:
            return {chr(av)}
        if op is c.IN:
            out: set[str] = set()
            for iop, iav in av:
                if iop is c.LITERAL:
                    out.add(chr(iav))
                elif iop is c.RANGE and iav[1] - iav[0] < 128:
                    out.update(chr(x) for x in range(iav[0], iav[1] + 1))
                else:
                    return None
            return out
        if op is c.BRANCH:
            out = set()
            for alt in av[1]:
                found = _first_chars(alt.data)
                if found is None:
                    return None
                out |= found
            return out
        if op is c.SUBPATTERN:
            _group, add, drop, sub = av
            return None if add or drop else _first_chars(sub.data)
        if op in (c.MAX_REPEAT, c.MIN_REPEAT):
            low, _high, sub = av
            return _first_chars(sub.data) if low >= 1 else None
        return None
    return None  # all zero width: could match the empty string


def _parsed(pattern: re.Pattern[str]) -> Any | None:
    """The parsed form of a case-sensitive `pattern` (None for a case-blind one, whose
    literals may be written in any case, or one re's parser refuses)."""
    from re import _parser as parser  # type: ignore[attr-defined]

    if pattern.flags & re.IGNORECASE:
        return None
    try:
        return parser.parse(pattern.pattern, pattern.flags).data
    except (re.error, TypeError):
        return None


def needle(pattern: re.Pattern[str]) -> str | None:
    """The longest run of plain characters (3 or more) that every match of `pattern`
    holds: found in its top-level sequence and in the groups of one branch it opens."""
    from re import _parser as parser  # type: ignore[attr-defined]

    items = _parsed(pattern)
    if items is None:
        return None
    best, run = "", ""

    def walk(seq: list[tuple[object, object]]) -> None:
        nonlocal best, run
        for op, arg in seq:
            if op is parser.LITERAL:
                run += chr(int(arg))  # type: ignore[call-overload]
                best = max(best, run, key=len)
                continue
            if op is parser.SUBPATTERN:
                if arg[1] & re.IGNORECASE:  # type: ignore[index]
                    run = ""  # "(?i:the said)": its letters may be written in any case
                    continue
                walk(list(arg[-1]))  # type: ignore[index]
                continue
            if op in (parser.AT, parser.ASSERT, parser.ASSERT_NOT):
                continue  # zero-width: the characters around it still follow each other
            run = ""

    walk(list(items))
    return best if len(best) >= 3 else None


def _lead(pattern: re.Pattern[str]) -> str | None:
    """The characters (a regex class body) every match of `pattern` begins with, when it
    opens zero-width and they are few and known (see `_guarded`), else None."""
    from re import _parser as parser  # type: ignore[attr-defined]

    items = _parsed(pattern)
    if not items or items[0][0] not in (parser.AT, parser.ASSERT, parser.ASSERT_NOT):
        return None
    if str(items[0][1]) == "AT_BEGINNING":
        return None
    firsts = _first_chars(items)
    if not firsts or len(firsts) >= 26:
        return None
    return "".join(re.escape(ch) for ch in sorted(firsts))


def searcher(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A pattern that matches where `pattern` matches, faster, for `search` alone: each
    match starts where one of `pattern` does (same groups) but spans only its first
    character.

    `[c](?<=(?=P)[c])`: re finds the candidate characters c by its fast scan for a leading
    class (a lookahead in front, as in `_guarded`, still enters the matcher at every
    position), and only there looks back to run the original pattern P. Falls back to
    `_guarded` when re refuses the construction (a back-reference inside a lookbehind)."""
    chars = _lead(pattern)
    if chars is None:
        return pattern
    fast = _same_groups(pattern, f"[{chars}](?<=(?=(?:{pattern.pattern}))[{chars}])")
    return fast if fast is not None else _guarded(pattern)


def _guarded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` behind a lookahead for the characters its matches begin with: the same
    matches (spans, groups), found faster.

    Why: a pattern opening with a zero-width test (\\b, a lookbehind) gets none of re's
    prefix scanning, so every position of the text enters it; the lookahead turns most
    away at once. Only case-sensitive patterns that open zero-width and begin with a few
    known characters get one: elsewhere re scans faster by itself, and case-blind
    classes cost more than they save."""
    chars = _lead(pattern)
    if chars is None:
        return pattern
    fast = _same_groups(pattern, f"(?=[{chars}])(?:{pattern.pattern})")
    return fast if fast is not None else pattern


def _same_groups(pattern: re.Pattern[str], source: str) -> re.Pattern[str] | None:
    """`source` compiled with `pattern`'s flags, if re accepts it and its groups are
    `pattern`'s (so callers read the same groups from its matches); else None."""
    try:
        out = re.compile(source, pattern.flags)
    except re.error:
        return None
    same = (out.flags, out.groups, out.groupindex) == (
        pattern.flags,
        pattern.groups,
        pattern.groupindex,
    )
    return out if same else None


# A personal name: 1-3 capitalised words, an initial allowed inside ("Shannon K. Kingston").
# A capital may carry a diacritic ("Jonas Åkerlund", "Jaromír Štěpánek").
CAPITAL = "[A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper()) + "]"
_TOKEN = rf"{CAPITAL}[a-z\u00df-\u024f]+(?:(?:-{CAPITAL}?|['’]{CAPITAL})[a-z\u00df-\u024f]+)*"
# The words of a name are on one line: a record's label line ("Deputy Conor Fitzmaurice")
# ends before the speech below it ("Last Thursday a Russian drone ...").
NAME = rf"{_TOKEN}(?:[ \t]+(?:[A-Z]\.[ \t]+)?{_TOKEN}){{0,2}}"


def person_name(particles: Iterable[str], prefixes: Iterable[str] = ()) -> str:
    """`NAME` that also admits up to two lower-case particles between its words ("Joost van
    Aalst", "Ursula von der Leyen"; lexicon `name_particles`) and a prefix before a surname
    ("Dónal Ó Ceallaigh", "Seán O'Brien"; lexicon `name_prefixes`: one ending in an
    apostrophe is written onto the surname, another stands apart)."""
    words = sorted(set(particles), key=lambda w: (-len(w), w))
    glued = sorted({p for p in prefixes if p.endswith(("'", "’"))}, key=lambda w: (-len(w), w))
    apart = sorted({p for p in prefixes if p not in glued}, key=lambda w: (-len(w), w))
    pieces = [r"[A-Z]\.[ \t]+"]
    if words:
        pieces.append(rf"(?:(?:{'|'.join(map(re.escape, words))})[ \t]+){{1,2}}")
    if apart:
        pieces.append(rf"(?:{'|'.join(map(re.escape, apart))})[ \t]+")
    if glued:
        pieces.append(rf"(?:{'|'.join(map(re.escape, glued))})")
    if len(pieces) == 1:
        return NAME
    return rf"{_TOKEN}(?:[ \t]+(?:{'|'.join(pieces)})?{_TOKEN}){{0,2}}"


def name_behind(behind: str, name: str = NAME) -> str:
    """`(?<!{behind})(?P<name>{NAME})`, `behind` one character wide, written with the test
    after the name's first capital: a pattern opening with a class (inside its group) lets
    re skip to the capitals in C, where a lookbehind first has it enter the pattern at every
    position. The same matches: the character before the capital is the one before the
    match, and the capital is the one `NAME` begins with."""
    capital = CAPITAL
    assert name.startswith(capital)
    return rf"(?P<name>{capital}(?<!{behind}{capital}){name[len(capital) :]})"


def _alternation(values: Iterable[str], ignore_case: bool = False) -> str:
    return trie_alternation(values, ignore_case=ignore_case) or "(?!)"


def _opening(words: Iterable[str]) -> str:
    """A lookahead for the characters `words` begin with ("" when one is empty or none).

    Put before a pattern whose every match begins with one of the words, it changes no
    match, but re turns most positions away at once instead of entering the pattern's
    lookbehinds and alternations there."""
    firsts = {w[:1] for w in words}
    if not firsts or "" in firsts:
        return ""
    return "(?=[" + "".join(re.escape(c) for c in sorted(firsts)) + "])"


# The words opening an apposition's description ("Jan Novak, a lawyer, ...").
APPOSITION_LEADS = ("a", "an", "the", "who", "whose", "now", "formerly", "former")


def _name_patterns(data: dict[str, Any], words: dict[str, frozenset[str]]) -> dict[str, Any]:
    """Contexts that introduce a name nobody listed: titles, roles, appositions, speech."""
    title_words = [str(t) for t in [*data.get("titles", []), *data.get("honorifics", [])]]
    titles = _alternation(title_words)
    roles = _alternation(words["role_nouns"], ignore_case=True)
    verbs = _alternation(words["speech_verbs"], ignore_case=True)
    appos_lead = rf"(?:{'|'.join(APPOSITION_LEADS)})\b"
    person = person_name(words["name_particles"], [str(p) for p in data.get("name_prefixes") or []])
    company_nouns = (data.get("quote_rules") or {}).get("company_nouns") or []
    # A department a translation capitalises after "of the" ("the minister of the Defence
    # Paolo Ferri"): part of the role, not of the name.
    departments = _alternation(str(w) for w in data.get("department_words") or []) or "(?!)"
    companies = _alternation(str(n) for n in company_nouns)
    name_after = name_behind(r"[\w.]", person)  # a name not right after a word or a dot
    return {
        "titled_name": re.compile(
            rf"{_opening(title_words)}(?<![\w-])"
            rf"(?P<title>(?:{titles})(?:\s+(?:{titles}))?)\s+(?P<name>{person})"
        ),
        # A role of a body in lower case may stand between ("the minister of defence
        # Jaromir Stepanek", as a translation writes it; "the chairman of the defence
        # committee of the parliament Mikko Aalto"), or of one in capitals ("chairman of
        # ODS Ondřej Bílek"), not a company's: "the director of the firm Brdy Arms" names
        # the firm.
        "role_name": re.compile(
            rf"(?<![\w-])(?P<role>(?i:{roles}))"
            # ... its adjective capitalised ("the head of the Ukrainian diplomacy Andrij
            # Kowalczuk"), or a body named in one word before a name of two ("the deputy of
            # Konfederacji Grzegorz Bąk", a translation keeping the case ending).
            rf"(?:\s+of\s+(?!(?:the\s+)?(?:{companies})\b)(?:the\s+)?(?:{CAPITAL}[a-z]+\s+(?=[a-z])(?!(?:of|and|for|on|in)\b))?(?:[a-z][\w-]*\s+)?"
            rf"(?:[a-z][\w-]*|(?:{departments})\b|[A-Z]{{2,6}}\b(?=\s+{CAPITAL})"
            rf"|{CAPITAL}[a-z][\w-]*(?=\s+{CAPITAL}[\w'’-]+\s+{CAPITAL}[\w'’-]+[.,;:!?\"”]))){{0,2}}"
            # A translation's standing of the role ("the general in retirement Ivan Pavlik",
            # "the general of brigade in the reserve Federico Arrieta"): one or two words
            # in lower case after "in".
            rf"(?:\s+in\s+(?:the\s+)?(?:[a-z][\w-]*\s+)?[a-z][\w-]*(?=\s+{person}))?"
            # A comma may set the name off at the end ("said SV's foreign affairs
            # spokesperson, Ingrid Solhaug.").
            # ... or between commas ("The Colombian chanceler, Andrés Felipe Morales, was").
            rf"(?:,(?=\s+{person}\s*(?:[.!?]?[\"”]?$|,)))?"
            rf"\s+(?:(?P<title>{titles})\s+)?(?P<name>{person})"
        ),
        "appositive_name": re.compile(
            # (An age may come first: "Marisol Vega, 34, who joined Sentry in 2025, said".)
            rf"{name_after}(?:,\s+\d{{1,3}}(?=,))?(?:,|\s+--|\s+\u2014)\s+"
            rf"(?P<desc>(?:{appos_lead}|(?:{titles})\s|(?:[A-Z][\w.-]*['’]s\s+)?"
            rf"(?:[a-z][\w-]*\s+)?(?:(?:{roles})\s+){{1,2}}(?:of|for|at|to|in)\s)"
            rf"[^,;:\u2014]*?)(?=,|\s+--|\s+\u2014|[;:]|[.!?]?[\"”]?$)"
        ),
        # (An aside of speaking may stand between: "Hossein Karimzadeh, speaking at his
        # weekly press conference in Tehran on Friday, said".)
        "name_before_verb": re.compile(
            rf"{name_after}(?:,\s+(?:speaking|writing|talking|answering|responding|replying)"
            rf"\b[^,;:\"“”]{{0,90}},)?\s+(?i:{verbs})\b"
        ),
        # "Reform UK's Graham Pettifer": a person named after the possessive of a body or a
        # country (which `names` checks is known). The lookbehind comes after the owner's
        # capital (as `name_behind`): re skips to the capitals, the same matches.
        "possessive_name": re.compile(
            rf"(?P<owner>[A-Z](?<![\w-][A-Z])[\w.-]*(?:\s[A-Z][\w.-]*){{0,3}})['’]s\s+"
            rf"(?P<name>{person})"
        ),
        # ('«...», has declared yesterday Terranova': a translation may put the day first.)
        "name_after_verb": re.compile(
            rf"(?<!\w)(?i:{verbs})\s+(?:{DAY_BETWEEN}\s+)?(?P<name>{person})"
        ),
        "person_name": person,
        "appositive_words": _opening_runs([*APPOSITION_LEADS, *title_words, *words["role_nouns"]]),
    }


def _opening_runs(words: Iterable[str]) -> frozenset[str] | None:
    """The first word-character runs of `words` as written, None when one opens with
    another character (see `Knowledge.appositive_words`)."""
    runs = set()
    for word in words:
        m = _WORD_RUN.match(word)
        if m is None:
            return None
        runs.add(m.group())
    return frozenset(runs)


_WORD_RUN = re.compile(r"\w+")


def build_knowledge(
    lexicon: Lexicon, data_entities: Sequence[dict[str, Any]], stances: Sequence[str] | None = None
) -> Knowledge:
    """Compile the lexicon plus `data_entities` (the items of data/entities.yaml).

    `stances`, when given, keeps only the stance cues of those stance ids.
    """
    data = lexicon.data
    entities: dict[str, KnownEntity] = {}
    for raw in [*data.get("known_entities", []), *data_entities]:
        if raw.get("status") == "rejected":
            continue
        entity = _entity_from(raw)
        if entity is not None:
            entities[entity.id] = _merge(entities.get(entity.id), entity)

    spelling = spelling_from(data)
    alias_ids: dict[str, str] = {}
    ambiguous: set[str] = set()
    person_tokens: dict[str, str] = {}
    for entity in entities.values():
        forms = _surface_forms(entity)
        for form in forms:
            key = spelling.key(fold_alias(form))
            if alias_ids.get(key, entity.id) != entity.id:
                ambiguous.add(key)  # two people called "Kim": match neither by it
            alias_ids.setdefault(key, entity.id)
        if entity.is_person:
            for form in forms:
                # The surname only: given names are shared ("Alexander Stubb" is not every
                # Alexander of an article).
                parts = form.split()
                token = parts[surname_at(parts)] if parts else ""
                if len(token) >= FUZZY_MIN_LENGTH and token[0].isupper():
                    person_tokens.setdefault(token.casefold(), entity.id)
    for key in ambiguous:
        alias_ids.pop(key, None)
    originals = {
        variant
        for entity in entities.values()
        for form in _surface_forms(entity)
        if spelling.key(fold_alias(form)) in alias_ids
        for variant in spelling.surface_forms(form)
    }
    exact = [a for a in originals if a != a.casefold()]
    any_case = [a for a in originals if a == a.casefold()]

    words = {
        key: _words(data, key)
        for key in (
            "not_names",
            "demonyms",
            "role_nouns",
            "anonymous_sources",
            "pronouns",
            "speech_verbs",
            "name_connectors",
            "weapon_modifiers",
            "weapon_business_nouns",
            "weapon_business_endings",
            "name_particles",
            "legal_forms",
            "transcript_staff",
            "record_label_titles",
            "portfolio_words",
            "body_tail_words",
            "force_nouns",
        )
    }
    words["starters"] = _words(data, "sentence_starters")
    words["titles"] = _words(data, "titles") | _words(data, "honorifics")
    words["blocked"] = (
        words["not_names"] | words["demonyms"] | words["starters"] | frozenset(alias_ids)
    )

    heads = {str(k).casefold(): str(v) for k, v in (data.get("weapon_heads") or {}).items()}
    modifiers = sorted(words["weapon_modifiers"], key=lambda m: (-len(m), m))
    head_re = None
    if heads:
        mod = trie_alternation(modifiers, ignore_case=True) or "(?!)"
        head = trie_alternation(heads, ignore_case=True)
        # Case-blind like the pattern: the lookahead admits "Storm" as "storm".
        opening = _opening([*modifiers, *heads])
        head_re = re.compile(
            rf"{opening}\b(?:(?:{mod})[ -]){{0,2}}(?P<head>{head})\b", re.IGNORECASE
        )

    garble = data.get("garble") or {}
    cues = data.get("stance_cues") or {}
    stance_ids = list(stances) if stances is not None else list(cues)
    return Knowledge(
        entities=entities,
        alias_ids=alias_ids,
        alias_exact=alias_pattern(exact),
        alias_any_case=alias_pattern(any_case, re.IGNORECASE),
        person_tokens=person_tokens,
        split=rules_from_lexicon(data),
        words=words,
        titles=alias_pattern([str(t) for t in data.get("titles", [])]),
        honorifics=alias_pattern([str(t) for t in data.get("honorifics", [])]),
        speech_verb=words_pattern(words["speech_verbs"]),
        weapon_head=head_re,
        weapon_heads=heads,
        organisation_heads={
            str(k): str(v) for k, v in (data.get("organisation_heads") or {}).items()
        },
        **_name_patterns(data, words),
        # Each searches every sentence: most positions are turned away at once.
        garble_patterns=_compile_all(garble.get("patterns", []), 0),
        garble_min_words=int(garble.get("min_words", 4)),
        garble_repeat_share=float(garble.get("repeat_share", 0.8)),
        garble_calques=_compile_all(garble.get("calques", []), 0),
        role_synonyms={
            str(noun).casefold(): tuple(str(w) for w in words or [])
            for noun, words in (data.get("role_synonyms") or {}).items()
        },
        lexicon=lexicon,
        spelling=spelling,
        gate_runs={
            "verbs": first_runs(_blind_gate(words["speech_verbs"])),
            "roles": first_runs(_blind_gate(words["role_nouns"])),
            "heads": first_runs(_blind_gate(heads)),
        },
        gates={
            "verbs": _gate(_blind_gate(words["speech_verbs"])),
            "roles": _gate(_blind_gate(words["role_nouns"])),
            "heads": _gate(_blind_gate(heads)),
            "titles": _gate(
                tuple(
                    sorted({str(t) for t in [*data.get("titles", []), *data.get("honorifics", [])]})
                )
            ),
        },
        # One alternation per stance: a sentence is searched once per stance.
        stance_cues=tuple(
            (sid, _compile_all(["|".join(f"(?:{c})" for c in cues[sid])], re.IGNORECASE))
            for sid in stance_ids
            if cues.get(sid)
        ),
    )
