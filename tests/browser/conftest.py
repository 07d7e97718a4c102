"""Browser fixtures: each site built once, served on 127.0.0.1, one chromium for the session.

Every browser test runs against two sites:

* `fixture`: the hand-curated data of `tests/fixtures/site/data`, plus one generated data file
  that disputes two of its figures (the fixture has no disputed figure, and what a disputed
  figure looks like is one of the things checked here);
* `repository`: the repository's own project (`seeds/`, `data/`, `docs/`, `mkdocs.yml`), as
  the extractor fills `data/`. Skipped while `data/entities.yaml` does not exist.

Expectations are computed from each site's published `data.json` and from the DOM, never
from sentences of the seed articles.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import (
    Browser,
    ConsoleMessage,
    Page,
    Request,
    Response,
)

from tests.browser_support import ARTIFACTS, build_site, serve
from tests.conftest import FIXTURES, ROOT, make_project

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
SITES = ["fixture", "repository"]


@dataclass
class Site:
    """A built site served over HTTP, with the data it was built from."""

    name: str
    project: Path
    root: Path
    base: str
    data: dict[str, Any]
    units: dict[str, dict[str, Any]]
    pages: list[str] = field(default_factory=list)  # URL paths relative to base, "" = home

    def url(self, path: str = "") -> str:
        return self.base + path.lstrip("/")

    def facts(self) -> list[dict[str, Any]]:
        return [
            f for k in ("claims", "figures", "events", "quotes", "positions") for f in self.data[k]
        ]

    def source(self, source_id: str) -> dict[str, Any]:
        return next(s for s in self.data["sources"] if s["id"] == source_id)


def _dispute_figures(project: Path) -> None:
    """Adds a data file disputing the first two figures of one subject and property."""
    facts = yaml.safe_load((project / "data" / "facts.yaml").read_text("utf-8"))
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for fig in facts.get("figures") or []:
        groups.setdefault((fig["subject"], fig.get("property") or ""), []).append(fig)
    members = next(
        (
            figs[:2]
            for figs in groups.values()
            if len({json.dumps(f["value"]) for f in figs[:2]}) == 2
        ),
        None,
    )
    assert members, "the fixture data has no two differing figures of one property to dispute"
    dispute = {
        "id": "dispute-browser-figures",
        "subject": members[0]["subject"],
        "property": members[0].get("property") or "value",
        "summary": "The sources give different values for the same figure.",
        "members": [f["id"] for f in members],
    }
    text = yaml.safe_dump({"disputes": [dispute]}, sort_keys=False)
    (project / "data" / "zz-browser-disputes.yaml").write_text(text, "utf-8")


def _page_paths(root: Path) -> list[str]:
    out = []
    for path in sorted(root.rglob("*.html")):
        rel = path.relative_to(root).as_posix()
        out.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return out


@pytest.fixture(scope="session", params=SITES)
def site(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Site]:
    name = request.param
    tmp = tmp_path_factory.mktemp(f"site-{name}")
    if name == "repository":
        # BROWSER_REPOSITORY_DATA points the suite at another data folder (a trial extraction).
        data_dir = Path(os.environ.get("BROWSER_REPOSITORY_DATA") or ROOT / "data")
        if not (data_dir / "entities.yaml").is_file():
            pytest.skip(f"{data_dir} has no entities.yaml yet (the extractor has not filled data/)")
        project = make_project(tmp / "project", data_dir)
    else:
        project = make_project(tmp / "project", FIXTURES / "site" / "data")
        _dispute_figures(project)
    root = build_site(project, tmp / "site")
    units_file = project / "data" / "lexicon" / "units.yaml"
    units = {
        u["id"]: u for u in (yaml.safe_load(units_file.read_text("utf-8")) or {}).get("units", [])
    }
    data = json.loads((root / "data.json").read_text("utf-8"))
    with serve(root) as base:
        yield Site(name, project, root, base, data, units, _page_paths(root))


@dataclass
class Problems:
    """Console errors, failed requests and error responses seen by one page."""

    items: list[str] = field(default_factory=list)
    # Leaving a page while it still loads (tests navigate fast) cancels its requests:
    # `net::ERR_ABORTED`. The crawl of every page waits for the network to go idle instead.
    ignore_aborted: bool = True

    def console(self, msg: ConsoleMessage) -> None:
        if msg.type == "error":
            self.items.append(f"console error: {msg.text} ({msg.location.get('url')})")

    def failed(self, request: Request) -> None:
        if self.ignore_aborted and request.failure == "net::ERR_ABORTED":
            return
        self.items.append(f"request failed: {request.url} ({request.failure})")

    def response(self, response: Response) -> None:
        if response.status >= 400:
            self.items.append(f"HTTP {response.status}: {response.url}")


class Pages:
    """Opens pages in fresh browser contexts (viewport, colour scheme), closed at teardown."""

    def __init__(self, browser: Browser) -> None:
        self.browser = browser
        self.contexts: list[Any] = []

    def open(
        self, viewport: dict[str, int] = DESKTOP, scheme: str = "light", **options: Any
    ) -> Page:
        context = self.browser.new_context(viewport=viewport, color_scheme=scheme, **options)  # type: ignore[arg-type]
        context.set_default_timeout(5_000)
        self.contexts.append(context)
        page = context.new_page()
        problems = Problems()
        page.on("console", problems.console)
        page.on("pageerror", lambda err: problems.items.append(f"page error: {err}"))
        page.on("requestfailed", problems.failed)
        page.on("response", problems.response)
        page.problems = problems  # type: ignore[attr-defined]
        return page

    def close(self) -> None:
        for context in self.contexts:
            context.close()


@pytest.fixture
def pages(browser: Browser) -> Iterator[Pages]:
    opened = Pages(browser)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    folder = ARTIFACTS / "browser"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    return folder
