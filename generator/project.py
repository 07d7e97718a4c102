"""The pipeline in one place: read sources, load data, render pages.

`build_site` is what both the MkDocs plugin and `explainer render` call, so the two can
never drift apart. Loading and rendering are imported lazily: on a cache hit (see
`sitecache`) a build does not even import them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import sitecache
from .background import Pending, can_fork
from .errors import ProblemsError
from .gcpause import gc_paused

if TYPE_CHECKING:
    from .memo import Memo
    from .model import Dataset


@dataclass
class SiteContent:
    """Everything the site needs from the data, in plain types (it is cached as JSON)."""

    pages: dict[str, str]  # path -> Markdown
    data_json: str
    nav_labels: dict[str, str] = field(default_factory=dict)  # short titles for the navigation
    stamp: str | None = None  # newest publication date: a reproducible build timestamp


def load_dataset(seeds_dir: Path, data_dir: Path, memo: Memo | None = None) -> Dataset:
    """The checked data of the site; raises ProblemsError listing every problem."""
    from .loading import load_project

    # Only the lexicon the pages use: `explainer check` validates the rest.
    with gc_paused():
        dataset, problems = load_project(seeds_dir, data_dir, memo, site_only=True)
    if dataset is None:
        raise ProblemsError(problems)
    return dataset


def render_site(
    dataset: Dataset,
    *,
    templates_dir: Path | None = None,
    directory_urls: bool = True,
    compiled_dir: Path | None = None,
) -> SiteContent:
    """Every page, the JSON export and the navigation labels of a checked dataset."""
    from .export import export_json
    from .render.links import source_page
    from .render.pages import render_pages

    with gc_paused():
        pages = render_pages(
            dataset,
            templates_dir=templates_dir,
            directory_urls=directory_urls,
            compiled_dir=compiled_dir,
        )
    sources = dataset.sources.values()
    newest = max((s.published for s in sources), default=None)
    return SiteContent(
        pages=pages,
        data_json=export_json(dataset),
        nav_labels={
            source_page(s.id): f"{s.publisher}, {s.published.isoformat()}" for s in sources
        },
        stamp=newest.isoformat() if newest else None,
    )


def build_site(
    seeds_dir: Path,
    data_dir: Path,
    *,
    templates_dir: Path | None = None,
    directory_urls: bool = True,
    compiled_dir: Path | None = None,
    memo: Memo | None = None,
) -> SiteContent:
    """Everything generated for the site; raises ProblemsError listing every problem.

    `compiled_dir`, if given, keeps compiled templates between runs (like `.pyc` files);
    `memo` keeps the parsed input files between the builds of one process (see `memo`).
    """
    return render_site(
        load_dataset(seeds_dir, data_dir, memo),
        templates_dir=templates_dir,
        directory_urls=directory_urls,
        compiled_dir=compiled_dir,
    )


def start_build_site(
    seeds_dir: Path,
    data_dir: Path,
    *,
    cache_dir: Path,
    templates_dir: Path | None = None,
    directory_urls: bool = True,
    memo: Memo | None = None,
    background: bool = False,
) -> Pending[SiteContent]:
    """`build_site`, answered from the cache when no input byte changed.

    The data is loaded and checked here, so a data problem raises ProblemsError at once.
    With `background` (where a fork is safe), a forked child builds the whole site meanwhile,
    loading the data itself: both loads of the same bytes give the same data, and the child
    need not wait for this one. `result()` waits for its pages and raises a rendering error.
    """
    key = sitecache.input_key(
        [seeds_dir, data_dir, templates_dir], f"directory_urls={directory_urls}"
    )
    cached = sitecache.load(cache_dir, key)
    if cached is not None:
        return Pending(lambda: cached, lambda _: None, fork=False)

    def save(content: SiteContent) -> None:
        sitecache.save(cache_dir, key, content)

    compiled_dir = cache_dir / "templates"
    if background and can_fork():
        pending = Pending(
            lambda: build_site(
                seeds_dir,
                data_dir,
                templates_dir=templates_dir,
                directory_urls=directory_urls,
                compiled_dir=compiled_dir,
            ),
            save,
        )
        try:
            load_dataset(seeds_dir, data_dir, memo)
        except BaseException:
            pending.cancel()
            raise
        return pending
    dataset = load_dataset(seeds_dir, data_dir, memo)
    return Pending(
        lambda: render_site(
            dataset,
            templates_dir=templates_dir,
            directory_urls=directory_urls,
            compiled_dir=compiled_dir,
        ),
        save,
        fork=False,
    )
