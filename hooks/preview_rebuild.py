"""MkDocs hook (mkdocs.serve.yml only): what the preview's dirty rebuilds need not redo.

`mkdocs serve` builds a language again after every edit, the theme's static pages too:
404.html and the sitemap were rendered again (the 404 page with the whole navigation). The
first build writes them, and a rebuild, which never empties the site, leaves them there. (The
theme's templates stay compiled between builds through hooks/compiled_templates.py.)
"""
from __future__ import annotations

_built: set[str] = set()  # the languages built once already (the first build writes every page)
# Static pages a rebuild leaves as the first build wrote them (MkDocs' and Material's own)
FIRST_BUILD_ONLY = {"404.html", "sitemap.xml", "sitemap.xml.gz"}


def _language(config) -> str:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return ""
    # mkdocs-static-i18n names the default language's build in its own on_config, after this
    # hook's (and after every rebuild's new plugin): until then it is None
    return i18n.current_language or i18n.default_language


def on_config(config):
    if _language(config) in _built:
        config.theme.static_templates -= FIRST_BUILD_ONLY
    return config


def on_post_build(config):
    _built.add(_language(config))
