"""The `explainer` command. Each command's docstring is its help text.

User mistakes (bad data, missing folders) end with a clear message and exit status 1,
never a traceback.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from importlib import resources
from pathlib import Path

import click

from .errors import ExplainerError, ProblemsError
from .export import export_json
from .loading import load_project
from .project import build_site
from .yamlfile import write_atomic

seeds_option = click.option(
    "--seeds",
    "seeds_dir",
    default="seeds",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of articles (.txt) and their metadata (.yaml).",
)
data_option = click.option(
    "--data",
    "data_dir",
    default="data",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of data files (*.yaml) and the lexicon.",
)


def _fail(err: ExplainerError) -> click.ClickException:
    if isinstance(err, ProblemsError):
        for problem in err.problems:
            click.echo(str(problem), err=True)
        return click.ClickException(f"{len(err.problems)} problem(s) found")
    return click.ClickException(str(err))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="sourced-explainer")
def main() -> None:
    """Publish a sourced explainer: every fact tied to the passage of the article that supports it."""


@main.command()
@seeds_option
@data_option
def check(seeds_dir: Path, data_dir: Path) -> None:
    """Check the data: schema, references, and that every cited passage is found in its source.

    Every problem is reported at once as FILE:LINE:COL: message; the exit status is 1 if
    there is any. `mkdocs build` runs the same checks.
    """
    dataset, problems = load_project(seeds_dir, data_dir)
    if dataset is None:
        raise _fail(ProblemsError(problems))
    facts = dataset.facts()
    citations = sum(len(f.citations) for f in facts)
    click.echo(
        f"OK: {len(dataset.sources)} sources, {len(dataset.entities)} entities, "
        f"{len(facts)} facts, {len(dataset.disputes)} disputes, {citations} citations anchored"
    )


@main.command()
@seeds_option
@data_option
def export(seeds_dir: Path, data_dir: Path) -> None:
    """Print all the data as one JSON document (the site publishes the same file as data.json)."""
    dataset, problems = load_project(seeds_dir, data_dir)
    if dataset is None:
        raise _fail(ProblemsError(problems))
    sys.stdout.write(export_json(dataset))


@main.command()
@seeds_option
@data_option
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write the pages into; it is replaced as a whole.",
)
@click.option(
    "--templates",
    "templates_dir",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="Folder of Jinja templates overriding the built-in ones.",
)
def render(seeds_dir: Path, data_dir: Path, out_dir: Path, templates_dir: Path | None) -> None:
    """Write the generated pages as Markdown files into OUT, with data.json and the assets.

    For engines that read mkdocs.yml without running MkDocs plugins: point their docs_dir
    at OUT. The folder is written in full beside OUT and then swapped in, so a failed run
    leaves the previous pages as they were.
    """
    try:
        content = build_site(seeds_dir, data_dir, templates_dir=templates_dir)
    except ExplainerError as err:
        raise _fail(err) from None
    out = out_dir.resolve()
    if out.exists() and not out.is_dir():
        raise click.ClickException(f"{out_dir} exists and is not a folder")
    for protected in (seeds_dir, data_dir):
        if out == protected.resolve() or protected.resolve().is_relative_to(out):
            raise click.ClickException(
                f"--out {out_dir} would overwrite {protected}; choose another folder"
            )
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        files = dict(content.pages)
        files["data.json"] = content.data_json
        for asset in ("assets/explainer.css", "assets/explainer.js"):
            files[asset] = resources.files("generator").joinpath(asset).read_text("utf-8")
        for rel, text in files.items():
            target = (staging / rel).resolve()
            if not target.is_relative_to(
                staging.resolve()
            ):  # page paths come from ids; never trust
                raise click.ClickException(f"refusing to write outside {out_dir}: {rel}")
            write_atomic(target, text)
        if out.exists():
            shutil.rmtree(out)
        staging.rename(out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    click.echo(f"Wrote {len(content.pages)} pages to {out_dir}")


@main.command()
@seeds_option
@data_option
@click.option(
    "--jobs",
    "-j",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Articles extracted in parallel.",
)
@click.option("--no-cache", is_flag=True, help="Process every article again, even unchanged ones.")
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show a progress bar (default: only on a terminal).",
)
def extract(
    seeds_dir: Path, data_dir: Path, jobs: int, no_cache: bool, progress: bool | None
) -> None:
    """Extract facts from every article into data/*.yaml, keeping every editor's correction.

    Facts an editor changed, reviewed, rejected or deleted stay as the editor left them;
    comments and order survive; facts from new articles are added with status `extracted`.
    Unchanged articles are taken from the cache. The same input gives byte-identical files.
    """
    from .extract.run import run_extract

    show = sys.stderr.isatty() if progress is None else progress
    try:
        report = run_extract(seeds_dir, data_dir, jobs=jobs, progress=show, use_cache=not no_cache)
    except ExplainerError as err:
        raise _fail(err) from None
    click.echo(str(report))
    # What extraction cannot fix (an editor's dangling reference, a citation that no longer
    # matches its edited article) is reported as `check` would, with a non-zero exit.
    dataset, problems = load_project(seeds_dir, data_dir)
    if dataset is None:
        for problem in problems:
            click.echo(str(problem), err=True)
        raise click.ClickException(
            f"extracted, but {len(problems)} problem(s) remain in the data: fix them, then run explainer check"
        )


if __name__ == "__main__":
    main()
