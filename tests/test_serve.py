"""`make serve`'s preview: an edit to a news file or a seed shows, with no rebuild loop, and a
bad edit leaves the last good pages served."""
from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from urllib.parse import urlparse

from conftest import copy_project, run_generator

ITEM = """---
title: Preview test item
date: 2024-06-05
summary: Checks the live preview.
---

First version: alpacaone.
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(predicate, seconds: float) -> float | None:
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if predicate():
            return time.monotonic() - start
        time.sleep(0.2)
    return None


@pytest.fixture
def server(tmp_path):
    root = copy_project(tmp_path / "p")
    (root / "docs" / "news" / "preview-test-item.md").write_text(ITEM, encoding="utf-8")
    assert run_generator(root, "build", "--drafts").returncode == 0
    port = free_port()
    log = open(tmp_path / "serve.log", "w")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    # As `make serve` runs it
    proc = subprocess.Popen([str(Path(sys.executable).with_name("mkdocs")), "serve", "--dirty", "--livereload",
                             "-a", f"127.0.0.1:{port}", "-f", str(root / "mkdocs.serve.yml")],
                            cwd=root, stdout=log, stderr=subprocess.STDOUT, env=env)
    # mkdocs serve mounts the site under site_url's path
    site_url = re.search(r"^site_url: (\S+)", (root / "mkdocs.yml").read_text(), re.M).group(1)
    path = urlparse(site_url).path
    base = f"http://127.0.0.1:{port}{path}"
    try:
        assert wait_for(lambda: "alpacaone" in fetch(base + "news/preview-test-item/"), 60), \
            (tmp_path / "serve.log").read_text()
        yield root, base, tmp_path / "serve.log"
    finally:
        stop(proc)
        log.close()


def stop(preview: subprocess.Popen) -> None:
    """Stop `mkdocs serve` as Ctrl-C does: it then removes the temporary folder it serves from."""
    preview.send_signal(signal.SIGINT)
    try:
        preview.wait(timeout=10)
    except subprocess.TimeoutExpired:
        preview.kill()
        preview.wait(timeout=10)


def builds(log: Path) -> int:
    return len(re.findall(r"Building documentation|Documentation built", log.read_text()))


def test_edits_show_in_preview_without_rebuild_loop(server):
    root, base, log = server
    news = root / "docs" / "news" / "preview-test-item.md"
    news.write_text(ITEM.replace("alpacaone", "alpacatwo"), encoding="utf-8")
    took = wait_for(lambda: "alpacatwo" in fetch(base + "news/preview-test-item/"), 30)
    assert took is not None, log.read_text()
    # Only an English page changed, so only the English site was rebuilt (hooks/regenerate_on_serve.py):
    # the rebuilt page still offers every language
    html = fetch(base + "news/preview-test-item/")
    assert all(f'hreflang="{code}"' in html for code in ("zh", "zh-hant")), html[-3000:]
    # The news index is regenerated from the edited front matter too
    news.write_text(ITEM.replace("Preview test item", "Renamed preview item"), encoding="utf-8")
    assert wait_for(lambda: "Renamed preview item" in fetch(base + "news/"), 30), log.read_text()
    # A seed edit regenerates its page
    seed = next((root / "seeds").glob("003_*.txt"))
    # (a sentence no catalogue quotes: an edit to a quoted one is refused, and named)
    seed.write_text(seed.read_text(encoding="utf-8").replace("and Xie Guikun attended", "and Xie Guikun (edited) attended"),
                    encoding="utf-8")
    assert wait_for(lambda: "(edited)" in fetch(base + "news/citys-industrial-investment-promotion-landing-park-planning-construction/"), 30), log.read_text()
    # Then it settles: no build keeps triggering another. A loop starts the next build as soon as
    # one ends; so once no build has started for a while, none may start in a window longer than
    # the longest rebuild seen (a loop would show in it), and at least 5 s
    longest = max(rebuild_seconds(log), default=0)
    assert wait_for(lambda: settled_for(log, 3), 60), log.read_text()[-3000:]
    settled = builds(log)
    time.sleep(max(5.0, 2 * longest))
    assert builds(log) == settled, log.read_text()[-3000:]


def test_a_rebuild_leaves_the_404_page_and_sitemap_as_the_first_build_wrote_them(server):
    """hooks/preview_rebuild.py: a rebuild of the default language does not render them again
    (the 404 page holds the whole navigation, the sitemap every page)."""
    root, base, log = server
    site = Path(re.search(r"Building 'en' documentation to directory: (\S+)", log.read_text()).group(1))
    written = {name: (site / name).stat().st_mtime_ns for name in ("404.html", "sitemap.xml")}
    news = root / "docs" / "news" / "preview-test-item.md"
    news.write_text(ITEM.replace("alpacaone", "alpacathree"), encoding="utf-8")
    assert wait_for(lambda: "alpacathree" in fetch(base + "news/preview-test-item/"), 30), log.read_text()
    assert {name: (site / name).stat().st_mtime_ns for name in written} == written


def settled_for(log: Path, seconds: float) -> bool:
    """No build is running, and none has started or ended for `seconds` (a build says nothing
    between its first and last line: on a busy machine that can be longer than `seconds`).
    Every rebuild ends with the server's "Reloading browsers" (the first build, before the server
    starts, does not); "Documentation built" is not always there: a rebuild that rebuilt every
    language was seen to end without it."""
    count = builds(log)
    time.sleep(seconds)
    text = log.read_text()
    return builds(log) == count and text.count("Building documentation") == text.count("Reloading browsers") + 1


def rebuild_seconds(log: Path) -> list[float]:
    """Each build's time, as MkDocs reports it ("Documentation built in 1.23 seconds")."""
    return [float(s) for s in re.findall(r"Documentation built in ([\d.]+) seconds", log.read_text())]


def test_bad_edit_keeps_the_preview_answering(server):
    root, base, log = server
    news = root / "docs" / "news" / "preview-test-item.md"
    news.write_text(ITEM.replace("date: 2024-06-05", "date: 2024-13-45"), encoding="utf-8")
    # The problem is reported in the terminal, naming the file and line
    assert wait_for(lambda: "docs/news/preview-test-item.md:3" in log.read_text(), 30), log.read_text()[-3000:]
    # and every page still answers, with the last good version
    for page in ("news/preview-test-item/", "news/", "zh/", "sectors/"):
        started = time.monotonic()
        html = fetch(base + page)
        assert html and time.monotonic() - started < 5, page
    assert "alpacaone" in fetch(base + "news/preview-test-item/")
    assert "Traceback" not in log.read_text()
    # Fixing the file brings the preview up to date again
    news.write_text(ITEM.replace("alpacaone", "alpacafixed"), encoding="utf-8")
    assert wait_for(lambda: "alpacafixed" in fetch(base + "news/preview-test-item/"), 30), log.read_text()[-3000:]


@pytest.mark.browser
def test_bad_edit_is_shown_on_every_preview_page_until_fixed(server):
    """Not only in the terminal: the editor looking at the page sees why it did not change."""
    from browser import browser

    root, base, log = server
    news = root / "docs" / "news" / "preview-test-item.md"
    assert fetch(base + "preview-problems.json") == "[]"
    news.write_text(ITEM.replace("date: 2024-06-05", "date: 2024-13-45"), encoding="utf-8")
    assert wait_for(lambda: "docs/news/preview-test-item.md:3" in fetch(base + "preview-problems.json"), 30), \
        log.read_text()[-3000:]
    with browser() as chromium:
        tab = chromium.new_page()
        for page in ("news/preview-test-item/", "zh-hant/news/", ""):
            tab.goto(base + page)
            alert = tab.locator(".portal-preview-problems[role=alert]")
            alert.wait_for(timeout=10_000)
            assert "docs/news/preview-test-item.md:3" in alert.inner_text(), page
        assert "预览未更新" not in tab.content()  # the English page speaks English
        tab.goto(base + "zh/news/")
        assert "预览未更新" in tab.locator(".portal-preview-problems").inner_text(timeout=10_000)
        news.write_text(ITEM, encoding="utf-8")
        assert wait_for(lambda: fetch(base + "preview-problems.json") == "[]", 30), log.read_text()[-3000:]

        def clean() -> bool:  # live reload may abort a navigation while the rebuilds settle
            try:
                # (each try bounded: a busy machine gets several tries, not one long wait)
                with tab.expect_response(lambda response: response.url.endswith("preview-problems.json"),
                                         timeout=10_000):
                    tab.goto(base + "news/preview-test-item/", timeout=10_000)
                tab.wait_for_timeout(500)  # the page has read the answer
            except Exception:
                return False
            return tab.locator(".portal-preview-problems").count() == 0 and "alpacaone" in tab.content()
        assert wait_for(clean, 60)


def test_a_removed_or_renamed_page_is_no_longer_served(server):
    root, base, log = server
    news = root / "docs" / "news" / "preview-test-item.md"
    news.rename(news.with_name("preview-renamed-item.md"))
    assert wait_for(lambda: "alpacaone" in fetch(base + "news/preview-renamed-item/"), 30), log.read_text()[-3000:]
    # the old address is gone in every language (the Chinese sites served it as a fallback copy)
    for prefix in ("", "zh/", "zh-hant/"):
        assert wait_for(lambda: fetch(base + prefix + "news/preview-test-item/") == "", 15), prefix
    # and the pages that link to news no longer do to it
    assert "preview-test-item" not in fetch(base + "news/")


def test_a_catalogue_edit_reaches_the_unchanged_pages_that_name_it(server):
    """The preview keeps what it read and rendered between edits (generator/core/memo.py): a
    sector renamed in data/ must still reach an item that names it and was not edited, in
    every language (the Chinese notice and its Traditional conversion list the sector too)."""
    root, base, log = server
    news = root / "docs" / "news" / "preview-test-item.md"
    news.write_text(ITEM.replace("summary:", "sectors: [new-energy-storage]\nsummary:"), encoding="utf-8")
    assert wait_for(lambda: "New energy storage" in fetch(base + "news/preview-test-item/"), 30), log.read_text()
    sectors = root / "data" / "sectors.yml"
    text = sectors.read_text(encoding="utf-8")
    assert "name: {en: New energy storage, zh: 新型储能}" in text
    sectors.write_text(text.replace("name: {en: New energy storage, zh: 新型储能}",
                                    "name: {en: Grid-scale batteries, zh: 新型储能电池}"), encoding="utf-8")
    pages = {"news/preview-test-item/": "Grid-scale batteries", "zh/news/preview-test-item/": "新型储能电池",
             "zh-hant/news/preview-test-item/": "新型儲能電池"}
    for page, name in pages.items():
        assert wait_for(lambda: name in fetch(base + page), 30), (page, log.read_text()[-3000:])
    assert "New energy storage" not in fetch(base + "news/preview-test-item/")
