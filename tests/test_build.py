"""Real MkDocs builds of a project that uses the plugin."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from jsonschema import Draft202012Validator

from tests.cli_support import run_cli
from tests.sitecheck import broken_links, scan

MKDOCS = [sys.executable, "-m", "mkdocs"]


def build(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*MKDOCS, "build", *args], cwd=project, capture_output=True, text=True, timeout=300
    )


def test_strict_build_passes_without_warnings_and_writes_nothing_into_docs(project: Path) -> None:
    before = sorted(p.name for p in (project / "docs").rglob("*"))
    result = build(project, "--strict")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    assert sorted(p.name for p in (project / "docs").rglob("*")) == before
    site = project / "site"
    for page in [
        "index.html",
        "weapons/atacms/index.html",
        "actors/joe-biden/index.html",
        "positions/index.html",
        "timeline/index.html",
        "disputes/index.html",
        "sources/cnn-2024-11-17/index.html",
        "data.json",
    ]:
        assert (site / page).is_file(), page
    home = (site / "index.html").read_text()
    # Generated pages appear in the navigation.
    assert 'href="weapons/atacms/"' in home and 'href="timeline/"' in home


def test_every_link_and_anchor_resolves(project: Path) -> None:
    assert build(project, "--strict").returncode == 0
    assert broken_links(project / "site") == []


def test_every_citation_leads_to_a_highlighted_passage(project: Path) -> None:
    assert build(project).returncode == 0
    site = project / "site"
    pages = scan(site)
    cites = [(p, h) for p, c in pages.items() for h in c.links if "sources/" in h and "#q-" in h]
    assert len(cites) >= 10
    for page, href in cites:
        source_page = (site / page).parent.joinpath(href.split("#")[0], "index.html").resolve()
        html = source_page.read_text()
        anchor = href.split("#")[1]
        assert f'<span class="xp-anchor" id="{anchor}"></span><mark class="xp-passage' in html, (
            page,
            href,
        )


def test_published_json_is_the_export(project: Path) -> None:
    assert build(project).returncode == 0
    code, exported = run_cli(project, "export")
    assert code == 0
    assert (project / "site" / "data.json").read_text() == exported
    data = json.loads(exported)
    schema = json.loads(
        (Path(__file__).parent.parent / "generator/schema/export.schema.json").read_text()
    )
    Draft202012Validator(schema).validate(data)
    sources = {s["id"]: (project / "seeds" / f"{s['id']}.txt").read_text() for s in data["sources"]}
    for collection in ("claims", "figures", "events", "positions"):
        for item in data[collection]:
            for c in item["citations"]:
                assert sources[c["source"]][c["start"] : c["end"]] == c["quote"]
    for q in data["quotes"]:
        c = q["citation"]
        assert sources[c["source"]][c["start"] : c["end"]] == c["quote"]


def test_two_builds_are_byte_identical(project: Path, tmp_path: Path) -> None:
    assert build(project, "-d", str(tmp_path / "a")).returncode == 0
    assert build(project, "-d", str(tmp_path / "b")).returncode == 0
    files_a = sorted(
        p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file()
    )
    files_b = sorted(
        p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file()
    )
    assert files_a == files_b
    for rel in files_a:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes(), rel


def test_a_data_problem_fails_the_build_with_its_location(project: Path) -> None:
    facts = project / "data" / "facts.yaml"
    facts.write_text(
        facts.read_text().replace(
            "subject: atacms\n    property: range\n    value: 190",
            "subject: atacms\n    property: range\n    value: lots",
        )
    )
    result = build(project)
    assert result.returncode == 1
    assert "facts.yaml:" in result.stderr and "figures.0.value: 'lots' is not" in result.stderr
    assert "Traceback" not in result.stderr


def test_render_writes_the_same_pages_for_engines_without_plugins(project: Path) -> None:
    out = project / "rendered"
    code, output = run_cli(project, "render", "--out", str(out))
    assert code == 0, output
    (project / "plain.yml").write_text(
        "site_name: plain\ndocs_dir: rendered\nsite_dir: plain-site\ntheme: {name: material, font: false}\n"
        "extra_css: [assets/explainer.css]\nextra_javascript: [assets/explainer.js]\n"
    )
    plain = subprocess.run(
        [*MKDOCS, "build", "-f", "plain.yml"], cwd=project, capture_output=True, text=True
    )
    assert plain.returncode == 0, plain.stderr
    assert build(project).returncode == 0
    rendered = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.md"))
    assert "weapons/atacms.md" in rendered and "sources/abc-2024-11-18.md" in rendered
    for page in rendered:
        html = page.removesuffix(".md").removesuffix("index") + (
            "/index.html" if not page.endswith("index.md") else "index.html"
        )
        html = html.replace("//", "/").lstrip("/")
        assert (project / "plain-site" / html).is_file(), html
    # The article text, passages and citations are the same with and without the plugin.
    a = (project / "site" / "sources/cnn-2024-11-17/index.html").read_text()
    b = (project / "plain-site" / "sources/cnn-2024-11-17/index.html").read_text()
    assert a.count('class="xp-passage') == b.count('class="xp-passage') > 3
