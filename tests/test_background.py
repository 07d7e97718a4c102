"""Pages rendered in a forked child: the same site, the same errors, nothing left behind."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.background import ChildStream, Emit, StreamBroken, can_fork
from generator.sitebuild import SiteBuild, SiteContent, assemble, head_of, site_parts
from tests.cli_support import run_cli

MKDOCS = [sys.executable, "-m", "mkdocs"]

_INNER = "EXPLAINER_TEST_FRESH_PROCESS"
Test = Callable[[], None]


def needs_fork(test: Test) -> Test:
    """Run `test` where this process may fork; else in a fresh pytest process, which may.

    Browser tests leave Playwright's threads running for the rest of the session, and a
    process with threads never forks (see `background.can_fork`).
    """

    @functools.wraps(test)
    def run() -> None:
        if can_fork():
            return test()
        if os.environ.get(_INNER):
            pytest.skip("no safe fork on this platform")
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-q",
                "-p",
                "no:cacheprovider",
                f"{__file__}::{test.__name__}",
            ],
            capture_output=True,
            text=True,
            timeout=300,
            env={**os.environ, _INNER: "1"},
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert " passed" in result.stdout, result.stdout

    return run


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


def _receive_all(stream: ChildStream) -> list[object]:
    items = []
    try:
        while True:
            items.append(stream.receive())
    except StreamBroken:
        return items
    finally:
        stream.close()


@needs_fork
def test_a_child_streams_its_items_in_order_from_another_process() -> None:
    def work(emit: Emit) -> None:
        for i in range(3):
            emit((os.getpid(), i, "x" * 200_000))  # bigger than a default pipe buffer

    items = _receive_all(ChildStream(work))
    assert [i for _, i, _ in items] == [0, 1, 2]
    assert {pid for pid, _, _ in items} != {os.getpid()}


@needs_fork
def test_a_failing_child_ends_its_stream_after_what_it_sent() -> None:
    def work(emit: Emit) -> None:
        emit("first")
        raise Boom

    assert _receive_all(ChildStream(work)) == ["first"]


@needs_fork
def test_an_item_that_cannot_cross_the_pipe_ends_the_stream() -> None:
    def work(emit: Emit) -> None:
        emit("first")
        emit(lambda: None)  # functions do not pickle
        emit("never")

    assert _receive_all(ChildStream(work)) == ["first"]


def _content(tag: str) -> SiteContent:
    return SiteContent({"b.md": f"B {tag}", "a.md": f"A {tag}"}, f"[{tag}]", {}, "2024-11-18")


@needs_fork
def test_a_site_build_takes_parts_from_the_child_and_the_rest_from_a_rebuild() -> None:
    calls: list[int] = []

    def fallback() -> SiteContent:
        calls.append(os.getpid())
        return _content("here")

    def work(emit: Emit) -> None:
        content = _content("child")
        parts = site_parts(
            head_of(content), sorted(content.pages.items()), lambda: content.data_json
        )
        emit(next(parts))  # the head
        emit(next(parts))  # a.md
        raise Boom  # then the child dies

    site = SiteBuild(stream=ChildStream(work), fallback=fallback)
    assert site.head().paths == ("a.md", "b.md") and not site.ready
    assert site.page("a.md") == "A child"
    assert calls == []
    assert site.page("b.md") == "B here"  # the stream broke: built here, used from now on
    assert calls == [os.getpid()] and site.ready
    assert site.content().data_json == "[here]"
    site.close()


def test_a_site_build_without_a_child_builds_at_once_and_raises_there() -> None:
    def fallback() -> SiteContent:
        raise Boom("the real message")

    with pytest.raises(Boom, match="the real message"):
        SiteBuild(fallback=fallback)
    site = SiteBuild(fallback=lambda: _content("here"))
    assert site.ready and site.page("b.md") == "B here"


@needs_fork
def test_a_whole_stream_gives_the_same_content_as_the_child_assembled() -> None:
    def work(emit: Emit) -> SiteContent:
        content = _content("child")
        return assemble(
            site_parts(head_of(content), sorted(content.pages.items()), lambda: "[child]"),
            emit,
        )

    site = SiteBuild(stream=ChildStream(work), fallback=lambda: _content("here"))
    assert site.content() == _content("child")
    site.close()


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


@pytest.mark.parametrize("background", [True, False])
def test_a_broken_override_template_stops_the_build_with_its_place(
    project: Path, background: bool
) -> None:
    overrides = project / "overrides"
    overrides.mkdir()
    (overrides / "timeline.md.j2").write_text("# Timeline\n\n{% for e in events %}\n{{ e.nope\n")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "      data_dir: data\n",
            "      data_dir: data\n      templates_dir: overrides\n"
            f"      background_render: {str(background).lower()}\n",
        )
    )
    result = _build(project, project / "site")
    assert result.returncode == 1
    assert "overrides/timeline.md.j2:4: " in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_a_template_that_fails_while_rendering_names_its_line(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    overrides = project / "overrides"
    overrides.mkdir()
    (overrides / "timeline.md.j2").write_text("# Timeline\n\n{{ no_such_name.attribute }}\n")
    monkeypatch.chdir(project)  # messages name files relative to the working directory
    code, output = run_cli(
        project, "render", "--templates", str(overrides), "--out", str(project / "out")
    )
    assert code == 1
    assert "overrides/timeline.md.j2:3: template error: 'no_such_name' is undefined" in output
    assert not (project / "out").exists()
