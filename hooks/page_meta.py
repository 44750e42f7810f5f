"""MkDocs hook: a news page's summary doubles as its description (meta, Open Graph, Twitter).

Material writes page.meta.description into an attribute as it is, so the text is
HTML-escaped here, once: a summary with quotes must not break the <head>.
"""
from __future__ import annotations

import html


def on_page_markdown(markdown, page, config, files):
    if page.meta.get("summary") and not page.meta.get("description"):
        page.meta["description"] = html.escape(str(page.meta["summary"]), quote=True)
    return markdown
