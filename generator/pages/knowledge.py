"""Generator: the catalogue -> sector, park, project, key-figure and contact pages in both languages."""
from __future__ import annotations

from ..core.paths import lang_path
from ..read.catalogue import TOPICS, Catalogue
from ..read.schema import LANGS, NewsMeta
from ..read.sources import SourceIndex, inconsistent
from ..text.links import Linker
from . import charts
from .contacts import OfficeCard, inline_qr
from .page import Page
from .render import strings

KINDS = ("sectors", "parks", "projects")


def related_news(metas: list[NewsMeta], kind: str, entry_id: str, lang: str) -> list[NewsMeta]:
    """News of this language that mention the entry, newest first."""
    found = [m for m in metas if m.lang == lang and entry_id in getattr(m, kind)]
    return sorted(found, key=lambda m: (m.date, m.slug), reverse=True)


def knowledge_pages(cat: Catalogue, metas: list[NewsMeta], index: SourceIndex, slugs: dict[str, str]) -> list[Page]:
    pages: list[Page] = []
    entries = {"sectors": cat.sectors, "parks": cat.parks, "projects": cat.projects}
    names = cat.names()
    flagged = inconsistent(cat.figures)
    for lang in LANGS:
        def page(path: str, template: str, title: str, **context) -> Page:
            localized = lang_path(path, lang)
            return Page(path=localized, template=template, front={"title": title, "generated_from": "data"},
                        context=dict(cat=cat, names=names, link=Linker(localized, lang),
                                     locate=index.locate, **context))

        for kind in KINDS:
            pages.append(page(f"{kind}/index.md", f"{kind}_index.md.j2", strings(lang)[kind]))
            for entry in entries[kind]:
                pages.append(page(f"{kind}/{entry.id}.md", f"{kind[:-1]}.md.j2", entry.name(lang), entry=entry,
                                  news=related_news(metas, kind, entry.id, lang), kind=kind,
                                  office=cat.office_for(entry), city=cat.city_office, topics=TOPICS))
        pages.append(page("figures/index.md", "figures.md.j2", strings(lang)["figures"], flagged=flagged,
                          charts=charts.key_charts(cat.figures, set(flagged), lang)))
        pages.append(page("contact/index.md", "contact.md.j2", strings(lang)["contact"],
                          offices=[_card(o, index, slugs, metas) for o in cat.offices_city_first()],
                          qr_code=inline_qr))
    return pages


def _card(office, index: SourceIndex, slugs: dict[str, str], metas: list[NewsMeta]) -> OfficeCard:
    seed = index.posts[office.seed].seed
    slug = slugs[seed]
    return OfficeCard(office, slug, seed, {m.lang: m.title for m in metas if m.slug == slug})
