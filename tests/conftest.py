"""Shared fixtures: a complete explainer project in a temporary folder."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def make_project(tmp: Path, data: Path = FIXTURES / "site" / "data") -> Path:
    """A copy of the repository's seeds, lexicon, docs and mkdocs.yml with `data` as data."""
    shutil.copytree(ROOT / "seeds", tmp / "seeds")
    shutil.copytree(data, tmp / "data")
    shutil.copytree(ROOT / "data" / "lexicon", tmp / "data" / "lexicon", dirs_exist_ok=True)
    shutil.copytree(ROOT / "docs", tmp / "docs")
    shutil.copy(ROOT / "mkdocs.yml", tmp / "mkdocs.yml")
    return tmp


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A valid project built from the hand-curated fixture data."""
    return make_project(tmp_path / "project")
