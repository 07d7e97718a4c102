"""Key pages read on a phone and on a desktop, in light and dark: nothing runs off the side."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import DESKTOP, PHONE, Pages, Site
from .helpers import home_pages, visible_facts

pytestmark = pytest.mark.browser

# Elements of the article that stick out of the viewport, outside any scroll container.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const scrolls = el => { for (let a = el.parentElement; a; a = a.parentElement) {
      const o = getComputedStyle(a).overflowX; if (o === 'auto' || o === 'scroll') return true; }
    return false; };
  const out = [];
  for (const el of document.querySelectorAll('article.md-content__inner *')) {
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height || scrolls(el)) continue;
    if (r.left < -1 || r.right > width + 1) out.push(`${el.tagName.toLowerCase()}.${el.className}: ${Math.round(r.left)}..${Math.round(r.right)}`);
  }
  return {scrollWidth: document.scrollingElement.scrollWidth, innerWidth, width, out: out.slice(0, 10)};
}"""


def busiest_entity(site: Site) -> str:
    """The entity page with the most facts on it."""
    homes = home_pages(site)
    counts: dict[str, int] = {}
    for fact in visible_facts(site):
        path = homes.get(fact["id"], "")
        if path.startswith(("weapons/", "actors/")):
            counts[path] = counts.get(path, 0) + 1
    assert counts, "no fact lives on an entity page"
    return max(sorted(counts), key=lambda p: counts[p])


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_pages_fit_the_screen(
    site: Site, pages: Pages, artifacts: Path, viewport: dict[str, int], scheme: str
) -> None:
    page = pages.open(viewport, scheme)
    label = "desktop" if viewport == DESKTOP else "phone"
    for path in [
        "positions/",
        "timeline/",
        busiest_entity(site),
        "sources/" + site.data["sources"][0]["id"] + "/",
    ]:
        page.goto(site.url(path))
        palette = page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
        assert palette == ("slate" if scheme == "dark" else "default"), (
            f"{scheme}: Material shows {palette}"
        )
        name = path.strip("/").replace("/", "_") or "home"
        page.screenshot(
            path=str(artifacts / f"{site.name}-{name}-{label}-{scheme}.png"), full_page=True
        )
        state = page.evaluate(OVERFLOW)
        assert state["scrollWidth"] <= state["innerWidth"], (
            f"{path}: page scrolls sideways: {state}"
        )
        assert state["out"] == [], f"{path}: content leaves the viewport: {state}"
        # Text and its background differ (dark mode did not leave dark text on dark ground).
        fg, bg = page.evaluate(
            """() => { const s = getComputedStyle(document.querySelector('article p, article li'));
                       return [s.color, getComputedStyle(document.body).backgroundColor]; }"""
        )
        assert fg != bg
    assert page.problems.items == []  # type: ignore[attr-defined]
