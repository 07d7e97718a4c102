"""The fast path of the data reader's scalar resolver gives PyYAML's answer for every scalar."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from yaml.nodes import ScalarNode

from generator import yamlread

SAMPLES = [
    "",
    "text",
    "true",
    "True",
    "no",
    "on",
    "~",
    "null",
    "12",
    "-3",
    "1.5",
    ".inf",
    "2024-11-18",
    "=",
    "<<",
    "ATACMS",
    "Ökonom",
]


def _full(value: str, implicit: tuple[bool, bool]) -> str:
    return str(yamlread._BaseLoader.resolve(yamlread._Loader(""), ScalarNode, value, implicit))


def _fast(value: str, implicit: tuple[bool, bool]) -> str:
    return str(yamlread._Loader("").resolve(ScalarNode, value, implicit))


@given(st.one_of(st.sampled_from(SAMPLES), st.text(max_size=12)), st.booleans(), st.booleans())
def test_fast_resolver_agrees_with_pyyaml(value: str, plain: bool, quoted: bool) -> None:
    assert _fast(value, (plain, quoted)) == _full(value, (plain, quoted))


def test_the_shortcut_is_taken_and_types_still_resolve() -> None:
    assert _fast("text", (True, False)) == "tag:yaml.org,2002:str"
    assert _fast("true", (True, False)) == "tag:yaml.org,2002:bool"
    assert _fast("12", (True, False)) == "tag:yaml.org,2002:int"
    assert _fast("no", (True, False)) == "tag:yaml.org,2002:str"  # YAML 1.2: a word
