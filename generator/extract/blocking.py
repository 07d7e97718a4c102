"""Candidate pairs for a Dice-similarity threshold without comparing all pairs.

Comparing every claim with every earlier one is quadratic: 50,000 claims from 1,000
articles are over a billion comparisons. Prefix filtering (Chaudhuri et al. 2006) finds a
superset of the pairs that can reach the threshold: with tokens in one global order
(rarest first), two sets whose Dice coefficient is at least t share a token within the
first |X| - ceil(t|X| / (2 - t)) + 1 tokens of each. Callers then apply their own exact
test to the candidates, in their own order, so results are the same as comparing all pairs.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from itertools import chain, repeat


class PrefixIndex:
    """Sets added under an integer key; `candidates(x)` are keys of sets that may reach
    Dice >= `threshold` with x (every one that does, plus some that do not)."""

    def __init__(self, threshold: float, universe: Iterable[frozenset[str]]) -> None:
        self.threshold = threshold
        frequency: Counter[str] = Counter()
        for tokens in universe:
            frequency.update(tokens)
        # Unknown tokens sort first (frequency 0): they are the rarest of all.
        self.frequency = frequency
        # Each known token's place in that order, (frequency, token): a prefix is sorted by
        # looking it up in C instead of building a key tuple per token in Python.
        self._rank = {
            t: i for i, t in enumerate(sorted(frequency, key=lambda t: (frequency[t], t)))
        }
        self.postings: dict[str, list[int]] = {}
        self.keys: list[int] = []  # for a threshold of 0 or less, which every pair reaches
        # A set is looked up as a candidate and then added, and repeated sentences give
        # equal sets: each prefix is sorted once.
        self._prefixes: dict[frozenset[str], list[str]] = {}

    def _prefix(self, tokens: frozenset[str]) -> list[str]:
        found = self._prefixes.get(tokens)
        if found is None:
            found = self._prefixes[tokens] = self._sorted_prefix(tokens)
        return found

    def _sorted_prefix(self, tokens: frozenset[str]) -> list[str]:
        rank = self._rank
        if rank.keys() >= tokens:
            ordered = sorted(tokens, key=rank.__getitem__)
        else:  # a token outside the universe (frequency 0)
            ordered = sorted(tokens, key=lambda t: (self.frequency[t], t))
        # Smallest overlap any partner can have with a set of this size; one less is safe
        # against rounding (a longer prefix only adds candidates).
        overlap = max(1, math.ceil(self.threshold * len(ordered) / (2 - self.threshold)) - 1)
        return ordered[: max(0, len(ordered) - overlap + 1)]

    def add(self, key: int, tokens: frozenset[str]) -> None:
        self.keys.append(key)
        if self.threshold <= 0:
            return
        for token in self._prefix(tokens):
            self.postings.setdefault(token, []).append(key)

    def candidates(self, tokens: frozenset[str]) -> list[int]:
        """Keys in ascending order (the order they were compared in before)."""
        if self.threshold <= 0:
            return sorted(self.keys)
        # The postings of the prefix's tokens united in C (`map` of `get`, not a loop of
        # `update` calls): claims and quotes look up tens of thousands of prefixes.
        prefix = self._prefix(tokens)
        return sorted(set(chain.from_iterable(map(self.postings.get, prefix, repeat(())))))
