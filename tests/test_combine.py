"""Combining articles: merged entities, corroborated facts, disputes, stable ids."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extract.article import extract_article
from generator.extract.combine import combine
from generator.extract.similarity import similarity
from generator.extract.statements import SameStatements
from generator.schemacheck import validator
from tests.extract_support import assert_citations_exact, knowledge, seeds, text_source

A_TEXT = (
    "Germany approved the delivery of Taurus missiles to Ukraine on Monday.\n\n"
    "The Taurus has a range of 500 kilometers.\n\n"
    "Olaf Scholz did not approve the plan to send more tanks."
)
B_TEXT = (
    "On Monday, Germany approved the delivery of Taurus missiles to Ukraine, officials said.\n\n"
    "The Taurus has a range of about 310 miles.\n\n"
    "Olaf Scholz approved the plan to send more tanks."
)
PUB = dt.date(2025, 2, 5)


def cite(source_id: str, text: str, quote: str) -> dict[str, Any]:
    start = text.index(quote)
    return {"source": source_id, "quote": quote, "start": start, "end": start + len(quote)}


def article_items(
    source_id: str, text: str, **extra: list[dict[str, Any]]
) -> dict[str, list[dict[str, Any]]]:
    sentences = [s for s in text.split("\n\n")]
    claims = [
        {
            "id": f"clm-{source_id}-{i}",
            "subject": "germany",
            "text": s,
            "citations": [cite(source_id, text, s)],
        }
        for i, s in enumerate(sentences)
    ]
    return {
        "entities": [{"id": "germany", "kind": "actor", "name": "Germany"}],
        "claims": claims,
        **extra,
    }


def figure(
    source_id: str,
    text: str,
    fid: str,
    value: float,
    unit: str,
    written: str,
    hedge: str | None = None,
) -> dict[str, Any]:
    sentence = next(s for s in text.split("\n\n") if written in s)
    return {
        "id": fid,
        "subject": "taurus",
        "property": "range",
        "value": value,
        "unit": unit,
        "hedge": hedge,
        "text": written,
        "citations": [cite(source_id, text, sentence)],
    }


def sources() -> dict[str, Any]:
    return {
        "a": text_source(A_TEXT, PUB, "a", "Paper A"),
        "b": text_source(B_TEXT, PUB, "b", "Paper B"),
    }


def test_entities_merge_by_alias() -> None:
    a: dict[str, Any] = {
        "entities": [
            {
                "id": "zelenskyy",
                "kind": "actor",
                "name": "Volodymyr Zelenskyy",
                "aliases": ["Zelensky"],
            }
        ]
    }
    b: dict[str, Any] = {
        "entities": [
            {"id": "v-zelensky", "kind": "actor", "name": "Zelensky", "aliases": ["Zelenskiy"]}
        ],
        "claims": [
            {
                "id": "c1",
                "subject": "v-zelensky",
                "text": "x",
                "citations": [{"source": "b", "quote": "xyz"}],
            }
        ],
    }
    out = combine([a, b], knowledge(), {})
    (entity,) = [e for e in out["entities"] if e["id"] in ("zelenskyy", "v-zelensky")]
    assert entity["id"] == "zelenskyy" and entity["name"] == "Volodymyr Zelenskyy"
    assert sorted(entity["aliases"]) == ["Zelenskiy", "Zelensky"]
    assert out["claims"][0]["subject"] == "zelenskyy"


def test_same_claim_in_two_sources_is_one_corroborated_item() -> None:
    out = combine([article_items("b", B_TEXT), article_items("a", A_TEXT)], knowledge(), sources())
    delivery = [c for c in out["claims"] if "delivery" in c["text"]]
    assert len(delivery) == 1
    assert delivery[0]["id"] == "clm-a-0"  # the member of the source that sorts first
    assert [c["source"] for c in delivery[0]["citations"]] == ["a", "b"]
    assert_citations_exact(out["claims"], sources())


def test_negated_claim_is_a_dispute() -> None:
    out = combine([article_items("a", A_TEXT), article_items("b", B_TEXT)], knowledge(), sources())
    (dispute,) = [d for d in out["disputes"] if d["members"] == ["clm-a-2", "clm-b-2"]]
    assert "Paper A" in dispute["summary"] and "Paper B" in dispute["summary"]
    flagged = {c["id"]: c.get("flags") for c in out["claims"] if c["id"] in dispute["members"]}
    assert flagged == {"clm-a-2": ["contradicted"], "clm-b-2": ["contradicted"]}


def test_figures_that_agree_after_conversion_merge_without_dispute() -> None:
    a = article_items(
        "a", A_TEXT, figures=[figure("a", A_TEXT, "fig-a", 500, "km", "500 kilometers")]
    )
    b = article_items(
        "b", B_TEXT, figures=[figure("b", B_TEXT, "fig-b", 310, "mi", "about 310 miles", "about")]
    )
    out = combine([a, b], knowledge(), sources())
    assert [f["id"] for f in out["figures"]] == ["fig-a"]
    assert [c["source"] for c in out["figures"][0]["citations"]] == ["a", "b"]
    assert not [d for d in out["disputes"] if d.get("property") == "range"]


def test_figures_that_disagree_make_a_dispute() -> None:
    a = article_items(
        "a", A_TEXT, figures=[figure("a", A_TEXT, "fig-a", 500, "km", "500 kilometers")]
    )
    b = article_items(
        "b", B_TEXT, figures=[figure("b", B_TEXT, "fig-b", 200, "mi", "about 310 miles", "about")]
    )
    out = combine([a, b], knowledge(), sources())
    (dispute,) = [d for d in out["disputes"] if d.get("property") == "range"]
    assert dispute["members"] == ["fig-a", "fig-b"] and dispute["subject"] == "taurus"
    assert (
        dispute["summary"]
        == "Sources give different ranges for Taurus: 500 km (311 mi) vs about 200 mi (322 km)"
    )
    assert all(f["flags"] == ["contradicted"] for f in out["figures"])


def _count(source_id: str, text: str, fid: str, value: float) -> dict[str, Any]:
    item = figure(source_id, text, fid, value, "missiles", "The Taurus has a range")
    return {**item, "subject": "germany", "property": "missiles", "text": f"{value:g} missiles"}


def test_counts_of_articles_far_apart_in_time_are_no_dispute() -> None:
    """Figures told by articles published more than `moment_days` apart are of different
    moments (a night's strike in March, another in July); within the window they
    disagree. What lasts (a range) disagrees at any distance."""
    a = article_items("a", A_TEXT, figures=[_count("a", A_TEXT, "fig-a", 6)])
    b = article_items("b", B_TEXT, figures=[_count("b", B_TEXT, "fig-b", 11)])
    later = {
        "a": text_source(A_TEXT, PUB, "a", "Paper A"),
        "b": text_source(B_TEXT, PUB + dt.timedelta(days=90), "b", "Paper B"),
    }
    out = combine([copy.deepcopy(a), copy.deepcopy(b)], knowledge(), later)
    assert not [d for d in out["disputes"] if d.get("property") == "missiles"]
    assert not any(f.get("flags") for f in out["figures"])
    out = combine([copy.deepcopy(a), copy.deepcopy(b)], knowledge(), sources())
    assert [d["members"] for d in out["disputes"] if d.get("property") == "missiles"] == [
        ["fig-a", "fig-b"]
    ]
    # A lasting property (lexicon `lasting_properties`: a range) disagrees at any distance.
    a = article_items(
        "a", A_TEXT, figures=[figure("a", A_TEXT, "fig-a", 500, "km", "500 kilometers")]
    )
    b = article_items(
        "b", B_TEXT, figures=[figure("b", B_TEXT, "fig-b", 200, "mi", "about 310 miles", "about")]
    )
    out = combine([a, b], knowledge(), later)
    assert [d["members"] for d in out["disputes"] if d.get("property") == "range"] == [
        ["fig-a", "fig-b"]
    ]


def test_garbled_flag_survives_a_merge() -> None:
    a = article_items("a", A_TEXT)
    a["claims"][0]["flags"] = ["garbled"]
    out = combine([a, article_items("b", B_TEXT)], knowledge(), sources())
    (delivery,) = [c for c in out["claims"] if "delivery" in c["text"]]
    assert delivery["flags"] == ["garbled"]


def test_combine_is_deterministic_and_pure() -> None:
    items = [article_items("a", A_TEXT), article_items("b", B_TEXT)]
    before = copy.deepcopy(items)
    first = combine(items, knowledge(), sources())
    assert items == before
    assert combine(list(reversed(items)), knowledge(), sources()) == first


def test_seeds_corroborate_and_dispute() -> None:
    srcs = seeds()
    per = [extract_article(srcs[sid], knowledge()) for sid in sorted(srcs)]
    out = combine(per, knowledge(), srcs)
    for kind in ("claims", "figures", "events", "positions"):
        assert_citations_exact(out[kind], srcs)
    assert not list(validator("data").iter_errors(out)), "combined output follows the data schema"
    assert out["disputes"], "the seeds contradict each other"
    # The same reaction of Zelenskyy: Sunday in CNN, Monday in ABC.
    (date_dispute,) = [d for d in out["disputes"] if d.get("property") == "date"]
    assert date_dispute["subject"] == "volodymyr-zelenskyy"
    members = [e for e in out["events"] if e["id"] in date_dispute["members"]]
    assert sorted(e["date"] for e in members) == ["2024-11-17", "2024-11-18"]
    assert all("contradicted" in e["flags"] for e in members)
    # Ranges: 190 mi and 300 km agree, CNN's "approximately 200-mile" does not fit 300 km.
    (range_dispute,) = [d for d in out["disputes"] if d.get("property") == "range"]
    assert range_dispute["subject"] == "atacms"
    assert "approximately 200 mi (322 km)" in range_dispute["summary"]
    ids = {i["id"] for kind in ("claims", "figures", "events") for i in out[kind]}
    assert all(set(d["members"]) <= ids for d in out["disputes"])
    known = {e["id"] for e in out["entities"]}
    assert {f["subject"] for f in out["figures"]} <= known
    assert combine(list(reversed(per)), knowledge(), srcs) == out


_WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "@kyiv", "@nato"]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["s1", "s2"]),  # speaker
            st.sampled_from(["src-a", "src-b", "src-c"]),
            st.frozensets(st.sampled_from(_WORDS), max_size=5),
            st.integers(0, 5),  # event number within its source
        ),
        max_size=14,
    ),
    st.sampled_from([0.0, 0.5, 0.6, 1.0]),
    st.integers(0, 3),
)
def test_same_statements_are_the_pairs_of_similar_quotes(
    raw: list[tuple[str, str, frozenset[str], int]], threshold: float, min_shared: int
) -> None:
    """The grouped relation holds exactly for the pairs comparing every two quotes gives."""
    said = [(speaker, src, toks, f"{src}/e{n}") for speaker, src, toks, n in raw]
    expected = set()
    for i, (sa, ka, ta, ea) in enumerate(said):
        for sb, kb, tb, eb in said[:i]:
            if sa == sb and ka != kb and ea != eb and similarity(ta, tb, min_shared) >= threshold:
                expected.add(frozenset((ea, eb)))
    links = SameStatements(said, threshold, min_shared)
    events = sorted({e for *_, e in said} | {"src-a/e9"})
    for a in events:
        for b in events:
            assert (frozenset((a, b)) in links) == (frozenset((a, b)) in expected), (a, b)


def test_a_name_re_matches_but_casefolds_differently_is_kept_as_text() -> None:
    # re's case-blind match takes the dotless ı for i; its casefold is no known name.
    from generator.extract.similarity import build_similarity_rules, tokens

    rules = build_similarity_rules({}, [{"id": "sbu", "name": "Security Service"}])
    assert "@sbu" in tokens("The Security Service said", rules)
    assert "@sbu" not in tokens("The Securıty Servıce said", rules)


def test_events_naming_different_weapons_are_two_happenings_not_a_dispute() -> None:
    """ "Australia cleared Ukraine to use the Bunyip" (February) and "Canada cleared Ukraine
    to use the Narwhal" (January) read alike, but name different weapons: no dispute over
    when one thing happened. The same weapon dated differently still is one."""

    def event(source_id: str, text: str, date: str, weapon: str) -> dict[str, Any]:
        return {
            "id": f"evt-{source_id}",
            "date": date,
            "text": text,
            "actors": ["ukraine", weapon],
            "citations": [cite(source_id, text, text)],
        }

    a_text = "Australia cleared Ukraine to use its long-range drones against targets in Russia."
    b_text = "Canada cleared Ukraine to use its long-range drones against targets in Russia."
    entities = [
        {"id": "ukraine", "kind": "actor", "name": "Ukraine"},
        {"id": "bunyip", "kind": "weapon", "name": "Bunyip"},
        {"id": "narwhal", "kind": "weapon", "name": "Narwhal"},
    ]
    srcs = {
        "a": text_source(a_text, PUB, "a", "Paper A"),
        "b": text_source(b_text, PUB, "b", "Paper B"),
    }
    for b_weapon, disputed in (("narwhal", False), ("bunyip", True)):
        arts = [
            {"entities": entities, "events": [event("a", a_text, "2025-02", "bunyip")]},
            {"entities": entities, "events": [event("b", b_text, "2025-01", b_weapon)]},
        ]
        out = combine(arts, knowledge(), srcs)
        dates = [d for d in out["disputes"] if d.get("property") == "date"]
        assert bool(dates) is disputed, b_weapon
