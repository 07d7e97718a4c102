"""A function run in a forked copy of this process, answering over a pipe.

Why: after the per-article stage of `extract --jobs N`, combining, merging, rendering and
checking were one process's work (4.5 s of 12 for 1,000 articles) while the other core
idled. Most of it splits in two: claims are combined apart from everything else, and
every collection but disputes is merged, written out and checked apart from the others
(see `tailsplit`). A forked child starts with the parent's memory, so it is handed
nothing: only the small things the two sides exchange, and its answer, are pickled.

The child never returns into the caller's code: it leaves with `os._exit` (no `finally`
of the caller, no lock released, no atexit handler, no buffered output written twice).
An error in the child is raised in the parent as the same error (a `ProblemsError` with
the same problems); a child that dies without answering is an `ExplainerError`, not a
hang: its end of the pipe closes with it.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import traceback
from collections.abc import Callable
from multiprocessing import Pipe
from multiprocessing.connection import Connection
from types import TracebackType
from typing import Any

from ..errors import ExplainerError, ProblemsError


class Channel:
    """The child's end: `send` tags each value as a message for the parent's `recv`."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def send(self, value: Any) -> None:
        self._conn.send(("message", value))

    def recv(self) -> Any:
        return self._conn.recv()


class Forked:
    """`fn(channel)` in a forked child; `channel` sends to and receives from the parent.

    The parent talks to the child with `send` and `recv`; `recv` returns the child's
    messages in order, the last being `fn`'s return value. Use as a context manager: on
    the way out the child is reaped (killed first when it has not answered)."""

    def __init__(self, fn: Callable[[Channel], Any]) -> None:
        mine, theirs = Pipe()
        pid = os.fork()
        if pid == 0:
            mine.close()
            _child(fn, theirs)  # never returns
        theirs.close()  # only the child holds its end now: its death is our EOF
        self.pid, self._conn, self._reaped = pid, mine, False

    def send(self, value: Any) -> None:
        with contextlib.suppress(OSError):  # the child died: the next `recv` says so
            self._conn.send(value)

    def recv(self) -> Any:
        try:
            kind, value = self._conn.recv()
        except (EOFError, OSError):
            raise ExplainerError(
                f"extract's helper process ended without answering ({self._reap()}); "
                "nothing was written, run extract again"
            ) from None
        if kind == "message":
            return value
        self._reap()
        if kind == "done":
            return value
        if kind == "problems":
            raise ProblemsError(value)
        if kind == "error":
            error, where = value
            if not isinstance(error, ExplainerError):  # a bug: say where it happened
                error.add_note(f"in extract's helper process:\n{where}")
            raise error
        raise RuntimeError(value)  # "failed": an error that does not pickle

    def __enter__(self) -> Forked:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if not self._reaped:
            os.kill(self.pid, signal.SIGKILL)  # the parent failed first: no answer is wanted
            self._reap()
        self._conn.close()

    def _reap(self) -> str:
        """Wait for the child to end; how it ended, in words."""
        if self._reaped:
            return "it had ended"
        self._reaped = True
        _pid, status = os.waitpid(self.pid, 0)
        if os.WIFSIGNALED(status):
            return f"killed by signal {os.WTERMSIG(status)}"
        return f"exit status {os.waitstatus_to_exitcode(status)}"


def _child(fn: Callable[[Channel], Any], conn: Connection) -> None:
    code = 1
    try:
        try:
            answer: tuple[str, Any] = ("done", fn(Channel(conn)))
        except BaseException as error:  # every error goes to the parent, which raises it
            answer = _failure(error)
        conn.send(answer)
        code = 0
    finally:
        os._exit(code)


def _failure(error: BaseException) -> tuple[str, Any]:
    if isinstance(error, ProblemsError):
        return ("problems", error.problems)
    where = "".join(traceback.format_exception(error))
    try:
        copy = pickle.loads(pickle.dumps(error))
        if type(copy) is type(error) and str(copy) == str(error):
            return ("error", (error, where))
    except Exception:
        pass
    return ("failed", f"{type(error).__name__}: {error}\n{where}")
