"""Companies named right after a noun that says what they are (`companies.py`), and a
body's place of business left out of its name."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extract_support import extract_text

DAY = dt.date(2026, 6, 3)


def _bodies(text: str) -> dict[str, str]:
    """name -> category of the organisations found in a one-paragraph article."""
    found = extract_text(f"Headline\n{text}\n", DAY)["entities"]
    return {e["name"]: e["category"] for e in found if e["category"] == "organisation"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Its maker, Borvik Defence, says it can build ten a month.",
            {"Borvik Defence": "organisation"},
        ),
        (
            "The missile is built by the Lviv enterprise Borvik Defence.",
            {"Borvik Defence": "organisation"},
        ),
        # Where it is based is no part of its name.
        (
            "Anna Lenz, a researcher at the Paris-based Foundation for Strategic Studies, spoke.",
            {"Foundation for Strategic Studies": "organisation"},
        ),
    ],
)
def test_companies_named_by_what_they_are(text: str, expected: dict[str, str]) -> None:
    assert _bodies(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # A title, a weekday or a lower-case word after the noun names no company.
        "The company Chairman Ivo Petrov said the plant was ready.",
        "The manufacturer said on Monday that the plant was ready.",
        "Officials said the company on Tuesday had delivered the missiles.",
    ],
)
def test_no_company_where_none_is_named(text: str) -> None:
    assert _bodies(text) == {}
