"""Broken data files: one clear `file:line:col: message` each, exit status 1, never a traceback.

Each file of `tests/fixtures/hostile/data` has a line `# expect: <part of the message>` and
marks the line the problem must be reported at with `# <-`. Every file is checked on its own
(`explainer check`, `explainer extract`), and all of them together in one `mkdocs build`.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import yamlfile, yamlread
from generator.schemacheck import schema_problems
from generator.yamlfile import MAX_YAML_BYTES, read_yaml
from generator.yamlread import load_plain
from tests.cli_support import run_cli
from tests.conftest import make_project
from tests.hostile_support import HOSTILE

CASES = sorted((HOSTILE / "data").glob("*.yaml"))


def expectation(path: Path) -> tuple[str, int]:
    """The expected message part and the 1-based line marked `# <-`."""
    lines = path.read_bytes().decode("utf-8", "replace").removeprefix("\ufeff").splitlines()
    expect = next((m for m in map(re.compile(r"# expect: (.*)").match, lines) if m), None)
    assert expect, f"{path.name} has no '# expect:' line"
    marked = [i for i, line in enumerate(lines, 1) if line.rstrip().endswith("# <-")]
    assert len(marked) == 1, f"{path.name} must mark exactly one line with '# <-'"
    return expect.group(1), marked[0]


def problem_lines(output: str, name: str) -> list[str]:
    return [line for line in output.splitlines() if f"data/{name}:" in line]


def assert_reported(output: str, case: Path, single: bool = True) -> None:
    expect, line = expectation(case)
    found = problem_lines(output, case.name)
    assert found, f"{case.name}: no problem reported\n{output}"
    at_line = [f for f in found if re.search(rf"data/{re.escape(case.name)}:{line}:(\d+): ", f)]
    assert any(expect in f for f in at_line), (
        f"{case.name}: expected '{expect}' at line {line}\n{output}"
    )
    marked = (
        case.read_bytes().decode("utf-8", "replace").removeprefix("\ufeff").splitlines()[line - 1]
    )
    for f in at_line:
        col = int(re.search(rf":{line}:(\d+): ", f).group(1))  # type: ignore[union-attr]
        assert 1 <= col <= len(marked) + 1, f
    if single and "alias" not in case.name:
        assert len(found) == 1, f"{case.name}: one problem, one message\n{output}"
    assert len(found) <= 20, "a flood of messages is not clear"


def unreadable(path: Path) -> bool:
    """Whether the file fails reading or the schema (computed with the loader itself)."""
    doc, problems = load_plain(path, path.name)
    if doc is None or problems:
        return True
    if not isinstance(doc.data, dict):
        return doc.data is not None
    return bool(schema_problems(doc, doc.data, "data"))


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_project(tmp_path_factory.mktemp("hostile-yaml") / "base")


def with_file(base: Path, tmp: Path, name: str, content: bytes) -> Path:
    project = tmp / "project"
    shutil.copytree(base, project)
    (project / "data" / name).write_bytes(content)
    return project


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_each_broken_file_gets_one_clear_message(base: Path, tmp_path: Path, case: Path) -> None:
    project = with_file(base, tmp_path, case.name, case.read_bytes())
    # `extract` refuses files it cannot read or that break the schema; references and
    # citations are what `check` is for (extract may be the run that makes them whole).
    commands = ("check", "extract") if unreadable(project / "data" / case.name) else ("check",)
    for command in commands:
        code, out = run_cli(project, command)
        assert code == 1, f"{command} accepted {case.name}\n{out}"
        assert "Traceback" not in out
        assert_reported(out, case)
    # Nothing was written: a failed extract leaves the data as it was.
    assert (project / "data" / case.name).read_bytes() == case.read_bytes()


def test_all_broken_files_at_once_in_a_mkdocs_build(base: Path, tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(base, project)
    for case in CASES:
        shutil.copy(case, project / "data" / case.name)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "site")],
        cwd=project, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    for case in CASES:
        assert_reported(result.stderr, case, single=False)
    assert not (tmp_path / "site" / "index.html").exists()


@pytest.mark.parametrize(
    ("name", "content", "expect"),
    [
        ("huge.yaml", None, "the limit is"),
        ("utf-16.yaml", "entities: []\n".encode("utf-16"), "not valid UTF-8"),
    ],
    ids=["50-MB-file", "utf-16"],
)
def test_generated_broken_files(
    base: Path, tmp_path: Path, name: str, content: bytes | None, expect: str
) -> None:
    project = tmp_path / "project"
    shutil.copytree(base, project)
    target = project / "data" / name
    if content is None:  # 50 MB of valid-looking YAML, written without holding it in memory
        with target.open("wb") as handle:
            handle.write(b"entities:\n")
            chunk = b"  - {id: filler, kind: weapon, name: filler}\n" * 20_000
            while handle.tell() < 50 * 1024 * 1024:
                handle.write(chunk)
        assert target.stat().st_size > MAX_YAML_BYTES
    else:
        target.write_bytes(content)
    for command in ("check", "extract"):
        code, out = run_cli(project, command)
        assert code == 1 and "Traceback" not in out
        found = problem_lines(out, name)
        assert len(found) == 1 and expect in found[0], out


@pytest.mark.parametrize(
    "content",
    [b"", b"# only a comment\n", b"\xef\xbb\xbf", b"---\n"],
    ids=["empty", "comment", "bom-only", "empty-document"],
)
def test_an_empty_data_file_is_harmless(base: Path, tmp_path: Path, content: bytes) -> None:
    project = with_file(base, tmp_path, "empty.yaml", content)
    code, out = run_cli(project, "check")
    assert code == 0, out
    _, out_base = run_cli(base, "check")
    assert out == out_base


def test_a_bom_does_not_shift_positions(base: Path, tmp_path: Path) -> None:
    case = HOSTILE / "data" / "bom.yaml"
    assert case.read_bytes().startswith(b"\xef\xbb\xbf")
    plain = with_file(base, tmp_path, "bom.yaml", case.read_bytes().removeprefix(b"\xef\xbb\xbf"))
    _, with_bom = run_cli(with_file(base, tmp_path / "b", "bom.yaml", case.read_bytes()), "check")
    _, without = run_cli(plain, "check")

    def found(out: str) -> list[str]:
        return [line.split("data/", 1)[1] for line in problem_lines(out, "bom.yaml")]

    assert found(with_bom) == found(without) != []


def test_both_readers_refuse_the_same_files() -> None:
    """yamlread keeps its own copy of the limits (importing yamlfile would import ruamel)."""
    assert (yamlread.MAX_YAML_BYTES, yamlread.MAX_YAML_DEPTH) == (
        yamlfile.MAX_YAML_BYTES,
        yamlfile.MAX_YAML_DEPTH,
    )


DEEP = "a:\n" + "".join("  " * i + "- \n" for i in range(1, 60)) + "  " * 60 + "x\n"
QUICK_CASES = {
    "deep block": DEEP,
    "deep flow": "a: " + "[" * 60 + "]" * 60 + "\n",
    "deep, then a syntax error": "a: " + "[" * 60 + "]" * 60 + "\nb: [unclosed\n",
    "a syntax error, then deep": "b: [unclosed\n" + "a: " + "[" * 60 + "]" * 60 + "\n",
    "a custom tag, then deep": "t: !custom 1\n" + "a: " + "[" * 60 + "]" * 60 + "\n",
    "deep, then a duplicate key": "a: " + "[" * 45 + "]" * 45 + "\na: 1\n",
    "a duplicate key": "a: 1\nb: {c: 2, c: 3}\n",
    "a bad date": "a: 2024-13-45\n",
    "a control character": "a: b\x07\n",
}


@pytest.mark.parametrize(
    "text",
    [*QUICK_CASES.values(), *(p.read_text("utf-8", "replace") for p in CASES)],
    ids=[*QUICK_CASES, *(p.name for p in CASES)],
)
def test_the_quick_parse_reports_what_the_scan_first_parse_does(
    text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """yamlread composes small files before scanning for refusals; same verdicts as scanning first."""
    path = tmp_path / "case.yaml"
    path.write_text(text, "utf-8")
    doc, problems = load_plain(path, "case.yaml")
    monkeypatch.setattr(yamlread, "_SAFE_NESTING", -1)  # every file: scan first
    slow_doc, slow_problems = load_plain(path, "case.yaml")
    assert problems == slow_problems
    assert (doc is None) == (slow_doc is None)
    if doc is not None and slow_doc is not None:
        assert repr(doc.data) == repr(slow_doc.data)
        assert (doc.keys, doc.values) == (slow_doc.keys, slow_doc.values)


def test_a_complex_key_ruamel_cannot_hash_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    # Found by test_hostile_fuzz: "? : : " made ruamel hash a mapping used as a key.
    path = tmp_path / "f.yaml"
    path.write_text("? : : ")
    doc, problems = read_yaml(path, "f.yaml")
    assert doc is None
    assert [str(p) for p in problems] == [
        "f.yaml: a mapping or a list is used as a key; keys must be plain text"
    ]


def test_a_problem_after_a_next_line_character_points_inside_the_file(tmp_path: Path) -> None:
    # Found by test_hostile_fuzz: the parser put "&x" after U+0085 on the first line,
    # which YAML_LINE_BREAK ends there; the position is clamped into the file.
    path = tmp_path / "f.yaml"
    path.write_bytes(b"\xc2\x85: &x ")
    _doc, problems = read_yaml(path, "f.yaml")
    lines = yamlfile.YAML_LINE_BREAK.split("\x85: &x ")
    assert problems and all(1 <= p.col <= len(lines[p.line - 1]) + 2 for p in problems)
