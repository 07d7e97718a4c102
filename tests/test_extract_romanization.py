"""East Slavic names a translation romanizes its own way ("Sergej Beljajev", "Jelena
Woronowa") get the English spelling; Polish names keep theirs. Each article here is made
up for the test."""

from __future__ import annotations

import datetime as dt

from generator.extract.romanization import english_name, romanization_for
from tests.extract_support import extract_text, knowledge

DAY = dt.date(2033, 2, 3)


def test_a_swedish_and_a_polish_romanization_read_in_english() -> None:
    rules = romanization_for(knowledge())
    assert english_name("Sergej Beljajev", rules) == "Sergei Belyaev"
    assert english_name("Jelena Woronowa", rules) == "Yelena Voronova"
    assert english_name("Andrij Kowalczuk", rules) == "Andriy Kovalchuk"


def test_a_polish_name_and_an_english_spelling_stay_as_written() -> None:
    rules = romanization_for(knowledge())
    assert english_name("Stanisław Kędzierski", rules) is None
    assert english_name("Andrzej Kowalczuk", rules) is None
    assert english_name("Sergei Belyaev", rules) is None


def test_the_translated_persons_quotes_are_the_english_named_persons() -> None:
    found = extract_text(
        "Russian Foreign Ministry spokeswoman Jelena Woronowa said Warsaw was playing with "
        "matches. Woronowa added that Russia would respond. Polish Defence Minister "
        "Stanisław Kędzierski said Poland would not change course.\n",
        DAY,
    )
    ids = {e["id"]: e["name"] for e in found["entities"] if e["category"] == "person"}
    assert ids == {
        "yelena-voronova": "Yelena Voronova",
        "stanislaw-kedzierski": "Stanisław Kędzierski",
    }
    speakers = [q["speaker"] for q in found["quotes"] if q["kind"] == "reported"]
    assert speakers[:2] == ["yelena-voronova", "yelena-voronova"]
