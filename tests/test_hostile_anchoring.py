"""Passages in odd or edited articles: matched despite styling, never at the wrong place."""

from __future__ import annotations

import re
from pathlib import Path

from generator.loading import load_project
from tests.cli_support import run_cli


def restyle(text: str) -> str:
    """The same article as another editor's tools save it: BOM, CRLF, NBSP, curly quotes."""
    text = text.replace("\n", "\r\n").replace(" ", "\u00a0", 40)
    text = re.sub(r'"([^"\n]*)"', "\u201c\\1\u201d", text).replace("'", "\u2019")
    return "\ufeff" + text


def test_citations_survive_a_restyled_article(project: Path) -> None:
    before, _ = load_project(project / "seeds", project / "data")
    assert before is not None
    for path in (project / "seeds").glob("*.txt"):
        path.write_bytes(restyle(path.read_text("utf-8")).encode("utf-8"))
    after, problems = load_project(project / "seeds", project / "data")
    assert problems == [] and after is not None
    quotes_before = [c.quote for f in before.facts() for c in f.citations]
    quotes_after = [c.quote for f in after.facts() for c in f.citations]
    assert len(quotes_after) == len(quotes_before)
    for old, new in zip(quotes_before, quotes_after, strict=True):
        # Same words, the new file's styling: anchored at the same passage.
        assert " ".join(
            new.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"').split()
        ) == " ".join(
            old.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"').split()
        )
    for fact in after.facts():
        for c in fact.citations:
            assert after.sources[c.source].text[c.start : c.end] == c.quote


def test_an_edited_passage_is_reported_not_reattached_to_a_look_alike(project: Path) -> None:
    """The cited sentence is reworded; a similar sentence elsewhere must not take its place."""
    seed = project / "seeds" / "cnn-2024-11-17.txt"
    text = seed.read_text("utf-8")
    cited = "The approximately 200-mile range of U.S. long-range missiles"
    assert text.count(cited) == 1
    seed.write_text(text.replace(cited, "The roughly 200-mile range of U.S. long-range missiles"))
    code, out = run_cli(project, "check")
    assert code == 1
    assert "passage 'The approximately 200-mile range" in out and "is not in the article" in out


def test_stale_offsets_are_reported_with_where_the_passage_went(project: Path) -> None:
    facts = project / "data" / "facts.yaml"
    dataset, _ = load_project(project / "seeds", project / "data")
    assert dataset is not None
    cite = next(
        c
        for f in dataset.facts()
        for c in f.citations
        if c.quote.startswith("The approximately 200-mile")
    )
    facts.write_text(
        facts.read_text().replace(
            "        quote: The approximately 200-mile range of U.S. long-range missiles\n",
            "        quote: The approximately 200-mile range of U.S. long-range missiles\n"
            f"        start: {cite.start}\n        end: {cite.end}\n",
        )
    )
    assert run_cli(project, "check")[0] == 0
    # The article gains a paragraph at the top: the passage moves, the offsets do not.
    seed = project / "seeds" / cite.source.join(("", ".txt"))
    seed.write_text(
        "CNN\n\nA new first paragraph, added by an update.\n\n"
        + seed.read_text("utf-8").removeprefix("CNN\n")
    )
    code, out = run_cli(project, "check")
    assert code == 1
    moved = seed.read_text("utf-8").index(cite.quote)
    assert f"the passage is now found at {moved}-{moved + len(cite.quote)}" in out


def test_a_passage_that_becomes_ambiguous_is_an_error(project: Path) -> None:
    seed = project / "seeds" / "abc-2024-11-18.txt"
    cited = "a qualitatively new round of tension"
    text = seed.read_text("utf-8")
    assert text.count(cited) == 1
    seed.write_text(text + f"\nA reader wrote that this is {cited.replace(' ', chr(0xA0))}.\n")
    code, out = run_cli(project, "check")
    assert code == 1 and "occurs 2 times" in out
