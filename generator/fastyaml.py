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

from .yamlread import _Loader

_BaseDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
WIDTH = 100
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_NULL = "tag:yaml.org,2002:null"


class FastLoader(_Loader):  # type: ignore[misc]
    """yamlread's YAML 1.2 scalars, plus 1.2 floats without a dot (`1e5`), as ruamel reads."""


FastLoader.add_implicit_resolver(
    _FLOAT, re.compile(r"^[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+$"), list("-+0123456789")
)


class FastDumper(_BaseDumper):  # type: ignore[misc,valid-type]
    """Quotes every string that libyaml (YAML 1.1) *or* ruamel (YAML 1.2) would read as
    something else, so either reader gets the string back; writes null as ruamel does."""


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
