"""Inline citations: the preview on hover and focus, and the way to the highlighted passage."""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import Locator, Page

from .conftest import DESKTOP, PHONE, Pages, Site
from .helpers import citations, inside_viewport, long_date, norm, sample, visible_facts

pytestmark = pytest.mark.browser

# Pages whose citations sit in different layouts: running text, a table, a grid, a list.
PREVIEW_PAGES = ["", "positions/", "timeline/", "disputes/"]
PER_PAGE = 12


def expected_quotes(site: Site) -> dict[str, set[str]]:
    """Source id -> every quoted passage a visible fact cites from it."""
    out: dict[str, set[str]] = {}
    for fact in visible_facts(site):
        for c in citations(fact):
            out.setdefault(c["source"], set()).add(norm(c["quote"]))
    return out


def check_preview(site: Site, page: Page, cite: Locator, quotes: dict[str, set[str]]) -> list[str]:
    """What is wrong with the (shown) preview of `cite`, if anything."""
    problems = []
    link = cite.locator(".xp-cite__link")
    preview = cite.locator(".xp-cite__preview")
    href = link.evaluate("a => a.href")
    source_id = unquote(urlsplit(href).path).rstrip("/").rsplit("/", 1)[-1]
    source = site.source(source_id)
    if not preview.is_visible():
        return [f"{href}: preview not visible"]
    quote = norm(preview.locator(".xp-cite__quote").text_content() or "")
    if quote not in quotes.get(source_id, set()):
        problems.append(f"{href}: preview quote {quote!r} is not a passage cited from {source_id}")
    meta = norm(preview.locator(".xp-cite__meta").inner_text())
    if source["publisher"] not in meta or long_date(source["published"]) not in meta:
        problems.append(
            f"{href}: preview meta {meta!r} lacks {source['publisher']} / {source['published']}"
        )
    ok, why = inside_viewport(page, preview)
    if not ok:
        problems.append(f"{href}: preview leaves the viewport: {why}")
    return problems


def previous_focusable(page: Page, link: Locator) -> None:
    """Focus whatever comes just before `link` in tab order, so one Tab lands on it."""
    link.evaluate(
        """a => {
          const all = [...document.querySelectorAll('a[href], [tabindex="0"], button, input')]
            .filter(e => e.getClientRects().length && !e.closest('[hidden]'));
          const before = all[all.indexOf(a) - 1];
          if (before) before.focus(); else document.body.focus();
        }"""
    )


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_citation_preview_on_hover_and_focus(
    site: Site, pages: Pages, viewport: dict[str, int]
) -> None:
    quotes = expected_quotes(site)
    page = pages.open(viewport)
    checked, problems = 0, []
    for path in PREVIEW_PAGES:
        page.goto(site.url(path))
        cites = page.locator("article .xp-cite").all()
        for cite in sample(cites, PER_PAGE):
            preview = cite.locator(".xp-cite__preview")
            page.mouse.move(0, 0)
            page.evaluate("() => document.activeElement && document.activeElement.blur()")
            assert not preview.is_visible(), "a preview shows without hover or focus"
            cite.locator(".xp-cite__link").hover()
            problems += [f"{path} hover: {p}" for p in check_preview(site, page, cite, quotes)]
            page.mouse.move(0, 0)
            assert not preview.is_visible(), "a preview stays after the pointer left"
            link = cite.locator(".xp-cite__link")
            previous_focusable(page, link)
            page.keyboard.press("Tab")
            assert link.evaluate("a => document.activeElement === a"), (
                "Tab did not reach the citation"
            )
            problems += [f"{path} focus: {p}" for p in check_preview(site, page, cite, quotes)]
            page.keyboard.press("Escape")
            assert not preview.is_visible(), "Escape does not dismiss the preview"
            checked += 1
    assert checked >= 4, f"only {checked} citations found on {PREVIEW_PAGES}"
    assert problems == []
    assert page.problems.items == []  # type: ignore[attr-defined]


def _mark_state(page: Page, anchor: str) -> dict[str, Any]:
    return page.evaluate(
        """anchor => {
          const target = document.getElementById(anchor);
          const marks = [...document.querySelectorAll('mark.xp-passage')];
          const mine = marks.filter(m => (m.dataset.q || '').split(' ').includes(anchor));
          const others = marks.filter(m => !mine.includes(m) && !m.classList.contains('xp-current'));
          const first = mine[0];
          const r = first ? first.getBoundingClientRect() : null;
          const header = document.querySelector('.md-header');
          return {
            targetIsAnchor: !!target && target.matches(':target'),
            marks: mine.length,
            current: mine.filter(m => m.classList.contains('xp-current')).length,
            bg: first ? getComputedStyle(first).backgroundColor : null,
            otherBg: others.map(m => getComputedStyle(m).backgroundColor),
            top: r ? r.top : null, bottom: r ? r.bottom : null,
            headerBottom: header ? header.getBoundingClientRect().bottom : 0,
            height: innerHeight,
          };
        }""",
        anchor,
    )


def test_following_a_citation_shows_the_passage_highlighted(site: Site, pages: Pages) -> None:
    page = pages.open(DESKTOP)
    followed = 0
    for path in ["", "timeline/", "positions/"]:
        page.goto(site.url(path))
        hrefs = page.locator("article .xp-cite__link").evaluate_all("as => as.map(a => a.href)")
        for href in sample(sorted(set(hrefs)), 4):
            page.goto(site.url(path))
            page.locator(f"article .xp-cite__link[href$='{urlsplit(href).fragment}']").first.click()
            page.wait_for_url(href)
            anchor = unquote(urlsplit(href).fragment)
            state = _mark_state(page, anchor)
            assert state["targetIsAnchor"], f"{href}: the passage anchor is not the :target"
            assert state["marks"] >= 1 and state["current"] == state["marks"], (href, state)
            assert state["headerBottom"] <= state["top"] < state["height"], (
                f"{href}: passage not in view: {state}"
            )
            assert state["bg"] not in ("rgba(0, 0, 0, 0)", "transparent"), state
            assert all(bg != state["bg"] for bg in state["otherBg"]), (
                f"{href}: not told apart: {state}"
            )
            followed += 1
    assert followed >= 3
    assert page.problems.items == []  # type: ignore[attr-defined]


def test_every_highlighted_passage_links_back_to_the_facts_citing_it(
    site: Site, pages: Pages
) -> None:
    page = pages.open(DESKTOP)
    spans: dict[str, set[tuple[int, int]]] = {}
    for fact in visible_facts(site):
        for c in citations(fact):
            spans.setdefault(c["source"], set()).add((c["start"], c["end"]))
    targets: dict[str, set[str]] = {}  # page URL -> ids that must exist there
    for source in site.data["sources"]:
        page.goto(site.url(f"sources/{source['id']}/"))
        rows = page.evaluate(
            """() => [...document.querySelectorAll('.xp-anchor')].map(a => {
                const back = document.querySelector(`.xp-backref a[href="#cited-${a.id}"]`);
                const item = document.getElementById('cited-' + a.id);
                const links = item ? [...item.querySelectorAll('a:not(.xp-citedby__passage)')] : [];
                return {id: a.id, back: !!back, item: !!item, links: links.map(l => l.href)};
            })"""
        )
        assert len(rows) == len(spans.get(source["id"], set())), (
            f"{source['id']}: passages vs cited spans"
        )
        for row in rows:
            assert row["back"] and row["item"] and row["links"], f"{source['id']}: {row}"
            for href in row["links"]:
                url, _, fragment = href.partition("#")
                targets.setdefault(url, set()).add(unquote(fragment))
        if rows:
            # A reader's path: the back-reference, then the first fact that cites the passage.
            first = rows[0]
            page.locator(f'.xp-backref a[href="#cited-{first["id"]}"]').click()
            assert (
                page.evaluate("() => document.querySelector(':target')?.id")
                == f"cited-{first['id']}"
            )
            page.locator(f"#cited-{first['id']} a:not(.xp-citedby__passage)").first.click()
            page.wait_for_url(first["links"][0])
            fragment = unquote(urlsplit(first["links"][0]).fragment)
            assert page.evaluate("() => document.querySelector(':target')?.id") == fragment
    for url, ids in targets.items():
        page.goto(url)
        missing = page.evaluate("ids => ids.filter(i => !document.getElementById(i))", sorted(ids))
        assert missing == [], f"{url}: no element for cited-by fragments {missing}"
    assert targets, "no passage is cited by any fact"
    assert page.problems.items == []  # type: ignore[attr-defined]
