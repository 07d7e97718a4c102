"""The cyclic garbage collector paused while a stage builds many objects it keeps.

Loading data and extracting articles build many small dicts, lists and strings and keep
most of them to the end: the collector scans them again and again in vain (they hold no
cycles). Garbage without cycles is still freed at once by reference counting.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """The collector off inside the block, back to its previous state after it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
