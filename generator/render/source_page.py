"""The article as readers check it: numbered paragraphs, every cited passage highlighted.

Passages may overlap (a sentence cited by a claim, a clause of it by a quote), so text is cut
at every passage boundary and each piece is marked with the passages that cover it. Each
passage gets an empty anchor element at its start (the target of inline citations) and a
back-reference after its end that leads to the list of facts citing it.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field

from markupsafe import Markup

from ..model import Citation
from ..sources import Source
from .environment import _CONTROL


@dataclass
class CitedBy:
    label: str
    href: str


@dataclass
class Passage:
    anchor: str
    start: int
    end: int
    number: int = 0
    cited_by: list[CitedBy] = field(default_factory=list)


def collect_passages(citations: Iterable[tuple[Citation, CitedBy]]) -> list[Passage]:
    """One passage per distinct anchor, numbered in reading order."""
    by_anchor: dict[str, Passage] = {}
    for citation, cited_by in citations:
        passage = by_anchor.setdefault(
            citation.anchor, Passage(citation.anchor, citation.start, citation.end)
        )
        if cited_by not in passage.cited_by:
            passage.cited_by.append(cited_by)
    ordered = sorted(by_anchor.values(), key=lambda p: (p.start, -p.end, p.anchor))
    for number, passage in enumerate(ordered, start=1):
        passage.number = number
    return ordered


def _escape(text: str) -> str:
    # Control characters are dropped from what is shown (as in every other value), not from
    # the text: citation offsets still count them.
    return html.escape(_CONTROL.sub("", text), quote=True)


def highlight(text: str, start: int, end: int, passages: list[Passage]) -> Markup:
    """HTML for `text[start:end]` with the passages that touch it marked."""
    inside = [p for p in passages if p.start < end and p.end > start]
    cuts = sorted(
        {start, end, *(max(start, p.start) for p in inside), *(min(end, p.end) for p in inside)}
    )
    out: list[str] = []
    for a, b in itertools.pairwise(cuts):
        for p in inside:
            if p.start == a:
                out.append(f'<span class="xp-anchor" id="{p.anchor}"></span>')
        piece = _escape(text[a:b])
        covering = [p.anchor for p in inside if p.start <= a and p.end >= b]
        if covering:
            depth = " xp-passage--overlap" if len(covering) > 1 else ""
            out.append(
                f'<mark class="xp-passage{depth}" data-q="{" ".join(covering)}">{piece}</mark>'
            )
        else:
            out.append(piece)
        for p in inside:
            if p.end == b:
                out.append(
                    f'<sup class="xp-backref"><a href="#cited-{p.anchor}" '
                    f'aria-label="passage {p.number}: where it is cited">{p.number}</a></sup>'
                )
    return Markup("".join(out))


def cited_by_list(passages: list[Passage]) -> Markup:
    """The back-links of the passages that start in one block."""
    if not passages:
        return Markup("")
    items = []
    for p in passages:
        links = ", ".join(f'<a href="{_escape(c.href)}">{_escape(c.label)}</a>' for c in p.cited_by)
        items.append(
            f'<li id="cited-{p.anchor}"><a class="xp-citedby__passage" href="#{p.anchor}">'
            f"passage {p.number}</a> cited by: {links}</li>"
        )
    return Markup(f'<ul class="xp-citedby">{"".join(items)}</ul>')


def article_html(source: Source, passages: list[Passage]) -> Markup:
    """The whole article: header lines, numbered paragraphs with back-links, closing lines."""
    blocks: list[str] = []

    def starting_in(a: int, b: int) -> list[Passage]:
        return [p for p in passages if a <= p.start < b]

    for a, b in source.header:
        blocks.append(f'<p class="xp-article__header">{highlight(source.text, a, b, passages)}</p>')
        blocks.append(cited_by_list(starting_in(a, b)))
    for para in source.paragraphs:
        anchor = f"p-{para.number}"
        body = highlight(source.text, para.start, para.end, passages)
        tag = "h3" if para.heading else "p"
        blocks.append(
            f'<{tag} class="xp-para" id="{anchor}"><a class="xp-para__number" href="#{anchor}" '
            f'aria-label="paragraph {para.number}">{para.number}</a> {body}</{tag}>'
        )
        blocks.append(cited_by_list(starting_in(para.start, para.end)))
    for a, b in source.footer:
        blocks.append(f'<p class="xp-article__footer">{highlight(source.text, a, b, passages)}</p>')
        blocks.append(cited_by_list(starting_in(a, b)))
    covered = [*source.header, *((p.start, p.end) for p in source.paragraphs), *source.footer]
    stray = [p for p in passages if not any(a <= p.start < b for a, b in covered)]
    if stray:
        blocks.append(cited_by_list(stray))
    return Markup('<div class="xp-article">' + "".join(str(b) for b in blocks) + "</div>")
