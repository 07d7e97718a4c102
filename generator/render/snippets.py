"""The most repeated pieces of a page, written in Python instead of Jinja macros.

Every fact on every page is a list item (`claim_item`, `figure_item`, `quote_item`,
`event_item`) ending with its citations, markers, permalink and note (`fact_tail`). As
Jinja macros they were a large share of both compiling the templates on a cold build and
rendering the pages; as functions they cost a fraction. Their markup is exactly what the
macros made, and every value is escaped as `{{ value }}` escapes it (`_out`).
`_macros.md.j2` still exports them under their old names, so an override template calling
`x.claim_item(...)` keeps working; the page templates remain the place to change a page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from .. import model as m
from ..sources import Source
from .citations import References, long_date
from .environment import html_text
from .facts import date_attr, format_date


def _out(value: object) -> str:
    """A value as `{{ value }}` writes it in a template (see environment._finalize).

    Plain `str`, never Markup: `str + Markup` would escape the str (Markup.__radd__).
    """
    if value is None:
        return ""
    return str(value if isinstance(value, Markup) else html_text(value))


@dataclass
class Snippets:
    """The snippets of one page (citations are numbered per page, links are relative)."""

    refs: References
    markers: Callable[[m.Fact], Markup]
    fact_link: Callable[[m.Fact], str]
    entity_link: Callable[[str | None], str]
    home_of: Callable[[m.Fact], str]
    entities: dict[str, m.Entity]
    page_path: str
    value: Callable[[m.Figure], str]
    first_source: Callable[[m.Fact], Source]

    def fact_tail(self, fact: m.Fact, permalink: bool = True) -> Markup:
        """Citations, markers, permalink and editor's note after a fact's text."""
        out = f"{self.refs.cite_all(fact.citations)} {self.markers(fact)}"
        if permalink:
            out += (
                f' <a class="xp-permalink" href="{html_text(self.fact_link(fact))}"'
                ' title="Permalink to this fact" aria-label="Permalink to this fact">#</a>'
            )
        if fact.note:
            out += (
                ' <span class="xp-note"><span class="xp-note__label">Editor\'s note:</span> '
                f"{html_text(fact.note)}</span>"
            )
        return Markup(out)

    def fact_id(self, fact: m.Fact) -> Markup:
        """` id="..."` on the element of a fact whose permalink is on this page."""
        if self.home_of(fact) == self.page_path:
            return Markup(f' id="{html_text(fact.id)}"')
        return Markup("")

    def entity_name(self, entity_id: str | None) -> Markup:
        """An entity's name linking to its page (or its id, if not shown; or a placeholder)."""
        entity = self.entities.get(entity_id)  # type: ignore[arg-type]
        if entity:
            return Markup(
                f'<a href="{html_text(self.entity_link(entity_id))}">{html_text(entity.name)}</a>'
            )
        if entity_id:
            return html_text(entity_id)
        return Markup("Unknown speaker")

    def _open(self, fact: m.Fact, css: str) -> str:
        flagged = " xp-fact--flagged" if fact.flags else ""
        return f'<li class="{css}{flagged}"{self.fact_id(fact)}>'

    def claim_item(self, claim: m.Claim) -> Markup:
        """A claim as a list item."""
        return Markup(
            f"{self._open(claim, 'xp-fact')}{_out(claim.text)} {self.fact_tail(claim)}</li>"
        )

    def figure_item(self, figure: m.Figure, with_subject: bool = False) -> Markup:
        """A figure as a list item: property, value as given and converted, as written."""
        out = self._open(figure, "xp-fact xp-figure")
        if with_subject:
            out += f"{self.entity_name(figure.subject)}, "
        if figure.property:
            out += f'<span class="xp-figure__property">{_out(figure.property)}</span>: '
        out += f'<strong class="xp-figure__value">{_out(self.value(figure))}</strong>'
        if figure.text:
            out += (
                f' <span class="xp-figure__as-written">(as written: “{_out(figure.text)}”)</span>'
            )
        return Markup(f"{out} {self.fact_tail(figure)}</li>")

    def quote_item(self, quote: m.Quote, with_speaker: bool = True) -> Markup:
        """A quote as a list item, with its speaker unless the page is the speaker's."""
        out = self._open(quote, "xp-fact xp-quote")
        reported = quote.kind == "reported"
        if with_speaker:
            out += f"{self.entity_name(quote.speaker)}{' (reported)' if reported else ''}: "
        text = _out(quote.text)
        out += text if reported else f"<q>{text}</q>"
        return Markup(f"{out} {self.fact_tail(quote)}</li>")

    def event_item(self, event: m.Event) -> Markup:
        """An event as a timeline item: when it happened, when and by whom it was reported."""
        first = self.first_source(event)
        out = self._open(event, "xp-fact xp-event")
        out += (
            '\n<span class="xp-event__when"><span class="xp-event__label">Happened</span> '
            f'<time datetime="{_out(date_attr(event.date))}" '
            f'class="xp-date xp-date--{_out(event.precision)}">'
            f"{'since ' if event.until else ''}{_out(format_date(event.date))}</time>"
        )
        if event.inferred:
            out += (
                ' <span class="xp-badge xp-badge--inferred" tabindex="0">'
                f"{_out(' and '.join(event.inferred))} inferred"
                '<span class="xp-badge__tip" role="tooltip">The source does not write the '
                f"{_out(' or '.join(event.inferred))}: it was worked out from the publication "
                "date.</span></span>"
            )
        out += (
            '</span>\n<span class="xp-event__reported"><span class="xp-event__label">Reported'
            f'</span> <time datetime="{_out(first.published.isoformat())}">'
            f"{_out(long_date(first))}</time> by {_out(first.publisher)}</span>\n"
            f'<span class="xp-event__text">{_out(event.text)} {self.fact_tail(event)}</span></li>'
        )
        return Markup(out)

    def context(self) -> dict[str, Any]:
        return {
            "fact_tail": self.fact_tail,
            "fact_id": self.fact_id,
            "entity_name": self.entity_name,
            "claim_item": self.claim_item,
            "figure_item": self.figure_item,
            "quote_item": self.quote_item,
            "event_item": self.event_item,
        }
