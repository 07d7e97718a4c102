"""Counts of people killed or wounded: casualties, and the country where they fell owns
them, never the attacker. Each article here is made up for the test."""

from __future__ import annotations

import datetime as dt

from tests.extract_support import figure_rows

DAY = dt.date(2025, 9, 3)


def _figures(text: str) -> set[tuple[str, object, str, str]]:
    return figure_rows(text, DAY)


def test_people_killed_in_a_listed_place_are_that_countrys_casualties() -> None:
    figures = _figures(
        "A Russian missile strike on Kharkiv on Monday killed 12 people, including three "
        "children, and wounded 40 others, the mayor said."
    )
    assert ("ukraine", 12, "casualties", "12 people") in figures
    assert ("ukraine", 3, "casualties", "three children") in figures
    assert ("ukraine", 40, "casualties", "40 others") in figures
    assert not any(s == "russia" for s, *_ in figures)


def test_a_casualty_word_after_the_count_and_a_country_after_in() -> None:
    figures = _figures("At least 200 civilians were killed in Ukraine in August, the report said.")
    assert ("ukraine", 200, "casualties", "At least 200 civilians") in figures


def test_a_part_of_the_wounded_belongs_to_the_wounded_counted_before() -> None:
    figures = _figures(
        "Ukrainian drones hit a depot near Belgorod, wounding five people.\n\n"
        "He said two of the wounded were in serious condition."
    )
    assert ("russia", 5, "casualties", "five people") in figures
    assert ("russia", 2, "casualties", "two of the wounded") in figures
    assert not any(s == "ukraine" for s, *_ in figures)


def test_people_with_no_casualty_word_stay_people() -> None:
    figures = _figures("Poland said 300 people attended the rally in Warsaw on Sunday.")
    assert {unit for _, v, unit, _ in figures if v == 300} == {"people"}


def test_others_counts_the_things_counted_before() -> None:
    figures = _figures(
        "Ukraine's air force said it shot down 40 of 65 drones, while 20 others were jammed."
    )
    assert {(v, unit) for _, v, unit, text in figures if text == "20 others"} == {(20, "drones")}


def test_the_source_that_counts_the_dead_does_not_own_them() -> None:
    figures = _figures(
        "North Korea sent about 11,000 soldiers to Russia.\n\n"
        "The NATO spokesman said that about 2,000 North Korean troops had been wounded."
    )
    # Troops wounded are casualties (ANNOTATING.md); the counting spokesman owns none.
    assert ("north-korea", 2000, "casualties", "about 2,000 North Korean troops") in figures
    figures = _figures("The United Nations said 25 civilians were killed in July.")
    assert not any(s == "united-nations" for s, *_ in figures)
    figures = _figures("The United Nations said 25 civilians were killed in Ukraine in July.")
    assert ("ukraine", 25, "casualties", "25 civilians") in figures


def test_soldiers_killed_are_casualties_and_soldiers_sent_are_troops() -> None:
    figures = _figures(
        "Russia moved 50,000 troops to the border. The strike could eliminate 2,000 Russian "
        "soldiers in Kursk, the commander said."
    )
    assert ("russia", 50000, "troops", "50,000 troops") in figures
    assert ("russia", 2000, "casualties", "2,000 Russian soldiers") in figures
