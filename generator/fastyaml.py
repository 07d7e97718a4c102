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
from typing import Any

import yaml
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
