"""Expectations computed from a site's data, and small DOM helpers shared by browser tests."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from playwright.sync_api import Locator, Page

from tests.sitecheck import scan

from .conftest import Site


def norm(text: str) -> str:
    """Text as a reader compares it: whitespace runs folded, curly quotes kept."""
    return " ".join(text.split())


def long_date(iso: str) -> str:
    day = dt.date.fromisoformat(iso)
    return f"{day.day} {day.strftime('%B')} {day.year}"


def shown_date(date: str) -> str:
    """How a date of the given precision must read: '2024', 'February 2024', '17 November 2024'."""
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    month = dt.date(parts[0], parts[1], 1).strftime("%B")
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{parts[2]} {month} {parts[0]}"


def visible_facts(site: Site) -> list[dict[str, Any]]:
    return [f for f in site.facts() if f.get("status") != "rejected"]


def citations(fact: dict[str, Any]) -> list[dict[str, Any]]:
    return fact.get("citations") or ([fact["citation"]] if fact.get("citation") else [])


def home_pages(site: Site) -> dict[str, str]:
    """Element id -> URL path of the page that holds it, for every id on every page."""
    out: dict[str, str] = {}
    for rel, collector in scan(site.root).items():
        path = rel[: -len("index.html")] if rel.endswith("index.html") else rel
        for ident in collector.ids:
            out.setdefault(ident, path)
    return out


def sample(items: list[Any], limit: int) -> list[Any]:
    """At most `limit` items spread evenly over `items`, always with the first and the last."""
    if len(items) <= limit:
        return list(items)
    if limit <= 1:
        return items[:limit]
    step = (len(items) - 1) / (limit - 1)
    return [items[round(i * step)] for i in range(limit)]


def inside_viewport(page: Page, locator: Locator, slack: float = 1.0) -> tuple[bool, str]:
    box = locator.bounding_box()
    size = page.viewport_size or {"width": 0, "height": 0}
    if box is None:
        return False, "no box (not rendered)"
    ok = (
        box["x"] >= -slack
        and box["y"] >= -slack
        and box["x"] + box["width"] <= size["width"] + slack
        and box["y"] + box["height"] <= size["height"] + slack
    )
    return ok, f"box {box} in viewport {size}"


NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


SCALES = {"million": 1e6, "billion": 1e9, "trillion": 1e12}
SCALED = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s+(million|billion|trillion)\b")


def numbers(text: str) -> list[float]:
    """Every number in `text`, with '7.1 billion' read as 7,100,000,000 too."""
    plain = [float(n.replace(",", "")) for n in NUMBER.findall(text)]
    scaled = [float(n.replace(",", "")) * SCALES[w] for n, w in SCALED.findall(text)]
    return plain + scaled
