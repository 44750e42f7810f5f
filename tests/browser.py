"""A real browser on the built site: Debian's Chromium driven by Playwright, over loopback HTTP."""
from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic",
        "--no-first-run", "--disable-component-update", "--disable-sync"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def end_headers(self):
        # LinkChecker only goes past 10 requests a second on servers that say they allow it
        self.send_header("LinkChecker", "allow")
        super().end_headers()

    def handle(self):
        try:
            super().handle()
        except ConnectionError:
            pass  # a client that stops reading early (link checkers do) is not an error


@contextlib.contextmanager
def serve(site: Path, mount: str = ""):
    """Serve `site` on loopback; with `mount` ("portal"), under that path as GitHub Pages does."""
    if mount:
        with tempfile.TemporaryDirectory() as holder:
            (Path(holder) / mount).symlink_to(site.resolve(), target_is_directory=True)
            with serve(Path(holder)) as base:
                yield f"{base}/{mount}"
        return
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is not installed: apt-get install -y chromium (.ci/run does this)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


def search(page, query: str) -> list[str]:
    """Open search with the "/" key and type a query as a person would; return result links in order."""
    page.keyboard.press("/")
    box = page.locator("dialog.portal-search input")
    box.wait_for(state="visible", timeout=15_000)
    box.fill(query)
    # fill() alone does not fire the search for CJK text: send a real key event
    box.press("End")
    # The message line shows a count (or "no results") once the index is loaded and queried
    page.wait_for_function(
        "q => { const m = document.querySelector('dialog.portal-search .pagefind-ui__message');"
        " return m && m.textContent.includes(q); }", arg=query, timeout=15_000)
    # Results render as they arrive: read until two reads agree
    previous = None
    for _ in range(20):
        links = page.eval_on_selector_all("dialog.portal-search .pagefind-ui__result-link", "els => els.map(e => e.href)")
        if links == previous:
            return links
        previous = links
        page.wait_for_timeout(150)
    return previous


def search_requests(page, start: str, query: str) -> tuple[list[str], list[str]]:
    """Open `start` (a path under `base`), then search: the paths fetched by the page load, and
    the names of the index files the query fetched."""
    base, tab = page
    requested: list[str] = []
    tab.on("request", lambda request: requested.append(urlparse(request.url).path))
    tab.goto(f"{base}/{start}")
    tab.wait_for_load_state("networkidle")
    on_load = list(requested)
    search(tab, query)
    indexes = [p.rsplit("/", 1)[-1] for p in requested[len(on_load):]
               if p.endswith((".pf_index", ".pf_meta", ".pf_fragment"))]
    return on_load, indexes
