"""Fast, position-aware reading of YAML for checks and builds.

`yamlfile.read_yaml` (ruamel, round-trip) keeps comments for the extractor's writes, but it
is pure Python and slow; every build reads every data file, so checks parse with libyaml
(PyYAML's C parser) instead and keep a table of positions for error messages. The same
refusals apply: no aliases or anchors, no custom tags, duplicate keys are errors.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import Problem

# The limits of `yamlfile` (the round-trip reader), so both readers refuse the same files;
# tests/test_hostile_yaml.py checks they agree. Not imported from there: that imports
# ruamel, which a build does not otherwise need (yamlfile is imported for error messages).
MAX_YAML_BYTES = 32 * 1024 * 1024
MAX_YAML_DEPTH = 40
# libyaml's composer recurses in C: thousands of levels are fine, a hundred thousand crash
# the process. Files with fewer nesting indicators than this are composed before the scan.
_SAFE_NESTING = 5000
_BOM = b"\xef\xbb\xbf"

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[valid-type,misc]
    """libyaml with YAML 1.2 scalars, as ruamel (the writer) reads them.

    YAML 1.1 reads `no`, `on`, `y` as booleans and `1:20` as a number; an editor writing a
    cue word `no` means the word.
    """


_STR = "tag:yaml.org,2002:str"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in (_BOOL, _INT)]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    _BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_Loader.add_implicit_resolver(_INT, re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789"))
# First characters for which some implicit resolver exists ("" is the empty scalar: null).
_RESOLVABLE_FIRST = frozenset(k for k, rs in _Loader.yaml_implicit_resolvers.items() if rs)


def _resolve(self: Any, kind: Any, value: str, implicit: tuple[bool, bool]) -> str:
    """PyYAML's resolver, with a shortcut for the common case: most scalars in our files are
    text starting with a letter no implicit type can start with (a third of a build's load
    time went to trying every resolver on them). Anything else takes the full path."""
    if (
        kind is ScalarNode
        and implicit[0]
        and value
        and value[0] not in _RESOLVABLE_FIRST
        and None not in _RESOLVABLE_FIRST  # a wildcard resolver would see every value
    ):
        return _STR
    return _BaseLoader.resolve(self, kind, value, implicit)


_Loader.resolve = _resolve
_STANDARD_TAGS = frozenset(
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
)
KeyPath = tuple[str | int, ...]
_FAILED = object()  # a scalar that could not be read (its problem is already reported)


@dataclass
class PlainDocument:
    """A parsed file as plain data, with the position of every key and value.

    Positions are needed only to report a problem, so they are worked out from the parsed
    tree (`node`) the first time one is asked for: a valid file never pays for them.
    """

    path: Path
    display: str
    data: Any
    node: Node | None = field(default=None, repr=False)
    _tables: tuple[dict[KeyPath, tuple[int, int]], dict[KeyPath, tuple[int, int]]] | None = field(
        default=None, repr=False
    )

    def _positions(
        self,
    ) -> tuple[dict[KeyPath, tuple[int, int]], dict[KeyPath, tuple[int, int]]]:
        if self._tables is None:
            builder = _Builder(self.display)
            if self.node is not None:
                builder.build(self.node)
            self._tables = (builder.keys, builder.values)
        return self._tables

    @property
    def keys(self) -> dict[KeyPath, tuple[int, int]]:
        """Position of each mapping key, by the path of its value."""
        return self._positions()[0]

    @property
    def values(self) -> dict[KeyPath, tuple[int, int]]:
        """Position of each value (the document itself at path ())."""
        return self._positions()[1]

    def position(self, path: KeyPath, at_key: bool = False) -> tuple[int, int]:
        """1-based line and column of the value (or key) at `path`, or its nearest parent."""
        for length in range(len(path), 0, -1):
            prefix = path[:length]
            table = self.keys if (at_key and length == len(path)) else self.values
            if prefix in table:
                return table[prefix]
            if prefix in self.keys:
                return self.keys[prefix]
        return self.values.get((), (1, 1))  # the document itself (after leading comments)

    def problem(self, path: KeyPath, message: str, at_key: bool = False) -> Problem:
        line, col = self.position(path, at_key)
        return Problem(self.display, line, col, message)


class _Unusual(Exception):
    """The fast build met something to report (a custom tag, a duplicate key...)."""


def _indicators(text: str) -> int:
    """An upper bound of how deep `text` can nest: every collection opens with one of these."""
    return sum(text.count(c) for c in "[{-:?")


def _fast_build(node: Node, construct: Any, depth: int = 0) -> Any:
    """The plain data of a tree without problems, as `_Builder` makes it, without positions.

    Raises _Unusual at anything `_Builder` or `_refusals` would report (then the file takes
    the slow path, which words the problems).
    """
    tag = node.tag
    if tag == _STR and type(node) is ScalarNode:
        return node.value
    if tag not in _STANDARD_TAGS and tag != "!":
        raise _Unusual
    if not isinstance(node, ScalarNode):
        depth += 1
        if depth > MAX_YAML_DEPTH:
            raise _Unusual
    if isinstance(node, MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise _Unusual
            if key_node.tag == _STR:
                key = key_node.value
            else:
                try:
                    key = construct(key_node)
                except (ValueError, OverflowError):
                    raise _Unusual from None
                if not isinstance(key, str | int | float | bool) or key is None:
                    raise _Unusual
                key = str(key)
            if key in out:
                raise _Unusual
            out[key] = _fast_build(value_node, construct, depth)
        return out
    if isinstance(node, SequenceNode):
        return [_fast_build(item, construct, depth) for item in node.value]
    try:
        value = construct(node)
    except (ValueError, OverflowError):
        raise _Unusual from None
    return value.isoformat() if isinstance(value, dt.date) else value


class _Builder:
    def __init__(self, display: str) -> None:
        self.display = display
        self.loader = _Loader("")
        self.problems: list[Problem] = []
        self.keys: dict[KeyPath, tuple[int, int]] = {}
        self.values: dict[KeyPath, tuple[int, int]] = {}

    def _where(self, node: Node) -> tuple[int, int]:
        return node.start_mark.line + 1, node.start_mark.column + 1

    def build(self, node: Node, path: KeyPath = ()) -> Any:
        mark = node.start_mark
        self.values[path] = (mark.line + 1, mark.column + 1)
        if node.tag == _STR and isinstance(node, ScalarNode):
            # Most values are text: the constructor would return `node.value` unchanged.
            return node.value
        if node.tag not in _STANDARD_TAGS and node.tag != "!":
            self.problems.append(
                Problem(self.display, *self._where(node), f"custom tag {node.tag} is not allowed")
            )
            return None
        if isinstance(node, MappingNode):
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, ScalarNode):
                    key = None
                elif key_node.tag == _STR:
                    key = key_node.value  # as the constructor makes it, without the call
                else:
                    key = self._scalar(key_node)
                if key is _FAILED:
                    continue
                if not isinstance(key, str | int | float | bool) or key is None:
                    self.problems.append(
                        Problem(self.display, *self._where(key_node), "keys must be plain text")
                    )
                    continue
                key = str(key)
                if key in out:
                    first = self.keys[(*path, key)]
                    self.problems.append(
                        Problem(
                            self.display,
                            *self._where(key_node),
                            f"duplicate key '{key}' (first at line {first[0]}); each key may appear once in a mapping",
                        )
                    )
                    continue
                self.keys[(*path, key)] = self._where(key_node)
                out[key] = self.build(value_node, (*path, key))
            return out
        if isinstance(node, SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        value = self._scalar(node)
        if value is _FAILED:
            return None
        # Plain JSON-like values, as yamlfile.to_plain makes them: dates become ISO text.
        return value.isoformat() if isinstance(value, dt.date) else value

    def _scalar(self, node: Node) -> Any:
        """The value of a scalar node, or _FAILED (with a problem at the node)."""
        try:
            return self.loader.construct_object(node)
        except (ValueError, OverflowError) as err:  # 2024-13-45, a 5000-digit number
            value = str(node.value)
            value = value if len(value) <= 60 else value[:59] + "…"
            reason = str(err).split(";")[0]
            self.problems.append(
                Problem(self.display, *self._where(node), f"cannot read {value!r}: {reason}")
            )
            return _FAILED


def _refusals(text: str, display: str) -> list[Problem]:
    """Aliases and anchors are refused before anything is built (alias bombs)."""
    problems = []
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                mark = event.start_mark
                line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
                message = f"nested more than {MAX_YAML_DEPTH} levels deep"
                problems.append(Problem(display, line, col, message))
                break
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        anchor = getattr(event, "anchor", None)
        if isinstance(event, yaml.AliasEvent) or anchor:
            mark = event.start_mark
            line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
            what = "aliases (*name)" if isinstance(event, yaml.AliasEvent) else "anchors (&name)"
            problems.append(
                Problem(display, line, col, f"{what} are not allowed; write the value out")
            )
            if len(problems) >= 20:
                break
    return problems


def load_plain(path: Path, display: str) -> tuple[PlainDocument | None, list[Problem]]:
    """Parse `path` into plain data; on any problem return (None, problems), never raise."""
    try:
        size = path.stat().st_size
        if size > MAX_YAML_BYTES:
            limit = MAX_YAML_BYTES // 1024 // 1024
            return None, [
                Problem(
                    display,
                    0,
                    0,
                    f"file is {size / 1024 / 1024:.1f} MiB; the limit is {limit} MiB, split it",
                )
            ]
        raw = path.read_bytes()
    except OSError as err:
        return None, [Problem(display, 0, 0, f"cannot read file: {err.strerror}")]
    try:
        text = raw.removeprefix(_BOM).decode("utf-8")
    except UnicodeDecodeError:
        from .yamlfile import decode_utf8

        return None, decode_utf8(raw, display)[1]
    # The refusals scan is a second parse of the file; a file without '&' and '*' has no
    # anchors or aliases, and one with few nesting indicators cannot nest deep enough to
    # hurt libyaml: it is composed first and scanned only if something is amiss, so the
    # problems reported are the same either way.
    quick = "&" not in text and "*" not in text and _indicators(text) <= _SAFE_NESTING
    try:
        if not quick and (problems := _refusals(text, display)):
            return None, problems
        try:
            node = yaml.compose(text, Loader=_Loader)
        except yaml.YAMLError:
            if quick and (problems := _refusals(text, display)):
                return None, problems  # what the scan finds before the error, as before
            raise
        try:
            data = _fast_build(node, _Loader("").construct_object) if node is not None else None
            return PlainDocument(path, display, data, node), []
        except _Unusual:
            if quick and (problems := _refusals(text, display)):
                return None, problems  # nested too deep
            assert node is not None
            builder = _Builder(display)
            data = builder.build(node)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        from .yamlfile import inside

        message = " ".join(x for x in (err.context, err.problem) if x) or "invalid YAML"
        line, col = inside(text, mark.line + 1, mark.column + 1) if mark else (0, 0)
        return None, [Problem(display, line, col, message)]
    except yaml.reader.ReaderError as err:
        from .yamlfile import reader_problem

        # libyaml counts the position in bytes of UTF-8, the pure-Python reader in characters.
        position = err.position
        if _BaseLoader is not yaml.SafeLoader:
            position = len(text.encode("utf-8")[:position].decode("utf-8", "ignore"))
        return None, [reader_problem(display, text, position, err.character, err.reason)]
    except yaml.YAMLError as err:
        return None, [Problem(display, 0, 0, f"invalid YAML: {err}")]
    except (RecursionError, ValueError, OverflowError) as err:
        return None, [Problem(display, 0, 0, f"cannot read this YAML: {type(err).__name__}")]
    if builder.problems:
        return None, builder.problems
    return PlainDocument(path, display, data, node, (builder.keys, builder.values)), []
