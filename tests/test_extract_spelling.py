"""Spelling variants of one name fold onto one id; names keep their article's spelling."""

from __future__ import annotations

import datetime as dt

from generator.extract.article import extract_article
from generator.extract.spelling import Spelling
from tests.extract_support import knowledge, text_source


def _entities(text: str) -> dict[str, str]:
    found = extract_article(text_source(text, dt.date(2026, 3, 16)), knowledge())
    return {e["id"]: e["name"] for e in found["entities"]}


def test_american_and_british_spellings_are_one_body() -> None:
    us = _entities("The Latvian Defense Ministry said the drones had arrived.")
    uk = _entities("The Latvian Defence Ministry said the drones had arrived.")
    long = _entities("The Latvian Ministry of Defence said the drones had arrived.")
    assert "latvian-defence-ministry" in us and "latvian-defence-ministry" in uk
    assert "latvian-defence-ministry" in long
    assert us["latvian-defence-ministry"] == "Latvian Defense Ministry"
    assert long["latvian-defence-ministry"] == "Latvian Ministry of Defence"


def test_us_with_and_without_stops_is_one_body() -> None:
    dotted = _entities("The U.S. Southern Command said the drones had arrived.")
    plain = _entities("The US Southern Command said the drones had arrived.")
    assert "u-s-southern-command" in dotted and "u-s-southern-command" in plain


def test_a_known_alias_is_found_in_the_other_spelling() -> None:
    ids = _entities("Rafael Advanced Defence Systems will build the launchers.")
    assert "rafael-advanced-defense-systems" in ids


def test_folding_is_stable_and_ends_on_a_cycle() -> None:
    spelling = Spelling([["Defence", "Defense"], ["Defence Ministry", "Ministry of Defence"]])
    assert spelling.key("Ministry of Defense") == "defence ministry"
    assert spelling.key(spelling.key("Ministry of Defense")) == "defence ministry"
    assert spelling.surface_forms("Department of Defense") == [
        "Department of Defense",
        "Department of Defence",
    ]
    cycle = Spelling([["A", "B"], ["B", "A"]])
    assert cycle.key("a") in {"a", "b"}
