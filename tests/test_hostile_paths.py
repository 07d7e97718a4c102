"""Data cannot make the generator read outside `seeds/` or write outside the output folder."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.cli_support import run_cli
from tests.conftest import make_project
from tests.hostile_support import make_hostile_project


def files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*")}


@pytest.mark.parametrize(
    "source",
    [
        "../../etc/passwd",
        "/etc/passwd",
        "..",
        "cnn-2024-11-17/../../x",
        "cnn-2024-11-17.txt",
        "CNN-2024-11-17",
    ],
)
def test_a_citation_cannot_name_a_file(project: Path, source: str) -> None:
    facts = project / "data" / "facts.yaml"
    facts.write_text(facts.read_text().replace("source: cnn-2024-11-17", f"source: '{source}'", 1))
    code, out = run_cli(project, "check")
    assert code == 1
    assert "facts.yaml:" in out and (
        "does not have the expected form" in out or "unknown source" in out
    )
    assert "root:" not in out


def test_an_article_linked_from_outside_seeds_is_refused(project: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("Secret\n\nA secret paragraph outside the seeds folder.\n")
    os.symlink(outside, project / "seeds" / "linked.txt")
    (project / "seeds" / "linked.yaml").write_text(
        "publisher: P\npublished: 2024-11-19\ntitle: T\n"
    )
    code, out = run_cli(project, "check")
    assert code == 1 and "linked.txt" in out and "outside the seeds folder" in out
    assert "secret paragraph" not in out


def test_render_writes_only_inside_out(tmp_path: Path) -> None:
    project = make_hostile_project(tmp_path / "project")
    before = files_under(tmp_path)
    out = tmp_path / "nested" / "out"
    code, text = run_cli(project, "render", "--out", str(out))
    assert code == 0, text
    new = files_under(tmp_path) - before
    assert new and all(p == out or out in p.parents or p == out.parent for p in new), sorted(new)
    # A second run replaces the folder as a whole and still writes nowhere else.
    code, text = run_cli(project, "render", "--out", str(out))
    assert code == 0 and files_under(tmp_path) - before == new


@pytest.mark.parametrize("target", ["seeds", "data", "."])
def test_render_refuses_to_replace_the_input(project: Path, target: str) -> None:
    before = sorted(p.relative_to(project) for p in project.rglob("*"))
    code, out = run_cli(project, "render", "--out", str(project / target))
    assert code != 0 and "would overwrite" in out
    assert sorted(p.relative_to(project) for p in project.rglob("*")) == before


def test_ids_never_become_paths_outside_their_section(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    entities = project / "data" / "entities.yaml"
    for bad in ("../../escape", "a/b", "..", "x/../../y"):
        entities.write_text(entities.read_text().replace("- id: atacms", f"- id: '{bad}'", 1))
        code, out = run_cli(project, "render", "--out", str(tmp_path / "out"))
        assert code == 1 and "does not have the expected form" in out
        assert not (tmp_path / "out").exists() and not (tmp_path / "escape.md").exists()
        shutil.copy(
            make_project(tmp_path / "fresh" / bad.replace("/", "_")) / "data" / "entities.yaml",
            entities,
        )
