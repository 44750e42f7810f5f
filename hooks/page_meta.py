"""MkDocs hook: a news page's summary doubles as its description (meta, Open Graph, Twitter)."""
from __future__ import annotations


def on_page_markdown(markdown, page, config, files):
    if page.meta.get("summary") and not page.meta.get("description"):
        page.meta["description"] = page.meta["summary"]
    return markdown
