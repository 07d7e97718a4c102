"""Owners the nearest name gets wrong: counts no person holds, distances from a front line
or a border, sums that restate another, packages of things counted before, equipment lost
on the ground. Each article here is made up for the test."""

from __future__ import annotations

import datetime as dt

from scripts.score_extraction import _figure_key
from tests.extract_support import extract_text, figure_rows

DAY = dt.date(2026, 8, 1)


def _rows(text: str) -> set[tuple[str, object, str, str]]:
    return figure_rows(text, DAY)


def test_a_count_an_analyst_talks_about_is_neither_theirs_nor_their_institutes() -> None:
    rows = _rows(
        "Jane Marlow, a senior analyst at the Royal United Services Institute, said 12 tanks "
        "would not change the war."
    )
    assert not any(unit == "tanks" for _, _, unit, _ in rows)


def test_a_count_a_person_talks_about_is_not_the_persons() -> None:
    rows = _rows("Jane Marlow said on Tuesday that 12 tanks would not change the war.")
    assert not any(unit == "tanks" for _, _, unit, _ in rows)


def test_a_distance_from_the_front_line_is_the_bases_owners() -> None:
    rows = _rows(
        "Russia has moved its Tu-22M3 bombers to airfields more than 400 km from the front line."
    )
    assert ("russia", 400, "km", "more than 400 km") in rows


def test_a_distance_from_a_border_reaches_into_the_country_named_before() -> None:
    rows = _rows(
        "Russia launched 90 drones at Ukraine overnight, and Ukraine hit back at Russia.\n\n"
        "The strikes came as talks stalled.\n\n"
        "Air raid alerts sounded across the east.\n\n"
        "The Engels base lies about 600 km from the Ukrainian border."
    )
    assert ("russia", 600, "km", "about 600 km") in rows


def test_a_distance_from_ones_launch_areas_or_positions_reaches_into_the_other_country() -> None:
    rows = _rows(
        "On April 7, Ukraine used them against the drone plant at Yelabuga in Russia, some 1,300 "
        "kilometers from the nearest Ukrainian launch areas. The Saratov refinery lies about "
        "640 km from the nearest Ukrainian positions."
    )
    assert ("russia", 1300, "km", "some 1,300 kilometers") in rows
    assert ("russia", 640, "km", "about 640 km") in rows


def test_a_sum_up_from_another_is_the_same_payers() -> None:
    rows = _rows(
        "Denmark has pledged 1.5 billion euros in military aid to Ukraine this year, up from "
        "900 million euros last year."
    )
    assert ("denmark", 900000000, "eur", "900 million euros") in rows


def test_a_package_holding_things_counted_before_is_their_donors() -> None:
    rows = _rows(
        "Portugal's defence ministry said on Monday it would send four more launchers and 40 "
        "missiles by May, in a package worth 30 million euros."
    )
    assert ("portugal", 30000000, "eur", "30 million euros") in rows


def test_a_deal_is_an_amount_of_the_dealing_country() -> None:
    figures = extract_text(
        "The U.S. State Department approved a deal worth about $300 million for Poland.", DAY
    )["figures"]
    assert [(f["subject"], f["property"], f["value"], f["hedge"]) for f in figures] == [
        ("united-states", "amount", 300000000, "about")
    ]


def test_equipment_destroyed_on_the_ground_is_the_losers() -> None:
    rows = _rows(
        "Ukrainian drones struck an airfield in Russia's Rostov region overnight, destroying "
        "two bombers."
    )
    assert ("russia", 2, "aircraft", "two bombers") in rows


def test_a_unit_written_as_its_symbol_scores_as_its_id() -> None:
    written = {"subject": "strila", "value": 600, "unit": "km/h"}
    extracted = {"subject": "strila", "value": 600, "unit": "kmh"}
    assert _figure_key(written) == _figure_key(extracted)


def test_a_part_shot_down_is_the_interceptors_and_the_whole_the_attackers() -> None:
    rows = _rows(
        "Russia attacked overnight. Ukraine's air force said it shot down 37 of the 40 drones "
        "and two of three missiles."
    )
    owners = {(value, unit): subject for subject, value, unit, _ in rows}
    assert owners == {
        (37, "drones"): "ukrainian-air-force",
        (40, "drones"): "russia",
        (2, "missiles"): "ukrainian-air-force",
        (3, "missiles"): "russia",
    }


def test_what_a_variant_is_a_version_of_owns_none_of_its_figures() -> None:
    rows = _rows(
        "The Taurus Merlin is a new version of the German-Swedish Taurus cruise missile with "
        "a range of about 800 kilometers. Each missile costs about 2.5 million euros."
    )
    assert {subject for subject, _, _, _ in rows} == {"taurus-merlin"}


def test_a_listed_companys_stock_and_value_are_the_companys() -> None:
    rows = _rows(
        "Shares of Borvik Dynamics surged after Russia was hit. The stock rose as much as 14% "
        "in London, giving the company a market value of 2.1 billion pounds."
    )
    assert {(subject, unit) for subject, _, unit, _ in rows} == {
        ("borvik-dynamics", "percent"),
        ("borvik-dynamics", "gbp"),
    }


def test_a_count_leaving_its_noun_to_the_sentence_before_is_of_that_noun_and_owner() -> None:
    rows = _rows(
        "Australia has ordered 600 Bunyip drones for Ukraine. About 230 have been delivered, "
        "according to the Defence Department."
    )
    assert ("australia", 230, "drones", "About 230") in rows
    # In another paragraph the noun is not carried over.
    assert not any(r[1] == 230 for r in _rows("Australia ordered 600 drones.\n\n230 were sent."))


def test_one_unit_of_money_written_as_a_word_is_no_sum() -> None:
    rows = _rows("Germany asked where one euro does the most. Germany pledged one billion euros.")
    assert {r[1] for r in rows} == {1000000000}


def test_it_is_the_weapon_named_before_not_the_one_it_is_compared_with() -> None:
    figures = extract_text(
        "The Arbalest is a new missile. It costs between $350,000 and $450,000 per missile, a "
        "fraction of the roughly $2 million price tag of a Tomahawk.",
        DAY,
    )["figures"]
    assert sorted((f["subject"], str(f["value"])) for f in figures) == [
        ("arbalest", "[350000, 450000]"),
        ("tomahawk", "2000000"),
    ]


def test_a_sum_for_a_weapon_is_its_price() -> None:
    figures = extract_text(
        "That compares with some 30 million Norwegian kroner ($2.8 million) for Kongsberg's "
        "Fenrir missile.",
        DAY,
    )["figures"]
    assert {(f["subject"], f["property"]) for f in figures} == {("fenrir", "cost")}


def test_whom_a_letter_was_addressed_to_owns_none_of_its_figures() -> None:
    rows = _rows(
        "Of the total, 206 million euros will buy 240 missiles, Defense Minister Joost van "
        "Ardenne wrote in a letter to the Tweede Kamer."
    )
    owners = {subject for subject, _, _, _ in rows}
    assert owners and "house-of-representatives-of-the-netherlands" not in owners


def test_whom_a_speaker_told_owns_none_of_the_figures() -> None:
    rows = _rows(
        "Saab Dynamics is growing fast, chief executive Annika Strand told broadcaster NOS on "
        "Monday. Its order book for the missile stands at 18 billion kronor."
    )
    owners = {subject for subject, _, _, _ in rows}
    assert owners and "nos" not in owners


def test_a_distance_from_the_front_line_is_the_country_of_a_listed_place_before_it() -> None:
    rows = _rows(
        "Two bombers were destroyed at the base in the Saratov region, about 640 km (400 "
        "miles) from the front line."
    )
    assert ("russia", 640, "km", "about 640 km") in rows
    assert ("russia", 400, "mi", "400 miles") in rows


def test_a_poll_share_is_the_polled_peoples_named_before_it() -> None:
    rows = _rows(
        "Australians appear to agree: an Essential poll in December found 61 per cent in "
        "favour of letting Ukraine hit military targets in Russia."
    )
    assert ("australia", 61, "percent", "61 per cent") in rows


def test_a_share_with_a_decimal_comma() -> None:
    rows = _rows("According to the survey, 48,6% of the Portuguese agree and 37,1% disagree.")
    assert ("portugal", 48.6, "percent", "48,6%") in rows
    assert ("portugal", 37.1, "percent", "37,1%") in rows


def test_what_the_company_makes_or_hires_is_the_companys_count() -> None:
    rows = _rows(
        "Saab Dynamics itself is growing fast. The company produced 14 Gladan missiles a month "
        "and plans to hire 900 more staff by 2030."
    )
    assert ("saab-dynamics", 14, "missiles", "14 Gladan missiles") in rows
    assert ("saab-dynamics", 900, "staff", "900 more staff") in rows


def test_missiles_a_countrys_air_force_fires_are_the_countrys() -> None:
    rows = _rows(
        "Ukraine's air force said on Monday that it had fired eight Storm Shadow missiles at "
        "an air base in Russia."
    )
    assert ("ukraine", 8, "missiles", "eight Storm Shadow missiles") in rows


def test_drones_an_air_force_shoots_down_stay_the_air_forces() -> None:
    rows = _rows(
        "Russia launched 90 drones at Ukraine overnight, Ukraine's air force said, adding that "
        "71 drones had been shot down."
    )
    assert ("ukrainian-air-force", 71, "drones", "71 drones") in rows


def test_a_share_a_defence_ministry_claims_is_its_countrys() -> None:
    rows = _rows(
        "Russia's Defence Ministry claims its air defences shoot down more than 90 percent of "
        "the missiles."
    )
    assert ("russia", 90, "percent", "more than 90 percent") in rows


def test_a_distance_from_the_nearest_held_territory_reaches_into_the_other_country() -> None:
    rows = _rows(
        "Russia launched 90 drones at Ukraine overnight.\n\n"
        "The Engels base lies about 600 km (370 miles) from the nearest Ukrainian-held territory."
    )
    assert ("russia", 600, "km", "about 600 km") in rows
    assert ("russia", 370, "mi", "370 miles") in rows


def test_a_distance_from_a_country_named_bare_reaches_into_the_other() -> None:
    rows = _rows(
        "Ukraine struck Russia again on Sunday.\n\n"
        "The bombers that Ukraine's air force hunts now sit at bases 1,000 km or more from "
        "Ukraine, analysts say."
    )
    assert ("russia", 1000, "km", "1,000 km") in rows


def test_a_base_from_the_front_line_lies_where_the_article_places_its_strikes() -> None:
    # No country in the sentence; the towns its bombers strike are not where it lies.
    rows = _rows(
        "Ukraine struck an air base deep inside Russia overnight, officials said.\n\n"
        "The base, home to Su-34 bombers that Kyiv says drop glide bombs on Kharkiv, lies "
        "about 340 km from the nearest front line."
    )
    assert ("russia", 340, "km", "about 340 km") in rows


def test_a_limit_on_strikes_inside_a_country_is_the_setters() -> None:
    rows = _rows(
        "Washington has allowed Ukraine since October to fire the missile at military targets "
        "up to 500 kilometers (310 miles) inside Russia."
    )
    assert ("u-s-government", 500, "km", "up to 500 kilometers") in rows
    assert ("u-s-government", 310, "mi", "310 miles") in rows


def test_a_limit_raised_from_one_distance_to_another_is_the_setters_twice() -> None:
    rows = _rows(
        "In October, the Pentagon raised the limit for strikes with the missile from 300 km to "
        "500 km inside Russia."
    )
    assert {(s, v) for s, v, unit, _ in rows if unit == "km"} == {
        ("u-s-department-of-defense", 300),
        ("u-s-department-of-defense", 500),
    }


def test_a_nationality_word_sets_no_limit_before_the_name_that_does() -> None:
    rows = _rows(
        "Japanese money frees up funds for the missile, which Washington has allowed Ukraine "
        "to fire at targets up to 500 kilometers inside Russia."
    )
    assert ("u-s-government", 500, "km", "up to 500 kilometers") in rows


def test_a_strike_that_reaches_a_distance_inside_a_country_is_no_limit() -> None:
    # No word of a limit: the distance is where the base lies, in Russia.
    rows = _rows(
        "Ukraine hit an air base about 300 km inside Russia on Sunday, the General Staff said."
    )
    assert ("russia", 300, "km", "about 300 km") in rows


def test_a_sum_given_to_a_country_is_the_givers() -> None:
    found = extract_text(
        "Bulgaria has so far sent Ukraine ammunition and equipment worth an estimated 1.5 to "
        "2 billion euro since 2022.",
        DAY,
    )["figures"]
    assert [(f["subject"], f["property"], f["text"]) for f in found] == [
        ("bulgaria", "funding", "an estimated 1.5 to 2 billion euro")
    ]


def test_a_carriers_count_stays_the_carriers() -> None:
    rows = _rows(
        "A single Pantsir-S1 vehicle carries 12 interceptor missiles and has a range of 20 km."
    )
    assert ("pantsir", 12, "missiles", "12 interceptor missiles") in rows


def test_a_distance_from_the_line_of_contact_reaches_into_where_the_article_strikes() -> None:
    rows = _rows(
        "Ukraine struck an airfield deep inside Russia with Storm Shadow missiles.\n\n"
        "The airfield lies some 320 kilometers from the line of contact."
    )
    assert ("russia", 320, "km", "some 320 kilometers") in rows
