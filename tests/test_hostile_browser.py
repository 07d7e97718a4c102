"""The hostile site in a real browser: no payload runs, nothing leaves 127.0.0.1, all shows as text.

Every page of the built site is opened in Debian's chromium. A payload that ran would set
`window.__pwned` or open a dialog (`alert`); a payload that loaded something would request a
host other than 127.0.0.1 (every request is routed through the test and recorded).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Dialog, Route, sync_playwright

from tests.browser_support import CHROMIUM, CHROMIUM_ARGS, build_site, serve
from tests.hostile_support import hostile_paragraphs, hostile_values, make_hostile_project, squash

pytestmark = pytest.mark.browser

# Attributes no payload may produce: event handlers, and URLs that run script or leave the site.
_DOM_CHECK = """() => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const value = attr.value.toLowerCase().replace(/\\s/g, '');
      const isUrl = ['href', 'src', 'action', 'formaction', 'data', 'srcdoc', 'style', 'content'].includes(attr.name);
      if (attr.name.startsWith('on') || (isUrl && (value.includes('javascript:') || value.includes('evil.example')))) {
        bad.push(el.tagName + ' ' + attr.name + '=' + attr.value);
      }
    }
  }
  const foreign = 'iframe, object, embed, base, meta[http-equiv], form[action], link[href*="evil.example"]';
  for (const el of document.querySelectorAll(foreign)) bad.push(el.outerHTML.slice(0, 120));
  for (const el of document.querySelectorAll('script, style')) {
    if (el.textContent.includes('pwned') || el.textContent.includes('evil.example')) bad.push(el.outerHTML.slice(0, 120));
  }
  return bad;
}"""


# The article as a reader reads it, without paragraph numbers and passage back-references.
_ARTICLE_TEXT = """() => {
  const article = document.querySelector('.xp-article').cloneNode(true);
  article.querySelectorAll('.xp-para__number, .xp-backref, .xp-citedby').forEach(el => el.remove());
  document.body.appendChild(article);
  const text = article.innerText;
  article.remove();
  return text;
}"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_hostile_project(tmp_path_factory.mktemp("hostile") / "project")
    return build_site(project)


def test_no_payload_runs_loads_or_disappears_on_any_page(hostile_site: Path) -> None:
    pages = sorted(p.relative_to(hostile_site).as_posix() for p in hostile_site.rglob("*.html"))
    assert len(pages) > 10
    hosts: set[str] = set()
    dialogs: list[str] = []
    texts: list[str] = []
    problems: list[str] = []

    def route(r: Route) -> None:
        host = urlsplit(r.request.url).hostname or r.request.url
        hosts.add(host)
        if host == "127.0.0.1":
            r.continue_()
        else:
            r.abort()

    def visit_every_page() -> None:
        with serve(hostile_site) as base, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context()
            context.route("**/*", route)
            page = context.new_page()
            current = [""]

            def on_dialog(dialog: Dialog) -> None:
                dialogs.append(
                    f"{current[0]} {dialog.page.url if dialog.page else None}: {dialog.message}"
                )
                dialog.dismiss()

            page.on("dialog", on_dialog)
            page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
            for rel in pages:
                current[0] = rel
                page.goto(base + rel, wait_until="load")
                page.wait_for_timeout(50)  # let onload/onerror handlers of broken images fire
                if page.evaluate("() => window.__pwned") is not None:
                    problems.append(
                        f"{rel}: window.__pwned = {page.evaluate('() => window.__pwned')!r}"
                    )
                problems.extend([f"{rel}: {bad}" for bad in page.evaluate(_DOM_CHECK)])
                if "pwned" in page.title():
                    # Shown as text in the tab is fine; a title that swallowed the page is not.
                    assert page.locator("h1").count() >= 1, rel
                texts.append(page.evaluate("() => document.body.textContent"))
                if rel.startswith("sources/hostile"):
                    article = squash(page.evaluate(_ARTICLE_TEXT))
                    missing = [p for p in hostile_paragraphs() if p not in article]
                    assert missing == [], f"article paragraphs not shown as text: {missing}"
            # Search results are built in the browser from the search index: search the payloads.
            page.goto(base, wait_until="load")
            for query in ("script", "iframe", "onerror", "javascript"):
                current[0] = f"search {query!r}"
                search = page.locator(".md-search__input")
                search.click()
                search.fill("")
                search.press_sequentially(query)
                page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
                page.wait_for_timeout(100)
                if page.evaluate("() => window.__pwned") is not None:
                    problems.append(f"search {query!r}: window.__pwned is set")
                problems.extend([f"search {query!r}: {bad}" for bad in page.evaluate(_DOM_CHECK)])
            browser.close()

    # In a thread of its own: the sync API refuses to start where an asyncio loop runs (the
    # session-wide browser of tests/browser leaves one in the main thread).
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(visit_every_page).result()
    assert dialogs == [], "\n".join(dialogs)
    assert problems == [], "\n".join(problems)
    assert hosts == {"127.0.0.1"}
    shown = squash(" ".join(texts))
    missing = [value for value in hostile_values() if value not in shown]
    assert missing == [], f"values not shown as text: {missing}"
