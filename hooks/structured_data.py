"""MkDocs hook: each page's schema.org JSON-LD into its <head>.

The generator (generator/kit/jsonld.py) writes the objects of every page to
plugin-data/structured-data.json beside the docs tree it builds from (build/, or the
preview's build/preview/), keyed by the page's file in the docs tree; here each page gets its own as <script type="application/ld+json">.
Material's templates are left as they are.
"""
from __future__ import annotations

import json
from pathlib import Path

_state: dict = {}


def on_pre_build(config):
    path = Path(config.docs_dir).parent / "plugin-data" / "structured-data.json"
    _state["data"] = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def on_post_page(output, page, config):
    scripts = _state.get("data", {}).get(page.file.src_uri)
    if not scripts:
        return output
    tags = "".join(f'<script type="application/ld+json">{text}</script>' for text in scripts)
    return output.replace("</head>", tags + "</head>", 1)
