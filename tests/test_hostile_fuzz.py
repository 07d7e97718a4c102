"""Property tests: the YAML readers, passage anchoring and rendering, on arbitrary input."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from generator import model as m
from generator.anchoring import AnchorError, locate
from generator.render import pages as pages_module
from generator.render.environment import clean, make_environment
from generator.render.pages import render_pages
from generator.sources import Paragraph, Source
from generator.textnorm import fold, normalise
from generator.yamlfile import YAML_LINE_BREAK, read_yaml
from generator.yamlread import load_plain
from tests.hostile_support import hostile_values

FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

# ---------------------------------------------------------------------------------- YAML

# fmt: off
YAML_BITS = st.sampled_from(
    ["a", ": ", "- ", "\n", "  ", "[", "]", "{", "}", ",", "&x ", "*x", "!!str ", "!t ", "'", '"', "#",
     "---\n", "...", "? ", "|", ">", "\t", "2024-02-30", "1e400", ".nan", "0x1F", "<<: ", "%YAML 1.2\n",
     "\\u0000", "\ufeff", "\x00", "\x85", "\u2028", "é", "😀"]
)
# fmt: on
YAML_TEXT = st.one_of(st.lists(YAML_BITS, max_size=40).map("".join), st.text(max_size=200))


def assert_positions_inside(raw: bytes, problems: list[Any]) -> None:
    lines = YAML_LINE_BREAK.split(raw.decode("utf-8", "replace").removeprefix("\ufeff"))
    for p in problems:
        assert p.message and "Traceback" not in p.message
        assert len(str(p)) < 400, "a message shows the problem, not the whole file"
        if p.line:  # 0 means "the whole file"
            assert 1 <= p.line <= len(lines), p
            assert 1 <= p.col <= len(lines[p.line - 1]) + 2, p


@FUZZ
@given(
    data=st.one_of(
        YAML_TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")), st.binary(max_size=200)
    )
)
def test_yaml_readers_never_raise_and_point_inside_the_file(
    tmp_path_factory: Any, data: bytes
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "f.yaml"
    path.write_bytes(data)
    for read in (read_yaml, load_plain):
        doc, problems = read(path, "f.yaml")
        assert (doc is None) == bool(problems)
        assert_positions_inside(data, problems)


# ----------------------------------------------------------------------------- anchoring

# Words that repeat, in every quote, dash and space style the folding treats alike.
STYLED = st.sampled_from(
    ["the", "missile", "will", "speak", "it's", "it’s", "“no”", '"no"', "–", "-", "—"]
)
SPACES = st.sampled_from([" ", "  ", "\n", "\u00a0", "\t", " \u200b"])


@st.composite
def article_and_quote(draw: st.DrawFn) -> tuple[str, str, dict[str, Any]]:
    words = draw(st.lists(STYLED, min_size=1, max_size=30))
    text = "".join(w + draw(SPACES) for w in words)
    i = draw(st.integers(0, len(words) - 1))
    j = draw(st.integers(i + 1, len(words)))
    quote = draw(SPACES).join(words[i:j])  # the same words, restyled
    quote = quote.replace("’", "'") if draw(st.booleans()) else quote
    extra: dict[str, Any] = {}
    if draw(st.booleans()):
        extra["prefix"] = " ".join(words[max(0, i - 2) : i])
    if draw(st.booleans()):
        start = draw(st.integers(0, len(text)))
        extra |= {"start": start, "end": draw(st.integers(start, len(text) + 2))}
    return text, quote, extra


@FUZZ
@given(case=article_and_quote())
def test_locate_finds_the_passage_or_says_why(case: tuple[str, str, dict[str, Any]]) -> None:
    text, quote, extra = case
    norm = normalise(text)
    try:
        span = locate(text, norm, quote, **extra)
    except AnchorError as err:
        assert str(err)
        return
    assert fold(text[span.start : span.end]) == fold(quote)
    if "start" not in extra:
        # Never a guess: without offsets the passage occurs exactly once after the prefix.
        needle = fold(quote)
        hits = [i for i in range(len(norm.text)) if norm.text.startswith(needle, i)]
        if "prefix" not in extra or not extra["prefix"]:
            assert len(hits) == 1
        assert norm.span(hits[0], hits[0] + len(needle)) in [
            (span.start, span.end),
            *[norm.span(h, h + len(needle)) for h in hits],
        ]


@FUZZ
@given(text=st.text(max_size=80), quote=st.text(min_size=1, max_size=20))
def test_locate_on_arbitrary_text(text: str, quote: str) -> None:
    try:
        span = locate(text, normalise(text), quote)
    except AnchorError:
        return
    assert fold(text[span.start : span.end]) == fold(quote)


# ----------------------------------------------------------------------------- rendering

META_TEXT = st.text(
    alphabet="<>&\"'`*_[](){}#!|\\-+.:=/; \n\x02\x03abcjsvrpton1^~", min_size=1, max_size=40
)
ANY_TEXT = st.one_of(
    META_TEXT,
    st.text(st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=30),
    st.sampled_from(hostile_values()),
)
FIELDS = ("title", "question", "stance", "stance_desc", "weapon", "alias", "category", "description",
          "entity_note", "actor", "publisher", "headline", "rel_note", "para1", "para2", "claim", "claim_note",
          "property", "unit", "figure_text", "event", "quote", "summary", "dispute", "dispute_note")  # fmt: skip


def build_dataset(v: dict[str, str]) -> m.Dataset:
    text = f"{v['headline']}\n\n{v['para1']}\n\n{v['para2']}"
    p1 = len(v["headline"]) + 2
    p2 = p1 + len(v["para1"]) + 2
    source = Source(
        id="src", path=Path("src.txt"), publisher=v["publisher"], published=dt.date(2024, 11, 19),
        title=v["headline"], text=text, url="https://example.org/a?b=1&c=2", reliability="weak",
        reliability_note=v["rel_note"], header=[(0, len(v["headline"]))],
        paragraphs=[Paragraph(1, p1, p2 - 2), Paragraph(2, p2, len(text))],
    )  # fmt: skip
    c1 = m.Citation("src", v["para1"], p1, p2 - 2, "q-one")
    c2 = m.Citation("src", v["para2"], p2, len(text), "q-two")
    return m.Dataset(
        explainer=m.Explainer(v["title"], v["question"], [m.Stance("supports", v["stance"], v["stance_desc"])]),
        sources={"src": source},
        entities={
            "weapon": m.Entity("weapon", "weapon", v["weapon"], v["category"], [v["alias"]], v["description"], note=v["entity_note"]),
            "actor": m.Entity("actor", "actor", v["actor"]),
        },
        claims=[m.Claim("claim-1", [c1], note=v["claim_note"], subject="weapon", text=v["claim"], mentions=["actor"]),
                m.Claim("claim-2", [c2], flags=["garbled"], subject="actor", text=v["claim"])],
        figures=[m.Figure("fig-1", [c1], subject="weapon", value=3.0, unit=v["unit"], property=v["property"], text=v["figure_text"]),
                 m.Figure("fig-2", [c2], subject="weapon", value=(1.0, 2.0), unit=v["unit"], property=v["property"], text=v["figure_text"])],
        events=[m.Event("ev-1", [c1], date="2024-11", text=v["event"], actors=["actor"], inferred=["year"])],
        quotes=[m.Quote("quote-1", [c2], text=v["quote"], speaker="actor"),
                m.Quote("quote-2", [c1], text=v["quote"], speaker=None, kind="reported")],
        positions=[m.Position("pos-1", [c2], actor="actor", stance="supports", summary=v["summary"], as_of="2024")],
        disputes=[m.Dispute("dispute-1", "weapon", v["dispute"], ["fig-1", "fig-2"], note=v["dispute_note"])],
    )  # fmt: skip


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter[tuple[str, tuple[str, ...]]] = Counter()
        self.attrs: list[tuple[str, str, str]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[(tag, tuple(sorted(a for a, _ in attrs)))] += 1
        self.attrs += [(tag, a, v or "") for a, v in attrs]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def to_html(page: str) -> tuple[str, dict[str, Any]]:
    """What MkDocs does with a page: metadata off the top, then Python-Markdown."""
    body, meta = get_data(page)
    return markdown.Markdown(extensions=["toc"]).convert(body), meta


def parse(pages: dict[str, str]) -> tuple[_Tags, dict[str, dict[str, Any]]]:
    parser = _Tags()
    metas = {}
    for path, page in sorted(pages.items()):
        out, metas[path] = to_html(page)
        parser.feed(out)
        parser.close()
    return parser, metas


@pytest.fixture(scope="module", autouse=True)
def _one_environment() -> Iterator[None]:
    """Compile the templates once for the module, not once per example (speed only)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pages_module, "make_environment", lru_cache(maxsize=None)(make_environment))
        yield


@lru_cache(maxsize=1)
def plain_render() -> _Tags:
    """The same dataset with every text value the plain word 'x'."""
    return parse(render_pages(build_dataset({f: "x" for f in FIELDS})))[0]


@settings(FUZZ, max_examples=40)
@given(values=st.fixed_dictionaries({f: ANY_TEXT for f in FIELDS}))
def test_arbitrary_text_renders_as_text(values: dict[str, str]) -> None:
    assume(all(clean(v) for v in values.values()))
    expected = plain_render()
    found, metas = parse(render_pages(build_dataset(values)))
    # Exactly the elements and attributes the templates make for plain words: nothing more.
    assert found.tags == expected.tags
    for tag, name, value in found.attrs:
        assert not name.startswith("on"), (tag, name, value)
        if name in ("href", "src"):
            assert (
                not re.sub(r"[\s\x00-\x1f]", "", value)
                .lower()
                .startswith(("javascript:", "data:", "vbscript:"))
            ), value
    assert "<script" not in "".join(found.text).lower() or any(
        "<script" in v.lower() for v in values.values()
    )
    # Every value is shown as written (whitespace folded, control characters dropped).
    shown = " ".join(" ".join(found.text).split())
    for field, value in values.items():
        if field not in ("unit",):  # a unit is shown only through the figure's formatted value
            assert clean(value) in shown, (field, value)
    for path, meta in metas.items():
        if "title" in meta:
            assert html.unescape(meta["title"]) in (
                clean(values["weapon"]),
                clean(values["actor"]),
                f"{clean(values['publisher'])}: {clean(values['headline'])}",
            ), path


def test_the_hostile_values_are_strings_with_markup() -> None:
    values = hostile_values()
    assert len(values) > 20 and all(re.search(r"[<>\[\]{}&*`]", v) for v in values)


@pytest.mark.parametrize("value", ["\x02wzxhzdk:0\x03", "\x02klzzwxh:1\x03 text"])
def test_markdown_placeholders_in_an_article_are_not_expanded(value: str) -> None:
    """Python-Markdown stashes raw HTML as STX..ETX placeholders; text must not forge them."""
    values = {f: "x" for f in FIELDS} | {"para1": value, "claim": value}
    found, _ = parse(render_pages(build_dataset(values)))
    assert found.tags == plain_render().tags
