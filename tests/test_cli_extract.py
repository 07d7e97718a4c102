"""`explainer extract` from the command line: what it reports and when it fails."""

from __future__ import annotations

from pathlib import Path

from tests.cli_support import run_cli


def test_extract_then_check_passes_and_a_second_run_changes_nothing(project: Path) -> None:
    code, out = run_cli(project, "extract")
    assert code == 0, out
    assert "2 article(s)" in out
    before = {p.name: p.read_bytes() for p in (project / "data").glob("*.yaml")}
    assert {"claims.yaml", "entities.yaml", "quotes.yaml"} <= set(before)
    code, out = run_cli(project, "extract")
    assert code == 0 and "no file written" in out
    assert {p.name: p.read_bytes() for p in (project / "data").glob("*.yaml")} == before


def test_problems_extraction_cannot_fix_are_reported_with_their_place(project: Path) -> None:
    facts = project / "data" / "facts.yaml"
    facts.write_text(
        facts.read_text().replace("    actor: dmitry-peskov", "    actor: dmitri-peskov")
    )
    code, out = run_cli(project, "extract")
    line = next(i for i, t in enumerate(facts.read_text().splitlines(), 1) if "dmitri-peskov" in t)
    assert code == 1
    assert f"facts.yaml:{line}:12: 'dmitri-peskov' is not an entity id" in out
    assert "problem(s) remain in the data" in out
