"""MkDocs hook (mkdocs.serve.yml only): what the preview's dirty rebuilds need not redo.

`mkdocs serve` builds each language again after every edit, each time with a new theme
environment and the theme's static pages (bench/README.md, "Where the targets stand"):

- 404.html and the sitemap were rendered again (the 404 page with the whole navigation): the
  first build writes them, and a rebuild, which never empties the site, leaves them there.
"""
from __future__ import annotations

_built: set[str] = set()  # the languages built once already (the first build writes every page)
# Static pages a rebuild leaves as the first build wrote them (MkDocs' and Material's own)
FIRST_BUILD_ONLY = {"404.html", "sitemap.xml", "sitemap.xml.gz"}


def on_config(config):
    i18n = config.plugins.get("i18n")
    language = getattr(i18n, "current_language", None) or ""
    if language in _built:
        config.theme.static_templates -= FIRST_BUILD_ONLY
    return config


def on_post_build(config):
    i18n = config.plugins.get("i18n")
    _built.add(getattr(i18n, "current_language", None) or "")
