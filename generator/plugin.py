"""The MkDocs plugin: generated pages in memory, checks in the build, live reload on edits.

Generated pages are `File.generated(...)` objects, so nothing is ever written into `docs/`.
Under `mkdocs build` any data problem stops the build with every problem listed; under
`mkdocs serve` the problems are logged and shown on the home page instead, so the server
keeps running and the editor's browser shows what to fix.
"""

from __future__ import annotations

import datetime
import html
import logging
import os
import posixpath
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from .config import ExplainerConfig
from .errors import ExplainerError, Problem, ProblemsError
from .memo import Memo
from .project import start_build_site
from .render import links
from .render.environment import html_text
from .sitebuild import Head, SiteBuild

if TYPE_CHECKING:
    from collections.abc import Callable

    from jinja2 import Environment
    from mkdocs.livereload import LiveReloadServer

    from .serving import CompiledTemplates, InputWatcher

log = logging.getLogger("mkdocs.plugins.explainer")
T = TypeVar("T")

ASSETS = ("assets/explainer.css", "assets/explainer.js")


class ExplainerPlugin(BasePlugin[ExplainerConfig]):
    def __init__(self) -> None:
        self.command = "build"
        self.dirty = False
        # Kept across `serve` rebuilds on purpose, and safe to keep: both hand out only
        # results of inputs equal to the current ones (file bytes, template source).
        self.memo = Memo()
        self.theme_templates: CompiledTemplates | None = None
        self.watcher: InputWatcher | None = None
        self._reset()

    def _reset(self) -> None:
        # The plugin object survives rebuilds under `serve` (it has on_startup): nothing
        # from one build may leak into the next.
        self._close()
        self.site: SiteBuild | None = None
        self.head: Head | None = None
        self.problems: list[Problem] = []
        self.streamed: dict[str, File] = {}  # pages whose text comes from the child on reading
        self.data_file: File | None = None

    def _close(self) -> None:
        # A background build may still be writing the site cache after its last part.
        site = getattr(self, "site", None)
        if site is not None:
            site.close()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command
        self.dirty = dirty

    def _path(self, config: MkDocsConfig, value: str) -> Path:
        return (Path(config.config_file_path).parent / value).resolve()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._reset()
        seeds = self._path(config, self.config.seeds_dir)
        data = self._path(config, self.config.data_dir)
        templates = (
            self._path(config, self.config.templates_dir) if self.config.templates_dir else None
        )
        # During a plain build the site is built in a forked child (see `background`) while
        # MkDocs prepares the theme, and collected in on_files: a data or template mistake
        # then stops the build there. Otherwise it is built now.
        try:
            self.site = self._attempt(
                lambda: start_build_site(
                    seeds,
                    data,
                    cache_dir=Path(config.config_file_path).parent / ".cache" / "explainer",
                    templates_dir=templates,
                    directory_urls=config.use_directory_urls,
                    memo=self.memo if self.command == "serve" else None,
                    background=self.command == "build" and self.config.background_render,
                )
            )
        finally:
            self.memo.sweep()  # forget files deleted since the last build
        for asset in ASSETS:
            target = config.extra_css if asset.endswith(".css") else config.extra_javascript
            if asset not in [str(x) for x in target]:
                target.append(asset)
        return config

    def _attempt(self, step: Callable[[], T]) -> T | None:
        """Run `step`; a user's mistake stops a build, or is shown on the home page in serve."""
        try:
            return step()
        except ProblemsError as err:
            self.problems = err.problems
            if self.command != "serve":
                raise PluginError(
                    f"{len(err.problems)} problem(s) in the explainer data:\n{err}"
                ) from None
            for problem in err.problems:
                log.error(str(problem))
        except ExplainerError as err:
            if self.command != "serve":
                raise PluginError(str(err)) from None
            self.problems = [Problem("explainer", 0, 0, str(err))]
            log.error(str(err))
        return None

    def _collect_head(self, config: MkDocsConfig) -> None:
        """The page list from on_config's start; the stamp and navigation it brings."""
        if self.site is None:
            return
        self.head = self._attempt(self.site.head)
        if self.head is None:
            return
        if self.head.stamp:
            # Reproducible builds: MkDocs stamps the sitemap and its gzip header with the build
            # time unless SOURCE_DATE_EPOCH is set; the newest article's date is a stable stamp.
            # (MkDocs reads it only when it renders pages, after on_files.)
            newest = datetime.date.fromisoformat(self.head.stamp)
            stamp = datetime.datetime(newest.year, newest.month, newest.day, tzinfo=datetime.UTC)
            os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(stamp.timestamp())))
        # MkDocs reads config.nav right after on_files.
        if self.config.navigation and config.nav is None:
            config.nav = self._navigation(config, self.head)

    def _navigation(self, config: MkDocsConfig, head: Head) -> list[Any]:
        pages = head.paths
        labels = head.nav_labels

        def entry(path: str) -> str | dict[str, str]:
            # Headlines are too long for the navigation: publisher and date say enough.
            # Navigation titles are written into the page as HTML: escape the publisher.
            return {html_text(labels[path]): path} if path in labels else path

        def section(index: str) -> list[Any]:
            folder = index.rsplit("/", 1)[0] + "/"
            children = sorted(p for p in pages if p.startswith(folder) and p != index)
            return [index, *(entry(p) for p in children)]

        docs = sorted(
            str(p.relative_to(config.docs_dir)).replace("\\", "/")
            for p in Path(config.docs_dir).rglob("*.md")
        )
        nav: list[Any] = [
            {"Home": links.HOME},
            {"Weapons": section(links.WEAPONS)},
            {"Actors": section(links.ACTORS)},
            {"Positions": links.POSITIONS},
            {"Timeline": links.TIMELINE},
            {"Quotes": links.QUOTES},
            {"Disputes": links.DISPUTES},
            {"Sources": section(links.SOURCES)},
        ]
        if docs:
            nav.append({"For editors": docs})
        return nav

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self._collect_head(config)
        for asset in ASSETS:
            text = resources.files("generator").joinpath(asset).read_text("utf-8")
            files.append(File.generated(config, asset, content=text))
        if self.site is None or self.head is None:
            files.append(File.generated(config, links.HOME, content=self._error_page()))
            return files
        for path in self.head.paths:
            existing = files.get_file_from_path(path)
            if existing is not None:
                raise PluginError(
                    f"docs/{path} is a generated page; remove or rename the hand-written file"
                )
            files.append(self._generated(config, self.site, path))
        self.data_file = File.generated(
            config,
            links.DATA_JSON,
            content=self.site.content().data_json if self.site.ready else "",
            inclusion=InclusionLevel.NOT_IN_NAV,
        )
        files.append(self.data_file)
        return files

    def _generated(self, config: MkDocsConfig, site: SiteBuild, path: str) -> File:
        """A page in memory; its text now if at hand, else when MkDocs reads the page.

        Under `serve --dirty`, a file rewritten only when it changes: `--dirty` rebuilds only
        pages whose source is newer than their output, so backing each generated page by a
        file whose mtime moves only with its content limits a rebuild to the pages an edit
        changed.
        """
        if not site.ready:  # a background build: on_page_read_source asks for the text
            file = self.streamed[path] = File.generated(config, path, content="")
            return file
        markdown = site.page(path)
        if not (self.command == "serve" and self.dirty):
            return File.generated(config, path, content=markdown)
        from .yamlfile import write_atomic

        target = Path(config.config_file_path).parent / ".cache" / "explainer" / "pages" / path
        if not target.is_file() or target.read_text("utf-8") != markdown:
            write_atomic(target, markdown)
        return File.generated(config, path, abs_src_path=str(target))

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        file = self.streamed.get(page.file.src_uri)
        if file is None or self.site is None:
            return None
        site = self.site
        text = self._attempt(lambda: site.page(page.file.src_uri))
        if text is None:
            return None
        file.content_string = text  # what other plugins see is the page itself
        return text

    def _error_page(self) -> str:
        items = "".join(f"<li><code>{html.escape(str(p))}</code></li>" for p in self.problems)
        return (
            "# The explainer data has problems\n\n"
            '<div class="xp-problems" role="alert">\n'
            f"<p>{len(self.problems)} problem(s) stop the site from being built. Fix them and "
            "save: this page reloads by itself.</p>\n"
            f"<ul>{items}</ul>\n</div>\n"
        )

    def on_page_content(
        self, html_text: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if self.head is None:
            return html_text
        base = page.url if page.url.endswith("/") or not page.url else posixpath.dirname(page.url)
        href = posixpath.relpath(links.DATA_JSON, base.rstrip("/") or ".")
        return (
            f'{html_text}\n<p class="xp-data-link"><a href="{href}" download>'
            "Download all data as JSON</a> (every fact with its citations)</p>"
        )

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        # Every page has been read: the last part of a background build is the JSON export.
        if self.site is not None and self.data_file is not None and self.streamed:
            site = self.site
            content = self._attempt(site.content)
            if content is not None:
                self.data_file.content_string = content.data_json
        if self.command == "serve":
            from .serving import CompiledTemplates

            # A new theme environment each rebuild: its compiled templates are kept.
            if self.theme_templates is None:
                self.theme_templates = CompiledTemplates()
            env.bytecode_cache = self.theme_templates.for_environment(env)
        return env

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        from .serving import BUILD_DELAY, InputWatcher, rebuild_trigger

        roots = [
            path
            for value in (self.config.seeds_dir, self.config.data_dir, self.config.templates_dir)
            if value and (path := self._path(config, value)).exists()
        ]
        trigger = rebuild_trigger(server)
        if trigger is None:  # another MkDocs: its own (slower) watcher
            for root in roots:
                server.watch(str(root))
            return server
        server.build_delay = min(server.build_delay, BUILD_DELAY)
        self.watcher = InputWatcher(roots, trigger)
        self.watcher.start()
        log.info("Watching %s for changes", ", ".join(str(r) for r in roots))
        return server

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._close()

    def on_shutdown(self) -> None:
        self._close()
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher = None
