"""What makes `mkdocs serve` show an edit sooner: a quick watcher, remembered theme templates.

MkDocs 1.6 notices a saved file by polling every 0.5 s and then waits 0.1 s for more
events: on average a third of a second passes before a rebuild even starts. Our inputs
(seeds, data, template overrides) are a few dozen files, so `InputWatcher` polls them every
50 ms; it stays a polling watcher like MkDocs' own, because native file events miss saves
on network and container mounts.

Each rebuild also makes a new Jinja environment for the theme and compiles Material's
templates again, which is a fifth of a rebuild; `CompiledTemplates` keeps the compiled
code in memory between rebuilds (Jinja checks each entry against the template's source).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket

if TYPE_CHECKING:
    from mkdocs.livereload import LiveReloadServer

log = logging.getLogger("mkdocs.plugins.explainer")

POLL_SECONDS = 0.05
# Events of one save arrive within one poll; waiting a little longer than a poll for more
# (MkDocs waits 0.1 s) still gathers a multi-file change, such as a checkout, into one build.
BUILD_DELAY = 0.06


def rebuild_trigger(server: LiveReloadServer) -> Callable[[], None] | None:
    """A function asking `server` for a rebuild, as its own watcher does; None if this
    MkDocs has no such hook (then our inputs are watched by MkDocs, only more slowly)."""
    cond = getattr(server, "_rebuild_cond", None)
    if not isinstance(cond, threading.Condition) or not hasattr(server, "_want_rebuild"):
        return None

    def trigger() -> None:
        with cond:
            server._want_rebuild = True
            cond.notify_all()

    return trigger


class InputWatcher:
    """Polls folders every POLL_SECONDS and calls `on_change` when a file in them changes.

    Hidden files and folders (editor swap files, `data/.extract/`, caches) are not input
    and do not trigger a rebuild.
    """

    def __init__(self, roots: list[Path], on_change: Callable[[], None]) -> None:
        from watchdog.events import FileSystemEvent, FileSystemEventHandler
        from watchdog.observers.polling import PollingObserver

        self.observer = PollingObserver(timeout=POLL_SECONDS)

        class Handler(FileSystemEventHandler):
            def __init__(self, root: Path) -> None:
                self.root = root

            def on_any_event(self, event: FileSystemEvent) -> None:
                if event.is_directory:
                    return
                for raw in (event.src_path, getattr(event, "dest_path", "")):
                    if raw and not _hidden(Path(str(raw)), self.root):
                        log.debug("input changed: %s", raw)
                        on_change()
                        return

        for root in roots:
            self.observer.schedule(Handler(root), str(root), recursive=True)

    def start(self) -> None:
        self.observer.start()

    def stop(self) -> None:
        self.observer.stop()
        if self.observer.is_alive():
            self.observer.join(timeout=5)


def _hidden(path: Path, root: Path) -> bool:
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        return False
    return any(part.startswith(".") for part in parts)


class CompiledTemplates(BytecodeCache):
    """Compiled templates in memory, for the life of the `serve` process.

    Keyed by Jinja's bucket key (template name and file) and a fingerprint of the
    environment's options, and checked against the template's source, so an edited theme
    template or a changed environment is compiled again.
    """

    def __init__(self) -> None:
        self._code: dict[tuple[str, str], tuple[str, Any]] = {}
        self.fingerprint = ""

    def for_environment(self, env: Any) -> CompiledTemplates:
        options = (
            sorted(env.extensions),
            env.autoescape,
            env.trim_blocks,
            env.lstrip_blocks,
            env.keep_trailing_newline,
            env.block_start_string,
            env.variable_start_string,
            env.comment_start_string,
            env.line_statement_prefix,
            env.optimized,
            env.finalize,
            env.undefined,
        )
        self.fingerprint = repr(options)
        return self

    def load_bytecode(self, bucket: Bucket) -> None:
        entry = self._code.get((self.fingerprint, bucket.key))
        if entry is not None and entry[0] == bucket.checksum:
            bucket.code = entry[1]

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.code is not None:
            self._code[(self.fingerprint, bucket.key)] = (bucket.checksum, bucket.code)
