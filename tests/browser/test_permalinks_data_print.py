"""Permalinks of facts, the JSON download on every page, and the printed reference list."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from .conftest import DESKTOP, Pages, Site
from .helpers import citations, home_pages, norm, sample, visible_facts
from .test_layout import busiest_entity

pytestmark = pytest.mark.browser


def test_every_fact_has_a_permalink_that_targets_it(site: Site, pages: Pages) -> None:
    homes = home_pages(site)
    facts = visible_facts(site)
    assert [f["id"] for f in facts if f["id"] not in homes] == [], "facts without an element"
    page = pages.open(DESKTOP)
    by_page: dict[str, list[str]] = {}
    for fact in facts:
        by_page.setdefault(homes[fact["id"]], []).append(fact["id"])
    for path, ids in sorted(by_page.items()):
        page.goto(site.url(path))
        for fact_id in sample(ids, 3):
            item = page.locator(f'[id="{fact_id}"]')
            permalink = item.locator(".xp-permalink").first
            assert permalink.is_visible(), f"{fact_id}: no visible permalink"
            href = permalink.evaluate("a => a.href")
            assert unquote(urlsplit(href).fragment) == fact_id, (fact_id, href)
            permalink.click()
            page.wait_for_url(href)
            target = page.evaluate("() => document.querySelector(':target')?.id")
            assert target == fact_id
            box = item.bounding_box()
            assert box and 0 <= box["y"] < (page.viewport_size or {"height": 0})["height"], (
                f"{fact_id} not in view"
            )
            background = item.evaluate("e => getComputedStyle(e).backgroundColor")
            assert background not in ("rgba(0, 0, 0, 0)", "transparent"), (
                f"{fact_id}: target not highlighted"
            )
    assert page.problems.items == []  # type: ignore[attr-defined]


def test_the_json_download_loads_as_the_sites_data(site: Site, pages: Pages) -> None:
    page = pages.open(DESKTOP)
    response = page.request.get(site.url("data.json"))
    assert response.status == 200
    data = json.loads(response.text())
    assert data == site.data and data["sources"]
    # The download itself: the browser saves the file, and it is the same JSON.
    page.goto(site.url())
    with page.expect_download() as info:
        page.locator(".xp-data-link a[download]").click()
    saved = Path(info.value.path())
    assert json.loads(saved.read_text("utf-8")) == site.data


def test_print_shows_the_references_with_their_quoted_passages(
    site: Site, pages: Pages, artifacts: Path
) -> None:
    page = pages.open(DESKTOP)
    for path in [busiest_entity(site), "timeline/"]:
        page.goto(site.url(path))
        page.emulate_media(media="print")
        cited = page.locator("article .xp-cite__link").evaluate_all(
            "as => [...new Set(as.map(a => a.href))]"
        )
        refs = page.locator("ol.xp-references > li")
        assert refs.count() == len(cited) > 0, (
            f"{path}: {refs.count()} references for {len(cited)} passages"
        )
        quotes = {norm(c["quote"]) for f in visible_facts(site) for c in citations(f)}
        for ref in refs.all():
            assert ref.is_visible()
            quote = ref.locator("q")
            assert quote.is_visible() and norm(quote.text_content() or "") in quotes, (
                ref.inner_text()
            )
        # Previews stay hidden on paper; the sidebars are not printed.
        assert not page.locator(".xp-cite__preview").first.is_visible()
        assert not page.locator(".md-sidebar--primary").is_visible()
        pdf = page.pdf(format="A4")
        assert pdf.startswith(b"%PDF") and len(pdf) > 5_000
        (artifacts / f"{site.name}-{path.strip('/').replace('/', '_')}.pdf").write_bytes(pdf)
        page.emulate_media(media="screen")
