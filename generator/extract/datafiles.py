"""Reading `data/*.yaml` for extract: validated documents, where every id lives, raw bytes.

Everything is read and checked before anything is written, so a broken file stops extract
with every problem listed and leaves all files as they were.

A collection file whose bytes are exactly what the extractor last wrote, with no comment
(see `trust_digest`), is read with libyaml into plain data and not validated again: it was
valid when written, and the digest covers the schema, so a changed schema re-checks it.
Any other file is the editor's and goes through ruamel's round trip to keep its comments.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap

from ..errors import Problem, display_path
from ..fastyaml import load_fast
from ..schemacheck import schema_problems
from ..yamlfile import YamlDocument, decode_utf8, read_yaml, to_plain
from .merge import COLLECTIONS, item_hash
from .store import State, sha256_text


@cache
def _schema_digest() -> str:
    text = resources.files("generator.schema").joinpath("data.schema.json").read_bytes()
    return sha256_text(text)


def trust_digest(raw: bytes) -> str:
    """What the state records for a comment-free file the extractor wrote (schema included)."""
    return sha256_text(_schema_digest().encode("ascii") + b"\n" + raw)


@dataclass
class DataFiles:
    """`managed[c]` is the document of `data/<c>.yaml` (None when absent)."""

    managed: dict[str, Any] = field(default_factory=dict)  # CommentedMap, or dict if `fast`
    raw: dict[str, bytes] = field(default_factory=dict)  # file name -> bytes as read
    fast: set[str] = field(default_factory=set)  # collections read as plain data (libyaml)
    elsewhere: dict[str, set[str]] = field(default_factory=dict)  # ids outside their own file
    entities: list[tuple[bool, Any]] = field(default_factory=list)  # (in entities.yaml, item)

    def editor_entities(self, state: State) -> list[dict[str, Any]]:
        """Entities an editor wrote or changed, for the extractor's knowledge.

        Entities exactly as the extractor wrote them are left out on purpose: they add
        nothing the extractor does not find again, and feeding them back would make every
        run's input depend on the previous run's output (and miss the cache once more).
        """
        out = []
        for managed, item in self.entities:
            item_id = str(item.get("id"))
            accepted = state.accepted("entities", item_id)
            # Content, not comments: a comment does not change what the extractor knows.
            if not managed or item_hash(item) not in accepted:
                out.append(to_plain(item))
        return sorted(out, key=lambda e: str(e.get("id")))


def data_paths(data_dir: Path) -> list[Path]:
    return sorted(p for p in data_dir.glob("*.yaml") if p.is_file())


def _read_trusted(path: Path, display: str, raw: bytes) -> YamlDocument | None:
    """A file exactly as the extractor wrote it, as plain data; None if it does not parse
    as a mapping after all (then the careful path reports why)."""
    text, _ = decode_utf8(raw, display)
    if text is None:
        return None
    try:
        data = load_fast(text)
    except Exception:  # any failure: read it the careful way instead
        return None
    data = {} if data is None else data
    return YamlDocument(path, display, data) if isinstance(data, dict) else None


def load_data(
    data_dir: Path, trusted: dict[str, str] | None = None
) -> tuple[DataFiles, list[Problem]]:
    """Every data file; `trusted` maps file names to the `trust_digest` the extractor
    recorded when it wrote them."""
    files = DataFiles()
    problems: list[Problem] = []
    seen: dict[tuple[str, str], tuple[YamlDocument, tuple[str, int]]] = {}
    for path in data_paths(data_dir):
        display = display_path(path)
        raw = files.raw[path.name] = path.read_bytes()
        own = path.stem if path.stem in COLLECTIONS else None
        doc = None
        if own is not None and (trusted or {}).get(path.name) == trust_digest(raw):
            doc = _read_trusted(path, display, raw)
        if doc is not None:
            files.fast.add(path.stem)
        else:
            doc, read_problems = read_yaml(path, display)
            problems += read_problems
            if doc is None:
                continue
            if doc.data is None:
                doc.data = CommentedMap()  # an empty file is an empty mapping
            if not isinstance(doc.data, CommentedMap):
                problems.append(doc.problem((), "a data file must be a mapping of collections"))
                continue
            file_problems = schema_problems(doc, to_plain(doc.data), "data")
            problems += file_problems
            if file_problems:
                continue
        if own is not None:
            files.managed[own] = doc.data
        for name in COLLECTIONS:
            for index, item in enumerate(doc.data.get(name) or []):
                key = (name, str(item["id"]))
                if key in seen:
                    first, where = seen[key]
                    also = f"{first.display}:{_line(first, where)}"
                    message = f"duplicate {name} id '{key[1]}' (also in {also}); ids must be unique"
                    problems.append(_locatable(doc).problem((name, index, "id"), message))
                    continue
                seen[key] = (doc, (name, index))
                if name != own:
                    files.elsewhere.setdefault(name, set()).add(key[1])
                if name == "entities":
                    files.entities.append((name == own, item))
    return files, problems


def _locatable(doc: YamlDocument) -> YamlDocument:
    """`doc` with positions: plain data read by libyaml has none, so parse it again (only
    ever for a message about a problem)."""
    if isinstance(doc.data, CommentedMap):
        return doc
    again, _ = read_yaml(doc.path, doc.display)
    return again if again is not None else doc


def _line(doc: YamlDocument, where: tuple[str, int]) -> int:
    return _locatable(doc).position(where)[0]
