"""Compile the extractor's modules with mypyc, in place (opt-in: `make compiled`).

    .venv/bin/python scripts/compile_extractor.py [--clean]

mypyc (part of mypy, a test dependency) turns each module of `generator/extract` into a C
extension that Python imports instead of the `.py` file beside it: the same code, with
the same results, run about a fifth faster (the 1,000-article benchmark: ~40 -> ~47
articles/s per core). It needs a C compiler and Python's headers. Without it, nothing
changes: the `.py` files are what runs.

Left as Python: the packages' `__init__.py` (the check below runs there), `run.py` (the
extract command's driver: tests replace its functions, and the article cache's code
digest reads its source), and `_SKIPPED`: `combine.py` and `tailsplit.py` (tests replace
combine's functions, which a compiled caller would call directly) and `store.py` (a
compiled dataclass refuses values its annotations do not name, which its encoder's
fallbacks are written for). Little of the time goes there.

Compiled code checks every annotated argument and attribute: a value of another type
than annotated is a TypeError there, where Python would go on. The tests pass compiled
too; the output on every fixture, the seeds and the benchmark corpus is byte-identical.

A compiled module would shadow its `.py` file even after the file is edited: the sources
compiled are listed with their digests in `generator/extract/_compiled.txt`, and
`generator.extract` refuses to import while any of them differs (compile again, or
`--clean` to run the `.py` files).
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "generator" / "extract"
MANIFEST = PACKAGE / "_compiled.txt"
_SKIPPED = {"combine.py", "store.py", "tailsplit.py"}


def _sources() -> list[Path]:
    return [
        path
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name not in ("__init__.py", "run.py")
        and path.relative_to(PACKAGE).as_posix() not in _SKIPPED
    ]


def clean() -> None:
    MANIFEST.unlink(missing_ok=True)
    for path in [*PACKAGE.rglob("*.so"), *ROOT.glob("*__mypyc.*.so")]:
        path.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clean", action="store_true", help="remove the compiled modules")
    args = parser.parse_args()
    clean()
    if args.clean:
        return
    sources = _sources()
    # Listed first: a build stopped half way leaves modules that are checked all the same.
    MANIFEST.write_text(
        "".join(
            f"{path.relative_to(PACKAGE).as_posix()} {hashlib.sha256(path.read_bytes()).hexdigest()}\n"
            for path in sources
        ),
        "utf-8",
    )
    names = [path.relative_to(ROOT).as_posix() for path in sources]
    subprocess.run([sys.executable, "-m", "mypyc", *names], cwd=ROOT, check=True)
    print(f"compiled {len(sources)} modules; `{Path(__file__).name} --clean` removes them")


if __name__ == "__main__":
    main()
