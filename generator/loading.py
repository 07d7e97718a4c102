"""Stage 2: load `data/*.yaml` against the sources, checking everything an editor can break.

`load_project` returns the `Dataset` the site is made from, or every problem found: schema
violations, duplicate ids, references to ids that do not exist, stances that are not
defined, and citations whose passage is missing from, or ambiguous in, its source.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, TypeVar, cast

from . import model as m
from .anchoring import AnchorError, locate
from .errors import Problem, display_path
from .lexicon import Lexicon, load_lexicon
from .memo import Memo, file_bytes
from .schemacheck import schema_problems
from .sources import Source, load_sources
from .textnorm import Normalised, fold, normalise
from .yamlread import PlainDocument, load_plain

T = TypeVar("T")
COLLECTIONS = ("entities", "claims", "figures", "events", "quotes", "positions", "disputes")


@dataclass
class Item:
    """A raw item with the file it came from, so later checks can point at it."""

    doc: PlainDocument
    path: tuple[str | int, ...]
    data: dict[str, Any]

    def problem(self, key: tuple[str | int, ...], message: str) -> Problem:
        return self.doc.problem((*self.path, *key), message)


class _Anchors:
    """Anchors citations in their sources; one normalised text per source, built lazily."""

    def __init__(self, sources: dict[str, Source]) -> None:
        self.sources = sources
        self._norm: dict[str, Normalised] = {}
        self._ids: dict[tuple[str, int, int], str] = {}
        self._used: set[tuple[str, str]] = set()

    def anchor_id(self, source: str, start: int, end: int, quote: str) -> str:
        key = (source, start, end)
        if key not in self._ids:
            base = "q-" + hashlib.sha1(fold(quote).encode()).hexdigest()[:10]
            anchor = base if (source, base) not in self._used else f"{base}-{start}"
            self._used.add((source, anchor))
            self._ids[key] = anchor
        return self._ids[key]

    def cite(
        self, item: Item, key: tuple[str | int, ...], raw: dict[str, Any]
    ) -> m.Citation | Problem:
        source = self.sources.get(raw["source"])
        if source is None:
            known = ", ".join(sorted(self.sources)) or "none"
            return item.problem(
                (*key, "source"), f"unknown source '{raw['source']}'; sources: {known}"
            )
        if source.id not in self._norm:
            self._norm[source.id] = normalise(source.text)
        try:
            span = locate(
                source.text,
                self._norm[source.id],
                raw["quote"],
                prefix=raw.get("prefix"),
                suffix=raw.get("suffix"),
                start=raw.get("start"),
                end=raw.get("end"),
            )
        except AnchorError as err:
            return item.problem((*key, "quote"), f"citation of {source.id}: {err}")
        quote = source.text[span.start : span.end]
        anchor = self.anchor_id(source.id, span.start, span.end, quote)
        return m.Citation(source.id, quote, span.start, span.end, anchor)


def _read_data_file(
    path: Path, display: str
) -> tuple[tuple[PlainDocument, dict[str, Any]] | None, list[Problem]]:
    """One data file, parsed and checked against the schema, or its problems."""
    doc, problems = load_plain(path, display)
    if doc is None or doc.data is None:
        return None, problems
    plain = doc.data
    if not isinstance(plain, dict):
        message = "a data file must be a mapping, e.g. 'claims:' followed by a list"
        return None, [*problems, doc.problem((), message)]
    file_problems = schema_problems(doc, plain, "data")
    if file_problems:
        return None, [*problems, *file_problems]
    return (doc, plain), problems


def _memo(memo: Memo | None, slot: Hashable, key: Callable[[], Any], compute: Callable[[], T]) -> T:
    return compute() if memo is None else memo.get(slot, key, compute)


def _read_data_files(
    data_dir: Path, memo: Memo | None
) -> tuple[list[tuple[PlainDocument, dict[str, Any]]], list[Problem]]:
    docs: list[tuple[PlainDocument, dict[str, Any]]] = []
    problems: list[Problem] = []
    for path in sorted(data_dir.glob("*.yaml")):
        display = display_path(path)
        doc, file_problems = _memo(
            memo,
            ("data", path),
            partial(lambda p, d: (d, file_bytes(p)), path, display),
            partial(_read_data_file, path, display),
        )
        problems += file_problems
        if doc is not None:
            docs.append(doc)
    return docs, problems


def _items(docs: list[tuple[PlainDocument, dict[str, Any]]]) -> dict[str, list[Item]]:
    items: dict[str, list[Item]] = {name: [] for name in COLLECTIONS}
    for doc, plain in docs:
        for name in COLLECTIONS:
            for index, raw in enumerate(plain.get(name) or []):
                items[name].append(Item(doc, (name, index), raw))
    return items


def _build(
    items: dict[str, list[Item]], anchors: _Anchors, problems: list[Problem]
) -> tuple[dict[str, m.Entity], dict[str, list[m.Fact]], list[m.Dispute]]:
    entities: dict[str, m.Entity] = {}
    for item in items["entities"]:
        d = item.data
        entities[d["id"]] = m.Entity(
            id=d["id"],
            kind=d["kind"],
            name=d["name"],
            category=d.get("category"),
            aliases=list(d.get("aliases") or []),
            description=d.get("description"),
            status=d.get("status", "extracted"),
            note=d.get("note"),
        )

    def citations(item: Item, key: str = "citations") -> list[m.Citation]:
        raws = item.data[key] if key == "citations" else [item.data[key]]
        out = []
        for index, raw in enumerate(raws):
            where: tuple[str | int, ...] = (key, index) if key == "citations" else (key,)
            result = anchors.cite(item, where, raw)
            if isinstance(result, Problem):
                problems.append(result)
            else:
                out.append(result)
        return out

    def common(item: Item, key: str = "citations") -> dict[str, Any]:
        d = item.data
        return {
            "id": d["id"],
            "citations": citations(item, key),
            "status": d.get("status", "extracted"),
            "flags": list(d.get("flags") or []),
            "note": d.get("note"),
        }

    facts: dict[str, list[m.Fact]] = {name: [] for name in COLLECTIONS}
    builders: dict[str, Callable[[Item], m.Fact]] = {
        "claims": lambda i: m.Claim(
            **common(i),
            subject=i.data["subject"],
            text=i.data["text"],
            mentions=list(i.data.get("mentions") or []),
        ),
        "figures": lambda i: m.Figure(
            **common(i),
            subject=i.data["subject"],
            value=_amount(i.data["value"]),
            unit=i.data.get("unit"),
            property=i.data.get("property"),
            hedge=i.data.get("hedge"),
            text=i.data.get("text"),
        ),
        "events": lambda i: m.Event(
            **common(i),
            date=str(i.data["date"]),
            text=i.data["text"],
            inferred=list(i.data.get("inferred") or []),
            until=_opt_str(i.data.get("until")),
            actors=list(i.data.get("actors") or []),
        ),
        "quotes": lambda i: m.Quote(
            **common(i, "citation"),
            text=i.data["text"],
            speaker=i.data.get("speaker"),
            kind=i.data.get("kind", "direct"),
        ),
        "positions": lambda i: m.Position(
            **common(i),
            actor=i.data["actor"],
            stance=i.data["stance"],
            summary=i.data.get("summary"),
            as_of=_opt_str(i.data.get("as_of")),
        ),
    }
    for name, build in builders.items():
        facts[name] = [build(item) for item in items[name]]
    disputes = [
        m.Dispute(
            id=i.data["id"],
            subject=i.data["subject"],
            summary=i.data["summary"],
            members=list(i.data["members"]),
            property=i.data.get("property"),
            status=i.data.get("status", "extracted"),
            note=i.data.get("note"),
        )
        for i in items["disputes"]
    ]
    return entities, facts, disputes


def _amount(value: Any) -> float | tuple[float, float]:
    return (float(value[0]), float(value[1])) if isinstance(value, list) else float(value)


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


def _calendar_date(value: str) -> bool:
    """Whether YYYY, YYYY-MM or YYYY-MM-DD (the schema checks the form) names a real date."""
    try:
        year, month, day, *_ = [*(int(p) for p in value.split("-")), 1, 1]
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _check_references(
    items: dict[str, list[Item]], explainer: m.Explainer | None, problems: list[Problem]
) -> None:
    seen: dict[str, Item] = {}
    for name in COLLECTIONS:
        for item in items[name]:
            ident = item.data["id"]
            if ident in seen:
                first = seen[ident]
                line, _ = first.doc.position((*first.path, "id"))
                problems.append(
                    item.problem(
                        ("id",),
                        f"duplicate id '{ident}' (first used in {first.doc.display}:{line}); ids must be unique",
                    )
                )
            else:
                seen[ident] = item
    entity_ids = {i.data["id"] for i in items["entities"]}
    fact_ids = {i.data["id"] for n in COLLECTIONS[1:6] for i in items[n]}
    refs = {"subject": entity_ids, "actor": entity_ids, "speaker": entity_ids}
    for name in COLLECTIONS:
        for item in items[name]:
            for key, known in refs.items():
                value = item.data.get(key)
                if value is not None and value not in known:
                    problems.append(
                        item.problem((key,), f"'{value}' is not an entity id in data/entities.yaml")
                    )
            for key in ("mentions", "actors"):
                for index, value in enumerate(item.data.get(key) or []):
                    if value not in entity_ids:
                        problems.append(
                            item.problem((key, index), f"'{value}' is not an entity id")
                        )
            for key in ("date", "until", "as_of"):
                value = item.data.get(key)
                if value is not None and not _calendar_date(str(value)):
                    problems.append(
                        item.problem((key,), f"'{value}' is not a date in the calendar")
                    )
            for index, value in enumerate(item.data.get("members") or []):
                if value not in fact_ids:
                    problems.append(
                        item.problem(
                            ("members", index),
                            f"'{value}' is not the id of a claim, figure, event, quote or position",
                        )
                    )
    if explainer is not None:
        stance_ids = {s.id for s in explainer.stances}
        for item in items["positions"]:
            if item.data["stance"] not in stance_ids:
                options = ", ".join(sorted(stance_ids))
                problems.append(
                    item.problem(
                        ("stance",),
                        f"stance '{item.data['stance']}' is not defined in explainer.stances; use one of: {options}",
                    )
                )


def _explainer(
    docs: list[tuple[PlainDocument, dict[str, Any]]], problems: list[Problem], data_dir: Path
) -> m.Explainer | None:
    found = [(d, plain) for d, plain in docs if "explainer" in plain]
    if not found:
        problems.append(
            Problem(
                display_path(data_dir / "explainer.yaml"),
                0,
                0,
                "no 'explainer:' settings (title, question, stances) in any data file",
            )
        )
        return None
    raw = found[0][1]["explainer"]
    for extra, _ in found[1:]:
        problems.append(
            extra.problem(("explainer",), f"'explainer' is already set in {found[0][0].display}")
        )
    stances = [m.Stance(s["id"], s["label"], s.get("description")) for s in raw["stances"]]
    return m.Explainer(raw["title"], raw["question"], stances, list(raw.get("summary") or []))


def _lexicon(
    lexicon_dir: Path, memo: Memo | None, site_only: bool
) -> tuple[Lexicon, list[Problem]]:
    def key() -> tuple[Any, ...]:
        files = sorted(lexicon_dir.glob("*.yaml")) if lexicon_dir.is_dir() else []
        return (display_path(lexicon_dir), file_bytes(*files))

    return _memo(
        memo,
        ("lexicon", lexicon_dir, site_only),
        key,
        lambda: load_lexicon(lexicon_dir, site_only=site_only),
    )


def load_project(
    seeds_dir: Path, data_dir: Path, memo: Memo | None = None, *, site_only: bool = False
) -> tuple[m.Dataset | None, list[Problem]]:
    """Load and check everything; the dataset is None when there is any problem.

    `site_only` (site builds) reads only the lexicon files the site uses (see
    `lexicon.load_lexicon`); `explainer check` reads and checks them all.

    `memo` (under `mkdocs serve`) reuses the parsed and checked form of every file whose
    bytes did not change since the last call; results are the same as without it.
    """
    lexicon, lexicon_problems = _lexicon(data_dir / "lexicon", memo, site_only)
    problems = list(lexicon_problems)  # a copy: the memo's list is never extended
    source_list, source_problems = load_sources(seeds_dir, lexicon.layout)
    problems += source_problems
    sources = {s.id: s for s in source_list}
    if not data_dir.is_dir():
        return None, [*problems, Problem(display_path(data_dir), 0, 0, "data folder not found")]
    docs, doc_problems = _read_data_files(data_dir, memo)
    problems += doc_problems
    items = _items(docs)
    explainer = _explainer(docs, problems, data_dir)
    _check_references(items, explainer, problems)
    entities, facts, disputes = _build(items, _Anchors(sources), problems)
    if problems or explainer is None:
        return None, sorted(set(problems))
    return (
        m.Dataset(
            explainer=explainer,
            sources=sources,
            entities=entities,
            claims=cast(list[m.Claim], facts["claims"]),
            figures=cast(list[m.Figure], facts["figures"]),
            events=cast(list[m.Event], facts["events"]),
            quotes=cast(list[m.Quote], facts["quotes"]),
            positions=cast(list[m.Position], facts["positions"]),
            disputes=disputes,  # type: ignore[arg-type]
            units=lexicon.units,
        ),
        [],
    )


__all__ = ["COLLECTIONS", "Lexicon", "load_project"]
