"""Numbers with their unit and hedge, found in plain text ("nearly 50,000 troops", "$7.1 billion").

Every word list comes from the lexicon (`quantities.yaml`, `units.yaml`): the patterns are
built from it once per lexicon and cached, because extraction runs them on every sentence.
Ranges written the newsroom way ("1-2,000") take the scale of their upper end.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from .knowledge import trie_alternation
from .wordgate import holds_any, longest_runs

Value = float | tuple[float, float]

# Numbers as written: "50,000", "7.1"; as European articles and their translations write
# them, thousands grouped by spaces ("1 340", "1\u00a0000") and a decimal comma before a
# scale word or a percent sign ("2,6 million", "48,6%").
_SPACED = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.])"
_DECIMAL_COMMA = (
    r"\d{1,3},\d{1,2}(?=[ \u00a0](?:thousand|million|billion|trillion|percent|per cent|prosent|procent)\b"
    r"|[ \u00a0]?%)"
)
# Indian English groups by lakhs and crores ("1,20,000", "12,34,567").
_INDIAN = r"\d{1,2}(?:,\d{2})+,\d{3}(?![\d,])"
_DIGITS = rf"{_DECIMAL_COMMA}|{_SPACED}|{_INDIAN}|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?"
_YEARISH = re.compile(r"^(1[89]|20)\d\d$")
_SCALE_OF = re.compile(r" of(?= )")


@dataclass(frozen=True)
class Quantity:
    """A number found at `text[start:end]`; `skip` says why it is not a usable figure."""

    start: int
    end: int
    text: str
    value: Value
    unit: str | None
    dimension: str | None  # from units.yaml, or "count" for counted nouns
    hedge: str | None
    number: str  # the number as written, for precision ("190", "1-2,000", "7.1")
    skip: str | None = None
    subject_kinds: tuple[str, ...] = ()
    property: str | None = None  # fixed by a counted noun ("troops")


@dataclass(frozen=True)
class _Noun:
    unit: str
    property: str
    kinds: tuple[str, ...]


@dataclass(frozen=True)
class QuantityRules:
    core: re.Pattern[str]
    measure: re.Pattern[str]
    counted: re.Pattern[str]
    vague: re.Pattern[str]
    words: dict[str, float]
    scales: dict[str, float]
    hedges: dict[str, str]
    units: dict[str, tuple[str, str]]  # lower-cased name -> (unit id, dimension)
    nouns: dict[str, _Noun]
    same_unit: re.Pattern[str] | None  # "56 others": as many of the things counted before
    # `core` and `vague` for lower-cased plain text, case-sensitive (see `_matches`);
    # None when that would not find what they find.
    core_lower: re.Pattern[str] | None = None
    vague_lower: re.Pattern[str] | None = None
    # Words one of which a lower-cased plain text holds whole where `core` (with no digit)
    # or `vague` matches (`wordgate.longest_runs`); None: no such test.
    core_runs: frozenset[str] | None = None
    vague_runs: frozenset[str] | None = None
    # A known weapon's name as the counted noun ("200 PrSMs", "16 ATACMS"): the name as
    # written -> the count of its kind (lexicon `known_entities`, kind weapon).
    named: re.Pattern[str] | None = None
    named_nouns: dict[str, _Noun] | None = None
    # A unit written as an adjective that is another unit ("a 250-pound warhead" weighs:
    # lexicon `units[].as_adjective`): unit id -> (unit id, dimension).
    adjective_units: dict[str, tuple[str, str]] | None = None
    # Currency letters written right before a number ("R4.8-billion": lexicon
    # `units[].letter_prefix`): taken only as written, with a scale or thousands after.
    letter_prefixes: frozenset[str] = frozenset()


def _alt(names: Any) -> str:
    """A regex alternation, longest first so "nautical miles" wins over "miles".

    Written as a trie (same matches; re tests each character once instead of each word):
    every pattern here is case-blind, which `trie_alternation` must be told."""
    return trie_alternation([str(n) for n in names], ignore_case=True)


def _word_number(words: dict[str, float]) -> str:
    tens = [w for w, v in words.items() if v >= 20 and v % 10 == 0 and " " not in w]
    ones = [w for w, v in words.items() if 0 < v < 10 and " " not in w]
    compound = rf"(?:{_alt(tens)})[- ](?:{_alt(ones)})" if tens and ones else ""
    return "|".join(p for p in (compound, _alt(words)) if p) or r"(?!x)x"


def build_rules(data: dict[str, Any]) -> QuantityRules:
    """Compile the number patterns of a merged lexicon's `data`."""
    words = {str(k).casefold(): float(v) for k, v in (data.get("number_words") or {}).items()}
    scales = {str(k).casefold(): float(v) for k, v in (data.get("number_scales") or {}).items()}
    # "€500m": only after a currency sign is "m" a million (else "500m" is metres).
    money_scales = {
        str(k).casefold(): float(v) for k, v in (data.get("currency_scales") or {}).items()
    }
    hedges = {str(k).casefold(): str(v) for k, v in (data.get("hedges") or {}).items()}
    units: dict[str, tuple[str, str]] = {}
    prefixes: list[str] = []
    letters: set[str] = set()
    for raw in data.get("units") or []:
        for name in raw["names"]:
            units[str(name).casefold()] = (raw["id"], raw["dimension"])
            if raw.get("prefix") and not str(name).isalpha():
                prefixes.append(str(name))
        if raw.get("code_prefix"):
            # "DKK 4.1 billion", "USD2.3 billion": the three-letter code (the symbol, else
            # the name of three letters), a space or none, before the number.
            symbol = str(raw["symbol"])
            codes = {symbol} if symbol.isalpha() else set()
            codes |= {str(n).upper() for n in raw["names"] if len(str(n)) == 3 and str(n).isalpha()}
            for code in sorted(codes):
                prefixes += [f"{code} ", code]
        for word in raw.get("word_prefix") or []:
            # "Rs 28 crore": a word, then a space, before the number.
            prefixes.append(f"{word} ")
            units[str(word).casefold()] = (raw["id"], raw["dimension"])
        for letter in raw.get("letter_prefix") or []:
            # "R4.8-billion", "W31.6tr": a capital letter right before the number.
            prefixes.append(str(letter))
            letters.add(str(letter))
            units[str(letter).casefold()] = (raw["id"], raw["dimension"])
    nouns: dict[str, _Noun] = {}
    for raw in data.get("counted_nouns") or []:
        noun = _Noun(
            raw["unit"], raw.get("property") or raw["unit"], tuple(raw.get("subject_kinds") or ())
        )
        for name in raw["names"]:
            nouns[str(name).casefold()] = noun
    lists = (list(scales), list(money_scales), prefixes, list(hedges))
    core = re.compile(_core(words, *lists), re.IGNORECASE)
    # Between a number and its noun only describing words: capitalised ("North Korean"),
    # hyphenated ("long-range") or listed; a verb would mean the noun belongs elsewhere.
    modifiers = _alt(data.get("count_modifiers") or []) or r"(?!x)x"
    # A capitalised word may carry a model number ("30 Leopard 1 tanks").
    # (A quotation may open on the first of them: nine "American-made long-range missiles".)
    gap = (
        rf"(?:\s+[\"\u201c]?(?:[A-Z][\w'’.-]*(?:\s\d{{1,2}}[A-Z]?(?![\w,.]))?|[a-z]+-[\w-]+"
        rf"|(?i:{modifiers})\b)){{0,4}}?"
    )
    counters = _alt(data.get("counters") or []) or r"(?!x)x"
    measure = re.compile(rf"\s?-?\s?(?P<unit>{_alt(units) or '(?!x)x'})(?![\w])", re.IGNORECASE)
    partitive = _alt(data.get("partitives") or []) or r"(?!x)x"
    counted = re.compile(
        rf"(?:\s+(?i:{counters})\s+of|(?P<part>\s+(?i:{partitive})))?{gap}(?:\s+|-)(?P<noun>(?i:{_alt(nouns) or '(?!x)x'}))\b(?!-)"
        # A noun before another counts nothing: "rocket launchers" counts launchers.
        rf"(?!\s+(?i:{_alt(nouns) or '(?!x)x'})\b)"
    )
    same = _alt(data.get("same_unit_words") or [])
    same_unit = re.compile(rf"\s+(?i:{same})(?![\w-])") if same else None
    vague_words = [str(w) for w in data.get("vague_numbers") or []]
    vague = re.compile(_vague_pattern(vague_words), re.IGNORECASE)
    # Lower-cased word lists give the case-sensitive twins: the patterns hold no other
    # letters that case matters for (their fixed parts are lower case, classes \w \d \s).
    plain = all(
        not any(c in w for c in _FOLDS_TO_ASCII)
        for ws in (list(words), *lists, vague_words)
        for w in ws
    )
    lowered = [[w.lower() for w in ws] for ws in lists]
    lower_words = {w.lower(): v for w, v in words.items()}
    return QuantityRules(
        core,
        measure,
        counted,
        vague,
        words,
        {**money_scales, **scales},
        hedges,
        units,
        nouns,
        same_unit,
        letter_prefixes=frozenset(letters),
        core_lower=re.compile(_core(lower_words, *lowered)) if plain else None,
        vague_lower=(
            re.compile(_vague_pattern([w.lower() for w in vague_words])) if plain else None
        ),
        # A number is digits or a number word matched whole (`_core`: \b both sides; the
        # first word of "twenty-four" is a number word of its own); vague words the same.
        core_runs=longest_runs(lower_words) if plain else None,
        vague_runs=longest_runs(w.lower() for w in vague_words) if plain else None,
        **_named_counts(data, nouns),
        adjective_units={
            str(raw["id"]): (str(raw["as_adjective"]), _dimension_of(data, raw["as_adjective"]))
            for raw in data.get("units") or []
            if raw.get("as_adjective")
        },
    )


def _dimension_of(data: dict[str, Any], unit_id: str) -> str:
    return next(str(u["dimension"]) for u in data.get("units") or [] if u["id"] == unit_id)


def _named_counts(data: dict[str, Any], nouns: dict[str, _Noun]) -> dict[str, Any]:
    """The pattern and nouns of known weapons counted by name ("200 PrSMs"): each name and
    alias of a weapon, with its plural, counts as the noun of its category ("missile":
    missiles). Case-sensitive: a name is written as named."""
    named: dict[str, _Noun] = {}
    for raw in data.get("known_entities") or []:
        if raw.get("kind") != "weapon":
            continue
        kind = nouns.get(str(raw.get("category") or "").casefold())
        if kind is None:
            continue
        noun = _Noun(kind.unit, kind.property, ("actor",))
        for name in [str(raw["name"]), *(str(a) for a in raw.get("aliases") or [])]:
            if len(name) >= 3:
                named.setdefault(name, noun)
                if not name.endswith(("s", "S")):
                    named.setdefault(f"{name}s", noun)
    if not named:
        return {}
    body = trie_alternation(sorted(named))
    return {
        "named": re.compile(rf"\s+(?P<name>{body})(?![\w-])"),
        "named_nouns": named,
    }


def _core(
    words: dict[str, float],
    scales: list[str],
    money_scales: list[str],
    prefixes: list[str],
    hedges: list[str],
) -> str:
    """The number pattern (compiled case-blind, or for lower-cased text from lower-cased
    lists): a hedge, a currency, one number or a range, and their scales."""
    number = rf"(?:{_DIGITS}|\b(?:{_word_number(words)})\b)"
    scale = (
        rf"(?:[ -]?(?:{_alt(scales) or '(?!x)x'})\b"
        rf"|(?(cur)(?:{_alt(money_scales) or '(?!x)x'})\b|(?!x)x))"
    )
    prefix = rf"(?:{_alt(prefixes)})" if prefixes else r"(?!x)x"
    hedge = rf"(?:\b(?:{_alt(hedges)})\s+)" if hedges else r"(?!x)x"
    return (
        rf"(?<![\w$€£.,:-])(?P<hedge>{hedge})?(?:(?P<between>between)\s+)?(?P<cur>{prefix})?"
        rf"(?P<n1>{number})(?P<s1>{scale})?"
        # A percent sign may close both ends of a range ("between 8% and 12%", "5%-7%").
        rf"(?:%(?={_RANGE_GAP}(?P=cur)?\d))?"
        rf"(?:{_RANGE_GAP}(?P=cur)?(?P<n2>{number})(?P<s2>{scale})?)?"
        rf"(?![\d])"
    )


# Between a range's ends: a dash, "to", or "and" after "between".
_RANGE_GAP = r"\s*(?:-|–|—|\bto\b|(?(between)\band\b|(?!x)x))\s*"


def _vague_pattern(words: list[str]) -> str:
    return rf"\b(?P<vague>{_alt(words) or '(?!x)x'})\b"


# Case-blind re matches these to ASCII letters that lower() does not give.
_FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"
# Texts of ASCII and these uncased marks are lower-cased letter for letter: the same
# length, the same word characters (as in `similarity`).
_PLAIN = re.compile("[\x00-\x7f\u00a0\u2010-\u2015\u2018-\u201f\u2026]*")
PLAIN = _PLAIN  # for the other lower-cased twins of case-blind patterns (casefast, positions)


def _matches(
    pattern: re.Pattern[str],
    lower: re.Pattern[str] | None,
    text: str,
    lowered: str | None = None,
    runs: frozenset[str] | None = None,
) -> Iterable[re.Match[str]]:
    """`pattern.finditer(text)` of a case-blind pattern, found faster on a plain text.

    Its case-sensitive twin `lower` on the lower-cased text matches at the same places
    (re tries case-blind letters slowly, at every position of every sentence); the match
    itself, whose groups keep the text's case, is then made by `pattern` at each place.
    `lowered` is `text.lower()` when `text` is plain (None: tested here). With `runs`, a
    plain text holding none of them as a whole word has no match: it is not searched."""
    if lowered is None:
        if lower is None or not (text.isascii() or _PLAIN.fullmatch(text)):
            return pattern.finditer(text)
        lowered = text.lower()
    if lower is None:
        return pattern.finditer(text)
    if runs is not None and not holds_any(lowered, runs):
        return ()
    return _rematched(pattern, lower.finditer(lowered), text)


# Any digit: a number written in digits needs one (`_DIGITS`).
_DIGIT = re.compile(r"\d")


def _rematched(
    pattern: re.Pattern[str], found: Iterator[re.Match[str]], text: str
) -> Iterator[re.Match[str]]:
    for twin in found:
        match = pattern.match(text, twin.start())
        assert match is not None and match.end() == twin.end()
        yield match


_CACHE: dict[int, tuple[dict[str, Any], QuantityRules]] = {}


def rules_for(data: dict[str, Any]) -> QuantityRules:
    """`build_rules` once per lexicon object (kept alive by the cache entry itself)."""
    hit = _CACHE.get(id(data))
    if hit is None or hit[0] is not data:
        hit = (data, build_rules(data))
        _CACHE[id(data)] = hit
    return hit[1]


def parse_number(text: str, rules: QuantityRules) -> float | None:
    """The value of one number as written: "50,000", "7.1", "three", "twenty-four"."""
    text = text.strip().casefold()
    if re.fullmatch(r"\d{1,3},\d{1,2}", text):
        return float(text.replace(",", "."))  # a decimal comma (found before "million")
    if re.fullmatch(r"[1-9]\d{0,2}(?:\.\d{3})+", text):
        # Dots grouping thousands, as a translation keeps them ("830.000 euro", "1.000
        # kilometres"): English writes no decimal with exactly three places in the news.
        return float(text.replace(".", ""))
    if re.fullmatch(_DIGITS, text):
        return float(re.sub(r"[, \u00a0\u202f]", "", text))
    if text in rules.words:
        return rules.words[text]
    parts = re.split(r"[- ]", text)
    if len(parts) == 2 and all(p in rules.words for p in parts):
        return rules.words[parts[0]] + rules.words[parts[1]]
    return None


def _scale(match: re.Match[str], group: str, rules: QuantityRules) -> float:
    word = (match.group(group) or "").strip(" -").casefold()
    return rules.scales.get(word, 1.0)


def _value(match: re.Match[str], rules: QuantityRules) -> Value | None:
    low = parse_number(match.group("n1"), rules)
    if low is None:
        return None
    low *= _scale(match, "s1", rules)
    if match.group("n2") is None:
        return _exact(low)
    high = parse_number(match.group("n2"), rules)
    if high is None:
        return None
    high_scale = _scale(match, "s2", rules)
    if not match.group("s1"):
        # "1-2 million": one scale for both ends; "1-2,000": the low end drops the zeros
        # of the high end's trailing thousands groups, so it is 1,000 when that still fits.
        low *= high_scale
        groups = re.search(r"(?:,000)+$", match.group("n2"))
        if groups and "," not in match.group("n1") and low < 1000:
            shifted = low * 1000 ** (len(groups.group()) // 4)
            low = shifted if shifted < high * high_scale else low
    high = _exact(high * high_scale)
    low = _exact(low)
    return (low, high) if low < high else None


def _exact(value: float) -> float:
    """`value` without the binary rounding error of a scale ("4.1 billion" is
    4100000000, not 4099999999.9999995)."""
    return float(f"{value:.12g}")


_PART_OF = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|these\s+|those\s+)?")


def _part_of(text: str, end: int, value: float, rules: QuantityRules) -> _Noun | None:
    """The counted noun of the whole a number is a part of ("37 of the 40 drones"), when
    the whole is larger."""
    of = _PART_OF.match(text, end)
    if of is None:
        return None
    whole = rules.core.match(text, of.end())
    if whole is None or whole.group("hedge"):
        return None
    total = _value(whole, rules)
    counted = rules.counted.match(text, whole.end())
    if counted is None or not isinstance(total, float | int) or total <= value:
        return None
    return rules.nouns[counted.group("noun").casefold()]


def _letter_money(match: re.Match[str], rules: QuantityRules) -> bool:
    """Whether a number after a currency letter is a sum: the letter as the lexicon writes
    it, and a scale ("R4.8-billion", "W31.6tr") or thousands ("R190,000") after."""
    return match.group("cur").strip() in rules.letter_prefixes and bool(
        match.group("s1") or "," in match.group("n1")
    )


def _is_letter(cur: str, rules: QuantityRules) -> bool:
    """Whether a currency matched (in any case) is one of the letters ("r4": R, "dh9": Dh)."""
    folded = cur.casefold()
    return any(letter.casefold() == folded for letter in rules.letter_prefixes)


def find_quantities(text: str, rules: QuantityRules, offset: int = 0) -> list[Quantity]:
    """Every number with a unit or counted noun in `text` (offsets shifted by `offset`)."""
    found: list[Quantity] = []
    # Lower-cased once for both patterns; without a digit only a number word can start a
    # number (most sentences have neither).
    # (ASCII is plain: isascii() is a flag, the fullmatch a pass over the text.)
    plain = text.isascii() or _PLAIN.fullmatch(text) is not None
    lowered = text.lower() if rules.core_lower is not None and plain else None
    runs = None if lowered is None or _DIGIT.search(text) else rules.core_runs
    for match in _matches(rules.core, rules.core_lower, text, lowered, runs):
        if found and match.start() + offset < found[-1].end:
            continue  # the "1" of "30 Leopard 1 tanks" is part of the figure before it
        value = _value(match, rules)
        if value is None:
            continue
        hedge_words = (match.group("hedge") or "").strip().casefold()
        hedge = rules.hedges.get(hedge_words) if hedge_words else None
        end = match.end()
        unit: str | None = None
        dimension: str | None = None
        noun: _Noun | None = None
        cur = match.group("cur")
        if (
            cur
            and _is_letter(cur.strip(), rules)  # matched in any case
            and not _letter_money(match, rules)
        ):
            continue  # "r4", "the R4 road": no sum of money
        if cur:
            unit, dimension = rules.units[cur.strip().casefold()]
        elif (m := _measure_after(text, end, match, rules)) is not None:
            unit, dimension = rules.units[m.group("unit").casefold()]
            if rules.adjective_units and unit in rules.adjective_units:
                # "a 250-pound warhead", or a bracketed twin of a weight ("100 kilograms
                # (220 pounds)"): the other unit.
                other = rules.adjective_units[unit]
                before = found[-1] if found else None
                twin = (
                    before is not None
                    and before.dimension == other[1]
                    and text[max(0, before.end - offset) : match.start()].strip() == "("
                )
                if "-" in m.group() or twin:
                    unit, dimension = other
            end = m.end()
        # "one of its targets" is an idiom, not a count of one.
        elif (m := rules.counted.match(text, end)) is not None and not (
            m.group("part") and value == 1
        ):
            noun = rules.nouns[m.group("noun").casefold()]
            unit, dimension, end = noun.unit, "count", m.end()
        elif (
            rules.named is not None
            and rules.named_nouns
            and (m := rules.named.match(text, end)) is not None
        ):
            noun = rules.named_nouns[m.group("name")]
            unit, dimension, end = noun.unit, "count", m.end()
        elif (
            rules.same_unit is not None
            and (m := rules.same_unit.match(text, end)) is not None
            and (counted := next((q for q in reversed(found) if q.dimension == "count"), None))
        ):
            noun = _Noun(str(counted.unit), str(counted.property), counted.subject_kinds)
            unit, dimension, end = noun.unit, "count", m.end()
        if unit is None and not isinstance(value, tuple) and value > 1:
            # "shot down 37 of the 40 drones": a part, counted in the whole's noun.
            noun = _part_of(text, end, value, rules)
            if noun is not None:
                unit, dimension = noun.unit, "count"
        if unit is None or (end < len(text) and text[end].isalnum()):
            continue  # a bare number ("two officials"), an ordinal or part of a code
        number = (
            match.group("n1")
            if match.group("n2") is None
            else f"{match.group('n1')}-{match.group('n2')}"
        )
        if _YEARISH.match(number) and noun is not None and "," not in number:
            continue  # "in 2023 troops ..." is a year, not 2,023 troops
        start = match.start()
        found.append(
            Quantity(
                offset + start,
                offset + end,
                text[start:end],
                value,
                unit,
                dimension,
                hedge,
                number,
                subject_kinds=noun.kinds if noun else (),
                property=noun.property if noun else None,
            )
        )
    found = _between_ranges(found, text, offset)
    found.extend(_vague(text, rules, offset, found, lowered))
    return sorted(found, key=lambda q: q.start)


_BETWEEN = re.compile(r"(?:\w+\s+)?between\s", re.IGNORECASE)
_AND = re.compile(r"\s+and\s+")


def _between_ranges(found: list[Quantity], text: str, offset: int) -> list[Quantity]:
    """ "between 250 billion yen and 320 billion yen": one range, its unit written at both
    ends (the core pattern joins ends only when the unit comes once, after the second)."""
    out: list[Quantity] = []
    for q in found:
        last = out[-1] if out else None
        if (
            last is not None
            and not isinstance(last.value, tuple)
            and not isinstance(q.value, tuple)
            and q.unit == last.unit
            and q.dimension == last.dimension
            and q.hedge is None
            and _BETWEEN.match(last.text)
            and _AND.fullmatch(text, last.end - offset, q.start - offset)
        ):
            out[-1] = replace(
                last,
                end=q.end,
                text=text[last.start - offset : q.end - offset],
                value=(last.value, q.value),
                number=f"{last.number}-{q.number}",
            )
            continue
        out.append(q)
    return out


def _measure_after(
    text: str, end: int, match: re.Match[str], rules: QuantityRules
) -> re.Match[str] | None:
    """The unit right after a number, or after its scale and an "of" ("9,5 million of
    crowns": a translation keeps the "of" of "milhões de")."""
    m = rules.measure.match(text, end)
    if m is None and match.group("s1") and _SCALE_OF.match(text, end):
        m = rules.measure.match(text, end + 3)
    return m


def _vague(
    text: str, rules: QuantityRules, offset: int, found: list[Quantity], lowered: str | None
) -> list[Quantity]:
    """ "thousands of troops": reported as skipped, because no number can be checked."""
    out = []
    runs = rules.vague_runs if lowered is not None else None
    lowered = lowered if rules.vague_lower is not None else None
    for match in _matches(rules.vague, rules.vague_lower, text, lowered, runs):
        m = rules.measure.match(text, match.end()) or rules.counted.match(text, match.end())
        if m is None or any(q.start <= offset + match.start() < q.end for q in found):
            continue
        out.append(
            Quantity(
                offset + match.start(),
                offset + m.end(),
                text[match.start() : m.end()],
                0.0,
                None,
                None,
                None,
                match.group("vague"),
                skip=f"vague amount '{match.group('vague')}' has no number to check",
            )
        )
    return out
