"""Combining, merging, rendering and checking on two cores (`extract --jobs 2` or more).

What `run` does in one process with `combine.combine` then `merge.merge`, `output.render`
and `output.validate_output`, split between the parent and one forked child
(`forksplit.Forked`), with the same result:

- the child combines claims (a quarter of the whole), then merges, renders and checks the
  claims collection;
- the parent combines everything else, hands the child the citation spans of contradicted
  events (`combine.spread_contradiction` needs them), merges, renders and checks quotes,
  figures, events and positions meanwhile, then, with the claims' entity references and
  disputes from the child, the entities; disputes come last, as in `merge.merge`.

Why collections merge apart: `merge.merge` shares two things between them, the map of
fresh ids merged into other ids and the ids an editor deleted, and only disputes read them
(their members). So each collection but disputes is merged with its own, and disputes with
their union, in `merge.COLLECTIONS` order as one shared map would have been filled.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Problem, ProblemsError
from ..sources import Source
from . import combine
from .forksplit import Channel, Forked
from .merge import COLLECTIONS, Counts, merge_collection
from .output import Merged, collection_problems, differs, render
from .store import Base, BaseEntry

Item = dict[str, Any]


@dataclass
class MergeInputs:
    """What merging any collection reads: `run`'s arguments to `merge.merge`, and what
    the output is compared with and checked against."""

    documents: Mapping[str, Any]
    base: Base
    pending: Sequence[Base]
    elsewhere: Mapping[str, set[str]]
    plain: set[str]  # collections whose new items go in as plain dicts
    careful: set[str]  # documents read by ruamel, written by ruamel
    data_dir: Path
    raw: Mapping[str, bytes]  # the data files as read


@dataclass
class Part:
    """One collection merged, rendered and checked."""

    text: str | None  # None: no document to write
    plain: bool
    base: dict[str, BaseEntry]
    counts: Counts
    changed: bool
    problems: list[Problem]
    remap: dict[str, str] = field(default_factory=dict)
    dropped: set[str] = field(default_factory=set)


def merge_part(
    name: str,
    fresh: list[Item],
    given: MergeInputs,
    remap: dict[str, str] | None = None,
    dropped: set[str] | None = None,
) -> Part:
    """`merge.merge`'s work on one collection (its loop body), then `run`'s: render,
    compare with the file as read, check what changed. `remap` and `dropped`: what the
    other collections added (disputes only); the collection's own additions are returned."""
    remap, dropped = dict(remap or {}), set(dropped or ())
    one = merge_collection(
        name,
        given.documents.get(name),
        list(fresh),
        given.base,
        given.pending,
        given.elsewhere.get(name, set()),
        name in given.plain,
        remap,
        dropped,
    )
    part = Part(None, False, one.base, one.counts, False, [])
    part.remap, part.dropped = remap, dropped
    if one.document is not None:
        texts, plain = render({name: one.document}, given.careful)
        part.text, part.plain = texts[name], name in plain
        part.changed = differs(part.text, given.raw.get(f"{name}.yaml"))
        if part.changed:
            part.problems = collection_problems(given.data_dir, name, one.touched)
    return part


def combine_and_merge(
    per_article: list[dict[str, list[Item]]],
    knowledge: Any,
    sources: dict[str, Source],
    given: MergeInputs,
) -> Merged:
    """`combine.combine(..., owned=True)` then `merge.merge`, render and check, on two
    cores; raises ProblemsError with every problem found, as `run` does on one."""
    stage = combine.start(per_article, knowledge, sources, owned=True)

    def claims_side(parent: Channel) -> Part:
        claims, disputes = combine.combine_claims(stage)
        combine.spread_contradiction(claims, parent.recv())
        parent.send((combine.references(claims), disputes))
        return merge_part("claims", claims, given)

    parts: dict[str, Part] = {}
    with Forked(claims_side) as child:
        others = combine.combine_others(stage)
        child.send(combine.contradicted_spans(others["events"]))
        for name in ("quotes", "figures", "events", "positions"):
            parts[name] = merge_part(name, others[name], given)
        refs, claim_disputes = child.recv()
        out = combine.finish(stage, others, claim_disputes, refs)
        parts["entities"] = merge_part("entities", out["entities"], given)
        parts["claims"] = child.recv()
    remap: dict[str, str] = {}
    dropped: set[str] = set()
    for name in COLLECTIONS:
        if name != "disputes":
            remap.update(parts[name].remap)
            dropped |= parts[name].dropped
    parts["disputes"] = merge_part("disputes", out["disputes"], given, remap, dropped)
    return _assemble({name: parts[name] for name in COLLECTIONS})


def _assemble(parts: dict[str, Part]) -> Merged:
    texts = {name: p.text for name, p in parts.items() if p.text is not None}
    changed = [name for name in texts if parts[name].changed]
    problems = [problem for name in changed for problem in parts[name].problems]
    if problems:
        raise ProblemsError(problems)
    return Merged(
        texts=texts,
        plain={name for name in texts if parts[name].plain},
        base={name: p.base for name, p in parts.items()},
        counts={name: p.counts for name, p in parts.items()},
        changed=changed,
    )
