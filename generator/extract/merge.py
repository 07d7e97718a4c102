"""Three-way merge of a fresh extraction into data files that editors have changed.

The base is what the extractor last wrote (hashes in the state file, see `store`). An item
whose hash still equals its base, that carries no comment and is still `extracted` is the
extractor's: it is refreshed, or removed when no longer extracted. Everything else is the
editor's and is left exactly as it is. An id in the base that is missing from the file was
deleted by an editor and is never added back. Comments, blank lines and order survive
because existing documents are updated in place and new items are only appended.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from ruamel.yaml.comments import CommentedBase, CommentedMap, CommentedSeq

from ..schemacheck import schema_of
from ..yamlfile import to_plain
from .store import Base, BaseEntry, Span

COLLECTIONS = ("entities", "claims", "figures", "events", "quotes", "positions", "disputes")
HEADER = "# yaml-language-server: $schema=../generator/schema/data.schema.json\n"
_REFERENCES = ("members",)
_DEFINITIONS = {c: c[:-1] for c in COLLECTIONS} | {
    "entities": "entity"
}  # fields holding fact ids, renamed when a fact keeps an old id

Fresh = Mapping[str, list[dict[str, Any]]]


@dataclass
class Counts:
    added: int = 0  # new items appended as extracted
    updated: int = 0  # untouched items refreshed with changed content
    unchanged: int = 0  # untouched items the extractor produced identically
    kept: int = 0  # editors' items (edited, reviewed, rejected, own) left as they are
    removed: int = 0  # untouched items no longer extracted
    skipped_deleted: int = 0  # extracted again but deleted by an editor: not re-added


@dataclass
class MergeResult:
    documents: dict[str, Any]  # CommentedMap, or a plain dict read by libyaml
    base: Base
    counts: dict[str, Counts] = field(default_factory=dict)
    # Items this merge wrote or changed, per collection: all that needs validating, since
    # every other item was valid when read.
    touched: dict[str, list[Any]] = field(default_factory=dict)


def item_hash(item: Any) -> str:
    """Hash of an item's content (key order, comments and quoting style do not count)."""
    return _json_hash(to_plain(item))


def _fresh_hash(item: dict[str, Any]) -> str:
    """`item_hash` of an item the extractor made: JSON data already (decoded from the
    per-article results), which `to_plain` would only copy; a copy per item of a
    1,000-article corpus was a tenth of merging. Anything else takes the general path."""
    try:
        return _json_hash(item)
    except (TypeError, ValueError):
        return item_hash(item)


# `json.dumps(plain, sort_keys=True, ensure_ascii=False, separators=(",", ":"))`, the
# encoder made once: dumps makes a new one on every call given options (once per item).
# Items are trees (decoded JSON, or `to_plain` copies): no check for circular references.
_canonical = json.JSONEncoder(
    sort_keys=True, ensure_ascii=False, separators=(",", ":"), check_circular=False
).encode


def _json_hash(plain: Any) -> str:
    return hashlib.sha256(_canonical(plain).encode("utf-8")).hexdigest()


def item_spans(item: Mapping[str, Any]) -> list[Span]:
    """(source, start, end, quote digest) of every citation that has offsets, sorted."""
    cites = list(item.get("citations") or [])
    single = item.get("citation")
    # A plain dict or nothing first, as below: the ABC test of `Mapping` is slow.
    if type(single) is dict or (single is not None and isinstance(single, Mapping)):
        cites.append(single)
    spans = set()
    for cite in cites:
        # A plain dict first: the ABC test of `Mapping` was a fifth of this function, run
        # for each of the 90,000 citations of a 1,000-article corpus.
        if type(cite) is not dict and not isinstance(cite, Mapping):
            continue
        start, end = cite.get("start"), cite.get("end")
        if isinstance(start, int) and isinstance(end, int):
            quote = quote_digest(str(cite.get("quote", "")))
            spans.add((str(cite.get("source")), start, end, quote))
    return sorted(spans)


@lru_cache(maxsize=1 << 16)
def quote_digest(quote: str) -> str:
    """The digest of a cited passage in a span. Kept: every span is worked out for
    matching and again for the base entry, and many articles cite the same sentence."""
    return hashlib.sha256(quote.encode("utf-8")).hexdigest()[:16]


def has_comments(node: Any, last: bool = False) -> bool:
    """True when an editor wrote a comment (or blank line) anywhere inside `node`.

    With `last` (`node` ends an item), comment lines after its final line are not counted:
    ruamel hangs the comment above an item on the end of the item before it ("# Editor:
    ..." over the next claim), and that item is no more the editor's for it."""
    if isinstance(node, CommentedBase):
        ca = node.ca
        if (ca.comment and any(ca.comment)) or getattr(ca, "end", None):
            return True
        final = _last_key(node) if last else None
        for key, tokens in ca.items.items():
            if not (last and key == final and _only_following(tokens)):
                return True
    if isinstance(node, Mapping):
        values = list(node.values())
        return any(has_comments(v, last and i == len(values) - 1) for i, v in enumerate(values))
    if isinstance(node, list):
        return any(has_comments(v, last and i == len(node) - 1) for i, v in enumerate(node))
    return False


def _last_key(node: Any) -> Any:
    if isinstance(node, Mapping):
        return next(reversed(node), None) if node else None
    return len(node) - 1 if isinstance(node, list) and node else None


def _only_following(tokens: Any) -> bool:
    """Whether a key's comment tokens hold only lines after its own (no comment on it)."""
    found = [t for t in tokens or [] if t is not None]
    return bool(found) and all(
        isinstance(getattr(t, "value", None), str) and "#" not in t.value.split("\n", 1)[0]
        for t in found
    )


def trailing_comment(item: Any) -> Any:
    """The comment lines after an item's final line (see `has_comments`), or None."""
    node: Any = item
    while isinstance(node, CommentedBase) and isinstance(node, (Mapping, list)):
        key = _last_key(node)
        tokens = node.ca.items.get(key) if key is not None else None
        if tokens is not None:
            return tokens[2] if len(tokens) > 2 and _only_following(tokens) else None
        node = node[key] if key is not None else None
    return None


def is_editors(item: Mapping[str, Any], accepted: set[str]) -> bool:
    """Edited, reviewed, rejected, commented or never extracted: the editor's to keep."""
    if item.get("status", "extracted") != "extracted" or has_comments(item, last=True):
        return True
    return item_hash(item) not in accepted


@cache
def _key_order(definition: str) -> dict[str, int]:
    # The schema itself, not jsonschema's validator of it: building that imported
    # jsonschema, over half a second of a run that never needs it (see `schemacheck`).
    schema: Any = schema_of("data")
    properties = schema["$defs"][definition]["properties"]
    return {key: index for index, key in enumerate(properties)}


def _ordered(value: Mapping[str, Any], definition: str) -> dict[str, Any]:
    """Keys in the schema's order (id first), whatever order the extractor used."""
    keys = tuple(value)
    order = _sorted_keys(keys, definition)
    if order == keys and type(value) is dict:
        return value.copy()  # already in order (most citations): copied in C
    return {k: value[k] for k in order}


@cache
def _sorted_keys(keys: tuple[str, ...], definition: str) -> tuple[str, ...]:
    # Items and citations come with a handful of key sets: each is sorted once, not once
    # per item (120,000 citations of a 1,000-article corpus).
    order = _key_order(definition)
    return tuple(sorted(keys, key=lambda k: (order.get(k, len(order)), k)))


def _prepare(
    raw: Mapping[str, Any], collection: str, item_id: str, remap: Mapping[str, str]
) -> dict[str, Any]:
    """The item as it will be written: final id, renamed references, a status, key order."""
    out = dict(raw)
    out["id"] = item_id
    for key in _REFERENCES:
        if isinstance(out.get(key), list):
            out[key] = [remap.get(v, v) for v in out[key]]
    out.setdefault("status", "extracted")
    for key in ("citations", "citation"):
        # Plain dicts and absent keys decided without the ABC test of `Mapping`: three
        # such tests per item were a fifth of preparing the items of 1,000 articles.
        value = out.get(key)
        if value is None:
            continue
        if isinstance(value, list):
            out[key] = [
                _ordered(c, "citation") if type(c) is dict or isinstance(c, Mapping) else c
                for c in value
            ]
        elif type(value) is dict or isinstance(value, Mapping):
            out[key] = _ordered(value, "citation")
    # `out` is this function's own copy: already in order, it is returned as it is.
    keys = tuple(out)
    order = _sorted_keys(keys, _DEFINITIONS[collection])
    return out if order == keys else {k: out[k] for k in order}


def _merge_aliases(item: CommentedMap, fresh: Mapping[str, Any], entry: BaseEntry | None) -> bool:
    """Add the extractor's new aliases to an editor's entity; respect aliases they removed.
    True when it added any."""
    if item.get("status") == "rejected":
        return False
    known = {str(a).casefold() for a in item.get("aliases") or []} | {
        str(item.get("name", "")).casefold()
    }
    previous = {a.casefold() for a in (entry.aliases or [])} if entry else set()
    new = []
    for alias in fresh.get("aliases") or []:
        if alias.casefold() not in known and alias.casefold() not in previous:
            known.add(alias.casefold())
            new.append(alias)
    if new:
        if isinstance(item.get("aliases"), list):
            item["aliases"].extend(new)  # in place: comments on the list stay
        else:
            item["aliases"] = new
    return bool(new)


def _as_is(item: dict[str, Any]) -> dict[str, Any]:
    return item


def _hang(comment: Any, item: Any) -> bool:
    """Hang the comment over the next item on `item`'s last key, if it can go there: a plain
    value there (status, as a rule) is written with it right after; a nested one is not."""
    key = _last_key(item)
    if not isinstance(item, CommentedMap) or key is None or isinstance(item[key], (Mapping, list)):
        return False
    item.ca.items[key] = [None, None, comment, None]
    return True


def _sort_key(entry: tuple[dict[str, Any], list[Span]]) -> tuple[tuple[str, int, int], str]:
    item, spans = entry
    return (spans[0][:3] if spans else ("", -1, -1)), str(item["id"])


class _CollectionMerge:
    """One collection: match fresh items to file items by id, then by citation span."""

    def __init__(
        self,
        name: str,
        seq: CommentedSeq,
        base: Mapping[str, BaseEntry],
        pending: list[Mapping[str, BaseEntry]],
        elsewhere: set[str],
        plain: bool = False,
    ) -> None:
        self.name, self.seq, self.base, self.pending = name, seq, base, pending
        self.elsewhere = elsewhere
        # New and refreshed items go in as they are, not as ruamel's CommentedMap, when
        # the document is written by `fastyaml.dump_document` (the same text for both):
        # building 36,000 CommentedMaps took a third of merging a 1,000-article corpus.
        self.wrap: Callable[[dict[str, Any]], Any] = _as_is if plain else CommentedMap
        self.counts = Counts()
        self.touched: list[Any] = []
        self.new_base: dict[str, BaseEntry] = {}
        self.by_id: dict[str, CommentedMap] = {str(item["id"]): item for item in seq}
        # Where each id sits (the last of repeats, as in by_id); seq keeps its order while
        # items are refreshed, and a scan per refresh would be quadratic.
        self.index = {str(item["id"]): i for i, item in enumerate(seq)}
        self.matched: set[str] = set()
        # Spans of file items and of deleted items: a fact now cited by one more article may
        # come with a new id, but it is still the fact the editor kept or deleted. A file
        # item also owns the spans its base entry records (what the extractor last matched
        # to it), as a deleted one does: an editor's item is never refreshed, so its own
        # citations miss the articles that joined it since, and once the passage it cites
        # moves, the extractor's version of it would otherwise come in as a new fact.
        self.span_owner: dict[Span, list[str]] = {}
        self.owned: dict[str, frozenset[Span]] = {}  # each owner's spans
        for item_id, item in self.by_id.items():
            spans = item_spans(item)
            entry = base.get(item_id)
            if entry:
                spans += [s for s in entry.spans if s not in spans]
            self.owned[item_id] = frozenset(spans)
            for span in spans:
                self.span_owner.setdefault(span, []).append(item_id)
        # Items with an editor's comment right above them: ruamel keeps that comment at the
        # end of the item before (`trailing_comment`), but it is about this one.
        # Above the first item, it is the sequence's own comment.
        self.commented_above = {
            str(seq[i + 1]["id"])
            for i in range(len(seq) - 1)
            if isinstance(seq[i], CommentedBase) and trailing_comment(seq[i]) is not None
        }
        if seq and seq.ca.comment and any(seq.ca.comment[1:]):
            self.commented_above.add(str(seq[0]["id"]))
        self.deleted = {i for i in base if i not in self.by_id}
        for item_id in sorted(self.deleted):
            self.owned[item_id] = frozenset(base[item_id].spans)
            for span in base[item_id].spans:
                self.span_owner.setdefault(span, []).append(item_id)
        # Ids a fresh item of this run carries itself (not reached through a span).
        self.own_id: set[str] = set()

    def accepted(self, item_id: str) -> set[str]:
        entries = [self.base.get(item_id), *(p.get(item_id) for p in self.pending)]
        return {e.hash for e in entries if e}

    def target(self, spans: Iterable[Span]) -> tuple[str | None, bool]:
        """The item (live or deleted) a fresh item is by a shared passage, and whether it
        only repeats a passage another fresh item already claimed (then it is dropped)."""
        cited = frozenset(spans)
        # An owner the extractor still gives its own id, citing exactly these passages, is
        # another fact of them ("said A, adding that B": two claims of one sentence; two
        # actors' positions in it), not this one: this one is new. A fact now cited by one
        # more article cites more, and is still the owner.
        owners = [
            owner
            for span in spans
            for owner in self.span_owner.get(span, [])
            if not (owner in self.own_id and self.owned.get(owner) == cited)
        ]
        live = [o for o in owners if o not in self.deleted]
        for owner in live:
            if owner not in self.matched:
                return owner, False
        deleted = [o for o in owners if o in self.deleted]
        if deleted:
            return deleted[0], False
        return (live[0], True) if live else (None, False)

    def run(self, fresh: list[dict[str, Any]], remap: dict[str, str], dropped: set[str]) -> None:
        # Ids first, spans second: a span must not steal an item another fresh item names.
        by_id: list[tuple[dict[str, Any], str]] = []
        deferred = []
        for raw in fresh:
            fresh_id = str(raw["id"])
            known = fresh_id in self.by_id or fresh_id in self.deleted or fresh_id in self.elsewhere
            if known and fresh_id not in self.matched:
                self.matched.add(fresh_id)
                self.own_id.add(fresh_id)
                by_id.append((raw, fresh_id))
            elif not known:
                deferred.append(raw)
        # With their spans: an item's spans are worked out once (its citations, hence its
        # spans, are the same before and after `_prepare`), not for matching, the base
        # entry and the sort each.
        additions: list[tuple[dict[str, Any], list[Span]]] = []
        for raw in deferred:
            fresh_id = str(raw["id"])
            spans = item_spans(raw)
            target, duplicate = self.target(spans)
            if duplicate:
                remap[fresh_id] = str(target)
                continue
            if target is None:
                if fresh_id not in self.new_base:  # a repeated id: the first one wins
                    item = _prepare(raw, self.name, fresh_id, remap)
                    self.new_base[fresh_id] = self._entry(item, spans)
                    additions.append((item, spans))
                continue
            self.matched.add(target)
            remap[fresh_id] = target
            by_id.append((raw, target))
        for raw, target in by_id:
            self._take(raw, target, remap, dropped)
        self._remove_stale()
        self._keep_tombstones()
        added = [item for item, _spans in sorted(additions, key=_sort_key)]
        if _no_comment_past_end(self.seq):
            # `append` is ruamel's `insert` at the end, which moves the comments kept at
            # that index or past it (none here): one `extend` adds the same items, without
            # a sort of the comments and a call chain per item (36,000 new items).
            self.seq.extend(map(self.wrap, added))
        else:
            for item in added:
                self.seq.append(self.wrap(item))
        self.touched.extend(added)
        self.counts.added += len(added)

    def _take(
        self, raw: dict[str, Any], target: str, remap: dict[str, str], dropped: set[str]
    ) -> None:
        if target in self.deleted:
            self.counts.skipped_deleted += 1
            dropped.update({str(raw["id"]), target})
        elif target in self.elsewhere:
            self.counts.kept += 1
        else:
            item = _prepare(raw, self.name, target, remap)
            entry = self.new_base[target] = self._entry(item)
            self._apply(self.by_id[target], item, entry.hash)

    def _entry(self, item: dict[str, Any], spans: list[Span] | None = None) -> BaseEntry:
        """The base entry of a prepared fresh item (`spans`: its `item_spans`, if known)."""
        aliases = list(item.get("aliases") or []) if self.name == "entities" else None
        return BaseEntry(_fresh_hash(item), item_spans(item) if spans is None else spans, aliases)

    def _apply(self, current: CommentedMap, item: dict[str, Any], fresh_hash: str) -> None:
        item_id = str(current["id"])
        if is_editors(current, self.accepted(item_id)) or item_id in self.commented_above:
            # The confirmed base only: a dead run's pending aliases may never have been
            # written, and would read as aliases the editor removed.
            if self.name == "entities" and _merge_aliases(current, item, self.base.get(item_id)):
                self.touched.append(current)
            self.counts.kept += 1
        elif item_hash(current) == fresh_hash:
            self.counts.unchanged += 1
        else:
            fresh = self.wrap(item)
            comment = trailing_comment(current)  # over the next item: the only one to keep
            if comment is not None and not _hang(comment, fresh):
                self.counts.kept += 1  # it could not be carried over
                return
            self.seq[self.index[item_id]] = fresh
            self.touched.append(item)
            self.counts.updated += 1

    def _remove_stale(self) -> None:
        """Drop untouched items the extractor no longer produces; keep everything else."""
        for index in range(len(self.seq) - 1, -1, -1):
            item = self.seq[index]
            item_id = str(item["id"])
            if item_id in self.matched:
                continue
            if (
                is_editors(item, self.accepted(item_id))
                or self.seq.ca.items.get(index)
                or item_id in self.commented_above
            ):
                self.counts.kept += 1
                if item_id in self.base:  # still the extractor's base: a later delete sticks
                    self.new_base[item_id] = self.base[item_id]
            elif self._hand_on_comment(index):
                del self.seq[index]
                self.counts.removed += 1
            else:
                self.counts.kept += 1  # it holds the comment over the next item
                if item_id in self.base:
                    # Still the extractor's: its base stays, or the next run that gives
                    # it again would take it for the editor's and never refresh it.
                    self.new_base[item_id] = self.base[item_id]

    def _hand_on_comment(self, index: int) -> bool:
        """Whether the item at `index` can go without losing the comment over the next item
        that ruamel keeps at its end: none, or handed on to the item before it."""
        item = self.seq[index]
        comment = trailing_comment(item) if isinstance(item, CommentedBase) else None
        if comment is None:
            return True
        before = self.seq[index - 1] if index else None
        return before is not None and trailing_comment(before) is None and _hang(comment, before)

    def _keep_tombstones(self) -> None:
        # Only confirmed base entries are tombstones; a pending-only id missing from the file
        # was most likely never written (the run that meant to write it died).
        for item_id in self.deleted:
            self.new_base.setdefault(item_id, self.base[item_id])


def _no_comment_past_end(seq: CommentedSeq) -> bool:
    """Whether no comment of `seq` is kept at an index of its length or past it."""
    size = len(seq)
    return all(type(index) is int and index < size for index in seq.ca.items)


def _collection_seq(doc: dict[str, Any], name: str) -> CommentedSeq:
    if not isinstance(doc.get(name), CommentedSeq):
        doc[name] = CommentedSeq(doc.get(name) or [])
    seq: CommentedSeq = doc[name]
    return seq


def merge(
    documents: Mapping[str, dict[str, Any] | None],
    fresh: Fresh,
    base: Base,
    pending: Sequence[Base] = (),
    elsewhere: Mapping[str, set[str]] | None = None,
    plain: Container[str] = (),
) -> MergeResult:
    """Merge `fresh` (plain dicts per collection) into `documents` (`data/<collection>.yaml`,
    ruamel's CommentedMap or, for a file read by libyaml, plain dicts and lists).

    `documents` are updated in place (a missing one is created) and returned with the new
    base. `elsewhere` lists per collection the ids found in other data files (an editor
    moved them): those are never added again. Only the collections in COLLECTIONS are read.
    The collections in `plain` get new items as plain dicts (see `_CollectionMerge`).
    """
    result = MergeResult({}, {})
    remap: dict[str, str] = {}
    dropped: set[str] = set()
    for name in COLLECTIONS:
        one = merge_collection(
            name,
            documents.get(name),
            list(fresh.get(name) or []),
            base,
            pending,
            (elsewhere or {}).get(name, set()),
            name in plain,
            remap,
            dropped,
        )
        if one.document is not None:
            result.documents[name] = one.document
        result.base[name] = one.base
        result.counts[name] = one.counts
        result.touched[name] = one.touched
    return result


@dataclass
class CollectionMerged:
    document: Any  # None: no document to write (none was read, none is needed)
    base: dict[str, BaseEntry]
    counts: Counts
    touched: list[Any]


def merge_collection(
    name: str,
    existing: Any,
    fresh: list[dict[str, Any]],
    base: Base,
    pending: Sequence[Base],
    elsewhere: set[str],
    plain: bool,
    remap: dict[str, str],
    dropped: set[str],
) -> CollectionMerged:
    """One collection of `merge`: `existing` (its document as read, or None) updated in
    place with `fresh`. `remap` and `dropped` are shared across collections and only read
    for disputes, which come last (`tailsplit` merges the others apart for that reason):
    this collection's additions are made to them."""
    doc = existing if existing is not None else CommentedMap()
    seq = _collection_seq(doc, name)
    if name == "disputes":
        fresh = _surviving_disputes(fresh, remap, dropped)
    merger = _CollectionMerge(
        name,
        seq,
        base.get(name, {}),
        [p.get(name, {}) for p in pending],
        set(elsewhere),
        plain=plain,
    )
    merger.run(fresh, remap, dropped)
    return CollectionMerged(
        doc if existing is not None or seq else None,
        dict(sorted(merger.new_base.items())),
        merger.counts,
        merger.touched,
    )


def _surviving_disputes(
    items: list[dict[str, Any]], remap: Mapping[str, str], dropped: set[str]
) -> list[dict[str, Any]]:
    """A dispute over facts an editor deleted loses those members; under two, it goes."""
    out = []
    for raw in items:
        members = [remap.get(m, m) for m in raw.get("members") or []]
        kept = [m for m in members if m not in dropped]
        if len(kept) >= 2:
            out.append({**raw, "members": kept} if kept != members else raw)
    return out
