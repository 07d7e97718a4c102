"""What a number counts or measures: speeds, hyphenated kinds, points in time. Each
article here is made up for the test."""

from __future__ import annotations

import datetime as dt

from tests.extract_support import extract_text, figure_rows

DAY = dt.date(2026, 8, 1)


def _figures(text: str) -> set[tuple[object, str, str, str]]:
    figures = extract_text(text, DAY)["figures"]
    return {(f["value"], f["unit"], f.get("property", ""), f["text"]) for f in figures}


def test_a_speed_is_no_length() -> None:
    figures = _figures("The Vyrii drone flies at up to 550 km/h, or about 340 mph.")
    assert (550, "kmh", "speed", "up to 550 km/h") in figures
    assert (340, "mph", "speed", "about 340 mph") in figures
    assert not any(unit == "km" for _, unit, _, _ in figures)


def test_a_hyphenated_kind_before_the_noun_is_no_count_of_its_own() -> None:
    figures = _figures("Russia launched 48 aircraft-type drones and 12 bombers at Ukraine.")
    assert (48, "drones", "drones", "48 aircraft-type drones") in figures
    assert (12, "aircraft", "aircraft", "12 bombers") in figures


def test_a_duration_that_dates_something_is_no_figure() -> None:
    figures = _figures(
        "Poland said two years ago that it would send jets. Seven months on, Poland has "
        "sent none. Poland has backed Kyiv for three years, and asked for 18 months before "
        "it got an answer."
    )
    assert {v for v, unit, _, _ in figures if unit in ("year", "month")} == {3, 18}


def test_a_known_weapon_counted_by_name_is_a_count_of_its_kind() -> None:
    figures = _figures(
        "Washington approved up to 200 PrSMs in October. Germany sent 16 ATACMS missiles."
    )
    assert (200, "missiles", "missiles", "up to 200 PrSMs") in figures
    # A noun after the name still makes the count ("16 ATACMS missiles", not "16 ATACMS").
    assert (16, "missiles", "missiles", "16 ATACMS missiles") in figures


def test_a_weapon_the_article_names_counted_by_name_is_a_count_of_its_kind() -> None:
    figures = _figures(
        "Ukraine fired the new Zorvan cruise missile at Russia. The General Staff said "
        "16 Zorvans were launched, and about 40 more Zorvans are on order."
    )
    assert (16, "missiles", "missiles", "16 Zorvans") in figures
    assert (40, "missiles", "missiles", "about 40 more Zorvans") in figures


def test_a_pound_written_as_an_adjective_weighs() -> None:
    figures = _figures(
        "The Storm Shadow carries a 250-pound (113-kilogram) warhead. Britain paid "
        "£2 million for the missiles."
    )
    assert (250, "lb", "weight", "250-pound") in figures
    assert {unit for _, unit, _, _ in figures} == {"lb", "kg", "gbp"}  # "£2 million" is money


def test_pounds_in_brackets_after_a_weight_weigh_after_a_sum_they_are_money() -> None:
    figures = _figures(
        "The Storm Shadow carries 100 kilograms (220 pounds) of explosive. Each one costs "
        "2 million euros (1.7 million pounds)."
    )
    assert (220, "lb", "weight", "220 pounds") in figures
    assert (1700000, "gbp", "cost", "1.7 million pounds") in figures


def test_currencies_beyond_dollars_euros_and_pounds() -> None:
    figures = _figures(
        "Each missile costs roughly 30 million Norwegian kroner. The maker's sales reached "
        "¥142 billion last year, and Prague paid 1.2 billion Czech crowns."
    )
    assert {(v, unit) for v, unit, _, _ in figures} >= {
        (30000000, "nok"),
        (142000000000, "jpy"),
        (1200000000, "czk"),
    }


def test_dollars_of_other_countries_and_a_marked_us_dollar() -> None:
    figures = _figures(
        "Seoul has given about US$400 million in aid. Canberra pledged A$250 million and "
        "Ottawa C$90 million."
    )
    assert {(v, unit, text) for v, unit, _prop, text in figures} >= {
        (400000000, "usd", "about US$400 million"),
        (250000000, "aud", "A$250 million"),
        (90000000, "cad", "C$90 million"),
    }


def test_a_noun_before_another_counted_noun_only_describes_it() -> None:
    # "rocket launchers" counts launchers, not rockets; four describing words may come
    # between the number and the noun.
    figures = _figures("Warsaw ordered 18 K239 Chunmoo multiple rocket launchers.")
    assert {(v, unit, text) for v, unit, _prop, text in figures} == {
        (18, "launchers", "18 K239 Chunmoo multiple rocket launchers")
    }


def test_a_vote_tally_is_counted() -> None:
    figures = extract_text("The U.S. Senate passed the bill by 61 votes to 37.", DAY)["figures"]
    assert [(f["subject"], f["value"], f["unit"], f["text"]) for f in figures] == [
        ("u-s-senate", 61, "votes", "61 votes")
    ]


def test_numbers_as_european_articles_write_them() -> None:
    # Thousands grouped by spaces, a decimal comma before "million"; "one missile costs"
    # is a unit price, no count of one.
    figures = _figures(
        "The Fenrir missile flies about 1 000 kilometres, and one missile costs about "
        "2,6 million euros. Finland has 1\u00a0340 kilometres of border with Russia."
    )
    assert {(v, unit, text) for v, unit, _prop, text in figures} == {
        (1000, "km", "about 1 000 kilometres"),
        (2600000, "eur", "about 2,6 million euros"),
        (1340, "km", "1\u00a0340 kilometres"),
    }
    # A comma before three digits still groups thousands.
    assert {v for v, _u, _p, _t in _figures("Germany sent 2,600 missiles.")} == {2600}


def test_units_and_scales_as_a_machine_translation_leaves_them() -> None:
    # Portuguese "quilómetros"; "milhões de coroas" kept word for word as "million of".
    figures = _figures(
        "The Storm Shadow has a reach of until 250 quilómetros and costs around 2,5 million "
        "of pounds."
    )
    assert (250, "km", "range", "250 quilómetros") in figures
    assert (2500000, "gbp", "cost", "around 2,5 million of pounds") in figures
    # No "of" after a number without its scale: "20 of the missiles" measure nothing.
    assert not _figures("Ukraine fired 20 of pounds.")


def test_a_count_whose_noun_opens_a_quotation() -> None:
    figures = _figures(
        'The ministry said it had shot down nine "American-made long-range missiles" overnight.'
    )
    assert (9, "missiles", "missiles", 'nine "American-made long-range missiles') in figures


def test_currency_codes_before_the_number_crore_and_thousands_dots() -> None:
    figures = _figures(
        "Denmark has spent DKK 4.1 billion on the drones. New Zealand pays NZ$18 million and "
        "India ₹8,400 crore. The missile costs around 830.000 euro and flies over 1.000 "
        "kilometres; Romania pays 236,4 million lei."
    )
    # (4.1 billion exactly: no binary rounding error of the scale.)
    assert (4100000000, "dkk", "DKK 4.1 billion") in {(v, u, t) for v, u, _p, t in figures}
    values = {(v, u) for v, u, _p, _t in figures}
    assert {(18000000, "nzd"), (84000000000, "inr"), (830000, "eur"), (1000, "km")} <= values
    assert (236400000, "ron") in values


def test_people_a_body_employs_are_its_staff_and_a_capitals_share_its_countrys() -> None:
    found = extract_text(
        "Crestline Aerospace employs nearly 2,300 people in Madison County. A Russian strike "
        "killed 12 people in Kharkiv. Moscow claims to intercept more than 80% of the missiles.",
        DAY,
    )["figures"]
    got = {(f["subject"], f["value"], f["unit"]) for f in found}
    assert ("crestline-aerospace", 2300, "staff") in got
    assert not any(v == 12 and u == "staff" for _s, v, u in got)
    assert ("russia", 80, "percent") in got


def test_currency_letters_before_a_number_with_a_scale_or_thousands() -> None:
    figures = _figures(
        "Germany's order is worth R4.8-billion, or roughly R32-million a missile. South "
        "Korea's exports hit W31.6tr. Britain's Storm Shadow costs S$3.5 million. In "
        "Germany, the R4 road is closed."
    )
    assert {(v, u) for v, u, _, _ in figures} >= {
        (4800000000, "zar"),
        (32000000, "zar"),
        (31600000000000, "krw"),
        (3500000, "sgd"),
    }
    # A letter before a bare number names a road, not a sum (lexicon `letter_prefix`).
    assert not any(v == 4 for v, _, _, _ in figures)


def test_rupees_in_lakhs_and_crores_dirhams_and_hong_kong_dollars() -> None:
    figures = extract_text(
        "India's budget sets aside Rs 2.3 lakh crore for defence, and Rs 64,000 crore to Rs "
        "1,35,000 crore for missiles; a drone costs Rs 47 lakh. The UAE pledged Dh12.4 "
        "billion, or AED 310 million a month. Hong Kong's share is HK$6 million. In the "
        "report, dh5 and the Dh road are no sums.",
        DAY,
    )["figures"]
    got = {
        (tuple(f["value"]) if isinstance(f["value"], list) else f["value"], f["unit"])
        for f in figures
    }
    assert got >= {
        (2300000000000, "inr"),
        ((640000000000, 1350000000000), "inr"),
        (4700000, "inr"),
        (12400000000, "aed"),
        (310000000, "aed"),
        (6000000, "hkd"),
    }
    # "Dh" is taken as written and only with a scale or thousands (lexicon `letter_prefix`).
    assert not any(v == 5 for v, _u in got)


def test_a_percent_sign_closing_both_ends_of_a_range() -> None:
    found = extract_text(
        "Analysts in India put the increase at between 8% and 12%. Ukraine's economy grew "
        "5%-7%, Poland's 3% to 4%. Norway spent 4% and 5 km.",
        DAY,
    )["figures"]
    got = {
        (tuple(f["value"]) if isinstance(f["value"], list) else f["value"], f["text"])
        for f in found
    }
    assert {((8, 12), "between 8% and 12%"), ((5, 7), "5%-7%"), ((3, 4), "3% to 4%")} <= got
    # "and" joins two figures unless "between" opened a range.
    assert {(4, "4%"), (5, "5 km")} <= got


def test_a_bare_rate_takes_the_noun_of_the_weapon_named_before() -> None:
    rows = figure_rows(
        "Norway has ordered Kvarn missiles for Ukraine.\n\n"
        "Kongsberg, which has built Kvarn missiles in Norway since 2025, now makes about 140 a "
        "month, up from 120 in March.",
        dt.date(2026, 8, 1),
    )
    units = {(value, unit, text) for _, value, unit, text in rows}
    assert (140, "missiles", "about 140") in units
    assert (120, "missiles", "120") in units


def test_another_and_further_numbers_take_the_noun_counted_before() -> None:
    rows = figure_rows(
        "Spain delivered 24 missiles in July and will send another 36 before March. Norway "
        "has delivered 48 missiles, and further 60 shall be delivered this year.",
        dt.date(2026, 8, 1),
    )
    assert ("spain", 36, "missiles", "36") in rows
    assert ("norway", 60, "missiles", "60") in rows


def test_n_of_them_counts_the_weapon_named_last_not_the_things_counted_last() -> None:
    rows = figure_rows(
        "Ukraine fired 12 Storm Shadow missiles and destroyed three bombers. Russia's defence "
        "ministry said it shot down six of them.",
        dt.date(2026, 8, 1),
    )
    sixes = {(unit, text) for _, value, unit, text in rows if value == 6}
    assert sixes == {("missiles", "six")}


def test_a_number_with_no_noun_before_it_or_weapon_named_is_no_count() -> None:
    rows = figure_rows(
        "The ministry said 40 of them were ready, and another 30 before March.",
        dt.date(2026, 8, 1),
    )
    assert not any(value in (40, 30) for _, value, _, _ in rows)


def test_a_range_with_its_unit_at_both_ends_is_one_range() -> None:
    found = extract_text(
        "Japan plans to set aside between 250 billion yen and 320 billion yen for aid. "
        "Sweden will pay between 5.8 billion kronor and 6.5 billion kronor.",
        dt.date(2026, 8, 1),
    )["figures"]
    assert {(tuple(f["value"]), f["text"]) for f in found if isinstance(f["value"], list)} >= {
        ((250000000000, 320000000000), "between 250 billion yen and 320 billion yen"),
        ((5800000000, 6500000000), "between 5.8 billion kronor and 6.5 billion kronor"),
    }


def test_the_other_side_of_a_tally_is_a_count_of_votes() -> None:
    rows = figure_rows(
        "The Bundestag approved the motion on Tuesday by 104 votes to 61, with 17 "
        "abstentions. The Saeima adopted the decision with 131 votes in favour, 58 against "
        "and 11 abstentions. The Folketing voted 61-37 to attach the amendment.",
        dt.date(2026, 8, 1),
    )
    votes = {(subject, value) for subject, value, unit, _ in rows if unit == "votes"}
    assert votes == {
        ("bundestag", 104),
        ("bundestag", 61),
        ("saeima", 131),
        ("saeima", 58),
        ("folketing", 61),
        ("folketing", 37),
    }


def test_a_currency_code_before_the_sum_and_nautical_miles_as_the_trade_press_writes_them() -> None:
    rows = figure_rows(
        "Germany signed a EUR2.1 billion contract for Taurus Neo missiles. The United States "
        "approved USD 2.3 billion for Ukraine. The Taurus Neo has a range of up to 500 n miles.",
        dt.date(2026, 8, 1),
    )
    found = {(value, unit, text) for _, value, unit, text in rows}
    assert (2100000000, "eur", "EUR2.1 billion") in found
    assert (2300000000, "usd", "USD 2.3 billion") in found
    assert (500, "nmi", "up to 500 n miles") in found
