"""Work done in a forked child process that streams its results while the parent goes on.

`mkdocs build` is single-threaded. From the plugin's `on_config` to the moment MkDocs reads
the first generated page, MkDocs itself spends tens of milliseconds listing theme files,
creating the theme's Jinja environment and reading hand-written pages; after that it spends
several milliseconds on each page. A child that builds our pages and sends each one as soon
as it is made takes nearly all of the plugin's cost off the build's critical path on any
machine with a second core.

A fork is used only where it is safe and cheap: on Linux, with no other thread running (a
forked child inherits locks held by other threads). The caller decides what to do when
there is no child or the stream breaks (see `sitebuild`): there, it does the work itself.
"""

from __future__ import annotations

import contextlib
import fcntl
import gc
import os
import pickle
import signal
import struct
import sys
import threading
from collections.abc import Callable

_LENGTH = struct.Struct("<Q")
# Linux's F_SETPIPE_SZ: a pipe that holds a whole site lets the child finish (and write the
# site cache) without waiting for the parent to read.
_F_SETPIPE_SZ = 1031
_PIPE_SIZE = 1 << 20

Emit = Callable[[object], None]


def can_fork() -> bool:
    """True where forking this process is safe: Linux, and no thread but the main one."""
    return sys.platform == "linux" and hasattr(os, "fork") and threading.active_count() == 1


class StreamBroken(Exception):
    """The child ended without sending the next item (it failed, or it was never started)."""


class ChildStream:
    """`work(emit)` run in a forked child; the parent receives each emitted item in order."""

    def __init__(self, work: Callable[[Emit], object]) -> None:
        self._pid = 0
        self._pipe = None
        if not can_fork():
            return
        read_fd, write_fd = os.pipe()
        with contextlib.suppress(OSError):
            fcntl.fcntl(write_fd, _F_SETPIPE_SZ, _PIPE_SIZE)
        try:
            pid = os.fork()
        except OSError:  # out of processes or memory: the caller works without a child
            os.close(read_fd)
            os.close(write_fd)
            return
        if pid == 0:  # the child: never returns into the caller's code
            os.close(read_fd)
            self._child(work, write_fd)
        os.close(write_fd)
        self._pid = pid
        self._pipe = os.fdopen(read_fd, "rb")

    @property
    def started(self) -> bool:
        return self._pipe is not None

    @staticmethod
    def _child(work: Callable[[Emit], object], write_fd: int) -> None:
        status = 1
        try:
            gc.disable()  # short-lived: collecting would only copy the parent's memory
            with os.fdopen(write_fd, "wb") as pipe:

                def emit(item: object) -> None:
                    payload = pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)
                    pipe.write(_LENGTH.pack(len(payload)) + payload)
                    pipe.flush()

                work(emit)
            status = 0
        except BaseException:  # any failure ends the stream; the parent does the work itself
            pass
        finally:
            os._exit(status)  # no atexit handlers, no flushing of the parent's buffers

    def receive(self) -> object:
        """The next item the child emitted; StreamBroken if there is none."""
        if self._pipe is None:
            raise StreamBroken
        try:
            header = self._pipe.read(_LENGTH.size)
            if len(header) < _LENGTH.size:
                raise StreamBroken
            (length,) = _LENGTH.unpack(header)
            payload = self._pipe.read(length)
            if len(payload) < length:
                raise StreamBroken
            return pickle.loads(payload)
        except (OSError, pickle.UnpicklingError, EOFError, ValueError) as err:
            raise StreamBroken from err

    def cancel(self) -> None:
        """Stop the child, whose results are no longer wanted, and reap it."""
        if self._pid:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self._pid, signal.SIGKILL)
        self.close()

    def close(self) -> None:
        """Stop reading and reap the child (it may still be writing a cache)."""
        if self._pipe is not None:
            self._pipe.close()
            self._pipe = None
        if self._pid:
            pid, self._pid = self._pid, 0
            with contextlib.suppress(ChildProcessError):  # already reaped elsewhere
                os.waitpid(pid, 0)
