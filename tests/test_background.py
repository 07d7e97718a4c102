"""Pages rendered in a forked child: the same site, the same errors, nothing left behind."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.background import Pending, can_fork

MKDOCS = [sys.executable, "-m", "mkdocs"]

needs_fork = pytest.mark.skipif(not can_fork(), reason="no safe fork here")


def _build(project: Path, site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "-d", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


class Boom(Exception):
    pass


@needs_fork
def test_the_value_comes_from_a_child_process_and_then_runs_there_once(tmp_path: Path) -> None:
    log = tmp_path / "then.log"

    def then(value: tuple[int, int]) -> None:
        with log.open("a") as handle:
            handle.write(f"{value[1]}\n")

    pending = Pending(lambda: (os.getpid(), 42), then)
    pid, answer = pending.result()
    pending.wait()
    assert answer == 42
    assert pid != os.getpid()  # computed in the child
    assert log.read_text() == "42\n"


@needs_fork
def test_a_failing_child_leaves_the_error_to_an_in_process_run(tmp_path: Path) -> None:
    calls = tmp_path / "calls"

    def work() -> int:
        with calls.open("a") as handle:
            handle.write(f"{os.getpid()}\n")
        raise Boom("the real message")

    pending = Pending(work, lambda _: None)
    with pytest.raises(Boom, match="the real message"):
        pending.result()
    pids = calls.read_text().split()
    assert len(pids) == 2 and pids[1] == str(os.getpid()) != pids[0]


@needs_fork
def test_a_value_that_cannot_cross_the_pipe_is_computed_in_process() -> None:
    pending = Pending(lambda: lambda: os.getpid(), lambda _: None)  # lambdas do not pickle
    assert pending.result()() == os.getpid()


def test_without_fork_the_work_runs_at_once_in_process() -> None:
    seen: list[int] = []
    pending = Pending(lambda: os.getpid(), seen.append, fork=False)
    assert seen == [os.getpid()]  # before result() is asked for
    assert pending.result() == os.getpid()


def test_a_background_build_equals_an_in_process_build(project: Path, tmp_path: Path) -> None:
    background = _build(project, tmp_path / "background")
    assert background.returncode == 0, background.stderr
    # The same project with the option off, and no site cache to answer from.
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "      data_dir: data\n", "      data_dir: data\n      background_render: false\n"
        )
    )
    assert "background_render: false" in config.read_text()
    for entry in (project / ".cache" / "explainer").glob("site-*.json"):
        entry.unlink()
    in_process = _build(project, tmp_path / "in-process")
    assert in_process.returncode == 0, in_process.stderr
    assert _files(tmp_path / "background") == _files(tmp_path / "in-process")
    # The child wrote the site cache before the build ended.
    assert list((project / ".cache" / "explainer").glob("site-*.json"))


def test_a_broken_override_template_stops_the_build_before_the_site_is_cleaned(
    project: Path,
) -> None:
    site = project / "site"
    assert _build(project, site).returncode == 0
    before = _files(site)
    overrides = project / "overrides"
    overrides.mkdir()
    (overrides / "timeline.md.j2").write_text("# Timeline\n\n{% for e in events %}\n{{ e.nope\n")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "      data_dir: data\n", "      data_dir: data\n      templates_dir: overrides\n"
        )
    )
    result = _build(project, site)
    assert result.returncode == 1
    assert "overrides/timeline.md.j2:4: " in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert _files(site) == before  # the last good site is still there


def test_a_template_that_fails_while_rendering_names_its_line(project: Path) -> None:
    overrides = project / "overrides"
    overrides.mkdir()
    (overrides / "timeline.md.j2").write_text("# Timeline\n\n{{ no_such_name.attribute }}\n")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator.cli",
            "render",
            "--seeds",
            str(project / "seeds"),
            "--data",
            str(project / "data"),
            "--templates",
            str(overrides),
            "--out",
            str(project / "out"),
        ],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1
    assert "overrides/timeline.md.j2:3: template error: 'no_such_name' is undefined" in (
        result.stderr + result.stdout
    )
    assert "Traceback" not in result.stderr
    assert not (project / "out").exists()
