"""The fast paths of extraction give exactly what the plain ones they replace give.

Each speed-up keeps a slower, obvious way of getting the same result; these tests compare
the two on tricky and on random input (fixed seeds). No timing is asserted anywhere.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from generator.extract import names, quantities, similarity
from generator.extract.knowledge import searcher
from generator.extract.quotes import _Cover
from generator.extract.store import ArticleCache
from generator.fastyaml import _document_text, dump_fast
from generator.lexicon import load_lexicon

ROOT = Path(__file__).resolve().parent.parent
LEXICON = ROOT / "data" / "lexicon"


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
    patterns = [re.compile(p) for p in lexicon.data["garble"]["patterns"]]
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
    cache.put_text("ab" + "0" * 62, '{"claims":[]}')
    cache.put_text("ab" + "0" * 62, '{"claims":[{"id":"x"}]}')  # replaced
    assert cache.get("ab" + "0" * 62) == {"claims": [{"id": "x"}]}
    assert [p.name for p in (tmp_path / "cache").rglob("*") if p.is_file()] == [
        "ab" + "0" * 62 + ".json"
    ]


def test_capital_first_name_patterns_match_as_their_lookbehind_first_forms() -> None:
    plain = {
        names._DESIGNATION: re.compile(r"(?<![\w-])[A-Z][A-Za-z]{0,3}-\d{1,4}[A-Z]?(?![\w-])"),
        names._ACRONYM: re.compile(r"(?<![\w.-])[A-Z]{3,6}(?![\w.-])"),
    }
    pieces = ["F-16", "MGM-140", "G-7", "NATO", "U.S.", "ABCDEFG", "-", ".", "x", "Ab-1", "é"]
    pieces += ["ATACMS", "(NIS)", "1", "HIMARS-2", "_", "’"]
    for text in _random_texts(pieces, 2000, seed=17):
        for start in (0, 1, 3):
            for fast, slow in plain.items():
                expected = [m.span() for m in slow.finditer(text, start)]
                assert [m.span() for m in fast.finditer(text, start)] == expected, repr(text)
