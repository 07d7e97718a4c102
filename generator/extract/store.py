"""What `extract` remembers between runs: the merge base, a per-article cache and a lock.

The state file (`data/.extract/state.json`) records, per collection and item id, the hash
of the item exactly as the extractor last produced it. An item in a data file whose hash
still equals that is untouched by editors and may be refreshed; anything else is theirs.

Kill safety: a run writes the state with the new hashes as `pending` first, then the data
files (each atomically), then the state again with `pending` promoted to the base. Killed
anywhere in between, the next run accepts an item as untouched if it matches the base *or*
the pending hash. Both are hashes of extractor output, so an editor's text can only match
one if it is byte-for-byte what the extractor wrote: the state can never make an edit look
untouched. What a crash can cost is the other direction, tolerated on purpose: an item the
dead run added and an editor then deleted before the next run comes back once.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import inspect
import json
import logging
import math
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any

import orjson

from ..errors import ExplainerError, Problem, display_path
from ..sources import Source
from ..yamlfile import write_atomic

log = logging.getLogger(__name__)

# Bump when the extractor's output changes in a way its source files do not show.
EXTRACTOR_VERSION = "1"
STATE_VERSION = 1
STATE_DIR = ".extract"

# (source, start, end, digest of the quote): the same place *and* the same words, so an
# article edited at that place does not make a new passage look like an old one.
Span = tuple[str, int, int, str]


@dataclass
class BaseEntry:
    """What the extractor last produced for one item id."""

    hash: str
    spans: list[Span] = field(default_factory=list)
    aliases: list[str] | None = None  # entities only: to tell editor-removed aliases
    # `to_json` as JSON text, kept: a run writes its new base twice (pending, then final),
    # and the entries of an unchanged item again and again. Entries are never changed
    # after they are made (`merge` builds new ones).
    _text: str | None = field(default=None, compare=False, repr=False)

    def json_text(self) -> str:
        if self._text is None:
            fast = _entry_text(self.hash, self.spans, self.aliases)
            self._text = fast if fast is not None else _json(self.to_json())
        return self._text

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"hash": self.hash, "spans": [list(s) for s in self.spans]}
        if self.aliases is not None:
            out["aliases"] = self.aliases
        return out

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> BaseEntry:
        spans = [(str(s[0]), int(s[1]), int(s[2]), str(s[3])) for s in raw.get("spans", [])]
        aliases = raw.get("aliases")
        return cls(str(raw["hash"]), spans, list(aliases) if aliases is not None else None)


Base = dict[str, dict[str, BaseEntry]]  # collection -> id -> entry


@dataclass
class State:
    base: Base = field(default_factory=dict)
    # Bases of runs that died while writing, oldest first (more than one after repeated kills).
    pending: list[Base] = field(default_factory=list)
    inputs: str = ""  # digest of every cache key of the last completed run
    files: dict[str, str] = field(default_factory=dict)  # file name -> sha256 as written

    def accepted(self, collection: str, item_id: str) -> set[str]:
        """Hashes that mean "exactly as the extractor wrote it" for this item."""
        bases = [self.base, *self.pending]
        return {b[collection][item_id].hash for b in bases if item_id in b.get(collection, {})}

    def to_text(self) -> str:
        """JSON with one line per item: diffs in git show which items changed, and each
        line is written by the C encoder (`indent` makes `json` use its pure-Python one,
        which took seconds for a 1,000-article corpus). Readers only need it to be JSON."""
        lines = [
            "{",
            f' "version": {STATE_VERSION},',
            f' "inputs": {_json(self.inputs)},',
            f' "files": {_json(dict(sorted(self.files.items())))},',
            ' "base": ' + _base_text(self.base, " ") + ",",
            ' "pending": [' + ", ".join(_base_text(p, "  ") for p in self.pending) + "]",
            "}",
        ]
        return "\n".join(lines) + "\n"


# `json.dumps(value, ensure_ascii=False)`: dumps builds a new encoder on every call given an
# option, which was most of the cost of the state's ten thousand one-line JSON texts.
_json = json.JSONEncoder(ensure_ascii=False).encode


def _texts_json(texts: Any) -> str | None:
    """`_json` of a list of texts, None when it is anything else."""
    if type(texts) is not list or not all(type(t) is str for t in texts):
        return None
    return "[" + ", ".join(map(encode_basestring, texts)) + "]"


def _entry_text(entry_hash: Any, spans: Any, aliases: Any) -> str | None:
    """`_json(BaseEntry.to_json())` written directly when every part has its usual type
    (texts, ints, a list of 4-tuples), else None: the state of a 1,000-article corpus has
    tens of thousands of entries, each a dict and lists built only to be encoded. The
    texts are encoded by `json`'s own function; an int is its repr, as `json` writes it
    (a bool, which json writes `true`, is not an int here)."""
    if type(entry_hash) is not str or type(spans) is not list:
        return None
    rows = []
    for span in spans:
        if type(span) is not tuple or len(span) != 4:
            return None
        source, start, end, quote = span
        if not (type(source) is str and type(start) is int and type(end) is int):
            return None
        if type(quote) is not str:
            return None
        rows.append(f"[{encode_basestring(source)}, {start}, {end}, {encode_basestring(quote)}]")
    text = f'{{"hash": {encode_basestring(entry_hash)}, "spans": [{", ".join(rows)}]'
    if aliases is None:
        return text + "}"
    listed = _texts_json(aliases)
    return None if listed is None else f'{text}, "aliases": {listed}}}'


def _base_text(base: Base, indent: str) -> str:
    """`base` as a JSON object, one line per item id, collections and ids sorted."""
    if not base:
        return "{}"
    inner = indent + " "
    parts = []
    for collection in sorted(base):
        items = base[collection]
        rows = [f"{inner} {_json(i)}: {items[i].json_text()}" for i in sorted(items)]
        body = "{\n" + ",\n".join(rows) + f"\n{inner}}}" if rows else "{}"
        parts.append(f"{inner}{_json(collection)}: {body}")
    return "{\n" + ",\n".join(parts) + f"\n{indent}}}"


def state_path(data_dir: Path) -> Path:
    return data_dir / STATE_DIR / "state.json"


def load_state(data_dir: Path) -> tuple[State, list[Problem]]:
    """The state of the last run; a missing file is an empty state (all data is editors')."""
    path = state_path(data_dir)
    if not path.is_file():
        return State(), []

    def load(raw: Any) -> Base:
        return {
            c: {i: BaseEntry.from_json(e) for i, e in items.items()} for c, items in raw.items()
        }

    try:
        raw = json.loads(path.read_text("utf-8"))
        if raw.get("version") != STATE_VERSION:
            raise ValueError(f"unknown version {raw.get('version')!r}")
        state = State(load(raw["base"]), [load(p) for p in raw.get("pending") or []])
        state.inputs = str(raw.get("inputs", ""))
        state.files = {str(k): str(v) for k, v in raw.get("files", {}).items()}
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError) as err:
        message = (
            f"extract state is unreadable ({err}); delete it to treat every current fact as "
            "edited by hand (nothing is lost, extracted facts just stop being refreshed)"
        )
        return State(), [Problem(display_path(path), 0, 0, message)]
    return state, []


def save_state(data_dir: Path, state: State) -> None:
    write_atomic(state_path(data_dir), state.to_text())


def sha256_text(text: str | bytes) -> str:
    return hashlib.sha256(text.encode("utf-8") if isinstance(text, str) else text).hexdigest()


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def result_json(value: Any) -> bytes:
    """An extraction result as UTF-8 JSON; key order kept (it is the extractor's, deterministic).

    orjson writes and reads it several times faster than `json` (a third of a second for
    1,000 articles). Where the two would differ, `json` writes it as before, after a space
    that tells `result_value` to read it with `json` too: orjson refuses keys that are not
    texts, integers past 64 bits (and reads them as floats), lone surrogates and (passed
    through, then refused) dataclasses and dates, which `json` turns into texts or refuses;
    and it writes a number that is not finite as null, where `json` writes Infinity or NaN.
    A figure's value is a result's only number that is not an int (the schema's only
    number), so only those are looked at."""
    if _finite_figures(value.get("figures", ())):
        with contextlib.suppress(TypeError):  # orjson.JSONEncodeError is a TypeError
            return orjson.dumps(value, option=_STRICT)
    return b" " + _result_json(value).encode("ascii")


_STRICT = orjson.OPT_PASSTHROUGH_DATACLASS | orjson.OPT_PASSTHROUGH_DATETIME


def _finite_figures(figures: Any) -> bool:
    """Whether no figure's value is (or holds) a float that is not finite."""
    for figure in figures:
        value = figure.get("value") if isinstance(figure, dict) else None
        for number in value if isinstance(value, list | tuple) else (value,):
            if isinstance(number, float) and not math.isfinite(number):
                return False
    return True


def result_value(raw: bytes) -> Any:
    """The value of `result_json`'s text: orjson's read by orjson, `json`'s by `json`."""
    return orjson.loads(raw) if raw[:1] == b"{" else json.loads(raw)


# No check for circular references (a dict of every container's id, kept while encoding):
# results are trees of new dicts and lists, and one was ~10% of the encoding.
_result_json = json.JSONEncoder(separators=(",", ":"), check_circular=False).encode


_READERS = ("sources.py", "textnorm.py", "lexicon.py")


def extractor_digest(fn: Callable[..., Any]) -> str:
    """Version constant + the source of the extractor's package: editing it invalidates the cache."""
    parts = [EXTRACTOR_VERSION, getattr(fn, "__module__", ""), getattr(fn, "__qualname__", "")]
    with contextlib.suppress(TypeError, OSError):
        source_file = inspect.getsourcefile(fn)
        if source_file:
            # Its subpackages too (`names`, `quotes`): named by their path in the package,
            # which for a module at its top is its name, as before.
            package = Path(source_file).parent
            for path in sorted(package.rglob("*.py")):
                name = path.relative_to(package).as_posix()
                parts.append(name + ":" + sha256_text(path.read_bytes()))
            # What an article is made of before extraction (its header, paragraphs and
            # clean text) comes from these: a change there changes every result too.
            for name in _READERS:
                path = Path(source_file).parent.parent / name
                if path.is_file():
                    parts.append(name + ":" + sha256_text(path.read_bytes()))
    return sha256_text("\n".join(parts))


def lexicon_digest(files: list[Path]) -> str:
    return sha256_text("\n".join(f"{p.name}:{sha256_text(p.read_bytes())}" for p in sorted(files)))


def article_key(source: Source, context: str) -> str:
    """Cache key of one article: its text and metadata plus `context` (lexicon, entities, code)."""
    meta = {
        "id": source.id,
        "publisher": source.publisher,
        "published": source.published.isoformat(),
        "title": source.title,
        "url": source.url,
        "reliability": source.reliability,
        "reliability_note": source.reliability_note,
    }
    return sha256_text(context + "\n" + canonical_json(meta) + "\n" + source.text)


class ArticleCache:
    """Per-article extraction results as JSON files named by their key; None disables it."""

    def __init__(self, root: Path | None) -> None:
        self.root = root

    def _path(self, key: str) -> Path:
        assert self.root is not None
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, list[dict[str, Any]]] | None:
        if self.root is None:
            return None
        try:
            value = result_value(self._path(key).read_bytes())
        except (OSError, ValueError):
            return None  # a missing or damaged entry is just a miss
        return value if isinstance(value, dict) else None

    def put(self, key: str, value: dict[str, list[dict[str, Any]]]) -> None:
        self.put_text(key, result_json(value))

    def put_text(self, key: str, text: bytes) -> None:
        """`put` of a value already serialised by `result_json`."""
        if self.root is not None:
            _write_entry(self._path(key), text)


def _write_entry(path: Path, text: bytes) -> None:
    """`write_atomic(path, text, durable=False)` with fewer system calls, for cache entries.

    Not fsynced: one fsync per article was a tenth of a cold run, and a damaged or missing
    entry is only a miss (see `get`). Still atomic (a temporary file renamed over the
    entry), so a reader never sees half an entry. The temporary file is named by the entry
    and the process, not by `mkstemp`, and created with mode 0666 less the umask, as
    `write_atomic` makes a new file; its folder is made only when missing. That was half of
    the per-article cost of writing the cache (stat, umask, random names, fchmod, mkdir)."""
    tmp = path.parent / f".{path.name}.{os.getpid()}.tmp"
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    try:
        fd = os.open(tmp, flags, 0o666)
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(tmp, flags, 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def extract_lock(data_dir: Path, *, wait: bool = True) -> Iterator[None]:
    """Hold an exclusive lock on `data_dir` for one extract run.

    `flock` is released by the kernel when the process dies, so a killed run never leaves
    a stale lock behind; the pid written into the file is only for the message.
    """
    path = data_dir / STATE_DIR / "lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
            where = display_path(data_dir)
            if not wait:
                raise ExplainerError(
                    f"another extract (pid {holder}) is updating {where}; wait for it to finish"
                ) from None
            log.warning("another extract (pid %s) is updating %s; waiting for it", holder, where)
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)
