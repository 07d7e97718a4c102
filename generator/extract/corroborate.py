"""Figures and events across sources: merge what agrees, turn what conflicts into disputes.

Helpers for `combine`. Items are schema dicts; merging keeps the first item (sources
sorted by id, then text order) and adds the citations of the others, so ids are stable.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..model import Unit
from .factbits import stable_id
from .precision import agree, comparable, describe
from .similarity import SimilarityRules, similarity, tokens

Item = dict[str, Any]


def source_of(item: Item) -> str:
    cites = item.get("citations") or [item.get("citation") or {}]
    return str(cites[0].get("source", ""))


def order_key(item: Item) -> tuple[str, int, str]:
    cites = item.get("citations") or [item.get("citation") or {}]
    return str(cites[0].get("source", "")), int(cites[0].get("start", 0) or 0), str(item["id"])


def absorb(into: Item, other: Item) -> None:
    """Add `other`'s citations and flags to `into` (flags are never dropped: garbled stays)."""
    seen = {(c["source"], c.get("start"), c["quote"]) for c in into["citations"]}
    for cite in other.get("citations") or []:
        if (cite["source"], cite.get("start"), cite["quote"]) not in seen:
            into["citations"].append(cite)
    into["citations"].sort(key=lambda c: (c["source"], c.get("start", 0)))
    flags = list(dict.fromkeys([*(into.get("flags") or []), *(other.get("flags") or [])]))
    if flags:
        into["flags"] = flags


def flag(item: Item, name: str) -> None:
    item["flags"] = list(dict.fromkeys([*(item.get("flags") or []), name]))


# The schema's limit for text: a subject with many disagreeing sources (a 1,000-article
# corpus gives one dispute dozens of sides) would otherwise make the output invalid.
SUMMARY_LIMIT = 5000


def dispute(subject: str, prop: str | None, summary: str, members: list[Item]) -> Item:
    ids = sorted({m["id"] for m in members})
    if len(summary) > SUMMARY_LIMIT:
        summary = summary[: SUMMARY_LIMIT - 1] + "…"
    item: Item = {
        "id": stable_id("dsp", *ids),
        "subject": subject,
        "summary": summary,
        "members": ids,
    }
    if prop:
        item["property"] = prop
    return item


def _plural(word: str) -> str:
    return word if word.endswith("s") else f"{word}s"


def combine_figures(
    figures: list[Item], units: dict[str, Unit], names: Callable[[str], str]
) -> tuple[list[Item], list[Item]]:
    """Merged figures and the disputes between sources that give incompatible values.

    Within one subject and property, figures are clustered so every member agrees with
    every other (precision.agree). A figure from another source than the cluster's first
    merges into that first figure; several figures of the first source stay separate.
    Clusters that disagree, across two or more sources, make one dispute.
    """
    groups: dict[tuple[str, str], list[Item]] = {}
    for fig in sorted(figures, key=order_key):
        groups.setdefault((fig["subject"], str(fig.get("property"))), []).append(fig)
    kept: list[Item] = []
    disputes: list[Item] = []
    for (subject, prop), members in groups.items():
        clusters: list[list[Item]] = []
        for fig in members:
            home = next(
                (
                    c
                    for c in clusters
                    if all(comparable(fig, o, units) and agree(fig, o, units) for o in c)
                ),
                None,
            )
            if home is None:
                clusters.append([fig])
            else:
                home.append(fig)
        shown: list[list[Item]] = []
        for cluster in clusters:
            first_source = source_of(cluster[0])
            own = [f for f in cluster if source_of(f) == first_source]
            for other in cluster:
                if source_of(other) != first_source:
                    absorb(own[0], other)
            kept.extend(own)
            shown.append(own)
        for index, cluster in enumerate(clusters):
            rivals = [c for c in clusters[index + 1 :] if comparable(cluster[0], c[0], units)]
            sources = {source_of(f) for c in [cluster, *rivals] for f in c}
            if not rivals or len(sources) < 2:
                continue
            sides = [shown[clusters.index(c)] for c in [cluster, *rivals]]
            text = " vs ".join(", ".join(describe(f, units) for f in side) for side in sides)
            for side in sides:
                for fig in side:
                    flag(fig, "contradicted")
            label = _plural(prop) if prop != "None" else "values"
            disputes.append(
                dispute(
                    subject,
                    None if prop == "None" else prop,
                    f"Sources give different {label} for {names(subject)}: {text}",
                    [f for side in sides for f in side],
                )
            )
            break  # one dispute per subject and property lists every side
    return sorted(kept, key=order_key), disputes


def _dates_agree(a: str, b: str) -> bool:
    """ "2024-11" and "2024-11-17" can both be right; "2024-11-17" and "2024-11-18" cannot."""
    return a.startswith(b) or b.startswith(a)


def combine_events(
    events: list[Item],
    rules: SimilarityRules,
    same_statement: set[frozenset[str]],
    names: Callable[[str], str],
    publishers: dict[str, str],
) -> tuple[list[Item], list[Item]]:
    """Merged events and disputes over when the same thing happened.

    Two events of different sources sharing an actor are the same happening when their
    words match (`event_conflict_similarity`) or they report the same quotation
    (`same_statement`, pairs of event ids); with the same date they merge (also at the
    lower `event_similarity`), with incompatible dates they become a dispute.
    """
    ordered = sorted(events, key=order_key)
    toks = {e["id"]: tokens(e["text"], rules) for e in ordered}
    same = rules.thresholds.get("event_similarity", 0.35)
    conflict = rules.thresholds.get("event_conflict_similarity", 0.5)
    merged_into: dict[str, Item] = {}
    disputes: list[Item] = []
    kept: list[Item] = []
    # Only earlier events sharing an actor can match: compare those, not all (quadratic).
    by_actor: dict[str, list[int]] = {}
    for event in ordered:
        target = None
        actors = event.get("actors") or []
        near = sorted({i for a in actors for i in by_actor.get(a, ())})
        for earlier in (kept[i] for i in near):
            if source_of(earlier) == source_of(event) or any(
                source_of(m) == source_of(event) for m in earlier.get("_with", [])
            ):
                continue
            shared = [a for a in earlier.get("actors") or [] if a in (event.get("actors") or [])]
            if not shared:
                continue
            score = similarity(toks[earlier["id"]], toks[event["id"]], rules.min_shared)
            linked = frozenset((earlier["id"], event["id"])) in same_statement or score >= conflict
            if _dates_agree(str(earlier["date"]), str(event["date"])):
                if linked or (earlier["date"] == event["date"] and score >= same):
                    target = earlier
                    break
            elif linked:
                flag(earlier, "contradicted")
                flag(event, "contradicted")
                who = names(shared[0])
                said = " vs ".join(
                    f"{publishers.get(source_of(e), source_of(e))}: {e['date']}"
                    for e in (earlier, event)
                )
                disputes.append(
                    dispute(
                        shared[0],
                        "date",
                        f"Sources date this differently for {who}: {said}",
                        [earlier, event],
                    )
                )
        if target is None:
            for actor in dict.fromkeys(actors):
                by_actor.setdefault(actor, []).append(len(kept))
            kept.append(event)
        else:
            absorb(target, event)
            target.setdefault("_with", []).append(event)
            merged_into[event["id"]] = target
    for event in kept:
        event.pop("_with", None)
    final: list[Item] = []
    for item in disputes:  # a member merged later into another event is cited by that one
        members = sorted({merged_into[m]["id"] if m in merged_into else m for m in item["members"]})
        if len(members) >= 2:
            item.update(id=stable_id("dsp", *members), members=members)
            final.append(item)
    return kept, final
