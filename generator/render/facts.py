"""How facts read on a page: their home (permalink), their markers, values and dates.

Markers let a reader see at a glance what is corroborated (two or more sources), what rests
on one source, on a weak source, what is disputed and what an editor must still check
(flagged). Each marker explains itself on hover and on keyboard focus.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from markupsafe import Markup

from .. import model as m
from .environment import html_text
from .links import DISPUTES, POSITIONS, QUOTES, TIMELINE, entity_page

FLAG_TEXT = {
    "garbled": "Reads like machine-translation debris: the wording may not say what the source meant.",
    "contradicted": "Another source says otherwise: see the disputes page.",
    "uncertain": "The extractor was unsure of this item (its subject, speaker or date, or a stance it inferred from the speaker's side).",
}


def visible(item: m.Fact | m.Entity | m.Dispute) -> bool:
    """Rejected items stay in the data (so they are never re-added) but are not shown."""
    return item.status != "rejected"


def settled(fact: m.Fact) -> bool:
    """A fact that can be stated as such: not flagged for the editor."""
    return visible(fact) and not fact.flags


def home_of(fact: m.Fact, dataset: m.Dataset) -> str:
    """The page that carries a fact's permalink (its `id` anchor)."""
    if isinstance(fact, m.Event):
        return TIMELINE
    if isinstance(fact, m.Position):
        return POSITIONS
    if isinstance(fact, m.Quote):
        speaker = dataset.entities.get(fact.speaker or "")
        return entity_page(speaker.kind, speaker.id) if speaker and visible(speaker) else QUOTES
    subject = dataset.entities.get(getattr(fact, "subject", ""))
    if subject is not None and visible(subject):
        return entity_page(subject.kind, subject.id)
    return DISPUTES


def _tip(label: str, explanation: str, css: str) -> Markup:
    """A marker whose explanation shows on hover and keyboard focus."""
    return Markup(
        f'<span class="xp-badge xp-badge--{css}" tabindex="0">{html_text(label)}'
        f'<span class="xp-badge__tip" role="tooltip">{html_text(explanation)}</span></span>'
    )


@dataclass
class Markers:
    dataset: m.Dataset
    disputed_ids: dict[str, str]  # fact id -> dispute id
    # A fact shows on several pages with the same markers: made once per fact (and object,
    # kept alive here so its id is not reused) for this dataset.
    _made: dict[int, tuple[m.Fact, Markup]] = field(default_factory=dict, repr=False)

    def __call__(self, fact: m.Fact) -> Markup:
        made = self._made.get(id(fact))
        if made is None or made[0] is not fact:
            made = self._made[id(fact)] = (fact, self._make(fact))
        return made[1]

    def _make(self, fact: m.Fact) -> Markup:
        out: list[Markup] = []
        sources = [self.dataset.sources[s] for s in fact.sources if s in self.dataset.sources]
        if len(sources) > 1:
            names = ", ".join(s.publisher for s in sources)
            out.append(
                _tip(
                    f"{len(sources)} sources", f"Corroborated: reported by {names}.", "corroborated"
                )
            )
        elif sources:
            src = sources[0]
            if src.reliability == "weak":
                note = src.reliability_note or "This source is marked as weak."
                out.append(
                    _tip(
                        "weak source",
                        f"Only {src.publisher} reports this, a source marked as weak: {note}",
                        "weak",
                    )
                )
            else:
                out.append(
                    _tip(
                        "1 source",
                        f"Only {src.publisher} reports this; no other source confirms it.",
                        "single",
                    )
                )
        for flag in fact.flags:
            out.append(_tip(f"flagged: {flag}", FLAG_TEXT.get(flag, flag), "flagged"))
        if fact.id in self.disputed_ids:
            out.append(
                _tip("disputed", "Sources disagree on this: see the disputes page.", "disputed")
            )
        if fact.status == "reviewed":
            out.append(_tip("reviewed", "Checked by an editor against the source.", "reviewed"))
        return Markup(" ").join(out)


_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def _number(value: float) -> str:
    """'7.1 billion' rather than '7,100,000,000': large amounts read as articles write them."""
    for size, word in _SCALES:
        if abs(value) >= size and (value / size) * 100 == int((value / size) * 100):
            return f"{_number(value / size)} {word}"
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _converted(value: float, factor: float) -> str:
    """A converted value, rounded to three significant digits (no false precision)."""
    converted = value * factor
    if converted == 0:
        return "0"
    digits = max(0, 2 - int(f"{abs(converted):e}".split("e")[1]))
    return _number(round(converted, digits))


def format_value(figure: m.Figure, units: dict[str, m.Unit]) -> str:
    """'approximately 200 mi (322 km)': the value as given, and in the paired unit."""
    values = figure.value if isinstance(figure.value, tuple) else (figure.value,)
    unit = units.get(figure.unit or "")

    def show(nums: list[str], u: m.Unit | None, raw: str | None) -> str:
        amount = "–".join(nums)
        if u is None:
            return f"{amount} {raw}" if raw else amount
        if u.prefix:
            return f"{u.symbol}{amount}"
        return f"{amount}{u.symbol}" if u.symbol == "%" else f"{amount} {u.symbol}"

    text = show([_number(v) for v in values], unit, figure.unit)
    if unit and unit.also_show and unit.also_show in units:
        other = units[unit.also_show]
        factor = unit.factor / other.factor
        text += f" ({show([_converted(v, factor) for v in values], other, None)})"
    return f"{figure.hedge} {text}" if figure.hedge else text


def base_value(figure: m.Figure, units: dict[str, m.Unit]) -> tuple[float, float]:
    """The value (low, high) in the base unit of its dimension, for comparing figures."""
    values = figure.value if isinstance(figure.value, tuple) else (figure.value, figure.value)
    factor = units[figure.unit].factor if figure.unit in units else 1.0
    return values[0] * factor, values[1] * factor


def format_date(date: str) -> str:
    """A date shown at its precision: '2024', 'February 2024' or '17 November 2024'."""
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    day = dt.date(parts[0], parts[1], parts[2] if len(parts) == 3 else 1)
    month = f"{day.strftime('%B')} {day.year}"
    return month if len(parts) == 2 else f"{day.day} {month}"


def date_attr(date: str) -> str:
    """The value of a <time datetime=...> attribute (valid at every precision)."""
    return date


def disputed_index(dataset: m.Dataset) -> dict[str, str]:
    index: dict[str, str] = {}
    for dispute in dataset.disputes:
        if visible(dispute):
            for member in dispute.members:
                index.setdefault(member, dispute.id)
    return index


__all__ = [
    "DISPUTES",
    "QUOTES",
    "Markers",
    "format_date",
    "format_value",
    "home_of",
    "settled",
    "visible",
]


def kind_of(fact: m.Fact) -> str:
    """'claim', 'figure', 'event', 'quote' or 'position'."""
    return type(fact).__name__.lower()


def describe(fact: m.Fact, units: dict[str, m.Unit]) -> str:
    """The words a fact is shown with when its kind does not get a layout of its own."""
    if isinstance(fact, m.Figure):
        return f"{fact.property or 'value'}: {format_value(fact, units)}"
    if isinstance(fact, m.Event):
        return f"{format_date(fact.date)}: {fact.text}"
    if isinstance(fact, m.Quote):
        return f"“{fact.text}”"
    if isinstance(fact, m.Position):
        return fact.summary or fact.stance
    return getattr(fact, "text", fact.id)


def excerpt(text: str, limit: int = 160) -> str:
    """A passage shortened at a word boundary, for tables (the full passage is in the preview)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"
