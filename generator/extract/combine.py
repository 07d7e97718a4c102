"""Stage 3: one data set from the per-article extractions.

Entities with the same id or a shared name/alias become one (aliases united). The same fact
in two sources becomes one item citing both (corroborated); facts that conflict become
`disputes` and their members are flagged `contradicted`. Flags are only ever added: a
garbled or contradicted sentence never turns into a settled fact by being merged.
Everything is deterministic: articles are taken in source-id order and a merged item keeps
the id of its member from the source that sorts first.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from ..sources import Source
from .blocking import PrefixIndex
from .corroborate import (
    Absorber,
    Item,
    combine_events,
    combine_figures,
    dispute,
    flag,
    order_key,
    source_of,
)
from .factbits import lexicon_data, units_of
from .similarity import (
    build_similarity_rules,
    contradict,
    tokens,
    words_only,
)
from .statements import Said, SameStatements

KINDS = ("entities", "claims", "quotes", "positions", "figures", "events", "disputes")
_REFS = ("subject", "actor", "speaker")
_REF_LISTS = ("mentions", "actors")


def _copy(value: Any) -> Any:
    """`copy.deepcopy` of extraction results, fast for their dicts, lists and scalars.

    deepcopy's memo and dispatch were a tenth of combining 1,000 articles. Results are
    JSON (no object appears twice), so not keeping shared objects shared changes nothing;
    any other type still goes through deepcopy."""
    kind = type(value)  # exact types: a subclass may carry more than its items
    if kind is dict:
        return {k: _copy(v) for k, v in value.items()}
    if kind is list:
        return [_copy(v) for v in value]
    if kind in _IMMUTABLE:
        return value
    return copy.deepcopy(value)


_IMMUTABLE = frozenset({str, int, float, bool, type(None)})


def _article_key(article: dict[str, list[Item]]) -> str:
    for kind in KINDS[1:]:
        for item in article.get(kind) or []:
            return source_of(item)
    return ""


def merge_entities(articles: list[dict[str, list[Item]]]) -> tuple[list[Item], dict[str, str]]:
    """United entities and the map from every merged-away id to the id kept."""
    kept: list[Item] = []
    by_form: dict[str, Item] = {}
    remap: dict[str, str] = {}
    # Per entity merged into (by identity), every alias and name it took in: set as its
    # aliases, sorted, once all are merged. Why: a name hundreds of articles use (Russia)
    # sorted its whole list of aliases again for each of them. The same list: the union
    # only grows, and each merge wrote the sorted union less its own name, if any.
    united: dict[int, tuple[Item, set[str]]] = {}
    for article in articles:
        for entity in article.get("entities") or []:
            forms = [
                f.casefold() for f in [entity["id"], entity["name"], *(entity.get("aliases") or [])]
            ]
            home = next((by_form[f] for f in forms if f in by_form), None)
            if home is None:
                home = _copy(entity)
                kept.append(home)
            else:
                remap[entity["id"]] = home["id"]
                entry = united.get(id(home))
                if entry is None:
                    entry = united[id(home)] = (home, set(home.get("aliases") or []))
                entry[1].add(entity["name"])
                entry[1].update(entity.get("aliases") or [])
                for key in ("category", "description"):
                    if not home.get(key) and entity.get(key):
                        home[key] = entity[key]
            for form in forms:
                by_form.setdefault(form, home)
    for home, aliases in united.values():
        aliases.discard(home["name"])
        if aliases:
            home["aliases"] = sorted(aliases)
    return sorted(kept, key=lambda e: e["id"]), {k: v for k, v in remap.items() if k != v}


def _remap(item: Item, remap: dict[str, str]) -> None:
    for key in _REFS:
        if item.get(key) in remap:
            item[key] = remap[item[key]]
    for key in _REF_LISTS:
        refs = item.get(key)
        if refs:
            # Nearly every list names no merged-away id: then only its repeats go, in C
            # (no generator over it: 86,000 items of a 1,000-article corpus).
            if type(refs) is list and remap.keys().isdisjoint(refs):
                item[key] = list(dict.fromkeys(refs))
            else:
                item[key] = list(dict.fromkeys(remap.get(i, i) for i in refs))


class _Mentions:
    """`target["mentions"] = list(dict.fromkeys([*target's, *new]))`, deleted when empty,
    for many merges into the same targets.

    A claim that hundreds of articles repeat absorbs hundreds of claims: rebuilding its
    whole list of mentions on every merge made that quadratic. Here each target's list and
    the set of what it holds are kept and only unseen mentions are appended, in order: the
    same list. Targets are kept by identity (as `Absorber` keeps them); only this changes a
    target's mentions meanwhile."""

    def __init__(self) -> None:
        # id -> (the target, so its id is not reused; its mentions; the set of them)
        self._seen: dict[int, tuple[Item, list[Any], set[Any]]] = {}

    def add(self, target: Item, new: list[Any]) -> None:
        entry = self._seen.get(id(target))
        if entry is None:
            merged = list(dict.fromkeys([*(target.get("mentions") or []), *new]))
            entry = self._seen[id(target)] = (target, merged, set(merged))
        else:
            _target, merged, seen = entry
            for mention in new:
                if mention not in seen:
                    seen.add(mention)
                    merged.append(mention)
        if merged:
            target["mentions"] = merged
        else:
            target.pop("mentions", None)


def _combine_claims(
    claims: list[Item], rules: Any, publishers: dict[str, str]
) -> tuple[list[Item], list[Item]]:
    """One claim per fact; claims saying the opposite of a similar claim become disputes."""
    threshold = rules.thresholds.get("claim_similarity", 0.6)
    kept: list[Item] = []
    members: dict[str, set[str]] = {}
    disputes: list[Item] = []
    toks = {c["id"]: tokens(c["text"], rules) for c in claims}
    # Words-only parts once per claim, not once per compared pair (`similarity_of`).
    words = {t: words_only(t) for t in set(toks.values())}
    min_shared = rules.min_shared
    # Only earlier claims that can reach the threshold are compared (see `blocking`).
    index = PrefixIndex(threshold, toks.values())
    absorb = Absorber()  # keeps each target's citations indexed across merges
    mentions = _Mentions()
    # Per kept claim (by position, as `kept`): its id, tokens and their words, looked up
    # once when it is kept rather than for each of the ~130,000 pairs compared.
    kept_ids: list[str] = []
    kept_toks: list[frozenset[str]] = []
    kept_words: list[frozenset[str]] = []
    for claim in sorted(claims, key=order_key):
        target = None
        source, mine = source_of(claim), toks[claim["id"]]
        my_words = words[mine]
        # A claim with fewer words than `min_shared` scores 0 with every claim (see
        # `similarity_of`), below any positive threshold: it meets no candidate and is no
        # candidate, so it is neither looked up nor indexed. Why: such claims (mostly
        # entity names) were over a third of the pairs compared.
        alone = threshold > 0 and len(my_words) < min_shared
        for position in () if alone else index.candidates(mine):
            if source in members[kept_ids[position]]:
                continue
            # `similarity_of(theirs, ..., mine, ...)`, inline: the same value.
            theirs = kept_toks[position]
            if not theirs or not mine or len(kept_words[position] & my_words) < min_shared:
                score = 0.0
            else:
                score = 2 * len(theirs & mine) / (len(theirs) + len(mine))
            if score < threshold:
                continue
            earlier = kept[position]
            if contradict(earlier["text"], claim["text"], rules):
                flag(earlier, "contradicted")
                flag(claim, "contradicted")
                who = " vs ".join(
                    publishers.get(source_of(c), source_of(c)) for c in (earlier, claim)
                )
                disputes.append(
                    dispute(
                        earlier["subject"],
                        None,
                        f"Sources contradict each other ({who}): “{earlier['text']}” vs “{claim['text']}”",
                        [earlier, claim],
                    )
                )
                continue
            target = earlier
            break
        if target is None:
            if not alone:
                index.add(len(kept), mine)
            kept.append(claim)
            kept_ids.append(claim["id"])
            kept_toks.append(mine)
            kept_words.append(my_words)
            members[claim["id"]] = {source}
        else:
            absorb(target, claim)
            mentions.add(target, claim.get("mentions") or [])
            members[target["id"]].add(source)
    ids = {c["id"] for c in kept}
    return kept, [d for d in disputes if all(m in ids for m in d["members"])]


def _combine_positions(positions: list[Item]) -> list[Item]:
    """The same actor holding the same stance at the same time in two sources: one position."""
    kept: dict[tuple[str, str, str], Item] = {}
    absorb = Absorber()
    for position in sorted(positions, key=order_key):
        key = (position["actor"], position["stance"], str(position.get("as_of")))
        if key in kept:
            absorb(kept[key], position)
        else:
            kept[key] = position
    return sorted(kept.values(), key=order_key)


def _same_statements(quotes: list[Item], events: list[Item], rules: Any) -> SameStatements:
    """Pairs of event ids whose sentences report the same quotation of the same speaker."""
    threshold = rules.thresholds.get("quote_similarity", 0.6)
    by_source: dict[Any, list[Item]] = {}
    for event in events:  # in list order: the first event holding the quote wins
        by_source.setdefault(event["citations"][0]["source"], []).append(event)

    def event_of(quote: Item) -> str | None:
        cite = quote.get("citation") or {}
        for event in by_source.get(cite.get("source"), []):
            c = event["citations"][0]
            if c["start"] <= int(cite.get("start", -1)) < c["end"]:
                return str(event["id"])
        return None

    said: list[Said] = []
    for quote in quotes:
        if quote.get("speaker"):
            home = event_of(quote)
            if home:  # a quote outside every event links nothing
                said.append(
                    (quote["speaker"], source_of(quote), tokens(quote["text"], rules), home)
                )
    return SameStatements(said, threshold, rules.min_shared)


def contradicted_spans(events: list[Item]) -> set[tuple[Any, Any, Any]]:
    """The citation spans of contradicted events (see `spread_contradiction`)."""
    return {
        (c["source"], c.get("start"), c.get("end"))
        for e in events
        if "contradicted" in (e.get("flags") or [])
        for c in e["citations"]
    }


def spread_contradiction(claims: list[Item], spans: set[tuple[Any, Any, Any]]) -> None:
    """A claim citing the very sentence of a contradicted event is not settled either."""
    for claim in claims:
        if any((c["source"], c.get("start"), c.get("end")) in spans for c in claim["citations"]):
            flag(claim, "contradicted")


def _known_entity(knowledge: Any, entity_id: str) -> Item | None:
    known = getattr(knowledge, "entities", {}).get(entity_id)
    if known is None:
        return None
    item: Item = {"id": known.id, "kind": known.kind, "name": known.name}
    if known.category:
        item["category"] = known.category
    if known.aliases:
        item["aliases"] = sorted(set(known.aliases))
    if known.description:
        item["description"] = known.description
    item["status"] = "extracted"
    return item


@dataclass
class Stage:
    """What every part of combining reads: entities united, facts renamed to them."""

    knowledge: Any
    entities: list[Item]
    items: dict[str, list[Item]]
    rules: Any
    publishers: dict[str, str]
    published: dict[str, str] = field(default_factory=dict)  # source id -> ISO date


def start(
    per_article: list[dict[str, list[Item]]],
    knowledge: Any,
    sources: dict[str, Source],
    owned: bool = False,
) -> Stage:
    """Entities united and every fact gathered by kind (see `combine`)."""
    articles = sorted(per_article if owned else _copy(per_article), key=_article_key)
    entities, remap = merge_entities(articles)
    items: dict[str, list[Item]] = {kind: [] for kind in KINDS[1:]}
    for article in articles:
        for kind in KINDS[1:]:
            found = article.get(kind) or []
            if remap:  # nothing to rename when no two entities were merged
                for item in found:
                    _remap(item, remap)
            items[kind] += found
    rules = build_similarity_rules(lexicon_data(knowledge), entities)
    publishers = {sid: src.publisher for sid, src in sources.items()}
    published = {sid: src.published.isoformat() for sid, src in sources.items()}
    return Stage(knowledge, entities, items, rules, publishers, published)


def combine_claims(stage: Stage) -> tuple[list[Item], list[Item]]:
    """Claims and the disputes between them, before `spread_contradiction`."""
    return _combine_claims(stage.items["claims"], stage.rules, stage.publishers)


def combine_others(stage: Stage) -> dict[str, list[Item]]:
    """Every kind but claims and entities, combined; "disputes" holds the articles' own
    and those over figures and events (claims' are added by `finish`)."""
    entities, knowledge, items = stage.entities, stage.knowledge, stage.items
    names = {e["id"]: e["name"] for e in entities}

    def name(entity_id: str) -> str:
        known = getattr(knowledge, "entities", {}).get(entity_id)
        return names.get(entity_id) or getattr(known, "name", None) or entity_id

    raw = lexicon_data(knowledge).get("combine") or {}
    window = raw.get("moment_days")
    figures, figure_disputes = combine_figures(
        items["figures"],
        units_of(knowledge),
        name,
        stage.published if window is not None else None,
        int(window or 0),
        frozenset(str(p) for p in raw.get("lasting_properties") or []),
    )
    same = _same_statements(items["quotes"], items["events"], stage.rules)
    weapons = frozenset(e["id"] for e in entities if e.get("kind") == "weapon")
    events, event_disputes = combine_events(
        items["events"], stage.rules, same, name, stage.publishers, weapons
    )
    return {
        "quotes": sorted(items["quotes"], key=order_key),
        "positions": _combine_positions(items["positions"]),
        "figures": figures,
        "events": events,
        "disputes": [*items["disputes"], *figure_disputes, *event_disputes],
    }


def references(items: list[Item]) -> set[str]:
    """The entity ids that facts refer to."""
    refs: set[str] = set()
    for item in items:
        for key in _REFS:
            ref = item.get(key)
            if isinstance(ref, str):
                refs.add(ref)
        for key in _REF_LISTS:
            refs.update(r for r in item.get(key) or () if isinstance(r, str))
    return refs


def finish(
    stage: Stage, others: dict[str, list[Item]], claim_disputes: list[Item], refs: set[str]
) -> dict[str, list[Item]]:
    """`others` with every dispute, and the entities, with those that facts refer to
    (`refs`: those of claims) added from the lexicon; no "claims"."""
    # The articles' disputes first, then the claims', figures' and events': a later
    # dispute with the same id replaces an earlier one, as it always did.
    own = len(stage.items["disputes"])
    found = others["disputes"]
    every = [*found[:own], *claim_disputes, *found[own:]]
    disputes = sorted({d["id"]: d for d in every}.values(), key=lambda d: d["id"])
    out = {"entities": stage.entities, **others, "disputes": disputes}
    # Facts may name an entity the article's entity list missed ("North Korean soldiers").
    # The references are gathered first, then looked up once each: what is added depends
    # on the reference alone, and the list is sorted by id after.
    entities = stage.entities
    known_ids = {e["id"] for e in entities}
    every_ref = refs.union(*(references(out[kind]) for kind in KINDS[2:]))
    for ref in every_ref:
        if ref not in known_ids and (known := _known_entity(stage.knowledge, ref)):
            entities.append(known)
            known_ids.add(ref)
    entities.sort(key=lambda e: e["id"])
    return out


def combine(
    per_article: list[dict[str, list[Item]]],
    knowledge: Any,
    sources: dict[str, Source],
    *,
    owned: bool = False,
) -> dict[str, list[Item]]:
    """The data set of all articles: merged, corroborated, with disputes (see module doc).

    Items are merged in place, so `per_article` is copied first unless the caller hands
    it over (`owned`: extract decodes it from JSON for this call alone). `forksplit` does
    the same in two processes: claims in one, the rest in the other."""
    stage = start(per_article, knowledge, sources, owned)
    claims, claim_disputes = combine_claims(stage)
    others = combine_others(stage)
    spread_contradiction(claims, contradicted_spans(others["events"]))
    out = finish(stage, others, claim_disputes, references(claims))
    return {"entities": out.pop("entities"), "claims": claims, **out}
