"""Claims, garble flags, and the grounding of everything extracted."""

from __future__ import annotations

import pytest

from generator.extract.claims import garbled_sentences, is_garbled
from generator.extract.sentences import split_sentences
from generator.schemacheck import validator
from tests._extract_support import MY_FIXTURES, extracted, fixtures, knowledge, seeds, source


def _claims(source_id: str) -> dict[str, dict[str, object]]:
    return {c["text"]: c for c in extracted(source_id)["claims"]}  # type: ignore[misc]


def test_subject_is_the_person_a_role_qualifies() -> None:
    claims = _claims("gripen-2025-03-04")
    peskov = next(c for t, c in claims.items() if t.startswith("Kremlin spokesperson"))
    assert peskov["subject"] == "dmitry-peskov"
    assert peskov["mentions"] == ["russian-government"]


def test_garbled_fragments_are_flagged_and_clean_text_is_not() -> None:
    src = source("taurus-2025-05-06")
    flagged = [
        src.text[s.start : s.end] for s in garbled_sentences(src, split_sentences(src), knowledge())
    ]
    assert flagged == ["is causing it.", "This is because there was."]
    clean = source("abc-2024-11-18")
    assert garbled_sentences(clean, split_sentences(clean), knowledge()) == []


def test_seed_garble() -> None:
    src = source("cnn-2024-11-17")
    flagged = {
        src.text[s.start : s.end] for s in garbled_sentences(src, split_sentences(src), knowledge())
    }
    assert {
        "allowed to do so.",
        "is causing it.",
        ", could not be refilled immediately.",
        "There wasn’t.",
    } <= flagged
    assert "U.S. officials were divided over whether to accept the new capabilities." not in flagged


@pytest.mark.parametrize(
    ("text", "garbled"),
    [
        ("This list was an important part of the plan.", False),
        ("and the rest.", True),
        ("CNN.", True),
        ("The leaders met twice", True),
    ],
)
def test_garble_cues(text: str, garbled: bool) -> None:
    assert is_garbled(text, None, knowledge()) is garbled


ALL = [*sorted(seeds()), *MY_FIXTURES]


@pytest.mark.parametrize("source_id", ALL)
def test_everything_extracted_is_grounded_and_valid(source_id: str) -> None:
    """Every citation's span is its quote; every item follows the data schema."""
    src = source(source_id)
    result = extracted(source_id)
    assert not list(validator("data").iter_errors({k: v for k, v in result.items()}))
    ids = [item["id"] for items in result.values() for item in items]
    assert len(ids) == len(set(ids))
    entity_ids = {e["id"] for e in result["entities"]}
    for kind, items in result.items():
        for item in items:
            cites = item.get("citations") or ([item["citation"]] if "citation" in item else [])
            for cite in cites:
                assert cite["source"] == src.id
                assert src.text[cite["start"] : cite["end"]] == cite["quote"], (kind, item["id"])
            if kind in ("claims", "quotes", "positions"):
                assert item["status"] == "extracted"
                for ref in (
                    item.get("subject"),
                    item.get("speaker"),
                    item.get("actor"),
                    *item.get("mentions", []),
                ):
                    assert ref is None or ref in entity_ids, (kind, ref)


def test_extraction_is_deterministic() -> None:
    from generator.extract.article import extract_article

    for src in [*seeds().values(), *fixtures().values()]:
        assert extract_article(src, knowledge()) == extract_article(src, knowledge())
