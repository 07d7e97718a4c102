"""Debris across an article (`debris.py`): quotes and positions read out of garbled
sentences carry the flag, and a machine-translated article's short empty sentences are
debris, while the same sentence in a fluent article is not."""

from __future__ import annotations

import datetime as dt
from typing import Any

from generator.extract.debris import debris_sentences
from generator.extract.sentences import split_sentences
from tests.extract_support import extract_text, knowledge, text_source

DAY = dt.date(2025, 1, 10)


def _flags(items: list[dict[str, Any]], text: str) -> list[str] | None:
    """The flags of the one item whose text is `text` (None when it has none)."""
    [item] = [i for i in items if i["text"] == text]
    return item.get("flags")


def test_a_quote_from_a_garbled_sentence_is_flagged() -> None:
    found = extract_text(
        "Headline\n"
        "Olaf Scholz spoke in Berlin on Friday.\n"
        "The launchers that arrived did not arrive where they were not expected, Scholz said. "
        "Germany will send more air defence systems, Scholz said.\n",
        DAY,
    )
    quotes = found["quotes"]
    assert _flags(
        quotes, "The launchers that arrived did not arrive where they were not expected"
    ) == ["garbled"]
    assert _flags(quotes, "Germany will send more air defence systems") is None


def test_a_position_resting_only_on_debris_is_flagged() -> None:
    found = extract_text(
        "Headline\n"
        "and the Kremlin warned of a dangerous escalation if Ukraine strikes Russia with "
        "Western missiles.\n"
        "Olaf Scholz said Ukraine should be allowed to strike targets inside Russia.\n",
        DAY,
    )
    stances = {(p["actor"], p["stance"]): p.get("flags") for p in found["positions"]}
    assert stances[("russian-government", "warns-against")] == ["garbled"]
    assert stances[("olaf-scholz", "supports")] is None


# Three sentences of translationese (lexicon `garble.calques`: readable, not flagged
# themselves) make the article read as a machine translation.
_TRANSLATED = (
    "Headline\n"
    "The missiles was launched from the Sumy region. "
    "Officials said that the launchers has been moved. "
    "In the same time the ministry took decision to answer on the strikes.\n"
    "Volodymyr Zelensky spoke in Kyiv on Friday. He said he came. "
    "This was done in response to the announcement.\n"
)
_FLUENT = (
    "Headline\n"
    "Volodymyr Zelensky spoke in Kyiv on Friday. He said he came. "
    "This was done in response to the announcement.\n"
)


def _debris(text: str) -> list[str]:
    source = text_source(text, DAY)
    sentences = split_sentences(source, knowledge().split)
    return [source.text[s.start : s.end] for s in debris_sentences(source, sentences, knowledge())]


def test_short_empty_sentences_of_a_translation_are_debris() -> None:
    debris = _debris(_TRANSLATED)
    assert "He said he came." in debris
    assert "This was done in response to the announcement." in debris
    assert "Volodymyr Zelensky spoke in Kyiv on Friday." not in debris  # it names someone
    # The quote the vague sentence gives is flagged, not stated as Zelensky's words.
    assert _flags(extract_text(_TRANSLATED, DAY)["quotes"], "He said he came.") == ["garbled"]


def test_the_same_sentences_in_a_fluent_article_are_english() -> None:
    assert _debris(_FLUENT) == []
    assert _flags(extract_text(_FLUENT, DAY)["quotes"], "He said he came.") is None
