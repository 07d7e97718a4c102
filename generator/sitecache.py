"""A content-addressed cache of the generated site, so unchanged input costs nothing.

The key is a hash of every input byte: the articles, the data and lexicon files, template
overrides, and the package's own code, templates and schemas. Equal key, equal output, so a
hit can never serve stale pages; only builds without problems are stored. The cache keeps
one entry and lives in `.cache/explainer/` beside mkdocs.yml (safe to delete at any time);
`.cache/explainer/templates/` beside it holds compiled page templates (see
`render.environment`), which are checked against their source on every use.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .sitebuild import SiteContent

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
    from .sitebuild import SiteContent

    path = cache_dir / f"site-{key}.json"
    try:
        return SiteContent(**json.loads(path.read_text("utf-8")))
    except (OSError, ValueError, TypeError):
        return None


def save(cache_dir: Path, key: str, content: SiteContent) -> None:
    """Store `content`; a cache that cannot be written only costs speed, so it never fails.

    Written to a temporary name and renamed, so a reader sees a whole entry or none; not
    synced to disk (an entry cut short by a power cut fails to parse and is rebuilt).
    """
    tmp: str | None = None
    try:
        for old in cache_dir.glob("site-*.json"):
            old.unlink()
        cache_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".site-", suffix=".tmp", dir=cache_dir)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            # dumps, not dump: json.dump always takes the pure-Python encoder.
            handle.write(json.dumps(asdict(content)))
        os.replace(tmp, cache_dir / f"site-{key}.json")
    except OSError as err:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        log.debug("site cache not written: %s", err)
