"""Benchmark: the plugin's share of a full build, and the `mkdocs serve` reload time.

Prints figures; it does not pass or fail. Usage:

    .venv/bin/python scripts/bench_build.py [--project DIR] [--runs N]

1. `mkdocs build` of the project (plugin on) versus `mkdocs build` of the same pages written
   out by `explainer render`, with the plugin off. Target: at most 10 % extra.
2. `mkdocs serve`: from saving a YAML edit to the edited text showing in the open page
   (chromium, live reload). Target: 1.5 s at seed size.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


# Builds run as a user runs them: with Python's bytecode cache on. This machine (and the
# Makefile, to keep test runs from writing __pycache__) sets PYTHONDONTWRITEBYTECODE, which
# would recompile the generator's modules from source in every timed process while MkDocs and
# Material, installed from wheels, load precompiled bytecode: an unfair handicap for the plugin.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """Wall time and CPU time (user + system, of the process and everything it forked)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, capture_output=True, env=CHILD_ENV)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _share(name: str, times: list[tuple[float, float]], base: list[tuple[float, float]]) -> str:
    wall, cpu = (statistics.median(t[i] for t in times) for i in (0, 1))
    base_wall, base_cpu = (statistics.median(t[i] for t in base) for i in (0, 1))
    return (
        f"build, {name}: median {wall:.2f} s, plugin's share {wall - base_wall:+.2f} s = "
        f"{100 * (wall - base_wall) / base_wall:+.1f} % (target <= 10 %); CPU time "
        f"{cpu:.2f} s, {100 * (cpu - base_cpu) / base_cpu:+.1f} %"
    )


def plain_config(project: Path, docs: Path, site: Path) -> dict[str, Any]:
    """The project's own mkdocs.yml with the explainer plugin taken out, reading `docs`.

    Everything else (theme features, palette, other plugins, Markdown extensions) stays, so the
    two builds differ only by the plugin and the comparison charges it nothing else.
    """
    config: dict[str, Any] = yaml.safe_load((project / "mkdocs.yml").read_text())
    plugins = config.get("plugins", ["search"])
    config["plugins"] = [
        p for p in plugins if p != "explainer" and not (isinstance(p, dict) and "explainer" in p)
    ]
    config.update(docs_dir=str(docs), site_dir=str(site), strict=False)
    # What the plugin adds to the config of a build, added here by hand.
    config["extra_css"] = [*config.get("extra_css", []), "assets/explainer.css"]
    config["extra_javascript"] = [*config.get("extra_javascript", []), "assets/explainer.js"]
    return config


def bench_build(project: Path, runs: int) -> None:
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "-q"]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "rendered"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "generator.cli",
                "render",
                "--seeds",
                str(project / "seeds"),
                "--data",
                str(project / "data"),
                "--out",
                str(out),
            ],
            check=True,
        )
        # The same pages: the generated ones plus the hand-written docs.
        shutil.copytree(project / "docs", out, dirs_exist_ok=True)
        plain = Path(tmp) / "plain.yml"
        plain.write_text(yaml.safe_dump(plain_config(project, out, Path(tmp) / "plain-site")))
        pages = len(list(out.rglob("*.md")))
        cache = project / ".cache" / "explainer"
        cold: list[tuple[float, float]] = []
        compiled: list[tuple[float, float]] = []
        warm: list[tuple[float, float]] = []
        without: list[tuple[float, float]] = []
        # Untimed: lets Python write the bytecode of every module both builds import.
        timed([*mkdocs, "-d", f"{tmp}/site"], project)
        timed([*mkdocs, "-f", str(plain)], project)
        for _ in range(runs):  # interleaved, so load on the machine hits all four alike
            shutil.rmtree(cache, ignore_errors=True)
            cold.append(timed([*mkdocs, "-d", f"{tmp}/site"], project))
            for entry in cache.glob("site-*.json"):  # keep only the compiled templates
                entry.unlink()
            compiled.append(timed([*mkdocs, "-d", f"{tmp}/site"], project))
            warm.append(timed([*mkdocs, "-d", f"{tmp}/site"], project))
            without.append(timed([*mkdocs, "-f", str(plain)], project))
    wall, cpu = (statistics.median(t[i] for t in without) for i in (0, 1))
    print(
        f"build, plugin off        : median {wall:.2f} s, CPU time {cpu:.2f} s "
        f"({pages} pages: explainer render + docs/)"
    )
    print(_share("plugin on, cold: no .cache/explainer at all", cold, without))
    print(_share("plugin on, cold: compiled templates cached, no site cache", compiled, without))
    print(_share("plugin on, warm cache (no input changed)", warm, without))
    print(
        f"(medians over {runs} runs each, process start included, Python bytecode cache on; "
        "the wall-clock share is the target; CPU time counts the background render too)"
    )


def bench_serve(project: Path, runs: int, dirty: bool) -> None:
    from playwright.sync_api import sync_playwright

    from tests.browser_support import CHROMIUM, CHROMIUM_ARGS, free_port

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "project"
        shutil.copytree(
            project,
            copy,
            ignore=shutil.ignore_patterns("site", ".venv", ".git", ".cache", "node_modules"),
        )
        port = free_port()
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "serve",
                *(["--dirty"] if dirty else []),
                "-a",
                f"127.0.0.1:{port}",
            ],
            cwd=copy,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        url = f"http://127.0.0.1:{port}/"
        for _ in range(300):
            try:
                urllib.request.urlopen(url, timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        explainer = copy / "data" / "explainer.yaml"
        original = explainer.read_text()
        title = original.split("title:", 1)[1].splitlines()[0].strip()
        times = []
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = browser.new_page()
                page.goto(url)
                for run in range(runs):
                    marker = f"Edited {run}"
                    time.sleep(1.0)
                    start = time.perf_counter()
                    explainer.write_text(original.replace(title, f"{title} {marker}", 1))
                    page.get_by_role("heading", name=f"{title} {marker}").wait_for(timeout=30_000)
                    times.append(time.perf_counter() - start)
                browser.close()
        finally:
            proc.terminate()
            proc.wait(timeout=20)
    print(
        f"serve{' --dirty' if dirty else ''}, save -> page shows edit: median {statistics.median(times):.2f} s, "
        f"max {max(times):.2f} s over {runs} edits (target 1.5 s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=ROOT)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", choices=("build", "serve"), help="run one of the two benchmarks")
    args = parser.parse_args()
    if args.only != "serve":
        bench_build(args.project, args.runs)
    if args.only != "build":
        bench_serve(args.project, args.runs, dirty=False)
        bench_serve(args.project, args.runs, dirty=True)


if __name__ == "__main__":
    main()
