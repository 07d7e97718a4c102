"""Material's search finds an entity's page by any of the names the sources use for it."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import Page

from .conftest import DESKTOP, Pages, Site

pytestmark = pytest.mark.browser


def search(page: Page, query: str, want: str) -> list[str]:
    """Types `query` into the search box; returns result links (scrolled until `want` shows)."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    # Results of the previous query must be gone before the new one is read.
    page.wait_for_function(
        "() => !/matching document/i.test(document.querySelector('.md-search-result__meta')?.textContent || '')"
    )
    box.press_sequentially(query, delay=5)
    meta = page.locator(".md-search-result__meta")
    page.wait_for_function(
        """q => { const m = document.querySelector('.md-search-result__meta');
                  return m && /matching document/i.test(m.textContent)
                    && document.querySelector('input.md-search__input').value === q; }""",
        arg=query,
    )
    # Material answers every keystroke, and the answer to a shorter prefix can still be on
    # screen when the box already holds the whole query; it also renders results in batches
    # as the list scrolls. So: scroll and re-read until `want` shows, or until the count and
    # the list have stayed the same for several reads with every result rendered.
    links = page.locator(".md-search-result__item > .md-search-result__link")
    last: tuple[str, int] | None = None
    unchanged = 0
    found: list[str] = []
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        text = meta.inner_text()
        found = links.evaluate_all("as => as.map(a => a.origin + a.pathname)")
        if want in found:
            return found
        total = int(text.split()[0]) if text.split()[0].isdigit() else 0
        unchanged = unchanged + 1 if (text, len(found)) == last else 0
        last = (text, len(found))
        if unchanged >= 4 and len(found) >= total:
            return found
        page.locator(".md-search__scrollwrap").evaluate("el => el.scrollTo(0, el.scrollHeight)")
        page.wait_for_timeout(100)
    return found


def test_search_finds_entities_by_every_alias(site: Site, pages: Pages) -> None:
    entities = [e for e in site.data["entities"] if e.get("status") != "rejected"]
    texts = [p.read_text("utf-8") for p in sorted((site.project / "seeds").glob("*.txt"))]
    in_sources = [(e, a) for e in entities for a in e["aliases"]
                  if a.casefold() != e["name"].casefold() and any(a in t for t in texts)]  # fmt: skip
    # Names as the articles write them, misspellings included, must find the page too.
    assert in_sources, (
        "no alias of any entity occurs in a source: the misspelling case is unchecked"
    )
    page = pages.open(DESKTOP)
    page.goto(site.url())
    missing = []
    for entity in entities:
        folder = "weapons" if entity["kind"] == "weapon" else "actors"
        want = site.url(f"{folder}/{entity['id']}/")
        for alias in entity["aliases"] or [entity["name"]]:
            results = search(page, alias, want)
            if want not in results:
                missing.append(f"{alias!r} -> {len(results)} results without {want}")
    assert missing == []
    assert page.problems.items == []  # type: ignore[attr-defined]
