"""Which events report the same quotation: a relation between events, kept by groups.

A quotation that hundreds of sources repeat made every pair of its quotes a pair of linked
events: quadratic in time and in the size of the set of pairs. Quotes of one speaker with
equal token sets are interchangeable (equal sets are equally similar to everything), so
a pair of events is looked up through the groups its quotes belong to. The relation is the
one the pairs gave: events `a` and `b` are linked when quotes of the same speaker in them
reach the threshold and their sources differ.

Similarity of two groups is worked out when a pair of events asks, not for every pair of
groups up front: a corpus's big speakers had hundreds of thousands of similar pairs of
groups, while events ask about a hundred thousand pairs, nearly all of other speakers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .similarity import similarity_of, words_only

# One quote: (speaker, source, tokens, id of the event it lies in).
Said = tuple[object, str, frozenset[str], str]


class SameStatements:
    """`frozenset((a, b)) in links`: events a and b report the same quotation."""

    def __init__(self, quotes: Iterable[Said], threshold: float, min_shared: int) -> None:
        self._groups: dict[str, set[int]] = {}  # event id -> groups of its quotes
        self._source: dict[str, str] = {}  # event id -> source of its quotes
        # Per group: its speaker's number, its tokens and their words (`words_only`).
        self._speaker: list[int] = []
        self._tokens: list[frozenset[str]] = []
        self._words: list[frozenset[str]] = []
        self._threshold = threshold
        self._min_shared = min_shared
        by_speaker: dict[object, dict[frozenset[str], int]] = {}
        numbers: dict[object, int] = {}  # speaker -> its number (compared as ints)
        for speaker, source, tokens, event in quotes:
            number = numbers.setdefault(speaker, len(numbers))
            groups = by_speaker.setdefault(speaker, {})
            group = groups.get(tokens)
            if group is None:
                group = groups[tokens] = len(self._tokens)
                self._speaker.append(number)
                self._tokens.append(tokens)
                self._words.append(words_only(tokens))
            self._groups.setdefault(event, set()).add(group)
            # An event lies in one source and its quotes are looked up in that source.
            self._source[event] = source

    def _meet(self, mine: set[int], theirs: set[int]) -> bool:
        """Some group of `mine` and some of `theirs` are of one speaker and similar."""
        speaker, tokens, words = self._speaker, self._tokens, self._words
        threshold, min_shared = self._threshold, self._min_shared
        for g in mine:
            for h in theirs:
                if (
                    speaker[g] == speaker[h]
                    and similarity_of(tokens[g], words[g], tokens[h], words[h], min_shared)
                    >= threshold
                ):
                    return True
        return False

    def __contains__(self, pair: object) -> bool:
        if not isinstance(pair, frozenset) or len(pair) != 2:
            return False
        a, b = pair
        if a not in self._groups or b not in self._groups or self._source[a] == self._source[b]:
            return False
        return self._meet(self._groups[a], self._groups[b])

    def linker(self, a: str) -> Callable[[str], bool] | None:
        """`lambda b: frozenset((a, b)) in self`, None when `a` holds no quote (then no
        pair with it is in). Why: `combine_events` asks this of every earlier event that
        shares an actor (most of a corpus's events share Russia or Ukraine): one frozenset
        and two lookups of `a` per pair."""
        mine = self._groups.get(a)
        if mine is None:
            return None
        source = self._source[a]
        groups, sources, meet = self._groups, self._source, self._meet

        def linked(b: str) -> bool:
            theirs = groups.get(b)
            return (
                theirs is not None  # a pair of one event is no pair
                and b != a
                and sources[b] != source
                and meet(mine, theirs)
            )

        return linked
