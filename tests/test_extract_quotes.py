"""Quotes and their speakers, on fixture articles and on the seeds."""

from __future__ import annotations

from tests._extract_support import extracted


def _by_text(source_id: str) -> dict[str, dict[str, object]]:
    return {q["text"]: q for q in extracted(source_id)["quotes"]}  # type: ignore[misc]


def test_attribution_after_and_continuation() -> None:
    quotes = _by_text("gripen-2025-03-04")
    assert quotes["We will not hold back,"]["speaker"] == "pal-jonson"
    assert quotes["The jets can fly from short roads."]["speaker"] == "pal-jonson"
    assert quotes["The jets can fly from short roads."]["flags"] == ["uncertain"]
    assert quotes["Their range is strictly limited,"]["speaker"] == "marta-kowalczyk"


def test_reported_speech_and_statement() -> None:
    quotes = _by_text("gripen-2025-03-04")
    reported = quotes["his government was ready to send Gripen fighter jets to Ukraine."]
    assert (reported["kind"], reported["speaker"]) == ("reported", "pal-jonson")
    assert (
        quotes["gives us a better chance to defend our skies."]["speaker"] == "volodymyr-zelenskyy"
    )


def test_pronoun_resolves_to_last_named_person() -> None:
    quotes = _by_text("taurus-2025-05-06")
    assert quotes["This is a mistake,"]["speaker"] == "anna-berger"
    assert quotes["Ukraine needs these weapons now."]["speaker"] == "anna-berger"


def test_seed_speakers() -> None:
    abc = _by_text("abc-2024-11-18")
    assert abc["fuel to the fire."]["speaker"] == "dmitry-peskov"
    assert (
        abc[
            "It could help to eliminate 1-2,000 Russian servicemen and about 150 units of heavy equipment,"
        ]["speaker"]
        == "ivan-stupak"
    )
    assert (
        abc["The ATACMS' 300-kilometer maximum range doesn't reach that far,"]["speaker"]
        == "dan-rice"
    )
    assert abc["rockets will speak for themselves,"]["speaker"] == "volodymyr-zelenskyy"
    assert abc["He doubles down when he sees weakness,"]["speaker"] == "oleksandr-merezhko"
    peskov = next(t for t in abc if t.startswith("a qualitatively new round"))
    assert abc[peskov]["speaker"] == "dmitry-peskov"
    cnn = _by_text("cnn-2024-11-17")
    assert cnn["I’ll tell you,"]["speaker"] == "volodymyr-zelenskyy"
    chan = next(t for t in cnn if t.startswith("As President Trump said"))
    assert cnn[chan]["speaker"] == "stephen-chan"


def test_unnamed_officials_speak_for_the_government_named_before_others_for_nobody() -> None:
    cnn = _by_text("cnn-2024-11-17")
    # "U.S. officials" earlier in the article: "the official" is one of them.
    official = next(q for t, q in cnn.items() if "the official" in str(q["citation"]["quote"]))  # type: ignore[index]
    assert official["speaker"] == "u-s-government"
    assert cnn["vital resource"]["speaker"] is None


def test_quote_citation_is_the_quoted_words() -> None:
    for source_id in ("abc-2024-11-18", "cnn-2024-11-17", "gripen-2025-03-04", "taurus-2025-05-06"):
        for q in extracted(source_id)["quotes"]:
            if q["kind"] == "direct":
                assert q["citation"]["quote"] == q["text"]


def test_quotes_after_a_coordinated_verb_keep_the_subject_of_the_first_verb() -> None:
    quotes = _by_text("coordinated-2025-04-02")
    assert quotes["close the gaps in the north"]["speaker"] == "antti-hakkanen"
    assert quotes["testing our borders every week"]["speaker"] == "antti-hakkanen"


def test_a_number_word_opening_a_sentence_is_not_a_name() -> None:
    names = {e["name"] for e in extracted("coordinated-2025-04-02")["entities"]}
    assert "Forty" not in names
    assert "Antti Hakkanen" in names
