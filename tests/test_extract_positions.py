"""Positions on the explainer's question, and the scoring script."""

from __future__ import annotations

import importlib.util
import sys

import yaml

from tests._extract_support import ANNOTATIONS, FIXTURES, ROOT, extracted


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
