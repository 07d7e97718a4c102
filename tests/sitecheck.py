"""Reading a built site: ids and links of every page, for link and anchor checks."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")


def scan(site: Path) -> dict[str, _Collector]:
    pages = {}
    for path in sorted(site.rglob("*.html")):
        collector = _Collector()
        collector.feed(path.read_text("utf-8"))
        pages[path.relative_to(site).as_posix()] = collector
    return pages


def broken_links(site: Path) -> list[str]:
    """Every internal link whose file or fragment does not exist, as 'page -> href'."""
    pages = scan(site)
    broken = []
    for page, collector in pages.items():
        for href in collector.links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith("mailto:"):
                continue
            target = page
            if parts.path:
                base = "" if parts.path.startswith("/") else posixpath.dirname(page)
                target = posixpath.normpath(posixpath.join(base, unquote(parts.path).lstrip("/")))
                if (site / target).is_dir() or parts.path.endswith("/"):
                    target = posixpath.join(target, "index.html")
            if not (site / target).exists():
                broken.append(f"{page} -> {href}")
                continue
            if parts.fragment and target.endswith(".html"):
                ids = pages[target].ids if target in pages else set()
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{page} -> {href} (no such anchor)")
    return broken
