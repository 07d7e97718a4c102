"""`generator.extract` refuses compiled modules whose sources changed since they were
compiled (`scripts/compile_extractor.py`), and runs as ever when nothing is compiled."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

import generator.extract as package


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "extract"
    folder.mkdir()
    shutil.copy(Path(package.__file__).with_name("article.py"), folder / "article.py")
    return folder


def _manifest(folder: Path, digest: str | None = None) -> Path:
    source = folder / "article.py"
    digest = digest or hashlib.sha256(source.read_bytes()).hexdigest()
    manifest = folder / "_compiled.txt"
    manifest.write_text(f"article.py {digest}\n", "utf-8")
    return manifest


def test_unchanged_sources_pass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _copy(tmp_path)
    monkeypatch.setattr(package, "_MANIFEST", _manifest(folder))
    package._check_compiled()


def test_no_manifest_nothing_to_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(package, "_MANIFEST", tmp_path / "_compiled.txt")
    package._check_compiled()


def test_edited_source_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _copy(tmp_path)
    manifest = _manifest(folder)
    (folder / "article.py").write_text("# edited\n", "utf-8")
    monkeypatch.setattr(package, "_MANIFEST", manifest)
    with pytest.raises(ImportError, match=r"article\.py changed since the extractor was compiled"):
        package._check_compiled()


def test_deleted_source_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _copy(tmp_path)
    manifest = _manifest(folder)
    (folder / "article.py").unlink()
    monkeypatch.setattr(package, "_MANIFEST", manifest)
    with pytest.raises(ImportError, match="make compiled"):
        package._check_compiled()
