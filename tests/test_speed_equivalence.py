"""The fast paths of extraction give exactly what the plain ones they replace give.

Each speed-up keeps a slower, obvious way of getting the same result; these tests compare
the two on tricky and on random input (fixed seeds). No timing is asserted anywhere.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import math
import random
import re
from collections.abc import Mapping
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from generator.extract import (
    casefast,
    dates,
    entities,
    merge,
    names,
    positions,
    quantities,
    similarity,
)
from generator.extract.firstchar import by_first_char, word_start_union
from generator.extract.knowledge import NAME, build_knowledge, name_behind, searcher
from generator.extract.merge import _json_hash
from generator.extract.needles import holds, pieces, tail
from generator.extract.quotes.speakers import _Cover
from generator.extract.store import ArticleCache, BaseEntry, State
from generator.fastyaml import _document_text, dump_fast
from generator.lexicon import load_lexicon
from generator.schemafast import _finite, _is_type, compile_schema

ROOT = Path(__file__).resolve().parent.parent
LEXICON = ROOT / "data" / "lexicon"


def _garble_regexes(lexicon: Any) -> list[str]:
    """The lexicon's debris and calque patterns: many real patterns to test fast paths on."""
    garble = lexicon.data["garble"]
    return [*garble["patterns"], *garble.get("calques", [])]


def _random_texts(pieces: list[str], count: int, seed: int, longest: int = 14) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(1, longest)))
        for _ in range(count)
    ]


def test_text_writer_matches_libyaml_on_breaks_dots_floats_and_long_lines() -> None:
    pieces = ["word", " ", "  ", "\n", "\n\n", "'", '"', ": ", " #", ".", "...", "é", "“x”"]
    pieces += ["long" * 30, "a b " * 30, "-", "1.5", "no", "null"]
    texts = _random_texts(pieces, 600, seed=11)
    texts += [". The rest", ".5", ".inf", "... and", "Title line\nLONDON -- body " * 5]
    for text in texts:
        for value in (text, 271459999999.99997, 0.1):
            doc = {
                "claims": [
                    {
                        "id": "x",
                        "text": value,
                        "citations": [{"source": "s", "quote": value, "start": 0}],
                        "aliases": [value],
                    }
                ]
            }
            assert _document_text(doc) == dump_fast(doc), repr(value)


def test_lower_cased_negations_find_what_the_case_blind_pattern_finds() -> None:
    rules = similarity.build_similarity_rules(
        {"contradiction_cues": {"negations": ["not", "No", "n't", "yet to", "never"]}}, []
    )
    assert rules.negation is not None and rules.negation_lower is not None
    pieces = ["NOT", "Not", "no", "No.", "nobody", "don't", "DON’T", "yet to", "Yet  to", "never"]
    pieces += ["x", "-", "’", "\u00a0", "ı", "ſ", "K", "é", "Ünot"]
    for text in _random_texts(pieces, 2000, seed=12):
        expected = rules.negation.sub(" ", text).casefold()
        assert similarity._negations_blanked(text, rules) == expected, repr(text)
        plain = text.casefold() if similarity._PLAIN.fullmatch(text) else None
        count = similarity._negation_count(text, plain, rules)
        assert count == len(rules.negation.findall(text)), repr(text)


def test_contradiction_by_opposite_words_is_the_pairwise_test() -> None:
    data = {"contradiction_cues": {"opposites": [["approved", "rejected"], ["rose", "fell"]]}}
    rules = similarity.build_similarity_rules(data, [])
    words = ["approved", "rejected", "rose", "fell", "the", "plan", "prices"]
    texts = _random_texts(words, 300, seed=13, longest=5)
    for a in texts:
        for b in texts[:40]:
            _, words_a, _ = similarity._cues(a, rules)
            _, words_b, _ = similarity._cues(b, rules)
            expected = any(
                rules.opposites.get(w, frozenset()) & (words_b - words_a) for w in words_a - words_b
            )
            assert similarity.contradict(a, b, rules) == expected, (a, b)


def test_quantity_patterns_match_the_same_on_lower_cased_text() -> None:
    lexicon, problems = load_lexicon(LEXICON)
    assert not problems
    rules = quantities.build_rules(lexicon.data)
    assert rules.core_lower is not None and rules.vague_lower is not None
    pieces = ["About", "NEARLY", "between", "And", "to", "US$", "$", "€", "5", "1,000", "2.5"]
    pieces += ["Million", "BILLION", "m", "bn", "Three", "twenty-FOUR", "-", "–", "troops"]
    pieces += ["Dozens of", "THOUSANDS OF", "km", ".", ",", "ı", "K"]
    for text in _random_texts(pieces, 3000, seed=14):
        for pattern, lower in ((rules.core, rules.core_lower), (rules.vague, rules.vague_lower)):
            expected = [(m.span(), m.groups()) for m in pattern.finditer(text)]
            found = [(m.span(), m.groups()) for m in quantities._matches(pattern, lower, text)]
            assert found == expected, repr(text)


def test_search_only_garble_patterns_match_where_the_lexicon_patterns_do() -> None:
    lexicon, problems = load_lexicon(LEXICON)
    assert not problems
    patterns = [re.compile(p) for p in _garble_regexes(lexicon)]
    patterns += [re.compile(r"(?<!was )\binformed that\b"), re.compile(r"\b(\w+) \1\b")]
    pieces = ["the", "the the", "It was.", "informed that", "was informed that", ". .", ".."]
    pieces += ["In the same time", "more of tanks", "to attack on the", "x", "I", "T", ","]
    texts = _random_texts(pieces, 1500, seed=15)
    for pattern in patterns:
        fast = searcher(pattern)
        for text in texts:
            a, b = pattern.search(text), fast.search(text)
            assert (a is None) == (b is None), (pattern.pattern, text)
            if a is not None and b is not None:
                assert (a.start(), a.groups()) == (b.start(), b.groups())


def test_cover_is_any_span_holding_the_position() -> None:
    rng = random.Random(16)
    for _ in range(300):
        spans = []
        for _ in range(rng.randint(0, 8)):
            start = rng.randint(0, 60)
            spans.append((start, start + rng.randint(0, 15)))
        cover = _Cover(spans)
        for pos in range(-1, 80):
            assert cover.covers(pos) == any(s <= pos < e for s, e in spans), (spans, pos)


def test_cache_entries_round_trip_without_leftovers(tmp_path: Path) -> None:
    cache = ArticleCache(tmp_path / "cache")
    cache.put_text("ab" + "0" * 62, b'{"claims":[]}')
    cache.put_text("ab" + "0" * 62, b'{"claims":[{"id":"x"}]}')  # replaced
    assert cache.get("ab" + "0" * 62) == {"claims": [{"id": "x"}]}
    assert [p.name for p in (tmp_path / "cache").rglob("*") if p.is_file()] == [
        "ab" + "0" * 62 + ".json"
    ]


def test_capital_first_name_patterns_match_as_their_lookbehind_first_forms() -> None:
    plain = {
        names.weapons._DESIGNATION: re.compile(
            r"(?<![\w-])[A-Z][A-Za-z]{0,3}-\d{1,4}[A-Z]?(?![\w-])"
        ),
        names.acronyms._ACRONYM: re.compile(r"(?<![\w.-])[A-Z]{3,6}(?![\w.-])"),
        entities._CAP_TOKEN: re.compile(
            r"(?<![\w.’'-])[A-Z][a-z\u00df-\u024f]{3,}(?:-[A-Z][a-z]+)?(?![\w-])"
        ),
    }
    pieces = ["F-16", "MGM-140", "G-7", "NATO", "U.S.", "ABCDEFG", "-", ".", "x", "Ab-1", "é"]
    pieces += ["ATACMS", "(NIS)", "1", "HIMARS-2", "_", "’", "Kyiv", "Ab-Cd", "Zelenskyy", "'"]
    for text in _random_texts(pieces, 2000, seed=17):
        for start in (0, 1, 3):
            for fast, slow in plain.items():
                expected = [m.span() for m in slow.finditer(text, start)]
                assert [m.span() for m in fast.finditer(text, start)] == expected, repr(text)


def test_first_character_form_finds_the_spans_of_the_original() -> None:
    patterns = [
        r"\b(?:(?:very |only )?limited|lift(?:ed|s)? (?:the )?ban|(?:will|would) not (?:\w+ )?go)",
        r"\b(?:a+b|a*c|ab??c|(?:ab|a)b{1,2}|x(?:y|z)+?w|[a-c]x|b[^x]y|a.b)",
        r"(?<![\w-])(?:no|not|n[’']t)\b(?:\s+\w+){0,2}\s+(?:a )?(?:game[- ]?changer|panacea)",
        r"\b(?:ab|a)(?:bc|b)(?=c)|\b(?:ba|b)(?!c)a",
        r"(?:a)?a[a-c]*|(?:ab){0,2}?a|(?:b|bc){1,3}c?|(?:c|ca)+?a",
        r"\b(?:(?<!x )a[bc]+|(?<=y )(?<!zy )(?:b|ab)|(?:(?<!c)a)?(?<=[ab])b)",
        # \b opening a branch, before a word character and before any other
        r"\b(?:(?:x)?\bthe|an)",
        r"(?:\b(?:a|ab) (?:c|x)\b(?!')|(?:a)?\b-b|\bx'?s|(?:y )?\b(?: |-)z)",
        # many alternatives under one first character: dispatched again on the next ones
        r"\b(?:sab|[sa]b|s(?:a|b)c|sb+|sc|s[ab]d|sa\b|sabc|sc ab|s-a|s- ?b|ss|sb?c\b)",
        r"\b(?:sab|[sa]b|s(?:a|b)c|sb+|sc|s[ab]d|sa\b|sa?|sabc|s(?=b)bca|sc ab|s-a|s- ?b)",
        r"(?:ab|[ab]c|ab?b|a(?:b|c)+?a|a\bb|ab(?!c)|abc\b|a b|a-b|b)(?:c|bb|)",
    ]
    pieces = ["a", "b", "c", "x", "y", "z", "w", " ", "-", "very ", "only ", "limited", "lift"]
    pieces += ["ed", "s", "the ", "ban", "will", "would", "not", "go", "n’t", "n't", "game"]
    pieces += ["changer", "game-changer", "panacea", "no", "\n", "ab", "bc", "'", "the", "an"]
    pieces += ["s", "sa", "sb", "sc", "abc"]
    texts = _random_texts(pieces, 3000, seed=18)
    for source in patterns:
        pattern = re.compile(source)
        fast = by_first_char(pattern)
        assert fast is not None, source
        for text in texts:
            expected = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in fast.finditer(text)] == expected, (source, text)


def test_first_character_form_refuses_what_it_cannot_rewrite_exactly() -> None:
    for source, flags in [
        (r"\b(\w+) \1", 0),  # a back-reference
        (r"\b(?:\w+ly|very) good", 0),  # may begin with any word character
        (r"\b(?:a|b)", re.IGNORECASE),
        (r"\b(?:(?:x)?\Bthe|an)", 0),  # a zero-width test other than \b after the start
        (r"\b(?:(?:a|)*b)", 0),  # a repeat of what may match nothing
    ]:
        assert by_first_char(re.compile(source, flags)) is None, source


def _stance_topic() -> positions.topics._Topic:
    lexicon, problems = load_lexicon(LEXICON)
    assert not problems
    topic = positions.topics._topic_rules(build_knowledge(lexicon, []))
    assert topic.every is not None and topic.first is not None
    return topic


def _cue_texts(topic: positions.topics._Topic, seed: int) -> list[str]:
    """Random runs of the cues' own words, and the fixtures' sentences as they are, in
    capitals, and with letters that case-blind re matches to ASCII ones (ı, ſ, K)."""
    words = re.findall(r"[a-z’'-]+", topic.lower.pattern if topic.lower else "")
    words += ["Ukraine", "ATACMS", "“", "”", "’", "—", "ı", "K", "ſ", "é", ",", ".", "\u00a0"]
    texts = _random_texts(sorted(set(words)), 3000, seed=seed, longest=10)
    rng = random.Random(seed)
    for folder in ("articles", "blind/articles", "blind2/articles", "hostile/articles"):
        for path in sorted((ROOT / "tests" / "fixtures" / folder).glob("*.txt")):
            for sentence in re.split(r"(?<=[.!?”])\s+", path.read_text("utf-8")):
                texts += [sentence, sentence.upper(), sentence.replace("'", "’")]
                swap = rng.choice([("i", "ı"), ("s", "ſ"), ("k", "K"), ("e", "é")])
                texts.append(sentence.replace(*swap, 1))
    return texts


def _cue_matches_plainly(
    text: str, start: int, end: int, topic: positions.topics._Topic
) -> list[tuple[tuple[int, int], str | None]]:
    """The cues as they were found before the first-character form: ASCII sentences
    lower-cased, any other with the case-blind pattern."""
    assert topic.every is not None and topic.lower is not None
    span = text[start:end]
    if span.isascii():
        found = topic.lower.finditer(span.lower())
        return [((m.start() + start, m.end() + start), m.lastgroup) for m in found]
    return [(m.span(), m.lastgroup) for m in topic.every.finditer(text, start, end)]


def test_no_stance_cue_holds_a_lookbehind() -> None:
    # One lookbehind in one cue made every sentence's cue search four times slower (the
    # first-character twin cannot skip ahead): write the cue without it.
    topic = _stance_topic()
    assert not topic.behind, [
        c
        for table in ("stance_cues", "topic_stance_cues")
        for cues in (load_lexicon(LEXICON)[0].data.get(table) or {}).values()
        for c in cues or []
        if "(?<" in str(c)
    ]


def test_stance_cues_are_found_as_the_case_blind_pattern_finds_them() -> None:
    topic = _stance_topic()
    for n, text in enumerate(_cue_texts(topic, seed=19)):
        padded = ["x ", "x", "’"][n % 3] + text + " y"
        start, end = len(padded) - len(text) - 2, len(padded) - 2
        expected = _cue_matches_plainly(padded, start, end, topic)
        found = [((a, b), g) for a, b, g in positions.cues._cue_matches(padded, start, end, topic)]
        assert found == expected, repr(padded)


def test_union_of_word_start_patterns_matches_where_one_of_them_does() -> None:
    lexicon, problems = load_lexicon(LEXICON)
    assert not problems
    patterns = [re.compile(p) for p in _garble_regexes(lexicon)]
    patterns += [re.compile(r"(?<!x )\b(?:ab|a)c\b"), re.compile(r"\b[Yy]z(?!a)")]
    dotall = re.compile(r"\bx.y", re.DOTALL)  # the union has no flags: left out
    union, left = word_start_union([*patterns, dotall])
    assert union is not None and dotall in left
    joined = [p for p in patterns if p not in left]
    assert len(joined) > 20
    # Runs of each pattern's own words, in its order, between random neighbours.
    rng = random.Random(20)
    around = ["", "x ", "was ", "and ", "é", "—", ". ", ", ", "The ", "a", "Ab"]
    texts = []
    for pattern in joined:
        words = re.findall(r"[A-Za-z’']+|[,.]", pattern.pattern.replace("\\b", " "))
        for _ in range(150):
            at = rng.randrange(len(words))
            run = " ".join(words[at : at + rng.randint(1, 6)])
            texts.append(rng.choice(around) + run + rng.choice(["", ".", " x", "s is", " of"]))
    for folder in ("articles", "blind/articles", "blind2/articles", "hostile/articles"):
        for path in sorted((ROOT / "tests" / "fixtures" / folder).glob("*.txt")):
            texts += re.split(r"(?<=[.!?”])\s+", path.read_text("utf-8"))
    hits = 0
    for text in texts:
        expected = any(p.search(text) for p in joined)
        hits += expected
        assert (union.search(text) is not None) == expected, repr(text)
    assert hits > 500


def test_name_with_its_test_after_the_capital_matches_as_the_lookbehind_first_form() -> None:
    for behind in (r"[\w.]", r"\w", "-"):
        plain = re.compile(rf"(?<!{behind})(?P<name>{NAME})(?:,|\s+(?:said|told)\b)")
        fast = re.compile(rf"{name_behind(behind)}(?:,|\s+(?:said|told)\b)")
        pieces = ["Anna", "Smith", "K.", " ", ", ", "said", "told", ".", "x", "-", "O’Neil"]
        pieces += ["Jean-Luc", "é", "\n", "McX", "A"]
        for text in _random_texts(pieces, 2000, seed=21):
            for start in (0, 1, 4):
                expected = [(m.span(), m.groupdict()) for m in plain.finditer(text, start)]
                found = [(m.span(), m.groupdict()) for m in fast.finditer(text, start)]
                assert found == expected, (behind, text)


def test_pieces_and_tails_never_turn_away_a_text_the_pattern_matches_in() -> None:
    lexicon, problems = load_lexicon(LEXICON)
    assert not problems
    patterns = [re.compile(p) for p in _garble_regexes(lexicon)]
    patterns += [
        re.compile(r"^(?=.*?s (?:is|was|has)\b)x?"),
        re.compile(r"(?<=\b(?:of|in) )Duma(?=\sof)[^.!?]$"),
        re.compile(r"\s(?:an|the|x)\.$"),
        re.compile(r"ab(?:cd|)ef.*not"),
    ]
    rng = random.Random(22)
    texts: list[str] = []
    for pattern in patterns:
        words = re.findall(r"[A-Za-z’']+|[,.]", pattern.pattern.replace("\\b", " "))
        for _ in range(150):
            at = rng.randrange(len(words))
            run = " ".join(words[at : at + rng.randint(1, 6)])
            end = rng.choice(["", ".", " x", "s is", " not", ".\n", " an.", "abef not", "!"])
            texts.append(rng.choice(["", "x ", "Duma ", "of ", "The "]) + run + end)
    with_pieces = with_tail = 0
    for pattern in patterns:
        groups, last = pieces(pattern), tail(pattern)
        with_pieces += bool(groups)
        with_tail += last is not None
        for text in texts:
            found = pattern.search(text) is not None
            if found:
                assert holds(text, groups), (pattern.pattern, text)
            if last is not None:
                assert (pattern.search(text, max(0, len(text) - last)) is not None) == found
    assert with_pieces > 20 and with_tail >= 3


def test_case_blind_patterns_match_as_their_lower_case_twins_find() -> None:
    lexicon, problems = load_lexicon(LEXICON)
    assert not problems
    k = build_knowledge(lexicon, [])
    patterns = [
        k.speech_verb,
        k.weapon_head,
        k.alias_any_case,
        positions.topics._topic_rules(k).words,
    ]
    patterns += [re.compile(r"(?<![\w-])(?P<w>said|told)(?:\s+(?P<n>[A-Z]\w+))?", re.IGNORECASE)]
    patterns += [k.alias_exact, re.compile(r"(?<![\w.])(?:Said|K\.|Anna(?: Smith)?)(?!\w)")]
    patterns += [dates.date_rules_for(lexicon.data).future]  # searched with its twin
    twins = [p for p in patterns if p is not None and casefast.twin(p) is not None]
    assert len(twins) == len(patterns)
    words = sorted({w for p in twins for w in re.findall(r"[a-z]+", p.pattern)})
    words += ["SAID", "Said", "ı", "ſ", "K", "é", "“", "—", "-", " ", ". ", "Anna", "x"]
    texts = _random_texts(words, 1500, seed=23, longest=8)
    for folder in ("articles", "hostile/articles"):
        for path in sorted((ROOT / "tests" / "fixtures" / folder).glob("*.txt")):
            texts.append(path.read_text("utf-8"))
    for text in texts:
        for pattern in twins:
            for pos, endpos in ((0, None), (2, len(text) - 3), (5, 40)):
                expected = [
                    (m.span(), m.groups()) for m in pattern.finditer(text, pos, endpos or len(text))
                ]
                found = [
                    (m.span(), m.groups()) for m in casefast.finditer(pattern, text, pos, endpos)
                ]
                assert found == expected, (pattern.pattern[:40], text[:80])
                spans = list(casefast.spans(pattern, text, pos, endpos))
                assert spans == [span for span, _groups in expected], pattern.pattern[:40]
    for source in (r"(?-i:A)b", r"ſtrike", r"\u017ftrike"):  # case-blindness off; ſ ~ s
        assert casefast.twin(re.compile(source, re.IGNORECASE)) is None, source


def test_only_the_listed_characters_fold_to_ascii_and_plain_marks_have_no_case() -> None:
    letters = re.compile("[a-z]", re.IGNORECASE)
    folding = {chr(n) for n in range(128, 0x110000) if letters.fullmatch(chr(n))}
    assert folding == set(casefast._FOLDS_TO_ASCII)
    marks = [chr(n) for n in range(128, 0x2030) if quantities.PLAIN.fullmatch(chr(n))]
    assert marks and all(m.lower() == m == m.upper() for m in marks)
    for mark in marks:
        assert re.fullmatch(re.escape(mark), mark.upper(), re.IGNORECASE)
        assert not any(re.fullmatch(re.escape(mark), a, re.IGNORECASE) for a in "aAsSkKiI")


_ODD_TEXTS = [
    "",
    "a",
    'say "no"',
    "back\\slash",
    "tab\there",
    "line\nbreak",
    "é ü",
    "“x”",
    "\x00",
    "\u2028",
]


def _random_entry(rng: random.Random) -> BaseEntry:
    def text() -> Any:
        return rng.choice([*_ODD_TEXTS, "abc" * rng.randint(0, 3)])

    def offset() -> Any:  # a bool is an int to isinstance: json writes it `true`
        return rng.choice([rng.randint(-5, 10**6), True, False, 0])

    spans: Any = [(text(), offset(), offset(), text()) for _ in range(rng.randint(0, 3))]
    if rng.random() < 0.1:
        spans.append(rng.choice([[text(), 1, 2, text()], (text(), 1, 2), (1, 2, 3, "q")]))
    aliases = rng.choice([None, [], [text() for _ in range(rng.randint(1, 3))], [1, "x"], ("x",)])
    return BaseEntry(rng.choice([text(), "0" * 64, 5]), spans, aliases)


def test_state_entries_are_the_json_the_encoder_writes() -> None:
    """`BaseEntry.json_text` writes usual entries itself: the same text json.dumps gives."""
    rng = random.Random(5)
    for _ in range(3000):
        entry = _random_entry(rng)
        plain = json.dumps(entry.to_json(), ensure_ascii=False)
        assert entry.json_text() == plain, entry
        json.loads(plain)
    state = State(base={"claims": {'c"1': _random_entry(rng), "c2": _random_entry(rng)}})
    state.pending = [{"events": {"é": _random_entry(rng)}}]
    raw = json.loads(state.to_text())
    assert raw["base"] == {c: {i: e.to_json() for i, e in v.items()} for c, v in state.base.items()}


def test_item_hashes_are_those_of_json_dumps() -> None:
    rng = random.Random(6)
    for _ in range(500):
        item = {
            rng.choice([*_ODD_TEXTS, "id", "b", "a"]): rng.choice(
                [*_ODD_TEXTS, 1, 1.5, None, True, [1, "é"], {"z": 1, "a": [2]}]
            )
            for _ in range(rng.randint(0, 6))
        }
        text = json.dumps(item, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        assert _json_hash(item) == hashlib.sha256(text.encode("utf-8")).hexdigest()


def _finite_plainly(value: Any) -> bool:
    if isinstance(value, dict):
        return all(_finite_plainly(v) for v in value.values())
    if isinstance(value, list):
        return all(_finite_plainly(v) for v in value)
    return not (isinstance(value, float) and math.isfinite(value) is False)


def _random_value(rng: random.Random, depth: int = 0) -> Any:
    leaves: list[Any] = ["x", 1, True, None, 1.5, math.inf, -math.inf, math.nan, (math.inf,), 2**70]
    if depth > 3 or rng.random() < 0.4:
        return rng.choice(leaves)
    items = [_random_value(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    kind = rng.choice([dict, list, CommentedMap, CommentedSeq])
    if kind is dict or kind is CommentedMap:
        return kind((f"k{i}", v) for i, v in enumerate(items))
    return kind(items)


def test_finite_walk_finds_every_infinity_and_nan() -> None:
    rng = random.Random(7)
    values = [_random_value(rng) for _ in range(3000)]
    assert any(_finite(v) for v in values) and not all(_finite(v) for v in values)
    for value in values:
        assert _finite(value) == _finite_plainly(value), value


def test_type_required_and_number_checks_are_the_plain_tests() -> None:
    """`type` lists, `required` on plain dicts and the number keywords, as compiled."""
    values: list[Any] = ["", "x", 0, 1, -1, 1.0, 1.5, math.inf, True, False, None, [], [1], {}]
    values += [{"a": 1}, {"a": 1, "b": 2}, CommentedMap([("a", 1), ("b", 2)]), CommentedSeq([1])]
    names = ["string", "integer", "number", "null", "boolean", "object", "array"]
    rng = random.Random(8)
    for _ in range(300):
        chosen = rng.sample(names, rng.randint(0, 4))
        check = compile_schema({"type": chosen})
        for value in values:
            plain = _finite_plainly(value) and any(_is_type(value, n) for n in chosen)
            assert check(value) == plain, (chosen, value)
    for required in ([], ["a"], ["a", "b"], ["c"]):
        check = compile_schema({"required": required})
        for value in values:
            plain = not isinstance(value, dict) or all(k in value for k in required)
            assert check(value) == (_finite_plainly(value) and plain), (required, value)
    for keyword in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        check = compile_schema({keyword: 1})
        for value in values:
            number = _is_type(value, "number")
            plain = not number or {
                "minimum": lambda v: v >= 1,
                "maximum": lambda v: v <= 1,
                "exclusiveMinimum": lambda v: v > 1,
                "exclusiveMaximum": lambda v: v < 1,
            }[keyword](value)
            assert check(value) == (_finite_plainly(value) and plain), (keyword, value)


def test_text_writer_writes_ints_as_libyaml_does() -> None:
    """Ints are written inline by `_TextWriter.mapping` (bools, an int subclass, are not)."""
    values: list[Any] = [0, -1, 7, 10**30, -(10**20), True, False, 1.0, "1", None]
    rng = random.Random(9)
    for _ in range(300):
        item = {k: rng.choice(values) for k in ("id", "start", "end", "count")}
        item["citations"] = [{"source": "s", "start": rng.choice(values), "end": 5}]
        doc = {"claims": [item, {"id": rng.choice(values), "n": {"deep": rng.choice(values)}}]}
        assert _document_text(doc) == dump_fast(doc), doc


# ============================================================================================
# Per-article extraction speed-ups (word gates, first-character twins, per-article memos).
# Each fast path is compared with the plain one it replaces; see each module's comments.
# ============================================================================================


def _fixture_sentences() -> list[str]:
    """The sentences of the fixture articles (plain and hostile), as extraction splits them."""
    from generator.extract.sentences import split_sentences
    from tests._extract_support import fixtures, knowledge, seeds

    k = knowledge()
    out = []
    for source in [*seeds().values(), *fixtures().values()]:
        out += [source.text[s.start : s.end] for s in split_sentences(source, k.split)]
    for path in sorted((ROOT / "tests" / "fixtures" / "hostile" / "articles").glob("*.txt")):
        out += path.read_text("utf-8").split(". ")
    return out


def _name_texts(seed: int, count: int = 1500) -> list[str]:
    """Random sentences of speech verbs, roles, titles, weapon heads and names."""
    k = build_knowledge(load_lexicon(LEXICON)[0], [])
    rng = random.Random(seed)
    words = [*k.word_set("speech_verbs"), *k.word_set("role_nouns"), *k.weapon_heads]
    words = [*[w for w in words if w][:400], "told reporters", "Said", "SAID", "Minister"]
    words += ["Anna Smith", "Jan Novak", "Kelin", ",", ", the", "--", "of", "the", "Gen.", "ı"]
    words += ["drones", "Storm Shadow", "F-16", "administer", "unsaid", "spokes-", "-said", "é"]
    return [
        " ".join(rng.choice(words) for _ in range(rng.randint(1, 12))) + rng.choice([".", ""])
        for _ in range(count)
    ]


def test_word_gates_never_close_on_a_sentence_a_guarded_name_pattern_matches() -> None:
    """`names.gate_open` by whole words (`wordgate`) is stricter than the substring search
    it replaced, but still open wherever the pattern it guards can match: the finders give
    what they give with every gate open."""
    from dataclasses import replace

    k = build_knowledge(load_lexicon(LEXICON)[0], [])
    assert all(k.gate_runs[g] for g in ("verbs", "roles", "heads"))
    ungated = replace(k, gates={}, gate_runs={})
    guarded = {
        "verbs": [k.name_before_verb, k.name_after_verb],
        "roles": [k.role_name, names.people._role_apposition(k)],
        "heads": [k.weapon_head],
    }
    closed = 0
    for text in _name_texts(seed=31) + _fixture_sentences():
        lower = None if any(c in text for c in names.gates._FOLDS_TO_ASCII) else text.lower()
        for gate, patterns in guarded.items():
            if not names.gate_open(k, gate, text, lower):
                closed += 1
                assert not any(p and p.search(text) for p in patterns), (gate, text)
        assert _candidates(text, k) == _candidates(text, ungated), text
    assert closed > 1000  # the gates do close


def _candidates(text: str, k: Any) -> list[tuple[str, str, str, Any, Any]]:
    found = names.discover(text, 0, len(text), k)
    return [(c.kind, c.category, c.name, c.aliases, c.description) for c in found]


def test_word_gate_runs_refuse_words_that_are_no_whole_words() -> None:
    from generator.extract.wordgate import first_runs, longest_runs, words_of

    assert first_runs(["said", "told reporters", "d'apres"]) == {"said", "told", "d"}
    assert first_runs(["said", "-said"]) is None and first_runs(["", "x"]) is None
    assert longest_runs(["a dozen", "twenty-one"]) == {"dozen", "twenty"}
    assert longest_runs(["x", "--"]) is None
    assert words_of("the x-ray’s, ok") == {"the", "x", "ray", "s", "ok"}


def test_body_patterns_through_their_twins_find_what_they_find() -> None:
    """Institutions, forces, adjectives and other names are searched by their first-
    character twins (`casefast`); "the defence ministry in <capital>" opens with its T."""
    from generator.extract.entitycues import entity_rules

    k = build_knowledge(load_lexicon(LEXICON)[0], [])
    rules = entity_rules(k)
    patterns = [rules.institutions, rules.forces, rules.adjective, rules.other_names]
    assert all(p is not None and casefast.twin(p) is not None for p in patterns)
    assert rules.in_capital is not None
    old = re.compile(rules.in_capital.pattern.replace(r"[Tt](?<!\w[Tt])he", r"\b[Tt]he", 1))
    assert old.pattern != rules.in_capital.pattern
    words = [*list(rules.demonym_of)[:60], *list(rules.country_of)[:60], *rules.capitals]
    words += [*list(rules.institution_category), "’s", "'s", "troops", "aid", "-flagged"]
    words += ["The", "the", "xThe", "in", ".", "-", "New Mexico", "Equatorial Guinea", "é"]
    texts = _random_texts(words, 1500, seed=32, longest=8) + _fixture_sentences()
    for text in texts:
        for pos, endpos in ((0, len(text)), (3, len(text) - 2), (1, 30)):
            for pattern in patterns:
                assert pattern is not None
                expected = [(m.span(), m.groups()) for m in pattern.finditer(text, pos, endpos)]
                found = casefast.finditer(pattern, text, pos, endpos)
                assert [(m.span(), m.groups()) for m in found] == expected, text
            expected = [(m.span(), m.groups()) for m in old.finditer(text, pos, endpos)]
            found = rules.in_capital.finditer(text, pos, endpos)
            assert [(m.span(), m.groups()) for m in found] == expected, text


def test_quantities_skip_only_texts_without_a_digit_or_a_number_word() -> None:
    from dataclasses import replace

    lexicon, _problems = load_lexicon(LEXICON)
    rules = quantities.build_rules(lexicon.data)
    assert rules.core_runs and rules.vague_runs
    plain = replace(rules, core_runs=None, vague_runs=None)
    pieces = ["About", "nearly", "between", "and", "to", "$", "5", "1,000", "Million", "m"]
    pieces += ["Three", "twenty-FOUR", "Twenty", "a dozen", "half a dozen", "-", "troops"]
    pieces += ["dozens of", "THOUSANDS OF", "several", "km", ".", ",", "someone", "often"]
    pieces += ["٣", "ı", "tanks", "one", "the"]
    texts = _random_texts(pieces, 3000, seed=33) + _fixture_sentences()
    skipped = 0
    for text in texts:
        fast, slow = (
            quantities.find_quantities(text, rules),
            quantities.find_quantities(text, plain),
        )
        assert fast == slow, repr(text)
        skipped += not slow
    assert skipped > 100


def test_dates_found_again_are_the_dates_found_first() -> None:
    import datetime as dt

    from generator.extract import dates
    from tests._extract_support import lexicon

    rules = dates.date_rules_for(lexicon().data)
    day = dt.date(2024, 3, 5)
    for text in _fixture_sentences():
        first = dates.find_dates(text, day, rules, 7)
        first.append(None)  # type: ignore[arg-type]  # a caller changing its list
        assert dates.find_dates(text, day, rules, 7) == dates._find_dates(text, day, rules, 7)
        assert dates.find_dates(text, day, rules, 8) == dates._find_dates(text, day, rules, 8)


def test_mentions_of_a_sentence_by_bisection_are_the_filtered_ones() -> None:
    from generator.extract.claims import _mentions_by_sentence
    from generator.extract.entities import Mention

    rng = random.Random(34)
    for _ in range(300):
        spans = [(rng.randint(0, 200), rng.randint(1, 9)) for _ in range(rng.randint(0, 25))]
        mentions = [Mention(f"e{i}", s, s + w, "x") for i, (s, w) in enumerate(spans)]
        if rng.random() < 0.7:
            mentions.sort(key=lambda m: m.start)
        inside = _mentions_by_sentence(mentions)
        for _ in range(20):
            start = rng.randint(0, 210)
            end = start + rng.randint(0, 60)
            assert inside(start, end) == [m for m in mentions if start <= m.start < end]


def test_garble_verdicts_asked_lazily_are_the_eager_ones() -> None:
    """Claims, figures and events ask for a sentence's verdict only when they make an item
    of it: the flags are those of asking every sentence in order."""
    from generator.extract import claims
    from generator.extract.article import extract_article
    from generator.extract.sentences import split_sentences
    from tests._extract_support import fixtures, knowledge

    k = knowledge()
    for source in fixtures().values():
        result = extract_article(source, k)
        sentences = split_sentences(source, k.split)
        flagged = {(s.start, s.end) for s in claims.garbled_sentences(source, sentences, k)}
        for item in result["claims"] + result["figures"] + result["events"]:
            cited = item["citations"][0]
            garbled = (cited["start"], cited["end"]) in flagged
            assert ("garbled" in item.get("flags", [])) == garbled, item["id"]


def _plain_contradict(a: str, b: str, rules: similarity.SimilarityRules) -> bool:
    """`contradict` as first written: every word of both texts, every pair of opposites."""
    negation = rules.negation
    count_a = len(negation.findall(a)) if negation else 0
    count_b = len(negation.findall(b)) if negation else 0
    if count_a % 2 != count_b % 2:
        return True
    words_a = set(similarity._WORD.findall(a.casefold()))
    words_b = set(similarity._WORD.findall(b.casefold()))
    return any(rules.opposites.get(w, frozenset()) & (words_b - words_a) for w in words_a - words_b)


def test_contradiction_cues_keep_only_opposed_words_and_give_the_plain_verdict() -> None:
    """`_cues` keeps only the words that have an opposite (found by a substring test
    first): `contradict` must still answer as with every word of both texts."""
    data = {
        "contradiction_cues": {
            "negations": ["not", "n't", "yet to"],
            "opposites": [["approved", "rejected"], ["rose", "fell"], ["used", "unused"]],
        }
    }
    rules = similarity.build_similarity_rules(data, [])
    pieces = ["approved", "Rejected", "ROSE", "fell", "fellow", "roses", "unused", "used"]
    pieces += ["caused", "disapproved", "the", "not", "don't", "-", "’", "'", "ſ", "K"]
    texts = _random_texts(pieces, 400, seed=21, longest=6)
    for a in texts:
        folded = a.casefold()
        words = frozenset(similarity._WORD.findall(folded))
        assert similarity._opposed_words(folded, rules.opposites) == words & rules.opposites.keys()
        for b in texts[:30]:
            assert similarity.contradict(a, b, rules) == _plain_contradict(a, b, rules), (a, b)


def test_literal_first_negations_match_where_the_word_bounded_ones_do() -> None:
    """`n(?<!\\w.)ot\\b` for `\\bnot\\b`: the same matches, at the start of a text too."""
    negations = ["not", "n't", "n’t", "no", "x", "yet to", "-no", "'tis", "never"]
    parts = similarity._negation_parts(negations)
    plain = re.compile("|".join(parts))
    fast = re.compile("|".join(similarity._literal_first(n) for n in negations), re.DOTALL)
    ascii_only = similarity._lower_negation([n for n in negations if n.isascii()])
    assert ascii_only is not None and "(?<!\\w.)" in ascii_only.pattern
    pieces = ["not", "no", "x", "xx", "yet to", "yet  to", "-no", "a-no", "'tis", "n't", "n’t"]
    pieces += ["don't", "never", "nevermore", "_no", "\n", "é", "9no", " "]
    for text in _random_texts(pieces, 3000, seed=22):
        assert fast.findall(text) == plain.findall(text), repr(text)
        assert fast.sub(" ", text) == plain.sub(" ", text), repr(text)


def _plain_tokens(text: str, rules: similarity.SimilarityRules) -> frozenset[str]:
    blanked = similarity._negations_blanked(similarity._entity_tokens(text, rules), rules)
    found = (similarity._word_token(w, rules) for w in similarity._WORD.findall(blanked))
    return frozenset(t for t in found if t is not None)


def test_tokens_are_the_plain_word_tokens() -> None:
    data = {
        "synonyms": [["approve", "endorse"]],
        "similarity_stopwords": ["the", "said"],
        "contradiction_cues": {"negations": ["not"], "opposites": [["rose", "fell"]]},
    }
    entities = [{"id": "kyiv", "name": "Kyiv", "aliases": ["Kiev"]}]
    rules = similarity.build_similarity_rules(data, entities)
    pieces = ["Kyiv", "kiev", "the", "said", "approved", "endorsed", "not", "rose", "go", "é"]
    for text in _random_texts(pieces, 500, seed=23):
        assert similarity.tokens(text, rules) == _plain_tokens(text, rules), repr(text)


def _plain_item_spans(item: Any) -> list[Any]:
    cites = list(item.get("citations") or [])
    if isinstance(item.get("citation"), Mapping):
        cites.append(item["citation"])
    spans = set()
    for cite in cites:
        if not isinstance(cite, Mapping):
            continue
        start, end = cite.get("start"), cite.get("end")
        if isinstance(start, int) and isinstance(end, int):
            quote = hashlib.sha256(str(cite.get("quote", "")).encode("utf-8")).hexdigest()[:16]
            spans.add((str(cite.get("source")), start, end, quote))
    return sorted(spans)


def test_item_spans_are_the_plain_spans() -> None:
    """`item_spans` tests plain dicts first and keeps quote digests: the same spans."""
    rng = random.Random(24)
    values: list[Any] = [None, 0, 5, True, "3", 1.0, "q", "é", 7]
    for _ in range(2000):
        cites = []
        for _ in range(rng.randint(0, 4)):
            raw = {k: rng.choice(values) for k in ("source", "start", "end", "quote")}
            raw = {k: v for k, v in raw.items() if rng.random() < 0.9}
            cites.append(rng.choice([dict, CommentedMap])(raw) if rng.random() < 0.9 else "x")
        item: dict[str, Any] = {"id": "i"}
        if rng.random() < 0.7:
            item["citations"] = cites
        if rng.random() < 0.4:
            item["citation"] = rng.choice([*cites, {"start": 1, "end": 2}, "odd", None])
        assert merge.item_spans(item) == _plain_item_spans(item), item


# --- Speed round (helper g): garble checks, needles tail pieces, date gates -------------


def test_pieces_keep_the_run_that_ends_the_pattern() -> None:
    """A run of literals at the very end of a pattern is a piece too."""
    assert pieces(re.compile(r"n the meantime of\b")) == (("n the meantime of",),)
    assert pieces(re.compile(r"abc")) == (("abc",),)
    assert (" words",) in pieces(re.compile(r"to (?:his|her|its|our|their) words\b"))
    assert pieces(re.compile(r"ab")) == ()  # too short to be worth a test
    rng = random.Random(41)
    bits = ["ab", "abc", "xyz", " ", "q", "meantime", "of", "z."]
    for _ in range(300):
        source = "".join(rng.choice([*bits, "(?:ab|cd)", "\\b", "x?", "."]) for _ in range(4))
        pattern = re.compile(source)
        for text in _random_texts(bits, 40, seed=rng.randrange(10**6), longest=6):
            if pattern.search(text):
                assert holds(text, pieces(pattern)), (source, text)


def test_patterns_at_start_match_only_at_the_start() -> None:
    from generator.extract.needles import at_start

    assert not at_start(re.compile("^a|b")) and not at_start(re.compile("(?m)^a"))
    assert at_start(re.compile("^a")) and at_start(re.compile("(?:^a|^b)"))
    sources = ["^a", "^a|b", "^(?:a|b)c", "(?:^a|^b)", "a^", "^$", "^a$", "(?m)^a", "^.*b"]
    texts = _random_texts(["a", "b", "c", "\n", " "], 300, seed=42, longest=6)
    for source in sources:
        pattern = re.compile(source)
        if at_start(pattern):
            for text in texts:
                assert bool(pattern.search(text)) == bool(pattern.match(text)), (source, text)


def test_garble_checks_match_where_one_of_the_patterns_does() -> None:
    """`claims._matches` (start-anchored patterns joined, the others searched or pieces
    first) against searching every pattern, on texts made of the patterns' own words."""
    from generator.extract import claims

    lexicon, problems = load_lexicon(LEXICON)
    assert not problems
    patterns = [re.compile(p) for p in _garble_regexes(lexicon)]
    patterns += [re.compile(r"^x|y z"), re.compile(r"^(?:Also|With) it\b"), re.compile("^a$")]
    checks = claims._checks(tuple(patterns))
    assert checks.start is not None and checks.start.pattern.count("(?:^") >= 5
    rng = random.Random(43)
    texts: list[str] = ["", "a", "x", "y z", "With it", "Also it was", "Also itx"]
    for pattern in patterns:
        words = re.findall(r"[A-Za-z’']+|[,.]", pattern.pattern.replace("\\b", " "))
        for _ in range(40):
            at = rng.randrange(len(words))
            run = " ".join(words[at : at + rng.randint(1, 6)])
            head = rng.choice(["", "x ", "a ", "The ", "With ", "Also ", "12 ", "the the "])
            texts.append(head + run + rng.choice(["", ".", " x", "s is", " not", " an.", "!"]))
    hits = 0
    for text in texts:
        plain = any(p.search(text) for p in patterns)
        assert claims._matches(text, checks) == plain, text
        hits += plain
    assert 100 < hits < len(texts) - 100


def test_words_of_ascii_sentences_are_the_case_folded_words() -> None:
    from generator.extract import claims

    pieces_ = ["The", "ÉCOLE", "straße", "İstanbul", "x-ray’s", "don't", "A", "1,5", " ", "ǅ"]
    for text in _random_texts(pieces_, 500, seed=44, longest=8):
        plain = tuple(w.casefold() for w in claims._WORDS.findall(text))
        assert claims._words.__wrapped__(text) == plain, text


def test_date_gates_skip_only_sentences_without_a_date_of_their_pattern() -> None:
    """The date patterns behind their gates (one search for every case-blind gate word,
    a digit before "th") find what the patterns alone find."""
    import dataclasses
    import datetime as dt

    from generator.extract import dates
    from tests._extract_support import lexicon

    rules = dates.date_rules_for(lexicon().data)
    assert rules.blind_gate is not None
    n = len(rules.patterns)
    ungated = dataclasses.replace(
        rules, gates=(None,) * n, gate_words=(None,) * n, plain_gates=None
    )
    pieces_ = ["on the", "On The", "12th", "3rd", "21st", "with", "month", "north", "5", "last"]
    pieces_ += ["week", "Last Week", "next year", "this", "summer", "in", "two", "days", "ago"]
    pieces_ += ["for the past", "three", "months", "yesterday", "Monday", "March", "2024", "ı"]
    pieces_ += ["the start of the year", "K", ",", ".", "ſ", "overnight", "TODAY", "fall"]
    day = dt.date(2024, 3, 5)
    found = 0
    alone = ["Two days ago.", "x 3 weeks ago", "for the past three months", "Last Week", "it"]
    alone += ["in the summer", "He left yesterday.", "on the 12th", "On  the 3rd x", "ıt"]
    texts = [*alone, *_random_texts(pieces_, 3000, seed=45, longest=8), *_fixture_sentences()]
    for text in texts:
        fast = dates._find_dates(text, day, rules, 0)
        assert fast == dates._find_dates(text, day, ungated, 0), text
        found += bool(fast)
    assert found > 500


# --- Name discovery tried only where its words start (helper h_n) ------------------------
# `names.gates._word_led`, `names.weapons._weapon_heads` (`wordstarts`),
# `names.people._apposition_possible`, the body-noun gate of `names.institutions._institutions`,
# known runs looked up lazily in `names.acronyms._acronyms` and
# `names.organisations._bodies_apart` keeping runs without "and" as they are.


def _name_spans() -> list[tuple[str, int, int]]:
    """(text, start, end): fixture sentences inside their text and random ones built of
    the words the name patterns open on, with the characters case-blind re folds."""
    pieces = ["said", "SAID", "Said", "told", "says", "analyst", "Analyst", "minister", "the"]
    pieces += ["Jan Novak", "Maria", "Ocampo", "van", ",", ", a", "--", "—", "sa", "saidx"]
    pieces += ["cruise", "missile", "missiles", "long-range", "Storm Shadow", "drone", "air"]
    pieces += ["Russian", "defence ministry", "Ukraine's", "air force", "embassy", "in", "Oslo"]
    pieces += ["ſaid", "İ", "K", "ı", "(", ")", "NATO", "RUSI", "BBC News", "and", "The", "é"]
    pieces += ["Dr.", "President", "spokesman", "adviser", "of", "Russia’s", "-", "'s", "."]
    pieces += ["the Russian defence ministry", "Ukraine's air force", "the embassy in Oslo"]
    pieces += ["Jan Novak, Ukraine's ambassador to Poland, said", "Defence Ministry and the"]
    out = []
    for sentence in _fixture_sentences():
        text = "x" + sentence + " y"  # the sentence inside a text: lookbehinds see before it
        out.append((text, 1, len(text) - 2))
    for text in _random_texts(pieces, 2500, seed=31, longest=12):
        out += [(text, 0, len(text)), (text, 1, max(1, len(text) - 3))]
    return out


def _lower_of(sentence: str) -> str | None:
    return None if any(c in sentence for c in names.gates._FOLDS_TO_ASCII) else sentence.lower()


def _spans_and_groups(matches: Any) -> list[Any]:
    return [(m.span(), m.groupdict()) for m in matches]


def test_word_led_name_patterns_find_the_plain_matches() -> None:
    """Role, speech-verb and role-apposition patterns tried only where a listed word starts
    find what `finditer` finds; the verb gate says what `gate_open` says."""
    from tests._extract_support import knowledge

    k = knowledge()
    apposition = names.people._role_apposition(k)
    assert k.role_name and k.name_after_verb and apposition
    led = [("roles", k.role_name), ("verbs", k.name_after_verb), ("roles", apposition)]
    tried = 0
    for text, start, end in _name_spans():
        lower = _lower_of(text[start:end])
        for gate, pattern in led:
            fast = _spans_and_groups(
                names.gates._word_led(k, gate, pattern, text, (start, end), lower)
            )
            plain = _spans_and_groups(pattern.finditer(text, start, end))
            assert fast == plain, (gate, text[start:end])
            tried += bool(plain)
        starts = names.gates._word_starts(k, "verbs", start, lower)
        if starts is not None:
            assert bool(starts) == names.gate_open(k, "verbs", text[start:end], lower)
    assert tried > 200


def test_weapon_heads_resumed_near_head_nouns_are_the_plain_matches() -> None:
    from tests._extract_support import knowledge

    k = knowledge()
    assert k.weapon_head is not None
    found = 0
    for text, start, end in _name_spans():
        lower = _lower_of(text[start:end])
        fast = names.weapons._weapon_heads(k, k.weapon_head, text, (start, end), lower)
        plain = _spans_and_groups(k.weapon_head.finditer(text, start, end))
        assert _spans_and_groups(fast) == plain, text[start:end]
        found += len(plain)
    assert found > 200


def test_matches_reaching_and_at_starts_follow_finditer_past_empty_matches() -> None:
    """Patterns that may match empty: the helpers still give finditer's matches."""
    from generator.extract.wordstarts import matches_at, matches_reaching

    rng = random.Random(32)
    patterns = [re.compile(p) for p in (r"a*", r"(?:ab)?", r"b|", r"ab*", r"(?<!\w)a\w*")]
    for _ in range(400):
        text = "".join(rng.choice("ab -") for _ in range(rng.randint(0, 12)))
        for pattern in patterns:
            plain = _spans_and_groups(pattern.finditer(text, 0, len(text)))
            every = list(range(len(text) + 1))
            assert _spans_and_groups(matches_at(pattern, text, len(text), every)) == plain
            near = matches_reaching(partial(pattern.finditer, text), 0, every, 0)
            assert _spans_and_groups(near) == plain


def test_apposition_gate_shuts_only_where_nothing_matches() -> None:
    from tests._extract_support import knowledge

    k = knowledge()
    assert k.appositive_name is not None and k.appositive_words
    shut = 0
    for text, start, end in _name_spans():
        if not names.people._apposition_possible(k, text[start:end], text, (start, end)):
            assert k.appositive_name.search(text, start, end) is None, text[start:end]
            shut += 1
    assert shut > 500


def test_institutions_gated_by_body_nouns_are_the_ungated_ones() -> None:
    from generator.extract.entitycues import entity_rules
    from tests._extract_support import knowledge

    k = knowledge()
    assert entity_rules(k).institution_runs
    found = 0
    for text, start, end in _name_spans():
        lower = _lower_of(text[start:end])
        gated = names.institutions._institutions(text, start, end, k, lower)
        plain = names.institutions._institutions(text, start, end, k)
        assert gated == plain, text[start:end]
        found += len(plain)
    assert found > 100


def _plain_discover(text: str, start: int, end: int, k: Any) -> list[names.Candidate]:
    """`discover` with every known run looked up and named before the acronyms."""
    sentence = text[start:end]
    lower = _lower_of(sentence)
    named = names.people._people(text, start, end, k, lower)
    if "," in sentence:
        named += names.people._role_appositions(text, start, end, k, lower)
    if " of " in sentence:
        named += names.owners.people_after_owner(text, start, end, k)
    runs = list(names.discovery._CAP_RUN.finditer(text, start, end))
    named += names.organisations._organisations(runs, k, text, start)
    named += names.institutions._institutions(text, start, end, k)
    named += names.parties._parties(text, start, end, k, sentence.lower())
    named += names.weapons._weapons(text, start, end, k, lower)
    named += names.weapons.weapons_by_reach(text, start, end, k)
    for m in runs:
        if k.lookup(m.group()):
            named.append(names.Candidate("known", "", m.group(), [(m.start(), m.end())]))
    named += names.acronyms._acronyms(text, start, end, k, named)
    named = names.discovery._split_glued(text, named, k)
    return [c for c in named if c.kind != "known" or len(c.aliases) > 1]


def test_discover_with_known_runs_asked_lazily_is_the_plain_discover() -> None:
    from tests._extract_support import knowledge

    k = knowledge()
    found = 0
    for text, start, end in _name_spans():
        fast = names.discover(text, start, end, k)
        assert fast == _plain_discover(text, start, end, k), text[start:end]
        found += len(fast)
    assert found > 500


def test_bodies_apart_keeps_runs_without_and_as_they_are() -> None:
    from tests._extract_support import knowledge

    k = knowledge()
    for text, start, end in _name_spans():
        runs = list(names.discovery._CAP_RUN.finditer(text, start, end))
        parts = [
            (p.group(), p.start(), p.end()) for p in names.organisations._bodies_apart(runs, k)
        ]
        plain = []
        for m in runs:
            run, lo = m.group(), 0
            for cut in names.organisations._AND.finditer(run):
                before = run[lo : cut.start()].split()
                heads = [w in k.organisation_heads for w in before]
                if heads and (
                    heads[-1]
                    or (any(heads) and cut.group().rstrip().endswith("the"))
                    or k.lookup(" ".join(before)) is not None
                ):
                    plain.append((run[lo : cut.start()], m.start() + lo, m.start() + cut.start()))
                    lo = cut.end()
            plain.append((run[lo:], m.start() + lo, m.end()))
        assert parts == plain, text[start:end]


# --- Stance frames, speech verbs and speakers (helper h_p) -------------------------------
# `framegate` (the `object_of` and open-question gates of `stanceframes.framed`),
# `verbstarts.speech_verbs` (speech verbs tried where a verb word starts) and `bystart`
# (the speaker resolution's mentions sliced by start, the last quote end by bisection).


def _frame_texts() -> list[str]:
    """Fixture sentences as they are, in capitals, with a folding letter, and random runs
    of the frame patterns' own words."""
    from tests._extract_support import knowledge

    frames = positions.topics._topic_rules(knowledge()).frames
    sources = [p.pattern for _s, p in frames.object_of]
    sources += [frames.question.pattern] if frames.question else []
    words = re.findall(r"[a-z’'-]+", " ".join(sources))
    words += ["Ukraine", "the", "lifting", "“", "”", ",", ".", ";", "ı", "K", "ſ", "é", "WARNED"]
    texts = _random_texts(sorted(set(words)), 3000, seed=41, longest=12)
    for sentence in _fixture_sentences():
        texts += [sentence, sentence.upper(), sentence.replace("s", "ſ", 1)]
    return texts


def test_frame_gates_shut_only_where_the_pattern_matches_nowhere() -> None:
    from generator.extract.framegate import may_match
    from tests._extract_support import knowledge

    frames = positions.topics._topic_rules(knowledge()).frames
    gates = [*frames.object_gates, frames.question_gate]
    gated = [*zip(gates, [p for _s, p in frame_patterns(frames)], strict=True)]
    assert sum(gate is not None for gate, _p in gated) >= 3
    shut = 0
    for text in _frame_texts():
        lower = casefast.plain_lower(text)
        for gate, pattern in gated:
            if not may_match(gate, lower):
                assert pattern.search(text) is None, (pattern.pattern[:40], text)
                shut += 1
    assert shut > 5000


def frame_patterns(frames: Any) -> list[tuple[str, re.Pattern[str]]]:
    """The gated frame patterns: `object_of`, then the open question."""
    question = [("question", frames.question)] if frames.question else []
    return [*frames.object_of, *question]


def test_framed_with_gates_is_framed_without() -> None:
    from dataclasses import replace

    from generator.extract.sentences import Sentence
    from generator.extract.stanceframes import framed
    from tests._extract_support import knowledge

    topic = positions.topics._topic_rules(knowledge())
    frames = topic.frames
    assert frames.object_gates and frames.question_gate is not None
    plain = replace(frames, object_gates=(), question_gate=None)
    stances = [stance for _n, stance, _needs in topic.groups]
    rng = random.Random(42)
    found = 0
    for text in _frame_texts():
        padded = "x " + text + " y"
        sentence = Sentence(2, len(padded) - 2, 0)
        # Cues at word starts (where a match of the pattern's words may reach them).
        starts = [m.start() for m in re.finditer(r"\b\w", padded)][1:-1]
        for _ in range(3):
            cues = sorted(rng.sample(starts, min(len(starts), rng.randint(1, 3))))
            cued = [(p, p + 3, rng.choice(stances)) for p in cues]
            fast = framed(padded, sentence, cued, frames)
            assert fast == framed(padded, sentence, cued, plain), padded
            found += fast != [(p, s) for p, _e, s in cued]
    assert found > 200  # the frames changed what some cues say


def test_speech_verbs_tried_where_a_verb_starts_are_the_plain_matches() -> None:
    from generator.extract.sentences import Sentence
    from generator.extract.verbstarts import speech_verbs
    from tests._extract_support import knowledge

    k = knowledge()
    assert k.speech_verb is not None and k.gate_runs.get("verbs")
    found = 0
    for text, start, end in _name_spans():
        sentence = Sentence(start, end, 0)
        fast = [m.span() for m in speech_verbs(k, k.speech_verb, text, sentence)]
        assert fast == [m.span() for m in k.speech_verb.finditer(text, start, end)], text
        found += len(fast)
    assert found > 1000


def test_mentions_by_start_hold_every_mention_in_range_in_order() -> None:
    from generator.extract.bystart import ByStart
    from generator.extract.entities import Mention

    rng = random.Random(43)
    for n in range(400):
        starts = [rng.randrange(60) for _ in range(rng.randint(0, 12))]
        if n % 2:
            starts.sort()
        items = [Mention(f"e{i}", s, s + rng.randint(0, 9), "x") for i, s in enumerate(starts)]
        by = ByStart(items)
        for _ in range(20):
            lo, hi = rng.choice([None, *range(-2, 62)]), rng.randrange(-2, 64)
            got = by.between(lo, hi)
            want = [m for m in items if (lo is None or lo <= m.start) and m.start <= hi]
            assert [m for m in got if m in want] == want  # every one, in order
            assert all(m in items for m in got)


def test_after_last_end_is_the_plain_maximum() -> None:
    from generator.extract.bystart import after_last_end

    rng = random.Random(44)
    for _ in range(3000):
        ends = sorted(rng.randrange(50) for _ in range(rng.randint(0, 8)))
        start, pos = rng.randrange(-2, 52), rng.randrange(-2, 52)
        plain = max([start, *(e + 1 for e in ends if start <= e < pos)])
        assert after_last_end(ends, start, pos) == plain, (ends, start, pos)


def test_quotes_with_mentions_sliced_are_the_quotes_with_every_mention_tried() -> None:
    """`find_quotes` of every fixture and seed article, with `ByStart.between` giving all
    mentions (the plain passes over them) and with its slices."""
    from generator.extract import bystart
    from generator.extract.entities import scan_entities
    from generator.extract.quotes import find_quotes
    from generator.extract.sentences import split_sentences
    from tests._extract_support import fixtures, knowledge, seeds

    k = knowledge()
    everything = bystart.ByStart.between
    found = 0
    for source in [*seeds().values(), *fixtures().values()]:
        sentences = split_sentences(source, k.split)
        scan = scan_entities(source, k, [(s.start, s.end) for s in sentences])
        fast = find_quotes(source, sentences, scan, k)
        try:
            bystart.ByStart.between = lambda self, lo, hi: self.items  # type: ignore[method-assign]
            plain = find_quotes(source, sentences, scan, k)
        finally:
            bystart.ByStart.between = everything  # type: ignore[method-assign]
        assert fast == plain, source.id
        found += len(fast[0])
    assert found > 100


# --- Events asking about shared quotations once per event (helper h_c) -------------------
# `SameStatements.linker` and `corroborate.combine_events` using it, against membership of
# the pair (`frozenset((a, b)) in same`) and a plain set of the pairs it holds.


def _said_and_events(seed: int) -> tuple[list[Any], list[dict[str, Any]]]:
    """Random quotes (few speakers, sources and words: many equal and similar token sets)
    and events holding them, dated so that some agree, some nest and some clash."""
    rng = random.Random(seed)
    vocabulary = ["strike", "missile", "bridge", "approv", "@russia", "@kyiv", "range", "talk"]
    events = []
    for n in range(rng.randint(2, 40)):
        source = f"s{rng.randint(0, 5)}"
        words = rng.sample(vocabulary, rng.randint(2, 6))
        events.append(
            {
                "id": f"evt-{n:03d}" if rng.random() < 0.95 else "evt-000",
                "date": rng.choice(["2024-11", "2024-11-17", "2024-11-18", "2024", "2023-02-01"]),
                "text": " ".join(w.lstrip("@") for w in words) + rng.choice(["", " and a bridge"]),
                "actors": rng.sample(["russia", "ukraine", "nato", "kyiv"], rng.randint(1, 3)),
                "citations": [{"source": source, "start": n * 10, "end": n * 10 + 9, "quote": "q"}],
            }
        )
    said = []
    for event in events:
        for _ in range(rng.randint(0, 2)):
            tokens = frozenset(rng.sample(vocabulary, rng.randint(1, 5)))
            said.append(
                (rng.choice(["a", "b"]), event["citations"][0]["source"], tokens, event["id"])
            )
    return said, events


def test_linker_answers_as_pair_membership() -> None:
    from generator.extract.statements import SameStatements

    linked = 0
    for seed in range(300):
        said, events = _said_and_events(seed)
        same = SameStatements(said, 0.6, 2)
        ids = [e["id"] for e in events] + ["evt-none"]
        for a in ids:
            link = same.linker(a)
            for b in ids:
                plain = frozenset((a, b)) in same
                assert (link is not None and link(b)) == plain, (seed, a, b)
                linked += plain
    assert linked > 500


def test_combine_events_with_linker_is_combine_events_with_the_pairs() -> None:
    from generator.extract.corroborate import combine_events
    from generator.extract.similarity import build_similarity_rules
    from generator.extract.statements import SameStatements

    rules = build_similarity_rules({"combine": {"event_similarity": 0.35}}, [])
    disputed = merged = 0
    for seed in range(300):
        said, events = _said_and_events(seed)
        same = SameStatements(said, 0.6, 2)
        ids = {e["id"] for e in events}
        pairs = {frozenset((a, b)) for a in ids for b in ids if frozenset((a, b)) in same}
        fast = combine_events(json.loads(json.dumps(events)), rules, same, str.upper, {})
        plain = combine_events(json.loads(json.dumps(events)), rules, pairs, str.upper, {})
        assert fast == plain, seed
        disputed += len(fast[1])
        merged += len(events) - len(fast[0])
    assert disputed > 50 and merged > 50


# --- `names.words._blocked` answers kept per knowledge -------------------------------------


def test_blocked_tokens_are_remembered_per_knowledge() -> None:
    import copy

    from tests._extract_support import knowledge as full_knowledge
    from tests._extract_support import lexicon as full_lexicon

    k = full_knowledge()
    lex = copy.deepcopy(full_lexicon())
    lex.data["not_names"] = [*lex.data.get("not_names", []), "Falchion"]
    other = build_knowledge(lex, [])
    tokens = ["Monday", "Russian", "Falchion", "Twenty", "North-Korean", "Kyiv", "U.S.", "The"]
    for _ in range(2):  # the second round answers from the memo
        for token in tokens:
            assert names.words._blocked(token, k) == names.words._blocked_word(token, k), token
            assert names.words._blocked(token, other) == names.words._blocked_word(token, other), (
                token
            )
    # The same token, two lexicons, two answers: a memo shared between them would fail here.
    assert names.words._blocked("Falchion", other) and not names.words._blocked("Falchion", k)


# --- Entity stage (helper h1): string scans for backward regexes, one search per article --
# `names.words._word_back`, `surnames._capital_before`, `names.people._separators`,
# `names.people._name_before`, `entities._select`, `spanscan.SpanScan`, the fuzzy bound and
# index, the lookup and cleaned-name memos and the surname count in
# `surnames.recurring_people`.


def _white_texts(seed: int, count: int) -> list[str]:
    """Short texts of letters, capitals and every kind of space `\\s` knows."""
    pieces = ["a", "Bc", "B", " ", "  ", "\n", " \n", "\t", "\x1c", "\u2003", "\u00a0", "\u2028"]
    pieces += ["-", ".", "É", "x\n", "Z", "’s", "_"]
    return _random_texts(pieces, count, seed=seed, longest=10)


def test_word_back_is_the_backward_regex_search() -> None:
    for text in _white_texts(41, 1500):
        for lo in range(len(text) + 2):
            for pos in range(lo, len(text) + 2):
                m = names.words._WORD_BACK.search(text, lo, pos)
                expected = None if m is None else (m.start(1), m.group(1))
                assert names.words._word_back(text, lo, pos) == expected, (text, lo, pos)


def test_capital_before_is_the_regex_search() -> None:
    from generator.extract import surnames

    for text in _white_texts(42, 1500):
        for lo in range(len(text) + 1):
            for at in range(lo, len(text) + 1):
                expected = surnames._CAPITAL_BEFORE.search(text, lo, at) is not None
                assert surnames._capital_before(text, lo, at) == expected, (text, lo, at)


def test_separators_are_what_findall_finds() -> None:
    pieces = [",", " ", "  ", "--", "---", "\u2014", " \u2014 ", "Russia's ", "Russia’s", "the"]
    pieces += ["a", "Jan", "x", "\n", "_", "é", "-", "s "]
    for text in _random_texts(pieces, 3000, seed=43):
        for start in (0, 1, 2):
            for end in range(start, len(text) + 2):
                expected = names.people._AFTER_SEPARATOR.findall(text, start, end)
                dashes = "--" in text[start:end] or "\u2014" in text[start:end]
                assert names.people._separators(text, start, end, dashes) == expected, (text, end)


def test_name_before_verb_is_skipped_only_where_it_finds_nothing() -> None:
    from tests._extract_support import knowledge

    k = knowledge()
    assert k.name_before_verb is not None
    skipped = 0
    for text, start, end in _name_spans():
        lower = _lower_of(text[start:end])
        starts = names.gates._word_starts(k, "verbs", start, lower)
        if starts and not names.people._name_before(text, start, starts):
            skipped += 1
            assert not list(k.name_before_verb.finditer(text, start, end)), text
    assert skipped > 100


def _plain_select(hits: list[entities.Mention]) -> list[entities.Mention]:
    chosen: list[entities.Mention] = []
    taken: set[int] = set()
    for hit in sorted(
        set(hits), key=lambda h: (-(h.end - h.start), h.start, h.entity_id, h.adjective)
    ):
        span = range(hit.start, hit.end)
        if taken.isdisjoint(span):
            chosen.append(hit)
            taken.update(span)
    return sorted(chosen, key=entities._order)


def test_select_keeps_the_plain_choice() -> None:
    rng = random.Random(44)
    text = "".join(rng.choice("abc de") for _ in range(60))
    for _ in range(3000):
        hits = []
        for _ in range(rng.randint(0, 12)):
            start = rng.randint(0, 40)
            end = start + rng.randint(0, 8)
            entity = rng.choice(["x", "y", "z"])
            hits.append(entities.Mention(entity, start, end, text[start:end], rng.random() < 0.2))
        hits += rng.sample(hits, min(len(hits), 2))
        assert entities._select(hits) == _plain_select(hits), hits


def test_in_span_by_bisection_is_the_plain_in_span() -> None:
    """`factbits.InSpan` gives `in_span`'s mentions for lists in text order and out of it,
    with empty mentions, equal starts and spans reaching past every mention."""
    from generator.extract.factbits import InSpan, in_span

    rng = random.Random(53)
    ordered = 0
    for _ in range(3000):
        mentions = []
        for _ in range(rng.randint(0, 15)):
            start = rng.randint(0, 50)
            end = start + rng.choice([0, 1, 3, 8, 20])
            entity = rng.choice(["x", "y", "z"])
            mentions.append(entities.Mention(entity, start, end, "w" * (end - start)))
        if rng.random() < 0.8:
            mentions.sort(key=lambda m: m.start)  # text order, as `entities` gives them
        inside = InSpan(mentions)
        ordered += inside.starts is not None
        for _ in range(8):
            start = rng.randint(-2, 60)
            end = start + rng.randint(0, 40)
            assert inside(start, end) == in_span(mentions, start, end), (mentions, start, end)
    assert ordered > 2000


def test_span_scan_finds_what_each_sentence_search_finds() -> None:
    from generator.extract.entitycues import entity_rules
    from generator.extract.spanscan import SpanScan
    from tests._extract_support import knowledge

    k = knowledge()
    rules = entity_rules(k)
    finders = [
        partial(casefast.finditer, pattern)
        for pattern in (k.alias_exact, k.alias_any_case, rules.forces, rules.adjective)
    ]
    assert rules.other_names is not None
    finders += [partial(casefast.finditer, rules.other_names), entities._CAP_TOKEN.finditer]
    # `SpanScan.spans_by_span` with `casefast.spans`, for the patterns `entities` asks so.
    span_finders = {
        finders[i]: partial(casefast.spans, p)
        for i, p in ((0, k.alias_exact), (1, k.alias_any_case), (4, rules.other_names))
    }
    pieces = ["Russian", "troops", "Russia", "North Korean", "soldiers", "New Mexico", "Mexico"]
    pieces += ["Ukraine", "NATO", "nato", "Kyiv", "said", ".", "-", "made", "Ukrainian-", "U.S."]
    pieces += ["Zelenskiy", "the", "Czech", "aid", "é", "Ab", "x", "’s", "'s", "Foo-Bar", "?"]
    rng = random.Random(45)
    whole = 0
    for _ in range(2500):
        text = "".join(
            rng.choice(pieces) + rng.choice(["", " ", " ", "\n\n"])
            for _ in range(rng.randint(1, 30))
        )
        if rng.random() < 0.5:  # sentences: cut after each stop and the space after it
            ends = [m.end() for m in re.finditer(r"[.?](?=\s)", text)] + [len(text)]
            starts = [0] + [e + 1 for e in ends[:-1]]
            spans = [(s, e) for s, e in zip(starts, ends, strict=True) if s <= e]
        else:
            size = min(len(text) + 1, rng.randint(0, 10))
            cuts = sorted(rng.sample(range(len(text) + 1), size))
            spans = list(zip(cuts[::2], cuts[1::2], strict=False))
        if rng.random() < 0.05 and len(spans) > 1:
            spans[0], spans[1] = spans[1], spans[0]  # out of order: each searched alone
        scan = SpanScan(text, spans)
        for finder in finders:
            find = partial(finder, text)
            expected = [[(m.span(), m.groups()) for m in find(s, e)] for s, e in spans]
            found = [[(m.span(), m.groups()) for m in ms] for ms in scan.by_span(find)]
            assert found == expected, (text, spans)
            if finder in span_finders:
                find_spans = partial(span_finders[finder], text)
                found_spans = scan.spans_by_span(find_spans)
                assert found_spans == [[s for s, _g in ms] for ms in expected], (text, spans)
            if scan.whole is not None:  # found by one search: every match in a sentence
                hits = list(find(*scan.whole))
                inside = [m for m in hits for s, e in spans if s <= m.start() < m.end() <= e]
                whole += bool(hits) and len(inside) == len(hits)
    assert whole > 2000  # many texts' matches were found by one search, not per sentence


def test_fuzzy_ratio_bound_and_index_keep_the_answers() -> None:
    import difflib

    from generator.extract.knowledge import FUZZY_RATIO
    from tests._extract_support import knowledge

    k = knowledge()
    rng = random.Random(46)
    letters = "aeiouknrstlmz"
    words = [
        "K" + "".join(rng.choice(letters) for _ in range(rng.randint(3, 9))) for _ in range(400)
    ]
    words += (
        [w[:-1] for w in words[:100]] + [w + "y" for w in words[100:200]] + list(k.person_tokens)
    )
    close = 0
    for a in words:
        for b in words[:60]:
            key, token = a.casefold(), b.casefold()
            exact = difflib.SequenceMatcher(None, key, token).ratio()
            ratio = k._fuzzy_ratio(key, token)
            unlike = token[0] != key[0] or abs(len(token) - len(key)) > 1
            if unlike:
                assert ratio == 0.0
            elif exact >= FUZZY_RATIO:
                assert ratio == exact, (key, token)
                close += 1
            else:
                assert ratio < FUZZY_RATIO and ratio >= exact, (key, token)
        key = a.casefold()
        plain = [(t, r) for t in k.person_tokens if (r := k._fuzzy_ratio(key, t)) >= FUZZY_RATIO]
        assert k._fuzzy_known(key) == plain, key
    assert close > 50


def test_lookups_and_cleaned_names_are_remembered_as_worked_out() -> None:
    from generator.extract.knowledge import fold_alias, slug
    from tests._extract_support import knowledge

    k = knowledge()
    spelling = k.spelling
    assert spelling is not None
    forms = ["Rus", "Russia", "Ukr", "Ukraine", "NAT", "NATO", "RUSSIA", "Kyiv’s", "nobody", ""]
    forms += [*list(k.alias_ids)[:300], "Ministry of Defense", "Ministry of Defence"]
    forms += ["Analyst Jan Novak", "The Russian", "Twenty", "Jan  Novak", "Monday Novak"]
    for _ in range(2):  # the second round answers from the memos
        for form in forms:
            assert k.lookup(form) == k.alias_ids.get(spelling.key(fold_alias(form))), form
            assert k.id_for(form) == slug(spelling.key(form)), form
            assert names.words._clean_person(form, k) == names.words._cleaned_person(form, k), form


def _plain_recurring(text: str, spans: list[tuple[int, int]], k: Any) -> list[tuple[str, Any]]:
    """`surnames.recurring_people` counting every surname's occurrences, with no known names."""
    from bisect import bisect_right
    from collections import Counter

    from generator.extract import surnames

    full: dict[str, list[re.Match[str]]] = {}
    for start, end in spans:
        for m in surnames._FULL.finditer(text, start, end):
            full.setdefault(m.group("last"), []).append(m)
    alone: Counter[str] = Counter()
    starts = [s for s, _ in spans]
    starters = k.word_set("starters")
    for surname in sorted(full):
        at = text.find(surname)
        while at >= 0:
            stop = at + len(surname)
            i = bisect_right(starts, at) - 1
            lo = spans[i][0] if i >= 0 else 0
            if i >= 0 and stop <= spans[i][1] and surnames._alone(text, at, stop, lo, starters):
                alone[surname] += 1
            at = text.find(surname, at + 1)
    found = []
    for last, matches in sorted(full.items()):
        if alone[last] < surnames.MIN_LATER:
            continue
        for m in matches:
            if surnames._not_a_name(m.group("first"), k) or surnames._not_a_name(last, k):
                continue
            if k.lookup(m.group()):
                continue
            found.append((m.group(), [m.span()]))
            break
    return found


def test_recurring_people_count_only_surnames_written_twice() -> None:
    from generator.extract import surnames
    from tests._extract_support import fixtures, knowledge, seeds

    k = knowledge()
    pieces = ["Iryna Kovtun", "Kovtun", "Kovtun's", "said", ".", " ", "The", "Kovtunenko"]
    pieces += ["Ann", "Anna", "Annanna Kovtun", "Ivan Anna", "\n", "Oleh Kovtun-Ann", "-"]
    texts = [s.text for s in [*seeds().values(), *fixtures().values()]]
    texts += _random_texts(pieces, 1500, seed=47)
    people = 0
    for text in texts:
        half = len(text) // 2
        for spans in ([(0, len(text))], [(0, half), (half + 1, len(text))]):
            found = surnames.recurring_people(text, spans, k, [])
            assert [(c.name, c.aliases) for c in found] == _plain_recurring(text, spans, k)
            people += len(found)
    assert people > 15


# --- Dates turned away by their gates at once; positions on the sentence's names (h2) ----


def test_dates_turned_away_before_the_pattern_loop_are_dates_found_by_it() -> None:
    """`_find_dates` returning at once when no gate word and no regex gate is found gives
    what the loop over every pattern behind its gate gives."""
    import dataclasses
    import datetime as dt

    from generator.extract import dates
    from tests._extract_support import lexicon

    rules = dates.date_rules_for(lexicon().data)
    assert rules.plain_gates  # every pattern without gate words has a regex gate
    looped = dataclasses.replace(rules, plain_gates=None)
    pieces_ = ["Monday", "Mon", "March", "Marches", "may", "May", "12th", "4th", "1999", "2031"]
    pieces_ += ["1899", "20", "last", "week", "ago", "two", "days", "the", "on", "ı", "İ", "x"]
    day = dt.date(2024, 3, 5)
    found = turned = 0
    texts = [*_random_texts(pieces_, 3000, seed=46, longest=6), *_fixture_sentences()]
    for text in texts:
        fast = dates._find_dates(text, day, rules, 7)
        assert fast == dates._find_dates(text, day, looped, 7), text
        found += bool(fast)
        turned += not fast
    assert found > 200 and turned > 500


def test_positions_on_the_names_of_two_sentences_are_positions_on_all_names() -> None:
    """`position_records` of every fixture and seed article, its helpers given the names
    of the sentence and the one before (mentions in order) and given all of them."""
    from generator.extract import bystart
    from generator.extract.entities import scan_entities
    from generator.extract.quotes import find_quotes
    from generator.extract.sentences import split_sentences
    from tests._extract_support import fixtures, knowledge, seeds

    class Unordered(bystart.ByStart):
        def __init__(self, items: Any) -> None:
            super().__init__(items)
            self.ordered = False  # `position_records` then passes every mention on

    k = knowledge()
    found = 0
    for source in [*seeds().values(), *fixtures().values()]:
        sentences = split_sentences(source, k.split)
        scan = scan_entities(source, k, [(s.start, s.end) for s in sentences])
        quotes, events = find_quotes(source, sentences, scan, k)
        fast = positions.position_records(source, sentences, scan, k, quotes, events)
        kept = positions.records.ByStart
        try:
            positions.records.ByStart = Unordered  # type: ignore[misc]
            plain = positions.position_records(source, sentences, scan, k, quotes, events)
        finally:
            positions.records.ByStart = kept  # type: ignore[misc]
        assert fast == plain, source.id
        found += len(fast)
    assert found > 30


def test_topic_spans_from_lower_case_twins_are_the_plain_spans() -> None:
    """`stanceframes.topic_spans` with `casefast.spans` and with the spans of the patterns'
    own `finditer`, over the fixture sentences and random ones."""
    from generator.extract import stanceframes
    from tests._extract_support import knowledge

    frames = positions.topics._topic_rules(knowledge()).frames
    assert frames.consequence is not None
    words = ["would", "Would", "mean", "MEAN", "amount to", "if", "If", ",", ";", '"', "war"]
    words += ["will", "be", "means", "x", "the", "NATO", "\u201c", "\u2014", "ſ", "é", "risks"]
    alone = ["Would mean war.", 'will mean "war, now"', "If NATO strikes, it risks war."]
    alone += ["It would amount to war; so", "WOULD MEAN", "x would be war", "once"]
    texts = alone + _random_texts(words, 1500, seed=47, longest=10) + _fixture_sentences()

    def plain(pattern: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None) -> Any:
        return (
            m.span() for m in pattern.finditer(text, pos, len(text) if endpos is None else endpos)
        )

    found = 0
    for text in texts:
        for lo, hi in ((0, len(text)), (min(3, len(text)), max(min(3, len(text)), len(text) - 2))):
            fast = stanceframes.topic_spans(text, lo, hi, frames)
            kept = stanceframes.casefast.spans
            try:
                stanceframes.casefast.spans = plain
                assert fast == stanceframes.topic_spans(text, lo, hi, frames), (text, lo, hi)
            finally:
                stanceframes.casefast.spans = kept
            found += bool(fast)
    assert found > 100


def test_single_marks_found_from_their_characters_are_the_plain_marks() -> None:
    """`quotes.spans._SINGLE_MARKS` (a mark first, `_SINGLE` run there) gives the matches of
    `_SINGLE`: the same places, ends and groups, within any bounds."""
    from generator.extract import quotes

    pieces_ = ["a", " ", "'", "\u2018", "\u2019", "x1", ".", "b c", '"', "5", "_", "\n", "é"]
    texts = [*_random_texts(pieces_, 4000, seed=48, longest=12), *_fixture_sentences()]

    def marks(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> list[Any]:
        found = pattern.finditer(text, lo, hi)
        return [(m.start(), m.end(), m.group("open"), m.group("close")) for m in found]

    found = 0
    for text in texts:
        for lo, hi in ((0, len(text)), (min(2, len(text)), max(0, len(text) - 1))):
            fast = marks(quotes.spans._SINGLE_MARKS, text, lo, hi)
            assert fast == marks(quotes.spans._SINGLE, text, lo, hi), (text, lo, hi)
            found += len(fast)
    assert found > 1000


def test_demonyms_found_by_their_twin_are_the_plain_matches() -> None:
    """The demonym pattern of figures (`figures.mentions._nations`), searched through
    `casefast` (its twin branching on first characters), matches where it does."""
    from generator.extract.factbits import lexicon_data
    from generator.extract.figures import figure_rules_for
    from tests._extract_support import knowledge

    demonyms = figure_rules_for(lexicon_data(knowledge())).demonyms
    assert demonyms is not None and casefast.twin(demonyms) is not None
    words = ["Russian", "North Korean", "South", "Korean", "US", "U.S.", ".", "x", " ", "é"]
    words += ["Ukrainian", "officials", "said", "Russians", "-", "German", "Germany", "ſ"]
    texts = _random_texts(words, 2000, seed=49, longest=8) + _fixture_sentences()
    found = 0
    for text in texts:
        fast = [(m.span(), m.group()) for m in casefast.finditer(demonyms, text)]
        assert fast == [(m.span(), m.group()) for m in demonyms.finditer(text)], text
        found += len(fast)
    assert found > 1000


# --- `combine._Mentions` and `PrefixIndex`'s ranked prefixes -------------------------------


def test_mentions_kept_per_target_are_the_rebuilt_lists() -> None:
    from generator.extract.combine import _Mentions

    rng = random.Random(11)
    for seed in range(200):
        targets = [{"id": f"c{i}"} for i in range(4)]
        for t in targets:
            if rng.random() < 0.6:
                t["mentions"] = [f"e{rng.randint(0, 5)}" for _ in range(rng.randint(0, 3))]
        plain = json.loads(json.dumps(targets))
        fast = _Mentions()
        for _ in range(30):
            i = rng.randrange(len(targets))
            new = [f"e{rng.randint(0, 9)}" for _ in range(rng.randint(0, 3))]
            fast.add(targets[i], new)
            into = plain[i]  # what `_combine_claims` did on every merge
            into["mentions"] = list(dict.fromkeys([*(into.get("mentions") or []), *new]))
            if not into["mentions"]:
                del into["mentions"]
            assert targets == plain, seed


def test_ranked_prefixes_are_the_frequency_sorted_ones() -> None:
    from generator.extract.blocking import PrefixIndex

    rng = random.Random(5)
    words = [f"w{i}" for i in range(40)] + ["@ent-a", "@ent-b"]
    for seed in range(100):
        universe = [frozenset(rng.sample(words, rng.randint(1, 12))) for _ in range(30)]
        index = PrefixIndex(rng.choice([0.35, 0.5, 0.6, 0.8]), universe)
        outside = frozenset([*rng.sample(words, 3), "unseen", "also-unseen"])
        for tokens in [*universe, outside]:
            ordered = sorted(tokens, key=lambda t: (index.frequency[t], t))
            prefix = index._sorted_prefix(tokens)
            assert prefix == ordered[: len(prefix)], seed
            assert len(prefix) >= 1


# --- `gc_paused` leaves what it made to the oldest generation ------------------------------


def test_gc_paused_ages_what_it_made_and_keeps_a_callers_freeze() -> None:
    import gc

    from generator.gcpause import gc_paused

    if not gc.isenabled():
        return  # nothing to restore: the pause is a no-op then
    with gc_paused():
        assert not gc.isenabled()
        made = [[i] for i in range(50_000)]
        assert gc.get_count()[0] >= 50_000  # all young: the first collection would scan them
    assert gc.isenabled()
    # In the oldest generation: no young collection scans them (left young, the first one
    # after the block would have, and moved the survivors to the middle generation).
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert id(made) in oldest and id(made[-1]) in oldest
    assert gc.is_tracked(made[0]) and gc.get_freeze_count() == 0
    frozen = [[1]]
    gc.freeze()
    try:
        with gc_paused():
            more = [[i] for i in range(1000)]
        # A caller's freeze is not undone: what it froze is in no generation still. (Not
        # the freeze count: a frozen object that dies meanwhile lowers it.)
        assert gc.get_freeze_count() > 0
        for generation in range(3):
            assert id(frozen) not in {id(o) for o in gc.get_objects(generation=generation)}
    finally:
        gc.unfreeze()
    assert frozen and more


# --- Combine: claims and events that score 0 skipped, quotations compared when asked (h5) --


def _plain_combine_claims(
    claims: list[dict[str, Any]], rules: Any
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """`combine._combine_claims` as it was before blocking: each claim compared with every
    kept claim in order, merged with a plain `absorb` and rebuilt mentions."""
    from generator.extract.corroborate import absorb, dispute, flag, order_key, source_of
    from generator.extract.similarity import contradict, similarity, tokens

    threshold = rules.thresholds.get("claim_similarity", 0.6)
    kept: list[dict[str, Any]] = []
    members: dict[str, set[str]] = {}
    disputes = []
    for claim in sorted(claims, key=order_key):
        target = None
        source, mine = source_of(claim), tokens(claim["text"], rules)
        for earlier in kept:
            if source in members[earlier["id"]]:
                continue
            theirs = tokens(earlier["text"], rules)
            if similarity(theirs, mine, rules.min_shared) < threshold:
                continue
            if contradict(earlier["text"], claim["text"], rules):
                flag(earlier, "contradicted")
                flag(claim, "contradicted")
                who = " vs ".join(source_of(c) for c in (earlier, claim))
                summary = f"Sources contradict each other ({who}): “{earlier['text']}” vs “{claim['text']}”"
                disputes.append(dispute(earlier["subject"], None, summary, [earlier, claim]))
                continue
            target = earlier
            break
        if target is None:
            kept.append(claim)
            members[claim["id"]] = {source}
        else:
            absorb(target, claim)
            merged = list(
                dict.fromkeys([*(target.get("mentions") or []), *(claim.get("mentions") or [])])
            )
            if merged:
                target["mentions"] = merged
            else:
                target.pop("mentions", None)
            members[target["id"]].add(source)
    ids = {c["id"] for c in kept}
    return kept, [d for d in disputes if all(m in ids for m in d["members"])]


def _random_claims(rng: random.Random) -> list[dict[str, Any]]:
    """Claims of few words and of names only (which score 0), repeated, negated, opposed."""
    pieces = ["approved", "rejected", "the", "missiles", "strike", "Kyiv", "Moscow", "not"]
    pieces += ["range", "talks", "NATO", "Kyiv Moscow", "bridge"]
    claims = []
    for n in range(rng.randint(1, 40)):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
        claim: dict[str, Any] = {
            "id": f"claim-{n:03d}",
            "subject": rng.choice(["kyiv", "moscow"]),
            "text": text,
            "citations": [
                {"source": f"s{rng.randint(0, 6)}", "start": n, "end": n + 5, "quote": text}
            ],
        }
        if rng.random() < 0.5:
            claim["mentions"] = rng.sample(["kyiv", "moscow", "nato"], rng.randint(0, 2))
        if rng.random() < 0.2:
            claim["flags"] = ["garbled"]
        claims.append(claim)
    return claims


def test_claims_of_too_few_words_left_out_combine_as_comparing_all() -> None:
    from generator.extract.combine import _combine_claims
    from generator.extract.similarity import build_similarity_rules

    entities = [{"id": "kyiv", "name": "Kyiv"}, {"id": "moscow", "name": "Moscow"}]
    merged = disputed = 0
    for seed in range(300):
        rng = random.Random(seed)
        data = {
            "similarity_stopwords": ["the"],
            "contradiction_cues": {"negations": ["not"], "opposites": [["approved", "rejected"]]},
            "combine": {
                "claim_similarity": rng.choice([0.0, 0.35, 0.6, 1.0]),
                "min_shared_words": rng.choice([0, 1, 2, 3]),
            },
        }
        claims = _random_claims(rng)
        fast_in, plain_in = json.loads(json.dumps(claims)), json.loads(json.dumps(claims))
        fast = _combine_claims(fast_in, build_similarity_rules(data, entities), {})
        plain = _plain_combine_claims(plain_in, build_similarity_rules(data, entities))
        assert fast == plain, seed
        assert fast_in == plain_in, seed  # flags set on claims merged away too
        merged += len(claims) - len(fast[0])
        disputed += len(fast[1])
    assert merged > 500 and disputed > 100


def test_events_without_quotations_skip_pairs_that_score_zero() -> None:
    # `combine_events` given `SameStatements` (events without quotations compared only
    # with events of enough words) against a plain set of pairs (every event compared).
    from generator.extract.corroborate import combine_events
    from generator.extract.similarity import build_similarity_rules, tokens
    from generator.extract.statements import SameStatements

    entities = [{"id": "russia", "name": "Russia"}, {"id": "kyiv", "name": "Kyiv"}]
    merged = disputed = 0
    for seed in range(300):
        rng = random.Random(seed)
        _said, events = _said_and_events(seed)
        for event in events:  # some of one word, some of names only
            if rng.random() < 0.3:
                event["text"] = rng.choice(["Russia", "Russia Kyiv", "strike", "bridge Kyiv"])
        same, conflict = rng.choice([(0.35, 0.5), (0.0, 0.5), (0.35, 0.0), (0.6, 0.6)])
        data = {
            "combine": {
                "event_similarity": same,
                "event_conflict_similarity": conflict,
                "min_shared_words": rng.choice([1, 2, 3]),
            }
        }
        rules = build_similarity_rules(data, entities)
        said = [
            (rng.choice(["a", "b"]), e["citations"][0]["source"], tokens(e["text"], rules), e["id"])
            for e in events
            if rng.random() < 0.4
        ]
        links = SameStatements(said, 0.6, 2)
        ids = {e["id"] for e in events}
        pairs = {frozenset((a, b)) for a in ids for b in ids if frozenset((a, b)) in links}
        fast = combine_events(json.loads(json.dumps(events)), rules, links, str.upper, {})
        plain = combine_events(json.loads(json.dumps(events)), rules, pairs, str.upper, {})
        assert fast == plain, seed
        merged += len(events) - len(fast[0])
        disputed += len(fast[1])
    assert merged > 300 and disputed > 50


def test_quotations_compared_when_asked_are_the_similar_pairs() -> None:
    # `SameStatements` links two events exactly when quotes of one speaker in them, from
    # different sources, reach the threshold: every pair of quotes compared.
    from generator.extract.similarity import similarity
    from generator.extract.statements import SameStatements

    linked = 0
    for seed in range(300):
        rng = random.Random(seed)
        said, events = _said_and_events(seed)
        threshold, min_shared = rng.choice([0.0, 0.35, 0.6, 1.0]), rng.choice([0, 1, 2, 3])
        same = SameStatements(said, threshold, min_shared)
        expected = set()
        for sa, _ka, ta, ea in said:
            for sb, _kb, tb, eb in said:
                if sa == sb and ea != eb and similarity(ta, tb, min_shared) >= threshold:
                    expected.add(frozenset((ea, eb)))
        source = {e: k for _s, k, _t, e in said}  # an event's source: that of its last quote
        ids = [e["id"] for e in events] + ["evt-none"]
        for a in ids:
            link = same.linker(a)
            for b in ids:
                want = frozenset((a, b)) in expected and source[a] != source[b]
                assert (frozenset((a, b)) in same) == want, (seed, a, b)
                assert (link is not None and link(b)) == want, (seed, a, b)
                linked += want
    assert linked > 1000


def test_absorber_without_flags_is_the_plain_merge() -> None:
    from generator.extract.corroborate import Absorber

    def plain(into: dict[str, Any], other: dict[str, Any]) -> None:
        key = lambda c: (c["source"], c.get("start"), c["quote"])  # noqa: E731
        seen = {key(c) for c in into["citations"]}
        new = [c for c in other.get("citations") or [] if key(c) not in seen]
        into["citations"] = sorted(
            [*into["citations"], *new], key=lambda c: (c["source"], c.get("start", 0))
        )
        flags = list(dict.fromkeys([*(into.get("flags") or []), *(other.get("flags") or [])]))
        if flags:
            into["flags"] = flags

    rng = random.Random(3)
    for seed in range(300):
        items = []
        for n in range(rng.randint(1, 8)):
            item: dict[str, Any] = {
                "id": f"i{n}",
                "citations": [
                    {"source": f"s{rng.randint(0, 3)}", "start": rng.randint(0, 3), "quote": "q"}
                    for _ in range(rng.randint(0, 3))
                ],
            }
            if rng.random() < 0.4:
                item["flags"] = rng.sample(["garbled", "contradicted", "x"], rng.randint(0, 2))
            items.append(item)
        fast_items, plain_items = json.loads(json.dumps(items)), json.loads(json.dumps(items))
        absorb = Absorber()
        for _ in range(20):
            i, j = rng.randrange(len(items)), rng.randrange(len(items))
            if i != j:
                absorb(fast_items[i], fast_items[j])
                plain(plain_items[i], plain_items[j])
                assert fast_items == plain_items, seed


# --- Writing and loading around extraction: fastyaml, sources, forked workers -------------


def test_resolves_by_first_character_is_any_resolver_matching() -> None:
    from generator.fastyaml import FastDumper, _resolves

    def plain(text: str) -> bool:
        resolvers = FastDumper.yaml_implicit_resolvers
        pairs = [*resolvers.get(text[0], ()), *resolvers.get(None, ())]
        return any(rx.match(text) for _tag, rx in pairs)

    texts = ["yes", "No", "null", "~", "on", "Off", "true", "1.5", "-1", "+.inf", ".nan", "0x1f"]
    texts += ["0o17", "1e5", "2024-11-18", "1:20", "<<", "=", "!x", "&a", "*a", "nope", "abc"]
    texts += _random_texts(["1", "0", "e", "-", ".", ":", "y", "n", "x", "_", "<"], 3000, 61, 6)
    for text in texts:
        assert _resolves(text) == plain(text), text


def test_lists_of_known_texts_written_inline_are_libyamls() -> None:
    rng = random.Random(62)
    words = ["ukraine", "no", "1.5", "a b", "x" * 94, "y" * 95, "z" * 96, "w" * 97, "v" * 99]
    words += [("ab " * 40)[:n].strip() for n in range(88, 112)]  # spaces about the width
    for _ in range(200):
        items = []
        for i in range(rng.randint(1, 4)):
            item: dict[str, Any] = {"id": f"i{i}", "text": rng.choice(words)}
            item["actors"] = [rng.choice(words) for _ in range(rng.randint(1, 5))]
            item["nested"] = {"more": [rng.choice(words) for _ in range(rng.randint(1, 3))]}
            items.append(item)
        doc = {"events": items}
        assert _document_text(doc) == dump_fast(doc)


def test_shown_paths_are_display_paths(tmp_path: Path, monkeypatch: Any) -> None:
    from generator.errors import display_path
    from generator.sources import _shown

    inside = tmp_path / "seeds"
    inside.mkdir()
    (inside / "a.txt").write_text("x", "utf-8")
    monkeypatch.chdir(tmp_path)
    cwd = Path.cwd().resolve()
    outside = Path("/") / "nowhere" / "b.yaml"
    for path in (inside / "a.txt", inside / "a.yaml", Path("seeds") / "a.txt", outside):
        assert _shown(path, path.resolve(), cwd) == display_path(path), path


def _pid_knowledge(_lexicon: Any, _entities: Any) -> Any:
    import os

    return {"pid": os.getpid()}


def _knowledge_result(source: Any, knowledge: Any) -> dict[str, list[dict[str, Any]]]:
    return {"events": [{"id": str(source), "pid": knowledge["pid"]}]}


def test_forked_workers_use_the_parents_knowledge(tmp_path: Path) -> None:
    import multiprocessing

    from generator.extract import run

    if multiprocessing.get_start_method() != "fork":
        return  # other start methods build knowledge in each worker, as before
    knowledge = _pid_knowledge(None, None)
    work = [(f"s{i}", f"{i:02d}key") for i in range(6)]
    init = (_knowledge_result, _pid_knowledge, None, [])
    args = (_knowledge_result, knowledge, ArticleCache(tmp_path / "cache"), init)
    serial = list(run._extract_all(work, 1, *args))  # type: ignore[arg-type]
    forked = list(run._extract_all(work, 2, *args))  # type: ignore[arg-type]
    assert forked == serial  # the parent's knowledge, as --jobs 1 uses for every article


def test_result_json_decodes_as_the_older_texts_did(tmp_path: Path) -> None:
    from generator.extract.store import result_json, result_value

    texts = ["plain", "Zelenskyy’s “war”", "naïve café", "😀 astral", "tab\tand\nline", '"q"\\']
    texts += _random_texts(["a", "é", "’", "😀", "\u2028", " ", '"', "\\", "Ж", "\x7f"], 300, 63)
    value = {
        "claims": [{"id": t, "text": t, "n": i, "f": 1.5, "x": None} for i, t in enumerate(texts)]
    }
    utf8 = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    ascii_text = json.dumps(value, separators=(",", ":"))  # as an older version wrote them
    assert result_value(result_json(value)) == json.loads(utf8) == json.loads(ascii_text) == value
    cache = ArticleCache(tmp_path / "cache")
    cache.put_text("cd" + "0" * 62, result_json(value))
    cache.put_text("ce" + "0" * 62, utf8.encode())
    cache.put_text("cf" + "0" * 62, ascii_text.encode())
    assert cache.get("cd" + "0" * 62) == cache.get("ce" + "0" * 62) == value
    assert cache.get("cf" + "0" * 62) == value


def test_result_json_writes_what_orjson_cannot_as_json_did() -> None:
    from generator.extract.store import result_json, result_value

    def as_json(value: Any) -> str:
        return json.dumps(value, separators=(",", ":"))

    for value in [
        {"figures": [{"value": math.inf}, {"value": [1, -math.inf]}]},
        {"figures": [{"value": math.nan}]},
        {"claims": [{"n": 2**70}]},
        {"claims": [{1: "a key that is no text"}]},
        {"claims": [{"text": "a lone \ud800 surrogate"}]},
    ]:
        assert as_json(result_value(result_json(value))) == as_json(value)
    for value in [
        {"events": [{"date": datetime.date(2024, 1, 2)}]},
        {"claims": [{"id": object()}]},
    ]:
        with pytest.raises(TypeError):
            result_json(value)


# --- Tail of extract: fused schema checks, words looked up in C, new items extended (h3) ---


def _unfused(schema: dict[str, Any], monkeypatch: Any) -> Any:
    """`compile_schema` with one closure per keyword, as before `_Compiler._fused`."""
    from generator import schemafast

    with monkeypatch.context() as patch:
        patch.setattr(schemafast._Compiler, "_fused", lambda self, schema, checks: None)
        return compile_schema(schema)


def _mutated(rng: random.Random, value: Any, depth: int = 0) -> Any:
    """`value` with a few parts swapped for values of other types, lengths or shapes."""
    odd: list[Any] = ["", "x", "Bad Id", "a" * 5001, -1, 0, 7, 1.0, 1.5, math.inf, True, None]
    odd += [[], ["garbled", "garbled"], [1, 1], {}, {"zz": 1}, CommentedMap([("id", "a")])]
    if rng.random() < 0.15:
        return rng.choice(odd)
    if isinstance(value, dict):
        out = {k: _mutated(rng, v, depth + 1) for k, v in value.items() if rng.random() > 0.05}
        if rng.random() < 0.1:
            out[rng.choice(["extra", "id", "start"])] = rng.choice(odd)
        return out
    if isinstance(value, list):
        return [_mutated(rng, v, depth + 1) for v in value]
    return value


def test_fused_schema_checks_give_the_keyword_checks_verdicts(monkeypatch: Any) -> None:
    from generator.schemacheck import schema_of

    quote = {
        "id": "q-1",
        "speaker": "putin",
        "kind": "direct",
        "text": "We will not stop.",
        "citation": {"source": "s-1", "quote": "We will not stop.", "start": 3, "end": 20},
        "status": "extracted",
        "flags": ["garbled"],
    }
    claim = {
        "id": "c-1",
        "subject": "atacms",
        "text": "The missiles were used.",
        "citations": [
            {"source": "s-1", "quote": "The missiles were used.", "start": 0, "end": 23},
            {"source": "s-2", "quote": "abc", "prefix": "x", "suffix": "y"},
        ],
        "mentions": ["kyiv", "atacms"],
        "status": "reviewed",
    }
    rng = random.Random(31)
    data = schema_of("data")
    fused, plain = compile_schema(data), _unfused(data, monkeypatch)
    verdicts = set()
    for _ in range(3000):
        value = {rng.choice(["quotes", "claims"]): [_mutated(rng, rng.choice([quote, claim]))]}
        verdicts.add(fused(value))
        assert fused(value) == plain(value), value
    assert verdicts == {True, False}
    text = {"type": "string", "minLength": 2}
    rest = {"type": "array", "uniqueItems": True}
    small: list[dict[str, Any]] = [
        {
            "type": "object",
            "required": ["a"],
            "properties": {"a": text},
            "additionalProperties": rest,
        },
        {
            "additionalProperties": rest,
            "type": "object",
            "properties": {"a": text},
            "required": ["a"],
        },
        {"type": "object", "properties": {"a": text}},
        {"type": "string", "pattern": "^a", "maxLength": 3},
        {"type": "integer", "minimum": 2},
    ]
    leaves: list[Any] = ["", "a", "ab", "abcd", "b", 1, 2, True, 2.0, None, [1, 1], ["x", "x"], []]
    for schema in small:
        fused, plain = compile_schema(schema), _unfused(schema, monkeypatch)
        verdicts = set()
        for _ in range(1000):
            keys = rng.sample(["a", "b", "c"], rng.randint(0, 3))
            value = rng.choice([rng.choice(leaves), {k: rng.choice(leaves) for k in keys}])
            if rng.random() < 0.1:
                value = CommentedMap(value) if isinstance(value, dict) else value
            verdicts.add(fused(value))
            assert fused(value) == plain(value), (schema, value)
        assert verdicts == {True, False}, schema


def test_tokens_with_every_word_known_are_the_first_runs_tokens() -> None:
    data = {
        "synonyms": [["approve", "endorse"]],
        "similarity_stopwords": ["the", "said"],
        "contradiction_cues": {"negations": ["not"], "opposites": [["rose", "fell"]]},
    }
    entities = [{"id": "kyiv", "name": "Kyiv", "aliases": ["Kiev"]}]
    pieces = ["Kyiv", "the", "said", "approved", "endorsed", "not", "rose", "go", "ox", "@x-1"]
    texts = _random_texts(pieces, 400, seed=32)
    cold = similarity.build_similarity_rules(data, entities)
    warm = similarity.build_similarity_rules(data, entities)
    for text in texts:  # every word met before: each text's tokens looked up in one pass
        similarity.tokens(text.upper().lower(), warm)
    for text in texts:
        found = similarity._tokens(text, warm)
        assert found == similarity._tokens(text, cold) == _plain_tokens(text, cold), repr(text)
        assert None not in found


def _appended(seq: CommentedSeq, items: list[Any]) -> CommentedSeq:
    for item in items:
        seq.append(item)
    return seq


def test_new_items_extended_as_appended_when_no_comment_is_past_the_end() -> None:
    rng = random.Random(33)
    seen = set()
    for _ in range(300):
        items = [{"id": f"i{i}"} for i in range(rng.randint(0, 4))]
        new = [{"id": f"n{i}"} for i in range(rng.randint(0, 3))]
        one, two = CommentedSeq(items), CommentedSeq(items)
        for index in rng.sample(range(6), rng.randint(0, 2)):
            for seq in (one, two):
                seq.ca.items[index] = [f"# c{index}", None]  # what ruamel moves along
        quick = merge._no_comment_past_end(one)
        seen.add(quick)
        if quick:
            one.extend(new)
        else:
            _appended(one, new)
        _appended(two, new)
        assert list(one) == list(two)
        assert one.ca.items == two.ca.items
    assert seen == {True, False}


# --- Entity scan: runs without a head noun skipped, ASCII sentences split in C. ----------


def test_organisations_of_runs_holding_a_head_are_those_of_every_run(monkeypatch: Any) -> None:
    """`_organisations` drops the runs of one word and those none of whose words is a
    head noun (as written or with the stop it strips) before looking at them: it finds
    what it found from all."""
    from tests._extract_support import knowledge

    k = knowledge()
    pieces = ["Royal United Services Institute.", "Institute’", "Ministry'", "xMinistry", "of"]
    pieces += ["Defence Ministry and the General Staff", "Council", "Party", "Jan Novak", "The"]
    pieces += ["Five Star Movement", "Russia's", "Foreign Ministry", "Sergei Lavrov", ".", ","]
    pieces += ["National Assembly on Thursday", "Embassy in Oslo", "and", "for", "Ministry.’"]
    spans = _name_spans()
    for text in _random_texts(pieces, 1500, seed=41, longest=10):
        spans.append((text, 0, len(text)))
    found = []
    for text, start, end in spans:
        runs = list(names.discovery._CAP_RUN.finditer(text, start, end))
        found.append(names.organisations._organisations(runs, k, text, start))
    monkeypatch.setattr(names.organisations, "_with_heads", lambda runs, heads: runs)
    named = 0
    for (text, start, end), fast in zip(spans, found, strict=True):
        runs = list(names.discovery._CAP_RUN.finditer(text, start, end))
        assert fast == names.organisations._organisations(runs, k, text, start), text[start:end]
        named += len(fast)
    assert named > 300


def test_words_of_ascii_sentences_are_their_word_runs() -> None:
    from generator.extract import wordgate

    pieces = [chr(i) for i in range(128)] + ["said", "x_y", "é", "’", "İ", "ß", "\u00a0", "٣"]
    texts = _random_texts(pieces, 3000, seed=42, longest=20)
    assert sum(t.isascii() for t in texts) > 300
    for text in texts:
        for lower in (text, text.lower()):
            assert wordgate._runs(lower) == frozenset(re.findall(r"\w+", lower)), repr(lower)


def test_possessive_name_with_its_lookbehind_after_the_capital_matches_as_before() -> None:
    """`possessive_name` tests the character before the owner after its first capital
    (re skips to the capitals): the matches of the pattern opening on the lookbehind."""
    from tests._extract_support import knowledge

    k = knowledge()
    assert k.possessive_name is not None
    before = re.compile(
        rf"(?<![\w-])(?P<owner>[A-Z][\w.-]*(?:\s[A-Z][\w.-]*){{0,3}})['’]s\s+"
        rf"(?P<name>{k.person_name})"
    )
    pieces = ["Russia's", "Reform UK’s", "Graham Pettifer", "x", "-", "_", "Ukraine", "'s", "A"]
    pieces += ["anti-NATO's", "U.S.'s", "Jan Novak", "xY's", " ", "\n", "Kyiv's Oleh Ivanov"]
    spans = _name_spans()
    spans += [(t, 0, len(t)) for t in _random_texts(pieces, 2000, seed=43, longest=10)]
    found = 0
    for text, start, end in spans:
        fast = _spans_and_groups(k.possessive_name.finditer(text, start, end))
        assert fast == _spans_and_groups(before.finditer(text, start, end)), text[start:end]
        found += len(fast)
    assert found > 300


# --- Patterns ending the text, asked of the text reversed (`mirror`) ----------------------


def test_mirrored_patterns_match_the_reversed_text_where_the_patterns_end_the_text() -> None:
    """`mirror.ends_in` of each end-anchored garble pattern (and of constructions the
    lexicon may yet use: lookarounds both ways, \\B, case-blind, a final newline) against
    the pattern's own `search`, on texts made of the patterns' words and on the fixtures'
    sentences; then the joined mirrors against any pattern."""
    from generator.extract import mirror

    lexicon, problems = load_lexicon(LEXICON)
    assert not problems
    patterns = [re.compile(p) for p in _garble_regexes(lexicon)]
    patterns += [
        re.compile(r"(?<!was )\band\s+(?:there\s+)?(?:was|is)?\.$"),
        re.compile(r"\b(?=[a-z]{3}\b)\w+ (?:it|so)\B\w*\.$"),
        re.compile(r"\bthe (\w+)(?<=ab) end$", re.IGNORECASE),
        re.compile(r"[^.]x?$"),
    ]
    ending = [(p, m) for p in patterns if (m := mirror.mirrored(p)) is not None]
    assert len(ending) >= 8
    rng = random.Random(61)
    texts: list[str] = ["", ".", "\n", "a.\n", "It was.", "It was.\n", "and .", "And there was."]
    for pattern, _m in ending:
        words = re.findall(r"[A-Za-z’']+|[,.]", pattern.pattern.replace("\\b", " "))
        for _ in range(60):
            at = rng.randrange(len(words)) if words else 0
            run = " ".join(words[at : at + rng.randint(1, 6)])
            head = rng.choice(["", "x ", "The ", "was ", "ab ", "the AB ", "I ", "é "])
            tail_ = rng.choice(["", ".", " .", "  .", "\n", ".\n", " x", "s.", " end"])
            texts.append(head + run + tail_)
    for folder in ("articles", "blind/articles", "hostile/articles"):
        for path in sorted((ROOT / "tests" / "fixtures" / folder).glob("*.txt")):
            texts += re.split(r"(?<=[.!?”])\s+", path.read_text("utf-8"))
    hits = 0
    for text in texts:
        backwards = text[::-1]
        for pattern, mirrored in ending:
            plain = pattern.search(text) is not None
            assert mirror.ends_in(mirrored, backwards) == plain, (pattern.pattern, text)
            hits += plain
        both = any(mirror.ends_in(m, backwards) for m in mirror.joined([m for _p, m in ending]))
        assert both == any(p.search(text) for p, _m in ending), text
    assert hits > 100
    # Nothing it cannot mirror exactly: `^`, a variable-width lookahead (a lookbehind
    # backwards), a back-reference, flags of a group, MULTILINE, no `$` at the end.
    for source, flags in (
        (r"^a b$", 0),
        (r"a(?=b+)$", 0),
        (r"(a)\1$", 0),
        (r"(?i:a)b$", 0),
        (r"ab$", re.MULTILINE),
        (r"ab", 0),
        (r"a$b", 0),
    ):
        assert mirror.mirrored(re.compile(source, flags)) is None, source


# --- The word before a full stop, by a split (`sentences._word_before`) ------------------


def test_word_before_a_stop_is_the_word_the_search_finds() -> None:
    from generator.extract import sentences

    plain = re.compile(r"(\S+)$")
    pieces = ["Mr", "U.S", ".", " ", "  ", "\n", "\t", "\u00a0", "\u2003", "(", "“", "K", "é"]
    texts = _random_texts(pieces, 2000, seed=62)
    rng = random.Random(62)
    seen = set()
    for text in texts:
        for _ in range(4):
            end = rng.randint(0, len(text))
            start = rng.randint(max(0, end - 12), end)
            m = plain.search(text, start, end)
            found = sentences._word_before(text, start, end)
            assert found == (m.group(1) if m else ""), (text, start, end)
            seen.add(bool(found))
    assert seen == {True, False}


# --- Poll patterns gated per article (`stanceframes.Frames.poll_gate`) -------------------


def test_poll_gate_shuts_only_on_texts_where_no_poll_pattern_matches() -> None:
    """Where the gate of the poll lists is shut for a text, neither poll pattern matches
    at or before any place of it (as `positions.actors._polls` asks them)."""
    k = build_knowledge(load_lexicon(LEXICON)[0], [])
    frames = positions.topics._topic_rules(k).frames
    assert frames.poll_gate is not None
    assert frames.poll_after is not None and frames.poll_before is not None
    pieces = ["A", "YouGov", " ", "poll", "POLLS", "Survey", "surveys", " by the ", " of ", "é"]
    pieces += ["opinion", "conducted by", "pol", "l", "vey", "sur", "ı", "Kyiv", ",", "\n"]
    texts = _random_texts(pieces, 1500, seed=63)
    for folder in ("articles", "blind/articles", "hostile/articles"):
        for path in sorted((ROOT / "tests" / "fixtures" / folder).glob("*.txt")):
            texts.append(path.read_text("utf-8"))
    shut = matched = 0
    for text in texts:
        if positions.records.may_match(frames.poll_gate, casefast.plain_lower(text)):
            continue
        shut += 1
        for at in range(len(text) + 1):
            assert frames.poll_after.match(text, at) is None, (text, at)
            assert frames.poll_before.search(text, max(0, at - 40), at) is None, (text, at)
    for text in texts:
        matched += any(frames.poll_before.search(text, 0, at) for at in range(len(text) + 1))
    assert shut > 100 and matched > 100
