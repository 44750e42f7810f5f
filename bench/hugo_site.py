"""The same Markdown, built by Hugo with a minimal template: the speed anchor."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

_CONFIG = """baseURL = "http://127.0.0.1/"
title = "bench"
disableKinds = ["taxonomy", "term", "RSS"]
[markup.goldmark.renderer]
unsafe = false
"""
_LAYOUTS = {
    "_default/baseof.html": "<!doctype html><html><head><title>{{ .Title }}</title></head>"
                             "<body>{{ block \"main\" . }}{{ end }}</body></html>",
    "_default/single.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}",
    "_default/list.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}"
                           "<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}",
    "index.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ end }}",
}


def make_site(news: Path, dest: Path) -> Path:
    """A Hugo site whose content is the project's docs/news Markdown (both languages as pages)."""
    (dest / "content" / "news").mkdir(parents=True)
    for path in news.glob("*.md"):
        shutil.copy(path, dest / "content" / "news" / path.name.replace(".zh.md", "-zh.md"))
    (dest / "hugo.toml").write_text(_CONFIG)
    for rel, text in _LAYOUTS.items():
        (dest / "layouts" / rel).parent.mkdir(parents=True, exist_ok=True)
        (dest / "layouts" / rel).write_text(text)
    return dest


def hugo_command(site: Path) -> list[str]:
    return ["hugo", "--quiet", "--source", str(site), "--destination", str(site / "public")]


def hugo_version() -> str:
    try:
        return subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split()[1]
    except (OSError, IndexError):
        return "not installed"
