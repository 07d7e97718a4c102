"""Stances in headlines, deks and subheads; holders a sentence names apart (each speaker
quoted, the one let do something, the one asked to, a relative clause's antecedent);
threats and denials."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.extract.article import extract_article
from tests.extract_support import knowledge, text_source


def _positions(article: str) -> list[tuple[str, str, list[str]]]:
    """(actor, stance, evidence passages) of an in-memory article."""
    found = extract_article(text_source(article, dt.date(2025, 6, 10)), knowledge())
    return sorted(
        (p["actor"], p["stance"], [c["quote"] for c in p["citations"]])  # type: ignore[index]
        for p in found["positions"]
    )


def _pairs(article: str) -> list[tuple[str, str]]:
    return [(actor, stance) for actor, stance, _quotes in _positions(article)]


BODY = "The ministry published the figures on Monday.\n"


def test_a_headline_gives_its_stance_with_the_headline_as_evidence() -> None:
    headline = "Moscow warns Rome against lifting missile restrictions"
    found = _positions(f"{headline}\n{BODY}")
    assert ("russian-government", "warns-against", [headline]) in found


def test_a_dek_and_a_subhead_give_stances_too() -> None:
    dek = "London lets Kyiv fire Storm Shadow missiles at targets in Russia."
    subhead = "Kremlin vows response"
    found = _pairs(f"Allies move on long-range strikes\n{dek}\n{BODY}\n{subhead}\n\n{BODY}")
    assert ("british-government", "supports") in found
    assert ("russian-government", "warns-against") in found


def test_the_body_states_a_position_before_its_headline() -> None:
    """The headline's evidence follows the body's: the body's words are the summary."""
    body = "The Kremlin said on Monday that the move would mean war.\n"
    (found,) = [
        p for p in _positions(f"Kremlin vows response\n{body}") if p[0] == "russian-government"
    ]
    assert found[2] == [body.strip(), "Kremlin vows response"]


def test_headline_capitals_discover_no_new_names() -> None:
    article = f"Grey Harbour Talks Stall Over Missile Limits\n{BODY}"
    found = extract_article(text_source(article, dt.date(2025, 6, 10)), knowledge())
    assert [e["name"] for e in found["entities"]] == []


@pytest.mark.parametrize(
    ("article", "holder", "not_holder"),
    [
        # A headline without its verb: Kyiv is let hit, the UK lets it.
        (
            f"UK says Kyiv free to hit Russian airfields\n{BODY}",
            "united-kingdom",
            "ukrainian-government",
        ),
        # The body's form: the speaker holds it, not the one let choose.
        (
            "Allies move\nForeign Secretary Ann Tull said Ukraine was free to choose its targets in Russia.\n",
            "ann-tull",
            "ukraine",
        ),
    ],
)
def test_the_one_let_strike_holds_no_stance(article: str, holder: str, not_holder: str) -> None:
    found = _pairs(article)
    assert (holder, "supports") in found
    assert (not_holder, "supports") not in found


def test_who_says_ukraine_may_strike_inside_russia_supports() -> None:
    sentence = (
        "Britain and France issued a joint statement reaffirming that Ukraine may use their "
        "missiles against military targets on Russian territory."
    )
    found = _pairs(f"Headline\n{sentence}\n")
    assert ("united-kingdom", "supports") in found
    assert ("france", "supports") in found
    assert ("ukraine", "supports") not in found
    # Where the strikes may fall is what makes it a permission on the question.
    assert _pairs("Headline\nBritain said Ukraine may use the missiles to defend Kharkiv.\n") == []


def test_the_one_asked_holds_no_stance() -> None:
    assert _pairs(f"Senators press White House to loosen strike limits\n{BODY}") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Berlin lets Ukraine strike Russian airfields with its missiles.",
            [("german-government", "supports")],
        ),
        # What a weapon would let Ukraine do is no permission.
        ("Analyst Pia Lund said the missile would let Ukraine hit depots far away.", []),
    ],
)
def test_letting_ukraine_strike_supports(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(f"Headline\n{sentence}\n") == expected


def test_each_speaker_quoted_holds_the_cue_in_their_words() -> None:
    sentence = (
        'Foreign Minister Lena Sova said the allies had "crossed a red line", and Senator '
        'Ivo Grad said the strikes would "not go unanswered".'
    )
    found = _pairs(f"Headline\n{sentence}\n")
    assert ("lena-sova", "warns-against") in found
    assert ("ivo-grad", "warns-against") in found


def test_a_name_right_before_another_qualifies_it() -> None:
    """ "Ukraine ATACMS green light": Ukraine names the topic, it gives no green light."""
    found = _pairs("Headline\nThe Ukraine ATACMS green light surprised no one in Moscow.\n")
    assert ("ukraine", "supports") not in found


def test_a_clause_of_its_own_after_a_source_is_its_subject_s() -> None:
    sentence = (
        "Russia launched 1,000 drones a week at Ukraine, according to Ukraine's air force, "
        "and Kyiv has repeatedly asked allies for more long-range missiles."
    )
    found = _pairs(f"Headline\n{sentence}\n")
    assert ("ukrainian-government", "supports") in found
    assert ("ukrainian-air-force", "supports") not in found


def test_a_relative_clause_tells_what_its_antecedent_did() -> None:
    sentence = (
        "Senator Oleg Rusin said Belgium, which on Tuesday lifted its restrictions on "
        'Belgian-funded weapons, would "learn what this means".'
    )
    found = _pairs(f"Headline\n{sentence}\n")
    assert ("belgium", "supports") in found
    assert ("oleg-rusin", "supports") not in found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            'Senator Oleg Rusin said the funders had become "legitimate co-belligerents".',
            [("oleg-rusin", "warns-against")],
        ),
        (
            'Senator Oleg Rusin said Belgium had "crossed a line it will regret".',
            [("oleg-rusin", "warns-against")],
        ),
        # Weapons held back: a refusal by action.
        (
            "Berlin has withheld the Taurus missiles since March.",
            [("german-government", "opposes")],
        ),
        # No weapon decides the war; a calque of "not a game changer".
        (
            "Analyst Pia Lund said neither weapon would decide the war.",
            [("pia-lund", "doubts-impact")],
        ),
        (
            'Analyst Pia Lund said the missile is "an important step, but not the change of the game".',
            [("pia-lund", "doubts-impact")],
        ),
        # Lifting "every remaining geographic restriction": singular, quoted, after "every".
        (
            'Senator Tom Reed wants the administration to lift "every remaining geographic '
            'restriction" on the missiles.',
            [("tom-reed", "supports")],
        ),
        # Targets struck are "objects", no objection.
        (
            "Ukrainian forces struck over 160 objects on the territory of Russia, the "
            "General Staff said.",
            [],
        ),
        # Opposition dropped is support.
        (
            "Defence Minister Ugo Renzi drops his opposition to the strikes.",
            [("ugo-renzi", "supports")],
        ),
        # What every government that lifts a limit does is nobody's stance.
        (
            '"Every government that lifts a limit tells itself it is the last one," Pia Lund said.',
            [],
        ),
        # An act denied states no stance.
        ("Berlin denied blocking the delivery of the missiles.", []),
        # A report denied states no stance.
        (
            "Spokesman Jan Pohl has denied reports that Berlin blocked the delivery of the missiles.",
            [],
        ),
    ],
)
def test_cues_denials_and_generic_acts(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(f"Headline\n{sentence}\n") == expected


def test_an_antecedent_holds_its_old_stance_and_then_the_main_clause_s() -> None:
    sentence = (
        "Belgium, which until May insisted that its weapons stay over Ukrainian territory, "
        "dropped that condition."
    )
    assert _pairs(f"Headline\n{sentence}\n") == [("belgium", "opposes"), ("belgium", "supports")]
