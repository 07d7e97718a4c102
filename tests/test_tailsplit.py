"""`extract --jobs 2` combines and merges on two cores (`tailsplit`, `forksplit`): the same
files as `--jobs 1`, editors' edits included, and the same errors, a child's included."""

from __future__ import annotations

import os
import re
import shutil
import signal
from pathlib import Path
from typing import Any

import pytest

from generator.errors import ExplainerError, Problem, ProblemsError
from generator.extract import combine as combine_module
from generator.extract import run as run_module
from generator.extract.forksplit import Channel, Forked
from generator.extract.run import run_extract

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "tests" / "fixtures" / "articles"


def _project(root: Path) -> Path:
    shutil.copytree(ARTICLES, root / "seeds")
    shutil.copytree(ROOT / "data" / "lexicon", root / "data" / "lexicon")
    return root


def _extract(root: Path, jobs: int) -> Any:
    return run_extract(
        root / "seeds", root / "data", jobs=jobs, progress=False, cache_dir=root / "cache"
    )


def _files(root: Path) -> dict[str, bytes]:
    found = [*sorted((root / "data").glob("*.yaml")), root / "data" / ".extract" / "state.json"]
    return {p.name: p.read_bytes() for p in found}


def _delete_item(path: Path, item_id: str) -> None:
    text = path.read_text()
    block = re.search(rf"^- id: {item_id}\n(?:(?!- id: ).*\n)*", text, re.M)
    assert block, item_id
    path.write_text(text[: block.start()] + text[block.end() :])


def _edit(data: Path) -> None:
    """An editor's day: dispute members deleted, a comment, an entity reviewed."""
    disputes = (data / "disputes.yaml").read_text()
    for kind, name in (("evt", "events"), ("fig", "figures"), ("claim", "claims")):
        member = re.search(rf"^  - ({kind}-\w+)$", disputes, re.M)
        if member:
            _delete_item(data / f"{name}.yaml", member.group(1))
    lines = (data / "quotes.yaml").read_text().splitlines(keepends=True)
    third = [i for i, line in enumerate(lines) if line.startswith("- id: ")][2]
    lines.insert(third, "# Editor: checked against the transcript\n")
    (data / "quotes.yaml").write_text("".join(lines))
    entities = data / "entities.yaml"
    entities.write_text(entities.read_text().replace("status: extracted", "status: reviewed", 1))


def _split_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = run_module.combine_and_merge

    def counted(*args: Any) -> Any:
        calls.append(1)
        return real(*args)

    monkeypatch.setattr(run_module, "combine_and_merge", counted)
    return calls


def test_two_jobs_write_what_one_job_writes_edits_included(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _split_calls(monkeypatch)
    one, two = _project(tmp_path / "one"), _project(tmp_path / "two")
    first = _extract(one, jobs=1), _extract(two, jobs=2)
    assert calls == [1]  # the split ran, for --jobs 2 only
    assert _files(one) == _files(two)
    assert str(first[0]) == str(first[1])
    for root in (one, two):
        _edit(root / "data")
    again = _extract(one, jobs=1), _extract(two, jobs=2)
    assert _files(one) == _files(two)
    assert str(again[0]) == str(again[1])
    assert "deleted by an editor" in str(again[1]) and again[1].total("skipped_deleted") >= 2


def _bad_claims(stage: Any) -> Any:
    claims, disputes = _REAL_CLAIMS(stage)
    claims[0]["confidence"] = "certain"
    claims[1]["status"] = 3
    return claims, disputes


_REAL_CLAIMS = combine_module.combine_claims


def test_invalid_claims_from_the_child_are_the_same_problems(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(combine_module, "combine_claims", _bad_claims)
    found: list[list[tuple[str, str]]] = []
    for jobs in (1, 2):
        root = _project(tmp_path / f"jobs{jobs}")
        with pytest.raises(ProblemsError) as caught:
            _extract(root, jobs=jobs)
        found.append([(Path(p.file).name, p.message) for p in caught.value.problems])
        assert not list((root / "data").glob("*.yaml"))  # nothing written
    assert found[0] == found[1] and len(found[0]) >= 2
    assert {name for name, _message in found[0]} == {"claims.yaml"}


@pytest.mark.parametrize(
    ("failure", "error", "words"),
    [
        ("explainer", ExplainerError, "a clear user error"),
        ("bug", KeyError, "'missing'"),
        ("death", ExplainerError, "ended without answering (killed by signal 9)"),
    ],
)
def test_a_failing_child_is_a_clean_error_and_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: str, error: type, words: str
) -> None:
    def failing(stage: Any) -> Any:
        if failure == "explainer":
            raise ExplainerError("a clear user error")
        if failure == "bug":
            raise KeyError("missing")
        os.kill(os.getpid(), signal.SIGKILL)

    monkeypatch.setattr(combine_module, "combine_claims", failing)
    root = _project(tmp_path)
    with pytest.raises(error) as caught:
        _extract(root, jobs=2)
    assert type(caught.value) is error and words in str(caught.value)
    assert not list((root / "data").glob("*.yaml"))
    assert not (root / "data" / ".extract" / "state.json").exists()


def test_forked_exchanges_messages_and_returns_the_answer() -> None:
    def child(parent: Channel) -> int:
        parent.send(os.getpid())
        return int(parent.recv()) * 2

    with Forked(child) as forked:
        assert forked.recv() == forked.pid != os.getpid()
        forked.send(21)
        assert forked.recv() == 42


def test_forked_problems_come_back_as_the_same_problems() -> None:
    problems = [Problem("b.yaml", 0, 0, "second"), Problem("a.yaml", 2, 1, "first")]

    def child(parent: Channel) -> None:
        raise ProblemsError(problems)

    with Forked(child) as forked, pytest.raises(ProblemsError) as caught:
        forked.recv()
    assert caught.value.problems == ProblemsError(problems).problems


def test_a_parent_failing_first_kills_and_reaps_the_child() -> None:
    def child(parent: Channel) -> None:
        parent.recv()  # waits for ever: only the kill ends it

    with pytest.raises(RuntimeError), Forked(child) as forked:
        raise RuntimeError("the parent's own error")
    with pytest.raises(ChildProcessError):
        os.waitpid(forked.pid, os.WNOHANG)  # reaped already
