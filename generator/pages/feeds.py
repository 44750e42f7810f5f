"""RSS 2.0 (feedgen) and JSON Feed (jsonfeed-util) of the news, one pair per language.

The feeds are dated by their newest item, never by the clock, so a rebuild of
unchanged content writes the same bytes.
"""
from __future__ import annotations

import datetime as dt
import json

import jsonfeed
from feedgen.feed import FeedGenerator

from ..core.paths import lang_path
from ..read.schema import NewsMeta
from .render import strings

CST = dt.timezone(dt.timedelta(hours=8))
_FEED_LANG = {"en": "en", "zh": "zh-CN", "zh-hant": "zh-HK"}  # RSS language codes; Traditional is Hong Kong standard
LIMIT = 30


def _published(meta: NewsMeta) -> dt.datetime:
    return meta.source_published or dt.datetime.combine(meta.date, dt.time(0, 0), tzinfo=CST)


def feed_files(metas: list[NewsMeta], site_url: str, site_names: dict[str, str]) -> dict[str, bytes]:
    files = {}
    for lang in _FEED_LANG:
        s = strings(lang)
        home = site_url + ("" if lang == "en" else f"{lang}/")
        items = sorted((m for m in metas if m.lang == lang), key=lambda m: (m.date, m.slug), reverse=True)[:LIMIT]
        rss_path, json_path = lang_path("feed_rss.xml", lang), lang_path("feed.json", lang)
        newest = _published(items[0]) if items else dt.datetime(2000, 1, 1, tzinfo=CST)

        fg = FeedGenerator()
        fg.title(f"{site_names[lang]} · {s['news']}")
        fg.link(href=home + "news/", rel="alternate")
        fg.description(s["news_intro"])
        fg.language(_FEED_LANG[lang])
        fg.lastBuildDate(newest)
        fg.generator("feedgen")
        for meta in reversed(items):  # feedgen puts the last added first
            entry = fg.add_entry()
            url = f"{home}news/{meta.slug}/"
            entry.id(url)
            entry.guid(url, permalink=True)
            entry.link(href=url)
            entry.title(meta.title)
            entry.description(meta.summary or meta.title)
            entry.pubDate(_published(meta))
        files[rss_path] = fg.rss_str(pretty=True)

        feed = jsonfeed.Feed(
            title=f"{site_names[lang]} · {s['news']}", home_page_url=home + "news/",
            feed_url=home + "feed.json",
            description=s["news_intro"], language=_FEED_LANG[lang],
            items=[jsonfeed.Item(id=f"{home}news/{m.slug}/", url=f"{home}news/{m.slug}/", title=m.title,
                                 content_text=m.summary or m.title, date_published=_published(m).isoformat())
                   for m in items])
        data = json.loads(feed.to_json())
        data["language"] = _FEED_LANG[lang]  # JSON Feed 1.1 field the library reads but does not write
        files[json_path] = json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
    return files
