"""Companies named right after a noun that says what they are (`companies.py`), and a
body's place of business left out of its name."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extract_support import extract_text

DAY = dt.date(2026, 6, 3)


def _bodies(text: str) -> dict[str, str]:
    """name -> category of the organisations found in a one-paragraph article."""
    found = extract_text(f"Headline\n{text}\n", DAY)["entities"]
    return {e["name"]: e["category"] for e in found if e["category"] == "organisation"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Its maker, Borvik Defence, says it can build ten a month.",
            {"Borvik Defence": "organisation"},
        ),
        (
            "The missile is built by the Lviv enterprise Borvik Defence.",
            {"Borvik Defence": "organisation"},
        ),
        # Where it is based is no part of its name.
        (
            "Anna Lenz, a researcher at the Paris-based Foundation for Strategic Studies, spoke.",
            {"Foundation for Strategic Studies": "organisation"},
        ),
    ],
)
def test_companies_named_by_what_they_are(text: str, expected: dict[str, str]) -> None:
    assert _bodies(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # A title, a weekday or a lower-case word after the noun names no company.
        "The company Chairman Ivo Petrov said the plant was ready.",
        "The manufacturer said on Monday that the plant was ready.",
        "Officials said the company on Tuesday had delivered the missiles.",
    ],
)
def test_no_company_where_none_is_named(text: str) -> None:
    assert _bodies(text) == {}


def test_matching_at_the_nouns_finds_what_a_search_finds() -> None:
    """`_at_nouns` (str.find, then a match) against the plain search it replaced, over
    every article of the fixtures and some made-up traps."""
    from pathlib import Path

    from generator.extract.companies import _at_nouns, _pattern
    from tests.extract_support import knowledge

    built = _pattern(knowledge())
    assert built is not None
    nouns, pattern = built
    root = Path(__file__).parent / "fixtures"
    texts = [p.read_text("utf-8") for p in sorted(root.glob("*/articles/*.txt"))]
    texts += [
        "the shoemaker Ivo and the maker, Borvik Arms, and its manufacturer Zoria Systems.",
        "the company company Borvik said; the firm Kalyna Defence Group and start-up Lyra.",
    ]
    for text in texts:
        expected = [m.span() for m in pattern.finditer(text, 0, len(text))]
        assert [m.span() for m in _at_nouns(text, nouns, pattern, 0, len(text))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A legal form ends the name and is left out of it; "and" after one starts another.
        (
            "Shares of Borvik Systems Plc and Kestrel Dynamics AG rose on Monday.",
            {"Borvik Systems": "organisation", "Kestrel Dynamics": "organisation"},
        ),
        # "and the" opens another body.
        (
            "The Farmers League and the Five Star Movement both voted against it.",
            {"Farmers League": "organisation", "Five Star Movement": "organisation"},
        ),
        # What follows "for" in a body's name is no person.
        (
            "A fellow at the Nordic Institute for Security Studies said the war goes on.",
            {"Nordic Institute for Security Studies": "organisation"},
        ),
    ],
)
def test_where_a_body_name_ends(text: str, expected: dict[str, str]) -> None:
    assert _bodies(text) == expected


def test_a_news_agency_is_media_not_a_body() -> None:
    found = extract_text(
        "Headline\nThe ministry said in a statement carried by the Korean Central News Agency "
        "that it would respond.\n",
        DAY,
    )["entities"]
    assert "korean-central-news-agency" not in {e["id"] for e in found}


def test_a_capital_with_a_diacritic_opens_a_name() -> None:
    found = extract_text(
        'Headline\n"Deep strikes impose costs," says Jonas Åkerlund of the Nordic Institute.\n',
        DAY,
    )
    assert {e["id"]: e["name"] for e in found["entities"] if e["category"] == "person"} == {
        "jonas-akerlund": "Jonas Åkerlund"
    }
    assert [q["speaker"] for q in found["quotes"]] == ["jonas-akerlund"]
    # A surname opening on one, right before the speech verb ("Radim Šebesta said").
    found = extract_text("Headline\nRadim Šebesta said the decision was a mistake.\n", DAY)
    assert {e["id"]: e["name"] for e in found["entities"]} == {"radim-sebesta": "Radim Šebesta"}


def test_where_a_company_sits_is_no_part_of_its_name() -> None:
    assert _bodies("The missile is built by Halyard Systems of Austin, Texas, in a new plant.") == {
        "Halyard Systems": "organisation"
    }


def test_a_known_one_word_name_used_as_a_town_is_no_person() -> None:
    found = extract_text("Headline\nThe missiles are built in Austin, Texas, by a startup.\n", DAY)
    assert "lloyd-austin" not in {e["id"] for e in found["entities"]}
    found = extract_text(
        "Headline\nDefense Secretary Lloyd Austin visited Kyiv. Austin said so.\n", DAY
    )
    assert "lloyd-austin" in {e["id"] for e in found["entities"]}


def test_a_roman_numeral_is_no_acronym() -> None:
    found = extract_text('Headline\nHe called the strikes "a ticket to World War III."\n', DAY)
    assert [e["id"] for e in found["entities"]] == []


def test_local_titles_fold_away_and_a_datelines_city_is_no_actor() -> None:
    found = extract_text(
        "Headline\nTirana (dpa) - Supervisor Adelita Ruiz said the county would not pay.\n", DAY
    )
    assert {e["id"]: e["name"] for e in found["entities"]} == {"adelita-ruiz": "Adelita Ruiz"}
    # The same capital in the story is its government.
    found = extract_text("Headline\nTirana said it would send the drones.\n", DAY)
    assert {e["id"] for e in found["entities"]} == {"albanian-government"}


def test_a_role_of_a_body_in_capitals_introduces_a_name() -> None:
    found = extract_text(
        'Headline\n"Better late than never," wrote on social networks chairman of ODS Ondřej '
        "Bílek.\n",
        DAY,
    )
    assert [q["speaker"] for q in found["quotes"]] == ["ondrej-bilek"]
    assert {e["id"]: e["name"] for e in found["entities"]}["ondrej-bilek"] == "Ondřej Bílek"
    # Said with the role bare after the verb, as a translation writes it.
    found = extract_text(
        'Headline\n"Three hundred drones do not win a war," said for iROZHLAS.cz military '
        "analyst Vojtěch Smolík from Institute of International Relations.\n",
        DAY,
    )
    assert [q["speaker"] for q in found["quotes"]] == ["vojtech-smolik"]


def test_a_body_named_with_for_a_and_a_board() -> None:
    assert _bodies(
        "Stacie Pettyjohn of the Center for a New American Security said the missiles matter."
    ) == {"Center for a New American Security": "organisation"}
    found = extract_text(
        "Headline\nThe Pima County Board of Supervisors voted 4-1 to approve the incentive.\n",
        DAY,
    )["entities"]
    assert {e["name"]: e["category"] for e in found} == {
        "Pima County Board of Supervisors": "government"
    }
    # "a" joins no other words: "gave Ukraine a Storm Shadow" names no body.
    assert _bodies("Britain gave Ukraine a Storm Shadow Institute grant.") == {
        "Storm Shadow Institute": "organisation"
    }


def test_a_known_name_before_and_ends_a_body_and_a_time_zone_is_no_body() -> None:
    found = extract_text(
        "Headline\nEditor's note: Updated at 5:40 p.m. EDT with comment from the Pentagon, "
        "the Kremlin and Congress.\n",
        DAY,
    )["entities"]
    assert {e["id"] for e in found} == {
        "russian-government",
        "u-s-congress",
        "u-s-department-of-defense",
    }
