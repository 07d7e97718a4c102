"""Stances shown by use: a country or body that strikes inside the question's target
country with a named weapon, and one that reports its own side's strike, supports the
strikes ("Ukraine fired U.S.-made missiles at an arsenal in Russia's Voronezh region,
Ukraine's General Staff said": both Ukraine and its General Staff).

ANNOTATING.md counts using the permission as support. The lexicon's
`stance_frames.use_report` finds the target country (in a group named `target`, or a
town of it listed in `places`: "near Kursk") and a strike verb shortly before it; the stance goes to the verb's subject when that is no
person ("Pilot X fired" reports a person, not a party), and to whoever the sentence
reports it from (a quote's speaker or a speech verb's), never to a body of the target
country itself ("the Russian Defence Ministry said Ukraine fired ...": Ukraine only), and
only when the sentence names a weapon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from . import casefast
from .entitycues import body_country, entity_rules
from .factbits import per_lexicon
from .framegate import Gate, alternatives_gate, may_match, may_match_anywhere
from .knowledge import Knowledge
from .sentences import Sentence


@dataclass(frozen=True)
class UseRules:
    verbs: re.Pattern[str]
    targets: re.Pattern[str]  # groups target0, target1, ...: the country named
    reach: int
    # The targets' `framegate` gate: a lower-cased sentence holding none of their pieces
    # names no target (most do not), found by substring tests instead of a search.
    gate: Gate = None
    towns: dict[str, str] = field(default_factory=dict)  # a target town: its country
    # A noun of armed men after the striker's name ("Ukrainian forces struck", "Ukraine's
    # armed forces hit") or after "its"/"their" ("its troops struck"): the lexicon's
    # `force_nouns`, matched from the end of the name or pronoun to the words before the verb.
    forces: re.Pattern[str] | None = None
    own_make: re.Pattern[str] | None = None  # the striker's own weapon: no use shown
    # Weapons named by their origin ("Western-supplied long-range missiles"), and their
    # `framegate` gate (most sentences hold none of the nouns they end on).
    weapon_words: re.Pattern[str] | None = None
    # The groups of targets written with no words before the name ("hit Russian bomber
    # base", as headlines write it): the strike verb must come right before them.
    bare: frozenset[str] = frozenset()
    weapon_words_gate: Gate = None
    # A verb of attitude ending right before the strike word, a quotation mark allowed
    # between: 'it "does not support" strikes on Russian territory' reports no use.
    attitude: re.Pattern[str] | None = None


def _build(data: dict[str, Any]) -> UseRules | None:
    raw = (data.get("stance_frames") or {}).get("use_report") or {}
    verbs = [str(v) for v in raw.get("verbs") or []]
    targets = [str(t) for t in raw.get("targets") or []]
    if not verbs or not targets:
        return None
    # A town of a target country (lexicon `places`, `use_report.target_places`): "hit an
    # ammunition depot near Kursk", "in Voronezh region". The group names the town.
    inside = {str(c) for c in raw.get("target_places") or []}
    towns = {
        str(name): str(group["country"])
        for group in data.get("places") or []
        if str(group.get("country")) in inside
        for name in group.get("names") or []
    }
    if towns:
        names = "|".join(re.escape(n) for n in sorted(towns, key=lambda n: (-len(n), n)))
        targets.append(
            rf"\b(?:in|near|at|outside|on|around) (?:the )?(?P<target>{names})\b(?![’'-])"
        )
        # ... or naming a site of it ("used Halberd missiles against the Volgograd refinery",
        # "struck the Saratov oil refinery").
        targets.append(
            rf"\bthe (?P<target>{names}) (?:[\w-]+ ){{0,2}}(?:refinery|refineries|air ?base|"
            r"airfield|depot|plant|factory|arsenal|port|bridge|works)\b"
        )
    # Each target pattern names its country `target`: numbered apart in one alternation.
    body = "|".join(
        f"(?:{t.replace('(?P<target>', f'(?P<target{i}>')})" for i, t in enumerate(targets)
    )
    nouns = "|".join(re.escape(str(n)) for n in data.get("force_nouns") or [])
    return UseRules(
        re.compile("|".join(f"(?:{v})" for v in verbs)),
        re.compile(body),
        int(raw.get("reach") or 140),
        alternatives_gate(t.replace("(?P<target>", "(") for t in targets),
        towns,
        re.compile(rf"(?:['’]s)?\s+(?:armed\s+)?(?:{nouns})(?=\s)") if nouns else None,
        re.compile("|".join(f"(?:{o})" for o in own)) if (own := raw.get("own_make")) else None,
        re.compile("|".join(f"(?:{w})" for w in by_origin))
        if (by_origin := raw.get("weapon_words"))
        else None,
        frozenset(f"target{i}" for i, t in enumerate(targets) if t.startswith("(?P<target>")),
        alternatives_gate([str(w) for w in by_origin]) if by_origin else None,
        re.compile(rf"\b(?:{'|'.join(map(re.escape, attitude))})[\"”]?\s+$", re.IGNORECASE)
        if (attitude := [str(v) for v in raw.get("attitude_verbs") or []])
        else None,
    )


use_rules = per_lexicon(_build)  # the lexicon's UseRules, or None

# Right before the strike verb: a use not reported but refused or barred ("will not allow Korean-made weapons to be used against targets inside Russia", "a bill
# to bar Ukraine from firing American missiles into Russia", "allied weapons being used").
# Between a strike verb and a target with no words of its own before it: an article.
_RIGHT_BEFORE = re.compile(r"\s+(?:a\s+|an\s+|the\s+)?")
# Words before a strike verb that make it no report: an infinitive or a negation; a verb
# of attitude (lexicon `use_report.attitude_verbs`) is `UseRules.attitude`.
_NO_REPORT = re.compile(r"\b(?:to|being|from|not|never|cannot)\s+(?:be\s+)?$")
USE_STANCE = "supports"


def country_of(entity_id: str, knowledge: Knowledge) -> str:
    """The country an actor is, or is a body of ("russian-defence-ministry": "russia")."""
    return body_country(entity_id, entity_rules(knowledge)) or entity_id


def names_weapon_by_origin(
    text: str, sentence: Sentence, knowledge: Knowledge, lower: str | None = None
) -> bool:
    """Whether the sentence names weapons by their origin (lexicon `weapon_words`), asked
    only where a target may be named (the targets' gate on `lower`, the article
    lower-cased): most sentences name none, and the words' pattern opens on any capital."""
    rules = use_rules(knowledge)
    return (
        rules is not None
        and rules.weapon_words is not None
        and (
            lower is None
            or (
                # Most articles pass neither gate anywhere: then no sentence is sliced.
                may_match_anywhere(rules.weapon_words_gate, lower)
                and may_match_anywhere(rules.gate, lower)
                and may_match(rules.weapon_words_gate, low := lower[sentence.start : sentence.end])
                and may_match(rules.gate, low)
            )
        )
        and rules.weapon_words.search(text, sentence.start, sentence.end) is not None
    )


def use_report(
    text: str,
    sentence: Sentence,
    knowledge: Knowledge,
    lower: str | None = None,
    weapons: int = 1,
) -> tuple[int, str | None] | None:
    """(where the strike verb is, the target's country) when `sentence` reports a strike
    inside the target country; whether it names a weapon and who reports it is the
    caller's to ask. The target is sought first: most sentences name none. `lower`: the
    article lower-cased (`casefast.plain_lower`), for the gate. `weapons`: how many
    weapons the sentence names as used; one said to be the striker's own make shows no use
    unless another is named beside it ("Ukrainian-made Svitanok drones and British-French
    Storm Shadow missiles")."""
    rules = use_rules(knowledge)
    if rules is None or (
        lower is not None
        and not (
            may_match_anywhere(rules.gate, lower)
            and may_match(rules.gate, lower[sentence.start : sentence.end])
        )
    ):
        return None
    if (
        weapons < 2
        and rules.own_make is not None
        and rules.own_make.search(text, sentence.start, sentence.end)
    ):
        return None
    # Its first-character twin (`casefast`): re skips to the letters the targets begin
    # with instead of trying every alternative at every position.
    for t in casefast.finditer(rules.targets, text, sentence.start, sentence.end):
        verb = rules.verbs.search(text, max(sentence.start, t.start() - rules.reach), t.start())
        if verb is None or any(
            p is not None and p.search(text, max(sentence.start, verb.start() - 20), verb.start())
            for p in (_NO_REPORT, rules.attitude)
        ):
            continue
        group, named = next(
            ((k, v) for k, v in t.groupdict().items() if k.startswith("target") and v),
            ("", None),
        )
        if group in rules.bare and not _RIGHT_BEFORE.fullmatch(text, verb.end(), t.start()):
            continue
        target = knowledge.lookup(named) if named else None
        if target is None and named:
            return verb.start(), rules.towns.get(named)
        return verb.start(), country_of(target, knowledge) if target else None
    return None
