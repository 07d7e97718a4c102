"""The fast schema check may only say "valid" when jsonschema agrees (see schemafast).

Mutations of real data files are checked both ways: a fast "valid" with a jsonschema error
would let bad data into the site without its `file:line:col` message.
"""

from __future__ import annotations

import copy
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import schemacheck
from generator.schemafast import Unsupported, compile_schema
from generator.yamlread import load_plain
from tests.conftest import FIXTURES, ROOT

DATA_FILES = sorted((FIXTURES / "site" / "data").glob("*.yaml"))
LEXICON_FILES = sorted((ROOT / "data" / "lexicon").glob("*.yaml"))


def _plain(path: Path) -> Any:
    doc, problems = load_plain(path, path.name)
    assert doc is not None, problems
    return doc.data


SAMPLES = [("data", _plain(p)) for p in DATA_FILES] + [
    ("lexicon", _plain(p)) for p in LEXICON_FILES
]


def jsonschema_valid(schema: str, value: Any) -> bool:
    return not any(schemacheck.validator(schema).iter_errors(value))


def test_both_schemas_compile() -> None:
    assert schemacheck.fast_check("data") is not None
    assert schemacheck.fast_check("lexicon") is not None


@pytest.mark.parametrize(("schema", "value"), SAMPLES, ids=[str(i) for i in range(len(SAMPLES))])
def test_valid_files_take_the_fast_path(schema: str, value: Any) -> None:
    check = schemacheck.fast_check(schema)
    assert check is not None
    assert jsonschema_valid(schema, value)
    assert check(value), "valid data must not need jsonschema"


ODD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 100),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0.0, 1.0, 2.5, -1.0, True, False, 1, 0]),
    st.text(max_size=8),
    st.sampled_from(
        ["", "x", "reviewed", "rejected", "garbled", "about", "weapon", "2024-11", "Abc"]
    ),
    st.lists(st.sampled_from(["a", "a", "b", 1, 1.0, True]), max_size=3),
    st.just({}),
    st.just([]),
)


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            out += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            out += _paths(item, (*path, index))
    return out


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, Any]:
    schema, original = draw(st.sampled_from(SAMPLES))
    value = copy.deepcopy(original)
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(value)
        path = draw(st.sampled_from(paths[1:] or paths))
        if not path:
            break
        parent = value
        for key in path[:-1]:
            parent = parent[key]
        action = draw(st.sampled_from(["replace", "delete", "add", "duplicate"]))
        last = path[-1]
        if action == "replace":
            parent[last] = draw(ODD_VALUES)
        elif action == "delete":
            del parent[last]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.sampled_from(["note", "flags", "extra", "start", "kind"]))] = draw(
                ODD_VALUES
            )
        elif action == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[last]))
    return schema, value


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=mutated())
def test_fast_valid_implies_jsonschema_valid(case: tuple[str, Any]) -> None:
    schema, value = case
    check = schemacheck.fast_check(schema)
    assert check is not None
    if check(value):
        assert jsonschema_valid(schema, value)
        assert not schemacheck.schema_problems(_NoDoc(), value, schema)


class _NoDoc:
    def problem(self, path: Any, message: str, at_key: bool = False) -> Any:
        raise AssertionError(f"unexpected problem at {path}: {message}")


@pytest.mark.parametrize(
    ("schema", "value", "valid"),
    [
        ({"type": "integer"}, 3.0, True),  # JSON Schema: 3.0 is an integer
        ({"type": "integer"}, True, False),  # a bool is not
        ({"type": "number"}, False, False),
        ({"type": "number"}, math.nan, False),  # not JSON: reported by schemacheck
        ({"enum": ["a", None]}, None, True),
        ({"enum": ["a", None]}, "b", False),
        ({"oneOf": [{"type": "number"}, {"type": "integer"}]}, 2, False),  # both match
        ({"oneOf": [{"type": "number"}, {"type": "string"}]}, 2, True),
        ({"type": "array", "uniqueItems": True}, ["a", "a"], False),
        ({"type": "array", "uniqueItems": True}, [1, True], False),  # undecided: jsonschema
        ({"pattern": "^a"}, 5, True),  # patterns apply to text only
        ({"type": "string", "maxLength": 2}, "ééé", False),
        ({"properties": {"a": {"type": "string"}}}, {"a": 1}, False),
        ({"properties": {"a": {"type": "string"}}}, {"b": 1}, True),
        ({"additionalProperties": False, "properties": {"a": True}}, {"b": 1}, False),
        ({"required": ["a"]}, {"b": 1}, False),
        ({"required": ["a"]}, [1], True),
    ],
)
def test_keywords(schema: dict[str, Any], value: Any, valid: bool) -> None:
    assert compile_schema(schema)(value) is valid


@pytest.mark.parametrize(
    "schema",
    [{"not": {"type": "string"}}, {"enum": [1, 2]}, {"$ref": "other.json"}, {"prefixItems": []}],
)
def test_unsupported_keywords_are_left_to_jsonschema(schema: dict[str, Any]) -> None:
    with pytest.raises(Unsupported):
        compile_schema(schema)
