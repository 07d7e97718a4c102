"""Support shown by use (`usereports.py`): who carries out a strike inside the target
country with a named weapon, and who reports it, support the strikes, unless a body of that
country."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.extract.article import extract_article
from tests.extract_support import extract_text, knowledge, text_source


def _pairs(sentence: str) -> list[tuple[str, str]]:
    found = extract_article(
        text_source(f"Headline\n{sentence}\n", dt.date(2025, 6, 10)), knowledge()
    )
    return sorted((p["actor"], p["stance"]) for p in found["positions"])  # type: ignore[misc]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ukraine fired U.S.-made ATACMS missiles at an arsenal in Russia's Voronezh region "
        "on Saturday, Ukraine's General Staff said on Tuesday.",
        "Ukraine's General Staff says its forces struck an air base in Russia's Rostov region "
        "with British-made Storm Shadow missiles on Tuesday night.",
        # A town of the target country (lexicon `places`, `use_report.target_places`).
        "Ukraine's General Staff said its forces fired 16 Storm Shadow missiles on the night "
        "of Jan. 19, hitting an ammunition depot near Bryansk.",
        # A long name before a verb after the clause: a name counts as one word.
        "Ukrainian forces struck an airfield in Russia's Rostov region with Storm Shadow "
        "missiles, the General Staff of the Armed Forces of Ukraine reported on Telegram.",
        "Ukrainian forces struck an airfield in Russia's Rostov region with Storm Shadow "
        "missiles, the General Staff of Ukraine's Armed Forces said.",
    ],
)
def test_who_reports_a_strike_inside_russia_with_a_named_weapon_supports(sentence: str) -> None:
    supporters = {actor for actor, stance in _pairs(sentence) if stance == "supports"}
    assert "general-staff-of-ukraine" in supporters


def test_who_strikes_inside_russia_with_a_named_weapon_supports() -> None:
    # ANNOTATING.md: using the permission is support; the reporter's too.
    assert _pairs(
        "Ukraine fired U.S.-made ATACMS missiles at an arsenal in Russia's Voronezh region "
        "on Saturday, Ukraine's General Staff said on Tuesday."
    ) == [("general-staff-of-ukraine", "supports"), ("ukraine", "supports")]
    # Whoever reports it: the Russian ministry holds nothing, Ukraine used the missiles.
    assert _pairs(
        "The Russian Defence Ministry said Ukraine had fired six ATACMS at a base in Russia's "
        "Kursk region."
    ) == [("ukraine", "supports")]
    # A person who fires is reported, not a party: no stance from the verb alone.
    assert (
        _pairs(
            "Pilot Oleh Marchenko fired two Storm Shadow missiles at an air base in Russia's "
            "Rostov region."
        )
        == []
    )


@pytest.mark.parametrize(
    "sentence",
    [
        # The strike is not inside the target country.
        "Russia launched 146 drones and six Iskander missiles at Ukraine overnight, Ukraine's "
        "air force said.",
        # The weapon named is what the strike hit, not what it used.
        "Ukraine's General Staff said the strike hit at least two Su-34 bombers at an air "
        "base in Russia's Rostov region.",
        # A town of another country than the target's.
        "Russia fired Iskander missiles at a hospital in Kharkiv, Ukraine's General Staff said.",
        # No weapon is named.
        "Ukrainian drones struck a refinery in Russia's Ryazan region, Ukraine's General Staff "
        "said.",
    ],
)
def test_no_support_by_use_otherwise(sentence: str) -> None:
    assert _pairs(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A strike going on, with an auxiliary "been" before it, in a relative clause too.
        (
            "Ukraine has been firing Quarrel missiles at targets inside Russia since December.",
            [("ukraine", "supports")],
        ),
        (
            "The plant makes the Quarrel cruise missile, which Ukraine has been firing at "
            "targets inside Russia since December.",
            [("ukraine", "supports")],
        ),
        # "first" between the subject and its verb; Russian territory as what is fired at.
        (
            "Ukraine's air force first fired the Quarrel missile at Russian territory in early "
            "December.",
            [("ukrainian-air-force", "supports")],
        ),
        # The market's noun is no one's demand.
        (
            "Sentry Dynamics will hire 600 workers to keep up with demand for the Quarrel "
            "cruise missile.",
            [],
        ),
    ],
)
def test_strikes_going_on_first_strikes_and_demand(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert _pairs(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A country's armed men are the country (ANNOTATING.md), however written.
        (
            "Ukrainian forces struck an air base in Russia's Kursk region with ATACMS missiles "
            "on Monday.",
            [("ukraine", "supports")],
        ),
        (
            "Ukraine's armed forces struck an air base in Russia's Kursk region with ATACMS "
            "missiles on Monday.",
            [("ukraine", "supports")],
        ),
        (
            "The Ukrainian military has struck an air base in Russia's Kursk region with ATACMS "
            "missiles.",
            [("ukraine", "supports")],
        ),
        # "its forces": the reporting body's country (Ukraine is named, as in any article).
        (
            "Ukraine's General Staff said its forces struck the Yeysk air base in Russia's "
            "Krasnodar region with Storm Shadow missiles. Ukraine has asked for more.",
            [("general-staff-of-ukraine", "supports"), ("ukraine", "supports")],
        ),
    ],
)
def test_a_country_s_forces_striking_inside_russia_are_the_country(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert _pairs(sentence) == expected


def test_a_strike_with_the_striker_s_own_weapon_shows_no_use_of_western_ones() -> None:
    # Lexicon `use_report.own_make`: the home-made weapon says nothing of Western ones ...
    assert (
        _pairs(
            "Ukraine's General Staff said its forces struck an air base near Voronezh with the "
            "new Vatra ballistic missile, the first combat use of the home-made weapon, "
            "damaging at least three Su-34 fighter-bombers."
        )
        == []
    )
    # ... unless a weapon of another make is named beside it.
    assert _pairs(
        "Ukrainian forces struck an air base near Voronezh, using Ukrainian-made Vatra missiles "
        "and British-French Storm Shadow missiles, the General Staff of the Armed Forces of "
        "Ukraine reported."
    ) == [("general-staff-of-ukraine", "supports"), ("ukraine", "supports")]


def test_a_weapon_being_damaged_is_no_weapon_used() -> None:
    # "damaging four Tu-22M3 bombers": the bombers are what the strike hit.
    assert (
        _pairs(
            "Ukrainian forces struck an airfield in Russia's Kaluga region on Sunday night, "
            "damaging at least four Tu-22M3 long-range bombers, the General Staff said."
        )
        == []
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Weapons named by origin (lexicon `use_report.weapon_words`) are weapons named.
        (
            "Ukraine has fired Western-supplied long-range missiles at targets inside Russia "
            "since January. Ukraine wants more.",
            [("ukraine", "supports")],
        ),
        # A headline's target with no article right after the verb.
        (
            "Ukraine says British missiles hit Russian bomber base. Ukraine wants more.",
            [("ukraine", "supports")],
        ),
        # A use refused or barred is no use reported.
        (
            "South Korea will not allow Korean-made weapons transferred to Ukraine to be used "
            "against targets inside Russia, Foreign Minister Kang Min-seok said.",
            [("kang-min-seok", "opposes"), ("south-korea", "opposes")],
        ),
        (
            "Rep. Curtis Vandermeer said he would reintroduce a bill to bar Ukraine from firing "
            "American missiles into Russia.",
            [("curtis-vandermeer", "opposes")],
        ),
        # A think tank counting the strikes takes no side by it.
        (
            "Ukraine has fired 150-200 Western-supplied missiles at targets inside Russia, "
            "according to a tally by the Kyiv-based Centre for Defence Strategies. Ukraine "
            "wants more.",
            [("ukraine", "supports")],
        ),
    ],
)
def test_weapons_named_by_origin_uses_refused_and_who_only_counts(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert _pairs(sentence) == expected


def test_a_target_with_no_words_before_it_needs_the_strike_verb_right_before() -> None:
    # "hit Russian bomber base" as a headline writes it; a verb further back is another
    # clause's ("fired ..., and the Russian air base ...").
    assert _pairs("Ukraine says British missiles hit Russian bomber base. Ukraine wants more.") == [
        ("ukraine", "supports")
    ]
    assert (
        _pairs(
            "Ukraine fired British missiles at Kharkiv drones, and a Russian air base nearby "
            "was quiet, Ukraine's air force said."
        )
        == []
    )


def test_a_country_s_armed_forces_or_weapons_as_the_striker_are_the_country() -> None:
    found = extract_text(
        "Headline\n\nTwo Ukrainian F-16s fired four Storm Shadow missiles at an air base in "
        "Russia on Tuesday. Ukraine's Defense Forces struck an airfield in Russia with Storm "
        "Shadow missiles on Wednesday. Ukraine says so.\n",
        dt.date(2027, 12, 14),
    )
    pairs = {(p["actor"], p["stance"]) for p in found["positions"]}
    assert ("ukraine", "supports") in pairs
    # Its Defense Forces, by their official name, are the country (ANNOTATING.md: "Ukraine's
    # military" is Ukraine); no weapon holds a stance.
    assert ("ukrainian-defence-forces", "supports") not in pairs
    assert not any(actor in ("f-16", "storm-shadow") for actor, _s in pairs)
