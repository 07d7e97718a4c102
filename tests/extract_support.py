"""Fixture articles and in-memory articles for the figure, date and combine tests.

The lexicon, knowledge and seeds come from `tests._extract_support`, shared by all
extractor tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from generator.extract.article import extract_article
from generator.sources import Source, split_layout
from tests._extract_support import knowledge, lexicon, seeds

__all__ = [
    "article",
    "assert_citations_exact",
    "extract_text",
    "figure_rows",
    "knowledge",
    "lexicon",
    "seeds",
    "text_source",
]

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "tests" / "fixtures" / "articles"


def article(name: str) -> Source:
    """A fixture article `tests/fixtures/articles/<name>.txt` with its metadata."""
    text = (ARTICLES / f"{name}.txt").read_text("utf-8")
    meta = yaml.safe_load((ARTICLES / f"{name}.yaml").read_text("utf-8"))
    published = meta["published"]
    if not isinstance(published, dt.date):
        published = dt.date.fromisoformat(str(published))
    header, paragraphs, footer = split_layout(
        text, meta["title"], meta["publisher"], lexicon().layout
    )
    return Source(
        id=name,
        path=ARTICLES / f"{name}.txt",
        publisher=meta["publisher"],
        published=published,
        title=meta["title"],
        text=text,
        header=header,
        paragraphs=paragraphs,
        footer=footer,
    )


def text_source(
    text: str, published: dt.date, source_id: str = "t", publisher: str = "Test", title: str = "x"
) -> Source:
    """An in-memory article: one paragraph per blank-line separated block."""
    header, paragraphs, footer = split_layout(text, title, publisher, lexicon().layout)
    return Source(
        id=source_id,
        path=Path(f"{source_id}.txt"),
        publisher=publisher,
        published=published,
        title=title,
        text=text,
        header=header,
        paragraphs=paragraphs,
        footer=footer,
    )


def assert_citations_exact(items: list[dict[str, Any]], sources: dict[str, Source]) -> None:
    for item in items:
        for cite in item.get("citations") or [item["citation"]]:
            text = sources[cite["source"]].text
            assert text[cite["start"] : cite["end"]] == cite["quote"], item["id"]


def extract_text(
    text: str, published: dt.date, title: str = "x"
) -> dict[str, list[dict[str, Any]]]:
    """What the extractor finds in an in-memory article; every citation quotes it exactly."""
    source = text_source(text, published, title=title)
    found = extract_article(source, knowledge())
    for key in ("figures", "events", "claims", "positions", "quotes"):
        assert_citations_exact(found[key], {source.id: source})
    return found


def figure_rows(text: str, published: dt.date) -> set[tuple[str, object, str, str]]:
    """(subject, value, unit, text as written) of each figure of an in-memory article."""
    figures = extract_text(text, published)["figures"]
    return {(f["subject"], f["value"], f["unit"], f["text"]) for f in figures}
