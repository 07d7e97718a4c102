"""Support shown by use (`usereports.py`): who reports a strike inside the target country
with a named weapon supports the strikes, unless it is a body of that country."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.extract.article import extract_article
from tests.extract_support import knowledge, text_source


def _pairs(sentence: str) -> list[tuple[str, str]]:
    found = extract_article(
        text_source(f"Headline\n{sentence}\n", dt.date(2025, 6, 10)), knowledge()
    )
    return sorted((p["actor"], p["stance"]) for p in found["positions"])  # type: ignore[misc]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ukraine fired U.S.-made ATACMS missiles at an arsenal in Russia's Voronezh region "
        "on Saturday, Ukraine's General Staff said on Tuesday.",
        "Ukraine's General Staff says its forces struck an air base in Russia's Rostov region "
        "with British-made Storm Shadow missiles on Tuesday night.",
    ],
)
def test_who_reports_a_strike_inside_russia_with_a_named_weapon_supports(sentence: str) -> None:
    assert _pairs(sentence) == [("general-staff-of-ukraine", "supports")]


@pytest.mark.parametrize(
    "sentence",
    [
        # A body of the target country reports it: no support of its own.
        "The Russian Defence Ministry said Ukraine had fired six ATACMS at a base in Russia's "
        "Kursk region.",
        # The strike is not inside the target country.
        "Russia launched 146 drones and six Iskander missiles at Ukraine overnight, Ukraine's "
        "air force said.",
        # No weapon is named.
        "Ukrainian drones struck a refinery in Russia's Ryazan region, Ukraine's General Staff "
        "said.",
    ],
)
def test_no_support_by_use_otherwise(sentence: str) -> None:
    assert _pairs(sentence) == []
