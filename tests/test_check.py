"""`explainer check`: every problem at once, as FILE:LINE:COL: message, exit status 1."""

from __future__ import annotations

import re
from pathlib import Path

from tests.cli_support import run_cli


def line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


def test_valid_project_passes(project: Path) -> None:
    code, out = run_cli(project, "check")
    assert code == 0, out
    assert re.search(r"OK: 2 sources, 5 entities, \d+ facts", out)


def test_broken_citation_is_reported_with_its_line(project: Path) -> None:
    facts = project / "data" / "facts.yaml"
    facts.write_text(
        facts.read_text().replace("The approximately 200-mile range", "The roughly 200-mile range")
    )
    code, out = run_cli(project, "check")
    line = line_of(facts, "The roughly 200-mile range")
    assert code == 1
    assert re.search(
        rf"facts\.yaml:{line}:\d+: citation of cnn-2024-11-17: passage 'The roughly 200-mile", out
    ), out


def test_malformed_yaml_is_reported_with_its_line(project: Path) -> None:
    facts = project / "data" / "entities.yaml"
    facts.write_text(facts.read_text().replace("  - id: dmitry-peskov", "  - id: [dmitry-peskov"))
    code, out = run_cli(project, "check")
    assert code == 1
    assert re.search(r"entities\.yaml:\d+:\d+: .*(expected|flow)", out), out
    assert "Traceback" not in out


def test_every_problem_is_reported_at_once(project: Path) -> None:
    facts = project / "data" / "facts.yaml"
    text = facts.read_text()
    text = text.replace(
        "    subject: joe-biden\n    mentions: [atacms]",
        "    subject: joe-bidn\n    mentions: [atacms]",
    )
    text = text.replace("    stance: supports", "    stance: cheers")
    text = text.replace("  - id: fig-range-max", "  - id: fig-range-abc")
    text = text.replace("    summary: Calls the decision", "    sumary: Calls the decision")
    facts.write_text(text)
    code, out = run_cli(project, "check")
    assert code == 1
    assert "unknown key 'sumary'; did you mean 'summary'?" in out
    assert f"facts.yaml:{line_of(facts, 'sumary')}:5: unknown key" in out
    # The schema error stops that file, so fix it and look at the reference errors.
    facts.write_text(text.replace("sumary", "summary"))
    code, out = run_cli(project, "check")
    assert code == 1
    assert f"facts.yaml:{line_of(facts, 'joe-bidn')}:14: 'joe-bidn' is not an entity id" in out
    assert "stance 'cheers' is not defined in explainer.stances" in out
    assert "duplicate id 'fig-range-abc'" in out


def test_duplicate_keys_aliases_and_tags_are_refused(project: Path) -> None:
    bad = project / "data" / "bad.yaml"
    for text, expected in [
        ("claims: []\nclaims: []\n", "bad.yaml:2:1: duplicate key"),
        ("a: &x [1]\nb: *x\n", "bad.yaml:1:4: anchors (&name) are not allowed"),
        ("claims: !!python/object:os.system []\n", "custom tag"),
        ("- just a list\n", "bad.yaml:1:1: a data file must be a mapping"),
    ]:
        bad.write_text(text)
        code, out = run_cli(project, "check")
        assert code == 1 and expected in out, (text, out)


def test_a_lexicon_problem_outside_layout_and_units_is_left_to_check(project: Path) -> None:
    # Site builds read only the lexicon files holding `layout` or `units` (speed); `explainer
    # check` reads every file, so the broken cue file is still reported there.
    (project / "data" / "lexicon" / "zz-broken.yaml").write_text("speech_verbs: [said\n")
    code, out = run_cli(project, "check")
    assert code == 1
    assert re.search(r"zz-broken\.yaml:\d+:\d+: ", out), out
    code, out = run_cli(project, "render", "--out", str(project / "rendered"))
    assert code == 0, out


def test_a_lexicon_problem_in_units_stops_the_site(project: Path) -> None:
    (project / "data" / "lexicon" / "zz-broken.yaml").write_text("units: [unclosed\n")
    code, out = run_cli(project, "render", "--out", str(project / "rendered"))
    assert code == 1
    assert re.search(r"zz-broken\.yaml:\d+:\d+: ", out), out


def test_a_name_two_known_entities_share_is_reported_where_written(project: Path) -> None:
    # An alias on two entities matches neither: the extractor drops it, so an editor who
    # adds an entity under a name already taken is told, with the line to fix.
    extra = project / "data" / "lexicon" / "zz-parties.yaml"
    extra.write_text(
        "known_entities:\n"
        "  - {name: Left Bloc, kind: actor, category: organisation, aliases: [BE]}\n"
        "  - {name: Bloco de Esquerda, kind: actor, category: organisation, aliases: [BE]}\n"
    )
    code, out = run_cli(project, "check")
    assert code == 1
    assert re.search(r"zz-parties\.yaml:3:\d+: 'BE' already names 'Left Bloc'", out), out
    code, out = run_cli(project, "extract")
    assert code == 1 and "already names 'Left Bloc'" in out and "Traceback" not in out
