"""Generator: the investors' section (/invest/) from data/stories.yml, support.yml and events.yml.

What the sources hold, written for investors: investor stories (one page each), how the city
supports a project, and past investment events by date. Every statement is the site's own
words and links to the sentence it rests on; the pages say so.
"""
from __future__ import annotations

from ..core.paths import lang_path
from ..read.catalogue import Catalogue
from ..read.schema import LANGS
from ..read.sources import SourceIndex
from ..text.links import Linker
from .page import Page
from .render import strings

SECTION = "invest"


def invest_pages(cat: Catalogue, index: SourceIndex) -> list[Page]:
    if not (cat.stories or cat.support or cat.events):
        return []
    pages: list[Page] = []
    names = cat.names()
    events = sorted(cat.events, key=lambda e: (e.date.sort_key, e.date.day), reverse=True)
    for lang in LANGS:
        s = strings(lang)

        def page(path: str, view: str, title: str, **context) -> Page:
            localized = lang_path(f"{SECTION}/{path}", lang)
            return Page(path=localized, template="invest.md.j2", front={"title": title, "generated_from": "data"},
                        context=dict(view=view, cat=cat, names=names, link=Linker(localized, lang),
                                     locate=index.locate, events=events, **context))

        pages.append(page("index.md", "index", s["invest"]))
        pages.append(page("stories/index.md", "stories", s["invest_stories"]))
        for story in cat.stories:
            pages.append(page(f"stories/{story.id}.md", "story", story.title(lang), story=story))
        pages.append(page("support/index.md", "support", s["invest_support"]))
        pages.append(page("events/index.md", "events", s["invest_events"]))
    return pages
