from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator import textnorm
from generator.anchoring import AnchorError, locate
from generator.textnorm import fold, fold_char, normalise

TEXT = "He said \u201cthe missile will speak\u00a0for itself.\u201d Then he said it again: the missile will speak."


def anchor(quote: str, **kw: object) -> str:
    span = locate(TEXT, normalise(TEXT), quote, **kw)  # type: ignore[arg-type]
    return TEXT[span.start : span.end]


def test_quote_and_space_styles_are_ignored() -> None:
    assert (
        anchor('"the missile will speak for itself."')
        == "\u201cthe missile will speak\u00a0for itself.\u201d"
    )


def test_ambiguous_passage_is_an_error_until_a_suffix_picks_one() -> None:
    with pytest.raises(AnchorError, match="occurs 2 times"):
        anchor("the missile will speak")
    assert anchor("the missile will speak", suffix=".") == "the missile will speak"
    span = locate(TEXT, normalise(TEXT), "the missile will speak", prefix="again:")
    assert span.start == TEXT.rindex("the missile will speak")


def test_missing_passage_is_an_error() -> None:
    with pytest.raises(AnchorError, match="is not in the article"):
        anchor("the rocket will speak")


def test_offsets_pick_an_occurrence_and_are_checked_not_trusted() -> None:
    start = TEXT.rindex("the missile")
    end = start + len("the missile will speak")
    assert anchor("the missile will speak", start=start, end=end) == "the missile will speak"
    with pytest.raises(AnchorError, match="now found at"):
        anchor("Then he said", start=0, end=12)


@given(
    words=st.lists(
        st.sampled_from(["alpha", "beta", "gamma", "delta", "“q”", "—", "x\u00a0y"]),
        min_size=3,
        max_size=40,
    ),
    data=st.data(),
)
def test_any_anchored_passage_is_exactly_one_place_of_the_text(
    words: list[str], data: st.DataObject
) -> None:
    text = " ".join(words)
    i = data.draw(st.integers(0, len(words) - 1))
    j = data.draw(st.integers(i + 1, len(words)))
    quote = " ".join(words[i:j])
    norm = normalise(text)
    try:
        span = locate(text, norm, quote)
    except AnchorError as err:
        assert "occurs" in str(err) or "too short" in str(err)
        return
    assert fold(text[span.start : span.end]) == fold(quote)
    assert norm.text.count(fold(quote)) == 1


def _reference_normalise(text: str) -> tuple[str, tuple[int, ...]]:
    """The definition of normalising, one character at a time (textnorm does it faster)."""
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        folded = fold_char(ch)
        if not folded or (folded == " " and (not out or out[-1] == " ")):
            continue
        out.append(folded)
        origin.append(i)
    if out and out[-1] == " ":
        out.pop()
        origin.pop()
    return "".join(out), tuple(origin)


TRICKY = st.sampled_from(
    list(
        " \t\n\r\x0b\x0c\x1c\x85\xa0\u2009\u2028\u3000\u00ad\u200b\ufeff\u2060'\"\u2019\u201c-\u2014ab"
    )
)


@given(text=st.text(TRICKY, max_size=40) | st.text(max_size=40))
def test_fast_normalise_and_fold_match_the_definition(text: str) -> None:
    norm = normalise(text)
    assert (norm.text, norm.origin) == _reference_normalise(text)
    assert fold(text) == norm.text


def test_whitespace_table_is_what_isspace_accepts() -> None:
    spaces = {chr(c) for c in range(0x110000) if chr(c).isspace()}
    assert spaces == set(textnorm._WHITESPACE)
