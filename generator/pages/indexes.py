"""Generator: news metas -> the news index per language, newest first, by year.

A small archive is one page. Past `ONE_PAGE_UP_TO` items the index shows the newest
items and links to one page per year (and a year past `YEAR_PAGE_SIZE` items to
numbered parts), so no page grows with the archive.
"""
from __future__ import annotations

from itertools import groupby

from ..core.paths import lang_path
from ..read.schema import LANGS, NewsMeta
from .page import Page
from .render import strings

ONE_PAGE_UP_TO = 40  # items of one language
NEWEST = 20  # items with summaries on the index of a large archive
YEAR_PAGE_SIZE = 100  # items on one year page


def news_indexes(metas: list[NewsMeta]) -> list[Page]:
    pages = []
    for lang in LANGS:
        items = sorted((m for m in metas if m.lang == lang), key=lambda m: (m.date, m.slug), reverse=True)
        years = [(year, list(group)) for year, group in groupby(items, key=lambda m: m.date.year)]
        front = {"title": "News" if lang == "en" else "新闻", "generated_from": "news"}
        if len(items) <= ONE_PAGE_UP_TO:
            pages.append(Page(path=lang_path("news/index.md", lang), template="news_index.md.j2",
                              front=front, context={"years": years}))
            continue
        archive = []  # (year, [(part, items)])
        for year, entries in years:
            parts = [entries[i:i + YEAR_PAGE_SIZE] for i in range(0, len(entries), YEAR_PAGE_SIZE)]
            archive.append((year, len(entries), [_year_page_name(year, n) for n in range(1, len(parts) + 1)]))
            for n, part in enumerate(parts, start=1):
                pages.append(Page(path=lang_path(f"news/{_year_page_name(year, n)}.md", lang),
                                  template="news_year.md.j2",
                                  front={"title": strings(lang)["news_year"] % year, "generated_from": "news"},
                                  context={"year": year, "items": part, "part": n, "parts": len(parts),
                                           "names": [_year_page_name(year, k) for k in range(1, len(parts) + 1)]}))
        pages.append(Page(path=lang_path("news/index.md", lang), template="news_index_large.md.j2",
                          front=front, context={"newest": items[:NEWEST], "archive": archive}))
    return pages


def _year_page_name(year: int, part: int) -> str:
    return f"{year}" if part == 1 else f"{year}-{part}"
