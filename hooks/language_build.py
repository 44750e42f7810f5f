"""MkDocs hook: a build of one language, placed and linked as in the whole site.

`make build` runs one MkDocs process per language (generator/publish/build.py), each with
mkdocs-static-i18n's `build_only_locale`. The plugin then builds that language alone and
as if it were the default one: at the site's root, with no language switcher. Here its
pages and its own files move under the language's folder (/zh/), every page gets every
language's version of itself in the switcher and the hreflang links, and the folder and the
page list with those versions are left for the merge (one sitemap of all languages).
Without build_only_locale (`make serve`, a plain `mkdocs build`) the plugin builds every
language and this hook does nothing.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority
from mkdocs.structure.files import get_files

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from generator.core.lock import end_with_build  # noqa: E402
from generator.publish.languages import BUILT, Alternates, site_languages, split  # noqa: E402

_state: dict = {}


def on_config(config):
    _state.clear()
    i18n = config.plugins.get("i18n")
    if i18n is None or not i18n.config.build_only_locale:
        return
    end_with_build()  # one of `make build`'s processes: it ends if the build is killed
    languages = site_languages(i18n.config)
    _state.update(languages=languages, codes={lang.code for lang in languages}, sitemap=[],
                  language=next(lang for lang in languages if lang.code == i18n.config.build_only_locale))
    # Pages set their own below; the 404 page, built before them, links the home pages
    base = urlsplit(config.site_url or "/").path.rstrip("/")
    config.extra["alternate"] = [{"name": lang.name, "link": base + lang.link, "lang": lang.code}
                                 for lang in languages]


@event_priority(-110)  # after mkdocs-static-i18n (-100) has chosen this language's file of each page
def on_files(files, config):
    if not _state:
        return files
    every_page = [f.src_uri for f in get_files(config) if f.is_documentation_page()]
    _state["alternates"] = Alternates(_state["languages"], every_page, config.use_directory_urls)
    language = _state["language"]
    if language.prefix:
        docs = os.path.realpath(config.docs_dir)
        for file in files:
            ours = file.src_dir is not None and os.path.realpath(file.src_dir) == docs
            # pages and this language's own files (x.zh.svg); shared files stay at the root
            if ours and (file.is_documentation_page() or split(file.src_uri, _state["codes"])[1] == language.code):
                file.dest_uri = language.prefix + file.dest_uri
                file.url = language.prefix + ("" if file.url == "./" else file.url)
                file.abs_dest_path = os.path.normpath(os.path.join(config.site_dir, file.dest_uri))
    return files


def on_page_context(context, page, config, nav):
    if _state:
        norm = split(page.file.src_uri, _state["codes"])[0]
        config.extra["alternate"] = _state["alternates"].switcher(norm, config.site_url or "/")
        _state["sitemap"].append({
            "loc": page.canonical_url, "lastmod": page.update_date,
            "links": _state["alternates"].sitemap_links(norm, _state["language"].code, config.site_url or "/")})
    return context


def on_post_build(config):
    if _state:
        report = {"folder": _state["language"].prefix, "sitemap": _state["sitemap"]}
        (Path(config.site_dir) / BUILT).write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
