"""`mkdocs serve`: an edit of data/*.yaml reaches the open browser page without a restart."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.browser_support import free_port

pytestmark = pytest.mark.browser


@pytest.fixture
def server(project: Path) -> Iterator[str]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1).close()
            break
        except OSError:
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail("mkdocs serve did not start")
    yield url
    proc.terminate()
    _, err = proc.communicate(timeout=20)
    assert "Traceback" not in err


def test_a_yaml_edit_reaches_the_open_page(project: Path, server: str, browser: Browser) -> None:
    page = browser.new_page()
    page.goto(server + "weapons/atacms/")
    assert page.get_by_text("US-made long-range ballistic missile").count() == 1
    entities = project / "data" / "entities.yaml"
    entities.write_text(
        entities.read_text().replace(
            "US-made long-range ballistic missile.", "Edited while serving."
        )
    )
    # No navigation and no restart: live reload brings the edit into the open page.
    page.get_by_text("Edited while serving.").wait_for(timeout=20_000)
    page.close()
