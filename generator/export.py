"""The data as one JSON document: `explainer export` prints it, the site publishes it.

Its shape is described by `generator/schema/export.schema.json`. Rejected items are
included with their status, so a consumer sees what editors ruled out.
"""

from __future__ import annotations

import json
from typing import Any

from . import model as m

EXPORT_VERSION = 1


def _citation(c: m.Citation) -> dict[str, Any]:
    return {"source": c.source, "quote": c.quote, "start": c.start, "end": c.end}


def _value(value: float | tuple[float, float]) -> float | int | list[float | int]:
    def num(x: float) -> float | int:
        return int(x) if x == int(x) else x

    return [num(v) for v in value] if isinstance(value, tuple) else num(value)


def _common(fact: m.Fact) -> dict[str, Any]:
    return {
        "status": fact.status,
        "flags": list(fact.flags),
        "note": fact.note,
        "corroborated": fact.corroborated,
    }


def export_data(ds: m.Dataset) -> dict[str, Any]:
    """Plain, JSON-ready data in a stable order."""
    figures = [
        {
            "id": f.id,
            "subject": f.subject,
            "property": f.property,
            "value": _value(f.value),
            "unit": f.unit,
            "hedge": f.hedge,
            "text": f.text,
            "citation": _citation(f.citations[0]),
            "citations": [_citation(c) for c in f.citations],
            **_common(f),
        }
        for f in ds.figures
    ]
    claims = [
        {
            "id": c.id,
            "subject": c.subject,
            "mentions": list(c.mentions),
            "text": c.text,
            "citations": [_citation(x) for x in c.citations],
            **_common(c),
        }
        for c in ds.claims
    ]
    # A figure is also a claim about its subject, with a value: listed in both.
    claims += [
        {
            "id": f["id"],
            "subject": f["subject"],
            "mentions": [],
            "text": f"{f['property'] or 'value'}: {f['text'] or f['value']}",
            "value": f["value"],
            "unit": f["unit"],
            "citations": f["citations"],
            **_common(fig),
        }
        for f, fig in zip(figures, ds.figures, strict=True)
    ]
    facts = {f.id: f for f in ds.facts()}
    return {
        "version": EXPORT_VERSION,
        "explainer": {
            "title": ds.explainer.title,
            "question": ds.explainer.question,
            "stances": [
                {"id": s.id, "label": s.label, "description": s.description}
                for s in ds.explainer.stances
            ],
        },
        "sources": [
            {
                "id": s.id,
                "publisher": s.publisher,
                "published": s.published.isoformat(),
                "title": s.title,
                "url": s.url,
                "reliability": s.reliability,
                "reliability_note": s.reliability_note,
            }
            for s in sorted(ds.sources.values(), key=lambda s: s.id)
        ],
        "entities": [
            {
                "id": e.id,
                "kind": e.kind,
                "category": e.category,
                "name": e.name,
                "aliases": list(e.aliases),
                "description": e.description,
                "status": e.status,
                "note": e.note,
            }
            for e in sorted(ds.entities.values(), key=lambda e: e.id)
        ],
        "claims": claims,
        "quotes": [
            {
                "id": q.id,
                "speaker": q.speaker,
                "kind": q.kind,
                "text": q.text,
                "citation": _citation(q.citations[0]),
                **_common(q),
            }
            for q in ds.quotes
        ],
        "figures": figures,
        "events": [
            {
                "id": e.id,
                "date": e.date,
                "precision": e.precision,
                "inferred": list(e.inferred),
                "until": e.until,
                "text": e.text,
                "actors": list(e.actors),
                "citations": [_citation(c) for c in e.citations],
                **_common(e),
            }
            for e in ds.events
        ],
        "positions": [
            {
                "id": p.id,
                "actor": p.actor,
                "stance": p.stance,
                "summary": p.summary,
                "as_of": p.as_of,
                "citations": [_citation(c) for c in p.citations],
                **_common(p),
            }
            for p in ds.positions
        ],
        "disputes": [
            {
                "id": d.id,
                "subject": d.subject,
                "property": d.property,
                "summary": d.summary,
                "members": list(d.members),
                "status": d.status,
                "note": d.note,
                "values": [_member(facts[i]) for i in d.members if i in facts],
            }
            for d in ds.disputes
        ],
    }


def _member(fact: m.Fact) -> dict[str, Any]:
    out: dict[str, Any] = {"id": fact.id, "citations": [_citation(c) for c in fact.citations]}
    if isinstance(fact, m.Figure):
        out |= {"value": _value(fact.value), "unit": fact.unit, "text": fact.text}
    elif isinstance(fact, m.Event):
        out |= {"date": fact.date, "text": fact.text}
    else:
        out["text"] = getattr(fact, "text", None) or getattr(fact, "summary", None)
    return out


def export_json(ds: m.Dataset) -> str:
    """The export as text: sorted keys, stable indentation, trailing newline."""
    return json.dumps(export_data(ds), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
