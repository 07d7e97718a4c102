"""What `mkdocs serve` keeps between rebuilds never shows stale data (memo, templates, watcher)."""

from __future__ import annotations

import threading
from pathlib import Path

from jinja2 import DictLoader, Environment

from generator.export import export_json
from generator.loading import load_project
from generator.memo import Memo, file_bytes
from generator.serving import CompiledTemplates, InputWatcher


def test_memo_reuses_a_result_only_for_equal_bytes(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("one")
    memo = Memo()
    calls: list[str] = []

    def read() -> str:
        calls.append(path.read_text())
        return path.read_text()

    assert memo.get("a", lambda: file_bytes(path), read) == "one"
    assert memo.get("a", lambda: file_bytes(path), read) == "one"
    assert calls == ["one"]
    path.write_text("two")  # same length: only the bytes tell the versions apart
    assert memo.get("a", lambda: file_bytes(path), read) == "two"
    path.write_text("one")
    assert memo.get("a", lambda: file_bytes(path), read) == "one"
    assert calls == ["one", "two", "one"]


def test_memo_does_not_keep_a_result_whose_input_changed_while_computing(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("old")
    memo = Memo()

    def read_then_edit() -> str:
        text = path.read_text()
        path.write_text("new")
        return text

    assert memo.get("a", lambda: file_bytes(path), read_then_edit) == "old"
    assert len(memo) == 0
    assert memo.get("a", lambda: file_bytes(path), path.read_text) == "new"


def test_memo_sweep_forgets_unused_slots_but_not_after_an_idle_round() -> None:
    memo = Memo()
    memo.get("a", lambda: 1, lambda: "a")
    memo.get("b", lambda: 1, lambda: "b")
    memo.sweep()
    memo.sweep()  # a round without loading (site cache hit) forgets nothing
    assert len(memo) == 2
    memo.get("a", lambda: 1, lambda: "a")
    memo.sweep()
    assert len(memo) == 1


def test_loading_with_a_memo_follows_every_edit(project: Path) -> None:
    seeds, data = project / "seeds", project / "data"
    memo = Memo()
    first, problems = load_project(seeds, data, memo)
    assert first is not None, problems
    assert export_json(first) == export_json(load_project(seeds, data)[0])  # type: ignore[arg-type]

    entities = data / "entities.yaml"
    good = entities.read_text()
    entities.write_text(good + "\nbogus: 1\n")
    broken, problems = load_project(seeds, data, memo)
    assert broken is None
    assert any("unknown key 'bogus'" in p.message for p in problems)
    assert problems == load_project(seeds, data)[1]

    entities.write_text(good.replace("US-made long-range ballistic missile.", "Edited."))
    edited, problems = load_project(seeds, data, memo)
    assert edited is not None, problems
    assert "Edited." in export_json(edited)
    assert export_json(edited) == export_json(load_project(seeds, data)[0])  # type: ignore[arg-type]


def _env(source: str, cache: CompiledTemplates) -> Environment:
    env = Environment(loader=DictLoader({"page.html": source}))
    env.bytecode_cache = cache.for_environment(env)
    return env


def test_compiled_theme_templates_are_reused_until_the_source_changes() -> None:
    cache = CompiledTemplates()
    assert _env("one {{ x }}", cache).get_template("page.html").render(x=1) == "one 1"
    assert len(cache._code) == 1
    # A new environment (each rebuild makes one) gets the stored code: same output.
    assert _env("one {{ x }}", cache).get_template("page.html").render(x=2) == "one 2"
    # An edited template is compiled again, never served from the old code.
    assert _env("two {{ x }}", cache).get_template("page.html").render(x=3) == "two 3"


def test_the_input_watcher_sees_edits_and_ignores_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "claims.yaml").write_text("claims: []\n")
    changed = threading.Event()
    watcher = InputWatcher([tmp_path / "data"], changed.set)
    watcher.start()
    try:
        (tmp_path / "data" / ".claims.yaml.swp").write_text("editor state")
        (tmp_path / "data" / ".extract").mkdir()
        (tmp_path / "data" / ".extract" / "state.json").write_text("{}")
        assert not changed.wait(timeout=0.5)
        # Edited until seen: on a busy machine the watcher's first look may come late.
        for attempt in range(40):
            (tmp_path / "data" / "claims.yaml").write_text(f"claims: [] # edit {attempt}\n")
            if changed.wait(timeout=0.5):
                break
        assert changed.is_set()
    finally:
        watcher.stop()
