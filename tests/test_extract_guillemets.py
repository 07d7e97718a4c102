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


def test_quotations_opened_and_closed_with_the_same_mark_are_quotes() -> None:
    # Finnish and Swedish print ”...” (or »...»): the first mark of a pair opens.
    source = text_source(
        "Headline\n”The situation has changed. The bases must be reached”, Jussi Kallio "
        "said.\n\n"
        "President Alexander Stubb wrote that the decision is ”consistent and right”. "
        "»Ukraine defends our security too», Stubb wrote.\n",
        DAY,
    )
    found = extract_article(source, knowledge())
    direct = {(q["text"], q["speaker"]) for q in found["quotes"] if q["kind"] == "direct"}
    assert direct >= {
        ("The situation has changed. The bases must be reached", "jussi-kallio"),
        ("consistent and right", "alexander-stubb"),
        ("Ukraine defends our security too", "alexander-stubb"),
    }
    for collection in ("quotes", "positions", "claims"):
        assert_citations_exact(found[collection], {source.id: source})
    # A sentence opened by the mark is no stray punctuation: nothing is flagged.
    assert not any("garbled" in (c.get("flags") or []) for c in found["claims"])
