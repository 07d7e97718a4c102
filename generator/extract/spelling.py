"""Spelling variants of names ("Defense"/"Defence", "Ministry of Defence"/"Defence
Ministry"), from the lexicon's `spelling_variants`.

An AP story's "Russian Defense Ministry" and a Reuters story's "Russian Defence Ministry"
are one body: both get one id, and a known alias is found in either spelling. Each entry
lists the preferred form first; names keep the spelling their article uses, only ids and
lookups fold them.
"""

from __future__ import annotations

import re
from typing import Any

_MAX_ROUNDS = 4


class Spelling:
    """Folds a name's variant spellings onto the preferred ones."""

    def __init__(self, groups: list[list[str]]) -> None:
        self._preferred: dict[str, str] = {}  # folded variant -> folded preferred
        self._words: dict[str, list[str]] = {}  # one-word form -> its other one-word forms
        for group in groups:
            forms = [str(f) for f in group if str(f).strip()]
            if len(forms) < 2:
                continue
            for variant in forms[1:]:
                self._preferred.setdefault(variant.casefold(), forms[0].casefold())
            if all(" " not in f for f in forms):
                for form in forms:
                    self._words[form] = [f for f in forms if f != form]
        folded = sorted(self._preferred, key=lambda f: (-len(f), f))
        self._pattern = (
            re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, folded))})(?!\w)") if folded else None
        )
        self._word_pattern = (
            re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, sorted(self._words)))})(?!\w)")
            if self._words
            else None
        )
        self._cache: dict[str, str] = {}

    def key(self, name: str) -> str:
        """`name` case-folded, with every variant spelling replaced by the preferred one."""
        folded = name.casefold()
        if self._pattern is None:
            return folded
        hit = self._cache.get(folded)
        if hit is None:
            # Until nothing changes: "ministry of defense" -> "ministry of defence" ->
            # "defence ministry" (each step shortens or keeps the preferred form).
            hit, before, rounds = folded, None, 0
            while hit != before and rounds < _MAX_ROUNDS:  # a cycle an editor wrote ends too
                before, hit = hit, self._pattern.sub(lambda m: self._preferred[m.group()], hit)
                rounds += 1
            self._cache[folded] = hit
        return hit

    def surface_forms(self, form: str) -> list[str]:
        """`form` and its spellings with one-word variants swapped ("Department of
        Defense", "Department of Defence"), so the text is searched for each."""
        if self._word_pattern is None or not self._word_pattern.search(form):
            return [form]
        forms = [form]
        for word in dict.fromkeys(m.group() for m in self._word_pattern.finditer(form)):
            swap = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
            for other in self._words[word]:
                forms += [swap.sub(other, f) for f in list(forms)]
        return list(dict.fromkeys(forms))


def spelling_from(data: dict[str, Any]) -> Spelling:
    return Spelling([list(g) for g in data.get("spelling_variants") or []])
