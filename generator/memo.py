"""Results of reading input files, kept in memory between `mkdocs serve` rebuilds.

An edit usually touches one file, yet every rebuild used to parse and validate all of
them. A `Memo` keeps, for each input (a slot), the result computed from its exact bytes:
a rebuild reuses it only when the bytes are equal, so it can never hand out a result of
content that is not on disk now. Results are shared between rebuilds and must be treated
as read-only (loading only reads them).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


def file_bytes(*paths: Path) -> tuple[tuple[str, bytes | None], ...]:
    """The exact content of `paths` (None for one that cannot be read): a memo key."""
    out: list[tuple[str, bytes | None]] = []
    for path in paths:
        try:
            out.append((str(path), path.read_bytes()))
        except OSError:
            out.append((str(path), None))
    return tuple(out)


class Memo:
    def __init__(self) -> None:
        self._entries: dict[Hashable, tuple[Any, Any]] = {}
        self._used: set[Hashable] = set()

    def get(self, slot: Hashable, key: Callable[[], Any], compute: Callable[[], T]) -> T:
        """`compute()`, or its result from an earlier call whose `key()` was equal.

        `key()` is read again after computing: if the input changed meanwhile, the result
        is returned but not kept (it may belong to either version of the input).
        """
        before = key()
        self._used.add(slot)
        entry = self._entries.get(slot)
        if entry is not None and entry[0] == before:
            result: T = entry[1]
            return result
        value = compute()
        if key() == before:
            self._entries[slot] = (before, value)
        else:
            self._entries.pop(slot, None)
        return value

    def sweep(self) -> None:
        """Forget the slots not used since the last sweep (deleted or renamed files).

        A round that used no slot at all (a build answered from the site cache) forgets
        nothing: it says nothing about which files still exist.
        """
        if not self._used:
            return
        for slot in set(self._entries) - self._used:
            del self._entries[slot]
        self._used.clear()

    def __len__(self) -> int:
        return len(self._entries)
