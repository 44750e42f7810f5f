"""MkDocs hook: heading permalinks titled in the language of the page.

Python-Markdown's toc extension takes one `permalink_title` for the whole site, and
MkDocs makes each page's Markdown converter from `mdx_configs`; mkdocs-static-i18n
builds the languages one after another, so the title is set before each language's
build from the UI words (generator/strings/<lang>.yml: permalink_title).
"""
from __future__ import annotations

import sys
from pathlib import Path


def on_pre_build(config):
    root = Path(config.config_file_path).resolve().parent
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    from generator.render import strings

    i18n = config.plugins.get("i18n")
    lang = (i18n.current_language if i18n is not None else None) or "en"
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = strings(lang)["permalink_title"]
