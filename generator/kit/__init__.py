"""The investor kit: open data, structured data, accessibility statement, fact sheets, district map.

Each stage is its own module and reads only the catalogue and the news
metadata, so nothing in the kit is a fact the seeds do not hold. Every stage
loops over the site's languages (read.schema.LANGS). The Traditional site's pages are
the Simplified ones converted (generator/pages/traditional.py); the kit gives them their
own fact sheet, the Simplified one converted and set in Hong Kong glyphs.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..core import memo
from ..core.errors import InputError, Problem
from ..core.paths import Layout, lang_path
from ..pages.page import Page
from ..pages.render import trusted
from ..pages.traditional import LANG as HANT
from ..text import corrections
from ..read.catalogue import Catalogue
from ..read.schema import LANGS, NewsMeta
from ..read.sources import SourceIndex
from . import boundaries, districtmap, factsheet, jsonld, opendata
from .common import lang_root, words


@dataclass
class Kit:
    pages: list[Page]
    files: dict[str, bytes]
    plugin_data: dict[str, bytes]
    context: dict[str, dict] = field(default_factory=dict)  # docs path -> what its template adds
    # The fact sheets are drawn while the generator goes on: `finish` waits for them, adds them
    # to `files` and their sizes to the pages in `waiting`, which are rendered after it
    finish: Callable[[], None] = lambda: None
    waiting: set[str] = field(default_factory=set)
    sheets: set[str] = field(default_factory=set)  # the paths `finish` adds to `files`

    def attach(self, pages: list[Page]) -> list[Page]:
        """Give the existing pages their part of the kit; returns the kit's own pages."""
        for page in pages:
            extra = self.context.get(page.path)
            if not extra:
                continue
            if "home" in page.front:  # the home page is drawn from its front matter (overrides/home.html)
                page.front["home"]["kit"] = extra["home"]
            else:
                page.context.update(extra)
        return self.pages


def up(path: str, lang: str) -> str:
    """From the published page of docs `path` in `lang` up to the site root, as a relative URL."""
    name = path.rsplit("/", 1)[-1]
    return "../" * (path.count("/") + (0 if name.startswith("index.") else 1) + lang_root(lang).count("/"))


def finder(cat: Catalogue, rows: list[dict], lang: str) -> dict:
    """The park finder (parks index, overrides/assets/javascripts/portal-finder.js): each park of the
    open-data parks table with the industries, district and kind it is filtered by. A district or
    county is its own district; a park whose district the sources do not give has none."""
    names = cat.names()
    regions = {p.id for p in cat.parks if p.kind in districtmap.REGION_KINDS}
    parks = [dict(row, place=row["district"] or (row["id"] if row["id"] in regions else "")) for row in rows]
    sectors = [s for s in cat.sectors if any(s.id in row["sectors"] for row in parks)]
    return {"parks": parks, "names": names,
            "sectors": [(s.id, s.name(lang)) for s in sectors],
            "districts": [(p.id, p.name(lang)) for p in cat.parks if p.id in regions]}


def _axe_version(root: Path) -> str:
    """The axe-core version the accessibility statement names (package.json, as `npm ci` installs it)."""
    try:
        package = json.loads((root / "package.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise InputError([Problem("package.json", 1, "missing or not valid JSON",
                                  "restore package.json from the repository (git checkout package.json)")]) from None
    return package.get("devDependencies", {}).get("axe-core", "")


def _report_url(site_url: str) -> str:
    """The issue tracker of the repository a GitHub Pages project site is published from."""
    host, _, path = site_url.split("://", 1)[-1].partition("/")
    owner = host.split(".github.io")[0]
    return f"https://github.com/{owner}/{path.strip('/').split('/')[0]}/issues"


def investor_kit(cat: Catalogue, metas: list[NewsMeta], index: SourceIndex, site_names: dict[str, str],
                 site_url: str, root: Path, to_traditional: Callable[[str], str]) -> Kit:
    fixes = corrections.load(root / "data" / "corrections.yml", "data/corrections.yml")
    tables = opendata.tables(cat, index, site_url, {c.id: c for c in fixes})
    files = opendata.open_data_files(tables)
    # the preview writes the file out again only when what it is made of changed (core/memo.py)
    structured = memo.text(("structured data", cat, metas, site_url, site_names, opendata.TABLES, to_traditional),
                           lambda: jsonld.plugin_text(jsonld.structured_data(cat, metas, site_url, site_names,
                                                                             opendata.TABLES, to_traditional)))
    plugin_data = {"structured-data.json": memo.encoded(structured)}
    pages, context = [], {}
    sources = {lang: factsheet.html(cat, metas, index, site_url, site_names[lang], lang) for lang in LANGS}
    if HANT in site_names:
        sources[HANT] = to_traditional(factsheet.html(cat, metas, index, site_url, site_names[HANT], "zh", HANT))
    # the font each sheet must use (not a fallback): its Latin face for English text, else its CJK one
    drawn_sheets = factsheet.draw_pdfs({lang: (text, words(lang).get("pdf_latin_font") or words(lang)["pdf_font"])
                                        for lang, text in sources.items()},
                                       Layout(root).cache)
    sizes: list[tuple[dict, str, str, str]] = []  # (entry, key, format, sheet): filled in by finish()
    waiting: set[str] = set()  # the pages showing a sheet's size: the home, contact and figures pages
    regions, provenance = boundaries.load(root)
    drawn = districtmap.areas(cat, regions)  # once: every page with the map shows the same drawing
    marked = districtmap.highlights(drawn)
    names = [site_names.get(lang, lang) for lang in LANGS]
    for lang in LANGS:
        w = words(lang)
        ui = trusted(w)  # the same words on every page of the language

        def sheet(page: str, lang: str = lang) -> dict:
            """The link to `lang`'s sheet on `page` (a Simplified page's path for its Traditional one)."""
            entry = {"href": up(page, lang) + factsheet.path(lang), "size": ""}
            sizes.append((entry, "size", "{size}", lang))
            waiting.add(lang_path(page.replace(".zh.", "."), lang))
            return entry

        path = lang_path("accessibility/index.md", lang)
        pages.append(Page(path=path, template=f"kit/accessibility.{lang}.md.j2",
                          front={"title": w["accessibility_link"], "generated_from": "data"},
                          context=dict(site_url=site_url, languages=names, axe_version=_axe_version(root),
                                       report_url=_report_url(site_url))))
        figures = lang_path("figures/index.md", lang)
        context[figures] = {"w": ui, "kit": {"open_data": [
            {"name": name, "rows": len(rows), "columns": list(rows[0]),
             "csv": f"{up(figures, lang)}data/{name}.csv", "json": f"{up(figures, lang)}data/{name}.json"}
            for name, rows in tables.items()]}}
        contact = lang_path("contact/index.md", lang)
        context[contact] = {"w": ui, "kit": {"accessibility": "../accessibility/index.md",
                                            "factsheet": sheet(contact)}}
        context[figures]["kit"]["factsheet"] = sheet(figures)
        for site in [lang] + ([HANT] if lang == "zh" and HANT in sources else []):
            if site != lang:  # the converted pages' own sheet (the rest of their kit is the Simplified one's)
                for page in (contact, figures):
                    context[lang_path(page.replace(".zh.", "."), site)] = {
                        **context[page], "kit": {**context[page]["kit"], "factsheet": sheet(page, site)}}
            home = {"label": "", "href": up(lang_path("index.md", site), site) + factsheet.path(site)}
            sizes.append((home, "label", w["factsheet_link"], site))
            waiting.add(lang_path("index.md", site))
            context[lang_path("index.md", site)] = {"home": {
                "accessibility": {"label": w["accessibility_link"], "href": "accessibility/"}, "factsheet": home}}
        # The map: on the parks index and every park page; on an industry's or a project's page
        # when the catalogue places it in a district, which the map then highlights
        shown = [("parks", None, "")] + \
            [("parks", p.id, "map_here" if p.kind in districtmap.REGION_KINDS else "map_park_here") for p in cat.parks] + \
            [(kind, e.id, f"map_{kind}_here") for kind, items in (("sectors", cat.sectors), ("projects", cat.projects))
             for e in items if (kind, e.id) in marked]
        label = districtmap.labels(drawn, lang)  # the names' places: the same on every page
        for kind, entry_id, note in shown:
            path = lang_path(f"{kind}/{entry_id or 'index'}.md", lang)
            context[path] = {"w": ui, **districtmap.context(
                drawn, label, provenance, path, lang, entry_id if kind == "parks" else None,
                marked.get((kind, entry_id), set()), w.get(note, ""), up(path, lang))}
        # The park finder on the parks index: the rows of the open-data parks table
        context[lang_path("parks/index.md", lang)]["finder"] = finder(cat, tables["parks"], lang)

    def finish() -> None:
        sheets = drawn_sheets()
        factsheet.prune(Layout(root).cache, list(sheets.values()))
        files.update({factsheet.path(lang): pdf for lang, pdf in sheets.items()})
        for entry, key, form, lang in sizes:
            entry[key] = form.format(size=factsheet.size_label(sheets[lang]))

    return Kit(pages=pages, files=files, plugin_data=plugin_data, context=context, finish=finish, waiting=waiting,
               sheets={factsheet.path(lang) for lang in sources})
