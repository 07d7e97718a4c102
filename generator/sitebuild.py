"""The generated site, handed to MkDocs piece by piece as it asks for it.

MkDocs needs the list of pages (to add the files and the navigation) before it needs any
page's text, and reads the texts one after the other. A site is therefore made as a sequence
of parts: one `Head` (paths, navigation labels, date stamp), then each page in path order,
then the JSON export. `SiteBuild` answers from a finished `SiteContent` or from a stream of
those parts produced by a forked child (`background.ChildStream`), which lets MkDocs work on
the first pages while later ones are still being rendered. If the stream breaks, for
whatever reason, the site is built again in this process, so errors reach the user exactly
as an in-process build raises them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .background import ChildStream, Emit, StreamBroken


@dataclass
class SiteContent:
    """Everything the site needs from the data, in plain types (it is cached as JSON)."""

    pages: dict[str, str]  # path -> Markdown
    data_json: str
    nav_labels: dict[str, str] = field(default_factory=dict)  # short titles for the navigation
    stamp: str | None = None  # newest publication date: a reproducible build timestamp


@dataclass(frozen=True)
class Head:
    """What MkDocs needs before any page's text."""

    paths: tuple[str, ...]  # every generated page, in the order its text comes
    nav_labels: dict[str, str]
    stamp: str | None


# The parts of a site, in order: ("head", Head), ("page", path, text)..., ("end", data_json).
Part = tuple[Any, ...]


def site_parts(
    head: Head, pages: Iterable[tuple[str, str]], data_json: Callable[[], str]
) -> Iterator[Part]:
    yield ("head", head)
    for path, text in pages:
        yield ("page", path, text)
    yield ("end", data_json())


def assemble(parts: Iterable[Part], emit: Emit | None = None) -> SiteContent:
    """The content the parts make up; each part is also passed to `emit`, if given."""
    head: Head | None = None
    pages: dict[str, str] = {}
    data_json = ""
    for part in parts:
        if emit is not None:
            emit(part)
        if part[0] == "head":
            head = part[1]
        elif part[0] == "page":
            pages[part[1]] = part[2]
        else:
            data_json = part[1]
    assert head is not None
    return SiteContent(pages, data_json, head.nav_labels, head.stamp)


def head_of(content: SiteContent) -> Head:
    return Head(tuple(sorted(content.pages)), content.nav_labels, content.stamp)


class SiteBuild:
    """A site being built: from finished `content`, or from a child's `stream` of parts.

    `fallback()` builds the whole site in this process; it is called when the stream breaks
    and raises what an in-process build raises (ProblemsError for data problems...).
    """

    def __init__(
        self,
        *,
        fallback: Callable[[], SiteContent],
        content: SiteContent | None = None,
        stream: ChildStream | None = None,
    ) -> None:
        self._fallback = fallback
        self._stream = stream
        self._content = content
        self._head: Head | None = None
        self._pages: dict[str, str] = {}
        self._data_json: str | None = None
        if content is None and (stream is None or not stream.started):
            self._use(fallback())

    def _use(self, content: SiteContent) -> None:
        self._content = content
        if self._stream is not None:
            self._stream.cancel()
            self._stream = None

    def _receive(self) -> None:
        """The next part from the child; everything at once if the stream breaks."""
        assert self._stream is not None
        try:
            received = self._stream.receive()
        except StreamBroken:
            self._stream.close()
            self._stream = None
            self._use(self._fallback())
            return
        part: Part = received  # type: ignore[assignment]
        kind = part[0]
        if kind == "head":
            self._head = part[1]
        elif kind == "page":
            self._pages[part[1]] = part[2]
        elif kind == "end":
            # The child may still be writing the site cache: reaped in close(), not here.
            self._data_json = part[1]

    @property
    def ready(self) -> bool:
        """True when the whole site is at hand (no part is still to come)."""
        return self._content is not None

    def head(self) -> Head:
        while self._content is None and self._head is None:
            self._receive()
        if self._content is not None:
            return head_of(self._content)
        assert self._head is not None
        return self._head

    def page(self, path: str) -> str:
        while self._content is None and path not in self._pages:
            self._receive()
        if self._content is not None:
            return self._content.pages[path]
        return self._pages[path]

    def content(self) -> SiteContent:
        """The whole site (waits for the end of the stream)."""
        while self._content is None and self._data_json is None:
            self._receive()
        if self._content is None:
            head = self.head()
            assert self._data_json is not None
            self._content = SiteContent(
                {path: self._pages[path] for path in head.paths},
                self._data_json,
                head.nav_labels,
                head.stamp,
            )
        return self._content

    def close(self) -> None:
        """Stop using the stream and reap the child."""
        if self._stream is not None:
            self._stream.close()
            self._stream = None
