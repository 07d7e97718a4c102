"""Stage 1: read the articles in `seeds/` and their metadata.

Each article is `seeds/<id>.txt` with its metadata in `seeds/<id>.yaml` beside it. The
loader cleans the text (no BOM, LF line endings, NFC), separates header lines (outlet line,
headline, dek, dateline) and closing lines (bylines, contributor lines) from the body, and
numbers the body paragraphs. Offsets everywhere count characters of the cleaned text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Problem, display_path
from .textnorm import clean_source_text, fold
from .yamlread import load_plain

MAX_ARTICLE_BYTES = 2 * 1024 * 1024
# The same form as ids in data files, so every article can be cited.
SOURCE_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,80}$")
RELIABILITY = ("normal", "weak")
META_KEYS = ("publisher", "published", "title", "url", "reliability", "reliability_note")


@dataclass(frozen=True)
class Layout:
    """Cues from the lexicon that tell header and closing lines from the body."""

    dateline: re.Pattern[str] | None = None
    footer: tuple[re.Pattern[str], ...] = ()
    rule: re.Pattern[str] | None = None
    byline: tuple[re.Pattern[str], ...] = ()  # "By Jane Doe in Kyiv": the header ends there
    # A live blog's time stamp on a line of its own ("21:15"): like a dateline, no part of
    # what the entry says, but no end of the header either.
    time_stamp: re.Pattern[str] | None = None


@dataclass(frozen=True)
class Paragraph:
    number: int  # 1-based, as shown to readers
    start: int
    end: int
    heading: bool = False  # a subhead inside the body ("At the front")


@dataclass
class Source:
    """One article: metadata, cleaned text and where its parts are."""

    id: str
    path: Path
    publisher: str
    published: dt.date
    title: str
    text: str
    url: str | None = None
    reliability: str = "normal"
    reliability_note: str | None = None
    header: list[tuple[int, int]] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    footer: list[tuple[int, int]] = field(default_factory=list)
    digest: str = ""

    @property
    def body_start(self) -> int:
        return self.paragraphs[0].start if self.paragraphs else 0

    def paragraph_at(self, offset: int) -> Paragraph | None:
        for para in self.paragraphs:
            if para.start <= offset < para.end:
                return para
        return None


def _lines(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Spans of the non-empty lines, trimmed of surrounding whitespace (`offset`: where
    `text` starts in the article)."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        lead = len(line) - len(line.lstrip())
        trail = len(line.rstrip())
        if trail > lead:
            spans.append((offset + match.start() + lead, offset + match.start() + trail))
    return spans


def _blocks(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: blank-line separated blocks if the text has them, else lines."""
    if not re.search(r"\n[ \t]*\n", text.strip()):
        return _lines(text)
    spans = []
    for match in re.finditer(r"(?:[^\n]*\S[^\n]*(?:\n|$))+", text):
        block = match.group()
        lead = len(block) - len(block.lstrip())
        spans.append((match.start() + lead, match.start() + len(block.rstrip())))
    return spans


def _header_lines_apart(
    text: str, blocks: list[tuple[int, int]], known: set[str], layout: Layout
) -> list[tuple[int, int]]:
    """The first block, as its lines when they are header lines written without blank
    lines between them ("Outlet\n—\nHeadline\nDek\nAuthor" above the story): one of its
    first lines is the headline, the outlet or a rule. Else the block as it is."""
    if not blocks:
        return []
    start, end = blocks[0]
    lines = _lines(text[start:end], start)
    heads = [fold(text[a:b]).casefold() for a, b in lines[:_HEADLINE_REACH]]
    if len(lines) > 1 and any(
        line in known or (layout.rule is not None and layout.rule.match(line)) for line in heads
    ):
        return lines
    return [blocks[0]]


def dateline_end(text: str, start: int, end: int, layout: Layout | None) -> int:
    """Where a dateline opening `text[start:end]` ends ("(ANSA) - ROME, SEP 22 - ",
    "Tirana (dpa) - "), as the lexicon's `layout.dateline` reads it, after a time stamp
    (`layout.time_stamp`); `start` when none."""
    if layout is None:
        return start
    if layout.time_stamp is not None:
        stamp = layout.time_stamp.match(text, start, end)
        if stamp is not None:
            start = stamp.end()
    if layout.dateline is None:
        return start
    match = layout.dateline.match(text[start:end])
    return start + match.end() if match is not None else start


def _dateline_in(
    text: str, start: int, end: int, layout: Layout
) -> tuple[int, re.Match[str] | None]:
    """Where the dateline of a block starts (at the block's start or at one of its first
    lines) and its match."""
    if layout.dateline is None:
        return start, None
    at = start
    for _ in range(4):
        match = layout.dateline.match(text[at:end])
        if match:
            return at, match
        at = text.find("\n", at, end) + 1
        if at <= 0:
            break
    return start, None


_SUBHEAD_WORDS = 14
_BULLETS = "-*\u2022\u2013 "  # hyphen, asterisk, bullet, en dash; spaces after them


def _is_subhead(line: str) -> bool:
    """A short line without closing punctuation inside the body reads as a subhead (a
    live page's time stamp too: "09.02 GMT"; a post's headline of a dozen words: "Minister
    says the strike on the air base was what the allies had agreed")."""
    words = line.split()
    head = line.lstrip(_BULLETS)  # a bulleted subhead ("- Turkey calls for talks")
    return (
        0 < len(words) <= _SUBHEAD_WORDS
        and _unstopped(line)
        and (head[:1].isupper() or head[:1].isdigit())
    )


def _list_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A block's lines, each a paragraph of its own, when every line is a short unstopped
    one: a list without bullets ("Key points" of a live page: "Russia claims 34 drones shot
    down"), not one sentence run over its line breaks. Else the block whole."""
    lines = _lines(text[start:end], start)
    if len(lines) >= 2 and all(_is_subhead(text[a:b]) for a, b in lines):
        return lines
    return [(start, end)]


def _unstopped(line: str) -> bool:
    """No closing punctuation: a quotation mark closes a sentence only after its own
    stop ('... he said "no."'); a subhead ends on the words it quotes ('Kremlin: Germany
    "has crossed the line"')."""
    kept = line.rstrip()
    if kept[-1:] in ('"', "\u201d") and kept[-2:-1] not in tuple(".!?,;:'\u2019"):
        return True
    return kept[-1:] not in tuple(".!?:;,\"'\u201d\u2019)")


def headline_lines(source: Source, layout: Layout) -> list[tuple[int, int]]:
    """The header lines that tell the story (headline, dek): not the outlet's name, a
    rule, a byline or a dateline."""
    outlet = fold(source.publisher).casefold()
    out = []
    for start, end in source.header:
        line = source.text[start:end].strip()
        if (
            not line
            or fold(line).casefold() == outlet
            or (layout.rule is not None and layout.rule.match(line))
            or (layout.dateline is not None and layout.dateline.match(line))
            or any(p.match(line) for p in layout.byline)
        ):
            continue
        out.append((start, end))
    return out


_BYLINE_REACH = 3  # lines after the outlet and headline where a byline may stand
_HEADLINE_REACH = 4  # first lines where the headline may stand


def split_layout(
    text: str, title: str, publisher: str, layout: Layout
) -> tuple[list[tuple[int, int]], list[Paragraph], list[tuple[int, int]]]:
    """Split cleaned text into header spans, numbered body paragraphs and footer spans."""
    blocks = _blocks(text)
    header: list[tuple[int, int]] = []
    footer: list[tuple[int, int]] = []
    known_title = fold(title).casefold()
    known = {known_title, fold(publisher).casefold()}
    first = _header_lines_apart(text, blocks, known, layout)
    # Lines of a header written without blank lines that reach the body: a dek or a
    # credit line. Without a closing stop they are headings, not sentences cut short.
    apart = set(first) if len(first) > 1 else set()
    blocks = first + blocks[1:]

    # A dateline in one of the first lines makes every line above it header.
    first_body = 0
    for index, (start, end) in enumerate(blocks[:6]):
        at, match = _dateline_in(text, start, end, layout)
        if match:
            header.extend(blocks[:index])
            # Lines above it in its own block are header too: "Headline\nBy Jane Doe\n
            # ROME, May 15 (Reuters) - ..." with no blank line between them.
            header.extend(_lines(text[start:at], start))
            header.append((at, at + len(match.group().rstrip())))
            blocks[index] = (at + match.end(), end)
            first_body = index
            break
    else:
        # The headline in one of the first lines makes every line above it header too
        # (an outlet's short name, a kicker: "DW", "—", "Germany to send ...").
        lines = [fold(text[start:end]).casefold() for start, end in blocks[:_HEADLINE_REACH]]
        title_at = lines.index(known_title) if known_title in lines else -1
        for index, (start, end) in enumerate(blocks):
            line = fold(text[start:end]).casefold()
            is_rule = layout.rule is not None and layout.rule.match(text[start:end])
            if index <= title_at or line in known or is_rule:
                header.append((start, end))
                first_body += 1
            else:
                break
        # With no dateline, a byline in the next lines is header, not story ("By Jane Doe
        # in Kyiv"). The lines above it (a dek) stay body: they state facts, in brief.
        for index in range(first_body, min(first_body + _BYLINE_REACH, len(blocks))):
            start, end = blocks[index]
            if any(p.match(text[start:end]) for p in layout.byline):
                header.append(blocks.pop(index))
                break
    body = [line for s, e in blocks[first_body:] for line in _list_items(text, s, e)]
    while body:
        start, end = body[-1]
        line = text[start:end]
        if any(p.search(line) for p in layout.footer):
            footer.insert(0, body.pop())
        else:
            break
    # A line of that header above a header line (a dek above the byline) is a heading too,
    # however it ends.
    top = max((b for _a, b in header), default=-1)
    paragraphs = [
        Paragraph(
            i,
            s,
            e,
            _is_subhead(text[s:e]) or ((s, e) in apart and (_unstopped(text[s:e]) or e < top)),
        )
        for i, (s, e) in enumerate(body, start=1)
        if e > s
    ]
    return header, paragraphs, footer


def _did_you_mean(key: str, known: tuple[str, ...]) -> str:
    import difflib

    close = difflib.get_close_matches(key, known, n=1)
    return f"; did you mean '{close[0]}'?" if close else f"; known keys: {', '.join(known)}"


def _read_metadata(path: Path, display: str) -> tuple[dict[str, object] | None, list[Problem]]:
    doc, problems = load_plain(path, display)
    if doc is None:
        return None, problems
    if not isinstance(doc.data, dict):
        return None, [Problem(display, 1, 1, "metadata must be a mapping of key: value lines")]
    meta = dict(doc.data)
    for key in meta:
        if key not in META_KEYS:
            problems.append(
                doc.problem(
                    (key,), f"unknown key '{key}'{_did_you_mean(key, META_KEYS)}", at_key=True
                )
            )
    for key in ("publisher", "published", "title"):
        if not meta.get(key):
            problems.append(Problem(display, 1, 1, f"missing '{key}'; add '{key}: ...'"))
    for key in ("publisher", "title", "url", "reliability_note"):
        if key in meta and meta[key] is not None and not isinstance(meta[key], str):
            problems.append(doc.problem((key,), f"'{key}' must be text"))
    published = meta.get("published")
    if published:
        try:
            meta["published"] = dt.date.fromisoformat(str(published))
        except ValueError:
            problems.append(
                doc.problem(
                    ("published",), f"'published' must be a date as YYYY-MM-DD, not {published!r}"
                )
            )
    url = meta.get("url")
    if isinstance(url, str) and not re.match(r"^https?://[^\s<>\"']+$", url):
        problems.append(doc.problem(("url",), "'url' must start with http:// or https://"))
    rel = meta.get("reliability", "normal")
    if rel not in RELIABILITY:
        problems.append(
            doc.problem(("reliability",), f"'reliability' must be one of {', '.join(RELIABILITY)}")
        )
    return (None if problems else meta), problems


def _read_text(path: Path, display: str) -> tuple[str | None, list[Problem]]:
    size = path.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        limit = MAX_ARTICLE_BYTES // 1024 // 1024
        return None, [
            Problem(
                display, 0, 0, f"article is {size / 1024 / 1024:.1f} MiB; the limit is {limit} MiB"
            )
        ]
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        col = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        return None, [
            Problem(
                display,
                line,
                col,
                f"byte 0x{raw[err.start]:02x} is not UTF-8; save the article as UTF-8",
            )
        ]
    text = clean_source_text(text)
    if "\x00" in text:
        return None, [Problem(display, 0, 0, "article contains NUL bytes; is it a text file?")]
    if not text.strip():
        return None, [Problem(display, 0, 0, "article is empty")]
    return text, []


def _shown(path: Path, real: Path, cwd: Path) -> str:
    """`display_path(path)`, given `path.resolve()` and the working directory's."""
    try:
        return str(real.relative_to(cwd))
    except ValueError:
        return str(path)


def _resolved(path: Path, home: Path) -> Path:
    """`path.resolve()` for a file named in the seeds folder whose resolved path is
    `home`: the folder's resolved path and the name, unless the file is a link (one
    `lstat`, where resolving looked up every part of the path, twice an article)."""
    return path.resolve() if path.is_symlink() else home / path.name


def load_sources(seeds_dir: Path, layout: Layout) -> tuple[list[Source], list[Problem]]:
    """Every article in `seeds_dir`, sorted by id, and every problem found on the way."""
    problems: list[Problem] = []
    sources: list[Source] = []
    if not seeds_dir.is_dir():
        return [], [Problem(display_path(seeds_dir), 0, 0, "seeds folder not found")]
    texts = sorted(p for p in seeds_dir.glob("*.txt") if p.is_file())
    stems = {p.stem for p in texts}
    for meta_path in sorted(seeds_dir.glob("*.yaml")):
        if meta_path.stem not in stems:
            problems.append(
                Problem(
                    display_path(meta_path),
                    0,
                    0,
                    f"metadata without an article: no {meta_path.stem}.txt",
                )
            )
    seen: dict[str, str] = {}
    # Each path resolved once, the folders once: `display_path` resolves the path and the
    # working directory on every call (a system call per part of each), and resolving was
    # a third of loading a 1,000-article folder.
    cwd = Path.cwd().resolve()
    home = seeds_dir.resolve()
    for path in texts:
        real = _resolved(path, home)
        display = _shown(path, real, cwd)
        if not SOURCE_ID.match(path.stem):
            problems.append(
                Problem(
                    display,
                    0,
                    0,
                    "file name must be a lower-case id (a-z, 0-9 and '-') + .txt, as citations name it",
                )
            )
            continue
        meta_path = path.with_suffix(".yaml")
        meta_real = _resolved(meta_path, home)
        places = ((path, real), (meta_path, meta_real))
        if any(p.exists() and not r.is_relative_to(home) for p, r in places):
            message = "links to a file outside the seeds folder; copy the article in instead"
            problems.append(Problem(display, 0, 0, message))
            continue
        if not meta_path.is_file():
            problems.append(
                Problem(
                    display,
                    0,
                    0,
                    f"no metadata: create {_shown(meta_path, meta_real, cwd)} with publisher, published and title",
                )
            )
            continue
        meta, meta_problems = _read_metadata(meta_path, _shown(meta_path, meta_real, cwd))
        text, text_problems = _read_text(path, display)
        problems += meta_problems + text_problems
        if meta is None or text is None:
            continue
        digest = hashlib.sha256(text.encode()).hexdigest()
        if digest in seen:
            problems.append(
                Problem(display, 0, 0, f"same text as {seen[digest]}; remove one of them")
            )
            continue
        seen[digest] = display
        title, publisher = str(meta["title"]), str(meta["publisher"])
        header, paragraphs, footer = split_layout(text, title, publisher, layout)
        if not paragraphs:
            problems.append(Problem(display, 0, 0, "article has no body paragraphs"))
            continue
        sources.append(
            Source(
                id=path.stem,
                path=path,
                publisher=publisher,
                published=meta["published"],  # type: ignore[arg-type]
                title=title,
                text=text,
                url=meta.get("url"),  # type: ignore[arg-type]
                reliability=str(meta.get("reliability") or "normal"),
                reliability_note=meta.get("reliability_note"),  # type: ignore[arg-type]
                header=header,
                paragraphs=paragraphs,
                footer=footer,
                digest=digest,
            )
        )
    return sources, problems
