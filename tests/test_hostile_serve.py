"""`mkdocs serve` with a broken data file: it keeps serving, shows the problem, recovers."""

from __future__ import annotations

import html
import re
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.browser_support import free_port
from tests.hostile_support import HOSTILE

# A broken file whose problems carry markup: the error page must show it as text.
BROKEN = HOSTILE / "data" / "syntax-unclosed-flow.yaml"
HOSTILE_KEY = "<img src=x onerror=alert(1)>"


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return str(response.read().decode("utf-8"))


def wait_for(condition: Callable[[], bool], what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except OSError:
            pass
        time.sleep(0.3)
    pytest.fail(f"timed out waiting for {what}")


@pytest.mark.slow
def test_serve_shows_problems_keeps_serving_and_recovers(project: Path) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        wait_for(lambda: "xp-problems" not in fetch(url) and "<h1" in fetch(url), "the site")
        good_home = fetch(url)
        title = "ATACMS strikes inside Russia"
        assert title in good_home

        # Break one file (a syntax error) and add another whose problem quotes markup.
        (project / "data" / BROKEN.name).write_bytes(BROKEN.read_bytes())
        (project / "data" / "markup-key.yaml").write_text(f'"{HOSTILE_KEY}": 1\n')
        wait_for(lambda: "xp-problems" in fetch(url), "the problems page")
        page = fetch(url)
        line = next(
            i for i, t in enumerate(BROKEN.read_text().splitlines(), 1) if t.endswith("# <-")
        )
        assert f"{BROKEN.name}:{line}:" in page
        assert (
            f"markup-key.yaml:1:1: unknown key &#x27;{html.escape(HOSTILE_KEY, quote=False)}"
            in page
        )
        assert HOSTILE_KEY not in page
        # Still serving: other URLs answer, the server did not exit.
        assert proc.poll() is None
        fetch(url + "editors/")

        # Fixed: the site is back as it was.
        (project / "data" / BROKEN.name).unlink()
        (project / "data" / "markup-key.yaml").unlink()
        wait_for(lambda: "xp-problems" not in fetch(url), "the site to come back")
        assert title in fetch(url)
        # The same page as before the breakage (up to the live-reload script's build stamp).
        stamp = re.compile(r"livereload\(\d+, \d+\)")
        assert stamp.sub("", fetch(url)) == stamp.sub("", good_home)
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert "Traceback" not in err
    assert f"{BROKEN.name}:{line}:" in err  # the problem is logged too
