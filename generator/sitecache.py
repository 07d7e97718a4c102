"""A content-addressed cache of the generated site, so unchanged input costs nothing.

The key is a hash of every input byte: the articles, the data and lexicon files, template
overrides, and the package's own code, templates and schemas. Equal key, equal output, so a
hit can never serve stale pages; only builds without problems are stored. The cache keeps
one entry and lives in `.cache/explainer/` beside mkdocs.yml (safe to delete at any time).
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .project import SiteContent

log = logging.getLogger(__name__)
PACKAGE = Path(__file__).resolve().parent
FORMAT = "1"


def _files(root: Path) -> list[Path]:
    if not root.is_dir():
        return []
    # Hidden folders hold tool state (the extractor's, caches), not input.
    return sorted(
        p
        for p in root.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts)
    )


def input_key(roots: list[Path | None], options: str) -> str:
    """Hash of the package, every file under `roots` and the build options."""
    digest = hashlib.sha256(f"{FORMAT}\0{options}\0".encode())
    for root in [PACKAGE, *(r for r in roots if r is not None)]:
        for path in _files(root):
            if path.suffix in (".pyc",):
                continue
            digest.update(f"{path.relative_to(root)}\0".encode())
            digest.update(path.read_bytes())
            digest.update(b"\0")
    return digest.hexdigest()


def load(cache_dir: Path, key: str) -> SiteContent | None:
    from .project import SiteContent

    path = cache_dir / f"site-{key}.json"
    try:
        return SiteContent(**json.loads(path.read_text("utf-8")))
    except (OSError, ValueError, TypeError):
        return None


def save(cache_dir: Path, key: str, content: SiteContent) -> None:
    """Store `content`; a cache that cannot be written only costs speed, so it never fails."""
    from .yamlfile import write_atomic

    try:
        for old in cache_dir.glob("site-*.json"):
            old.unlink()
        write_atomic(cache_dir / f"site-{key}.json", json.dumps(asdict(content)))
    except OSError as err:
        log.debug("site cache not written: %s", err)
