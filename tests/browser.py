"""A real browser on the built site: Debian's Chromium driven by Playwright, over loopback HTTP."""
from __future__ import annotations

import atexit
import contextlib
import dataclasses
import functools
import http.server
import shutil
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest

# Debian's build of Chromium's headless shell: the same Chromium, without the desktop browser
# around it (what Playwright itself runs for headless Chromium). The full browser in headless
# mode took about twice the CPU: the test suite's 515 CPU seconds were 366 with the shell.
CHROMIUM = shutil.which("chromium-headless-shell") or "/usr/bin/chromium-headless-shell"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic",
        "--no-first-run", "--disable-component-update", "--disable-sync"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

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


@functools.cache
def _playwright():
    """One Playwright driver per test process, stopped when the process ends: a test that starts
    its own browser may run while the shared one (conftest `chromium`) is open."""
    from playwright.sync_api import sync_playwright

    driver = sync_playwright().start()
    atexit.register(driver.stop)
    return driver


@contextlib.contextmanager
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium-headless-shell is not installed: apt-get install -y chromium-headless-shell "
                    "(make test does this: tools/system-packages browser)")
    chromium = _playwright().chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
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
    # ("Searching for …..." while the index loads: every language's wording ends in an ellipsis)
    page.wait_for_function(
        "q => { const m = document.querySelector('dialog.portal-search .pagefind-ui__message');"
        " return m && m.textContent.includes(q) && !/(\\.\\.\\.|…)\\s*$/.test(m.textContent); }",
        arg=query, timeout=15_000)
    # Results render as they arrive: read until two reads agree (an empty list only after a second)
    previous = None
    for attempt in range(20):
        links = page.eval_on_selector_all("dialog.portal-search .pagefind-ui__result-link", "els => els.map(e => e.href)")
        if links == previous and (links or attempt >= 7):
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


# --- the site at its public address, as GitHub Pages serves it ----------------------------------

def site_address(root: Path) -> str:
    """`site_url` of mkdocs.yml (https://host/portal/): the one public address."""
    import re

    return re.search(r"^site_url: (\S+)", (root / "mkdocs.yml").read_text(encoding="utf-8"), re.M).group(1)


@functools.lru_cache(maxsize=4096)
def _read(path: str, stamp: tuple[int, int]) -> tuple[bytes, int]:
    """A file's bytes and gzip size, read and compressed once per version (`stamp`: mtime, size):
    every page view asks for the same theme files, and the browser waits while this answers."""
    import gzip

    data = Path(path).read_bytes()
    return data, len(gzip.compress(data, 6))


class GitHubPages:
    """Answers every request a browser context makes to `site_url`'s host from the built `site`
    folder, as GitHub Pages does: a folder's index.html, a folder named without its slash
    redirected (301), an unknown path answered with 404.html (status 404). Any other host is
    refused (the site must not need one). Records each response's status and gzip size (GitHub
    Pages compresses what it sends), per page view."""

    def __init__(self, site: Path, site_url: str):
        import mimetypes

        self.site = site
        parts = urlparse(site_url)
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self.mount = parts.path  # /portal/
        self.responses: list[tuple[str, int, int]] = []  # (url, status, gzip bytes)
        self._types = mimetypes.MimeTypes()
        self._types.add_type("application/manifest+json", ".webmanifest")

    def attach(self, context) -> None:
        context.route("**/*", self._answer)

    def _answer(self, route) -> None:
        from urllib.parse import unquote

        url = route.request.url
        if url.startswith(("data:", "blob:")):
            return route.continue_()
        parts = urlparse(url)
        if f"{parts.scheme}://{parts.netloc}" != self.origin or not parts.path.startswith(self.mount):
            self.responses.append((url, 0, 0))
            return route.abort("blockedbyclient")
        path = unquote(parts.path)[len(self.mount):]
        target = self.site / path
        if target.is_dir() and path and not path.endswith("/"):
            self.responses.append((url, 301, 0))
            return route.fulfill(status=301, headers={"Location": parts.path + "/"})
        if target.is_dir():
            target = target / "index.html"
        status = 200
        if not target.is_file():
            status, target = 404, self.site / "404.html"
        info = target.stat()
        body, size = _read(str(target), (info.st_mtime_ns, info.st_size))
        kind = self._types.guess_type(target.name)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind in ("application/javascript", "application/json", "image/svg+xml"):
            kind += "; charset=utf-8"
        self.responses.append((url, status, size))
        route.fulfill(status=status, body=body, headers={"Content-Type": kind})

    def url(self, path: str) -> str:
        return f"{self.origin}{self.mount}{path}"


@dataclasses.dataclass
class PageView:
    path: str
    status: int
    requests: list[str]
    failed: list[str]
    console_errors: list[str]
    gzip_bytes: int


def view(context, pages: GitHubPages, path: str) -> PageView:
    """Open `path` (under the mount) in a tab of `context`, wait until the network is idle; what it cost."""
    requests, failed, errors = [], [], []
    tab = context.new_page()
    tab.on("request", lambda r: requests.append(r.url))
    tab.on("requestfailed", lambda r: failed.append(f"{r.url} ({r.failure})"))
    tab.on("response", lambda r: failed.append(f"{r.url} ({r.status})") if r.status >= 400 and r.request.resource_type != "document" else None)
    tab.on("console", lambda m: errors.append(f"{m.text} @ {m.location.get('url', '')}") if m.type == "error" else None)
    tab.on("pageerror", lambda e: errors.append(str(e)))
    start = len(pages.responses)
    response = tab.goto(pages.url(path), wait_until="load")
    tab.wait_for_load_state("networkidle")  # Material's look-ups start when the document is ready
    tab.close()
    if response and response.status == 404:  # the 404 page itself, as served for an unknown path
        errors = [e for e in errors if not e.endswith(f"@ {response.url}")]
    answered = pages.responses[start:]
    return PageView(path, response.status if response else 0, requests, failed, errors,
                    sum(size for _, _, size in answered))


QUIET = 0.5  # seconds without a request in flight: the page is done (Playwright's "networkidle")


class _Tab:
    """One tab of `view_all`: the page it shows and what that page did."""

    def __init__(self, context):
        self.tab = context.new_page()
        self.path, self.response = None, None
        self.tab.on("request", self._request)
        self.tab.on("requestfinished", lambda r: self._settled())
        self.tab.on("requestfailed", lambda r: (self.failed.append(f"{r.url} ({r.failure})"), self._settled()))
        self.tab.on("response", lambda r: self.failed.append(f"{r.url} ({r.status})")
                    if r.status >= 400 and r.request.resource_type != "document" else None)
        self.tab.on("console", lambda m: self.errors.append(f"{m.text} @ {m.location.get('url', '')}")
                    if m.type == "error" else None)
        self.tab.on("pageerror", lambda e: self.errors.append(str(e)))
        self.tab.on("load", lambda _: self._loaded())

    def open(self, url: str, path: str) -> None:
        self.path, self.requests, self.failed, self.errors = path, [], [], []
        self.inflight, self.loaded, self.last = 0, False, time.monotonic()
        self.response = self.tab.goto(url, wait_until="commit")

    def _request(self, request) -> None:
        self.requests.append(request.url)
        self.inflight += 1
        self.last = time.monotonic()

    def _settled(self) -> None:
        self.inflight -= 1
        self.last = time.monotonic()

    def _loaded(self) -> None:
        self.loaded = True
        self.last = time.monotonic()

    def done(self) -> bool:
        return self.loaded and self.inflight <= 0 and time.monotonic() - self.last >= QUIET

    def view(self) -> PageView:
        errors = list(self.errors)
        if self.response and self.response.status == 404:  # the 404 page itself, as served
            errors = [e for e in errors if not e.endswith(f"@ {self.response.url}")]
        return PageView(self.path, self.response.status if self.response else 0, self.requests, self.failed, errors, 0)


def view_all(context, pages: GitHubPages, paths: list[str], tabs: int = 6) -> dict[str, PageView]:
    """`view` of many pages, `tabs` side by side: a tab opens its next page once its page has
    loaded and no request has been in flight for QUIET seconds (as `view` waits for network idle),
    so what a tab requested, failed and logged belongs to the page it shows. Tabs are reused (a
    new tab costs a renderer). Sizes are not split per page (see `view`)."""
    seen: dict[str, PageView] = {}
    todo = list(reversed(paths))
    pool = [_Tab(context) for _ in range(min(tabs, len(paths)))]
    for tab in pool:
        tab.open(pages.url(todo[-1]), todo.pop())
    busy = list(pool)
    while busy:
        busy[0].tab.wait_for_timeout(50)  # lets Playwright deliver the tabs' events
        for tab in list(busy):
            if not tab.done():
                continue
            seen[tab.path] = tab.view()
            if todo:
                tab.open(pages.url(todo[-1]), todo.pop())
            else:
                busy.remove(tab)
    for tab in pool:
        tab.tab.close()
    return seen


def view_cold(chromium, site: Path, site_url: str, paths: list[str], tabs: int = 6) -> dict[str, PageView]:
    """`view` of each of `paths` in a browser context of its own (a cold cache each, answered by
    its own GitHubPages, so each page's bytes are its own), `tabs` side by side."""
    seen: dict[str, PageView] = {}
    todo = list(reversed(paths))

    def start():
        pages, context = GitHubPages(site, site_url), chromium.new_context()
        pages.attach(context)
        tab = _Tab(context)
        path = todo.pop()
        tab.open(pages.url(path), path)
        return tab, context, pages

    busy = [start() for _ in range(min(tabs, len(todo)))]
    while busy:
        busy[0][0].tab.wait_for_timeout(50)  # lets Playwright deliver the tabs' events
        for slot in list(busy):
            tab, context, pages = slot
            if not tab.done():
                continue
            seen[tab.path] = dataclasses.replace(tab.view(), gzip_bytes=sum(size for _, _, size in pages.responses))
            context.close()
            busy.remove(slot)
            if todo:
                busy.append(start())
    return seen
