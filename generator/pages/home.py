"""Generator: the home page of each language, as data for overrides/home.html.

The page is front matter only: the figures, news, sectors, parks and offices
to show, already in the page's language, with links relative to the page.
"""
from __future__ import annotations

from ..core.paths import lang_path
from ..read.catalogue import Catalogue
from ..read.schema import LANGS, NewsMeta
from ..read.sources import SourceIndex
from ..text.textfmt import long_date
from .contacts import tel_uri
from .page import Page
from .render import strings

LATEST = 5


def home_pages(cat: Catalogue, metas: list[NewsMeta], index: SourceIndex, site_names: dict[str, str]) -> list[Page]:
    pages = []
    for lang in LANGS:
        s = strings(lang)
        up = "" if lang == "en" else "../"  # from /zh/ to the English source sentences
        figures = []
        for f in cat.figures:
            if not f.headline:
                continue
            at = index.locate(f.source)
            figures.append({"value": f.show_plain(lang, s["reading_format"]), "label": f.label(lang), "period": f.show_period(lang, s["editors_reading_mark"]),
                            "change": f.change or "", "source": f"{up}news/{at.slug}/#line-{at.line}"})
        def mark(entry, lang=lang, s=s) -> str:
            return s["name_translated"] if lang != "en" and entry.zh_name_is_translation else ""

        news = sorted((m for m in metas if m.lang == lang), key=lambda m: (m.date, m.slug), reverse=True)[:LATEST]
        home = {
            "statement": s["home_statement"],
            "invest": [{"label": s[k], "lead": s[f"{k}_lead"], "href": href} for k, href in (
                ("invest_stories", "invest/stories/"), ("invest_support", "invest/support/"),
                ("invest_events", "invest/events/"), ("park_finder", "parks/#park-finder"))] if cat.stories else [],
            "labels": {k: s[k] for k in ("home_invest", "home_figures", "home_news", "home_sectors", "home_parks", "home_contact",
                                         "source_sentence", "colon", "tel", "email", "website", "all_news", "tiers")},
            "figures": figures,
            "news": [{"title": m.title, "date": long_date(m.date, lang), "summary": m.summary,
                      "href": f"news/{m.slug}/"} for m in news],
            "sectors": [{"name": x.name(lang), "tier": s["tiers"][x.tier], "href": f"sectors/{x.id}/"}
                        for x in cat.sectors],
            # a Chinese name the portal translated says so, as on every other page (templates/_macros.j2)
            "parks": [{"name": p.name(lang), "mark": mark(p), "href": f"parks/{p.id}/"}
                      for p in cat.parks if p.kind in ("platform", "park")],
            "offices": [{"name": o.name(lang), "mark": mark(o), "tel": o.contact.tel, "tel_uri": tel_uri(o.contact.tel),
                         "email": o.contact.email, "website": o.contact.website}
                        for o in cat.offices_city_first()],
        }
        pages.append(Page(path=lang_path("index.md", lang), template="home.md.j2",
                          front={"title": site_names[lang], "template": "home.html", "generated_from": "data",
                                 "summary": s["home_statement"], "hide": ["navigation", "toc"], "home": home}))
    return pages
