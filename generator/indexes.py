"""Generator: news metas -> one news index per language, newest first, by year."""
from __future__ import annotations

from itertools import groupby

from .pages import Page, lang_path
from .schema import LANGS, NewsMeta


def news_indexes(metas: list[NewsMeta]) -> list[Page]:
    pages = []
    for lang in LANGS:
        items = sorted((m for m in metas if m.lang == lang), key=lambda m: (m.date, m.slug), reverse=True)
        years = [(year, list(group)) for year, group in groupby(items, key=lambda m: m.date.year)]
        title = "News" if lang == "en" else "新闻"
        pages.append(Page(path=lang_path("news/index.md", lang), template="news_index.md.j2",
                          front={"title": title, "generated_from": "news"},
                          context={"years": years}))
    return pages
