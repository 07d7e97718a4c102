"""Date expressions ("on Sunday", "in February", "since October 2023") resolved against the
article's publication date.

Names and relative words come from `dates.yaml`. A part of a date not written in the text
is worked out from the publication date and listed in `inferred`, so the site can say so.
Inference looks back (news reports what happened), except after an "until" word, where the
period runs forward from publication.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from . import casefast
from .knowledge import trie_alternation
from .quantities import QuantityRules, parse_number, rules_for

_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_PARTS = ("year", "month", "day")


@dataclass(frozen=True)
class DateExpr:
    """`text[start:end]` resolved to `date` (YYYY, YYYY-MM or YYYY-MM-DD)."""

    start: int
    end: int
    text: str
    date: str
    inferred: tuple[str, ...] = ()
    until: str | None = None


@dataclass(frozen=True)
class DateRules:
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    # Per pattern, a plain alternation of a word the pattern cannot match without (same
    # flags), or None. Most sentences have no date word; the patterns begin with
    # lookarounds, so re tries them at every position, while a gate of bare words is
    # skipped through by re's first-character scan (find_dates ran ~90 µs a sentence).
    gates: tuple[re.Pattern[str] | None, ...]
    # Per pattern, for a case-blind gate of ASCII words: those words in lower case, to
    # look for in the lower-cased sentence (re cannot skip ahead for a case-blind pattern).
    gate_words: tuple[tuple[str, ...] | None, ...]
    # All of `gate_words` as one case-sensitive alternation, searched in the lower-cased
    # sentence first: most sentences hold none of them, and one scan in C then stands for
    # the five word lists' ~37 substring tests (a text holds one of a list's words only if
    # it holds one of all). None when no pattern has gate words.
    blind_gate: re.Pattern[str] | None
    lead: re.Pattern[str]  # a word that makes a lone month or year a date
    since: re.Pattern[str]
    until: re.Pattern[str]
    future: re.Pattern[str]  # "will", "is expected to": a month without a year lies ahead
    not_future: re.Pattern[str] | None  # "We will remind,": no future of the clause
    past: re.Pattern[str] | None  # "said", "-ed": a clause in the past tense
    months: dict[str, int]
    weekdays: dict[str, int]
    relative_days: dict[str, int]
    relative_periods: dict[str, dict[str, Any]]
    seasons: dict[str, tuple[int, int]]
    numbers: QuantityRules
    time_units: dict[str, str]
    # "overnight", "last night": the publication day only when the sentence names no day.
    night_words: frozenset[str] = frozenset()
    # "between January and July", "from March to May": two dates joined into one period
    # (lexicon `range_words`: the word opening it, then the words joining the two).
    ranges: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = ()
    # The distinct regex gates of the patterns without gate words, in pattern order; None
    # if a pattern has no gate at all. With none of them and no gate word found, no
    # pattern can match: most sentences are turned away after these few searches,
    # without the loop over every pattern (a fifth of find_dates' time).
    plain_gates: tuple[re.Pattern[str], ...] | None = None
    # "the first of May": day numbers written as ordinal words (lexicon `ordinal_days`).
    ordinal_days: dict[str, int] = field(default_factory=dict)


def _alt(names: Any, blind: bool = False) -> str:
    """Longest first, as a trie (same matches, each character tested once: see
    `trie_alternation`); `blind` for lists used case-blind, which the trie must know."""
    return trie_alternation([str(n) for n in names], ignore_case=blind) or "(?!x)x"


def _first_chars(words: list[str], blind: bool = False) -> str | None:
    """A class of the characters `words` begin with (case-blind if `blind`); None if one
    is empty, so that anything may come first."""
    if not words or not all(words):
        return None
    chars = "".join(sorted({re.escape(w[0]) for w in words}))
    return f"(?i:[{chars}])" if blind else f"[{chars}]"


def _led(pattern: str, *firsts: str | None) -> str:
    """`pattern` behind a lookahead for the characters any match of it begins with.

    Same matches (the lookahead only restates what the pattern needs first), found faster:
    patterns opening with an optional group are otherwise entered at every position."""
    if any(f is None for f in firsts):
        return pattern
    return f"(?={'|'.join(f for f in firsts if f)}){pattern}"


def build_date_rules(data: dict[str, Any]) -> DateRules:
    """Compile the date patterns of a merged lexicon's `data`."""
    months = {str(k): int(v) for k, v in (data.get("months") or {}).items()}
    weekdays = {str(k): int(v) for k, v in (data.get("weekdays") or {}).items()}
    rel_days = {str(k).casefold(): int(v) for k, v in (data.get("relative_days") or {}).items()}
    rel_periods = {
        str(k).casefold(): dict(v) for k, v in (data.get("relative_periods") or {}).items()
    }
    # Relative periods that are calendar years ("last year"), by their offset.
    rel_years = {
        k: int(v.get("offset", 0)) for k, v in rel_periods.items() if v.get("unit") == "year"
    }
    seasons = {
        str(k).casefold(): (int(v[0]), int(v[1])) for k, v in (data.get("seasons") or {}).items()
    }
    numbers = rules_for(data)
    time_units = {n: uid for n, (uid, dim) in numbers.units.items() if dim == "time"}
    month = rf"(?<![\w])(?P<month>{_alt(months)})(?![\w])"
    number = rf"(?P<n>\d+|{_alt(numbers.words, blind=True)})"
    units = _alt(time_units, blind=True)
    edge_words = [
        str(w) for w in [*(data.get("end_words") or []), *(data.get("start_words") or [])]
    ]
    edges = _alt(edge_words, blind=True)
    # What "m" and "y" begin with: an edge word, else the month or the year ("19", "20").
    edge_first = _first_chars(edge_words, blind=True) if edge_words else ""
    month_first = _first_chars([str(m) for m in months])
    ordinals = {str(w).casefold(): int(n) for w, n in (data.get("ordinal_days") or {}).items()}
    ordinal = (
        rf"|(?i:the\s+)(?P<dayword>{_alt(ordinals, blind=True)})(?=\s+of\s)" if ordinals else ""
    )
    patterns = (
        # (and a run of days: "July 10-11", "10-11 July", a period from the first)
        (
            "mdy",
            rf"{month}\s+{_DAY}(?:\s*[-\u2013]\s*(?P<day1>[0-3]?\d)\b)?(?:,?\s+{_YEAR})?(?![\w])",
        ),
        # (and "9 of November", as a translation from a Romance language writes it, or "the
        # first of May" in words: lexicon `ordinal_days`)
        (
            "dmy",
            rf"(?<![\w.,])(?:(?P<day0>[0-3]?\d)\s*[-\u2013]\s*)?(?:{_DAY}{ordinal})\s+(?:of\s+)?"
            rf"{month}(?:,?\s+{_YEAR})?(?![\w])",
        ),
        ("my", rf"{month},?\s+{_YEAR}(?![\w])"),
        # "March last year", "in June next year": a month of a year named relative to now.
        ("mrel", rf"{month}(?:\s+of)?\s+(?i:(?P<relyear>{_alt(rel_years, blind=True)}))\b"),
        # "on the 12th": a day of the month alone.
        ("nth", r"(?i:\bon\s+the\s+)(?P<nth>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b"),
        ("m", _led(rf"(?:(?P<edge>(?i:{edges}))\s+)?{month}", edge_first, month_first)),
        (
            "y",
            _led(
                rf"(?:(?P<edge>(?i:{edges}))\s+)?(?<![\w,.$-]){_YEAR}(?![\w%-])", edge_first, "[12]"
            ),
        ),
        ("weekday", rf"(?<![\w])(?P<weekday>{_alt(weekdays)})(?![\w])"),
        ("relday", rf"(?i:\b(?P<relday>{_alt(rel_days, blind=True)})\b)"),
        # "the next year" is the coming twelve months, not next calendar year.
        ("relperiod", rf"(?i:(?<!\bthe\s)\b(?P<relperiod>{_alt(rel_periods, blind=True)})\b)"),
        (
            "season",
            rf"(?i:\b(?:(?P<which>in|this|last|next|during)\s+(?:the\s+)?|the\s+)(?P<season>{_alt(seasons, blind=True)})\b(?:\s+(?:of\s+)?{_YEAR})?)",
        ),
        (
            "ago",
            rf"(?i:\b{number}[\s-]+(?P<unit>{units})\s+(?:{_alt(data.get('ago_words') or [], blind=True)})\b)",
        ),
        (
            "past",
            rf"(?i:\b(?:{_alt(data.get('past_period_words') or [], blind=True)})\s+(?:{number}\s+)?(?P<unit>{units})\b)",
        ),
    )
    lead = _alt([*(data.get("month_lead_words") or []), *(data.get("end_words") or [])], blind=True)
    month_gate = re.compile(_alt(months))
    gates = {
        "mdy": month_gate,
        "dmy": month_gate,
        "my": month_gate,
        "mrel": month_gate,
        # A digit right before the suffix, as the pattern has it: "with", "month" and "north"
        # end in "th" too, and sent half the sentences to the case-blind "on the" search.
        "nth": re.compile(r"\d(?:st|nd|rd|th)\b"),
        "m": month_gate,
        "y": re.compile(r"(?:1[89]|20)\d\d"),
        "weekday": re.compile(_alt(weekdays)),
    }
    blind = {
        "relday": list(rel_days),
        "relperiod": list(rel_periods),
        "season": list(seasons),
        "ago": [str(w) for w in data.get("ago_words") or []],
        "past": [str(w) for w in data.get("past_period_words") or []],
    }
    gate_words: dict[str, tuple[str, ...]] = {}
    for name, words in blind.items():
        gates[name] = re.compile(rf"(?i:{_alt(words, blind=True)})")
        if all(w.isascii() for w in words):
            gate_words[name] = tuple(sorted({w.lower() for w in words}))
    every_word = sorted({w for words in gate_words.values() for w in words})
    ungated = [gates.get(name) for name, _ in patterns if name not in gate_words]
    plain_gates = (
        None
        if any(g is None for g in ungated)
        else tuple(dict.fromkeys(g for g in ungated if g is not None))
    )
    return DateRules(
        patterns=tuple((name, re.compile(p)) for name, p in patterns),
        gates=tuple(gates.get(name) for name, _ in patterns),
        gate_words=tuple(gate_words.get(name) for name, _ in patterns),
        blind_gate=re.compile(trie_alternation(every_word)) if every_word else None,
        lead=re.compile(rf"(?i:\b(?:{lead}))[\s-]+(?:the\s+)?$"),
        ranges=tuple(
            (
                re.compile(rf"(?i:\b{re.escape(str(opener))})\s+$"),
                re.compile(rf"\s+(?i:{'|'.join(map(re.escape, map(str, joins)))})\s+$"),
            )
            for opener, joins in (data.get("range_words") or {}).items()
            if joins
        ),
        since=re.compile(rf"(?i:\b(?:{_alt(data.get('since_words') or [], blind=True)}))\s+$"),
        until=re.compile(rf"(?i:\b(?:{_alt(data.get('until_words') or [], blind=True)}))\s+$"),
        # Case-blind as a whole (the same matches as a case-blind group around it), so that
        # `casefast` has a twin for it: searched in every clause before a date.
        future=re.compile(
            rf"\b(?:{_alt(data.get('future_words') or [], blind=True)})\b", re.IGNORECASE
        ),
        not_future=re.compile(rf"(?i:\b(?:{_alt(data['not_future'], blind=True)}))\b")
        if data.get("not_future")
        else None,
        past=re.compile(rf"(?i:\b(?:{_alt(data['past_words'], blind=True)}|[a-z]{{2,}}ed))\b")
        if data.get("past_words")
        else None,
        months={k.casefold(): v for k, v in months.items()},
        weekdays={k.casefold(): v for k, v in weekdays.items()},
        relative_days=rel_days,
        relative_periods=rel_periods,
        seasons=seasons,
        numbers=numbers,
        time_units=time_units,
        night_words=frozenset(str(w).casefold() for w in data.get("night_words") or []),
        plain_gates=plain_gates,
        ordinal_days=ordinals,
    )


_CACHE: dict[int, tuple[dict[str, Any], DateRules]] = {}


def date_rules_for(data: dict[str, Any]) -> DateRules:
    """`build_date_rules` once per lexicon object."""
    hit = _CACHE.get(id(data))
    if hit is None or hit[0] is not data:
        hit = (data, build_date_rules(data))
        _CACHE[id(data)] = hit
    return hit[1]


def _iso(day: dt.date, precision: int = 3) -> str:
    return day.isoformat()[: (4, 7, 10)[precision - 1]]


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _shift_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


# A comma (after a closing quote or not) and a conjunction: a clause of its own follows.
_NEW_CLAUSE = re.compile(r",[\"\u201d\u2019']?\s+(?:and|but)\s")


def _joined(text: str, offset: int, found: list[DateExpr], rules: DateRules) -> list[DateExpr]:
    """Dates two by two as one period where the sentence says so: "between January and
    July" is January with July as its end (both plain dates, neither "since" nor "until")."""
    out: list[DateExpr] = []
    for second in found:
        first = out[-1] if out else None
        head = _range_head(text, offset, first, second, rules) if first is not None else None
        if first is None or head is None:
            out.append(second)
            continue
        # A joined period has an end: the date after it starts a period of its own.
        text_of = text[head : second.end - offset]
        out[-1] = DateExpr(
            head + offset, second.end, text_of, first.date, first.inferred, second.date
        )
    return out


def _range_head(
    text: str, offset: int, first: DateExpr, second: DateExpr, rules: DateRules
) -> int | None:
    """Where the words opening a period of `first` to `second` start in `text`, if the
    sentence joins them so ("between" ... "and"): one joining word between them."""
    if first.until is not None or second.until is not None:
        return None
    gap = text[first.end - offset : second.start - offset]
    if " " in gap.strip():
        return None
    before = text[: first.start - offset]
    for opener, join in rules.ranges:
        head = opener.search(before)
        if head is not None and join.fullmatch(gap + " "):
            return head.start()
    return None


def _pick_year(month: int, day: int, pub: dt.date, forward: bool) -> int:
    """The year putting month/day latest on or before publication (earliest after, if forward)."""
    if forward:
        return pub.year if (month, day) >= (pub.month, pub.day) else pub.year + 1
    return pub.year if (month, day) <= (pub.month, pub.day) else pub.year - 1


# How far ahead a day named without its year may lie and still be this year's.
_SOON_DAYS = 92


def _soon(month: int, day: int, pub: dt.date) -> bool:
    """Whether month/day of the publication's year lies after it, within `_SOON_DAYS`."""
    if day > calendar.monthrange(pub.year, month)[1]:
        return False
    ahead = (dt.date(pub.year, month, day) - pub).days
    return 0 < ahead <= _SOON_DAYS


def _day_of(m: re.Match[str], rules: DateRules) -> int:
    """The day of the month a match names, in figures or in words ("the first of May")."""
    word = m.groupdict().get("dayword")
    return rules.ordinal_days[word.casefold()] if word else int(m.group("day"))


def _resolve(
    name: str,
    m: re.Match[str],
    pub: dt.date,
    rules: DateRules,
    forward: bool,
    past: bool = True,
) -> tuple[dt.date, dt.date | None, int, tuple[str, ...]] | None:
    """(start, end of period or None, precision 1-3, inferred parts) of one match."""
    year = int(m.group("year")) if "year" in m.groupdict() and m.group("year") else None
    if name == "mrel":
        spec = rules.relative_periods[m.group("relyear").casefold()]
        named = rules.months[m.group("month").casefold()]
        return dt.date(pub.year + int(spec.get("offset", 0)), named, 1), None, 2, ("year",)
    if name == "nth":
        nth = int(m.group("nth"))
        month_of = pub.replace(day=1)
        if (nth > pub.day) != forward:  # a day after publication is last month's, unless ahead
            month_of = _shift_months(month_of, 1 if forward else -1)
        if nth > calendar.monthrange(month_of.year, month_of.month)[1]:
            return None
        return month_of.replace(day=nth), None, 3, ("year", "month")
    if name in ("mdy", "dmy", "my", "m"):
        month = rules.months[m.group("month").casefold()]
        day = _day_of(m, rules) if name in ("mdy", "dmy") else None
        inferred: tuple[str, ...] = () if year else ("year",)
        if year is None:
            year = _pick_year(month, day or (32 if forward else 0), pub, forward)
            if day is not None and not forward and not past and _soon(month, day, pub):
                # "when it returns on Sept. 20", published in August: a day a few weeks
                # ahead is that day, not the same day eleven months before.
                year = pub.year
        if day is None:
            return dt.date(year, month, 1), None, 2, inferred
        # A run of days ("10-11 July"): from the first to the last.
        groups = m.groupdict()
        first_day, last_day = (int(groups["day0"]), day) if groups.get("day0") else (day, None)
        if groups.get("day1"):
            last_day = int(groups["day1"])
        days = calendar.monthrange(year, month)[1]
        if not 1 <= first_day <= days or (
            last_day is not None and not first_day < last_day <= days
        ):
            return None
        ends = dt.date(year, month, last_day) if last_day is not None else None
        return dt.date(year, month, first_day), ends, 3, inferred
    if name == "y":
        return dt.date(int(m.group("year")), 1, 1), None, 1, ()
    if name == "weekday":
        day = rules.weekdays[m.group("weekday").casefold()]
        if forward:  # "talks resume on Monday": the next one
            return pub + dt.timedelta(days=(day - pub.weekday()) % 7), None, 3, _PARTS
        back = (pub.weekday() - day) % 7
        return pub - dt.timedelta(days=back), None, 3, _PARTS
    if name == "relday":
        return (
            pub + dt.timedelta(days=rules.relative_days[m.group("relday").casefold()]),
            None,
            3,
            _PARTS,
        )
    if name == "relperiod":
        spec = rules.relative_periods[m.group("relperiod").casefold()]
        offset = int(spec.get("offset", 0))
        if spec.get("unit") == "week":
            # A week is no day, month or year: the month its Monday falls in, as a reader
            # dates "last week" ("in September").
            monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=offset)
            return monday.replace(day=1), None, 2, ("year", "month")
        if spec.get("unit") == "month":
            return _shift_months(pub, offset), None, 2, ("year", "month")
        if spec.get("month"):
            # "the start of the year": a month of that year ("since the start of the year"
            # runs from January).
            return dt.date(pub.year + offset, int(spec["month"]), 1), None, 2, ("year",)
        return dt.date(pub.year + offset, 1, 1), None, 1, ("year",)
    if name == "season":
        # A season has year precision (its months are a guess): the year most of it falls in.
        first, last = rules.seasons[m.group("season").casefold()]
        crosses = last < first  # winter: December to February
        if year:
            return dt.date(year + (1 if crosses else 0), 1, 1), None, 1, ()
        latest = pub.year if (first, 1) <= (pub.month, pub.day) else pub.year - 1
        ends = _month_end(latest + (1 if crosses else 0), last)
        which = (m.group("which") or "").casefold()
        if which == "last" and pub <= ends:
            latest -= 1  # "last summer" said in August is the summer before
        elif which == "next":
            latest += 1
        elif which == "this":
            # This year's, whether it has come yet or not ("planned for this summer" in
            # January); a winter is the one that holds the publication month or comes next.
            latest = pub.year - 1 if crosses and pub.month <= last else pub.year
        elif forward and ends < pub:
            latest += 1  # "will discuss it in the autumn", said in June: this autumn
        return dt.date(latest + (1 if crosses else 0), 1, 1), None, 1, ("year",)
    count = parse_number(m.group("n"), rules.numbers) if m.group("n") else 1.0
    if count is None or count != int(count):
        return None
    unit = rules.time_units[m.group("unit").casefold()]
    n = int(count)
    if unit == "day":
        start, precision = pub - dt.timedelta(days=n), 3
    elif unit == "week":
        start, precision = pub - dt.timedelta(weeks=n), 3
    elif unit == "month":
        start, precision = _shift_months(pub, -n), 2
    elif unit == "year":
        start, precision = dt.date(pub.year - n, pub.month, 1), 1
    else:
        return None  # hours ago: finer than a date
    return start, (pub if name == "past" else None), precision, _PARTS[:precision]


def _in_quotes(text: str, offset: int) -> bool:
    """Inside quoted speech a relative date counts from when the words were said, not published."""
    before = text[:offset]
    opened = before.count("“") - before.count("”")
    return opened > 0 or (before.count('"') % 2 == 1)


_FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"


# Results by (text, published, offset), with the rules they were found with: the figure
# and the event extractors ask about the same sentences of an article one after the other.
# A pure function of its arguments, so a hit is the same list; the cap bounds the memory.
_FOUND: dict[tuple[str, dt.date, int], tuple[DateRules, list[DateExpr]]] = {}
_FOUND_LIMIT = 1024


# A sentence opening on "Since" with the date inside that clause ("Since Oslo lifted its
# restrictions in late October, Ukraine has ..."): a period to publication, too.
_SINCE_CLAUSE = re.compile(r"\s*(?:[\"\u201c]\s*)?Since\s+(?!then\b)[^,;:.]*$")
# "since the first missiles arrived in March 2026", "since the NATO summit in Tirana last
# month": "since" a few words before the date, in its clause.
_SINCE_NEAR = re.compile(r"\bsince\s+(?!then\b)(?:[^\s,;:.()]+\s+){1,6}$")


def _before(day: dt.date, precision: int, published: dt.date) -> bool:
    """Whether a date of `precision` (1 year, 2 month, 3 day) lies wholly before `published`."""
    if precision == 1:
        return day.year < published.year
    if precision == 2:
        return (day.year, day.month) < (published.year, published.month)
    return day < published


def find_dates(text: str, published: dt.date, rules: DateRules, offset: int = 0) -> list[DateExpr]:
    """Every date expression in `text` (one sentence or more), resolved against `published`."""
    key = (text, published, offset)
    hit = _FOUND.get(key)
    if hit is None or hit[0] is not rules:
        if len(_FOUND) >= _FOUND_LIMIT:
            _FOUND.clear()
        hit = _FOUND[key] = (rules, _find_dates(text, published, rules, offset))
    return list(hit[1])  # a copy: callers may change theirs


_PAST_AFTER = re.compile(r"\b(?:had|was|were)\s+(?:[a-z]+\s+){0,2}?[a-z]+(?:ed|en)\b")


_WEEKDAY_GAP = re.compile(r",?\s+(?:the\s+)?")


def _find_dates(text: str, published: dt.date, rules: DateRules, offset: int) -> list[DateExpr]:
    candidates: list[tuple[int, int, str, re.Match[str]]] = []
    passed: dict[re.Pattern[str], bool] = {}  # the month gate serves four patterns
    # Case-blind re also matches these to ASCII letters where lower() does not give that
    # letter alone (İ, ı, ſ; K for safety): with one in the text, ask re itself.
    # (An ASCII text holds none: isascii() is a flag, the tests a pass each.)
    lower = None if not text.isascii() and any(c in text for c in _FOLDS_TO_ASCII) else text.lower()
    # Whether the lower-cased text holds any gate word at all (`DateRules.blind_gate`).
    blind_open = lower is not None and (
        rules.blind_gate is None or rules.blind_gate.search(lower) is not None
    )
    if lower is not None and not blind_open and rules.plain_gates is not None:
        # No gate word: only a pattern whose gate is a regex may match, so one of those.
        for regex in rules.plain_gates:
            if regex.search(text) is not None:
                passed[regex] = True
                break
            passed[regex] = False
        else:
            return []
    for (name, pattern), gate, words in zip(
        rules.patterns, rules.gates, rules.gate_words, strict=True
    ):
        if words is not None and lower is not None:
            # map() over the bound __contains__ runs the loop in C (see names.gates.gate_open).
            if not blind_open or not any(map(lower.__contains__, words)):
                continue
        elif gate is not None:
            if gate not in passed:
                passed[gate] = gate.search(text) is not None
            if not passed[gate]:
                continue
        for m in pattern.finditer(text):
            if (
                name in ("m", "y")
                and not m.group("edge")
                and not rules.lead.search(text[: m.start()])
            ):
                continue  # "March" and "may" alone are words; "2024 election" is not a date
            candidates.append((m.start(), -(m.end() - m.start()), name, m))
    found: list[DateExpr] = []
    taken_end = -1
    # Where a full date starts: a weekday right before one is that date's ("on Thursday, 9
    # November"), no other day.
    full = {c[0] for c in candidates if c[2] in ("dmy", "mdy")}
    for start, _neg, name, m in sorted(candidates, key=lambda c: (c[0], c[1])):
        if start < taken_end:
            continue
        if name == "weekday" and full:
            gap = _WEEKDAY_GAP.match(text, m.end())
            if gap is not None and gap.end() in full:
                continue
        if name in ("weekday", "relday", "relperiod", "ago") and _in_quotes(text, start):
            continue
        until_m = rules.until.search(text[:start])
        since_m = (
            rules.since.search(text[:start])
            or _SINCE_CLAUSE.match(text[:start])
            or _SINCE_NEAR.search(text, max(0, start - 80), start)
        )
        # News looks back, but a clause in the future tense ("will deliver ... before the end
        # of June") means the next such month, not the last one.
        # The clause starts after a stop, a semicolon or a comma and a conjunction ('he said
        # he would not send them, and in March he told ...': looking back again).
        # A quotation closed before the date is the speaker's tense, not its clause's:
        # '"... there is little sign that they will," she wrote in May'.
        cut = max(
            text.rfind(". ", 0, start),
            text.rfind("; ", 0, start),
            text.rfind(',"', 0, start),
            text.rfind("\u201d", 0, start),
        )
        for joint in _NEW_CLAUSE.finditer(text, cut + 1, start):
            cut = joint.end() - 1
        clause = text[cut + 1 : start]
        if rules.not_future is not None:
            clause = rules.not_future.sub("", clause)
        # The clause's last future verb, if any.
        # (Its lower-cased first-character twin, `casefast`: re tried the case-blind
        # alternation at every position of the clause; some four times faster.)
        future = next(reversed(list(casefast.finditer(rules.future, clause))), None)
        if future is not None and _PAST_AFTER.search(clause, future.end()) is not None:
            # "Belgium will no longer bar ..., reversing a position she had defended as
            # recently as March": a verb in the past after the future one is the date's.
            # (A past perfect or passive only: "is to be announced", "U.S.-supplied" are not.)
            future = None
        ahead = until_m is not None or future is not None
        if not ahead and name == "m" and (rules.past is None or not rules.past.search(clause)):
            # "But the December meeting will force a choice": a future right after the date
            # (before any past verb) looks ahead as one before it does.
            after = re.split(r"[,;:]", text[m.end() : m.end() + 50], maxsplit=1)[0]
            later = rules.future.search(after)
            ahead = later is not None and not (
                rules.past is not None and rules.past.search(after, 0, later.start())
            )
        if until_m is not None and future is None and text.startswith(",", m.end()):
            # "Until the autumn, the ministry insisted ...": the clause after it tells the
            # tense; in the past, the autumn gone by.
            after = text[m.end() + 1 : m.end() + 80]
            ahead = not (
                rules.past is not None
                and rules.past.search(after) is not None
                and not rules.future.search(after)
            )
        if name == "weekday" and future is not None:
            # "X will respond, the minister said on Monday": only a verb right before the
            # day ("will meet on Monday", "continues on Monday") makes it the next one.
            ahead = "," not in clause[future.end() :] and len(clause) - future.end() <= 60
        past = rules.past is None or rules.past.search(clause) is not None
        resolved = _resolve(name, m, published, rules, forward=ahead, past=past)
        if resolved is None:
            continue
        first, last, precision, inferred = resolved
        is_end = bool(
            "edge" in m.groupdict() and m.group("edge") and "end" in m.group("edge").casefold()
        )
        if until_m and (is_end or m.groupdict().get("edge")):
            # "until the end of 2025": the period closes on that day.
            day = last or (
                _month_end(first.year, 12 if precision == 1 else first.month) if is_end else first
            )
            first, last, precision = day, None, 3
        elif is_end and since_m and precision == 1:
            # "since the end of 2023": from its last month.
            first, last, precision = dt.date(first.year, 12, 1), None, 2
        elif m.groupdict().get("edge"):
            # "by the end of June", "at the beginning of October", "before the end of the
            # year": the month or the year named, as precise as it was said.
            last = None
        begin = start
        date, until = (
            _iso(first, precision),
            (_iso(last, 2 if name == "season" else 3) if last else None),
        )
        if since_m and first <= published:
            begin, until = since_m.start(), published.isoformat()
        elif until_m and _before(first, precision, published):
            # "Until last week, Canada's policy mirrored ...": a state that ended then.
            begin = until_m.start()
        elif until_m:
            begin, date, until, inferred = until_m.start(), published.isoformat(), date, _PARTS
        found.append(
            DateExpr(offset + begin, offset + m.end(), text[begin : m.end()], date, inferred, until)
        )
        taken_end = m.end()
    if rules.ranges and len(found) > 1:
        found = _joined(text, offset, found, rules)
    ends = tuple(rules.night_words)
    nights = [d for d in found if ends and d.text.casefold().endswith(ends)]
    if nights and any(len(d.date) == 10 and d not in nights for d in found):
        # "launched 479 drones overnight, the air force said on Monday": the night before
        # the day named, which that date already gives.
        found = [d for d in found if d not in nights]
    return found
