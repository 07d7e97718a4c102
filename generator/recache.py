"""Compiled regular expressions kept between runs, as Python keeps compiled bytecode.

Why: `extract` compiles some 700 patterns per process, most of them built from the lexicon
(alternations of thousands of names and cues, one of them 175,000 characters long):
about 0.9 s of every run, and of every worker of `--jobs N`, before the first article is
done. Compiling is a pure function of the pattern's text and flags (and the Python
version): `re` parses the text, then writes a program of integers for its matcher, and
`_sre.compile` makes the pattern from that program. This module keeps each program in a
file of the user's cache, keyed by the exact text and flags, and hands a later run's `re`
the kept program instead of parsing and writing it again (reading them all: ~25 ms).

A program is kept only after the pattern made from it has been compared with the one `re`
itself makes (patterns compare equal when their flags and programs are the same), so the
patterns are the very ones `re` would have made. The file is named after the Python
version and the matcher's version, so another Python never reads it; one that cannot be
read is ignored and written again. `EXPLAINER_REGEX_CACHE` names another folder for it, or
turns it off when set to an empty value.

Code that derives a pattern's text from another's in Python (`firstchar`'s rewrite, some
0.3 s per process) keeps its results the same way (`remembered`), under a key naming the
code's own digest: changed code makes new keys, never reads old results.
"""

from __future__ import annotations

import _sre
import contextlib
import logging
import marshal
import os
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from re import _compiler as compiler  # type: ignore[attr-defined]
from re import _parser as parser  # type: ignore[attr-defined]
from typing import Any

from .yamlfile import write_atomic

log = logging.getLogger(__name__)

# (flags, program, groups, group index, index group): `_sre.compile`'s arguments but the text.
Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
Key = tuple[str, int]

# Past this many kept programs, a save keeps only those this process used or made: the
# patterns of older lexicons and code do not pile up for ever.
_LIMIT = 4000
_ENV = "EXPLAINER_REGEX_CACHE"


def cache_file() -> Path | None:
    """Where the programs are kept; None when that is turned off or there is no home."""
    folder = os.environ.get(_ENV)
    if folder is None:
        try:
            base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        except RuntimeError:  # no home directory to be found
            return None
        folder = str(Path(base) / "explainer")
    if not folder:
        return None
    name = f"re-{sys.hexversion:x}-{_sre.MAGIC}-{_sre.CODESIZE}.marshal"
    return Path(folder) / name


class _Cache:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.known, self.texts = _read(path)
        self.new: dict[Key, Entry] = {}
        self.new_texts: dict[str, str | None] = {}
        self.used: set[Key] = set()
        self.used_texts: set[str] = set()


_ACTIVE: list[_Cache] = []  # the cache `re` compiles through, while one is installed
_ORIGINAL = compiler.compile


_FORMAT = "explainer-regex-cache-1"


def _read(path: Path) -> tuple[dict[Key, Entry], dict[str, str | None]]:
    try:
        form, rows, texts = marshal.loads(path.read_bytes())
        if form != _FORMAT:
            return {}, {}
        return {(str(p), int(f)): tuple(e) for p, f, *e in rows}, dict(texts)  # type: ignore[misc]
    except FileNotFoundError:
        return {}, {}
    except Exception as err:  # a file cut short or of another making: made again
        log.debug("regex cache %s not read: %s", path, err)
        return {}, {}


def _program(pattern: str, flags: int) -> Entry:
    """What `re._compiler.compile` hands `_sre.compile` for `pattern` (its code, copied)."""
    parsed = parser.parse(pattern, flags)
    code = [int(op) for op in compiler._code(parsed, flags)]
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (
        int(flags | parsed.state.flags),
        code,
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def _make(pattern: str, entry: Entry) -> re.Pattern[str]:
    flags, code, groups, groupindex, indexgroup = entry
    return _sre.compile(pattern, flags, code, groups, dict(groupindex), indexgroup)  # type: ignore[no-any-return]


def _compile(p: Any, flags: int = 0) -> Any:
    """`re._compiler.compile`, a text's program taken from the cache when it is there."""
    if not _ACTIVE or not isinstance(p, str) or flags & re.DEBUG:
        return _ORIGINAL(p, flags)
    cache = _ACTIVE[-1]
    key = (p, int(flags))
    entry = cache.known.get(key)
    if entry is not None:
        cache.used.add(key)
        return _make(p, entry)
    made = _ORIGINAL(p, flags)
    try:
        entry = _program(p, int(flags))
        if _make(p, entry) != made:  # not what `re` makes: left out of the cache
            return made
    except Exception:  # anything unexpected: `re`'s own pattern, uncached
        return made
    cache.known[key] = cache.new[key] = entry
    return made


def _install(path: Path) -> bool:
    if compiler.compile is not _compile and compiler.compile is not _ORIGINAL:
        return False  # somebody else's hook: left alone
    _ACTIVE.append(_Cache(path))
    compiler.compile = _compile
    return True


def _uninstall() -> None:
    _ACTIVE.pop()
    if not _ACTIVE:
        compiler.compile = _ORIGINAL


def remembered(key: str, make: Callable[[], str | None]) -> str | None:
    """`make()`, kept in the cache under `key` while one is installed. `key` must say
    everything the result depends on, the deriving code's digest included."""
    if not _ACTIVE:
        return make()
    cache = _ACTIVE[-1]
    if key in cache.texts:
        cache.used_texts.add(key)
        return cache.texts[key]
    text = cache.texts[key] = cache.new_texts[key] = make()
    return text


def save_new() -> None:
    """Add the programs made since the last save to the file (a worker of `--jobs N`
    calls it after each article: the patterns built lazily are built there)."""
    if not _ACTIVE or not (_ACTIVE[-1].new or _ACTIVE[-1].new_texts):
        return
    cache = _ACTIVE[-1]
    programs, texts = _read(cache.path)
    programs.update(cache.known)
    texts.update(cache.texts)
    if len(programs) > _LIMIT:
        keep = cache.used | cache.new.keys()
        programs = {k: v for k, v in programs.items() if k in keep}
    if len(texts) > _LIMIT:
        keep_texts = cache.used_texts | cache.new_texts.keys()
        texts = {k: v for k, v in texts.items() if k in keep_texts}
    cache.new, cache.new_texts = {}, {}
    rows = [(p, f, *entry) for (p, f), entry in programs.items()]
    try:
        write_atomic(cache.path, marshal.dumps((_FORMAT, rows, texts)), durable=False)
    except OSError as err:  # a cache: a run goes on without it
        log.debug("regex cache %s not written: %s", cache.path, err)


@contextlib.contextmanager
def regex_cache() -> Iterator[None]:
    """Patterns compiled inside the block (and in processes forked inside it) through
    the kept programs; the new ones kept on the way out."""
    path = cache_file()
    if path is None or not _install(path):
        yield
        return
    try:
        yield
    finally:
        save_new()
        _uninstall()
