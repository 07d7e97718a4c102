"""One exception family, so every user mistake reaches the user as one clean message.

A `Problem` is a single finding tied to a place in a file; a `ProblemsError` carries all
the problems found in one pass, so an editor sees every mistake at once instead of fixing
them one run at a time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


class ExplainerError(Exception):
    """Base of every error a user can cause; the CLI and the plugin show it without a traceback."""


@dataclass(frozen=True, order=True)
class Problem:
    """One finding: `file:line:col: message` (line and column are 1-based; 0 means unknown)."""

    file: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.col or 1}: {self.message}"
        return f"{self.file}: {self.message}"


class ProblemsError(ExplainerError):
    """Raised when input has problems; `problems` lists every one of them, in file order."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))


def display_path(path: Path, root: Path | None = None) -> str:
    """Show `path` relative to `root` (or the working directory) when it lies inside it."""
    base = (root or Path.cwd()).resolve()
    try:
        return str(path.resolve().relative_to(base))
    except ValueError:
        return str(path)
