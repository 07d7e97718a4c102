"""The pipeline in one place: read sources, load data, render pages.

`build_site` is what both the MkDocs plugin and `explainer render` call, so the two can
never drift apart. Loading and rendering are imported lazily: on a cache hit (see
`sitecache`) a build does not even import them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from . import sitecache
from .background import ChildStream, Emit
from .errors import ProblemsError
from .gcpause import gc_paused
from .sitebuild import Head, Part, SiteBuild, SiteContent, assemble, site_parts

if TYPE_CHECKING:
    from collections.abc import Iterator

    from .memo import Memo
    from .model import Dataset

__all__ = ["SiteContent", "build_site", "load_dataset", "render_site", "start_build_site"]


def load_dataset(seeds_dir: Path, data_dir: Path, memo: Memo | None = None) -> Dataset:
    """The checked data of the site; raises ProblemsError listing every problem."""
    from .loading import load_project

    # Only the lexicon the pages use: `explainer check` validates the rest.
    with gc_paused():
        dataset, problems = load_project(seeds_dir, data_dir, memo, site_only=True)
    if dataset is None:
        raise ProblemsError(problems)
    return dataset


def _parts(
    dataset: Dataset,
    *,
    templates_dir: Path | None,
    directory_urls: bool,
    compiled_dir: Path | None,
) -> Iterator[Part]:
    """The site's parts (see `sitebuild`); each page is rendered when its part is taken."""
    from .export import export_json
    from .render.links import source_page
    from .render.pages import page_makers

    makers = page_makers(
        dataset,
        templates_dir=templates_dir,
        directory_urls=directory_urls,
        compiled_dir=compiled_dir,
    )
    sources = dataset.sources.values()
    newest = max((s.published for s in sources), default=None)
    head = Head(
        paths=tuple(makers),
        nav_labels={
            source_page(s.id): f"{s.publisher}, {s.published.isoformat()}" for s in sources
        },
        stamp=newest.isoformat() if newest else None,
    )
    return site_parts(
        head, ((path, make()) for path, make in makers.items()), lambda: export_json(dataset)
    )


def render_site(
    dataset: Dataset,
    *,
    templates_dir: Path | None = None,
    directory_urls: bool = True,
    compiled_dir: Path | None = None,
    emit: Emit | None = None,
) -> SiteContent:
    """Every page, the JSON export and the navigation labels of a checked dataset.

    Each part is also passed to `emit` as soon as it is made, if given.
    """
    with gc_paused():
        return assemble(
            _parts(
                dataset,
                templates_dir=templates_dir,
                directory_urls=directory_urls,
                compiled_dir=compiled_dir,
            ),
            emit,
        )


def build_site(
    seeds_dir: Path,
    data_dir: Path,
    *,
    templates_dir: Path | None = None,
    directory_urls: bool = True,
    compiled_dir: Path | None = None,
    memo: Memo | None = None,
    emit: Emit | None = None,
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
        emit=emit,
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
) -> SiteBuild:
    """`build_site`, answered from the cache when no input byte changed.

    Without `background`, the site is built here and now, so a problem raises at once
    (ProblemsError for the data). With `background` (where a fork is safe), a forked child
    builds it and sends it part by part; the returned `SiteBuild` raises any problem when
    the part MkDocs asks for cannot come (the site is then built here, to word it).
    """
    key = sitecache.input_key(
        [seeds_dir, data_dir, templates_dir], f"directory_urls={directory_urls}"
    )

    def build(emit: Emit | None = None) -> SiteContent:
        content = build_site(
            seeds_dir,
            data_dir,
            templates_dir=templates_dir,
            directory_urls=directory_urls,
            compiled_dir=cache_dir / "templates",
            memo=memo,
            emit=emit,
        )
        sitecache.save(cache_dir, key, content)
        return content

    cached = sitecache.load(cache_dir, key)
    if cached is not None:
        return SiteBuild(content=cached, fallback=build)
    if background:
        return SiteBuild(stream=ChildStream(build), fallback=build)
    return SiteBuild(fallback=build)
