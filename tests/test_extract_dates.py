"""Date expressions resolved against the publication date, and events built from them."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extract.article import extract_article
from generator.extract.dates import date_rules_for, find_dates
from tests.extract_support import (
    article,
    assert_citations_exact,
    extract_text,
    knowledge,
    lexicon,
    seeds,
    text_source,
)

SUNDAY = dt.date(2024, 11, 17)
MONDAY = dt.date(2024, 11, 18)
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def dates(text: str, published: dt.date) -> list[tuple[str, str, tuple[str, ...], str | None]]:
    rules = date_rules_for(lexicon().data)
    return [(d.text, d.date, d.inferred, d.until) for d in find_dates(text, published, rules)]


ALL = ("year", "month", "day")


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("reacted on Sunday, saying", SUNDAY, [("Sunday", "2024-11-17", ALL, None)]),
        ("said on Monday that", SUNDAY, [("Monday", "2024-11-11", ALL, None)]),
        ("said on Tuesday that", SUNDAY, [("Tuesday", "2024-11-12", ALL, None)]),
        ("in a Monday post", MONDAY, [("Monday", "2024-11-18", ALL, None)]),
        ("approved it in February", SUNDAY, [("February", "2024-02", ("year",), None)]),
        ("met in December", SUNDAY, [("December", "2023-12", ("year",), None)]),
        ("in September", SUNDAY, [("September", "2024-09", ("year",), None)]),
        ("in November", SUNDAY, [("November", "2024-11", ("year",), None)]),
        (
            "used since October 2023 to",
            MONDAY,
            [("since October 2023", "2023-10", (), "2024-11-18")],
        ),
        ("fighting since August.", MONDAY, [("since August", "2024-08", ("year",), "2024-11-18")]),
        # A sentence opening on a "Since" clause that holds the date.
        (
            "Since Oslo lifted its limits in late October, Ukraine fired it twice.",
            MONDAY,
            [
                (
                    "Since Oslo lifted its limits in late October",
                    "2024-10",
                    ("year",),
                    "2024-11-18",
                )
            ],
        ),
        # A weekday ahead only with a future verb right before it (SUNDAY is 17 November).
        (
            "Our coverage continues on Monday morning.",
            SUNDAY,
            [("Monday", "2024-11-18", ALL, None)],
        ),
        ("Ministers will meet on Thursday.", SUNDAY, [("Thursday", "2024-11-21", ALL, None)]),
        (
            "Russia will respond, Peskov said on Thursday.",
            SUNDAY,
            [("Thursday", "2024-11-14", ALL, None)],
        ),
        # The speaker's tense inside a closed quotation is not the attribution's.
        (
            '"there is little sign that they will," she wrote in a paper in May.',
            SUNDAY,
            [("May", "2024-05", ("year",), None)],
        ),
        (
            "a counterattack in the summer, in",
            SUNDAY,
            [("in the summer", "2024", ("year",), None)],  # a season: year precision
        ),
        ("double it next spring", SUNDAY, [("next spring", "2025", ("year",), None)]),
        # "this" season is this year's, come or not yet come.
        (
            "a test planned for this summer",
            dt.date(2027, 1, 26),
            [("this summer", "2027", ("year",), None)],
        ),
        ("last summer it", dt.date(2024, 8, 10), [("last summer", "2023", ("year",), None)]),
        ("last winter it", SUNDAY, [("last winter", "2024", ("year",), None)]),
        (
            "what it needs until the end of 2025 as",
            SUNDAY,
            [("until the end of 2025", "2024-11-17", ALL, "2025-12-31")],
        ),
        # A week is dated by the month of its Monday ("last week" is "in November").
        ("spoke last week", MONDAY, [("last week", "2024-11", ("year", "month"), None)]),
        (
            "spoke last week",
            dt.date(2024, 10, 3),
            [("last week", "2024-09", ("year", "month"), None)],
        ),
        ("said yesterday", MONDAY, [("yesterday", "2024-11-17", ALL, None)]),
        (
            "informed the day before yesterday",
            MONDAY,
            [("the day before yesterday", "2024-11-16", ALL, None)],
        ),
        ("three months ago", MONDAY, [("three months ago", "2024-08", ("year", "month"), None)]),
        ("on November 17, 2024, he", MONDAY, [("November 17, 2024", "2024-11-17", (), None)]),
        ("due on Nov. 17 at", MONDAY, [("Nov. 17", "2024-11-17", ("year",), None)]),
        ("on 3 March 2022", MONDAY, [("3 March 2022", "2022-03-03", (), None)]),
        # A deadline is one date, no period (ANNOTATING.md): the next March when future,
        # as precise as it was said (a month); a period's end is its last day.
        (
            "will deliver them by the end of March",
            MONDAY,
            [("the end of March", "2025-03", ("year",), None)],
        ),
        (
            "at the beginning of October",
            MONDAY,
            [("the beginning of October", "2024-10", ("year",), None)],
        ),
        ("by the end of 2027", MONDAY, [("the end of 2027", "2027", (), None)]),
        (
            "until the end of 2030",
            MONDAY,
            [("until the end of 2030", "2024-11-18", ("year", "month", "day"), "2030-12-31")],
        ),
        # The night ending on the publication morning; with a day named, that day dates it.
        (
            "fired 80 drones overnight, officials said",
            MONDAY,
            [("overnight", "2024-11-18", ALL, None)],
        ),
        (
            "fired 80 drones overnight, officials said on Sunday",
            MONDAY,
            [("Sunday", "2024-11-17", ALL, None)],
        ),
        # "would" in a clause before ", and": looking back again after it.
        (
            "Last October he said he would not send them, and in March he told Fox News so.",
            MONDAY,
            [
                ("October", "2024-10", ("year",), None),
                ("March", "2024-03", ("year",), None),
            ],
        ),
        # A translation's "We will remind," is no future tense of the clause.
        (
            "We will remind, in March Russia launched 80 drones.",
            MONDAY,
            [("March", "2024-03", ("year",), None)],
        ),
        # Two dates that make one period.
        (
            "1,670 civilians were killed between January and July",
            MONDAY,
            [("between January and July", "2024-01", ("year",), "2024-07")],
        ),
        (
            "The strikes went on from March to May, and in June they stopped.",
            MONDAY,
            [
                ("from March to May", "2024-03", ("year",), "2024-05"),
                ("June", "2024-06", ("year",), None),
            ],
        ),
        # A weekday before a full date is that date's; a translation's "9 of November".
        (
            "The government decided on Thursday, 9 of November, to lift the restriction.",
            MONDAY,
            [("9 of November", "2024-11-09", ("year",), None)],
        ),
        # A day of the month in words ("the first of May"); no month, no date.
        (
            "Since the first of May, Russia has fired 3,000 drones; the second of these hit Kyiv.",
            MONDAY,
            [("Since the first of May", "2024-05-01", ("year",), "2024-11-18")],
        ),
        (
            "The government decided on Thursday, Nov. 14, to lift it.",
            MONDAY,
            [("Nov. 14", "2024-11-14", ("year",), None)],
        ),
        # The start of the year is its January.
        (
            "has launched 1,000 drones a week since the start of the year",
            MONDAY,
            [("since the start of the year", "2024-01", ("year",), "2024-11-18")],
        ),
    ],
)
def test_date_expressions(
    text: str, published: dt.date, expected: list[tuple[object, ...]]
) -> None:
    assert dates(text, published) == expected


@pytest.mark.parametrize(
    "text",
    [
        "It may take weeks.",  # "may" is a verb
        "The March on Rome",  # a month name without a lead word
        "the 2024 election",
        "Ukraine's three-month military invasion",  # a duration, not a date
        "He said: “We will meet today.”",  # relative dates in quoted speech
        "Feb 30",
    ],
)
def test_not_dates(text: str) -> None:
    assert dates(text, MONDAY) == []


@settings(max_examples=200, deadline=None)
@given(st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)), st.integers(0, 364))
def test_month_day_without_year_is_the_latest_on_or_before_publication(
    day: dt.date, back: int
) -> None:
    if day.month == 2 and day.day == 29:
        return  # no such day in most years: nothing to infer
    published = day + dt.timedelta(days=back)
    found = dates(f"It happened on {MONTHS[day.month - 1]} {day.day} in the city.", published)
    assert found == [(f"{MONTHS[day.month - 1]} {day.day}", day.isoformat(), ("year",), None)]


@settings(max_examples=200, deadline=None)
@given(st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)))
def test_full_dates_parse_back(day: dt.date) -> None:
    written = f"{MONTHS[day.month - 1]} {day.day}, {day.year}"
    assert dates(f"Signed on {written}.", day + dt.timedelta(days=40)) == [
        (written, day.isoformat(), (), None)
    ]


@settings(max_examples=200, deadline=None)
@given(st.dates(dt.date(2000, 1, 1), dt.date(2040, 12, 31)), st.integers(0, 6))
def test_weekday_is_the_latest_such_day(published: dt.date, back: int) -> None:
    day = published - dt.timedelta(days=back)
    found = dates(f"Officials said on {WEEKDAYS[day.weekday()]} that", published)
    assert found == [(WEEKDAYS[day.weekday()], day.isoformat(), ALL, None)]


def test_events_of_fixture_article() -> None:
    source = article("date-basic")
    events = extract_article(source, knowledge())["events"]
    assert_citations_exact(events, {source.id: source})
    by_text = {e["text"]: e for e in events}
    assert by_text["Vladimir Putin met Kim Jong Un on Sunday in Pyongyang."]["date"] == "2025-01-12"
    assert set(by_text["Vladimir Putin met Kim Jong Un on Sunday in Pyongyang."]["actors"]) >= {
        "vladimir-putin",
        "kim-jong-un",
    }
    # Two dates in one sentence: one event per clause, the citation the whole sentence.
    feb = by_text["NATO approved the plan in February"]
    apr = by_text["Poland sent the first HIMARS in April."]
    assert (feb["date"], feb["inferred"], apr["date"]) == ("2024-02", ["year"], "2024-04")
    assert feb["citations"] == apr["citations"]
    assert feb["actors"] == ["nato"] and "himars" in apr["actors"]
    since = by_text["Ukraine has used HIMARS since October 2023"]
    assert (since["date"], since["until"], "inferred" in since) == ("2023-10", "2025-01-15", False)
    until = by_text["Germany will keep paying for them until the end of 2026."]
    assert (until["date"], until["until"]) == ("2025-01-15", "2026-12-31")
    assert by_text["Emmanuel Macron spoke to reporters last week."]["date"] == "2025-01"
    assert by_text["It may take weeks, the Pentagon said on Nov. 20."]["date"] == "2024-11-20"
    assert len({e["id"] for e in events}) == len(events)
    assert events == extract_article(source, knowledge())["events"]  # deterministic


def test_seed_events() -> None:
    sources = seeds()
    cnn = extract_article(sources["cnn-2024-11-17"], knowledge())["events"]
    abc = extract_article(sources["abc-2024-11-18"], knowledge())["events"]
    assert_citations_exact(cnn + abc, sources)
    reaction = [
        e for e in cnn if "volodymyr-zelenskyy" in e["actors"] and e["date"] == "2024-11-17"
    ]
    post = [e for e in abc if "volodymyr-zelenskyy" in e["actors"] and e["date"] == "2024-11-18"]
    assert reaction and post
    assert {"2024-02", "2024-04", "2024-09", "2024-11-12", "2024-11-15"} <= {e["date"] for e in cnn}
    assert any(e["date"] == "2023-10" and e.get("until") == "2024-11-18" for e in abc)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The jets will arrive before the end of June.", "2025-06"),
        ("Deliveries are expected to resume in June.", "2025-06"),
        ("The jets arrived before the end of June.", "2024-06"),
        ("Deliveries resumed in June.", "2024-06"),
        # A month before its noun, its tense after it.
        ("But in December the meeting will force a choice.", "2025-12"),
        ("A February survey found 54 percent in favour.", "2025-02"),
        ("In March, Russia said it will respond.", "2025-03"),
        # What someone wants or aims to do is ahead; what they wanted is not.
        ("The SVP wants to submit a motion in the December session.", "2025-12"),
        ("The party wanted to vote in January.", "2025-01"),
        # A schedule told in the present.
        ("The parliamentary elections are held in April.", "2025-04"),
        ("The first missiles are due in June.", "2025-06"),
        # What ought to happen looks ahead; what ought to have happened, back.
        ("The Chamber should discuss the resolution in June.", "2025-06"),
        ("The Chamber should have discussed the resolution in June.", "2024-06"),
    ],
)
def test_a_month_in_a_future_tense_clause_is_the_next_one(text: str, expected: str) -> None:
    rules = date_rules_for(lexicon().data)
    [found] = find_dates(text, dt.date(2025, 3, 12), rules)
    assert found.date == expected
    assert found.inferred == ("year",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A day a few weeks ahead, in no past tense: that day.
        ("The Bloc wants a debate when the House returns on Sept. 20.", "2025-09-20"),
        # In the past tense: the same day eleven months before.
        ("The House returned on Sept. 20.", "2024-09-20"),
        ("The minister said on Sept. 20 that talks had failed.", "2024-09-20"),
        # Months ahead: still the one before.
        ("The vote on December 20 split the party.", "2024-12-20"),
        # A season in a future clause: the next one.
        ("Parliament will discuss it in the autumn session.", "2025"),
        ("Parliament discussed it in the autumn session.", "2024"),
    ],
)
def test_a_day_soon_after_publication_and_a_future_season(text: str, expected: str) -> None:
    rules = date_rules_for(lexicon().data)
    [found] = find_dates(text, dt.date(2025, 8, 23), rules)
    assert found.date == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "since" a few words before the date: a period up to publication.
        (
            "Kyiv has pressed for it since the first missiles arrived in March 2024.",
            ("2024-03", "2025-08-23"),
        ),
        ("Russia has built 150 shelters since early 2024.", ("2024", "2025-08-23")),
        # "until" a past date: the state ended then, no period ahead.
        ("Until last month, the policy mirrored Washington's.", ("2025-07", None)),
        ("The jets will stay until the end of 2026.", ("2025-08-23", "2026-12-31")),
        # A run of days: from the first to the last.
        ("The summit meets in Tallinn on 10-11 July.", ("2025-07-10", "2025-07-11")),
        ("The summit met on July 10-11, 2024.", ("2024-07-10", "2024-07-11")),
        # A season after "since" or "the": the one gone by, at year precision.
        ("Russia has moved its bombers since the summer.", ("2025", "2025-08-23")),
        ("Until the autumn, the ministry insisted the missiles stay home.", ("2024", None)),
        ("Until March, the ban will stay in force.", ("2025-08-23", "2026-03")),
        # A contracted future right before the day.
        (
            "We'll be back with all the latest from Ukraine on Tuesday morning.",
            ("2025-08-26", None),
        ),
    ],
)
def test_periods_since_and_until_and_a_contracted_future(
    text: str, expected: tuple[str, str | None]
) -> None:
    rules = date_rules_for(lexicon().data)
    [found] = find_dates(text, dt.date(2025, 8, 23), rules)
    assert (found.date, found.until) == expected


def test_a_month_of_a_relative_year() -> None:
    day = dt.date(2025, 2, 20)
    assert dates("In March last year, the vote failed.", day) == [
        ("March last year", "2024-03", ("year",), None)
    ]
    assert dates("The deal is due in June next year.", day)[0][:2] == ("June next year", "2026-06")


def test_a_month_ahead_in_reported_future_is_the_next_one() -> None:
    day = dt.date(2025, 1, 21)
    assert dates("The ministry said two more would follow in March.", day) == [
        ("March", "2025-03", ("year",), None)
    ]
    assert dates("The ministry said two more arrived in March.", day) == [
        ("March", "2024-03", ("year",), None)
    ]


def test_a_day_of_the_month_alone() -> None:
    day = dt.date(2025, 1, 16)
    assert dates("He wrote on X on the 12th that the soldiers were held.", day) == [
        ("on the 12th", "2025-01-12", ("year", "month"), None)
    ]
    # After the publication day: last month's.
    assert dates("The launch on the 28th was the first.", day)[0][1] == "2024-12-28"


def test_a_coarser_date_inside_a_finer_one_of_the_sentence_adds_no_event() -> None:
    source = text_source(
        "The army said the north fired a missile on the 6th, the first launch of this year.",
        dt.date(2025, 1, 16),
    )
    events = extract_article(source, knowledge())["events"]
    assert [e["date"] for e in events] == ["2025-01-06"]


@pytest.mark.parametrize(
    "dateline", ["(ANSA) - ROME, SEP 22 - ", "Tirana (dpa) - ", "KYIV, Ukraine (AP) -- "]
)
def test_an_event_text_leaves_out_the_dateline(dateline: str) -> None:
    found = extract_article(
        text_source(
            f"Headline\n{dateline}Italy will allow Ukraine to use the missiles, the minister "
            "announced on Wednesday.\n",
            dt.date(2027, 9, 22),
        ),
        knowledge(),
    )
    assert [e["text"] for e in found["events"]] == [
        "Italy will allow Ukraine to use the missiles, the minister announced on Wednesday."
    ]


def test_an_event_text_leaves_out_a_bullet_and_a_speakers_label() -> None:
    source = text_source(
        "Headline\n\nThe ministry spoke in Berlin on the matter.\n\n"
        "\u2022 Germany cleared the missiles for use against Russian territory in late May.\n\n"
        "Anna Nowak: We will deliver another 400 drones by September.\n",
        SUNDAY,
    )
    found = extract_article(source, knowledge())
    assert_citations_exact(found["events"], {source.id: source})
    assert sorted((e["text"], e["date"], e.get("until")) for e in found["events"]) == [
        (
            "Germany cleared the missiles for use against Russian territory in late May.",
            "2024-05",
            None,
        ),
        ("We will deliver another 400 drones by September.", "2025-09", None),
    ]


def test_an_event_text_leaves_out_a_dateline_and_a_transcripts_label() -> None:
    source = text_source(
        "Headline\n\nThe ministry spoke in Berlin on the matter.\n\n"
        "Jan 8 (Interfax-Ukraine) \u2013 The Defense Forces struck an airfield on the night of "
        "January 8.\n\n"
        "JONATHAN REYES, BYLINE: The first strike came just after 2 a.m. Saturday.\n",
        dt.date(2027, 1, 8),
    )
    found = extract_article(source, knowledge())
    assert_citations_exact(found["events"], {source.id: source})
    assert sorted(e["text"] for e in found["events"]) == [
        "The Defense Forces struck an airfield on the night of January 8.",
        "The first strike came just after 2 a.m. Saturday.",
    ]


def test_a_past_perfect_after_a_future_dates_the_month_before_and_as_leads_a_month() -> None:
    day = dt.date(2026, 6, 2)
    text = (
        "Belgium will no longer bar Ukraine from using the weapons, the minister said "
        "Tuesday, reversing a position she had defended as recently as March."
    )
    assert dates(text, day)[-1][:2] == ("March", "2026-03")
    # A passive of the future ("is to be announced") keeps the month ahead.
    assert dates("The decision is to be announced in early December.", day)[0][1] == "2026-12"


def test_a_month_of_that_year_is_in_the_year_last_written_out() -> None:
    text = (
        "Headline\n\n"
        "In the spring of 2024, Washington still insisted on the limit. By November that "
        "year, US officials were telling reporters it was gone. In November, it fired again.\n"
    )
    events = extract_text(text, dt.date(2030, 2, 12))["events"]
    dates = {e["text"][:8]: (e["date"], e.get("inferred")) for e in events}
    assert dates["By Novem"] == ("2024-11", None)
    # A month with no "that year" is still the latest one.
    assert dates["In Novem"] == ("2029-11", ["year"])
