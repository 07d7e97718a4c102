"""`Candidate`: what every name finder returns, a name the text introduces and where."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Candidate:
    kind: str  # actor | weapon
    category: str
    name: str
    aliases: list[tuple[int, int]] = field(default_factory=list)
    description: str | None = None
