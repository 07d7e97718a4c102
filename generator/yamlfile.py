"""Reading hand-edited YAML safely, with positions, and writing it atomically.

Editors make mistakes, so reading never raises on bad input: it returns the problems with
`file:line:col`. Aliases and custom tags are refused outright (no editor needs them, and
aliases are how "billion laughs" files blow up memory); oversized files are refused before
parsing. Writes go through a temporary file and a rename, so a file is always old or new.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import ConstructorError, RoundTripConstructor
from ruamel.yaml.emitter import RoundTripEmitter
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, ScalarEvent
from ruamel.yaml.reader import ReaderError

from .errors import Problem

# A 1,000-article corpus makes a claims file of about 15 MB; 50 MB is refused.
MAX_YAML_BYTES = 32 * 1024 * 1024
# No data file needs more; deeper nesting is refused before anything recurses over it.
MAX_YAML_DEPTH = 40
_STANDARD_TAGS = frozenset(
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
)

Path_ = tuple[str | int, ...]
# What YAML parsers count as a new line (so as positions count lines).
YAML_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


class _Constructor(RoundTripConstructor):
    """Scalars that look like values but are not (`2024-13-45`, a 5000-digit number) raise
    ValueError without a position in ruamel; report them at the scalar instead."""

    def construct_non_recursive_object(self, node: Any, tag: str | None = None) -> Any:
        try:
            return super().construct_non_recursive_object(node, tag)
        except (ValueError, OverflowError) as err:
            value = node.value if isinstance(node.value, str) else "this value"
            raise ConstructorError(
                problem=f"cannot read {_shorten(value)!r}: {str(err).split(';')[0]}",
                problem_mark=node.start_mark,
            ) from None


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def inside(text: str, line: int, col: int) -> tuple[int, int]:
    """A parser's 1-based position, moved back inside `text` (errors at the end of a file
    without a final newline are reported on a line after the last)."""
    lines = YAML_LINE_BREAK.split(text)
    if line > len(lines):
        return len(lines), len(lines[-1]) + 1
    return line, min(col, len(lines[line - 1]) + 1)


def position_at(text: str, index: int) -> tuple[int, int]:
    """1-based line and column (in characters) of `text[index]`, lines as YAML counts them."""
    before = YAML_LINE_BREAK.split(text[:index])
    return len(before), len(before[-1]) + 1


def decode_utf8(raw: bytes, display: str) -> tuple[str | None, list[Problem]]:
    """The text of a file (without a BOM), or the position of its first byte that is not UTF-8."""
    body = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        return body.decode("utf-8"), []
    except UnicodeDecodeError as err:
        before = body[: err.start].decode("utf-8")
        line, col = position_at(before, len(before))
        return None, [Problem(display, line, col, "not valid UTF-8; save the file as UTF-8")]


def reader_problem(
    display: str, text: str, position: int, character: object, reason: str
) -> Problem:
    """A problem for a character the YAML reader refuses (NUL, other control characters)."""
    line, col = position_at(text, position)
    code = character if isinstance(character, int) else ord(str(character)[:1] or "\0")
    return Problem(display, line, col, f"character U+{code:04X} is not allowed in YAML ({reason})")


class PlainWrapEmitter(RoundTripEmitter):
    """ruamel's emitter with libyaml's wrapping of plain scalars.

    ruamel breaks a line *before* a word that would pass the width (leaving a trailing
    space), libyaml only *after* the width is passed. Extract writes files no editor touched
    with libyaml (`fastyaml`); wrapping alike, a file is not rewrapped when it moves between
    the two writers. The body is PyYAML's `write_plain` (libyaml's algorithm in Python).
    """

    def choose_scalar_style(self) -> Any:
        # ruamel double-quotes any text with an apostrophe or a line break; libyaml
        # single-quotes whatever it may. A style the file already had is kept as it was.
        style = super().choose_scalar_style()
        if (
            style == '"'
            and not self.event.style
            and not self.canonical
            and self.analysis.allow_single_quoted
            and not (self.simple_key_context and self.analysis.multiline)
        ):
            return "'"
        return style

    def write_plain(self, text: Any, split: Any = True) -> None:
        if self.root_context:
            if self.requested_indent is not None:
                self.write_line_break()
                if self.requested_indent != 0:
                    self.write_indent()
            else:
                self.open_ended = True
        if not text:
            return
        if not self.whitespace:
            self.column += 1
            self.stream.write(" ")
        self.whitespace = False
        self.indention = False
        spaces = breaks = False
        start = end = 0
        while end <= len(text):
            ch = text[end] if end < len(text) else None
            if spaces:
                if ch != " ":
                    if start + 1 == end and self.column > self.best_width and split:
                        self.write_indent()
                        self.whitespace = False
                        self.indention = False
                    else:
                        self.column += end - start
                        self.stream.write(text[start:end])
                    start = end
            elif breaks:
                if ch is None or ch not in "\n\x85\u2028\u2029":
                    if text[start] == "\n":
                        self.write_line_break()
                    for br in text[start:end]:
                        self.write_line_break(None if br == "\n" else br)
                    self.write_indent()
                    self.whitespace = False
                    self.indention = False
                    start = end
            elif ch is None or ch in " \n\x85\u2028\u2029":
                self.column += end - start
                self.stream.write(text[start:end])
                start = end
            if ch is not None:
                spaces = ch == " "
                breaks = ch in "\n\x85\u2028\u2029"
            end += 1


def round_trip_yaml() -> YAML:
    """The one YAML configuration used for reading and writing data files.

    Layout and wrapping are libyaml's (indentless sequences, width 100), the writer of
    files no editor touched (see `fastyaml`): the two must write the same text.
    """
    yaml = YAML(typ="rt", pure=True)
    yaml.Constructor = _Constructor
    yaml.Emitter = PlainWrapEmitter
    yaml.allow_duplicate_keys = False
    yaml.width = 100
    yaml.indent(mapping=2, sequence=2, offset=0)
    yaml.preserve_quotes = True
    return yaml


@dataclass
class YamlDocument:
    """A parsed file: `data` keeps comments and positions (ruamel round-trip types)."""

    path: Path
    display: str
    data: Any

    def position(self, path: Path_, at_key: bool = False) -> tuple[int, int]:
        """1-based line and column of the value at `path` (or of its nearest parent).

        With `at_key`, the position of the last key instead of its value (for unknown keys).
        """
        node = self.data
        lc = getattr(node, "lc", None)  # the document itself (after leading comments)
        line, col = (lc.line + 1, lc.col + 1) if lc is not None and lc.line is not None else (1, 1)
        for index, key in enumerate(path):
            if isinstance(node, CommentedMap) and key in node:
                kl, kc, vl, vc = node.lc.data.get(key, (0, 0, 0, 0))
                last = index == len(path) - 1
                if at_key or not last or isinstance(node[key], CommentedMap | CommentedSeq):
                    line, col = kl + 1, kc + 1
                else:
                    line, col = vl + 1, vc + 1
                node = node[key]
            elif isinstance(node, CommentedSeq) and isinstance(key, int) and key < len(node):
                il, ic = node.lc.data[key] if key < len(node.lc.data) else (0, 0)
                line, col = il + 1, ic + 1
                node = node[key]
            else:
                break
        return line, col

    def problem(self, path: Path_, message: str, at_key: bool = False) -> Problem:
        line, col = self.position(path, at_key)
        return Problem(self.display, line, col, message)


def _problem_from_mark(display: str, err: MarkedYAMLError, source: str) -> Problem:
    mark = err.problem_mark or err.context_mark
    text = " ".join(x for x in (err.context, err.problem) if x) or "invalid YAML"
    if "found duplicate key" in text or type(err).__name__ == "DuplicateKeyError":
        text = text.replace("while constructing a mapping ", "").strip()
        text = f"duplicate key: {text}; each key may appear once in a mapping"
    line, col = inside(source, mark.line + 1, mark.column + 1) if mark else (0, 0)
    return Problem(display, line, col, text)


def _scan_events(yaml: YAML, text: str, display: str) -> list[Problem]:
    """Refuse aliases, anchors and non-standard tags before anything is constructed."""
    problems = []
    depth = 0
    for event in yaml.parse(io.StringIO(text)):
        mark = event.start_mark
        # (clamped: the parser may count lines otherwise than YAML_LINE_BREAK, "\x85: &x")
        where = (display, *inside(text, mark.line + 1, mark.column + 1))
        if isinstance(event, CollectionStartEvent):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                problems.append(Problem(*where, f"nested more than {MAX_YAML_DEPTH} levels deep"))
                break
        elif isinstance(event, CollectionEndEvent):
            depth -= 1
        if isinstance(event, AliasEvent):
            problems.append(Problem(*where, "aliases (*name) are not allowed; write the value out"))
        elif isinstance(event, ScalarEvent | CollectionStartEvent):
            if getattr(event, "anchor", None):
                problems.append(
                    Problem(*where, "anchors (&name) are not allowed; write the value out")
                )
            tag = getattr(event, "tag", None)
            if tag and str(tag) not in _STANDARD_TAGS and str(tag) != "!":
                problems.append(Problem(*where, f"custom tag {tag} is not allowed"))
        if len(problems) >= 20:
            break
    return problems


def read_yaml(path: Path, display: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse `path`; on any problem return (None, problems) instead of raising."""
    try:
        size = path.stat().st_size
    except OSError as err:
        return None, [Problem(display, 0, 0, f"cannot read file: {err.strerror}")]
    if size > MAX_YAML_BYTES:
        mib = size / 1024 / 1024
        limit = MAX_YAML_BYTES // 1024 // 1024
        return None, [
            Problem(display, 0, 0, f"file is {mib:.1f} MiB; the limit is {limit} MiB, split it")
        ]
    raw = path.read_bytes()
    text, problems = decode_utf8(raw, display)
    if text is None:
        return None, problems
    yaml = round_trip_yaml()
    try:
        problems = _scan_events(yaml, text, display)
        if problems:
            return None, problems
        data = yaml.load(text)
    except MarkedYAMLError as err:
        return None, [_problem_from_mark(display, err, text)]
    except ReaderError as err:
        return None, [reader_problem(display, text, err.position, err.character, err.reason)]
    except YAMLError as err:  # errors without a position (rare)
        return None, [Problem(display, 0, 0, f"invalid YAML: {err}")]
    except RecursionError:
        return None, [Problem(display, 0, 0, "nesting is too deep")]
    except TypeError:
        # ruamel hashes a complex key ("? : : ") to look for duplicates, and cannot.
        return None, [
            Problem(display, 0, 0, "a mapping or a list is used as a key; keys must be plain text")
        ]
    return YamlDocument(path, display, data), []


def to_plain(value: Any) -> Any:
    """Round-trip types to plain JSON-like types (dates become ISO strings)."""
    # Exact plain types first: they are nearly every value (item hashes, output checks),
    # and come back as they are from the general chain below too.
    kind = type(value)
    if kind is str or kind is int or value is None or kind is bool or kind is float:
        return value
    if kind is dict:
        return {k if type(k) is str else str(k): to_plain(v) for k, v in value.items()}
    if kind is list:
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_plain(v) for v in value]
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return str(value)  # drop ruamel's scalar-string subclasses
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    return value


def _comment_tokens(tokens: Any) -> list[Any]:
    out: list[Any] = []
    for token in tokens if isinstance(tokens, list) else [tokens]:
        if isinstance(token, list):
            out += _comment_tokens(token)
        elif token is not None and hasattr(token, "value"):
            out.append(token)
    return out


def _comment_lines(*token_lists: Any) -> list[str]:
    """The text of comment tokens, each token once (ruamel files one under two owners)."""
    seen: set[int] = set()
    lines: list[str] = []
    for token in (t for tokens in token_lists for t in _comment_tokens(tokens)):
        if id(token) not in seen:
            seen.add(id(token))
            lines += [
                line.strip().removeprefix("#").strip() for line in token.value.strip().splitlines()
            ]
    return [line for line in lines if line]


def _lift_comments_of_empty_lists(node: Any) -> None:
    """Move comments of emptied lists above their key.

    ruamel writes a list that lost all its items but kept the comments of its first item as
    'key:', the comments, '[]' on a line of its own: not valid YAML, and it garbles the key
    after it. The comments move to the line above the key, so none is lost.
    """
    if not isinstance(node, CommentedMap):
        if isinstance(node, CommentedSeq):
            for item in node:
                _lift_comments_of_empty_lists(item)
        return
    for key, value in node.items():
        if isinstance(value, CommentedSeq | CommentedMap) and len(value) == 0:
            lines = _comment_lines(value.ca.comment, node.ca.items.get(key, [])[2:])
            if lines:
                value.ca.comment = None
                node.ca.items.pop(key, None)
                node.yaml_set_comment_before_after_key(key, before="\n".join(lines), indent=0)
        else:
            _lift_comments_of_empty_lists(value)


def dump_yaml(data: Any, header: str = "") -> str:
    """Serialise round-trip data to text (deterministic for the same input)."""
    _lift_comments_of_empty_lists(data)
    buf = io.StringIO()
    round_trip_yaml().dump(data, buf)
    return header + buf.getvalue()


def write_atomic(path: Path, content: str | bytes, *, durable: bool = True) -> None:
    """Write `content` to `path` so that readers see either the old or the new file.

    The file keeps its permissions (a new one gets the usual 0666 less the umask): mkstemp
    creates 0600 files, which would lock other editors out of a shared data folder.
    `durable=False` skips the fsync, for files whose loss in a crash costs only time (a
    cache entry that is empty or cut short after a power cut just fails to parse).
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fchmod(handle.fileno(), mode)
            if durable:
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def walk_strings(value: Any, path: Path_ = ()) -> Iterator[tuple[Path_, str]]:
    """Every string value in a nested structure, with its path."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from walk_strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk_strings(item, (*path, index))
    elif isinstance(value, str):
        yield path, value
