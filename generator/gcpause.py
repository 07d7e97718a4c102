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
            _age_young_objects()
            gc.enable()


def _age_young_objects() -> None:
    """Move every object the collector tracks to its oldest generation.

    Why: objects made while it was off all stay in the youngest generation, so the first
    collection after `gc.enable` (at the next allocation) scanned every one of them still
    alive, in vain: 0.2 to 0.5 s at the end of extracting 1,000 articles, whose results
    are still held then. Moved, they wait for the next full collection, as objects that
    survived a few collections do (a cycle among them that is garbage is freed then, not at
    the next young collection; without cycles, reference counting frees at once as ever).
    `freeze` then `unfreeze` is that move (two list splices); skipped when a caller froze
    objects itself, since `unfreeze` would release them too."""
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()
