"""`run_extract`: validation before writing, cache and warm skip, process pool, the lock,
and kill safety (every file old or new, and the next run ends where an unbroken one would)."""

from __future__ import annotations

import json
import logging
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from generator.errors import ExplainerError, ProblemsError
from generator.extract import run as run_module
from generator.extract.run import run_extract
from generator.yamlfile import read_yaml
from tests.extract_fakes import (
    fake_combine,
    fake_extract,
    fake_knowledge,
    paragraph_pool,
    slow_extract,
    write_article,
)

ROOT = Path(__file__).resolve().parent.parent
FAKES = {"extract_fn": fake_extract, "combine_fn": fake_combine, "knowledge_fn": fake_knowledge}


def _project(root: Path, articles: int = 4, first: int = 0) -> Path:
    pool = paragraph_pool()
    rng = random.Random(articles)
    for n in range(first, first + articles):
        write_article(root / "seeds", f"a{n:03d}", rng.sample(pool, 5))
    return root


def _extract(root: Path, **kwargs: Any) -> Any:
    options = {"progress": False, "cache_dir": root / "cache", **FAKES, **kwargs}
    return run_extract(root / "seeds", root / "data", **options)


def _snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name not in ("lock", "extract.log", "child.err")
    }


def _data_files(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((root / "data").glob("*.yaml"))}


def _edit(root: Path) -> None:
    """An editor's session: fix a claim, delete a figure, comment an entity."""
    claims = root / "data" / "claims.yaml"
    claims.write_text(claims.read_text().replace("text: ", "text: Fixed by hand. ", 1))
    figures = (root / "data" / "figures.yaml").read_text().split("\n- id:")
    (root / "data" / "figures.yaml").write_text("\n- id:".join([figures[0], *figures[2:]]))
    entities = root / "data" / "entities.yaml"
    entities.write_text(entities.read_text().replace("kind: actor", "kind: actor  # note-kill", 1))


def test_broken_yaml_and_seeds_are_reported_together_and_nothing_is_written(tmp_path: Path) -> None:
    root = _project(tmp_path)
    _extract(root)
    _edit(root)
    (root / "data" / "claims.yaml").write_text("claims:\n  - id: [unclosed\n")
    entities = root / "data" / "entities.yaml"
    entities.write_text(entities.read_text().replace("kind: actor", "kind: robot", 1))
    (root / "seeds" / "a000.yaml").write_text("publisher: X\npublished: 2024-11-18\n")
    write_article(root / "seeds", "a900", paragraph_pool()[:2])  # would be new work
    before = _snapshot(root)
    with pytest.raises(ProblemsError) as err:
        _extract(root)
    text = str(err.value)
    assert "claims.yaml:3:1:" in text and "entities.yaml:" in text and "'robot'" in text
    assert "a000.yaml" in text and "missing 'title'" in text
    assert _snapshot(root) == before


def test_warm_rerun_skips_and_an_edit_reuses_the_cache(tmp_path: Path) -> None:
    root = _project(tmp_path)
    first = _extract(root)
    assert first.from_cache == 0 and first.total("added") > 0
    files = _data_files(root)
    again = _extract(root)
    assert again.skipped and _data_files(root) == files
    _edit(root)
    edited = _data_files(root)
    third = _extract(root)
    assert not third.skipped and third.from_cache == third.articles == 4
    assert third.total("skipped_deleted") == 1 and third.written == ["disputes.yaml"]
    after = _data_files(root)
    assert after["disputes.yaml"] != edited.pop("disputes.yaml")  # lost a deleted member
    assert {k: v for k, v in after.items() if k != "disputes.yaml"} == edited


def _combine_bad_claim(per_article: Any, knowledge: Any, sources: Any) -> Any:
    out = fake_combine(per_article, knowledge, sources)
    out["claims"][0]["confidence"] = "very"  # not a key of the schema: a bug in the extractor
    return out


def test_invalid_extractor_output_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    root = _project(tmp_path)
    _extract(root)
    before = _snapshot(root)
    with pytest.raises(ProblemsError) as caught:
        _extract(root, combine_fn=_combine_bad_claim)
    text = "\n".join(str(p) for p in caught.value.problems)
    assert "claims.yaml" in text and "extract would write an invalid item" in text
    assert "confidence" in text
    assert {k: v for k, v in _snapshot(root).items() if not k.startswith("cache/")} == {
        k: v for k, v in before.items() if not k.startswith("cache/")
    }


def test_a_process_pool_writes_the_same_files(tmp_path: Path) -> None:
    one, two = _project(tmp_path / "one", 12), _project(tmp_path / "two", 12)
    _extract(one, jobs=1, use_cache=False)
    report = _extract(two, jobs=2, use_cache=False)
    assert report.articles == 12 and report.from_cache == 0
    assert _data_files(one) == _data_files(two) and _data_files(one)


def test_default_extractor_missing_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing(module: str, name: str) -> Any:
        raise ExplainerError(f"the extractor is not installed: no {module}")

    monkeypatch.setattr(run_module, "_stage", missing)
    root = _project(tmp_path)
    with pytest.raises(ExplainerError, match="not installed"):
        run_extract(root / "seeds", root / "data", progress=False, cache_dir=root / "cache")


_CHILD = """
import sys
sys.path.insert(0, {root!r})
from pathlib import Path
from generator.extract.run import run_extract
from tests.extract_fakes import {extract}, fake_combine, fake_knowledge
run_extract(Path({seeds!r}), Path({data!r}), progress=False, cache_dir=Path({cache!r}),
            extract_fn={extract}, combine_fn=fake_combine, knowledge_fn=fake_knowledge)
"""


def _spawn(root: Path, extract: str = "fake_extract") -> subprocess.Popen[bytes]:
    code = _CHILD.format(
        root=str(ROOT),
        extract=extract,
        seeds=str(root / "seeds"),
        data=str(root / "data"),
        cache=str(root / "cache"),
    )
    with (root / "child.err").open("ab") as err:  # the child keeps its own copy of the fd
        return subprocess.Popen([sys.executable, "-c", code], stderr=err)


def test_lock_refuses_or_waits_and_runs_never_interleave(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = _project(tmp_path, 20)
    log = root / "extract.log"
    child = _spawn(root, "slow_extract")
    deadline = time.monotonic() + 20
    while not (log.exists() and log.read_text()) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert child.poll() is None, "the child finished before the test could race it"
    with pytest.raises(ExplainerError, match="another extract"):
        _extract(root, wait=False)
    child_lines = len(log.read_text().splitlines())
    write_article(root / "seeds", "a000", paragraph_pool()[:3])  # new input: ours must run
    with caplog.at_level(logging.WARNING):
        ours = _extract(root, extract_fn=slow_extract, use_cache=False)
    assert child.wait(timeout=30) == 0
    assert "waiting" in caplog.text, ours
    assert ours.articles == 20 and not ours.skipped, ours
    pids = [line.split()[1] for line in log.read_text().splitlines()]
    # Two runs of 20 articles, one after the other: the child's lines, then ours.
    assert pids == [str(child.pid)] * 40 + [str(os.getpid())] * 40
    assert child_lines < 40


def _old_and_new(tmp_path: Path) -> tuple[Path, dict[str, bytes], dict[str, bytes]]:
    template = _project(tmp_path / "template", 12)
    _extract(template)
    _edit(template)
    _project(template, 4, first=12)  # new articles: new facts and corroborations
    shutil.rmtree(template / "cache")
    reference = tmp_path / "reference"
    shutil.copytree(template, reference)
    _extract(reference)
    return template, _data_files(template), _data_files(reference)


def _assert_old_or_new(work: Path, old: dict[str, bytes], new: dict[str, bytes]) -> None:
    for name, raw in _data_files(work).items():
        assert raw in (old.get(name), new.get(name)), f"{name} is neither old nor new"
        doc, problems = read_yaml(work / "data" / name, name)
        assert doc is not None and not problems
    state = work / "data" / ".extract" / "state.json"
    json.loads(state.read_text())


def test_a_crash_between_any_two_writes_converges(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Die before the 1st, 2nd, ... write (pending state, data files, final state)."""
    template, old, new = _old_and_new(tmp_path)
    real_write, real_save = run_module.write_atomic, run_module.store.save_state
    crash_after = 0
    while True:
        work = tmp_path / f"crash{crash_after}"
        shutil.copytree(template, work)
        writes: list[object] = []

        def counted(real: Any, writes: list[object] = writes, limit: int = crash_after) -> Any:
            def write(*args: Any) -> None:
                if len(writes) == limit:
                    raise KeyboardInterrupt("killed")
                writes.append(args[0])
                real(*args)

            return write

        monkeypatch.setattr(run_module, "write_atomic", counted(real_write))
        monkeypatch.setattr(run_module.store, "save_state", counted(real_save))
        try:
            _extract(work)
        except KeyboardInterrupt:
            pass
        else:
            break
        finally:
            monkeypatch.undo()
        _assert_old_or_new(work, old, new)
        _extract(work)
        assert _data_files(work) == new, f"a crash before write {crash_after + 1} did not converge"
        crash_after += 1
    assert crash_after >= 4  # pending state, 2+ data files, final state


@pytest.mark.slow
def test_sigkill_at_random_moments_leaves_files_old_or_new(tmp_path: Path) -> None:
    template, old, new = _old_and_new(tmp_path)
    timing = tmp_path / "timing"
    shutil.copytree(template, timing)
    started = time.monotonic()
    assert _spawn(timing).wait(timeout=60) == 0
    duration = time.monotonic() - started
    rng = random.Random(7)
    for attempt in range(6):
        work = tmp_path / f"kill{attempt}"
        shutil.copytree(template, work)
        child = _spawn(work)
        time.sleep(duration * (0.5 + 0.6 * rng.random()))
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
        _assert_old_or_new(work, old, new)
        _extract(work)
        assert _data_files(work) == new


def test_the_extractor_digest_covers_the_article_readers(tmp_path: Path) -> None:
    """A change to how articles are read (their header, paragraphs, clean text) changes
    every result: the cache and the skip must see it as they see the extractor's own code."""
    import importlib.util

    from generator.extract.store import extractor_digest

    package = tmp_path / "pkg"
    (package / "extract").mkdir(parents=True)
    (package / "extract" / "stage.py").write_text(
        "def extract(source, knowledge):\n    return {}\n"
    )
    (package / "sources.py").write_text("HEADLINE_REACH = 4\n")
    spec = importlib.util.spec_from_file_location("pkg_stage", package / "extract" / "stage.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    before = extractor_digest(module.extract)
    (package / "sources.py").write_text("HEADLINE_REACH = 5\n")
    assert extractor_digest(module.extract) != before


def test_the_extractor_digest_covers_its_subpackages(tmp_path: Path) -> None:
    """A change to a module of a subpackage of the extractor's package (`extract/names/`,
    `extract/quotes/`) changes every result as a change to a module at its top does."""
    import importlib.util

    from generator.extract.store import extractor_digest

    package = tmp_path / "pkg"
    (package / "extract" / "names").mkdir(parents=True)
    (package / "extract" / "stage.py").write_text(
        "def extract(source, knowledge):\n    return {}\n"
    )
    (package / "extract" / "names" / "people.py").write_text("REACH = 4\n")
    spec = importlib.util.spec_from_file_location("pkg_stage2", package / "extract" / "stage.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    before = extractor_digest(module.extract)
    (package / "extract" / "names" / "people.py").write_text("REACH = 5\n")
    assert extractor_digest(module.extract) != before
