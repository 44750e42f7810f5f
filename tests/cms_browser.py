"""The editors' CMS in Chromium: decap-server (Decap's local backend) on a free loopback port, the
/admin/ page pointed at it, and the editor's gestures the CMS tests share."""
from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import yaml

from conftest import ROOT
from generator.publish import admin

# Git as decap-server and the tests run it: the repository's own settings only (no user's hooks,
# signing or identity from ~/.gitconfig)
GIT_ENV = dict(os.environ, GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")


def free_port() -> int:
    with contextlib.closing(socket.socket()) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _info(api: str) -> dict | None:
    request = urllib.request.Request(api, data=json.dumps({"action": "info"}).encode(),
                                     headers={"Content-Type": "application/json"})
    with contextlib.suppress(OSError, ValueError), urllib.request.urlopen(request, timeout=1) as response:
        return json.load(response)
    return None


@contextlib.contextmanager
def decap_server(repo: Path, mode: str = "fs", log: Path | None = None):
    """decap-server on a free loopback port, on `repo`: MODE=fs writes files into it, MODE=git
    commits to its branches (the editorial workflow). Yields its API address once it answers
    Decap's first question (which modes it has), so the CMS never misses it; stopped after."""
    port = free_port()
    env = dict(GIT_ENV, PORT=str(port), BIND_HOST="127.0.0.1", MODE=mode, GIT_REPO_DIRECTORY=str(repo),
               LOG_LEVEL="warn")
    script = admin.node_modules(ROOT) / "decap-server" / "dist" / "index.js"
    with open(log or os.devnull, "wb") as out:
        server = subprocess.Popen(["node", str(script)], cwd=repo, env=env, stdout=out, stderr=out)
    api = f"http://127.0.0.1:{port}/api/v1"
    try:
        deadline = time.monotonic() + 30  # node starts slowly on a busy machine
        while (info := _info(api)) is None or info.get("type") != f"local_{mode}":
            if server.poll() is not None:
                raise RuntimeError(f"decap-server stopped ({server.returncode}): {log and log.read_text()}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"decap-server did not answer on {api}")
            time.sleep(0.1)
        yield api
    finally:
        server.terminate()
        server.wait(timeout=10)


def admin_site(root: Path, site: Path, api: str) -> Path:
    """/admin/ alone, as publish installs it into the site (the pages, the configuration the
    generator wrote, Decap's bundle), pointed at the local backend `api`. Needs a generated
    `root` (python -m generator build), not a published one: /admin/ is no MkDocs page."""
    site.mkdir()
    admin.install(site, root / "build" / "plugin-data" / admin.CONFIG, root)
    use_backend(site, api)
    return site


def use_backend(site: Path, api: str) -> None:
    """Point the built /admin/ at a local backend (`local_backend` is tried from 127.0.0.1 only)."""
    config_file = site / "admin" / "config.yml"
    cfg = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    cfg["local_backend"] = {"url": api, "allowed_hosts": ["127.0.0.1"]}
    config_file.write_text(yaml.safe_dump(cfg, allow_unicode=True), encoding="utf-8")


def fill(page, selector: str, text: str):
    box = page.locator(selector)
    box.fill(text)
    box.press("End")  # fill() with Chinese text fires no handler without a real key press


def set_date(page, selector: str, day: str):
    box = page.locator(selector)
    box.fill(day)
    box.press("Enter")


def type_body(page, pane: int, text: str):
    body = page.locator("[data-slate-editor='true'], [contenteditable='true']").nth(pane)
    body.click()
    page.keyboard.type(text)


def choose(page, menu: str, item: str):
    """Open a button's menu ("Publish", "Status: Draft") and choose one of its items."""
    page.get_by_role("button", name=menu, exact=True).first.click()
    page.get_by_role("menuitem", name=item, exact=True).click()


NEWS_SLUG = "sihui-opens-a-hydrogen-test-centre"


def write_news_item(page, base: str, day: str):
    """A new news item, English and Chinese side by side (the editor's form, not yet saved)."""
    page.goto(f"{base}/admin/#/collections/news/new")
    page.reload()
    page.locator("#title-field-1").wait_for(timeout=15_000)
    fill(page, "#title-field-1", "Sihui opens a hydrogen test centre")
    set_date(page, "#date-field-2", day)
    fill(page, "#summary-field-3", "A hydrogen test centre opened in Sihui.")
    type_body(page, 0, "The centre tests fuel cells. Platypustest is its code name.")
    fill(page, "#title-field-13", "四会氢能检测中心启用")
    fill(page, "#summary-field-15", "四会氢能检测中心启用。")
    type_body(page, 1, "中心检测燃料电池。")
