"""The extractor. Its modules may be compiled with mypyc (`scripts/compile_extractor.py`):
then a compiled module whose source changed since must not run in its place."""

from __future__ import annotations

import hashlib
from pathlib import Path

_MANIFEST = Path(__file__).with_name("_compiled.txt")


def _check_compiled() -> None:
    """Refuse to run compiled modules that are not their sources' (an edit, a checkout)."""
    if not _MANIFEST.is_file():
        return  # nothing compiled: the sources run
    package = _MANIFEST.parent
    for line in _MANIFEST.read_text("utf-8").splitlines():
        name, _, digest = line.rpartition(" ")
        path = package / name
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            raise ImportError(
                f"generator/extract/{name} changed since the extractor was compiled: "
                "run `make compiled` again, or `make clean-compiled` to run the sources"
            )


_check_compiled()
