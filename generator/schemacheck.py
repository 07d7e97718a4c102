"""JSON Schema validation of hand-edited YAML, reported as `file:line:col: message`.

Every error of a file is reported at once; unknown keys get a "did you mean" for typos of
known keys, because that is the most common editing mistake. A compiled yes/no check
(`schemafast`) answers first, so jsonschema is imported and run only for data that may be
invalid, and words its errors exactly as before.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Protocol

from .errors import Problem
from .schemafast import Check, Unsupported, compile_schema

if TYPE_CHECKING:
    # Imported where used: jsonschema is needed only when data is invalid (see schemafast).
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError


class Located(Protocol):
    """A parsed file that can turn a key path into a `file:line:col` problem."""

    def problem(
        self, path: tuple[str | int, ...], message: str, at_key: bool = False
    ) -> Problem: ...


@cache
def schema_of(name: str) -> dict[str, Any]:
    """`generator/schema/<name>.schema.json`, parsed (once per process)."""
    text = resources.files("generator.schema").joinpath(f"{name}.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@cache
def validator(name: str) -> Draft202012Validator:
    """The jsonschema validator for schema `name` (built once per process)."""
    from jsonschema import Draft202012Validator

    return Draft202012Validator(schema_of(name))


@cache
def fast_check(name: str) -> Check | None:
    """The certain-yes check of schema `name` (see schemafast), None if it cannot be built."""
    try:
        return compile_schema(schema_of(name))
    except (Unsupported, re.error):
        return None


def _inline(node: Any, defs: dict[str, Any], within: tuple[str, ...] = ()) -> Any:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            name = ref.removeprefix("#/$defs/")
            if name in within or name not in defs:
                raise ValueError(f"cannot inline {ref}")
            target = _inline(defs[name], defs, (*within, name))
            rest = {k: _inline(v, defs, within) for k, v in node.items() if k != "$ref"}
            return {"allOf": [target], **rest} if rest else target
        return {k: _inline(v, defs, within) for k, v in node.items()}
    if isinstance(node, list):
        return [_inline(v, defs, within) for v in node]
    return node


@cache
def inlined_validator(name: str) -> Draft202012Validator:
    """`validator(name)` with every `$ref` replaced by what it names: the same verdicts,
    twice as fast (resolving references is half of jsonschema's work), for checking
    much data at once. Falls back to `validator` for a recursive schema."""
    from jsonschema import Draft202012Validator

    schema: dict[str, Any] = dict(schema_of(name))
    defs = schema.pop("$defs", {})
    try:
        return Draft202012Validator(_inline(schema, defs))
    except ValueError:
        return validator(name)


def _subschema(error: ValidationError) -> dict[str, Any]:
    schema = error.schema
    return schema if isinstance(schema, dict) else {}


def _short(value: Any, limit: int = 60) -> str:
    """A value as shown in a message: its repr, cut to `limit` characters."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _message(error: ValidationError) -> list[tuple[tuple[str | int, ...], str]]:
    path = tuple(error.absolute_path)
    where = ".".join(str(p) for p in path) or "top level"
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        import difflib

        known = sorted(_subschema(error).get("properties", {}))
        out = []
        for key in error.instance:
            if key in known:
                continue
            close = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
            hint = f"; did you mean '{close[0]}'?" if close else f"; known keys: {', '.join(known)}"
            out.append(((*path, key), f"unknown key '{key}'{hint}"))
        return out
    if error.validator == "required":
        missing = str(error.message).split("'")[1] if "'" in error.message else error.message
        return [(path, f"{where}: missing '{missing}'")]
    if error.validator == "enum":
        allowed: list[Any] = list(error.validator_value)  # type: ignore[arg-type]
        options = ", ".join("null" if v is None else str(v) for v in allowed)
        return [(path, f"{where}: {_short(error.instance)} is not allowed; use one of: {options}")]
    if error.validator == "pattern":
        return [
            (
                path,
                f"{where}: {_short(error.instance)} does not have the expected form ({_subschema(error).get('description') or error.validator_value})",
            )
        ]
    if error.validator == "type":
        return [
            (
                path,
                f"{where}: expected {error.validator_value}, got {type(error.instance).__name__}",
            )
        ]
    if error.validator in ("oneOf", "anyOf"):
        desc = _subschema(error).get("description") or "a valid value"
        return [(path, f"{where}: {_short(error.instance)} is not {desc}")]
    if error.validator == "maxLength" and isinstance(error.instance, str):
        return [
            (
                path,
                f"{where}: text of {len(error.instance)} characters; the limit is {error.validator_value}",
            )
        ]
    # jsonschema's own messages start with the whole value: shorten it (it may be megabytes).
    return [
        (path, f"{where}: {error.message.replace(repr(error.instance), _short(error.instance))}")
    ]


def _floats(
    value: Any, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], float]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _floats(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _floats(item, (*path, index))
    elif isinstance(value, float):
        yield path, value


def schema_problems(doc: Located, plain: Any, schema: str) -> list[Problem]:
    """Every schema violation of `plain` (the plain form of `doc.data`)."""
    check = fast_check(schema)
    if check is not None and check(plain):
        return []  # certainly valid: jsonschema would find nothing
    # YAML has .inf and .nan, JSON (and so JSON Schema) does not: no value may be either.
    problems = [
        doc.problem(
            path, f"{'.'.join(map(str, path))}: {value} is not allowed; write a finite number"
        )
        for path, value in _floats(plain)
        if not math.isfinite(value)
    ]
    for error in validator(schema).iter_errors(plain):
        for path, message in _message(error):
            problems.append(doc.problem(path, message, at_key=message.startswith("unknown key")))
    return problems
