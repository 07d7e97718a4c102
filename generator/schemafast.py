"""A fast yes/no JSON Schema check, so valid data never pays for `jsonschema`.

Importing jsonschema and running its validator costs a cold build more than everything
else in loading together, yet almost every build reads valid data. This module compiles
the subset of JSON Schema 2020-12 our schemas use into nested Python closures that answer
one question: is this value certainly valid? `schemacheck` asks it first and runs
jsonschema (which words every error as `file:line:col`) only when the answer is not a
certain yes.

Soundness is the whole contract: `True` must imply that jsonschema finds no error. So a
schema using any keyword not handled here does not compile (`Unsupported`), and a check
that cannot decide exactly (uniqueItems over values other than text) raises `_Unsure`,
which the caller treats as "maybe invalid". Both fall back to jsonschema: slower, never
wrong. The verdicts are compared with jsonschema's in tests/test_schemafast.py.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

Check = Callable[[Any], bool]

# Keywords that only annotate: jsonschema asserts nothing for them (format included: it
# is an annotation unless a format checker is passed, and schemacheck passes none).
_ANNOTATIONS = frozenset(
    (
        "$schema",
        "$id",
        "$comment",
        "$defs",
        "title",
        "description",
        "default",
        "examples",
        "format",
        "deprecated",
        "readOnly",
        "writeOnly",
    )
)


# The keywords of the schemas `_Compiler._fused` checks in one closure.
_TEXT_KEYWORDS = frozenset(("type", "minLength", "maxLength", "pattern"))
_INTEGER_KEYWORDS = frozenset(("type", "minimum"))
_OBJECT_KEYWORDS = frozenset(("type", "required", "properties", "additionalProperties"))


class Unsupported(ValueError):
    """The schema uses something this module does not implement: use jsonschema."""


class _Unsure(Exception):
    """This value cannot be decided here: use jsonschema."""


def _is_type(value: Any, name: str) -> bool:
    """JSON Schema types as jsonschema's Draft 2020-12 type checker defines them."""
    if name == "string":
        return isinstance(value, str)
    if name == "object":
        return isinstance(value, dict)
    if name == "array":
        return isinstance(value, list)
    if name == "null":
        return value is None
    if name == "boolean":
        return isinstance(value, bool)
    if isinstance(value, bool):  # bool is an int in Python, never a number in JSON
        return False
    if name == "number":
        return isinstance(value, int | float)
    if name == "integer":
        return isinstance(value, int) or (isinstance(value, float) and value.is_integer())
    raise Unsupported(f"type {name!r}")


def _number(value: Any) -> bool:
    kind = type(value)  # a plain int or float, nearly always: no chain of type tests
    return kind is int or kind is float or _is_type(value, "number")


def _all(checks: list[Check]) -> Check:
    """A check passing when all of `checks` pass (a plain loop: all() of a generator costs
    more than the checks themselves)."""
    if not checks:
        return lambda value: True
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        first, second = checks
        return lambda value: first(value) and second(value)

    def check(value: Any) -> bool:
        for one in checks:  # noqa: SIM110 - a loop: all() of a generator is slower
            if not one(value):
                return False
        return True

    return check


def _any(checks: list[Check]) -> Check:
    """A check passing when one of `checks` passes (a plain loop, as in `_all`)."""
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        first, second = checks
        return lambda value: first(value) or second(value)

    def check(value: Any) -> bool:
        for one in checks:  # noqa: SIM110 - a loop: any() of a generator is slower
            if one(value):
                return True
        return False

    return check


def _type_check(name: str) -> Check:
    """`_is_type(value, name)` as a check, the usual names without its chain of tests."""
    if name == "string":
        return lambda value: isinstance(value, str)
    if name == "object":
        return lambda value: isinstance(value, dict)
    if name == "array":
        return lambda value: isinstance(value, list)
    if name == "null":
        return lambda value: value is None
    if name == "integer":  # a plain int is one; anything else takes the whole test
        return lambda value: type(value) is int or _is_type(value, "integer")
    return lambda value: _is_type(value, name)


class _Compiler:
    def __init__(self, root: dict[str, Any]) -> None:
        self.defs: dict[str, Any] = root.get("$defs", {})
        self.compiled: dict[str, Check] = {}

    def ref(self, ref: Any) -> Check:
        if not isinstance(ref, str) or not ref.startswith("#/$defs/"):
            raise Unsupported(f"$ref {ref!r}")
        name = ref.removeprefix("#/$defs/")
        if name not in self.defs or "/" in name or "~" in name:
            raise Unsupported(f"$ref {ref!r}")
        if name not in self.compiled:
            # A recursive reference, met while compiling, goes through this indirection.
            cell: list[Check] = []
            self.compiled[name] = lambda value: cell[0](value)
            cell.append(self.schema(self.defs[name]))
            self.compiled[name] = cell[0]
        return self.compiled[name]

    def schema(self, schema: Any) -> Check:
        if schema is True:
            return lambda value: True
        if schema is False:
            return lambda value: False
        if not isinstance(schema, dict):
            raise Unsupported(f"schema {schema!r}")
        checks: list[Check] = []
        for key, arg in schema.items():
            if key in _ANNOTATIONS or key in ("properties",):
                continue
            make = getattr(self, "k_" + key.lstrip("$"), None)
            if make is None:
                raise Unsupported(f"keyword {key!r}")
            checks.append(make(arg, schema))
        if "properties" in schema and "additionalProperties" not in schema:
            checks.append(self.k_additionalProperties(True, schema))
        return self._fused(schema, checks) or _all(checks)

    def _fused(self, schema: dict[str, Any], checks: list[Check]) -> Check | None:
        """The usual text, integer and object schemas as one closure for their usual type,
        `_all(checks)` for any other value; None for any other schema.

        Why: every value of every item written went through a closure per keyword and
        `_all`'s loop over them (a string's type, length and pattern; an item's type,
        required keys and properties), most of validating. For the exact type the fused
        test decides what each keyword's check decides, in the same order where a check
        could raise (`_Unsure` from inside a property): the same verdict."""
        keys = [k for k in schema if k not in _ANNOTATIONS]
        general = _all(checks)
        kind = schema.get("type")
        if kind == "string" and set(keys) <= _TEXT_KEYWORDS:
            low = schema.get("minLength", 0)
            high = schema.get("maxLength")
            pattern = schema.get("pattern")
            search = re.compile(pattern).search if pattern is not None else None

            def text(value: Any) -> bool:
                if type(value) is not str:
                    return general(value)
                if len(value) < low or (high is not None and len(value) > high):
                    return False
                return search is None or search(value) is not None

            if search is None:
                return text
            # Texts with a pattern (ids, source ids, dates) recur: a source id is in every
            # citation of its article. Each text that passed is remembered (the same text
            # passes again), so the pattern is searched once per text, not per value.
            # At most `_REMEMBERED` of them: the check lives as long as the process.
            passed: set[str] = set()

            def remembered(value: Any) -> bool:
                if type(value) is not str:
                    return text(value)
                if value in passed:
                    return True
                if not text(value):
                    return False
                if len(passed) < _REMEMBERED:
                    passed.add(value)
                return True

            return remembered
        if kind == "integer" and set(keys) <= _INTEGER_KEYWORDS:
            minimum = schema.get("minimum")

            def integer(value: Any) -> bool:
                if type(value) is not int:
                    return general(value)
                return minimum is None or value >= minimum

            return integer
        if kind == "object" and set(keys) <= _OBJECT_KEYWORDS:
            return self._object(schema, keys, general)
        return None

    def _object(self, schema: dict[str, Any], keys: list[str], general: Check) -> Check | None:
        """`_fused` of an object schema (see there): required keys and properties, checked
        in the schema's order (`properties` alone counts as additionalProperties last)."""
        required = schema.get("required", [])
        if not isinstance(required, list) or not all(isinstance(k, str) for k in required):
            return None
        wanted = frozenset(required)
        if "patternProperties" in schema:
            return None
        props = {key: self.schema(sub) for key, sub in schema.get("properties", {}).items()}
        rest = self.schema(schema.get("additionalProperties", True))
        first = "additionalProperties" in keys and (
            "required" not in keys or keys.index("additionalProperties") < keys.index("required")
        )

        def each(value: dict[Any, Any]) -> bool:
            for key, item in value.items():  # noqa: SIM110 - see _all
                if not props.get(key, rest)(item):
                    return False
            return True

        if first:

            def properties_first(value: Any) -> bool:
                if type(value) is not dict:
                    return general(value)
                return each(value) and value.keys() >= wanted

            return properties_first

        def required_first(value: Any) -> bool:
            if type(value) is not dict:
                return general(value)
            return value.keys() >= wanted and each(value)

        return required_first

    # -- keywords: each returns a check of one value ---------------------------------
    def k_ref(self, arg: Any, schema: dict[str, Any]) -> Check:
        return self.ref(arg)

    def k_type(self, arg: Any, schema: dict[str, Any]) -> Check:
        names = [arg] if isinstance(arg, str) else list(arg)
        for name in names:
            _is_type(None, name)  # raises Unsupported for an unknown type name
        # One test per name, joined without a generator: `integer` (two a citation) and the
        # lists of names went through any() over `_is_type`, a third of the whole check.
        return _any([_type_check(name) for name in names])

    def k_enum(self, arg: Any, schema: dict[str, Any]) -> Check:
        # jsonschema compares with its own equality (1 is not True, 1.0 is 1): exact here
        # only for text and null, so other enums are left to it.
        if not isinstance(arg, list) or not all(v is None or isinstance(v, str) for v in arg):
            raise Unsupported("enum of values other than text and null")
        texts = frozenset(v for v in arg if isinstance(v, str))
        null = None in arg
        return lambda value: (value is None and null) or (isinstance(value, str) and value in texts)

    def k_const(self, arg: Any, schema: dict[str, Any]) -> Check:
        return self.k_enum([arg], schema)

    def k_pattern(self, arg: Any, schema: dict[str, Any]) -> Check:
        search = re.compile(arg).search  # jsonschema uses re.search, unanchored
        return lambda value: not isinstance(value, str) or search(value) is not None

    def k_minLength(self, arg: Any, schema: dict[str, Any]) -> Check:
        return lambda value: not isinstance(value, str) or len(value) >= arg

    def k_maxLength(self, arg: Any, schema: dict[str, Any]) -> Check:
        return lambda value: not isinstance(value, str) or len(value) <= arg

    def k_minimum(self, arg: Any, schema: dict[str, Any]) -> Check:
        return lambda value: not _number(value) or value >= arg

    def k_maximum(self, arg: Any, schema: dict[str, Any]) -> Check:
        return lambda value: not _number(value) or value <= arg

    def k_exclusiveMinimum(self, arg: Any, schema: dict[str, Any]) -> Check:
        return lambda value: not _number(value) or value > arg

    def k_exclusiveMaximum(self, arg: Any, schema: dict[str, Any]) -> Check:
        return lambda value: not _number(value) or value < arg

    def k_minItems(self, arg: Any, schema: dict[str, Any]) -> Check:
        return lambda value: not isinstance(value, list) or len(value) >= arg

    def k_maxItems(self, arg: Any, schema: dict[str, Any]) -> Check:
        return lambda value: not isinstance(value, list) or len(value) <= arg

    def k_uniqueItems(self, arg: Any, schema: dict[str, Any]) -> Check:
        if not arg:
            return lambda value: True

        def unique(value: Any) -> bool:
            if not isinstance(value, list):
                return True
            if not all(isinstance(v, str) for v in value):
                raise _Unsure  # jsonschema's equality of numbers, bools, lists: its call
            return len(set(value)) == len(value)

        return unique

    def k_items(self, arg: Any, schema: dict[str, Any]) -> Check:
        if "prefixItems" in schema:
            raise Unsupported("prefixItems")
        each = self.schema(arg)

        def check(value: Any) -> bool:
            if not isinstance(value, list):
                return True
            for item in value:  # noqa: SIM110 - a loop: all() of a generator is slower
                if not each(item):
                    return False
            return True

        return check

    def k_required(self, arg: Any, schema: dict[str, Any]) -> Check:
        keys = list(arg)
        if not all(isinstance(k, str) for k in keys):
            return lambda value: not isinstance(value, dict) or all(k in value for k in keys)
        wanted = frozenset(keys)

        def check(value: Any) -> bool:
            # A plain dict (nearly every item): one subset test of its keys, no generator.
            if type(value) is dict:
                return value.keys() >= wanted
            return not isinstance(value, dict) or all(k in value for k in keys)

        return check

    def k_additionalProperties(self, arg: Any, schema: dict[str, Any]) -> Check:
        if "patternProperties" in schema:
            raise Unsupported("patternProperties")
        props = {key: self.schema(sub) for key, sub in schema.get("properties", {}).items()}
        rest = self.schema(arg)

        def check(value: Any) -> bool:
            if not isinstance(value, dict):
                return True
            for key, item in value.items():  # noqa: SIM110 - see _all
                if not props.get(key, rest)(item):
                    return False
            return True

        return check

    def k_allOf(self, arg: Any, schema: dict[str, Any]) -> Check:
        return _all([self.schema(s) for s in arg])

    def k_anyOf(self, arg: Any, schema: dict[str, Any]) -> Check:
        subs = [self.schema(s) for s in arg]
        return lambda value: any(sub(value) for sub in subs)

    def k_oneOf(self, arg: Any, schema: dict[str, Any]) -> Check:
        subs = [self.schema(s) for s in arg]

        def check(value: Any) -> bool:
            # Every sub is asked, as sum() of a generator did (a quote's speaker: an id or
            # null), counted in a plain loop.
            passed = 0
            for sub in subs:
                if sub(value):
                    passed += 1
            return passed == 1

        return check


_REMEMBERED = 1 << 18  # texts a check of a patterned string remembers as valid


def _finite(value: Any) -> bool:
    """No .inf or .nan anywhere (YAML has them, JSON does not; schemacheck reports them).

    Texts, ints, bools and nulls, nearly every value of the data, are passed over by their
    exact type before any isinstance test and never stacked: this walk visits every value
    of every item written, and three isinstance calls each were most of its time."""
    if not isinstance(value, dict | list):
        return not (isinstance(value, float) and not math.isfinite(value))
    stack = [value]
    while stack:
        item = stack.pop()
        for inner in item.values() if isinstance(item, dict) else item:
            kind = type(inner)
            if kind is str or kind is int or kind is bool or inner is None:
                continue
            if isinstance(inner, dict | list):
                stack.append(inner)
            elif isinstance(inner, float) and not math.isfinite(inner):
                return False
    return True


def compile_schema(schema: dict[str, Any]) -> Check:
    """A check answering True only for values jsonschema finds valid; raises Unsupported."""
    check = _Compiler(schema).schema(schema)

    def certainly_valid(value: Any) -> bool:
        try:
            return _finite(value) and check(value)
        except _Unsure:
            return False

    return certainly_valid
