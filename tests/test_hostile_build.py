"""The hostile project builds strictly, with working links, byte-identically twice."""

from __future__ import annotations

from pathlib import Path

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
