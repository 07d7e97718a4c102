"""Precision and recall of the extractor against hand annotations.

Usage: python scripts/score_extraction.py [annotations-dir] [articles-dir]

Each annotation file (tests/fixtures/annotations/<source id>.yaml) lists what a careful
reader extracts from one article. One scoring function per fact type; add a function to
SCORERS for a new type (figures, events).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from generator.extract.article import extract_article, fold_quotation_marks
from generator.extract.debris import debris_sentences
from generator.extract.knowledge import Knowledge, build_knowledge
from generator.extract.sentences import split_sentences
from generator.lexicon import load_lexicon
from generator.sources import Source, load_sources

ROOT = Path(__file__).resolve().parents[1]
Item = dict[str, Any]


@dataclass
class Score:
    true_positives: int = 0
    predicted: int = 0
    expected: int = 0

    def add(self, other: Score) -> None:
        self.true_positives += other.true_positives
        self.predicted += other.predicted
        self.expected += other.expected

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.expected if self.expected else 1.0


def _sets(predicted: set[Any], expected: set[Any]) -> Score:
    return Score(len(predicted & expected), len(predicted), len(expected))


def score_entities(found: dict[str, list[Item]], gold: Item, source: Source) -> Score:
    return _sets({e["id"] for e in found["entities"]}, {e["id"] for e in gold.get("entities", [])})


def _candidates(q: Item, gold_quotes: list[Item]) -> list[Item]:
    """The annotated quotes `q` may stand for, best first: a direct quote's same words; a
    reported claim's words contained in its text, then in its sentence (two claims of one
    sentence, "said A, adding that B", both cite the whole sentence)."""
    if q["kind"] == "direct":
        return [g for g in gold_quotes if g["kind"] == "direct" and g["text"] == q["text"]]
    cited = [
        g for g in gold_quotes if g["kind"] == "reported" and g["text"] in q["citation"]["quote"]
    ]
    return sorted(cited, key=lambda g: g["text"] not in q["text"])


def _pairs(found: list[Item], gold_quotes: list[Item]) -> list[tuple[Item, Item]]:
    """(extracted, annotated) pairs, one to one: each annotated quote counts once. Claims
    whose own words hold an annotated row are paired first, then those whose sentence does."""
    used: set[int] = set()
    paired: dict[int, tuple[Item, Item]] = {}
    for strict in (True, False):
        for i, q in enumerate(found):
            if i in paired:
                continue
            for g in _candidates(q, gold_quotes):
                own = q["kind"] == "direct" or g["text"] in q["text"]
                if id(g) not in used and (own or not strict):
                    used.add(id(g))
                    paired[i] = (q, g)
                    break
    return [paired[i] for i in sorted(paired)]


def score_quotes(found: dict[str, list[Item]], gold: Item, source: Source) -> Score:
    gold_quotes = gold.get("quotes", [])
    return Score(len(_pairs(found["quotes"], gold_quotes)), len(found["quotes"]), len(gold_quotes))


def score_speakers(found: dict[str, list[Item]], gold: Item, source: Source) -> Score:
    """A speaker counts when the quote matches and its speaker is the annotated one."""
    gold_quotes = gold.get("quotes", [])
    right = {
        id(g)
        for q, g in _pairs(found["quotes"], gold_quotes)
        if g.get("speaker") and g.get("speaker") == q.get("speaker")
    }
    predicted = sum(1 for q in found["quotes"] if q.get("speaker"))
    return Score(len(right), predicted, sum(1 for g in gold_quotes if g.get("speaker")))


def score_positions(found: dict[str, list[Item]], gold: Item, source: Source) -> Score:
    return _sets(
        {(p["actor"], p["stance"]) for p in found["positions"]},
        {(p["actor"], p["stance"]) for p in gold.get("positions", [])},
    )


def score_claims(found: dict[str, list[Item]], gold: Item, source: Source) -> Score:
    """A claim counts when its sentence is annotated with the same subject."""
    expected = {(c["starts"], c["subject"]) for c in gold.get("claims", [])}
    predicted = set()
    for claim in found["claims"]:
        starts = next((s for s, _ in expected if claim["text"].startswith(s)), claim["text"])
        predicted.add((starts, claim["subject"]))
    return _sets(predicted, expected)


def score_garbled(found: dict[str, list[Item]], gold: Item, source: Source) -> Score:
    """Garbled sentences, named or not (a fragment often names nobody, so has no claim)."""
    knowledge = _knowledge()
    # Read with its quotation marks folded, as `extract_article` reads it: the sentences
    # are the same, offsets too.
    folded = replace(source, text=fold_quotation_marks(source.text))
    sentences = split_sentences(folded, knowledge.split)
    flagged = {source.text[s.start : s.end] for s in debris_sentences(folded, sentences, knowledge)}
    return _sets(flagged, set(gold.get("garbled", [])))


def _amount(value: Any) -> Any:
    return tuple(float(v) for v in value) if isinstance(value, list) else float(value)


@lru_cache(maxsize=1)
def _unit_ids() -> dict[str, str]:
    """Unit symbols as written in annotations ("km/h", ANNOTATING.md) to the unit ids the
    extractor writes ("kmh"): one unit under two spellings is no miss."""
    data = yaml.safe_load((ROOT / "data" / "lexicon" / "units.yaml").read_text()) or {}
    return {
        str(u["symbol"]): str(u["id"])
        for u in data.get("units") or []
        if u.get("symbol") and u.get("symbol") != u.get("id")
    }


def _figure_key(f: Item) -> tuple[Any, ...]:
    unit = f.get("unit")
    return (f["subject"], _amount(f["value"]), _unit_ids().get(unit, unit) if unit else unit)


def score_figures(found: dict[str, list[Item]], gold: Item, source: Source) -> Score:
    """A figure counts when subject, value and unit match the annotation."""
    return _sets(
        {_figure_key(f) for f in found["figures"]},
        {_figure_key(f) for f in gold.get("figures", [])},
    )


def score_properties(found: dict[str, list[Item]], gold: Item, source: Source) -> Score:
    """Stricter: the property name (range, cost, ...) must match as well."""

    def key(f: Item) -> tuple[Any, ...]:
        return (*_figure_key(f), f.get("property"))

    return _sets({key(f) for f in found["figures"]}, {key(f) for f in gold.get("figures", [])})


def score_events(found: dict[str, list[Item]], gold: Item, source: Source) -> Score:
    """An event counts when its date and `until` match and its text starts as annotated."""
    expected = {(str(e["date"]), str(e.get("until")), e["starts"]) for e in gold.get("events", [])}
    predicted = set()
    for event in found["events"]:
        # The first words, with or without an opening quotation mark ('"Russia does not').
        text, bare = event["text"], event["text"].lstrip('"“«„ ')
        starts = next((s for _, _, s in expected if text.startswith(s) or bare.startswith(s)), text)
        predicted.add((str(event["date"]), str(event.get("until")), starts))
    return _sets(predicted, expected)


@lru_cache(maxsize=1)
def _knowledge() -> Knowledge:
    lexicon, _problems = load_lexicon(ROOT / "data" / "lexicon")
    return build_knowledge(lexicon, [])


SCORERS: dict[str, Callable[[dict[str, list[Item]], Item, Source], Score]] = {
    "entities": score_entities,
    "quotes": score_quotes,
    "speakers": score_speakers,
    "positions": score_positions,
    "claims": score_claims,
    "garbled": score_garbled,
    "figures": score_figures,
    "fig+prop": score_properties,
    "events": score_events,
}
# The annotation key each scorer reads. A file scores only the types it annotates, so
# figures-*.yaml and events-*.yaml files do not count every entity as a false positive.
GOLD_KEYS = {"speakers": "quotes", "fig+prop": "figures"}


def score_all(annotations: Path, articles: Path) -> dict[str, Score]:
    knowledge = _knowledge()
    lexicon = knowledge.lexicon
    assert lexicon is not None
    sources, _problems = load_sources(articles, lexicon.layout)
    by_id = {s.id: s for s in sources}
    totals = {name: Score() for name in SCORERS}
    for path in sorted(annotations.glob("*.yaml")):
        gold = yaml.safe_load(path.read_text("utf-8"))
        source = by_id[gold["source"]]
        found = extract_article(source, knowledge)
        for name, scorer in SCORERS.items():
            if GOLD_KEYS.get(name, name) in gold:
                totals[name].add(scorer(found, gold, source))
    return totals


def main(argv: list[str]) -> int:
    annotations = Path(argv[1]) if len(argv) > 1 else ROOT / "tests" / "fixtures" / "annotations"
    articles = Path(argv[2]) if len(argv) > 2 else ROOT / "tests" / "fixtures" / "articles"
    out = sys.stdout
    out.write(f"{'type':<10} {'precision':>9} {'recall':>7}  (tp/predicted/expected)\n")
    for name, score in score_all(annotations, articles).items():
        out.write(
            f"{name:<10} {score.precision:>9.2f} {score.recall:>7.2f}  "
            f"({score.true_positives}/{score.predicted}/{score.expected})\n"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
