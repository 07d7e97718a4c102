"""Names a translation writes its own language's way, given the English form so that they
are one person with the English articles': East Slavic names in another romanization
("Sergej Beljajev" in a Swedish daily, "Jelena Woronowa" in a Polish one: "Sergei Belyaev",
"Yelena Voronova"; lexicon `slavic_romanization`), and Hungarian names family name first
("Kertész Dániel": "Dániel Kertész"; lexicon `given_names_last`).

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
    given_last: frozenset[str] = frozenset()  # given names written after the family name


def _build(data: dict[str, Any]) -> Romanization:
    raw = data.get("slavic_romanization") or {}
    given = {str(k): str(v) for k, v in (raw.get("given_names") or {}).items()}
    letters = tuple((str(a).casefold(), str(b)) for a, b in raw.get("letters") or [])
    given_last = frozenset(str(n) for n in data.get("given_names_last") or [])
    return Romanization(given, letters, given_last)


romanization_for = per_lexicon(_build)


def english_name(name: str, rules: Romanization) -> str | None:
    """`name` in the English form, or None when it is not one the lexicon marks or reads
    the same. A name of two words whose last is a given name of `given_last` and whose
    first is not is turned round ("Varga-Németh Anna": "Anna Varga-Németh")."""
    words = name.split()
    if len(words) == 2 and words[1] in rules.given_last and words[0] not in rules.given_last:
        return f"{words[1]} {words[0]}"
    if len(words) < 2 or (first := rules.given.get(words[0])) is None:
        return None
    respelt = " ".join([first, *(_respell(w, rules.letters) for w in words[1:])])
    return respelt if respelt != name else None


def _respell(word: str, letters: tuple[tuple[str, str], ...]) -> str:
    """A surname rewritten letter group by letter group ("Kowalczuk": "Kovalchuk"), a group
    ending in "$" only at the word's end ("Polewoi": "Polevoy"), its capital kept."""
    low = word.casefold()
    for old, new in letters:
        if old.endswith("$"):
            if low.endswith(old[:-1]):
                low = low[: len(low) - len(old) + 1] + new
        else:
            low = low.replace(old, new)
    return low[:1].upper() + low[1:] if word[:1].isupper() else low
