"""`explainer extract`: articles in, merged data files out, editors' work untouched.

One run: lock `data/`, read and validate everything (any problem: raise, write nothing),
skip entirely when nothing changed since the last completed run, extract the articles not
in the cache (optionally in a process pool), combine across sources, merge into the data
files, and write: pending state, data files, final state (see `store` for why).
"""

from __future__ import annotations

import importlib
import logging
import multiprocessing
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from ..errors import ExplainerError, ProblemsError, display_path
from ..gcpause import gc_paused
from ..lexicon import Lexicon, load_lexicon
from ..recache import regex_cache, save_new
from ..sources import Source, load_sources
from ..yamlfile import write_atomic
from . import store
from .datafiles import DataFiles, data_paths, load_data, trust_digest
from .merge import COLLECTIONS, Counts, merge
from .output import Merged, differs, render, validate_output
from .tailsplit import MergeInputs, combine_and_merge

log = logging.getLogger(__name__)

Extracted = dict[str, list[dict[str, Any]]]
ExtractFn = Callable[[Source, Any], Extracted]
CombineFn = Callable[[list[Extracted], Any, dict[str, Source]], Extracted]
KnowledgeFn = Callable[[Lexicon, list[dict[str, Any]]], Any]


def _stage(module: str, name: str) -> Callable[..., Any]:
    try:
        return getattr(importlib.import_module(f"generator.extract.{module}"), name)  # type: ignore[no-any-return]
    except (ImportError, AttributeError) as err:
        raise ExplainerError(f"the extractor is not installed: {err}") from err


# Module-level wrappers, so the defaults pickle into worker processes and are found late.
def default_extract(source: Source, knowledge: Any) -> Extracted:
    return _stage("article", "extract_article")(source, knowledge)  # type: ignore[no-any-return]


def default_combine(
    per_article: list[Extracted], knowledge: Any, sources: dict[str, Source]
) -> Extracted:
    # `run_extract` decodes `per_article` for this call alone: combine may merge in place.
    return _stage("combine", "combine")(per_article, knowledge, sources, owned=True)  # type: ignore[no-any-return]


def default_knowledge(lexicon: Lexicon, entities: list[dict[str, Any]]) -> Any:
    return _stage("knowledge", "build_knowledge")(lexicon, entities)


@dataclass
class ExtractReport:
    articles: int = 0
    from_cache: int = 0
    skipped: bool = False  # nothing changed since the last run: nothing merged or written
    written: list[str] = field(default_factory=list)
    counts: dict[str, Counts] = field(default_factory=dict)

    def total(self, what: str) -> int:
        return sum(getattr(c, what) for c in self.counts.values())

    def __str__(self) -> str:
        head = f"{self.articles} article(s), {self.from_cache} from the cache"
        if self.skipped:
            return f"{head}; nothing changed since the last extract: no file written"
        lines = [f"{head}; wrote {', '.join(self.written) or 'no file'}"]
        for name, c in self.counts.items():
            lines.append(
                f"  {name:<10} {c.added} added, {c.updated} updated, {c.unchanged} unchanged, "
                f"{c.kept} kept as edited, {c.removed} removed, {c.skipped_deleted} not re-added (deleted by an editor)"
            )
        return "\n".join(lines)


_WORKER: dict[str, Any] = {}
_UNBUILT = object()  # `_init_worker` without the parent's knowledge


def _init_worker(
    extract_fn: ExtractFn,
    knowledge_fn: KnowledgeFn,
    lexicon: Lexicon,
    entities: list[dict[str, Any]],
    cache_root: Path | None,
    knowledge: Any = _UNBUILT,
) -> None:
    # Knowledge is built once per worker rather than pickled: it need not be picklable.
    # A forked worker is given the parent's instead (see `_extract_all`).
    _WORKER["extract"] = extract_fn
    built = knowledge_fn(lexicon, entities) if knowledge is _UNBUILT else knowledge
    _WORKER["knowledge"] = built
    _WORKER["cache"] = store.ArticleCache(cache_root)


def _extract_in_worker(job: tuple[Source, str]) -> bytes:
    source, key = job
    text = store.result_json(_WORKER["extract"](source, _WORKER["knowledge"]))
    # Written by the worker: the parent, which alone decodes and combines, has less to do.
    _WORKER["cache"].put_text(key, text)
    save_new()  # the patterns first compiled for this article, kept for later runs
    return text


def _extract_all(
    work: list[tuple[Source, str]],
    jobs: int,
    extract_fn: ExtractFn,
    knowledge: Any,
    cache: store.ArticleCache,
    init: tuple[Any, ...],
) -> Iterator[bytes]:
    """The result text of each (source, cache key), in order, each put in the cache."""
    if jobs <= 1 or len(work) < 2:
        for source, key in work:
            text = store.result_json(extract_fn(source, knowledge))
            cache.put_text(key, text)
            yield text
        return
    chunk = max(1, len(work) // (jobs * 8))
    # A forked worker starts with a copy of the parent's memory, initargs included (they
    # are not pickled): the knowledge the parent built already is the worker's for free,
    # where building it again took each worker a tenth of a second or more of CPU. The
    # parent uses one knowledge for every article with --jobs 1 too. Any other start
    # method pickles initargs: the worker builds its own.
    context = multiprocessing.get_context()
    shared = (knowledge,) if _can_fork() else ()
    initargs = (*init, cache.root, *shared)
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_init_worker, initargs=initargs
    ) as pool:
        yield from pool.map(_extract_in_worker, work, chunksize=chunk)


def _input_digest(seeds_dir: Path, data_dir: Path, code: str) -> str:
    """Seeds, lexicon and code as raw bytes, read *before* they are loaded: a file changed
    while a run works then makes the next run's digest differ, so it is never skipped."""
    parts = [code]
    for folder, paths in (
        ("seeds", sorted(seeds_dir.glob("*.txt")) + sorted(seeds_dir.glob("*.yaml"))),
        ("lexicon", sorted((data_dir / "lexicon").glob("*.yaml"))),
    ):
        parts += [
            f"{folder}/{p.name}:{store.sha256_text(p.read_bytes())}" for p in paths if p.is_file()
        ]
    return store.sha256_text("\n".join(parts))


def _fingerprint(inputs: str, data: dict[str, bytes]) -> str:
    """Everything a run's output depends on: equal to the last run's means nothing to do."""
    parts = [inputs] + [f"data/{n}:{store.sha256_text(raw)}" for n, raw in sorted(data.items())]
    return store.sha256_text("\n".join(parts))


def _can_fork() -> bool:
    # As the process pool: a forked child shares the parent's memory; any other start
    # method (the default off Linux) would pickle everything, which costs more than it saves.
    return multiprocessing.get_context().get_start_method() == "fork"


def _combine_and_merge(
    combine_fn: CombineFn,
    per_article: list[Extracted],
    knowledge: Any,
    sources: dict[str, Source],
    given: MergeInputs,
) -> Merged:
    """Combine, merge, render and check in this process (`tailsplit` does it on two)."""
    combined = combine_fn(per_article, knowledge, sources)
    result = merge(
        given.documents, combined, given.base, given.pending, given.elsewhere, plain=given.plain
    )
    texts, plain = render(result.documents, given.careful)
    changed = [n for n, t in texts.items() if differs(t, given.raw.get(f"{n}.yaml"))]
    validate_output(given.data_dir, {n: result.touched.get(n, []) for n in changed})
    return Merged(texts, plain, result.base, result.counts, changed)


def _sweep_temp_files(data_dir: Path) -> None:
    # write_atomic's temporaries outlive a SIGKILL; under the lock none is in use.
    for folder in (data_dir, data_dir / store.STATE_DIR):
        for tmp in folder.glob(".*.tmp"):
            tmp.unlink(missing_ok=True)


def _check_unchanged(data_dir: Path, data: DataFiles, names: list[str]) -> None:
    for name in names:
        path = data_dir / f"{name}.yaml"
        now = path.read_bytes() if path.exists() else None
        if now != data.raw.get(path.name):
            raise ExplainerError(
                f"{display_path(path)} changed while extract was running; nothing was written, run extract again"
            )


def run_extract(
    seeds_dir: Path,
    data_dir: Path,
    *,
    jobs: int = 1,
    progress: bool = True,
    cache_dir: Path | None = None,
    extract_fn: ExtractFn = default_extract,
    combine_fn: CombineFn = default_combine,
    knowledge_fn: KnowledgeFn = default_knowledge,
    wait: bool = True,
    use_cache: bool = True,
) -> ExtractReport:
    """Extract facts from `seeds_dir` into `data_dir`, keeping every editor's change.

    Raises ProblemsError (nothing written) when seeds, lexicon, data files or the state
    have problems, ExplainerError when another extract holds the lock and `wait` is False.
    `cache_dir` defaults to `.cache/extract` beside `data_dir`.
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    cache = store.ArticleCache(
        (cache_dir or data_dir.parent / ".cache" / "extract") if use_cache else None
    )
    # A run builds millions of small objects and keeps most of them to the end: the
    # collector scanning them was about half the time of combining, merging and writing.
    with store.extract_lock(data_dir, wait=wait), gc_paused(), ExitStack() as later:
        _sweep_temp_files(data_dir)
        code = "\n".join(
            store.extractor_digest(fn) for fn in (extract_fn, combine_fn, knowledge_fn)
        )
        data_raw = {p.name: p.read_bytes() for p in data_paths(data_dir)}
        state, problems = store.load_state(data_dir)
        inputs = _input_digest(seeds_dir, data_dir, code)
        fingerprint = _fingerprint(inputs, data_raw)
        if use_cache and not problems and not state.pending and state.inputs == fingerprint:
            count = len(list(seeds_dir.glob("*.txt")))
            return ExtractReport(articles=count, from_cache=count, skipped=True)
        # Patterns through the programs kept by earlier runs (`recache`), workers too.
        later.enter_context(regex_cache())

        lexicon, lexicon_problems = load_lexicon(data_dir / "lexicon")
        sources, source_problems = load_sources(seeds_dir, lexicon.layout)
        data, data_problems = load_data(data_dir, state.files)
        problems += lexicon_problems + source_problems + data_problems
        if problems:
            raise ProblemsError(problems)

        entities = data.editor_entities(state)
        context = "\n".join(
            [code, store.lexicon_digest(lexicon.files), store.canonical_json(entities)]
        )
        keys = [store.article_key(s, context) for s in sources]
        per_article: list[Extracted | None] = [cache.get(k) for k in keys]
        misses = [i for i, value in enumerate(per_article) if value is None]
        knowledge = knowledge_fn(lexicon, entities)
        bar = (
            click.progressbar(length=len(misses), label="Extracting", file=sys.stderr)
            if progress and misses and sys.stderr.isatty()
            else nullcontext(None)
        )
        init = (extract_fn, knowledge_fn, lexicon, entities)
        with bar as shown:
            todo = [(sources[i], keys[i]) for i in misses]
            results = _extract_all(todo, jobs, extract_fn, knowledge, cache, init)
            for index, text in zip(misses, results, strict=True):
                # `text` is result_json's, as `put` wrote it: no re-encoding.
                per_article[index] = store.result_value(text)  # cached or not, the same
                if shown is not None:
                    shown.update(1)

        # Documents read by ruamel are written by ruamel (`render`); the others may hold
        # plain dicts (`merge`'s `plain`).
        careful = {n for n in data.managed if n not in data.fast}
        given = MergeInputs(
            data.managed,
            state.base,
            state.pending,
            data.elsewhere,
            {n for n in COLLECTIONS if n not in careful},
            careful,
            data_dir,
            data.raw,
        )
        by_id = {s.id: s for s in sources}
        decoded = [p or {} for p in per_article]
        # With a core to spare, combining and merging take two (see `tailsplit`).
        if jobs >= 2 and combine_fn is default_combine and _can_fork():
            merged = combine_and_merge(decoded, knowledge, by_id, given)
        else:
            merged = _combine_and_merge(combine_fn, decoded, knowledge, by_id, given)
        texts, plain, changed = merged.texts, merged.plain, merged.changed
        _check_unchanged(data_dir, data, changed)

        # Each text as UTF-8 once, for the digests, the fingerprint and the files: some
        # 27 MB for 1,000 articles, each encoding of which took ~50 ms.
        written = {f"{n}.yaml": t.encode("utf-8") for n, t in texts.items()}
        files = {f"{n}.yaml": trust_digest(written[f"{n}.yaml"]) for n in sorted(plain)}
        new_state = store.State(base=merged.base, files=files)
        if changed:
            # No file is trusted while files are half written: the next run reads them all
            # the careful way (a half-finished run's trust could be stale).
            dying = store.State(base=state.base, pending=[*state.pending, merged.base])
            store.save_state(data_dir, dying)
        for name in sorted(changed):
            write_atomic(data_dir / f"{name}.yaml", written[f"{name}.yaml"])
        new_state.inputs = _fingerprint(inputs, {**data.raw, **written})
        store.save_state(data_dir, new_state)
        return ExtractReport(
            articles=len(sources),
            from_cache=len(sources) - len(misses),
            written=[f"{n}.yaml" for n in sorted(changed)],
            counts=merged.counts,
        )
