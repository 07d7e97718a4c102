"""A small, deterministic stand-in for the real extractor, for testing merge and run.

Each body paragraph "<First> <Last> reported <n> <noun> near <place>." yields an entity
(the first two words), a claim (the paragraph) and a figure (n). Across sources, equal
claims are combined under a *new* id that depends on the citing sources, so corroboration
changes ids the way the real combiner may; figures of one subject that disagree make a
dispute. Also a helper to write synthetic seeds.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from generator.sources import Source

Extracted = dict[str, list[dict[str, Any]]]
NAMES = ["Alpha Corp", "Beta Agency", "Gamma Group", "Delta Office"]
NOUNS = ["drones", "tanks", "missiles", "troops"]
PLACES = ["Harbor", "Ridge", "Valley", "Plain", "Delta"]


def _h(*parts: str) -> str:
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:10]


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def paragraph_pool(size: int = 16) -> list[str]:
    out = []
    for i in range(size):
        name, noun, place = NAMES[i % 4], NOUNS[(i // 4) % 4], PLACES[i % 5]
        out.append(f"{name} reported {10 + i * 7} {noun} near {place}.")
    return out


def write_article(seeds: Path, source_id: str, paragraphs: list[str]) -> None:
    seeds.mkdir(parents=True, exist_ok=True)
    title = f"Report {source_id}"
    (seeds / f"{source_id}.txt").write_text(title + "\n\n" + "\n\n".join(paragraphs) + "\n")
    (seeds / f"{source_id}.yaml").write_text(
        f"publisher: Outlet {source_id}\npublished: 2024-11-18\ntitle: {title}\n"
    )


def fake_extract(source: Source, knowledge: Any) -> Extracted:
    out: Extracted = {"entities": [], "claims": [], "figures": []}
    seen = set()
    for para in source.paragraphs:
        text = source.text[para.start : para.end]
        words = text.split()
        name, number = " ".join(words[:2]), next((w for w in words if w.isdigit()), None)
        subject = slug(name)
        cite = {"source": source.id, "quote": text, "start": para.start, "end": para.end}
        if subject not in seen:
            seen.add(subject)
            alias = f"{name} ({source.publisher})"
            out["entities"].append(
                {"id": subject, "kind": "actor", "name": name, "aliases": [alias]}
            )
        out["claims"].append(
            {"id": f"c-{_h(text)}", "subject": subject, "text": text, "citations": [cite]}
        )
        if number:
            out["figures"].append(
                {
                    "id": f"f-{_h(text)}",
                    "subject": subject,
                    "value": int(number),
                    "unit": None,
                    "text": number,
                    "citations": [cite],
                }
            )
    return out


def _combined_id(prefix: str, key: str, items: list[dict[str, Any]]) -> str:
    sources = sorted(c["source"] for i in items for c in i["citations"])
    return key if len(sources) == 1 else f"{prefix}-{_h(key, *sources)}"


def fake_combine(
    per_article: list[Extracted], knowledge: Any, sources: dict[str, Source]
) -> Extracted:
    entities: dict[str, dict[str, Any]] = {}
    groups: dict[str, dict[str, list[dict[str, Any]]]] = {
        "claims": defaultdict(list),
        "figures": defaultdict(list),
    }
    for result in per_article:
        for ent in result.get("entities", []):
            if ent["id"] in entities:
                merged = entities[ent["id"]]["aliases"] + ent["aliases"]
                entities[ent["id"]]["aliases"] = sorted(set(merged))
            else:
                entities[ent["id"]] = {**ent, "aliases": list(ent["aliases"])}
        for name in ("claims", "figures"):
            for item in result.get(name, []):
                groups[name][item["id"]].append(item)
    out: Extracted = {"entities": [entities[k] for k in sorted(entities)]}
    for name, prefix in (("claims", "c"), ("figures", "f")):
        out[name] = []
        for key in sorted(groups[name]):
            items = groups[name][key]
            cites = sorted((c for i in items for c in i["citations"]), key=lambda c: c["source"])
            out[name].append(
                {**items[0], "id": _combined_id(prefix, key, items), "citations": cites}
            )
    by_subject: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for fig in out["figures"]:
        by_subject[fig["subject"]].append(fig)
    out["disputes"] = [
        {
            "id": f"d-{subject}",
            "subject": subject,
            "summary": f"Sources disagree about {subject}.",
            "members": sorted(f["id"] for f in figs),
        }
        for subject, figs in sorted(by_subject.items())
        if len({f["value"] for f in figs}) > 1
    ]
    return out


def fake_knowledge(lexicon: Any, entities: list[dict[str, Any]]) -> Any:
    return {"entities": [e["id"] for e in entities]}


def slow_extract(source: Source, knowledge: Any) -> Extracted:
    """fake_extract that takes a while and logs start/end, to observe locking and kills."""
    log = Path(source.path).parent.parent / "extract.log"
    with log.open("a") as handle:
        handle.write(f"start {os.getpid()} {source.id}\n")
    time.sleep(0.01)
    result = fake_extract(source, knowledge)
    with log.open("a") as handle:
        handle.write(f"end {os.getpid()} {source.id}\n")
    return result


def fake_combine_again(
    per_article: list[Extracted], knowledge: Any, sources: dict[str, Source]
) -> Extracted:
    """The same combiner under another name: its code digest differs, so a run must merge."""
    return fake_combine(per_article, knowledge, sources)
