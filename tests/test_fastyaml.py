"""`dump_document` writes the very bytes libyaml (`dump_fast`) writes."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from generator.fastyaml import dump_document, dump_fast, load_fast

# Letters, spaces (single, double, leading, trailing), YAML indicators, quotes, digits,
# resolver look-alikes' characters, non-ASCII letters and marks, and a few characters the
# text writer leaves to libyaml (line break, tab, no-break space, line separator).
_CHARS = "ab Z  :#-?.,'\"!&*[]{}|>%@`019eEx_é’“—…\n\t\u00a0\u2028"
_WORDS = ["no", "yes", "on", "null", "~", "true", "1.5", "0x1f", "1e5", "2024-11-05", "12:30", "-"]

_texts = st.one_of(
    st.text(alphabet=_CHARS, max_size=12),
    st.sampled_from(_WORDS),
    # Long texts of short words: the line wrapping, plain and single-quoted.
    st.lists(
        st.one_of(st.text(alphabet="abé’'\":#-", min_size=1, max_size=9), st.sampled_from(_WORDS)),
        max_size=60,
    ).map(" ".join),
    st.text(alphabet="ab ", min_size=90, max_size=260),
)
_scalars = st.one_of(_texts, st.integers(-5, 10**6), st.booleans(), st.none(), st.floats(0, 9))
_keys = st.one_of(
    st.sampled_from(["id", "text", "on", "no", "n", "y", "null", "a_b", "x1"]), _texts
)


def _maps(values: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.dictionaries(_keys, values, max_size=5).flatmap(
        lambda d: st.sampled_from([d, CommentedMap(d)])
    )


_values = st.recursive(
    _scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), _maps(inner)),
    max_leaves=12,
)
_items = _maps(_values)


@st.composite
def _documents(draw: st.DrawFn) -> Any:
    doc = {
        name: draw(
            st.lists(_items, max_size=6).map(lambda v: draw(st.sampled_from([v, CommentedSeq(v)])))
        )
        for name in draw(
            st.lists(st.sampled_from(["claims", "quotes", "on"]), max_size=3, unique=True)
        )
    }
    if draw(st.booleans()):  # a container twice: libyaml writes an anchor
        items = [i for v in doc.values() for i in v]
        if items:
            doc.setdefault("claims", []).append(items[0])
    return doc


@settings(max_examples=600, deadline=None)
@given(_documents())
def test_text_writer_writes_libyamls_bytes(doc: Any) -> None:
    assert dump_document(doc) == dump_fast(doc)


# Documents shaped like the extractor's: the text writer writes most of them itself.
_FIELDS = ["id", "text", "quote", "status", "start", "end", "aliases", "citations", "on", "n"]
_words = st.one_of(
    st.text(alphabet="abcZ’é—'\":#-.,!%019", min_size=1, max_size=9),
    st.sampled_from(_WORDS),
)
_sentences = st.one_of(
    st.lists(_words, min_size=1, max_size=8).map(" ".join),
    # Past the width: wrapped (single spaces only, or a double space now and then).
    st.lists(
        st.one_of(st.sampled_from(["word", "w", "Kyiv’s", "it's"]), _words),
        min_size=20,
        max_size=70,
    )
    .map(" ".join)
    .map(lambda t: t.replace("w w", "w  w")),
)
_plain_values = st.one_of(
    _sentences, st.integers(0, 99999), st.booleans(), st.none(), st.just(""), st.just(" a ")
)
_plain_values = st.recursive(
    _plain_values,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(_FIELDS), inner, max_size=4)
    ),
    max_leaves=10,
)
_extracted = st.dictionaries(
    st.sampled_from(["claims", "quotes"]),
    st.lists(
        st.dictionaries(st.sampled_from(_FIELDS), _plain_values, min_size=1, max_size=6).map(
            CommentedMap
        ),
        min_size=1,
        max_size=5,
    ),
    min_size=1,
)


@settings(max_examples=600, deadline=None)
@given(_extracted)
def test_text_writer_writes_libyamls_bytes_for_extracted_items(doc: Any) -> None:
    assert dump_document(doc) == dump_fast(doc)


def test_a_long_sentence_wraps_as_libyaml_wraps_it() -> None:
    text = " ".join(["word"] * 40)
    doc = {"claims": [{"id": "c", "text": text, "quote": '"' + text, "aliases": [text]}]}
    written = dump_document(doc)
    assert written == dump_fast(doc)
    assert load_fast(written) == doc
    assert max(len(line) for line in written.splitlines()) > 100  # wrapped past the width
