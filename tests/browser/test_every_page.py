"""Every page of the site, visited in the browser: no errors, accessible, links that resolve.

One crawl per site (session-scoped) visits every HTML page in light and in dark mode, waits
for the network to go idle, runs axe-core and records links and ids; the tests read it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser

from tests.sitecheck import broken_links

from .conftest import DESKTOP, Pages, Problems, Site
from .helpers import sample

pytestmark = pytest.mark.browser

SERIOUS = {"serious", "critical"}
DARK_PAGES = 12


@dataclass
class Visit:
    problems: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    data_links: list[str] = field(default_factory=list)  # visible "Download all data" links


@pytest.fixture(scope="session")
def crawl(site: Site, browser: Browser) -> dict[str, Visit]:
    axe = Axe()
    visits: dict[str, Visit] = {}
    opened = Pages(browser)
    try:
        for scheme in ("light", "dark"):
            page = opened.open(DESKTOP, scheme)
            problems: Problems = page.problems  # type: ignore[attr-defined]
            # Requests that fail late still count: the light pass lets the network go idle.
            problems.ignore_aborted = scheme == "dark"
            wait = "networkidle" if scheme == "light" else "load"
            # Dark mode changes colours only: axe checks it on a spread of at most DARK_PAGES.
            for path in site.pages if scheme == "light" else sample(site.pages, DARK_PAGES):
                visit = visits.setdefault(path, Visit())
                problems.items.clear()
                page.goto(site.url(path), wait_until=wait)
                result = axe.run(page)
                visit.violations += [
                    f"{scheme}: {v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
                    for v in result.response["violations"] if v["impact"] in SERIOUS
                ]  # fmt: skip
                visit.problems += [f"{scheme}: {p}" for p in problems.items]
                if scheme == "light":
                    found: dict[str, Any] = page.evaluate(
                        """() => ({links: [...document.querySelectorAll('a[href]')].map(a => a.href),
                                   ids: [...document.querySelectorAll('[id]')].map(e => e.id)})"""
                    )
                    visit.links, visit.ids = found["links"], set(found["ids"])
                    link = page.locator(".xp-data-link a[download]")
                    visit.data_links = [
                        x.evaluate("a => a.href")
                        for x in link.all()
                        if x.is_visible() and "JSON" in x.inner_text()
                    ]
    finally:
        opened.close()
    return visits


def test_no_console_error_or_failed_request_on_any_page(
    site: Site, crawl: dict[str, Visit]
) -> None:
    assert len(crawl) == len(site.pages) >= 10
    assert {p: v.problems for p, v in crawl.items() if v.problems} == {}


def test_axe_finds_no_serious_or_critical_violation(crawl: dict[str, Visit]) -> None:
    assert {p: v.violations for p, v in crawl.items() if v.violations} == {}


def test_every_internal_link_and_anchor_resolves(
    site: Site, crawl: dict[str, Visit], pages: Pages
) -> None:
    assert broken_links(site.root) == []
    page = pages.open(DESKTOP)
    by_url = {site.url(p): v for p, v in crawl.items()}
    files: dict[str, int] = {}
    broken, linked = [], set()
    for path, visit in crawl.items():
        for href in visit.links:
            if not href.startswith(site.base):
                continue
            parts = urlsplit(href)
            target = f"{parts.scheme}://{parts.netloc}{parts.path}"
            linked.add(target)
            if target in by_url:
                if parts.fragment and unquote(parts.fragment) not in by_url[target].ids:
                    broken.append(f"{path or '/'} -> {href} (no such anchor)")
            else:
                if target not in files:
                    files[target] = page.request.get(target).status
                if files[target] != 200:
                    broken.append(f"{path or '/'} -> {href} (HTTP {files[target]})")
    assert broken == []
    # Every page can be reached by following links (the 404 page excepted).
    unreached = [p for p in site.pages if site.url(p) not in linked and p != "404.html"]
    assert unreached == []


def test_every_page_links_the_json_download(site: Site, crawl: dict[str, Visit]) -> None:
    """The data link on each page (its download and content: test_permalinks_data_print)."""
    wrong = {
        p: v.data_links
        for p, v in crawl.items()
        if p != "404.html" and v.data_links != [site.url("data.json")]
    }
    assert wrong == {}
