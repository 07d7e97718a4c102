"""Reading `data/*.yaml` for extract: validated documents, where every id lives, raw bytes.

Everything is read and checked before anything is written, so a broken file stops extract
with every problem listed and leaves all files as they were.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap

from ..errors import Problem, display_path
from ..schemacheck import schema_problems
from ..yamlfile import read_yaml, to_plain
from .merge import COLLECTIONS, item_hash
from .store import State


@dataclass
class DataFiles:
    """`managed[c]` is the document of `data/<c>.yaml` (None when absent)."""

    managed: dict[str, CommentedMap | None] = field(default_factory=dict)
    raw: dict[str, bytes] = field(default_factory=dict)  # file name -> bytes as read
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


def load_data(data_dir: Path) -> tuple[DataFiles, list[Problem]]:
    files = DataFiles()
    problems: list[Problem] = []
    seen: dict[tuple[str, str], str] = {}
    for path in data_paths(data_dir):
        display = display_path(path)
        files.raw[path.name] = path.read_bytes()
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
        own = path.stem if path.stem in COLLECTIONS else None
        if own is not None:
            files.managed[own] = doc.data
        for name in COLLECTIONS:
            for index, item in enumerate(doc.data.get(name) or []):
                key = (name, str(item["id"]))
                if key in seen:
                    message = (
                        f"duplicate {name} id '{key[1]}' (also in {seen[key]}); ids must be unique"
                    )
                    problems.append(doc.problem((name, index, "id"), message))
                    continue
                seen[key] = f"{display}:{doc.position((name, index))[0]}"
                if name != own:
                    files.elsewhere.setdefault(name, set()).add(key[1])
                if name == "entities":
                    files.entities.append((name == own, item))
    return files, problems
