"""The timeline tells when something happened from when it was reported, at the date's precision."""

from __future__ import annotations

import re

import pytest

from .conftest import DESKTOP, Pages, Site
from .helpers import citations, long_date, norm, shown_date

pytestmark = pytest.mark.browser


def test_happened_and_reported_are_distinct_and_dates_read_at_their_precision(
    site: Site, pages: Pages
) -> None:
    events = [e for e in site.data["events"] if e.get("status") != "rejected"]
    if not events:
        pytest.skip(f"no event in the {site.name} site's data")
    sources = {s["id"]: s for s in site.data["sources"]}
    page = pages.open(DESKTOP)
    page.goto(site.url("timeline/"))
    assert page.locator(".xp-timeline > .xp-event").count() == len(events)
    for event in events:
        item = page.locator(f'.xp-timeline > [id="{event["id"]}"]')
        happened = item.locator(".xp-event__when")
        reported = item.locator(".xp-event__reported")
        assert happened.is_visible() and reported.is_visible(), event["id"]
        assert norm(happened.locator(".xp-event__label").inner_text()).casefold() == "happened"
        assert norm(reported.locator(".xp-event__label").inner_text()).casefold() == "reported"
        when = happened.locator("time")
        assert when.get_attribute("datetime") == event["date"]
        expected = shown_date(event["date"])
        text = norm(when.inner_text())
        assert text == (f"since {expected}" if event.get("until") else expected), (
            event["id"],
            text,
        )
        if len(event["date"].split("-")) == 2:
            assert not re.search(r"\b\d{1,2} " + expected, text), (
                f"{event['id']}: month shown as a day: {text}"
            )
        first = min(
            (sources[c["source"]] for c in citations(event)),
            key=lambda s: (s["published"], s["id"]),
        )
        said = norm(reported.inner_text())
        assert long_date(first["published"]) in said and first["publisher"] in said, (
            event["id"],
            said,
        )
        # The two dates sit in separate boxes, side by side or one above the other.
        a, b = happened.bounding_box(), reported.bounding_box()
        assert a and b
        apart = a["x"] + a["width"] <= b["x"] + 1 or a["y"] + a["height"] <= b["y"] + 1
        assert apart, f"{event['id']}: 'Happened' and 'Reported' overlap"


def test_a_month_only_date_reads_as_a_month(site: Site, pages: Pages) -> None:
    months = [
        e
        for e in site.data["events"]
        if e.get("status") != "rejected" and len(e["date"].split("-")) == 2
    ]
    if not months:
        pytest.skip(f"no month-precision event in the {site.name} site's data")
    page = pages.open(DESKTOP)
    page.goto(site.url("timeline/"))
    for event in months:
        text = norm(page.locator(f'[id="{event["id"]}"] .xp-event__when time').inner_text())
        year, month = event["date"].split("-")
        assert re.fullmatch(r"(since )?[A-Z][a-z]+ \d{4}", text), text
        assert text.endswith(year) and str(int(month)) not in text.split()[:-1], text
