"""Positions on the explainer's question, and the scoring script."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys

import pytest
import yaml

from generator.extract import positions
from generator.extract.article import extract_article
from tests._extract_support import ANNOTATIONS, FIXTURES, ROOT, extracted, fixtures
from tests.extract_support import knowledge, text_source


def _positions(source_id: str) -> dict[tuple[str, str], dict[str, object]]:
    return {(p["actor"], p["stance"]): p for p in extracted(source_id)["positions"]}  # type: ignore[misc]


def test_stance_ids_come_from_the_explainer() -> None:
    explainer = yaml.safe_load((ROOT / "data" / "explainer.yaml").read_text("utf-8"))["explainer"]
    stance_ids = {s["id"] for s in explainer["stances"]}
    assert {"supports", "opposes", "warns-against", "doubts-impact", "unclear"} == stance_ids
    for source_id in ("abc-2024-11-18", "cnn-2024-11-17", "taurus-2025-05-06"):
        assert {stance for _, stance in _positions(source_id)} <= stance_ids


def test_changed_stance_gives_one_position_per_stance() -> None:
    positions = _positions("taurus-2025-05-06")
    assert "as_of" not in positions[("olaf-scholz", "opposes")]
    assert positions[("olaf-scholz", "warns-against")]["as_of"] == "2025-03"
    assert ("andrii-sybiha", "supports") in positions
    assert ("institute-for-the-study-of-war", "doubts-impact") in positions


def test_seed_positions() -> None:
    abc = _positions("abc-2024-11-18")
    assert ("dmitry-peskov", "warns-against") in abc
    assert ("ivan-stupak", "doubts-impact") in abc
    assert ("oleksandr-merezhko", "supports") in abc
    cnn = _positions("cnn-2024-11-17")
    assert cnn[("vladimir-putin", "warns-against")]["as_of"] == "2024-09"
    assert ("joe-biden", "opposes") in cnn and ("joe-biden", "supports") in cnn


def test_score_script_reports_every_type() -> None:
    spec = importlib.util.spec_from_file_location(
        "score_extraction", ROOT / "scripts" / "score_extraction.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["score_extraction"] = module
    spec.loader.exec_module(module)
    totals = module.score_all(ANNOTATIONS, FIXTURES)
    assert set(totals) >= {"entities", "quotes", "speakers", "positions", "claims"}
    for name in ("entities", "quotes", "speakers", "positions", "claims"):
        assert totals[name].expected > 0
        assert totals[name].recall >= 0.8, name
    # Two claims of one sentence cite the same sentence: each stands for its own row.
    sentence = "X said A was right, adding that B was wrong."
    found = [
        {"kind": "reported", "text": t, "citation": {"quote": sentence}}
        for t in ("A was right", "B was wrong.")
    ]
    gold = [{"kind": "reported", "text": "A was right"}, {"kind": "reported", "text": "B was"}]
    assert [(q["text"], g["text"]) for q, g in module._pairs(found, gold)] == [
        ("A was right", "A was right"),
        ("B was wrong.", "B was"),
    ]


def _stances(text: str) -> list[tuple[str, str, str]]:
    """(actor, stance, summary) of an in-memory article with one paragraph."""
    found = extract_article(text_source(f"Headline\n{text}\n", dt.date(2025, 1, 10)), knowledge())
    return sorted((p["actor"], p["stance"], p["summary"]) for p in found["positions"])  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A supports cue in the subject of a consequence predicate is its topic: the
        # predicate's cue speaks, and a name inside the topic is nobody's position.
        (
            "Marie Dubois said permission to use the missiles inside Russia would amount to "
            "an act of war.",
            [
                (
                    "marie-dubois",
                    "warns-against",
                    "Permission to use the missiles inside Russia would amount to an act of war.",
                )
            ],
        ),
        (
            "Senator Paul Hart said any approval of such strikes would drag America into the war.",
            [
                (
                    "paul-hart",
                    "warns-against",
                    "Any approval of such strikes would drag America into the war.",
                )
            ],
        ),
        # A supports cue as the object of a warning.
        (
            "Foreign Minister Lena Koch warned against easing the restrictions on long-range "
            "weapons.",
            [
                (
                    "lena-koch",
                    "warns-against",
                    "Foreign Minister Lena Koch warned against easing the restrictions on "
                    "long-range weapons.",
                )
            ],
        ),
        # An open question, held by names that only qualify a noun: no position.
        (
            "German and Polish talks on whether to lift the restrictions on long-range strikes "
            "continued in Warsaw.",
            [],
        ),
        (
            "Britain talks on lifting the restrictions on long-range strikes went on.",
            [],
        ),
        # A condition's cue is the topic of the clause after it.
        (
            "If Berlin approves the long-range strikes, Moscow will retaliate, said Igor Volkov.",
            [
                (
                    "igor-volkov",
                    "warns-against",
                    "If Berlin approves the long-range strikes, Moscow will retaliate.",
                ),
                (
                    "russian-government",
                    "warns-against",
                    "If Berlin approves the long-range strikes, Moscow will retaliate.",
                ),
            ],
        ),
        # Plain support keeps working.
        (
            "Minister Anna Lind urged allies to lift the restrictions on long-range strikes.",
            [
                (
                    "anna-lind",
                    "supports",
                    "Minister Anna Lind urged allies to lift the restrictions on long-range "
                    "strikes.",
                )
            ],
        ),
    ],
)
def test_stance_frames(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _stances(text) == expected


def test_lowered_cue_search_matches_case_blind_search() -> None:
    """The fast path (lower-cased ASCII text, case-sensitive pattern) finds what the
    case-blind pattern finds, at the same offsets."""
    rules = positions.topics._topic_rules(knowledge())
    assert rules.every is not None and rules.lower is not None
    names = {name: (stance, needs) for name, stance, needs in rules.groups}
    for source in fixtures().values():
        text = source.text
        if not text.isascii():
            continue
        blind = [(m.span(), names[str(m.lastgroup)]) for m in rules.every.finditer(text)]
        fast = [(m.span(), names[str(m.lastgroup)]) for m in rules.lower.finditer(text.lower())]
        assert fast == blind, source.id


def _pairs(text: str) -> list[tuple[str, str]]:
    return sorted((actor, stance) for actor, stance, _summary in _stances(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The actor's own verb carries the stance (lexicon `topic_stance_cues`).
        (
            '"Our weapons are for Ukraine to defend its own territory, not to attack Russia," '
            "Defence Minister Elena Varga said, adding that her country would not change that "
            "position.",
            [("elena-varga", "opposes")],
        ),
        (
            "Defence Minister Tomas Lind said his country had attached no such conditions and "
            "that Kyiv had the right under international law to hit military targets.",
            [("tomas-lind", "supports")],
        ),
        # A place named after "in" holds no stance.
        (
            "The decision to allow the use of the missiles in Russia had been under "
            "consideration for several months.",
            [],
        ),
        (
            'Former President Igor Sarkisov wrote on Telegram: "The British have now joined '
            'the war directly. They will be answered."',
            [("igor-sarkisov", "warns-against")],
        ),
        (
            "Opposition leader Anna Lindqvist said she would be ready to deliver the cruise "
            "missiles to Ukraine.",
            [("anna-lindqvist", "supports")],
        ),
        (
            "President Volodymyr Zelenskyy has asked Berlin for the missiles since May.",
            [("volodymyr-zelenskyy", "supports")],
        ),
        (
            "Foreign Minister Margus Tsahkna has long pressed allies to drop the restrictions "
            "on long-range weapons.",
            [("margus-tsahkna", "supports")],
        ),
        (
            "Prime Minister Donald Tusk welcomed the move to let Kyiv use Storm Shadow "
            "missiles against targets in Russia.",
            [("donald-tusk", "supports")],
        ),
        (
            "Prime Minister Viktor Orban criticised the decision to allow long-range strikes "
            "on Russian territory.",
            [("viktor-orban", "opposes")],
        ),
        (
            "Prime Minister Robert Fico condemned the plan to send more missiles to Ukraine.",
            [("robert-fico", "opposes")],
        ),
        (
            "Defence Minister Guido Crosetto pushed back on calls to allow Italian weapons to "
            "be used on Russian soil.",
            [("guido-crosetto", "opposes")],
        ),
        (
            "Chancellor Olaf Scholz again rejected calls to send Taurus cruise missiles.",
            [("olaf-scholz", "opposes")],
        ),
        (
            "Defence Minister Ruben Brekelmans praised allies who had lifted the restrictions "
            "on their weapons.",
            [("ruben-brekelmans", "supports")],
        ),
        # A judgement of the decision outranks the decision it names.
        (
            "Foreign Minister Sergei Lavrov called the decision to allow the strikes reckless.",
            [("sergei-lavrov", "warns-against")],
        ),
        # Arguments for, against and about the impact.
        (
            "Kaja Kallas said member states should stop limiting how Ukraine uses the weapons "
            "they supply.",
            [("kaja-kallas", "supports")],
        ),
        (
            "Senator Roger Wicker said the limits on long-range weapons tie Kyiv's hands.",
            [("roger-wicker", "supports")],
        ),
        (
            "Jens Stoltenberg said Ukraine has the right to strike legitimate military targets "
            "in Russia.",
            [("jens-stoltenberg", "supports")],
        ),
        (
            "Andrii Sybiha said Russia's red lines were a bluff.",
            [("andrii-sybiha", "supports")],
        ),
        (
            "Volodymyr Zelenskyy said permission to strike targets inside Russia would save lives.",
            [("volodymyr-zelenskyy", "supports")],
        ),
        (
            "Maria Zakharova said the West was playing with fire by allowing strikes with "
            "long-range missiles.",
            [("maria-zakharova", "warns-against")],
        ),
        (
            "Michael Kofman said the missiles were too few in number to change the course of "
            "the war.",
            [("michael-kofman", "doubts-impact")],
        ),
        (
            "Dara Massicot said the benefit of the strikes would be modest.",
            [("dara-massicot", "doubts-impact")],
        ),
        (
            "John Kirby said the administration was constantly reviewing its policy.",
            [("john-kirby", "unclear")],
        ),
        # A warning is the speaker's: the subject of the reported clause holds none.
        (
            "Kremlin spokesman Dmitry Peskov said Moscow would respond to any strikes with "
            "long-range missiles.",
            [("dmitry-peskov", "warns-against")],
        ),
        # Reluctance, keeping the limits, leaving the choice to Ukraine, no comment.
        (
            "Chancellor Olaf Scholz has been reluctant to allow strikes with German weapons "
            "inside Russia.",
            [("olaf-scholz", "opposes")],
        ),
        (
            "President Joe Biden kept the restrictions on long-range strikes in place for months.",
            [("joe-biden", "opposes")],
        ),
        (
            "Foreign Secretary David Lammy said it was up to Ukraine how to use the weapons.",
            [("david-lammy", "supports")],
        ),
        (
            "Prime Minister Mark Rutte expressed support for lifting the restrictions on "
            "long-range strikes.",
            [("mark-rutte", "supports")],
        ),
        (
            "Defence Minister Boris Pistorius declined to comment on the strikes inside Russia.",
            [("boris-pistorius", "unclear")],
        ),
        (
            "Foreign Minister Sergei Lavrov called the decision a provocation and said the "
            "strikes would not go unanswered.",
            [("sergei-lavrov", "warns-against")],
        ),
        # Off the question: no stance.
        ("Minister Anna Lind visited the missile factory on Monday.", []),
        ("Marie Dubois welcomed the new trade agreement with Canada.", []),
    ],
)
def test_stance_verbs_of_the_actor(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(text) == expected


def test_a_pronoun_opening_the_sentence_is_the_person_named_before() -> None:
    text = (
        "Defence Minister Rustem Umerov visited Washington on Monday.\n"
        "He urged allies to lift the restrictions on long-range strikes."
    )
    assert _pairs(text) == [("rustem-umerov", "supports")]
    # Only a person: "they" after two countries names nobody.
    assert (
        _pairs(
            "Ukraine and Britain met on Monday.\n"
            "They urged allies to lift the restrictions on long-range strikes."
        )
        == []
    )


def test_a_vote_against_a_bill_told_before_takes_the_other_side_of_the_bill() -> None:
    story = (
        "A bill by Rep. Lena Haskins, R-Ohio, that would bar Ukraine from using U.S.-made "
        "weapons inside Russia cleared a committee in January.\n\n"
        "Rep. Daniel Carrillo, a Democrat whose district includes the plant, said he would "
        "vote against it.\n"
    )
    found = extract_article(text_source(story, dt.date(2028, 3, 10)), knowledge())
    stances = {(p["actor"], p["stance"]) for p in found["positions"]}
    # The bill's owner is named with her party and state; "it" is the bill.
    assert {("lena-haskins", "opposes"), ("daniel-carrillo", "supports")} <= stances
    # "a Democrat" says what Carrillo is: his party cast no vote.
    assert not any(a == "democratic-party" for a, _s in stances)
