"""Stances inferred from sides (lexicon `side_stances`): invented articles, exact results."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.extract.article import extract_article
from tests.extract_support import knowledge, text_source


def _positions(text: str) -> list[tuple[str, str, bool, str]]:
    """(actor, stance, flagged uncertain, first evidence sentence) of a one-paragraph article."""
    found = extract_article(text_source(f"Headline\n{text}\n", dt.date(2026, 3, 2)), knowledge())
    return sorted(
        (
            str(p["actor"]),
            str(p["stance"]),
            "uncertain" in (p.get("flags") or []),  # type: ignore[operator]
            str(p["citations"][0]["quote"]),  # type: ignore[index]
        )
        for p in found["positions"]
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An official of a side, on the question, with no cue word: the side's stance.
        (
            'Ukrainian Deputy Defence Minister Oksana Melnyk said the new rules were "one more '
            'airfield we can reach every night."',
            [
                (
                    "oksana-melnyk",
                    "supports",
                    True,
                    'Ukrainian Deputy Defence Minister Oksana Melnyk said the new rules were "one '
                    'more airfield we can reach every night."',
                )
            ],
        ),
        (
            "Pavel Orlov, Russia's ambassador to Norway, wrote on Telegram that the West was now "
            '"choosing the targets itself."',
            [
                (
                    "pavel-orlov",
                    "warns-against",
                    True,
                    "Pavel Orlov, Russia's ambassador to Norway, wrote on Telegram that the West "
                    'was now "choosing the targets itself."',
                )
            ],
        ),
    ],
)
def test_an_official_of_a_side_holds_its_stance(
    text: str, expected: list[tuple[str, str, bool, str]]
) -> None:
    assert _positions(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # An observer is no official, whatever country the role names.
        'Oleh Savchuk, a military analyst in Kyiv, said "the airfields are now within range."',
        'Irina Volkova, who studies Russian air bases, said "the targets are within range."',
        # A region's governor names a town, not a side.
        'Odesa regional governor Petro Haidai said "there is no military target there, only '
        'people."',
        # Off the question: no word of `side_topic_words` in the sentence.
        'Ukrainian Foreign Minister Petro Hrytsenko said the talks were "useful and frank."',
        # Not a person: a body's words are read by cues only.
        'Ukraine\'s Defence Ministry said the strike range was "a matter for the commanders."',
    ],
)
def test_no_side_stance(text: str) -> None:
    assert _positions(text) == []


def test_a_cue_stance_is_not_doubled_by_a_side() -> None:
    # The cue gives the stance; the side adds nothing, flags nothing.
    found = _positions(
        'Ukrainian Foreign Minister Petro Hrytsenko urged allies to lift the limits on "every '
        'missile we have."'
    )
    assert [(a, s, flagged) for a, s, flagged, _q in found] == [
        ("petro-hrytsenko", "supports", False)
    ]


def test_a_strike_on_the_sides_own_ground_is_no_stance() -> None:
    found = _positions(
        "Russian missiles hit an energy plant in Kharkiv overnight, Ukrainian Interior Minister "
        'Ihor Bondar said, calling it "the heaviest strike this winter."'
    )
    assert found == []


def test_the_role_owner_written_before_the_name_makes_the_side() -> None:
    # The description keeps the role ("deputy defense minister"); the country owning it is
    # read before it.
    found = _positions(
        '"Every airfield we can reach is an airfield that stops bombing Kharkiv," '
        "Ukraine's deputy defense minister, Taras Melnyk, told reporters."
    )
    assert [(a, s, flagged) for a, s, flagged, _q in found] == [("taras-melnyk", "supports", True)]


def test_the_country_an_envoy_is_sent_to_is_no_side() -> None:
    for text in (
        'Ukraine\'s ambassador to Canada, Oksana Lytvyn, called the decision "a gift of distance."',
        'Ukraine\'s envoy in Ottawa, Oksana Lytvyn, called the decision "a gift of distance."',
    ):
        found = _positions(text)
        assert [(a, s, flagged) for a, s, flagged, _q in found] == [
            ("oksana-lytvyn", "supports", True)
        ]


def test_a_body_the_lexicon_gives_a_country_makes_its_members_a_side() -> None:
    # "State Duma" names no country; the lexicon's `country` says it is Russia's.
    found = _positions(
        '"Every missile that falls on Russian soil will have an American return address," '
        "Viktor Zharkov, chairman of the defence committee of the State Duma, wrote."
    )
    assert [(a, s, flagged) for a, s, flagged, _q in found] == [
        ("viktor-zharkov", "warns-against", True)
    ]


def test_the_owner_of_a_role_kept_short_makes_the_side_a_military_spokesman_none() -> None:
    # The description keeps "minister"; "Ukraine's foreign" is read before it.
    found = _positions(
        "Ukraine's foreign minister, Oleksandr Havrysh, said Ukraine had drawn up a list of "
        '"several dozen" airfields within the missile\'s reach.'
    )
    assert [(a, s, flagged) for a, s, flagged, _q in found] == [
        ("oleksandr-havrysh", "supports", True)
    ]
    # A spokesman of the armed forces reports the war: no side.
    assert not _positions(
        "Ukraine's air force spokesman, Yurii Ihnat, said the IRIS-T cannot stop ballistic "
        '"missiles such as the Iskander".'
    )


def test_a_decision_named_puts_an_officials_words_on_the_question() -> None:
    found = _positions(
        'President Volodymyr Zelensky wrote on Telegram: "Long arms work. Thank you, Germany. '
        'Now we need the same decision from Washington."'
    )
    assert [(a, s, flagged) for a, s, flagged, _q in found] == [
        ("volodymyr-zelenskyy", "supports", True)
    ]


def test_the_paragraph_puts_an_officials_words_on_the_question() -> None:
    found = _positions(
        "Ukraine fired ATACMS missiles at an air base in Russia's Kursk region on Monday. "
        'Russian Deputy Foreign Minister Sergei Volkov said the US "knows exactly what it is '
        'doing."'
    )
    assert ("sergei-volkov", "warns-against", True) in [(a, s, f) for a, s, f, _q in found]
    # With a cue of its own, the official's words hold that stance, not flagged as a guess.
    cued = _positions(
        "Ukraine fired ATACMS missiles at an air base in Russia's Kursk region on Monday. "
        'Russian Deputy Foreign Minister Sergei Volkov said the US was "crossing one '
        'threshold after another."'
    )
    assert ("sergei-volkov", "warns-against", False) in [(a, s, f) for a, s, f, _q in cued]


def test_a_sides_embassy_holds_its_stance_its_military_does_not() -> None:
    found = _positions(
        "The Russian Embassy in Ottawa said Canada was paying for the drones that strike "
        "Russian airfields."
    )
    assert [(a, s, flagged) for a, s, flagged, _q in found] == [
        ("russian-embassy-in-canada", "warns-against", True)
    ]
    assert (
        _positions(
            "The Russian Defence Ministry said its air defences shot down 12 missiles over "
            "the Kursk region."
        )
        == []
    )


def test_a_side_s_official_who_thanks_holds_its_stance() -> None:
    thanks = "In Kyiv, Foreign Minister Dmytro Bilyk thanked the Folketing on X."
    found = _positions(f"Denmark backed strikes inside Russia. {thanks}")
    # The capital the sentence opens on is where he sits; flagged as inferred.
    assert ("dmytro-bilyk", "supports", True, thanks) in found
    # Not a visitor: where one speaks is no side.
    assert _positions("Speaking in Moscow, Foreign Minister Wang Lei thanked Russia.") == []
    # Thanks for something else.
    assert _positions("In Kyiv, Foreign Minister Dmytro Bilyk thanked Japan for the grain.") == []


def test_a_side_s_official_who_welcomes_the_decision_as_a_translation_writes_it() -> None:
    saluted = (
        "At Kiev, the Minister of the Foreign Affairs, Olena Hrytsenko, saluted on the "
        "network X the courageous decision."
    )
    found = _positions(f"Belgium lifted its limits on strikes inside Russia. {saluted}")
    assert ("olena-hrytsenko", "supports", True, saluted) in found
    # Someone the praising one called names is no thanker: "a gift to Putin" is quoted.
    praised = 'Sen. Cal Brandt, who called the old restriction "a gift to Putin," praised the move.'
    found = _positions(f"Washington lifted its limits on strikes inside Russia. {praised}")
    assert not [p for p in found if p[0] == "vladimir-putin"]


def test_the_russian_government_speaks_for_its_side_the_ukrainian_one_reports() -> None:
    found = _positions(
        "Belgium lifted its limits on strikes inside Russia. Moscow said the decision "
        "changed the situation. Kyiv says the strike on the airfield destroyed two bombers."
    )
    # Lexicon `side_bodies`: the Russian government, not the Ukrainian one.
    governments = [(a, s, flagged) for a, s, flagged, _q in found if a.endswith("government")]
    assert governments == [("russian-government", "warns-against", True)]
