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


# Sentences that keep saying their own words (lexicon `garble.echo`); the third also tells
# that the article is a translation, as debris and calques do.
_ECHOES = (
    "The bridge was closed, but the trucks on the bridge have stayed the bridge.",
    "Who builds the drone, that one the drone builds also him.",
    "The answer expects the request which the request already answered.",
)


def test_sentences_that_keep_saying_their_words_make_a_translation_and_are_debris() -> None:
    text = "Headline\nThe ministry spoke in Kyiv on Friday. " + " ".join(_ECHOES) + "\n"
    assert _debris(text) == list(_ECHOES)


def test_one_echo_in_a_fluent_article_is_english() -> None:
    """ "The range of the new missile is twice the range of the old one" is English: an
    echo counts only in an article that three signs make a translation."""
    text = (
        "Headline\nThe ministry spoke in Kyiv on Friday. "
        "The range of the new missile is twice the range of the old missile.\n"
    )
    assert _debris(text) == []


def test_hedges_and_number_words_said_twice_are_no_echo() -> None:
    # In a translated article (three echoes make it one), a sentence that says "about"
    # and "missile" twice is still English.
    text = (
        "Headline\nThe ministry spoke in Kyiv on Friday. "
        + " ".join(_ECHOES)
        + " The Fenrir missile flies about 1,000 kilometres, and one missile costs about "
        "2.6 million euros.\n"
    )
    assert _debris(text) == list(_ECHOES)


def test_a_quotation_begun_a_sentence_earlier_is_no_echo() -> None:
    """In a translated article, the second sentence of a quotation repeats its speaker's
    words on purpose; its closing mark ('rules", he said') shows it is quoted."""
    quoted = "Now one changes the rules, because another country changes its rules\u201d, he said."
    text = (
        "Headline\nThe ministry spoke in Kyiv on Friday. "
        + " ".join(_ECHOES)
        + " \u201cWe kept every rule. "
        + quoted
        + "\n"
    )
    assert _debris(text) == list(_ECHOES)


def test_german_and_polish_low_quotation_marks_open_quotations() -> None:
    """„...“ (German) and „...” (Polish) are quotations, with their speaker."""
    for opening, closing in (("\u201e", "\u201c"), ("\u201e", "\u201d")):
        found = extract_text(
            f"Headline\n{opening}Switzerland does not decide where a German missile flies"
            f"{closing}, Minister Anna Keller said on Friday.\n",
            DAY,
        )
        assert [(q["kind"], q["text"], q["speaker"]) for q in found["quotes"]] == [
            ("direct", "Switzerland does not decide where a German missile flies", "anna-keller")
        ], opening + closing


def test_a_dek_without_a_stop_under_the_headline_is_no_debris() -> None:
    """An outlet, a rule, the headline and a dek written without blank lines: the dek has
    no closing stop, and is a heading, not a sentence cut short."""
    text = (
        "Courier\n—\nHeadline\n"
        "How a town lived through the strike, and why the ministry blames its neighbours\n\n"
        "The ministry spoke in Kyiv on Friday.\n"
    )
    source = text_source(text, DAY, title="Headline", publisher="Courier")
    sentences = split_sentences(source, knowledge().split)
    debris = debris_sentences(source, sentences, knowledge())
    assert [source.text[s.start : s.end] for s in sentences] == [
        "The ministry spoke in Kyiv on Friday."
    ]
    assert debris == []


def test_a_dek_above_the_byline_is_a_heading_however_it_ends() -> None:
    text = (
        "Courier\n—\nHeadline\n"
        "The minister says the town 'will hold'; the ministry warns its 'neighbours'\n"
        "By Jane Doe\n\n"
        "The ministry spoke in Kyiv on Friday.\n"
    )
    source = text_source(text, DAY, title="Headline", publisher="Courier")
    sentences = split_sentences(source, knowledge().split)
    assert [source.text[s.start : s.end] for s in sentences] == [
        "The ministry spoke in Kyiv on Friday."
    ]
