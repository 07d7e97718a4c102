"""The Jinja environment: templates from the package, overridable from a site folder.

Escaping is the security boundary. Every value from data or articles is untrusted: in
raw HTML blocks it is HTML-escaped (autoescape), and where it lands in Markdown (headings)
the `md` filter also backslash-escapes Markdown syntax, so `[x](javascript:...)`, footnote
or attribute syntax and raw HTML in an article are shown as text, never interpreted.
Jinja syntax inside values is inert: values are data, never templates.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import re
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined
from jinja2.bccache import Bucket, FileSystemBytecodeCache
from markupsafe import Markup

# Characters Python-Markdown treats as syntax and accepts a backslash escape for.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")
# Control characters (Python-Markdown uses STX/ETX internally as placeholders).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean(value: object) -> str:
    """Text without control characters, whitespace runs folded to single spaces."""
    return " ".join(_CONTROL.sub("", str(value)).split())


def md_escape(value: object) -> Markup:
    """Untrusted text for a Markdown position (heading, list item): shown exactly as text."""
    return Markup(_MD_SPECIAL.sub(r"\\\1", html.escape(clean(value), quote=False)))


def html_text(value: object) -> Markup:
    """Untrusted text for a raw HTML position."""
    return _html_text(value if isinstance(value, str) else str(value))


# Every page escapes the same names, publishers and passages again: remembered by text
# (Markup is an immutable str, so sharing one between pages is safe).
@lru_cache(maxsize=16384)
def _html_text(value: str) -> Markup:
    return Markup(html.escape(clean(value), quote=True))


def page_title(value: object) -> Markup:
    """Untrusted text for a page's `title:` metadata line (the first line of a page).

    Without it MkDocs takes the title from the first heading, as HTML, and the theme writes
    it into `<title>` through `striptags`, which decodes entities: a heading that reads
    `</title><script>` would close the title element and run. A `title:` line is used as
    written, so it is written HTML-escaped, on one line.
    """
    return Markup(html.escape(clean(value), quote=False))


def _finalize(value: object) -> object:
    if value is None:
        return ""
    return value if isinstance(value, Markup) else html_text(value)


# Every option that changes the code Jinja compiles a template into: part of the key of
# compiled templates kept on disk, so a change here never runs stale code.
_OPTIONS: dict[str, Any] = {
    "autoescape": True,
    "undefined": StrictUndefined,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "keep_trailing_newline": True,
    "finalize": _finalize,
}


class _CompiledTemplates(FileSystemBytecodeCache):
    """Compiled templates on disk, like `.pyc` files: a cold build skips compiling them.

    Jinja checks each entry against the template's source (and the Python version), and the
    file names carry a fingerprint of Jinja's version and our options. A cache that cannot
    be read or written only costs the time to compile, so it never fails a build.
    """

    def __init__(self, directory: Path) -> None:
        options = repr(sorted((k, getattr(v, "__qualname__", v)) for k, v in _OPTIONS.items()))
        key = hashlib.sha256(f"{jinja2.__version__}\0{options}".encode()).hexdigest()[:16]
        super().__init__(str(directory), f"{key}-%s.jinja")
        with contextlib.suppress(OSError):
            directory.mkdir(parents=True, exist_ok=True)
            for old in directory.glob("*.jinja"):
                if not old.name.startswith(key):
                    old.unlink()  # written by another Jinja or another version of ours

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # unreadable or cut short: compile again
            bucket.reset()


@cache
def make_environment(
    templates_dir: Path | None = None, compiled_dir: Path | None = None
) -> Environment:
    """Package templates, with `templates_dir` (a site's overrides) searched first.

    One environment per folder for the life of the process: under `mkdocs serve` templates
    are compiled once, and `auto_reload` (on by default) still picks up a saved template.
    The environment holds no state of a build: render context is passed per page.
    `compiled_dir` keeps compiled templates across processes (see `_CompiledTemplates`).
    """
    loaders: list[FileSystemLoader | PackageLoader] = []
    if templates_dir is not None:
        loaders.append(FileSystemLoader(str(templates_dir)))
    loaders.append(PackageLoader("generator", "templates"))
    env = Environment(
        loader=ChoiceLoader(loaders),
        bytecode_cache=_CompiledTemplates(compiled_dir) if compiled_dir else None,
        **_OPTIONS,
    )
    env.filters["md"] = md_escape
    env.filters["page_title"] = page_title
    return env
