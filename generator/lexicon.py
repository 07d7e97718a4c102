"""Domain knowledge from `data/lexicon/*.yaml`: what an editor can read and extend.

All lexicon files are merged: lists under the same key are concatenated in file order, so an
editor can add a file of their own instead of editing the shipped ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import Problem, display_path
from .model import Unit
from .schemacheck import schema_problems
from .sources import Layout
from .yamlread import load_plain


@dataclass
class Lexicon:
    """The merged lexicon: `data` holds every key; typed views for the parts the site uses."""

    data: dict[str, Any] = field(default_factory=dict)
    layout: Layout = field(default_factory=Layout)
    units: dict[str, Unit] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)


def _compile(
    pattern: str, where: Problem, flags: int = re.IGNORECASE
) -> tuple[re.Pattern[str] | None, list[Problem]]:
    try:
        return re.compile(pattern, flags), []
    except re.error as err:
        return None, [Problem(where.file, where.line, where.col, f"invalid pattern: {err}")]


# The parts of the lexicon the site itself uses (sources' layout, units of figures); the rest
# serves `explainer extract`. A file holds one of them if a line starts with its key.
SITE_KEYS = re.compile(r"^(?:layout|units)[ \t]*:", re.MULTILINE)


def _site_files(paths: list[Path]) -> list[Path]:
    """The files that hold a part the site uses; all of them if no file visibly does.

    Composing and checking the whole lexicon (mostly extraction cues) is a good share of a
    site build's time. The text test is cheap and errs on the safe side: a file it cannot
    read is kept (its problem is reported), and if no file matches (say, a quoted key) the
    whole lexicon is read, as `explainer check` always does.
    """
    kept = []
    for path in paths:
        try:
            text = path.read_text("utf-8", errors="replace")
        except OSError:
            kept.append(path)
            continue
        if SITE_KEYS.search(text):
            kept.append(path)
    return kept or paths


def _shared_names(doc: Any, entities: list[Any], named: dict[str, str]) -> list[Problem]:
    """A name or alias two known entities share: the extractor would match neither by it
    (as two people called "Kim"), which an editor adding one does not mean to do."""
    problems: list[Problem] = []
    for i, raw in enumerate(entities):
        if not isinstance(raw, dict):
            continue
        name = str(raw.get("name", ""))
        forms = [("name", name)] + [
            (("aliases", j), str(a)) for j, a in enumerate(raw.get("aliases") or [])
        ]
        for where, form in forms:
            key = form.replace("\u2019", "'").casefold()
            other = named.setdefault(key, name)
            if other != name:
                at = ("known_entities", i, *(where if isinstance(where, tuple) else (where,)))
                problems.append(
                    doc.problem(at, f"{form!r} already names {other!r}; keep it on one entity")
                )
    return problems


def load_lexicon(lexicon_dir: Path, *, site_only: bool = False) -> tuple[Lexicon, list[Problem]]:
    """Read and merge every lexicon file; a missing folder is an empty lexicon.

    `site_only` (site builds) reads only the files holding `layout` or `units`, see
    `_site_files`: problems in the other files are then left to `explainer check`.
    """
    lexicon = Lexicon()
    problems: list[Problem] = []
    if not lexicon_dir.is_dir():
        return lexicon, problems
    paths = sorted(lexicon_dir.glob("*.yaml"))
    named: dict[str, str] = {}  # a known entity's name or alias, folded -> the entity's name
    for path in _site_files(paths) if site_only else paths:
        doc, read_problems = load_plain(path, display_path(path))
        problems += read_problems
        if doc is None:
            continue
        lexicon.files.append(path)
        plain = doc.data if doc.data is not None else {}
        if not isinstance(plain, dict):
            problems.append(doc.problem((), "a lexicon file must be a mapping"))
            continue
        file_problems = schema_problems(doc, plain, "lexicon")
        problems += file_problems
        if file_problems:
            continue
        problems += _shared_names(doc, plain.get("known_entities") or [], named)
        for key, value in plain.items():
            if isinstance(value, list):
                lexicon.data.setdefault(key, []).extend(value)
            elif isinstance(value, dict):
                lexicon.data.setdefault(key, {}).update(value)
            else:
                lexicon.data[key] = value
        if "layout" in plain:
            layout = plain["layout"]
            here = doc.problem(("layout",), "")
            dateline, p1 = (
                _compile(layout["dateline"], here, 0)
                if "dateline" in layout
                else (lexicon.layout.dateline, [])
            )
            rule, p2 = (
                _compile(layout["rule"], here) if "rule" in layout else (lexicon.layout.rule, [])
            )
            footer = list(lexicon.layout.footer)
            for pattern in layout.get("footer", []):
                compiled, p3 = _compile(pattern, here)
                problems += p3
                if compiled:
                    footer.append(compiled)
            byline = list(lexicon.layout.byline)
            for pattern in layout.get("byline", []):
                compiled, p4 = _compile(pattern, here, 0)  # names are capitalised
                problems += p4
                if compiled:
                    byline.append(compiled)
            stamp, p5 = (
                _compile(layout["time_stamp"], here, 0)
                if "time_stamp" in layout
                else (lexicon.layout.time_stamp, [])
            )
            problems += p1 + p2 + p5
            lexicon.layout = Layout(
                dateline=dateline,
                footer=tuple(footer),
                rule=rule,
                byline=tuple(byline),
                time_stamp=stamp,
            )
    for raw in lexicon.data.get("units", []):
        lexicon.units[raw["id"]] = Unit(
            id=raw["id"],
            dimension=raw["dimension"],
            factor=float(raw["factor"]),
            symbol=raw["symbol"],
            names=tuple(raw["names"]),
            also_show=raw.get("also_show"),
            prefix=bool(raw.get("prefix", False)),
        )
    return lexicon, problems
