"""Shared fixtures: a complete explainer project in a temporary folder."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from playwright.sync_api import Browser, Playwright, sync_playwright

from tests.browser_support import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

# CI runs the same examples every time (a red run must be reproducible, not bad luck);
# locally hypothesis keeps exploring new examples.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


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


# One Playwright and one chromium for the whole session: the sync API cannot start a second
# time in a thread where it already runs, so every browser test shares these.
@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Playwright]:
    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def browser(playwright_instance: Playwright) -> Iterator[Browser]:
    browser = playwright_instance.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()
