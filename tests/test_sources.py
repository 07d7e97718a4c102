from __future__ import annotations

from pathlib import Path

import pytest

from generator.lexicon import load_lexicon
from generator.sources import Layout, load_sources

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def layout() -> Layout:
    lexicon, problems = load_lexicon(ROOT / "data" / "lexicon")
    assert problems == []
    return lexicon.layout


def write(folder: Path, name: str, text: str | bytes, meta: str | None = None) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.txt").write_bytes(text if isinstance(text, bytes) else text.encode())
    if meta is not None:
        (folder / f"{name}.yaml").write_text(meta)


META = "publisher: Example Times\npublished: 2024-03-05\ntitle: Dam breaks upstream\n"


def test_header_dateline_body_and_footer_are_separated(tmp_path: Path, layout: Layout) -> None:
    text = (
        "Dam breaks upstream\nResidents were told to leave.\nKYIV, Ukraine (AP) -- Water rose fast on Tuesday.\n"
        "Officials said more rain was due.\nSubhead here\nA third paragraph.\n"
        "Jane Roe contributed to this report.\n"
    )
    write(tmp_path, "story", text, META)
    [source], problems = load_sources(tmp_path, layout)
    assert problems == []
    header = [source.text[a:b] for a, b in source.header]
    assert header == [
        "Dam breaks upstream",
        "Residents were told to leave.",
        "KYIV, Ukraine (AP) --",
    ]
    paragraphs = [source.text[p.start : p.end] for p in source.paragraphs]
    assert paragraphs[0] == "Water rose fast on Tuesday."
    assert [p.number for p in source.paragraphs] == [1, 2, 3, 4]
    assert [p.heading for p in source.paragraphs] == [False, False, True, False]
    assert [source.text[a:b] for a, b in source.footer] == ["Jane Roe contributed to this report."]


@pytest.mark.parametrize(
    "line",
    ["KYIV, Feb 3 (Reuters) - ", "LONDON -- ", "KYIV, Ukraine (AP) \u2014 ", "Washington (AFP) - "],
)
def test_wire_datelines_are_header(tmp_path: Path, layout: Layout, line: str) -> None:
    write(tmp_path, "s", f"Dam breaks upstream\n{line}Water rose fast on Tuesday.\n", META)
    [source], _ = load_sources(tmp_path, layout)
    assert [source.text[a:b] for a, b in source.header][-1] == line.rstrip()
    first = source.paragraphs[0]
    assert source.text[first.start : first.end] == "Water rose fast on Tuesday."


def _parts(folder: Path, layout: Layout, text: str) -> tuple[list[str], list[str], list[str]]:
    """The header lines, body paragraphs and footer lines of `text` as the loader splits it."""
    write(folder, "s", text, META)
    [source], _ = load_sources(folder, layout)
    header = [source.text[a:b] for a, b in source.header]
    footer = [source.text[a:b] for a, b in source.footer]
    return header, [source.text[p.start : p.end] for p in source.paragraphs], footer


def test_a_dateline_under_headline_and_byline_in_one_block_is_found(
    tmp_path: Path, layout: Layout
) -> None:
    """No blank line between headline, byline and the dateline's line: the lines above the
    dateline are header all the same; a bracketed contributor line closes the story."""
    header, body, footer = _parts(
        tmp_path,
        layout,
        "Dam breaks upstream\nBy Jane Roe and Tom Poe\n"
        "ROME/KYIV, May 15 (Reuters) - Water rose fast on Tuesday.\n\n"
        "Officials said more rain was due.\n\n"
        "(Reporting by Jane Roe in Rome; Editing by Tom Poe)\n",
    )
    assert header == [
        "Dam breaks upstream",
        "By Jane Roe and Tom Poe",
        "ROME/KYIV, May 15 (Reuters) -",
    ]
    assert body == ["Water rose fast on Tuesday.", "Officials said more rain was due."]
    assert footer == ["(Reporting by Jane Roe in Rome; Editing by Tom Poe)"]


def test_header_lines_without_blank_lines_between_them_are_header(
    tmp_path: Path, layout: Layout
) -> None:
    """Outlet, rule, headline, dek and a name alone on its line, in one block above the
    story: the outlet, rule, headline and author are header, the dek is body; a name alone
    on the last line is the author's, and "MOSCOW, May 13. /TASS/." is a dateline."""
    header, body, footer = _parts(
        tmp_path,
        layout,
        "Example Times\n\u2014\nDam breaks upstream\nResidents fled as the water rose\n"
        "Jane Roe\n\nThe dam broke on Tuesday.\n\nOfficials said more rain was due.\n\n"
        "Tom Poe\n",
    )
    assert header == ["Example Times", "\u2014", "Dam breaks upstream", "Jane Roe"]
    assert body == [
        "Residents fled as the water rose",
        "The dam broke on Tuesday.",
        "Officials said more rain was due.",
    ]
    assert footer == ["Tom Poe"]
    header, body, _footer = _parts(
        tmp_path,
        layout,
        "TASS\n\u2014\nDam breaks upstream\nMOSCOW, May 13. /TASS/. The dam broke on "
        "Tuesday.\n\nOfficials said more rain was due.\n",
    )
    assert header[-1] == "MOSCOW, May 13. /TASS/."
    assert body[0] == "The dam broke on Tuesday."


def test_outlet_line_and_rule_are_header_without_dateline(tmp_path: Path, layout: Layout) -> None:
    write(tmp_path, "s", "Example Times\n\u2014\nThe first sentence of the story.\n", META)
    [source], _ = load_sources(tmp_path, layout)
    assert [source.text[a:b] for a, b in source.header] == ["Example Times", "\u2014"]
    assert (
        source.text[source.paragraphs[0].start : source.paragraphs[0].end]
        == "The first sentence of the story."
    )


def test_a_byline_without_dateline_is_header_and_the_dek_stays_body(
    tmp_path: Path, layout: Layout
) -> None:
    text = (
        "Example Times\n\u2014\nDam breaks upstream\nResidents fled as the water rose\n"
        "By Jane Roe in Kherson\nThe dam broke on Tuesday.\n"
    )
    write(tmp_path, "s", text, META)
    [source], _ = load_sources(tmp_path, layout)
    assert "By Jane Roe in Kherson" in [source.text[a:b] for a, b in source.header]
    body = [source.text[p.start : p.end] for p in source.paragraphs]
    assert body == ["Residents fled as the water rose", "The dam broke on Tuesday."]


def test_lines_above_the_headline_are_header(tmp_path: Path, layout: Layout) -> None:
    # An outlet's short name the metadata does not spell ("ET"), then the headline.
    text = "ET\n\u2014\nDam breaks upstream\nThe dam broke on Tuesday.\n"
    write(tmp_path, "s", text, META)
    [source], _ = load_sources(tmp_path, layout)
    assert [source.text[a:b] for a, b in source.header] == ["ET", "\u2014", "Dam breaks upstream"]
    assert [source.text[p.start : p.end] for p in source.paragraphs] == [
        "The dam broke on Tuesday."
    ]


def test_a_live_pages_time_stamps_are_subheads(tmp_path: Path, layout: Layout) -> None:
    text = (
        "The dam broke on Tuesday.\n09.02 GMT\nWater rose fast.\n2,000 people fled their homes.\n"
    )
    write(tmp_path, "s", text, META)
    [source], _ = load_sources(tmp_path, layout)
    assert [p.heading for p in source.paragraphs] == [False, True, False, False]


def test_a_subhead_may_end_on_the_words_it_quotes(tmp_path: Path, layout: Layout) -> None:
    text = (
        'The dam broke on Tuesday.\n\n18:10\nMayor: the town "will be rebuilt"\n\n'
        'The mayor said the town "will be rebuilt."\n\nHe called it "a disaster".\n'
    )
    write(tmp_path, "s", text, META)
    [source], _ = load_sources(tmp_path, layout)
    assert [p.heading for p in source.paragraphs] == [False, True, True, False, False]


def test_bom_and_crlf_are_normalised(tmp_path: Path, layout: Layout) -> None:
    write(tmp_path, "s", "\ufeffFirst line.\r\nSecond line.\r\n".encode(), META)
    [source], problems = load_sources(tmp_path, layout)
    assert problems == [] and source.text == "First line.\nSecond line.\n"


@pytest.mark.parametrize(
    ("text", "meta", "expected"),
    [
        (b"Body.", None, "s.txt: no metadata: create"),
        (b"", META, "s.txt: article is empty"),
        (b"Caf\xe9 au lait.", META, "s.txt:1:4: byte 0xe9 is not UTF-8"),
        (
            b"Body.",
            "publisher: X\npublished: 5 March\ntitle: T\n",
            "s.yaml:2:12: 'published' must be a date",
        ),
        (
            b"Body.",
            "publisher: X\npublised: 2024-01-01\ntitle: T\n",
            "s.yaml:2:1: unknown key 'publised'; did you mean 'published'?",
        ),
        (
            b"Body.",
            "publisher: X\npublished: 2024-01-01\ntitle: T\nurl: javascript:alert(1)\n",
            "s.yaml:4:6: 'url' must start with http",
        ),
    ],
)
def test_bad_articles_get_a_clear_message(
    tmp_path: Path, layout: Layout, text: bytes, meta: str | None, expected: str
) -> None:
    write(tmp_path, "s", text, meta)
    sources, problems = load_sources(tmp_path, layout)
    assert sources == []
    assert any(expected in str(p) for p in problems), [str(p) for p in problems]


def test_the_same_article_twice_is_refused(tmp_path: Path, layout: Layout) -> None:
    write(tmp_path, "a", "Same text.", META)
    write(tmp_path, "b", "Same text.", META)
    sources, problems = load_sources(tmp_path, layout)
    assert [s.id for s in sources] == ["a"]
    assert "same text as" in str(problems[0])


def test_seed_articles_split_into_header_body_and_footer(layout: Layout) -> None:
    sources, problems = load_sources(ROOT / "seeds", layout)
    assert problems == []
    for source in sources:
        assert source.header, source.id
        assert source.footer, source.id
        first = source.text[source.paragraphs[0].start : source.paragraphs[0].end]
        assert first[0].isupper() and len(first.split()) > 15
        for a, b in source.footer:
            assert "contributed to" in source.text[a:b] or "updated" in source.text[a:b]


def test_a_list_of_short_unstopped_lines_is_one_heading_per_line(
    tmp_path: Path, layout: Layout
) -> None:
    text = (
        "Example Times\n\u2014\nDam breaks upstream\n\nKey points\n\n"
        "Residents flee as the water rises\nTwo villages cut off\n\n"
        "The dam broke on Tuesday.\nIt had been repaired\nin May.\n"
    )
    write(tmp_path, "s", text, META)
    [source], _ = load_sources(tmp_path, layout)
    paragraphs = [(source.text[p.start : p.end], p.heading) for p in source.paragraphs]
    assert paragraphs == [
        ("Key points", True),
        ("Residents flee as the water rises", True),
        ("Two villages cut off", True),
        # A paragraph whose lines are not all short and unstopped stays whole.
        ("The dam broke on Tuesday.\nIt had been repaired\nin May.", False),
    ]
