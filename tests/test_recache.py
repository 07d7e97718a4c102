"""`recache`: patterns compiled through programs kept between runs are the patterns `re`
makes; a file that cannot be read is ignored; the cache can be turned off."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator import recache

PATTERNS = [
    (r"\b(?P<verb>said|told|warned)\s+(?:the\s+)?(?P<who>[A-Z]\w+)", 0),
    (r"(?:capital|limit)s?(?: on)?", re.IGNORECASE),
    (r"[\u0400-\u04FF]+|\d+(?:[.,]\d+)?", 0),
]


def _fresh(source: str, flags: int) -> re.Pattern[str]:
    # A text no other test compiles; callers purge re's own cache of patterns first.
    return re.compile(source + "(?:)", flags)


def test_patterns_are_the_ones_re_makes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXPLAINER_REGEX_CACHE", str(tmp_path))
    expected = [re.compile(p + "(?:)", f) for p, f in PATTERNS]
    re.purge()
    with recache.regex_cache():
        first = [_fresh(p, f) for p, f in PATTERNS]
    (kept,) = tmp_path.glob("re-*.marshal")
    assert kept.stat().st_size > 0
    re.purge()
    with recache.regex_cache():
        assert recache._ACTIVE[-1].known  # read back
        again = [_fresh(p, f) for p, f in PATTERNS]
        assert recache._ACTIVE[-1].used  # and used
    for want, one, two in zip(expected, first, again, strict=True):
        assert one == want and two == want
        assert two.groupindex == want.groupindex and two.groups == want.groups
        assert two.flags == want.flags
    text = "She said Anna told the Board 12,5 items: Привет, Limits on"
    assert [m.span() for m in again[0].finditer(text)] == [
        m.span() for m in expected[0].finditer(text)
    ]
    assert again[0].search(text).group("who") == "Anna"  # type: ignore[union-attr]


def test_remembered_texts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXPLAINER_REGEX_CACHE", str(tmp_path))
    calls: list[str] = []

    def make() -> str | None:
        calls.append("made")
        return "made"

    with recache.regex_cache():
        assert recache.remembered("k", make) == "made"
        assert recache.remembered("k", make) == "made"
    with recache.regex_cache():
        assert recache.remembered("k", make) == "made"
    assert calls == ["made"]
    assert recache.remembered("k", make) == "made"  # no cache installed: made again
    assert calls == ["made", "made"]


def test_unreadable_file_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXPLAINER_REGEX_CACHE", str(tmp_path))
    path = recache.cache_file()
    assert path is not None
    path.write_bytes(b"not marshal data")
    re.purge()
    with recache.regex_cache():
        pattern = _fresh(*PATTERNS[0])
    assert pattern == re.compile(PATTERNS[0][0] + "(?:)")
    with recache.regex_cache():
        assert recache._ACTIVE[-1].known  # written again, readable


def test_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXPLAINER_REGEX_CACHE", "")
    assert recache.cache_file() is None
    compile_before = re._compiler.compile  # type: ignore[attr-defined]
    with recache.regex_cache():
        assert re._compiler.compile is compile_before  # type: ignore[attr-defined]
        _fresh(*PATTERNS[1])
    assert not list(tmp_path.iterdir())
