"""The domain objects: what a loaded, validated `data/` folder is made of.

Rendering and export read only these objects; they never see raw YAML.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .sources import Source

STATUSES = ("extracted", "reviewed", "rejected")


@dataclass(frozen=True)
class Citation:
    """A passage of one source: `text[start:end]` of that source is the quoted passage."""

    source: str
    quote: str
    start: int
    end: int
    anchor: str  # fragment id of the highlighted passage on the source page


@dataclass
class Entity:
    id: str
    kind: str  # weapon | actor
    name: str
    category: str | None = None
    aliases: list[str] = field(default_factory=list)
    description: str | None = None
    status: str = "extracted"
    note: str | None = None


@dataclass
class Fact:
    """What every cited item shares."""

    id: str
    citations: list[Citation]
    status: str = "extracted"
    flags: list[str] = field(default_factory=list)
    note: str | None = None

    @property
    def sources(self) -> list[str]:
        return sorted({c.source for c in self.citations})

    @property
    def corroborated(self) -> bool:
        return len(self.sources) > 1


@dataclass
class Claim(Fact):
    subject: str = ""
    text: str = ""
    mentions: list[str] = field(default_factory=list)


@dataclass
class Figure(Fact):
    subject: str = ""
    value: float | tuple[float, float] = 0.0
    unit: str | None = None
    property: str | None = None
    hedge: str | None = None
    text: str | None = None


@dataclass
class Event(Fact):
    date: str = ""
    text: str = ""
    inferred: list[str] = field(default_factory=list)
    until: str | None = None
    actors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> str:
        return {4: "year", 7: "month"}.get(len(self.date), "day")


@dataclass
class Quote(Fact):
    text: str = ""
    speaker: str | None = None
    kind: str = "direct"


@dataclass
class Position(Fact):
    actor: str = ""
    stance: str = ""
    summary: str | None = None
    as_of: str | None = None


@dataclass
class Dispute:
    id: str
    subject: str
    summary: str
    members: list[str]
    property: str | None = None
    status: str = "extracted"
    note: str | None = None


@dataclass(frozen=True)
class Stance:
    id: str
    label: str
    description: str | None = None


@dataclass
class Explainer:
    title: str
    question: str
    stances: list[Stance]
    summary: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Unit:
    id: str
    dimension: str
    factor: float
    symbol: str
    names: tuple[str, ...] = ()
    also_show: str | None = None
    prefix: bool = False


@dataclass
class Dataset:
    """Everything the site is made from. Rejected facts are kept, and hidden by rendering."""

    explainer: Explainer
    sources: dict[str, Source]
    entities: dict[str, Entity]
    claims: list[Claim] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    disputes: list[Dispute] = field(default_factory=list)
    units: dict[str, Unit] = field(default_factory=dict)

    def facts(self) -> list[Fact]:
        return [*self.claims, *self.figures, *self.events, *self.quotes, *self.positions]

    def fact(self, fact_id: str) -> Fact | None:
        for item in self.facts():
            if item.id == fact_id:
                return item
        return None
