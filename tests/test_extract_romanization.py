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


def test_a_hungarian_name_family_name_first_is_turned_round() -> None:
    rules = romanization_for(knowledge())
    assert english_name("Kertész Dániel", rules) == "Dániel Kertész"
    assert english_name("Varga-Németh Anna", rules) == "Anna Varga-Németh"
    # Already given name first, or no listed given name: as written.
    assert english_name("Viktor Kertész", rules) is None
    assert english_name("Anna Viktor", rules) is None
    assert english_name("Jane Marlow", rules) is None


def test_a_translated_hungarian_speaker_is_named_given_name_first() -> None:
    found = extract_text(
        "Halmai Gergely, the fraction leader of the party, said that the government "
        '"pulls out the chestnut from the fire".\n',
        DAY,
    )
    assert [q["speaker"] for q in found["quotes"]] == ["gergely-halmai", "gergely-halmai"]


def test_a_french_romanization_reads_in_english() -> None:
    rules = romanization_for(knowledge())
    assert english_name("Alexeï Tchoubarov", rules) == "Aleksei Chubarov"
    assert english_name("Sergueï Lavrov", rules) == "Sergei Lavrov"
    # An English spelling stays ("Dmitri" is one).
    assert english_name("Dmitri Kozak", rules) is None
