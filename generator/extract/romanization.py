"""East Slavic names a translation spells in its own language's romanization ("Sergej
Beljajev" in a Swedish daily, "Jelena Woronowa" in a Polish one), given the English
spelling ("Sergei Belyaev", "Yelena Voronova"), so that they are one person with the
English articles' (lexicon `slavic_romanization`).

Only a name whose first word is one of the lexicon's foreign spellings of an East Slavic
given name is respelt: the surname alone does not say whether "Kowalczuk" is a Pole, whose
name stays as written, or a Ukrainian."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .factbits import per_lexicon


@dataclass(frozen=True)
class Romanization:
    given: dict[str, str]  # a given name as the translation spells it -> in English
    letters: tuple[tuple[str, str], ...]  # the surname's rewrites, in order, lower case


def _build(data: dict[str, Any]) -> Romanization:
    raw = data.get("slavic_romanization") or {}
    given = {str(k): str(v) for k, v in (raw.get("given_names") or {}).items()}
    letters = tuple((str(a).casefold(), str(b)) for a, b in raw.get("letters") or [])
    return Romanization(given, letters)


romanization_for = per_lexicon(_build)


def english_name(name: str, rules: Romanization) -> str | None:
    """`name` in the English romanization, or None when it is not one the lexicon marks
    or reads the same."""
    words = name.split()
    if len(words) < 2 or (first := rules.given.get(words[0])) is None:
        return None
    respelt = " ".join([first, *(_respell(w, rules.letters) for w in words[1:])])
    return respelt if respelt != name else None


def _respell(word: str, letters: tuple[tuple[str, str], ...]) -> str:
    """A surname rewritten letter group by letter group ("Kowalczuk": "Kovalchuk"), its
    capital kept."""
    low = word.casefold()
    for old, new in letters:
        low = low.replace(old, new)
    return low[:1].upper() + low[1:] if word[:1].isupper() else low
