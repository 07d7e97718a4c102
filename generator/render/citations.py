"""Inline citations and the reference list of one page.

Each page numbers its references in order of first use. An inline citation is a link to the
highlighted passage on the source page plus a preview (quoted passage, publisher, date) that
CSS shows on hover and on keyboard focus, without JavaScript.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from ..model import Citation, Dataset
from ..sources import Source
from .environment import html_text
from .links import Site, source_page


def long_date(source: Source) -> str:
    day = source.published
    return f"{day.day} {day.strftime('%B')} {day.year}"


@dataclass
class Reference:
    number: int
    citation: Citation
    source: Source
    href: str


@dataclass
class References:
    """The references of one page, numbered in order of first citation."""

    page: str
    dataset: Dataset
    site: Site
    refs: list[Reference] = field(default_factory=list)
    _by_key: dict[tuple[str, str], Reference] = field(default_factory=dict)
    _uses: int = 0

    def _ref(self, citation: Citation) -> Reference:
        key = (citation.source, citation.anchor)
        if key not in self._by_key:
            source = self.dataset.sources[citation.source]
            href = self.site.link(self.page, source_page(source.id), citation.anchor)
            self._by_key[key] = Reference(len(self.refs) + 1, citation, source, href)
            self.refs.append(self._by_key[key])
        return self._by_key[key]

    def cite(self, citation: Citation) -> Markup:
        """One inline citation: `[n]` linking to the passage, with a hover/focus preview."""
        ref = self._ref(citation)
        self._uses += 1
        tip = f"xp-tip-{self._uses}"
        weak = " xp-cite--weak" if ref.source.reliability == "weak" else ""
        return Markup(
            f'<span class="xp-cite{weak}">'
            f'<a class="xp-cite__link" href="{html_text(ref.href)}" aria-describedby="{tip}">'
            f'<span class="xp-visually-hidden">source </span>[{ref.number}]</a>'
            f'<span class="xp-cite__preview" role="tooltip" id="{tip}">'
            f'<span class="xp-cite__quote">{html_text(citation.quote)}</span> '
            f'<span class="xp-cite__meta">{html_text(ref.source.publisher)}, '
            f"{html_text(long_date(ref.source))}</span></span></span>"
        )

    def cite_all(self, citations: list[Citation]) -> Markup:
        return Markup("").join(self.cite(c) for c in citations)
