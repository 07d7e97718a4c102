"""The hand annotations that scripts/score_extraction.py scores against are themselves sound.

A misspelt quote or an undeclared speaker in a gold file would silently lower a score; these
checks make such a slip fail loudly instead. They read the annotations and the article text
only, never the extractor's output.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
# (annotation folder, folder holding the annotated articles)
SETS = [
    (FIXTURES / "annotations", FIXTURES / "articles"),
    (FIXTURES / "blind" / "annotations", FIXTURES / "blind" / "articles"),
    (FIXTURES / "blind2" / "annotations", FIXTURES / "blind2" / "articles"),
    (FIXTURES / "blind3" / "annotations", FIXTURES / "blind3" / "articles"),
    (FIXTURES / "blind4" / "annotations", FIXTURES / "blind4" / "articles"),
    (FIXTURES / "blind5" / "annotations", FIXTURES / "blind5" / "articles"),
    (FIXTURES / "blind6" / "annotations", FIXTURES / "blind6" / "articles"),
    (FIXTURES / "blind7" / "annotations", FIXTURES / "blind7" / "articles"),
    (FIXTURES / "blind8" / "annotations", FIXTURES / "blind8" / "articles"),
    (FIXTURES / "blind9" / "annotations", FIXTURES / "blind9" / "articles"),
    (FIXTURES / "blind10" / "annotations", FIXTURES / "blind10" / "articles"),
    (FIXTURES / "blind11" / "annotations", FIXTURES / "blind11" / "articles"),
    (FIXTURES / "blind12" / "annotations", FIXTURES / "blind12" / "articles"),
    (FIXTURES / "blind13" / "annotations", FIXTURES / "blind13" / "articles"),
    (FIXTURES / "blind14" / "annotations", FIXTURES / "blind14" / "articles"),
    (FIXTURES / "blind15" / "annotations", FIXTURES / "blind15" / "articles"),
    (FIXTURES / "blind16" / "annotations", FIXTURES / "blind16" / "articles"),
    (FIXTURES / "blind17" / "annotations", FIXTURES / "blind17" / "articles"),
    (FIXTURES / "blind18" / "annotations", FIXTURES / "blind18" / "articles"),
    (FIXTURES / "blind19" / "annotations", FIXTURES / "blind19" / "articles"),
    (FIXTURES / "blind20" / "annotations", FIXTURES / "blind20" / "articles"),
    (FIXTURES / "blind21" / "annotations", FIXTURES / "blind21" / "articles"),
    (FIXTURES / "blind22" / "annotations", FIXTURES / "blind22" / "articles"),
    (FIXTURES / "blind23" / "annotations", FIXTURES / "blind23" / "articles"),
    (FIXTURES / "blind24" / "annotations", FIXTURES / "blind24" / "articles"),
    (FIXTURES / "blind25" / "annotations", FIXTURES / "blind25" / "articles"),
    (FIXTURES / "blind26" / "annotations", FIXTURES / "blind26" / "articles"),
    (FIXTURES / "blind27" / "annotations", FIXTURES / "blind27" / "articles"),
    (FIXTURES / "blind28" / "annotations", FIXTURES / "blind28" / "articles"),
    (FIXTURES / "blind29" / "annotations", FIXTURES / "blind29" / "articles"),
    (FIXTURES / "blind30" / "annotations", FIXTURES / "blind30" / "articles"),
    (FIXTURES / "blind31" / "annotations", FIXTURES / "blind31" / "articles"),
    (FIXTURES / "blind32" / "annotations", FIXTURES / "blind32" / "articles"),
    (FIXTURES / "blind33" / "annotations", FIXTURES / "blind33" / "articles"),
    (FIXTURES / "seed-annotations", ROOT / "seeds"),
]
FILES = [(path, articles) for folder, articles in SETS for path in sorted(folder.glob("*.yaml"))]
STANCES = {
    s["id"]
    for s in yaml.safe_load((ROOT / "data" / "explainer.yaml").read_text())["explainer"]["stances"]
}


def _problems(gold: dict[str, Any], text: str) -> list[str]:
    declared = {e["id"] for e in gold.get("entities", [])}
    problems = []
    for quote in gold.get("quotes", []):
        if quote["text"] not in text:
            problems.append(f"quote not in article: {quote['text']!r}")
        if declared and quote.get("speaker") and quote["speaker"] not in declared:
            problems.append(f"speaker not declared as an entity: {quote['speaker']}")
    for event in gold.get("events", []):
        if event["starts"] not in text:
            problems.append(f"event start not in article: {event['starts']!r}")
    for sentence in gold.get("garbled", []):
        if sentence not in text:
            problems.append(f"garbled sentence not in article: {sentence!r}")
    for claim in gold.get("claims", []):
        if claim["starts"] not in text:
            problems.append(f"claim start not in article: {claim['starts']!r}")
    for position in gold.get("positions", []):
        if position["stance"] not in STANCES:
            problems.append(f"unknown stance: {position['stance']}")
        if declared and position["actor"] not in declared:
            problems.append(f"actor not declared as an entity: {position['actor']}")
    for figure in gold.get("figures", []):
        if declared and figure["subject"] not in declared:
            problems.append(f"figure subject not declared as an entity: {figure['subject']}")
    return problems


def test_every_set_has_annotations() -> None:
    for folder, _articles in SETS:
        assert list(folder.glob("*.yaml")), f"no annotations in {folder}"


@pytest.mark.parametrize(
    ("path", "articles"), FILES, ids=[f"{p.parent.name}/{p.stem}" for p, _ in FILES]
)
def test_annotation_matches_its_article(path: Path, articles: Path) -> None:
    gold = yaml.safe_load(path.read_text("utf-8"))
    article = articles / f"{gold['source']}.txt"
    assert article.is_file(), f"{path}: no article {article}"
    assert _problems(gold, article.read_text("utf-8")) == []


def test_the_check_finds_a_misquote() -> None:
    gold = {
        "entities": [{"id": "a"}],
        "quotes": [{"text": "not said", "speaker": "b"}],
        "positions": [{"actor": "a", "stance": "no-such-stance"}],
    }
    assert _problems(gold, "It was said.") == [
        "quote not in article: 'not said'",
        "speaker not declared as an entity: b",
        "unknown stance: no-such-stance",
    ]
