"""Disputed figures show every value, cited, in both units; markers explain themselves."""

from __future__ import annotations

import pytest

from .conftest import DESKTOP, Pages, Site
from .helpers import citations, home_pages, norm, numbers, sample, visible_facts

pytestmark = pytest.mark.browser


def both_units(site: Site, figure: dict, text: str) -> list[str]:
    """What is missing from `text` for `figure` to read in its own unit and the paired one."""
    unit = site.units.get(figure.get("unit") or "")
    values = figure["value"] if isinstance(figure["value"], list) else [figure["value"]]
    found = numbers(text)
    missing = [f"value {v}" for v in values if not any(abs(n - v) <= 0.005 * abs(v) for n in found)]
    if unit is None:
        return missing
    if unit["symbol"] not in text:
        missing.append(f"unit {unit['symbol']}")
    other = site.units.get(unit.get("also_show") or "")
    if other is not None:
        if other["symbol"] not in text:
            missing.append(f"paired unit {other['symbol']}")
        for v in values:
            converted = v * unit["factor"] / other["factor"]
            if not any(abs(n - converted) <= 0.01 * abs(converted) for n in found):
                missing.append(f"converted value ~{converted:.1f} {other['symbol']}")
    return missing


def test_a_disputed_figure_shows_every_value_cited_in_both_units(site: Site, pages: Pages) -> None:
    figures = {f["id"]: f for f in site.data["figures"] if f.get("status") != "rejected"}
    disputes = [d for d in site.data["disputes"] if d.get("status") != "rejected"
                and any(m in figures for m in d["members"])]  # fmt: skip
    if not disputes:
        pytest.skip(f"no disputed figure in the {site.name} site's data")
    page = pages.open(DESKTOP)
    page.goto(site.url("disputes/"))
    homes = home_pages(site)
    for dispute in disputes:
        section = page.locator(f'[id="{dispute["id"]}"]')
        assert section.is_visible(), f"dispute {dispute['id']} not shown"
        items = section.locator(".xp-dispute__member")
        shown = [m for m in dispute["members"] if m in figures]
        assert items.count() >= len(shown)
        texts = [norm(t) for t in items.all_inner_texts()]
        for member in shown:
            fig = figures[member]
            matching = [t for t in texts if not both_units(site, fig, t)]
            assert matching, (
                f"{member}: no member line shows {both_units(site, fig, ' '.join(texts))}"
            )
        assert all(item.locator(".xp-cite").count() >= 1 for item in items.all()), (
            f"{dispute['id']}: a value without its own citation"
        )
        # The subject's page shows the same figures, each with a citation and a 'disputed' marker.
        for member in shown:
            fig = figures[member]
            page.goto(site.url(homes[member]) + f"#{member}")
            item = page.locator(f'[id="{member}"]')
            text = norm(item.inner_text())
            assert both_units(site, fig, text) == [], (member, text)
            assert item.locator(".xp-cite").count() == len(citations(fig))
            assert item.locator(".xp-badge--disputed").is_visible(), f"{member}: no disputed marker"
        page.goto(site.url("disputes/"))
    assert page.problems.items == []  # type: ignore[attr-defined]


def test_every_figure_reads_in_both_units(site: Site, pages: Pages) -> None:
    homes = home_pages(site)
    page = pages.open(DESKTOP)
    figures = [f for f in site.data["figures"] if f.get("status") != "rejected"]
    if not figures:
        pytest.skip(f"no figure in the {site.name} site's data")
    by_page: dict[str, list[dict]] = {}
    for fig in figures:
        assert fig["id"] in homes, f"{fig['id']} has no element on any page"
        by_page.setdefault(homes[fig["id"]], []).append(fig)
    for path, figs in by_page.items():
        page.goto(site.url(path))
        for fig in figs:
            text = norm(page.locator(f'[id="{fig["id"]}"]').inner_text())
            assert both_units(site, fig, text) == [], (fig["id"], text)


def expected_markers(site: Site, fact: dict) -> list[str]:
    """The marker classes a fact must carry, computed from the data."""
    sources = {s["id"]: s for s in site.data["sources"]}
    cited = sorted({c["source"] for c in citations(fact)})
    out = []
    if len(cited) > 1:
        out.append("corroborated")
    elif cited:
        out.append("weak" if sources[cited[0]].get("reliability") == "weak" else "single")
    if fact.get("flags"):
        out.append("flagged")
    disputed = {
        m for d in site.data["disputes"] if d.get("status") != "rejected" for m in d["members"]
    }
    if fact["id"] in disputed:
        out.append("disputed")
    if fact.get("status") == "reviewed":
        out.append("reviewed")
    return out


EXPLANATION_HOVERS = 4  # per page, on at most HOVER_PAGES pages; presence is checked on every fact
HOVER_PAGES = 8


def test_markers_are_shown_and_explain_themselves(site: Site, pages: Pages) -> None:
    homes = home_pages(site)
    page = pages.open(DESKTOP)
    by_page: dict[str, list[dict]] = {}
    for fact in visible_facts(site):
        by_page.setdefault(homes[fact["id"]], []).append(fact)
    sources = {s["id"]: s for s in site.data["sources"]}
    facts_by_id = {f["id"]: f for f in visible_facts(site)}
    single_or_flagged = 0
    for number, (path, facts) in enumerate(sorted(by_page.items())):
        page.goto(site.url(path))
        for fact in facts:
            item = page.locator(f'[id="{fact["id"]}"]')
            # Badges of the fact itself (not of citations nested in it).
            shown = item.evaluate(
                """el => [...el.querySelectorAll('.xp-badge')]
                    .map(b => [...b.classList].find(c => c.startsWith('xp-badge--')).slice(10))"""
            )
            want = expected_markers(site, fact)
            assert [m for m in want if m not in shown] == [], (fact["id"], shown, want)
            for flag in fact.get("flags") or []:
                assert f"flagged: {flag}" in norm(item.inner_text()), (fact["id"], flag)
            single_or_flagged += bool({"single", "weak", "flagged"} & set(want))
        badges = page.locator("article [id] .xp-badge--single, article [id] .xp-badge--weak, "
                              "article [id] .xp-badge--flagged").all()  # fmt: skip
        for badge in sample(badges, EXPLANATION_HOVERS if number < HOVER_PAGES else 0):
            tip = badge.locator(".xp-badge__tip")
            page.mouse.move(0, 0)
            page.evaluate("() => document.activeElement && document.activeElement.blur()")
            assert not tip.is_visible()
            badge.hover()
            assert tip.is_visible(), (
                f"{path}: the explanation of {badge.inner_text()!r} does not show"
            )
            explanation = norm(tip.inner_text())
            label = norm(badge.evaluate("b => b.firstChild.textContent"))
            assert len(explanation) > len(label) + 10, (label, explanation)
            owner = facts_by_id.get(badge.evaluate("b => b.closest('[id]').id"))
            if owner and label in ("1 source", "weak source"):
                publisher = sources[citations(owner)[0]["source"]]["publisher"]
                assert publisher in explanation, (label, explanation)
            page.mouse.move(0, 0)
            badge.focus()
            assert tip.is_visible(), (
                f"{path}: keyboard focus does not show the explanation of {label!r}"
            )
    assert single_or_flagged, "no single-source or flagged fact in the data: nothing checked"
    assert page.problems.items == []  # type: ignore[attr-defined]
