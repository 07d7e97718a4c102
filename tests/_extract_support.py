"""Shared loading for the extraction tests: lexicon, knowledge, seeds and fixture articles."""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from generator.extract.article import extract_article
from generator.extract.knowledge import Knowledge, build_knowledge
from generator.lexicon import Lexicon, load_lexicon
from generator.sources import Source, load_sources

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "articles"
ANNOTATIONS = ROOT / "tests" / "fixtures" / "annotations"
MY_FIXTURES = ("gripen-2025-03-04", "taurus-2025-05-06")


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    lex, problems = load_lexicon(ROOT / "data" / "lexicon")
    assert not problems, problems
    return lex


@lru_cache(maxsize=1)
def knowledge() -> Knowledge:
    return build_knowledge(lexicon(), [])


def _load(folder: Path) -> dict[str, Source]:
    sources, problems = load_sources(folder, lexicon().layout)
    assert not problems, problems
    return {s.id: s for s in sources}


@lru_cache(maxsize=1)
def seeds() -> dict[str, Source]:
    return _load(ROOT / "seeds")


@lru_cache(maxsize=1)
def fixtures() -> dict[str, Source]:
    return _load(FIXTURES)


def source(source_id: str) -> Source:
    return {**seeds(), **fixtures()}[source_id]


@cache
def extracted(source_id: str) -> dict[str, list[dict[str, Any]]]:
    return extract_article(source(source_id), knowledge())


def passage(source_id: str, item_text: str) -> tuple[int, int]:
    """Offsets of a passage that occurs once in the article."""
    text = source(source_id).text
    start = text.index(item_text)
    assert text.find(item_text, start + 1) == -1, f"{item_text!r} occurs twice"
    return start, start + len(item_text)
