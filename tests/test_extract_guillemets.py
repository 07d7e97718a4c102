"""Quotations in French marks («...»), as translated French articles print them: read as
quotations, cited exactly as written."""

from __future__ import annotations

import datetime as dt

from generator.extract.article import extract_article
from tests.extract_support import assert_citations_exact, knowledge, text_source

DAY = dt.date(2026, 11, 4)


def test_quotations_in_guillemets_are_quotes_cited_as_written() -> None:
    source = text_source(
        "Headline\n«France does not make war on Russia. But it does not accept the "
        "bombing», declared President Emmanuel Macron on Tuesday.\n\n"
        "«It is an irresponsible escalation», said Jordan Bardella.\n",
        DAY,
    )
    found = extract_article(source, knowledge())
    assert {(q["text"], q["speaker"]) for q in found["quotes"]} == {
        (
            "France does not make war on Russia. But it does not accept the bombing",
            "emmanuel-macron",
        ),
        ("It is an irresponsible escalation", "jordan-bardella"),
    }
    for collection in ("quotes", "positions", "claims"):
        assert_citations_exact(found[collection], {source.id: source})
    # Whole sentences are cited with their marks as printed, not as read.
    passages = [c["quote"] for item in found["claims"] for c in item["citations"]]
    assert any(p.endswith("«France does not make war on Russia.") for p in passages), passages
    assert not any("\u201c" in p or "\u201d" in p for p in passages), passages
