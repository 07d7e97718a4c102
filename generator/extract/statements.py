"""Which events report the same quotation: a relation between events, kept by groups.

A quotation that hundreds of sources repeat made every pair of its quotes a pair of linked
events: quadratic in time and in the size of the set of pairs. Quotes of one speaker with
equal token sets are interchangeable (equal sets are equally similar to everything), so
similarity is decided once per pair of distinct token sets, and a pair of events is looked
up through the groups its quotes belong to. The relation is the one the pairs gave: events
`a` and `b` are linked when quotes of the same speaker in them reach the threshold and
their sources differ.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .blocking import PrefixIndex
from .similarity import similarity_of, words_only

# One quote: (speaker, source, tokens, id of the event it lies in).
Said = tuple[object, str, frozenset[str], str]


class SameStatements:
    """`frozenset((a, b)) in links`: events a and b report the same quotation."""

    def __init__(self, quotes: Iterable[Said], threshold: float, min_shared: int) -> None:
        self._groups: dict[str, set[int]] = {}  # event id -> groups of its quotes
        self._source: dict[str, str] = {}  # event id -> source of its quotes
        self._similar: dict[int, set[int]] = {}  # group -> groups similar to it (maybe itself)
        by_speaker: dict[object, dict[frozenset[str], int]] = {}
        for speaker, source, tokens, event in quotes:
            groups = by_speaker.setdefault(speaker, {})
            group = groups.get(tokens)
            if group is None:
                group = groups[tokens] = len(self._similar)
                self._similar[group] = set()
            self._groups.setdefault(event, set()).add(group)
            # An event lies in one source and its quotes are looked up in that source.
            self._source[event] = source
        for groups in by_speaker.values():
            self._link(groups, threshold, min_shared)

    def _link(self, groups: dict[frozenset[str], int], threshold: float, min_shared: int) -> None:
        index = PrefixIndex(threshold, groups)
        sets = list(groups)
        words = [words_only(t) for t in sets]
        for i, tokens in enumerate(sets):
            index.add(i, tokens)  # before the lookup: a set may be similar to itself
            for j in index.candidates(tokens):
                if similarity_of(sets[j], words[j], tokens, words[i], min_shared) >= threshold:
                    a, b = groups[sets[j]], groups[tokens]
                    self._similar[a].add(b)
                    self._similar[b].add(a)

    def __contains__(self, pair: object) -> bool:
        if not isinstance(pair, frozenset) or len(pair) != 2:
            return False
        a, b = pair
        if a not in self._groups or b not in self._groups or self._source[a] == self._source[b]:
            return False
        theirs = self._groups[b]
        return any(not self._similar[g].isdisjoint(theirs) for g in self._groups[a])

    def linker(self, a: str) -> Callable[[str], bool] | None:
        """`lambda b: frozenset((a, b)) in self`, None when `a` holds no quote (then no
        pair with it is in). Why: `combine_events` asks this of every earlier event that
        shares an actor (most of a corpus's events share Russia or Ukraine): one frozenset
        and two lookups of `a` per pair. The groups similar to any of `a`'s are united once;
        `any(not similar[g].isdisjoint(theirs) ...)` is that union meeting `theirs`."""
        mine = self._groups.get(a)
        if mine is None:
            return None
        source = self._source[a]
        near: set[int] = set()
        for group in mine:
            near |= self._similar[group]
        groups, sources = self._groups, self._source

        def linked(b: str) -> bool:
            theirs = groups.get(b)
            return (
                theirs is not None  # a pair of one event is no pair
                and b != a
                and sources[b] != source
                and not near.isdisjoint(theirs)
            )

        return linked
