"""Positions on the explainer's question, and the scoring script."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys

import pytest
import yaml

from generator.extract import positions
from generator.extract.article import extract_article
from tests._extract_support import ANNOTATIONS, FIXTURES, ROOT, extracted, fixtures
from tests.extract_support import knowledge, text_source


def _positions(source_id: str) -> dict[tuple[str, str], dict[str, object]]:
    return {(p["actor"], p["stance"]): p for p in extracted(source_id)["positions"]}  # type: ignore[misc]


def test_stance_ids_come_from_the_explainer() -> None:
    explainer = yaml.safe_load((ROOT / "data" / "explainer.yaml").read_text("utf-8"))["explainer"]
    stance_ids = {s["id"] for s in explainer["stances"]}
    assert {"supports", "opposes", "warns-against", "doubts-impact", "unclear"} == stance_ids
    for source_id in ("abc-2024-11-18", "cnn-2024-11-17", "taurus-2025-05-06"):
        assert {stance for _, stance in _positions(source_id)} <= stance_ids


def test_changed_stance_gives_one_position_per_stance() -> None:
    positions = _positions("taurus-2025-05-06")
    assert "as_of" not in positions[("olaf-scholz", "opposes")]
    assert positions[("olaf-scholz", "warns-against")]["as_of"] == "2025-03"
    assert ("andrii-sybiha", "supports") in positions
    assert ("institute-for-the-study-of-war", "doubts-impact") in positions


def test_seed_positions() -> None:
    abc = _positions("abc-2024-11-18")
    assert ("dmitry-peskov", "warns-against") in abc
    assert ("ivan-stupak", "doubts-impact") in abc
    assert ("oleksandr-merezhkko", "supports") in abc
    cnn = _positions("cnn-2024-11-17")
    assert cnn[("vladimir-putin", "warns-against")]["as_of"] == "2024-09"
    assert ("joe-biden", "opposes") in cnn and ("joe-biden", "supports") in cnn


def test_score_script_reports_every_type() -> None:
    spec = importlib.util.spec_from_file_location(
        "score_extraction", ROOT / "scripts" / "score_extraction.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["score_extraction"] = module
    spec.loader.exec_module(module)
    totals = module.score_all(ANNOTATIONS, FIXTURES)
    assert set(totals) >= {"entities", "quotes", "speakers", "positions", "claims"}
    for name in ("entities", "quotes", "speakers", "positions", "claims"):
        assert totals[name].expected > 0
        assert totals[name].recall >= 0.8, name


def _stances(text: str) -> list[tuple[str, str, str]]:
    """(actor, stance, summary) of an in-memory article with one paragraph."""
    found = extract_article(text_source(f"Headline\n{text}\n", dt.date(2025, 1, 10)), knowledge())
    return sorted((p["actor"], p["stance"], p["summary"]) for p in found["positions"])  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A supports cue in the subject of a consequence predicate is its topic: the
        # predicate's cue speaks, and a name inside the topic is nobody's position.
        (
            "Marie Dubois said permission to use the missiles inside Russia would amount to "
            "an act of war.",
            [
                (
                    "marie-dubois",
                    "warns-against",
                    "Permission to use the missiles inside Russia would amount to an act of war.",
                )
            ],
        ),
        (
            "Senator Paul Hart said any approval of such strikes would drag America into the war.",
            [
                (
                    "paul-hart",
                    "warns-against",
                    "Any approval of such strikes would drag America into the war.",
                )
            ],
        ),
        # A supports cue as the object of a warning.
        (
            "Foreign Minister Lena Koch warned against easing the restrictions on long-range "
            "weapons.",
            [
                (
                    "lena-koch",
                    "warns-against",
                    "Foreign Minister Lena Koch warned against easing the restrictions on "
                    "long-range weapons.",
                )
            ],
        ),
        # An open question, held by names that only qualify a noun: no position.
        (
            "German and Polish talks on whether to lift the restrictions on long-range strikes "
            "continued in Warsaw.",
            [],
        ),
        (
            "Britain talks on lifting the restrictions on long-range strikes went on.",
            [],
        ),
        # A condition's cue is the topic of the clause after it.
        (
            "If Berlin approves the long-range strikes, Moscow will retaliate, said Igor Volkov.",
            [
                (
                    "igor-volkov",
                    "warns-against",
                    "If Berlin approves the long-range strikes, Moscow will retaliate.",
                ),
                (
                    "russian-government",
                    "warns-against",
                    "If Berlin approves the long-range strikes, Moscow will retaliate.",
                ),
            ],
        ),
        # Plain support keeps working.
        (
            "Minister Anna Lind urged allies to lift the restrictions on long-range strikes.",
            [
                (
                    "anna-lind",
                    "supports",
                    "Minister Anna Lind urged allies to lift the restrictions on long-range "
                    "strikes.",
                )
            ],
        ),
    ],
)
def test_stance_frames(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _stances(text) == expected


def test_lowered_cue_search_matches_case_blind_search() -> None:
    """The fast path (lower-cased ASCII text, case-sensitive pattern) finds what the
    case-blind pattern finds, at the same offsets."""
    rules = positions._topic_rules(knowledge())
    assert rules.every is not None and rules.lower is not None
    for source in fixtures().values():
        text = source.text
        if not text.isascii():
            continue
        blind = [(m.start(), m.lastgroup) for m in rules.every.finditer(text)]
        fast = [(m.start(), m.lastgroup) for m in rules.lower.finditer(text.lower())]
        assert fast == blind, source.id
