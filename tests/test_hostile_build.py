"""The hostile project builds strictly, with working links, byte-identically twice."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main
from tests.browser_support import build_site
from tests.hostile_support import make_hostile_project
from tests.sitecheck import broken_links


def test_hostile_site_builds_reproducibly_with_working_links(tmp_path: Path) -> None:
    project = make_hostile_project(tmp_path / "project")
    a = build_site(project, tmp_path / "a")
    b = build_site(project, tmp_path / "b")
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files_a == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    for rel in files_a:
        assert (a / rel).read_bytes() == (b / rel).read_bytes(), rel
    assert broken_links(a) == []
    # Every page title is text: no payload closes <title> (Material decodes entities there).
    for page in a.rglob("*.html"):
        head = page.read_text("utf-8").split("</head>", 1)[0]
        assert head.count("<title>") == 1 and head.count("</title>") == 1, page
        assert "<script>window" not in head, page


class _Executable(HTMLParser):
    """Collects what would run or load: scripts mentioning the payloads, handlers, URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._script = tag == "script"
        for name, value in attrs:
            value = (value or "").lower()
            if name.startswith("on") or "javascript:" in value or "evil.example" in value:
                self.found.append(f"<{tag} {name}={value}>")
        if tag in ("iframe", "object", "embed", "base"):
            self.found.append(f"<{tag}>")

    def handle_data(self, data: str) -> None:
        if self._script and "pwned" in data:
            self.found.append(f"<script>{data[:80]}")

    def handle_endtag(self, tag: str) -> None:
        self._script = False


def test_facts_extracted_from_the_hostile_article_are_shown_as_text(tmp_path: Path) -> None:
    project = make_hostile_project(tmp_path / "project")
    args = ["--seeds", str(project / "seeds"), "--data", str(project / "data")]
    result = CliRunner().invoke(main, ["extract", "--no-progress", *args])
    assert result.exit_code == 0, result.output
    extracted = "".join(p.read_text("utf-8") for p in (project / "data").glob("*.yaml"))
    assert extracted.count("pwned") > 20  # the extractor did pick up the payloads
    result = CliRunner().invoke(main, ["check", *args])
    assert result.exit_code == 0, result.output
    site = build_site(project)
    for page in sorted(site.rglob("*.html")):
        parser = _Executable()
        parser.feed(page.read_text("utf-8"))
        assert parser.found == [], page
