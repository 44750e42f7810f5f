"""What the investor-kit tests share: the sites' roots and a built page, parsed."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from conftest import ROOT
from generator.read.schema import LANGS


SITES = (*LANGS, "zh-hant")  # the Traditional site: the Simplified pages converted (generator/pages/traditional.py)
ROOTS = {lang: "" if lang == LANGS[0] else f"{lang}/" for lang in SITES}
SITE_URL = re.search(r"^site_url: (\S+)", (ROOT / "mkdocs.yml").read_text(), re.M).group(1)


class _Page(HTMLParser):
    """The bits of a built page the kit tests read."""

    def __init__(self):
        super().__init__()
        self.lang, self.ids, self.links, self.scripts, self.text = None, set(), [], [], []
        self._script = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if tag == "script" and a.get("type") == "application/ld+json":
            self._script = []

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)
        else:
            self.text.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append(json.loads("".join(self._script)))
            self._script = None


def page(site: Path, url_path: str) -> _Page:
    parsed = _Page()
    parsed.feed((site / url_path / "index.html").read_text(encoding="utf-8"))
    return parsed


def local(site: Path, url: str) -> Path:
    """The built file an absolute site URL points at (fragment dropped)."""
    assert url.startswith(SITE_URL), url
    rel = url[len(SITE_URL):].split("#")[0]
    return site / rel / "index.html" if rel == "" or rel.endswith("/") else site / rel
