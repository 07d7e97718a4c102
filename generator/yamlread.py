"""Fast, position-aware reading of YAML for checks and builds.

`yamlfile.read_yaml` (ruamel, round-trip) keeps comments for the extractor's writes, but it
is pure Python and slow; every build reads every data file, so checks parse with libyaml
(PyYAML's C parser) instead and keep a table of positions for error messages. The same
refusals apply: no aliases or anchors, no custom tags, duplicate keys are errors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import Problem
from .yamlfile import (
    MAX_YAML_BYTES,
    MAX_YAML_DEPTH,
    decode_utf8,
    inside,
    reader_problem,
    to_plain,
)

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[valid-type,misc]
    """libyaml with YAML 1.2 scalars, as ruamel (the writer) reads them.

    YAML 1.1 reads `no`, `on`, `y` as booleans and `1:20` as a number; an editor writing a
    cue word `no` means the word.
    """


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
_STANDARD_TAGS = frozenset(
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
)
KeyPath = tuple[str | int, ...]
_FAILED = object()  # a scalar that could not be read (its problem is already reported)


@dataclass
class PlainDocument:
    """A parsed file as plain data, with the position of every key and value."""

    path: Path
    display: str
    data: Any
    keys: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    values: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)

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
        self.values[path] = self._where(node)
        if node.tag not in _STANDARD_TAGS and node.tag != "!":
            self.problems.append(
                Problem(self.display, *self._where(node), f"custom tag {node.tag} is not allowed")
            )
            return None
        if isinstance(node, MappingNode):
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key = self._scalar(key_node) if isinstance(key_node, ScalarNode) else None
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
        return None if value is _FAILED else to_plain(value)

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
    text, problems = decode_utf8(raw, display)
    if text is None:
        return None, problems
    try:
        problems = _refusals(text, display)
        if problems:
            return None, problems
        node = yaml.compose(text, Loader=_Loader)
        builder = _Builder(display)
        data = builder.build(node) if node is not None else None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        message = " ".join(x for x in (err.context, err.problem) if x) or "invalid YAML"
        line, col = inside(text, mark.line + 1, mark.column + 1) if mark else (0, 0)
        return None, [Problem(display, line, col, message)]
    except yaml.reader.ReaderError as err:
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
    return PlainDocument(path, display, data, builder.keys, builder.values), []
