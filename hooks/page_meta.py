"""MkDocs hook: page titles and descriptions are text, and Material prints them as HTML.

Material writes page.meta.title (in <title>, the header, the navigation) and
page.meta.description (in an attribute) as they are. Titles come from seeds and
editors, so they are HTML-escaped here, once. A news page's summary doubles as its
description (meta, Open Graph, Twitter).
"""
from __future__ import annotations

import html


def on_page_markdown(markdown, page, config, files):
    if page.meta.get("title"):
        page.meta["title"] = html.escape(str(page.meta["title"]), quote=True)
    if page.meta.get("summary") and not page.meta.get("description"):
        page.meta["description"] = html.escape(str(page.meta["summary"]), quote=True)
    return markdown
