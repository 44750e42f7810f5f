"""MkDocs hook: the UI words that MkDocs settings carry, in the language being built.

From generator/strings/<lang>.yml, set before each language's build (mkdocs-static-i18n
builds them one after another, or one per process):
- `permalink_title`: Python-Markdown's toc extension takes one title for the whole site's
  heading permalinks, and MkDocs makes each page's converter from `mdx_configs`;
- `preview_problems`: the heading of the preview's problem list (mkdocs.serve.yml,
  overrides/partials/preview-problems.html), as `extra.preview_problems`.
"""
from __future__ import annotations

import sys
from pathlib import Path


def on_pre_build(config):
    root = Path(config.config_file_path).resolve().parent
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    from generator.pages.render import strings

    i18n = config.plugins.get("i18n")
    words = strings((i18n.current_language if i18n is not None else None) or "en")
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = words["permalink_title"]
    if config.extra.get("preview"):
        config.extra["preview_problems"] = words["preview_problems"]
