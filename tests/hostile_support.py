"""The hostile corpus: projects whose articles and data try to break or inject into the site.

`tests/fixtures/hostile/site` holds an article and data files in which every text value is an
injection attempt (HTML, Markdown, Jinja); `make_hostile_project` turns it into a complete
project beside the repository's own seeds.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import FIXTURES, ROOT

HOSTILE = FIXTURES / "hostile"
HOSTILE_SITE = HOSTILE / "site"
# Characters that make a value an injection attempt rather than plain words.
_META = set("<>[]{}&*`|#\\!")
_NOT_SHOWN_AS_TEXT = {
    "url",
    "source",
    "id",
    "subject",
    "actor",
    "speaker",
    "stance",
    "members",
    "mentions",
    "actors",
}


def make_hostile_project(tmp: Path) -> Path:
    """The repository's seeds plus the hostile article, with the hostile data files."""
    shutil.copytree(ROOT / "seeds", tmp / "seeds")
    for path in (HOSTILE_SITE / "seeds").iterdir():
        shutil.copy(path, tmp / "seeds" / path.name)
    shutil.copytree(HOSTILE_SITE / "data", tmp / "data")
    shutil.copytree(ROOT / "data" / "lexicon", tmp / "data" / "lexicon")
    shutil.copytree(ROOT / "docs", tmp / "docs")
    shutil.copy(ROOT / "mkdocs.yml", tmp / "mkdocs.yml")
    return tmp


def _strings(value: Any, key: str = "") -> Iterator[str]:
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, str(k))
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item, key)
    elif isinstance(value, str) and key not in _NOT_SHOWN_AS_TEXT:
        yield value


def squash(text: str) -> str:
    return " ".join(text.split())


def hostile_values() -> list[str]:
    """Every text value of the hostile data and metadata that carries markup characters."""
    files = [*(HOSTILE_SITE / "data").glob("*.yaml"), *(HOSTILE_SITE / "seeds").glob("*.yaml")]
    values = {
        squash(s) for f in sorted(files) for s in _strings(yaml.safe_load(f.read_text("utf-8")))
    }
    return sorted(v for v in values if _META & set(v))


def hostile_paragraphs() -> list[str]:
    """The paragraphs of the hostile article (each carries one payload)."""
    text = next((HOSTILE_SITE / "seeds").glob("*.txt")).read_text("utf-8")
    return [squash(p) for p in text.split("\n\n") if _META & set(p)]
