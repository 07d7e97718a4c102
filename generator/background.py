"""Work done in a forked child process while the parent goes on with something else.

`mkdocs build` is single-threaded, and between the plugin's `on_config` (where the data is
loaded and checked) and the moment MkDocs first reads a generated page, MkDocs itself spends
tens of milliseconds listing theme files, creating the theme's Jinja environment and rendering
hand-written pages. Rendering our pages in a forked child during that time takes most of the
plugin's cost off the build's critical path on any machine with a second core.

A fork is used only where it is safe and cheap: on Linux, with no other thread running (a
forked child inherits locks held by other threads). Everywhere else, and whenever the child
fails for any reason, the work simply runs in the parent, so the outcome, errors included, is
always the one an in-process run gives.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")


def can_fork() -> bool:
    """True where forking this process is safe: Linux, and no thread but the main one."""
    return sys.platform == "linux" and hasattr(os, "fork") and threading.active_count() == 1


class Pending(Generic[T]):
    """The result of `work()`, computed in a forked child if `fork`; `result()` waits for it.

    `then(value)` runs once after the value exists (in the child, after it has been sent).
    """

    def __init__(
        self, work: Callable[[], T], then: Callable[[T], None], *, fork: bool = True
    ) -> None:
        self._work = work
        self._then = then
        self._done = False
        self._value: T | None = None
        self._pid = 0
        self._read_fd = -1
        if fork and can_fork():
            self._start()
        if not self._pid:
            self._run_here()

    def _start(self) -> None:
        read_fd, write_fd = os.pipe()
        try:
            pid = os.fork()
        except OSError as err:  # out of processes or memory: run in the parent instead
            log.debug("fork failed, rendering in-process: %s", err)
            os.close(read_fd)
            os.close(write_fd)
            return
        if pid == 0:  # the child: never returns into the caller's code
            os.close(read_fd)
            self._child(write_fd)
        os.close(write_fd)
        self._pid, self._read_fd = pid, read_fd

    def _child(self, write_fd: int) -> None:
        status = 1
        try:
            gc.disable()  # short-lived: collecting would only copy the parent's pages
            value = self._work()
            payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_fd, "wb") as pipe:
                pipe.write(payload)
            self._then(value)  # after the parent has its result: off its critical path
            status = 0
        except BaseException:  # any failure: the parent redoes the work itself
            pass
        finally:
            os._exit(status)  # no atexit handlers, no flushing of the parent's buffers

    def _run_here(self) -> None:
        value = self._work()
        self._then(value)
        self._value, self._done = value, True

    def result(self) -> T:
        """The value; raises whatever `work()` raises."""
        if not self._done:
            with os.fdopen(self._read_fd, "rb") as pipe:
                payload = pipe.read()
            self._read_fd = -1
            try:
                value: T = pickle.loads(payload)
            except Exception:  # empty or cut short: the child failed
                log.debug("background render failed, rendering in-process")
                self.wait()
                self._run_here()
            else:
                self._value, self._done = value, True
        return self._value  # type: ignore[return-value]

    def cancel(self) -> None:
        """Stop the child, whose result is no longer wanted, and reap it."""
        if self._pid:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self._pid, signal.SIGKILL)
        self.wait()

    def wait(self) -> None:
        """Reap the child (it may still be writing the cache after sending the result)."""
        if self._read_fd != -1:
            os.close(self._read_fd)
            self._read_fd = -1
        if self._pid:
            pid, self._pid = self._pid, 0
            with contextlib.suppress(ChildProcessError):  # already reaped elsewhere
                os.waitpid(pid, 0)
