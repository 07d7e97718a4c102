"""Stage 3: the pure function from a loaded dataset to the site's pages (path -> Markdown).

Each page gets its own `References`, so citation numbers restart on every page and the
page ends with its own reference list. Rejected items are skipped here, once, so that no
template can show them by mistake.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from jinja2 import Environment, TemplateError, TemplateSyntaxError

from .. import model as m
from ..errors import ExplainerError, display_path
from ..sources import Source
from . import links
from .citations import References, long_date
from .environment import make_environment
from .facts import (
    Markers,
    base_value,
    date_attr,
    describe,
    disputed_index,
    excerpt,
    format_date,
    format_value,
    home_of,
    kind_of,
    settled,
    visible,
)
from .snippets import Snippets
from .source_page import CitedBy, article_html, collect_passages

SUMMARY_SIZE = 5
T = TypeVar("T")
KEY_FIGURES = 6


class Renderer:
    def __init__(self, dataset: m.Dataset, env: Environment, site: links.Site) -> None:
        self.ds = dataset
        self.env = env
        self.site = site
        self.disputed = disputed_index(dataset)
        self.markers = Markers(dataset, self.disputed)
        self.entities = {k: e for k, e in dataset.entities.items() if visible(e)}
        # The shown facts, filtered once: every entity page picks its own from them.
        self.shown_claims = self._shown(dataset.claims)
        self.shown_figures = self._shown(dataset.figures)
        self.shown_quotes = self._shown(dataset.quotes)
        self.shown_positions = self._shown(dataset.positions)
        self.shown_events = self._shown(dataset.events)

    # -- helpers shared by every page -------------------------------------------------
    def _page(self, template: str, path: str, **context: Any) -> str:
        refs = References(path, self.ds, self.site)

        def link(to: str, fragment: str = "") -> str:
            return self.site.link(path, to, fragment)

        def fact_link(fact: m.Fact) -> str:
            return link(home_of(fact, self.ds), fact.id)

        def entity_link(entity_id: str | None) -> str:
            entity = self.entities.get(entity_id or "")
            return link(links.entity_page(entity.kind, entity.id)) if entity else ""

        snippets = Snippets(
            refs=refs,
            markers=self.markers,
            fact_link=fact_link,
            entity_link=entity_link,
            home_of=lambda f: home_of(f, self.ds),
            entities=self.entities,
            page_path=path,
            value=lambda f: format_value(f, self.ds.units),
            first_source=self._first_source,
        )
        return self.env.get_template(template).render(
            **snippets.context(),
            ds=self.ds,
            refs=refs,
            link=link,
            fact_link=fact_link,
            entity_link=entity_link,
            markers=self.markers,
            value=lambda f: format_value(f, self.ds.units),
            date=format_date,
            date_attr=date_attr,
            long_date=long_date,
            pages=links,
            entities=self.entities,
            disputed=self.disputed,
            page_path=path,
            home_of=lambda f: home_of(f, self.ds),
            first_source=self._first_source,
            describe=lambda f: describe(f, self.ds.units),
            excerpt=excerpt,
            kind_of=kind_of,
            publishers=lambda f: ", ".join(self.ds.sources[s].publisher for s in f.sources),
            **context,
        )

    def _shown(self, items: list[Any]) -> list[Any]:
        return [i for i in items if visible(i)]

    def _first_source(self, fact: m.Fact) -> Source:
        """The source that reported a fact first."""
        return min((self.ds.sources[s] for s in fact.sources), key=lambda s: (s.published, s.id))

    # -- pages ------------------------------------------------------------------------
    def home(self) -> str:
        claims = self._shown(self.ds.claims)
        by_id = {c.id: c for c in claims}
        if self.ds.explainer.summary:
            summary = [by_id[i] for i in self.ds.explainer.summary if i in by_id]
        else:
            # Corroborated facts first, then each source's lead: what happened, briefly.
            ranked = sorted(
                (c for c in claims if settled(c)),
                key=lambda c: (self._standing(c), min(x.start for x in c.citations), c.id),
            )
            summary = ranked[:SUMMARY_SIZE]
        return self._page(
            "home.md.j2",
            links.HOME,
            summary=summary,
            key_figures=self.key_figures(),
            disputes=self._shown(self.ds.disputes),
        )

    def _standing(self, fact: m.Fact) -> tuple[int, bool]:
        """Sort key putting the best-sourced facts first: more sources, then not only weak ones.

        The home page states facts without their context, so what rests on a weak source
        alone (a lossy translation, say) comes last.
        """
        weak_only = all(self.ds.sources[s].reliability == "weak" for s in fact.sources)
        return -len(fact.sources), weak_only

    def key_figures(self) -> list[m.Figure]:
        seen: set[tuple[str, str | None]] = set()
        out = []
        for fig in sorted(self._shown(self.ds.figures), key=lambda f: (self._standing(f), f.id)):
            key = (fig.subject, fig.property)
            if settled(fig) and key not in seen:
                seen.add(key)
                out.append(fig)
        return out[:KEY_FIGURES]

    def figure_groups(self, figures: list[m.Figure]) -> list[dict[str, Any]]:
        """Figures of one property side by side, with whether they agree."""
        groups: dict[str, list[m.Figure]] = defaultdict(list)
        for fig in figures:
            groups[fig.property or "value"].append(fig)
        out = []
        for prop, figs in sorted(groups.items()):
            disputed = any(f.id in self.disputed for f in figs)
            units = {
                self.ds.units[f.unit].dimension if f.unit in self.ds.units else f.unit for f in figs
            }
            comparable = (
                len(figs) > 1 and len(units) == 1 and len({s for f in figs for s in f.sources}) > 1
            )
            out.append(
                {
                    "property": prop,
                    "figures": figs,
                    "disputed": disputed,
                    "agree": comparable and not disputed,
                }
            )
        return out

    def entity(self, entity: m.Entity) -> tuple[str, str]:
        path = links.entity_page(entity.kind, entity.id)
        eid = entity.id
        claims = [c for c in self.shown_claims if c.subject == eid]
        mentioned = [c for c in self.shown_claims if c.subject != eid and eid in c.mentions]
        figures = [f for f in self.shown_figures if f.subject == eid]
        quotes = [q for q in self.shown_quotes if q.speaker == eid]
        positions = [p for p in self.shown_positions if p.actor == eid]
        events = sorted(
            (e for e in self.shown_events if eid in e.actors),
            key=lambda e: (e.date, e.id),
        )
        page = self._page(
            "entity.md.j2",
            path,
            entity=entity,
            claims=[c for c in claims if settled(c)],
            flagged=[c for c in [*claims, *figures, *quotes] if not settled(c)],
            mentioned=mentioned,
            figure_groups=self.figure_groups([f for f in figures if settled(f)]),
            quotes=[q for q in quotes if settled(q)],
            positions=positions,
            events=events,
            stance_label=self.stance_label,
        )
        return path, page

    def stance_label(self, stance_id: str) -> str:
        return next((s.label for s in self.ds.explainer.stances if s.id == stance_id), stance_id)

    def entity_index(self, kind: str, path: str) -> str:
        items = sorted(
            (e for e in self.entities.values() if e.kind == kind), key=lambda e: e.name.casefold()
        )
        counts: dict[str | None, int] = defaultdict(int)
        for fact in self.ds.facts():
            if visible(fact):
                for key in ("subject", "actor", "speaker"):
                    counts[getattr(fact, key, None)] += 1
        return self._page("entity_index.md.j2", path, kind=kind, items=items, counts=counts)

    def positions(self) -> str:
        rows = sorted(
            self._shown(self.ds.positions),
            key=lambda p: (
                self.entities[p.actor].name.casefold() if p.actor in self.entities else p.actor,
                p.as_of or "",
                p.id,
            ),
        )
        return self._page(
            "positions.md.j2", links.POSITIONS, rows=rows, stance_label=self.stance_label
        )

    def timeline(self) -> str:
        events = sorted(self._shown(self.ds.events), key=lambda e: (e.date, e.id))
        return self._page("timeline.md.j2", links.TIMELINE, events=events)

    def disputes(self) -> str:
        facts = {f.id: f for f in self.ds.facts()}
        disputes = [
            (d, [facts[i] for i in d.members if i in facts and visible(facts[i])])
            for d in self._shown(self.ds.disputes)
        ]
        flagged = [f for f in self.ds.facts() if visible(f) and f.flags]
        weak = [
            f
            for f in self.ds.facts()
            if settled(f)
            and len(f.sources) == 1
            and self.ds.sources[f.sources[0]].reliability == "weak"
        ]
        return self._page(
            "disputes.md.j2", links.DISPUTES, disputes=disputes, flagged=flagged, weak=weak
        )

    def quotes(self) -> str:
        quotes = sorted(
            self._shown(self.ds.quotes),
            key=lambda q: (q.citations[0].source, q.citations[0].start, q.id),
        )
        return self._page("quotes.md.j2", links.QUOTES, quotes=quotes)

    def source(self, source_id: str) -> tuple[str, str]:
        path = links.source_page(source_id)
        cited = []
        for fact in self.ds.facts():
            if not visible(fact):
                continue
            label = _label(fact, self.ds)
            href = self.site.link(path, home_of(fact, self.ds), fact.id)
            cited += [(c, CitedBy(label, href)) for c in fact.citations if c.source == source_id]
        passages = collect_passages(cited)
        source = self.ds.sources[source_id]
        return path, self._page(
            "source.md.j2",
            path,
            source=source,
            article=article_html(source, passages),
            passages=passages,
        )

    def source_index(self) -> str:
        counts: dict[str, int] = defaultdict(int)
        for fact in self.ds.facts():
            if visible(fact):
                for s in fact.sources:
                    counts[s] += 1
        sources = sorted(self.ds.sources.values(), key=lambda s: (s.published, s.id))
        return self._page("source_index.md.j2", links.SOURCES, sources=sources, counts=counts)


def _label(fact: m.Fact, ds: m.Dataset) -> str:
    """How a citing fact is named in a source's back-links."""

    def name(entity_id: str | None) -> str:
        entity = ds.entities.get(entity_id or "")
        return entity.name if entity else "unknown speaker"

    if isinstance(fact, m.Claim):
        return f"claim about {name(fact.subject)}"
    if isinstance(fact, m.Figure):
        return f"figure: {name(fact.subject)} {fact.property or ''}".rstrip()
    if isinstance(fact, m.Event):
        return f"timeline: {format_date(fact.date)}"
    if isinstance(fact, m.Quote):
        return f"quote by {name(fact.speaker)}"
    if isinstance(fact, m.Position):
        return f"position of {name(fact.actor)}"
    return fact.id


def render_pages(
    dataset: m.Dataset,
    *,
    templates_dir: Path | None = None,
    directory_urls: bool = True,
    compiled_dir: Path | None = None,
) -> dict[str, str]:
    """Every generated page, as `{path: markdown}`, in path order.

    `compiled_dir` keeps compiled templates on disk between runs (see `environment`).
    """
    makers = page_makers(
        dataset,
        templates_dir=templates_dir,
        directory_urls=directory_urls,
        compiled_dir=compiled_dir,
    )
    return {path: make() for path, make in makers.items()}


def page_makers(
    dataset: m.Dataset,
    *,
    templates_dir: Path | None = None,
    directory_urls: bool = True,
    compiled_dir: Path | None = None,
) -> dict[str, Callable[[], str]]:
    """Every generated page's path, in path order, with the function that renders it.

    Pages are independent of each other, so they can be rendered one at a time, in any
    order, as they are needed (see `sitebuild`). A template mistake raises ExplainerError.
    """
    env = make_environment(templates_dir, compiled_dir)
    r = Renderer(dataset, env, links.Site(directory_urls))
    makers: dict[str, Callable[[], str]] = {
        links.HOME: r.home,
        links.WEAPONS: lambda: r.entity_index("weapon", links.WEAPONS),
        links.ACTORS: lambda: r.entity_index("actor", links.ACTORS),
        links.POSITIONS: r.positions,
        links.TIMELINE: r.timeline,
        links.DISPUTES: r.disputes,
        links.QUOTES: r.quotes,
        links.SOURCES: r.source_index,
    }
    for entity in r.entities.values():
        makers[links.entity_page(entity.kind, entity.id)] = partial(_text, r.entity, entity)
    for source_id in dataset.sources:
        makers[links.source_page(source_id)] = partial(_text, r.source, source_id)
    return {path: _reported(makers[path]) for path in sorted(makers)}


def _text(make: Callable[[T], tuple[str, str]], item: T) -> str:
    return make(item)[1]


def _reported(make: Callable[[], str]) -> Callable[[], str]:
    def render() -> str:
        try:
            return make()
        except TemplateError as err:
            # An override template a site wrote is user input: its mistake is a message
            # naming the template and line, never a traceback.
            raise ExplainerError(template_problem(err)) from None

    return render


def template_problem(err: TemplateError) -> str:
    """`FILE:LINE: message` for a template error: syntax errors know their place; runtime
    errors are placed by the innermost traceback frame Jinja maps back onto a template."""
    message = err.message or type(err).__name__
    if isinstance(err, TemplateSyntaxError):
        return f"{_shown(err.filename or err.name or '?')}:{err.lineno}: {message}"
    place = ""
    tb = err.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            place = f"{_shown(filename)}:{tb.tb_lineno}: "
        tb = tb.tb_next
    return f"{place}template error: {message}"


def _shown(filename: str) -> str:
    return display_path(Path(filename))


__all__ = ["base_value", "page_makers", "render_pages"]
