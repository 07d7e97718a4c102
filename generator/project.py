"""The pipeline in one place: read sources, load data, render pages.

`build_site` is what both the MkDocs plugin and `explainer render` call, so the two can
never drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import ProblemsError
from .export import export_json
from .loading import load_project
from .model import Dataset
from .render.pages import render_pages


@dataclass
class SiteContent:
    dataset: Dataset
    pages: dict[str, str]  # path -> Markdown
    data_json: str


def build_site(
    seeds_dir: Path,
    data_dir: Path,
    *,
    templates_dir: Path | None = None,
    directory_urls: bool = True,
) -> SiteContent:
    """Everything generated for the site; raises ProblemsError listing every problem."""
    dataset, problems = load_project(seeds_dir, data_dir)
    if dataset is None:
        raise ProblemsError(problems)
    pages = render_pages(dataset, templates_dir=templates_dir, directory_urls=directory_urls)
    return SiteContent(dataset, pages, export_json(dataset))
