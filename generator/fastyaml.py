"""libyaml (C) reading and writing of data files that only the extractor has written.

ruamel's round trip keeps editors' comments but is pure Python: dumping a 15 MB claims file
takes minutes. A file whose bytes are exactly what the extractor last wrote has no editor's
comment to keep, so extract reads and writes it with libyaml instead. Both writers produce
the same text for the same comment-free data (`round_trip_yaml` uses libyaml's layout and
`PlainWrapEmitter` its line wrapping), so a file moving from one path to the other after an
editor's edit is not reformatted.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import yaml
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from .yamlread import _Loader

_BaseDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
WIDTH = 100
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_NULL = "tag:yaml.org,2002:null"
_STR = "tag:yaml.org,2002:str"
_BOOL = "tag:yaml.org,2002:bool"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


class FastLoader(_Loader):  # type: ignore[misc]
    """yamlread's YAML 1.2 scalars, plus 1.2 floats without a dot (`1e5`), as ruamel reads."""


FastLoader.add_implicit_resolver(
    _FLOAT, re.compile(r"^[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+$"), list("-+0123456789")
)


class FastDumper(_BaseDumper):  # type: ignore[misc,valid-type]
    """Quotes every string that libyaml (YAML 1.1) *or* ruamel (YAML 1.2) would read as
    something else, so either reader gets the string back; writes null as ruamel does."""

    def represent_data(self, data: Any) -> Any:
        """PyYAML's `represent_data`, shortened for plain str, int, bool, None, dict, list.

        The Python side of the dump (type dispatch, alias bookkeeping, a call chain per
        scalar) took longer than libyaml's emitting. These paths build the very nodes the
        general one does; any other type, a subclass or sorted keys take the general path.
        """
        kind = type(data)
        if kind is str:
            self.alias_key = None  # strings are never aliased (`ignore_aliases`)
            return ScalarNode(_STR, data, style=self.default_style)
        if kind is dict and not self.sort_keys:
            return self._mapping(data)
        if kind is list:
            return self._sequence(data)
        if kind is int:
            self.alias_key = None
            return ScalarNode(_INT, str(data), style=self.default_style)
        if kind is bool:
            self.alias_key = None
            return ScalarNode(_BOOL, "true" if data else "false", style=self.default_style)
        if data is None:
            self.alias_key = None
            return ScalarNode(_NULL, "", style=self.default_style)
        return super().represent_data(data)

    def _mapping(self, data: dict[Any, Any]) -> Any:
        # represent_data's alias check, then represent_mapping (SafeRepresenter.represent_dict).
        key = id(data)
        self.alias_key = key  # type: ignore[assignment]  # the stubs say None; PyYAML sets ids
        if key in self.represented_objects:
            return self.represented_objects[key]
        self.object_keeper.append(data)
        value: list[tuple[Any, Any]] = []
        node = MappingNode(_MAP, value, flow_style=None)
        self.represented_objects[key] = node
        best_style = True
        for item_key, item_value in list(data.items()):
            node_key = self.represent_data(item_key)
            node_value = self.represent_data(item_value)
            if not (isinstance(node_key, ScalarNode) and not node_key.style):
                best_style = False
            if not (isinstance(node_value, ScalarNode) and not node_value.style):
                best_style = False
            value.append((node_key, node_value))
        default = self.default_flow_style
        node.flow_style = default if default is not None else best_style
        return node

    def _sequence(self, data: list[Any]) -> Any:
        # represent_data's alias check, then represent_sequence (SafeRepresenter.represent_list).
        key = id(data)
        self.alias_key = key  # type: ignore[assignment]  # the stubs say None; PyYAML sets ids
        if key in self.represented_objects:
            return self.represented_objects[key]
        self.object_keeper.append(data)
        value: list[Any] = []
        node = SequenceNode(_SEQ, value, flow_style=None)
        self.represented_objects[key] = node
        best_style = True
        for item in data:
            node_item = self.represent_data(item)
            if not (isinstance(node_item, ScalarNode) and not node_item.style):
                best_style = False
            value.append(node_item)
        default = self.default_flow_style
        node.flow_style = default if default is not None else best_style
        return node


# YAML 1.1 resolvers are kept (they quote `no`, `1:20`), 1.2's forms are added on top.
FastDumper.add_implicit_resolver(
    _FLOAT, re.compile(r"^[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+$"), list("-+0123456789")
)
FastDumper.add_implicit_resolver(_INT, re.compile(r"^(?:0o[0-7]+|0x[0-9a-fA-F]+)$"), list("0"))


def _represent_none(dumper: Any, _value: Any) -> Any:
    return dumper.represent_scalar(_NULL, "")  # `key:` with nothing after it, like ruamel


def _represent_dict(dumper: Any, value: Any) -> Any:
    return dumper.represent_mapping("tag:yaml.org,2002:map", value.items())


def _represent_list(dumper: Any, value: Any) -> Any:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value)


def _represent_str(dumper: Any, value: Any) -> Any:
    return dumper.represent_str(str(value))


FastDumper.add_representer(type(None), _represent_none)
# Merged documents mix plain dicts with ruamel's CommentedMap/CommentedSeq (comment-free).
FastDumper.add_multi_representer(dict, _represent_dict)
FastDumper.add_multi_representer(list, _represent_list)
FastDumper.add_multi_representer(str, _represent_str)


def load_fast(text: str) -> Any:
    """Plain data of a file the extractor wrote (trusted: aliases and tags never occur)."""
    return yaml.load(text, Loader=FastLoader)  # a SafeLoader subclass


def dump_fast(data: Any) -> str:
    text: str = yaml.dump(
        data,
        Dumper=FastDumper,
        sort_keys=False,
        allow_unicode=True,
        width=WIDTH,
        indent=2,
        default_flow_style=False,
    )
    return text


# --- Plain text for the usual document, without libyaml --------------------------------
#
# Building PyYAML nodes and having libyaml emit them took about a quarter of a cold run's
# single-process stage. Nearly every value of an extractor-written document is an id, a
# number, a word or a sentence that libyaml writes plain (or a date it single-quotes), in
# block style. `_TextWriter` writes those the way libyaml does (its line wrapping
# included); any item holding anything else is written by libyaml itself, alone, and put
# in its place (an item's text does not depend on its neighbours). A document whose
# containers are shared (libyaml would write anchors) or of another shape is dumped by
# libyaml whole. tests/test_fastyaml.py checks the two give the same bytes.


class _Unsupported(Exception):
    """A value `_TextWriter` does not write the way libyaml would: let libyaml write it."""


# Characters written as themselves by libyaml (allow_unicode) that are neither spaces,
# breaks nor anything its analysis treats specially; a deliberately small set.
_SAFE_TEXT = re.compile("[\x20-\x7e\u00a1-\u024f\u2010-\u2027\u2030-\u205e]+")
# First characters after which libyaml never writes a plain scalar (its analysis flags
# them as indicators), and those it may or may not ("-", "?", ":" depending on the next
# character): these are left to libyaml. A "." is special only as the "..." document end
# marker (`yaml_emitter_analyze_scalar`), which is left to libyaml too; ".inf" and ".5"
# are the resolvers' (`_resolves`). Sentences cut after a stop (". The ...") are common.
_QUOTED_FIRST = frozenset("#,[]{}&*!|>'\"%@` ")
_UNSURE_FIRST = frozenset("-?:")
_KEY = re.compile("[A-Za-z_][A-Za-z0-9_]*")
_BEST_WIDTH = WIDTH
_PLAIN, _SINGLE = "plain", "single"


def _resolves(text: str) -> bool:
    """Whether an implicit resolver reads `text` as something other than a string."""
    matchers = _MATCHERS.get(text[0])
    if matchers is None:
        matchers = _MATCHERS[text[0]] = _matchers(text[0])
    for match in matchers:  # noqa: SIM110 - a loop: any() of a generator costs more
        if match(text):
            return True
    return False


def _matchers(first: str) -> tuple[Callable[[str], Any], ...]:
    resolvers = FastDumper.yaml_implicit_resolvers  # those for any first character: None
    return tuple(rx.match for _tag, rx in [*resolvers.get(first, ()), *resolvers.get(None, ())])


# The resolvers' match functions per first character: most characters have none, and the
# list of them was built again for each of 100,000 texts of a 1,000-article corpus. Filled
# lazily, after every resolver was added (module import, above).
_MATCHERS: dict[str, tuple[Callable[[str], Any], ...]] = {}


def _safe(text: str) -> bool:
    """Whether `text` (not empty) is all `_SAFE_TEXT`. An ASCII text is when it is
    printable (the ASCII part of `_SAFE_TEXT`, \\x20-\\x7e, is what `isprintable` passes
    of ASCII): a pass in C with no class to test, for 77,000 of the 84,000 texts of a
    1,000-article corpus."""
    if text.isascii():
        return text.isprintable()
    return _SAFE_TEXT.fullmatch(text) is not None


def _style(text: str) -> str | None:
    """How libyaml writes `text` as a block mapping value or sequence item: plain, single
    quoted, or None when unsure (left to libyaml). Single quotes are always allowed for
    `_SAFE_TEXT`: no line break, tab or special character (`yaml_emitter_analyze_scalar`)."""
    if not text or not _safe(text) or text[0] in _UNSURE_FIRST:
        return None
    if text.startswith("..."):
        return None
    if (
        text[0] in _QUOTED_FIRST
        or text[-1] in ": "
        or ": " in text
        or " #" in text
        or _resolves(text)  # a plain `no` or `1.5` would not read back as a string
    ):
        return _SINGLE
    return _PLAIN


def _wrapped(text: str, column: int, indent: int) -> str:
    """libyaml's line wrapping of plain and single-quoted scalars (`write_plain_scalar`,
    `write_single_quoted`): at a single space, not the text's first or last character, with
    no space after it, once the line has passed the width, a new line at `indent` replaces
    the space. `column` is where the text starts (after an opening quote)."""
    if column + len(text) <= _BEST_WIDTH + 1:  # no space can stand past the width
        return text
    parts = []
    start, base = 0, column  # the current line's text starts at text[start], at `base`
    last = len(text) - 1
    # A space breaks the line only past the width (`base + (at - start) > _BEST_WIDTH`),
    # so the search jumps there instead of visiting every space of the line before it.
    at = text.find(" ", max(0, start + _BEST_WIDTH - base + 1))
    while at != -1:
        if 0 < at < last and text[at - 1] != " " and text[at + 1] != " ":
            parts.append(text[start:at])
            start, base = at + 1, indent
            at = text.find(" ", max(at + 1, start + _BEST_WIDTH - base + 1))
        else:
            at = text.find(" ", at + 1)
    parts.append(text[start:])
    return ("\n" + " " * indent).join(parts)


class _TextWriter:
    def __init__(self, styles: dict[str, str | None] | None = None) -> None:
        self.lines: list[str] = []
        self.seen: set[int] = set()  # ids of containers: a repeat means libyaml anchors
        self.added: list[int] = []  # those of the item being written
        self.keys: dict[str, str] = {}
        self.heads: dict[str, dict[str, str]] = {}  # see `_heads`
        # text -> its `_style`, a function of the text alone: may be shared by documents.
        self.scalars: dict[str, str | None] = {} if styles is None else styles
        self.odd: dict[tuple[type, str | float, int, int], str] = {}  # see `by_libyaml`
        self.wraps: dict[tuple[str, int, int], str] = {}  # see `scalar`

    def container(self, value: Any) -> None:
        key = id(value)
        if key in self.seen:
            raise _Unsupported("shared container")
        self.seen.add(key)
        self.added.append(key)

    def key(self, key: Any) -> str:
        text = self.keys.get(key) if type(key) is str else None
        if text is None:
            if type(key) is not str or not _KEY.fullmatch(key) or _resolves(key):
                raise _Unsupported("key")
            text = self.keys[key] = key + ":"
        return text

    def scalar(self, value: Any, column: int, indent: int) -> str:
        """The text of a scalar written from `column`, continued at `indent`."""
        kind = type(value)
        if kind is str:
            style = self.scalars.get(value, "")
            if style == "":
                style = self.scalars[value] = _style(value)
            if style is _PLAIN:
                # `_wrapped`'s own first test, here: most texts fit on their line.
                if column + len(value) <= _BEST_WIDTH + 1:
                    return value
            elif style is not _SINGLE:
                return self.by_libyaml(value, column, indent)
            # A long text is written at the same place again and again (the sentence a
            # fact cites is the `quote` of each of its citations, and of other facts'):
            # wrapped once per place, not 83,000 times for 33,000 texts and places.
            place = (value, column, indent)
            text = self.wraps.get(place)
            if text is None:
                if style is _PLAIN:
                    text = _wrapped(value, column, indent)
                else:  # a quote is written twice and takes two columns
                    text = "'" + _wrapped(value.replace("'", "''"), column + 1, indent) + "'"
                self.wraps[place] = text
            return text
        if kind is int:
            return str(value)
        if kind is bool:
            return "true" if value else "false"
        if kind is float:
            return self.by_libyaml(value, column, indent)
        raise _Unsupported("scalar")

    def by_libyaml(self, value: str | float, column: int, indent: int) -> str:
        """libyaml's text of a scalar this writer does not write itself (a passage holding a
        line break, a float): once per value and place, not the whole item by libyaml."""
        key = (type(value), value, column, indent)
        text = self.odd.get(key)
        if text is None:
            text = self.odd[key] = _scalar_text(value, column, indent)
        return text

    def mapping(self, data: Any, indent: int, first: str) -> None:
        """A non-empty block mapping whose first key follows `first` (a dash or indent)."""
        key = id(data)  # `container`, inline: once per item and citation
        if key in self.seen:
            raise _Unsupported("shared container")
        self.seen.add(key)
        self.added.append(key)
        pad = " " * indent
        lead = first
        lines, styles = self.lines, self.scalars
        heads = self._heads(first)
        for key, value in data.items():
            # Each key's line start ("  key: ") made once per lead (see `_heads`), and the
            # usual value inline (a text whose style is known and that fits on its line):
            # half a million calls of `key` and `scalar`, and joins, saved.
            head = heads.get(key) if type(key) is str else None
            if head is None:
                head = heads[key] = lead + self.key(key) + " "
            if lead is not pad:
                lead, heads = pad, self._heads(pad)
            kind = type(value)
            if kind is str:
                if styles.get(value) is _PLAIN and len(head) + len(value) <= _BEST_WIDTH + 1:
                    lines.append(head + value)  # `_wrapped` would keep it on one line
                else:
                    lines.append(head + self.scalar(value, len(head), indent + 2))
            elif kind is int:  # `scalar`'s text of an int (citation offsets: two a citation)
                lines.append(head + str(value))
            elif kind is dict or kind is CommentedMap:
                if not value:
                    lines.append(head + "{}")
                    continue
                lines.append(head[:-1])
                self.mapping(value, indent + 2, " " * (indent + 2))
            elif kind is list or kind is CommentedSeq:
                if not value:
                    lines.append(head + "[]")
                    continue
                lines.append(head[:-1])
                self.sequence(value, indent)  # indentless, as libyaml writes it in a mapping
            elif value is None:
                lines.append(head[:-1])  # `key:` with nothing after it
            else:
                lines.append(head + self.scalar(value, len(head), indent + 2))

    def _heads(self, lead: str) -> dict[str, str]:
        """Key -> `lead` + the key's text + a space, for the keys written after `lead`."""
        found = self.heads.get(lead)
        if found is None:
            found = self.heads[lead] = {}
        return found

    def sequence(self, data: Any, indent: int) -> None:
        self.container(data)
        dash = " " * indent + "- "
        lines, styles = self.lines, self.scalars
        room = _BEST_WIDTH + 1 - (indent + 2)
        for item in data:
            kind = type(item)
            # An id or word whose style is known and that fits on its line, inline (as in
            # `mapping`): `scalar` would return it as it is (lists of actor ids, mostly).
            if kind is str and len(item) <= room and styles.get(item) is _PLAIN:
                lines.append(dash + item)
            elif kind is dict or kind is CommentedMap:
                if not item:
                    raise _Unsupported("empty item")
                self.mapping(item, indent + 2, dash)
            elif item is None or kind is list or kind is CommentedSeq:
                raise _Unsupported("item")
            else:
                self.lines.append(dash + self.scalar(item, indent + 2, indent + 2))


def _scalar_text(value: str | float, column: int, indent: int) -> str:
    """libyaml's text of `value` written from `column`, continued at `indent`, as
    `_TextWriter.scalar` places it: a mapping value (the key's mapping at `indent` - 2,
    so its key is `column` - `indent` long) or, when `column` == `indent`, an item of an
    indentless sequence under such a key.

    The text depends only on the value, its column and the indentation (libyaml's
    `write_plain`/`write_single_quoted`/`write_double_quoted` see nothing else), so it is
    cut out of a document that puts it at the same place: nested one-key mappings."""
    outer = indent - 2
    length = column - indent
    if outer < 0 or outer % 2 or length < 0:
        raise _Unsupported("place")
    key = "k" * length if length else "k"
    doc: Any = {key: [value] if length == 0 else value}
    prefix = ""
    for depth in range(outer // 2 - 1, -1, -1):
        doc = {"a": doc}
        prefix = " " * (2 * depth) + "a:\n" + prefix
    prefix += " " * outer + key + ":" + ("\n" + " " * outer + "-" if length == 0 else "") + " "
    text = dump_fast(doc)
    if not text.startswith(prefix) or not text.endswith("\n"):
        raise _Unsupported("layout")
    return text[len(prefix) : -1]


def _item_text(item: Any) -> str:
    """libyaml's text of one item of a top-level list, alone."""
    return dump_fast({"x": [item]}).removeprefix("x:\n")


def _containers(value: Any, seen: set[int]) -> None:
    kind = type(value)
    if kind is dict or kind is CommentedMap or kind is list or kind is CommentedSeq:
        if id(value) in seen:
            raise _Unsupported("shared container")
        seen.add(id(value))
        for inner in value.values() if isinstance(value, dict) else value:
            _containers(inner, seen)
    elif not (kind is str or kind is int or kind is float or kind is bool or value is None):
        raise _Unsupported("other type")  # its representer might share objects (a float never)


def dump_document(data: Any, styles: dict[str, str | None] | None = None) -> str:
    """`dump_fast(data)`, written as text where it can be (see `_TextWriter`). `styles`:
    the texts' styles found so far, to be added to (documents written one after the
    other share many texts: a sentence is a claim's text and the passage of quotes)."""
    try:
        return _document_text(data, styles)
    except _Unsupported:
        return dump_fast(data)


def _document_text(data: Any, styles: dict[str, str | None] | None = None) -> str:
    kind = type(data)
    if not (kind is dict or kind is CommentedMap) or not data:
        raise _Unsupported("document")
    writer = _TextWriter(styles)
    writer.container(data)
    out: list[str] = []
    for key, value in data.items():
        if not (type(value) is list or type(value) is CommentedSeq) or not value:
            raise _Unsupported("top level")
        writer.container(value)
        out.append(writer.key(key) + "\n")
        for item in value:
            if not (type(item) is dict or type(item) is CommentedMap) or not item:
                raise _Unsupported("top-level item")
            writer.lines, writer.added = [], []
            try:
                writer.mapping(item, 2, "- ")
                out.append("\n".join(writer.lines) + "\n")
            except _Unsupported as why:
                if str(why) == "shared container":
                    raise
                writer.seen.difference_update(writer.added)  # this item's, counted again below
                seen: set[int] = set()
                _containers(item, seen)
                if not seen.isdisjoint(writer.seen):
                    raise _Unsupported("shared container") from None
                writer.seen |= seen
                out.append(_item_text(item))
    return "".join(out)
