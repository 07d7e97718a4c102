"""Benchmark `explainer extract` on a synthetic corpus (issue 5 item 4).

Makes N seed-sized articles by recombining and perturbing the sentences of `seeds/*.txt`
(numbers and capitalised names randomised), then times a cold run with --jobs 1, a cold
run with --jobs 2 and a warm re-run, with the extractor currently installed.

    .venv/bin/python scripts/bench_extract.py [--articles 1000] [--keep DIR]

Targets: >= 50 articles/s per core, peak memory < 1 GiB, warm re-run < 2 s.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.extract.run import run_extract  # noqa: E402

SYLLABLES = ["ka", "ro", "vin", "tel", "mar", "os", "dan", "ler", "bi", "sha", "tor", "mek"]


def _sentences(text: str) -> list[str]:
    body = " ".join(line for line in text.splitlines()[3:] if len(line.split()) > 6)
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", body) if len(s.split()) >= 5]


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _perturb(sentence: str, rng: random.Random, names: dict[str, str]) -> str:
    def number(match: re.Match[str]) -> str:
        return str(rng.randint(1, 999)) if rng.random() < 0.6 else match.group()

    def name(match: re.Match[str]) -> str:
        word = match.group()
        if rng.random() < 0.15:
            names.setdefault(word, _name(rng))
        return names.get(word, word)

    sentence = re.sub(r"\b\d+\b", number, sentence)
    return re.sub(r"(?<=\s)[A-Z][a-z]{3,}\b", name, sentence)


def make_corpus(seeds: Path, count: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    pool = [
        s
        for path in sorted((ROOT / "seeds").glob("*.txt"))
        for s in _sentences(path.read_text("utf-8"))
    ]
    if not pool:
        raise SystemExit("no sentences found in seeds/*.txt")
    per_article = max(10, len(pool) // max(1, len(list((ROOT / "seeds").glob("*.txt")))))
    seeds.mkdir(parents=True)
    for n in range(count):
        names: dict[str, str] = {}
        chosen = [_perturb(s, rng, names) for s in rng.sample(pool, min(per_article, len(pool)))]
        paragraphs, i = [], 0
        while i < len(chosen):
            step = rng.randint(1, 3)
            paragraphs.append(" ".join(chosen[i : i + step]))
            i += step
        title = f"{_name(rng)} report {n}: " + " ".join(chosen[0].split()[:8])
        paragraphs[0] = "LONDON -- " + paragraphs[0]
        (seeds / f"bench-{n:04d}.txt").write_text(
            title + "\n" + "\n\n".join(paragraphs) + "\n", "utf-8"
        )
        day = 1 + n % 28
        (seeds / f"bench-{n:04d}.yaml").write_text(
            f"publisher: Outlet {n % 17}\npublished: 2024-11-{day:02d}\ntitle: {json.dumps(title)}\n",
            "utf-8",
        )


def _project(root: Path, seeds: Path) -> Path:
    shutil.copytree(seeds, root / "seeds")
    shutil.copytree(ROOT / "data" / "lexicon", root / "data" / "lexicon")
    return root


def _peak_mib() -> float:
    self_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(self_kib, children_kib) / 1024


def _cpu_seconds() -> float:
    """User and system time of this process and its finished children (the workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _timed(label: str, root: Path, jobs: int, articles: int) -> float:
    started, cpu_started = time.perf_counter(), _cpu_seconds()
    report = run_extract(
        root / "seeds", root / "data", jobs=jobs, progress=False, cache_dir=root / "cache"
    )
    wall = time.perf_counter() - started
    cpu = _cpu_seconds() - cpu_started
    added = report.total("added")
    rate = articles / wall if wall else float("inf")
    # CPU seconds beside wall time: on a busy machine wall time also counts other
    # programs' turns, CPU time only this run's work (articles per CPU second).
    per_cpu = articles / cpu if cpu else float("inf")
    print(
        f"{label:<16} wall {wall:7.2f} s  {rate:7.1f} articles/s  ({rate / jobs:6.1f}/core)"
        f"  cpu {cpu:7.2f} s ({per_cpu:6.1f} articles/cpu-s)"
        f"  cached {report.from_cache:4d}  added {added:6d}  skipped {report.skipped}"
        f"  peak RSS so far {_peak_mib():6.0f} MiB"
    )
    return wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--keep", type=Path, help="build the corpus here and keep it")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-extract-")) if args.keep is None else args.keep
    try:
        make_corpus(tmp / "corpus", args.articles)
        size = sum(p.stat().st_size for p in (tmp / "corpus").glob("*.txt")) / 1024 / 1024
        print(f"corpus: {args.articles} articles, {size:.1f} MiB of text")
        one = _project(tmp / "jobs1", tmp / "corpus")
        two = _project(tmp / "jobs2", tmp / "corpus")
        _timed("cold, jobs=1", one, 1, args.articles)
        _timed("cold, jobs=2", two, 2, args.articles)
        warm = _timed("warm, jobs=2", two, 2, args.articles)
        data = sum(p.stat().st_size for p in (two / "data").glob("*.yaml")) / 1024 / 1024
        print(
            f"data files: {data:.1f} MiB; peak RSS {_peak_mib():.0f} MiB; warm re-run {warm:.2f} s"
        )
    finally:
        if args.keep is None:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
