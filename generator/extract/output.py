"""The text of each data file and the check that it is valid, before anything is written.

Used by `run` for every collection at once and by `tailsplit` for one collection at a time
(each process renders and checks the collections it merged).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import Problem, ProblemsError, display_path
from ..fastyaml import dump_document
from ..schemacheck import fast_check, inlined_validator
from ..yamlfile import dump_yaml, to_plain
from .merge import HEADER, Counts, has_comments
from .store import Base


@dataclass
class Merged:
    """All that `run` writes once everything is merged, rendered and checked."""

    texts: dict[str, str]  # the text of each document
    plain: set[str]  # documents with no comment to keep (see `render`)
    base: Base
    counts: dict[str, Counts]
    changed: list[str]  # documents whose text is not the file's as read, in `texts` order


def differs(text: str, raw: bytes | None) -> bool:
    """Whether a document's `text` differs from its file as read (`raw`; None: there was
    none). With no file it does, and is not encoded to say so: the caller encodes what it
    writes, once (a fresh 1,000-article data set is 27 MB of text)."""
    return raw is None or text.encode("utf-8") != raw


def validate_output(data_dir: Path, touched: dict[str, list[Any]]) -> None:
    """Refuse to write a file the site would reject (a bug in the extractor, not the editor).

    Only the items this run wrote or changed are checked: every other item was valid when
    read (see `datafiles`), and the schema has no rule across items.
    """
    problems = [
        p for name, items in touched.items() for p in collection_problems(data_dir, name, items)
    ]
    if problems:
        raise ProblemsError(problems)


def collection_problems(data_dir: Path, name: str, items: list[Any]) -> list[Problem]:
    """`validate_output`'s problems with one collection's items."""
    problems: list[Problem] = []
    check = fast_check("data")
    display = display_path(data_dir / f"{name}.yaml")
    # The certain-yes check first: jsonschema, which words the errors, took longer
    # than everything else after combining, and extractor output is almost always valid.
    # New and refreshed items (plain dicts) as they are first: they are JSON data (what
    # combine made of the decoded per-article results), which `to_plain` would only
    # copy, at a cost. Anything else, or no certain yes, is checked as plain data.
    if check is not None and _certainly_valid_as_is(check, name, items):
        return []
    plain = to_plain(items)
    if check is not None and check({name: plain}):
        return []
    for error in list(inlined_validator("data").iter_errors({name: plain}))[:50]:
        path = list(error.absolute_path)
        if len(path) >= 2 and isinstance(path[1], int):  # an index into `items`, not the file
            item = plain[path[1]]
            path[1] = f"[id {item.get('id')!r}]" if isinstance(item, dict) else path[1]
        where = ".".join(str(p) for p in path) or "top level"
        message = f"extract would write an invalid item at {where}: {error.message[:300]}"
        problems.append(Problem(display, 0, 0, message))
    return problems


def _certainly_valid_as_is(check: Callable[[Any], bool], name: str, items: list[Any]) -> bool:
    if not all(type(item) is dict for item in items):
        return False  # an editor's item read by ruamel: its types may need `to_plain`
    try:
        return check({name: items})
    except Exception:  # e.g. a key that is not text: the plain copy makes it text
        return False


def _editor_comments(doc: Any) -> bool:
    """Any comment or blank line in a document read by ruamel, other than the header."""
    ca = getattr(doc, "ca", None)
    if ca is not None:
        before = (ca.comment or [None, None])[1] or []
        if (ca.comment and ca.comment[0]) or [t.value for t in before] not in ([], [HEADER]):
            return True
        if ca.items or getattr(ca, "end", None):
            return True
    return any(has_comments(v) for v in doc.values())


def render(documents: dict[str, Any], careful: set[str]) -> tuple[dict[str, str], set[str]]:
    """The text of each document, and the names of those with no comment to keep (the
    next run may read them with libyaml). Documents read by ruamel (`careful`) are written
    by ruamel, comments and quoting kept; the others as libyaml writes them (`dump_document`:
    mostly as text, byte for byte libyaml's), which is the same text for the same
    comment-free data, fast."""
    texts, plain = {}, set()
    styles: dict[str, str | None] = {}  # of every text written so far (`dump_document`)
    for name, doc in documents.items():
        if name in careful:
            text = dump_yaml(doc)
            if not _editor_comments(doc):
                plain.add(name)
        else:
            text = dump_document(doc, styles)
            plain.add(name)
        texts[name] = text if text.startswith(HEADER) else HEADER + text
    return texts, plain
