"""Figures and events across sources: merge what agrees, turn what conflicts into disputes.

Helpers for `combine`. Items are schema dicts; merging keeps the first item (sources
sorted by id, then text order) and adds the citations of the others, so ids are stable.
"""

from __future__ import annotations

import datetime as dt
from bisect import insort_right
from collections.abc import Callable, Container
from typing import Any

from ..model import Unit
from .factbits import stable_id
from .precision import comparable, describe, interval
from .similarity import SimilarityRules, tokens, words_only
from .statements import SameStatements

Item = dict[str, Any]


def source_of(item: Item) -> str:
    cites = item.get("citations") or [item.get("citation") or {}]
    return str(cites[0].get("source", ""))


def order_key(item: Item) -> tuple[str, int, str]:
    cites = item.get("citations") or [item.get("citation") or {}]
    return str(cites[0].get("source", "")), int(cites[0].get("start", 0) or 0), str(item["id"])


def _cite_key(cite: Item) -> tuple[Any, Any, Any]:
    return cite["source"], cite.get("start"), cite["quote"]


def _cite_order(cite: Item) -> tuple[Any, Any]:
    return cite["source"], cite.get("start", 0)


class Absorber:
    """`absorb` with an index of the citations each target already has.

    A claim cited by hundreds of articles absorbs hundreds of items: rebuilding the set of
    its citations and re-sorting them on every merge made that quadratic. Here the set is
    built once per target and new citations are inserted in order; the result is the same
    as appending and stable-sorting (`insort_right` puts a citation after every equal key).
    Targets are kept by identity, so each must not be changed by anything else meanwhile.
    """

    def __init__(self) -> None:
        # id -> (the target, so its id is not reused; keys of the citations it has)
        self._seen: dict[int, tuple[Item, set[tuple[Any, Any, Any]]]] = {}

    def __call__(self, into: Item, other: Item) -> None:
        """Add `other`'s citations and flags to `into` (flags are never dropped: garbled stays)."""
        entry = self._seen.get(id(into))
        if entry is None:
            into["citations"].sort(key=_cite_order)
            entry = self._seen[id(into)] = (into, {_cite_key(c) for c in into["citations"]})
        seen = entry[1]
        # Checked against what `into` had before this call only, as `absorb` always did:
        # the same citation twice in `other` is added twice. Each key is made once, here
        # (`_cite_key` and `_cite_order` written out: tens of thousands of citations).
        new: list[Item] = []
        keys: list[tuple[Any, Any, Any]] = []
        for cite in other.get("citations") or []:
            key = (cite["source"], cite.get("start"), cite["quote"])
            if key not in seen:
                new.append(cite)
                keys.append(key)
        citations = into["citations"]
        for cite in new:
            # Items are merged in source order, so a new citation nearly always sorts last:
            # appended after one comparison (where insort_right would put it too).
            if citations:
                last = citations[-1]
                if (last["source"], last.get("start", 0)) > (cite["source"], cite.get("start", 0)):
                    insort_right(citations, cite, key=_cite_order)
                    continue
            citations.append(cite)
        seen.update(keys)
        # Most items carry no flags: then there is nothing to unite.
        mine, theirs = into.get("flags"), other.get("flags")
        if mine or theirs:
            flags = list(dict.fromkeys([*(mine or []), *(theirs or [])]))
            if flags:
                into["flags"] = flags


def absorb(into: Item, other: Item) -> None:
    """Add `other`'s citations and flags to `into` (flags are never dropped: garbled stays).

    For many merges into the same items use one `Absorber`: this rebuilds its index."""
    Absorber()(into, other)


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


def _kind(figure: Item, units: dict[str, Unit]) -> tuple[Any, ...]:
    """Equal for two figures exactly when `precision.comparable` holds for them."""
    unit = units.get(str(figure.get("unit")))
    if unit is None:
        return ("unit", figure.get("unit"))
    return ("dimension", unit.dimension, unit.id if unit.dimension == "money" else None)


def _moments(published: dict[str, str], days: int) -> dict[str, int]:
    """Source id -> its moment: publication dates no more than `days` apart in a chain are
    one moment (articles of 17 and 18 November report the same night; one of March and
    one of July do not)."""
    dates = sorted({d for d in published.values() if d})
    moment, group, last = {}, 0, None
    for d in dates:
        day = dt.date.fromisoformat(d)
        if last is not None and (day - last).days > days:
            group += 1
        moment[d], last = group, day
    return {sid: moment[d] for sid, d in published.items() if d}


def combine_figures(
    figures: list[Item],
    units: dict[str, Unit],
    names: Callable[[str], str],
    published: dict[str, str] | None = None,
    days: int = 0,
    lasting: Container[str] = frozenset(),
) -> tuple[list[Item], list[Item]]:
    """Merged figures and the disputes between sources that give incompatible values.

    Within one subject and property, figures are clustered so every member agrees with
    every other (precision.agree). A figure from another source than the cluster's first
    merges into that first figure; several figures of the first source stay separate.
    Clusters that disagree, across two or more sources, make one dispute.
    """
    # Figures of different moments (`_moments`) are different facts: neither one figure
    # nor a dispute; but what lasts (`lasting`: a range, a price) holds across moments.
    moments = _moments(published, days) if published is not None else {}
    groups: dict[tuple[str, str, int], list[Item]] = {}
    for fig in sorted(figures, key=order_key):
        moment = -1 if fig.get("property") in lasting else moments.get(source_of(fig), -1)
        groups.setdefault((fig["subject"], str(fig.get("property")), moment), []).append(fig)
    kept: list[Item] = []
    disputes: list[Item] = []
    absorb = Absorber()
    for (subject, prop, _moment), members in groups.items():
        clusters: list[list[Item]] = []
        # A figure joins the first cluster whose every member is comparable and agrees
        # with it. Comparable is equal `_kind`; overlapping every member's interval is
        # lo <= the lowest high and the highest low <= hi. So each cluster keeps those two
        # bounds and clusters are looked up by kind, rather than comparing the figure
        # with every member of every cluster (quadratic in a widely reported figure).
        by_kind: dict[Any, list[int]] = {}
        # Per cluster: [max of lows, min of highs]. Worked out only once the cluster meets
        # a comparable figure, as `agree` was only called then.
        bounds: list[list[float] | None] = []
        for fig in members:
            home = None
            near = by_kind.setdefault(_kind(fig, units), [])
            if near:
                lo, hi = interval(fig, units)
                for i in near:
                    low_high = bounds[i]
                    if low_high is None:
                        low_high = bounds[i] = list(interval(clusters[i][0], units))
                    if lo <= low_high[1] and low_high[0] <= hi:
                        home = i
                        low_high[0] = max(low_high[0], lo)
                        low_high[1] = min(low_high[1], hi)
                        break
            if home is None:
                near.append(len(clusters))
                clusters.append([fig])
                bounds.append(None)
            else:
                clusters[home].append(fig)
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


def _other_weapons(earlier: Item, actors: list[str], weapons: Container[str]) -> bool:
    """Whether both events name weapons and none in common: two happenings ("Australia
    cleared the Bunyip", "Canada cleared the Narwhal"), not one dated differently."""
    theirs = {a for a in earlier.get("actors") or [] if a in weapons}
    mine = {a for a in actors if a in weapons}
    return bool(theirs) and bool(mine) and not theirs & mine


def _dates_agree(a: str, b: str) -> bool:
    """ "2024-11" and "2024-11-17" can both be right; "2024-11-17" and "2024-11-18" cannot."""
    return a.startswith(b) or b.startswith(a)


def _asker(same_statement: Container[frozenset[str]], event_id: str) -> Callable[[str], bool]:
    return lambda other: frozenset((other, event_id)) in same_statement


def combine_events(
    events: list[Item],
    rules: SimilarityRules,
    same_statement: Container[frozenset[str]],
    names: Callable[[str], str],
    publishers: dict[str, str],
    weapons: Container[str] = frozenset(),
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
    # The same for kept events of at least `min_shared` words: the only ones an event that
    # holds no quotation can merge or clash with (see `lonely` below).
    by_actor_worded: dict[str, list[int]] = {}
    # Per kept event, the sources of the events merged into it: an event never merges
    # with one its own source already contributed to. A set, not a rescan of the merged
    # events (quadratic in a widely reported event).
    merged_sources: list[set[str]] = []
    absorb = Absorber()
    # Per kept event its source: merging only adds citations of later sources, so the
    # first citation, and so the source, of a kept event never changes.
    kept_sources: list[str] = []
    # Per kept event its tokens and their words, for the pairs compared (as `kept_sources`).
    kept_toks: list[frozenset[str]] = []
    kept_words: list[frozenset[str]] = []
    words = {t: words_only(t) for t in set(toks.values())}
    min_shared = rules.min_shared
    # Whether two events report the same quotation, as a function of the earlier event's
    # id per event (see `SameStatements.linker`); any other container is asked each pair.
    linker = same_statement.linker if isinstance(same_statement, SameStatements) else None
    for event in ordered:
        target = None
        actors = event.get("actors") or []
        actor_set = set(actors)
        source = source_of(event)
        event_id = event["id"]
        mine = toks[event_id]
        mine_words = words[mine]
        link = linker(event_id) if linker is not None else _asker(same_statement, event_id)
        date = str(event["date"])
        worded = len(mine_words) >= min_shared
        # An event that holds no quotation (`link` None) acts on a pair only when the score
        # reaches `same` or `conflict`, and a score is 0 unless both events have
        # `min_shared` words (`similarity_of`). Why: half the events hold no quotation,
        # and nearly half the pairs they were compared in scored 0.
        lonely = link is None and same > 0 and conflict > 0
        lists = by_actor if not lonely else by_actor_worded if worded else {}
        near = sorted({i for a in actors for i in lists.get(a, ())})
        for position in near:
            if kept_sources[position] == source or source in merged_sources[position]:
                continue
            earlier = kept[position]
            # Every kept event in `near` shares an actor: it is listed under its own actors
            # (which merging never changes). `shared` is worked out for a dispute only.
            # `similarity_of(theirs, ..., mine, ...)`, inline: the same value.
            theirs = kept_toks[position]
            if not theirs or not mine or len(kept_words[position] & mine_words) < min_shared:
                score = 0.0
            else:
                score = 2 * len(theirs & mine) / (len(theirs) + len(mine))
            # `pair in same_statement or score >= conflict`: both pure, the cheap one first.
            linked = score >= conflict or (link is not None and link(earlier["id"]))
            if _dates_agree(str(earlier["date"]), date):
                if linked or (earlier["date"] == event["date"] and score >= same):
                    target = earlier
                    break
            elif linked and not _other_weapons(earlier, actors, weapons):
                shared = [a for a in earlier.get("actors") or [] if a in actor_set]
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
                if worded:
                    by_actor_worded.setdefault(actor, []).append(len(kept))
            kept.append(event)
            kept_sources.append(source)
            kept_toks.append(mine)
            kept_words.append(mine_words)
            merged_sources.append(set())
        else:
            absorb(target, event)
            merged_sources[position].add(source)
            merged_into[event["id"]] = target
    final: list[Item] = []
    for item in disputes:  # a member merged later into another event is cited by that one
        members = sorted({merged_into[m]["id"] if m in merged_into else m for m in item["members"]})
        if len(members) >= 2:
            item.update(id=stable_id("dsp", *members), members=members)
            final.append(item)
    return kept, final
