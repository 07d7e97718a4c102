"""Constructions the extractor must read in any article: governments written as their
capital or "the <Demonym> government", counts owned by the actor before them, money with
abbreviated scales, terms in quotation marks, speakers named after an organisation, and
positions with one-line summaries. Each article here is made up for the test."""

from __future__ import annotations

import datetime as dt
from typing import Any

from generator.extract.article import extract_article
from generator.extract.quantities import find_quantities, rules_for
from tests.extract_support import assert_citations_exact, knowledge, lexicon, text_source

DAY = dt.date(2025, 3, 12)  # a Wednesday


def _extract(text: str) -> dict[str, list[dict[str, Any]]]:
    source = text_source(text, DAY)
    found = extract_article(source, knowledge())
    for key in ("figures", "events", "claims", "positions"):
        assert_citations_exact(found[key], {source.id: source})
    return found


def _figures(text: str) -> set[tuple[Any, ...]]:
    return {(f["subject"], f["value"], f["unit"]) for f in _extract(text)["figures"]}


def test_demonym_government_and_capitals_map_onto_government_entities() -> None:
    found = _extract(
        "The Dutch government said on Monday it would send more aid.\n\n"
        "Officials in The Hague and Paris declined to comment, while Berlin stayed silent."
    )
    ids = {e["id"] for e in found["entities"]}
    assert {"dutch-government", "french-government", "german-government"} <= ids
    assert "the-hague" not in ids


def test_money_with_abbreviated_scales() -> None:
    rules = rules_for(lexicon().data)
    got = [
        (q.text, q.value, q.unit) for q in find_quantities("Oslo added €750m and £1.2bn.", rules)
    ]
    assert got == [("€750m", 7.5e8, "eur"), ("£1.2bn", 1.2e9, "gbp")]
    # Without a currency sign "m" is no million.
    assert find_quantities("a 400m runway", rules) == []


def test_count_belongs_to_the_actor_before_it_not_the_weapon_counted() -> None:
    figures = _figures("Norway pledged 12 F-16 fighter jets to Ukraine on Monday.")
    assert figures == {("norway", 12, "aircraft")}


def test_count_owned_by_clause_subject_and_by_origin() -> None:
    figures = _figures(
        "Poland approved a new package for Ukraine, including six Patriot launchers.\n\n"
        "Canada sent money, and 800 soldiers from Sweden arrived on Monday."
    )
    assert ("poland", 6, "launchers") in figures
    assert ("sweden", 800, "troops") in figures


def test_count_owner_from_a_nationality_word() -> None:
    figures = _figures("Russian forces fired 90 drones at Kharkiv overnight, Ukraine said.")
    assert figures == {("russia", 90, "drones")}


def test_cost_belongs_to_the_weapon_named_earlier() -> None:
    figures = _figures(
        "Italy will send Storm Shadow missiles to Ukraine.\n\n"
        "Officials met in Rome on Monday to discuss the plan.\n\n"
        "Each missile costs about $1 million, officials said."
    )
    assert ("storm-shadow", 1_000_000, "usd") in figures


def test_share_of_a_group_counted_before() -> None:
    figures = _figures(
        "Russia launched 300 drones at Ukraine overnight. About 10% of the drones got through."
    )
    assert ("russia", 10, "percent") in figures


def test_scare_quotes_and_unattributed_words_are_not_quotes() -> None:
    # A single word someone is said to have said is their word ("unworkable"); a term
    # after a scare cue or in a sentence where nobody speaks is not.
    found = _extract(
        'The so-called "coalition of the willing" met in Paris on Monday.\n\n'
        'Analyst Jan Novak said the plan was "unworkable" and warned of "new risks."\n\n'
        'The "peace formula" was not discussed. The "decisive" phase has begun.'
    )
    direct = {q["text"]: q["speaker"] for q in found["quotes"] if q["kind"] == "direct"}
    assert direct == {"unworkable": "jan-novak", "new risks.": "jan-novak"}


def test_speaker_is_the_person_not_their_institute() -> None:
    found = _extract(
        "Researcher Anna Lind of the Baltic Defence Institute said the drones were obsolete."
    )
    (quote,) = found["quotes"]
    assert (quote["kind"], quote["speaker"]) == ("reported", "anna-lind")


def test_the_ministry_said_refers_back_to_the_ministry() -> None:
    found = _extract(
        "The Polish Defence Ministry said on Monday that it had ordered new radars.\n\n"
        "Deliveries will begin next year, the ministry said in a statement."
    )
    speakers = {q["speaker"] for q in found["quotes"]}
    assert speakers == {"polish-defence-ministry"}
    texts = {q["text"] for q in found["quotes"]}
    assert "Deliveries will begin next year" in texts


def test_object_of_a_promise_is_no_reported_speech() -> None:
    found = _extract("Spain promised a further €300m for Ukraine on Monday.")
    assert found["quotes"] == []


def test_positions_have_summaries_and_need_the_topic_for_ordinary_verbs() -> None:
    found = _extract(
        "Canada approved a new trade agreement with Mexico on Monday.\n\n"
        "Belgium refused to provide F-16 jets for strikes inside Russia.\n\n"
        'Analyst Jan Novak said the missiles were "too little, too late" for Ukraine.'
    )
    positions = {(p["actor"], p["stance"]): p["summary"] for p in found["positions"]}
    assert positions == {
        ("belgium", "opposes"): "Belgium refused to provide F-16 jets for strikes inside Russia.",
        ("jan-novak", "doubts-impact"): "\u201ctoo little, too late\u201d",
    }


def test_later_cue_of_another_actor_in_the_same_sentence() -> None:
    found = _extract(
        "Finland said it would be open to sending long-range missiles, "
        "a step Sweden refused to take."
    )
    stances = {(p["actor"], p["stance"]) for p in found["positions"]}
    assert stances == {("finland", "supports"), ("sweden", "opposes")}


def test_the_next_year_is_no_calendar_date() -> None:
    found = _extract("Denmark will train pilots over the next year, officials said.")
    assert found["events"] == []
