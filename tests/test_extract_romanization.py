"""Names a translation writes its own way get the English form: East Slavic names in another
romanization ("Sergej Beljajev", "Jelena Woronowa"), Hungarian names family name first
("Kertész Dániel"); Polish names keep their spelling. Each article here is made up for the
test."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.extract.romanization import english_name, romanization_for
from tests.extract_support import extract_text, knowledge

DAY = dt.date(2033, 2, 3)


@pytest.mark.parametrize(
    ("written", "english"),
    [
        # Swedish, Polish and French romanizations of East Slavic names.
        ("Sergej Beljajev", "Sergei Belyaev"),
        ("Jelena Woronowa", "Yelena Voronova"),
        ("Andrij Kowalczuk", "Andriy Kovalchuk"),
        ("Alexeï Tchoubarov", "Aleksei Chubarov"),
        ("Sergueï Lavrov", "Sergei Lavrov"),
        # German ones: "tsch", "sch", and "-oi" at a word's end.
        ("Wjatscheslaw Schewtschenko", "Vyacheslav Shevchenko"),
        ("Arkadij Polewoi", "Arkady Polevoy"),
        # ... "ch" after a vowel is "kh", "tsch" still "ch"; "Wassyl" with a double s.
        ("Dmitrij Schelechow", "Dmitry Shelekhov"),
        ("Wassyl Tkatschenko", "Vasyl Tkachenko"),
        # Czech, Slovak and Hungarian "-ec".
        ("Andrij Kravec", "Andriy Kravets"),
        # Hungarian names family name first, turned round.
        ("Kertész Dániel", "Dániel Kertész"),
        ("Varga-Németh Anna", "Anna Varga-Németh"),
        # As written: Polish names, English spellings ("Dmitri" is one), a given name
        # already first, two given names, no listed given name.
        ("Stanisław Kędzierski", None),
        ("Andrzej Kowalczuk", None),
        ("Sergei Belyaev", None),
        ("Dmitri Kozak", None),
        ("Viktor Kertész", None),
        ("Anna Viktor", None),
        ("Jane Marlow", None),
    ],
)
def test_a_name_a_translation_writes_its_own_way_reads_in_english(
    written: str, english: str | None
) -> None:
    assert english_name(written, romanization_for(knowledge())) == english


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


def test_a_translated_hungarian_speaker_is_named_given_name_first() -> None:
    found = extract_text(
        "Halmai Gergely, the fraction leader of the party, said that the government "
        '"pulls out the chestnut from the fire".\n',
        DAY,
    )
    assert [q["speaker"] for q in found["quotes"]] == ["gergely-halmai", "gergely-halmai"]
