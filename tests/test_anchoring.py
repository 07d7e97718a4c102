from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.anchoring import AnchorError, locate
from generator.textnorm import fold, normalise

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
