"""Where each generated page lives and how pages link to each other.

Generated blocks are raw HTML (see `environment`), which MkDocs does not rewrite, so links
are computed here as relative URLs, the way MkDocs would write them.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Site:
    """URL style of the target site (MkDocs' `use_directory_urls`)."""

    directory_urls: bool = True

    def url(self, path: str) -> str:
        """Site-relative URL of the page generated from Markdown file `path`."""
        if not self.directory_urls:
            return path[: -len(".md")] + ".html"
        if path == "index.md":
            return ""
        if path.endswith("/index.md"):
            return path[: -len("index.md")]
        return path[: -len(".md")] + "/"

    def link(self, from_path: str, to_path: str, fragment: str = "") -> str:
        """Relative URL from the page `from_path` to `to_path` (a page path or a file)."""
        here = self.url(from_path)
        target = self.url(to_path) if to_path.endswith(".md") else to_path
        hash_ = f"#{fragment}" if fragment else ""
        if target == here and hash_:
            return hash_
        return _relative(here, target) + hash_


# Pages link to the same few pages over and over, and relpath is slow (it asks the OS for
# the working directory each time): a pure function of its arguments, so remembered.
@lru_cache(maxsize=4096)
def _relative(here: str, target: str) -> str:
    base = here if here == "" or here.endswith("/") else posixpath.dirname(here)
    rel = posixpath.relpath(target or ".", base.rstrip("/") or ".")
    if (target == "" or target.endswith("/")) and not rel.endswith("/"):
        rel += "/"
    return rel


def entity_page(kind: str, entity_id: str) -> str:
    return f"{'weapons' if kind == 'weapon' else 'actors'}/{entity_id}.md"


def source_page(source_id: str) -> str:
    return f"sources/{source_id}.md"


HOME = "index.md"
WEAPONS = "weapons/index.md"
ACTORS = "actors/index.md"
SOURCES = "sources/index.md"
POSITIONS = "positions.md"
TIMELINE = "timeline.md"
DISPUTES = "disputes.md"
QUOTES = "quotes.md"
DATA_JSON = "data.json"
