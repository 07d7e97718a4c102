"""Odd articles: normalised, or refused with one clear message naming the file.

Each folder of `tests/fixtures/hostile/articles` holds articles (and metadata) added to a valid
project, and `expect.txt`: a part of the message expected, or `ok` when the article must be
accepted. Passage matching over odd text is checked in test_hostile_anchoring.py.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.lexicon import load_lexicon
from generator.sources import MAX_ARTICLE_BYTES, load_sources
from generator.textnorm import fold
from tests.cli_support import run_cli
from tests.conftest import ROOT, make_project
from tests.hostile_support import HOSTILE

CASES = sorted(p for p in (HOSTILE / "articles").iterdir() if p.is_dir())


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_project(tmp_path_factory.mktemp("hostile-articles") / "base")


def with_articles(base: Path, tmp: Path, files: list[Path]) -> Path:
    project = tmp / "project"
    shutil.copytree(base, project)
    for path in files:
        shutil.copy(path, project / "seeds" / path.name)
    return project


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_odd_article_is_normalised_or_refused_clearly(
    base: Path, tmp_path: Path, case: Path
) -> None:
    expect = (case / "expect.txt").read_text().strip()
    files = sorted(p for p in case.iterdir() if p.name != "expect.txt")
    code, out = run_cli(with_articles(base, tmp_path, files), "check")
    if expect == "ok":
        assert code == 0, out
        return
    assert code == 1, out
    problems = [line for line in out.splitlines() if line.startswith("seeds/") or "/seeds/" in line]
    assert len(problems) == 1, f"one problem, one message:\n{out}"
    assert expect in problems[0], out
    assert any(f.name in problems[0] for f in files), "the message names the file"


def test_a_5_mb_article_is_refused_before_it_is_read(base: Path, tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(base, project)
    with (project / "seeds" / "huge.txt").open("w") as handle:
        paragraph = "A sentence that repeats, over and over, to make a huge article.\n\n"
        handle.write(paragraph * (5 * 1024 * 1024 // len(paragraph) + 1))
    (project / "seeds" / "huge.yaml").write_text(
        "publisher: P\npublished: 2024-11-19\ntitle: Huge\n"
    )
    assert (project / "seeds" / "huge.txt").stat().st_size > MAX_ARTICLE_BYTES
    code, out = run_cli(project, "check")
    assert code == 1 and "huge.txt" in out and "limit" in out


def test_normalised_text_keeps_the_words_and_drops_the_noise(tmp_path: Path) -> None:
    case = HOSTILE / "articles" / "bom-crlf-nbsp-curly"
    shutil.copytree(case, tmp_path / "seeds", ignore=shutil.ignore_patterns("expect.txt"))
    lexicon, problems = load_lexicon(ROOT / "data" / "lexicon")
    sources, problems = load_sources(tmp_path / "seeds", lexicon.layout)
    assert problems == []
    raw = (case / "story.txt").read_bytes().decode("utf-8")
    text = sources[0].text
    assert "\ufeff" not in text and "\r" not in text
    # Only line endings and the BOM change: every other character is kept as written.
    assert text == raw.removeprefix("\ufeff").replace("\r\n", "\n")
    assert fold(text) == fold(raw)
    assert [text[p.start : p.end] for p in sources[0].paragraphs][
        -1
    ] == "The second paragraph closes the story."
