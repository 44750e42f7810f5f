"""Generator stage: schema.org JSON-LD for search engines, per page of every language.

NewsArticle on news pages, GovernmentOrganization with its ContactPoint on the
contact page, Dataset (the open data) on the key-figures page. Written as
build/plugin-data/structured-data.json, keyed by the page's file in the docs
tree; hooks/structured_data.py puts each page's objects in its <head>.
Only what the seeds and catalogue hold is said: no licence, no guessed fields.
"""
from __future__ import annotations

import json
from collections.abc import Callable

from ..core.paths import lang_path, source_path
from ..pages.contacts import tel_uri
from ..pages.traditional import LANG as HANT
from ..read.catalogue import Catalogue, Office
from ..read.schema import LANGS, NewsMeta
from .common import lang_root, words

CONTEXT = "https://schema.org"


def _publisher(site_url: str, lang: str, site_names: dict[str, str]) -> dict:
    return {"@type": "Organization", "name": site_names[lang], "url": site_url + lang_root(lang)}


def news_article(meta: NewsMeta, site_url: str, site_names: dict[str, str]) -> dict:
    """The portal's page, which republishes a post: the portal is its publisher; the date and the
    publisher named in the source line belong to the original post (`isBasedOn`), never to the portal's
    page, whose own publication day the seeds do not give."""
    url = f"{site_url}{lang_root(meta.lang)}news/{meta.slug}/"
    article = {
        "@context": CONTEXT, "@type": "NewsArticle", "@id": url, "url": url, "mainEntityOfPage": url,
        "headline": meta.title, "inLanguage": words(meta.lang)["bcp47"],
        "publisher": _publisher(site_url, meta.lang, site_names),
    }
    if meta.summary:
        article["description"] = meta.summary
    if meta.seed:
        original: dict = {"@type": "Article"}
        if meta.source:  # the account the source line names published the original
            original["publisher"] = {"@type": "Organization", "name": meta.source}
        original["datePublished"] = (meta.source_published or meta.date).isoformat()
        # The raw post (the blog's copy), published beside the site as sources/<file>
        original["archivedAt"] = site_url + source_path(meta.seed)
        article["isBasedOn"] = original
    if meta.origin == "translated":
        article["translationOfWork"] = {"@id": f"{site_url}news/{meta.slug}/"}
    return article


def organization(office: Office, lang: str, site: str | None = None) -> dict:
    c = office.contact
    point = {"@type": "ContactPoint", "contactType": words(site or lang)["contact_type"]}
    org = {"@type": "GovernmentOrganization", "name": office.name(lang)}
    if lang != "en" and office.zh_name_is_translation:  # the seed names it in English only
        org.update(name=office.name("en"), alternateName=office.name(lang))
    if c.tel:
        point["telephone"] = org["telephone"] = tel_uri(c.tel)
    if c.fax:
        point["faxNumber"] = org["faxNumber"] = tel_uri(c.fax)
    if c.email:
        point["email"] = org["email"] = c.email
    if c.website:
        org["url"] = c.website
    if c.address:  # as the seed writes it, in English
        org["address"] = {"@type": "PostalAddress", "streetAddress": c.address, "addressCountry": "CN"}
    org["contactPoint"] = point
    return org


def dataset(cat: Catalogue, site_url: str, lang: str, site_names: dict[str, str], tables: tuple[str, ...],
            site: str | None = None) -> dict:
    """The open data, described on the figures page of `site` (the catalogue's text in `lang`)."""
    site = site or lang
    w = words(site)
    start = min(f.period.start for f in cat.figures)
    end = max(f.period.end for f in cat.figures)
    coverage = f"{start // 12:04d}-{start % 12 + 1:02d}/{end // 12:04d}-{end % 12 + 1:02d}"
    formats = (("csv", "text/csv"), ("json", "application/json"))
    return {
        "@context": CONTEXT, "@type": "Dataset",
        "@id": f"{site_url}{lang_root(site)}figures/#open-data",
        "name": w["dataset_name"], "description": w["dataset_description"],
        "url": f"{site_url}{lang_root(site)}figures/", "inLanguage": [words(x)["bcp47"] for x in LANGS],
        "temporalCoverage": coverage,
        "spatialCoverage": {"@type": "Place", "name": w["dataset_place"]},
        "creator": _publisher(site_url, site, site_names),
        "variableMeasured": sorted({f.label(lang) for f in cat.figures}),
        "distribution": [{"@type": "DataDownload", "name": f"{table}.{ext}", "encodingFormat": mime,
                          "contentUrl": f"{site_url}data/{table}.{ext}"}
                         for table in tables for ext, mime in formats],
    }


def structured_data(cat: Catalogue, metas: list[NewsMeta], site_url: str, site_names: dict[str, str],
                    tables: tuple[str, ...], to_traditional: Callable[[str], str]) -> dict[str, list[dict]]:
    """{docs path: [JSON-LD objects]} for every page that has some (`metas`: news of every site)."""
    data: dict[str, list[dict]] = {}
    for meta in metas:
        if meta.origin != "missing":  # a notice that the Chinese text is missing is not an article
            data.setdefault(lang_path(f"news/{meta.slug}.md", meta.lang), []).append(
                news_article(meta, site_url, site_names))
    offices = [o for o in cat.offices if o.contact]
    for site in [*LANGS, *([HANT] if HANT in site_names else [])]:
        lang = "zh" if site == HANT else site  # the Traditional objects are the Simplified ones, converted
        found = {"figures/index.md": [dataset(cat, site_url, lang, site_names, tables, site)]}
        if offices:
            found["contact/index.md"] = [{"@context": CONTEXT, "@graph": [organization(o, lang, site) for o in offices]}]
        for path, objects in found.items():
            data[lang_path(path, site)] = objects if site != HANT else \
                [json.loads(to_traditional(json.dumps(o, ensure_ascii=False))) for o in objects]
    return data


def script_text(obj: dict) -> str:
    """JSON for a <script> element: '<' escaped so no text can close the element."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def plugin_text(data: dict[str, list[dict]]) -> str:
    """build/plugin-data/structured-data.json (hooks/structured_data.py reads it)."""
    return json.dumps({k: [script_text(o) for o in v] for k, v in sorted(data.items())}, ensure_ascii=False, indent=0)


