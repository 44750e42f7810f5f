"""Values the generator reads from mkdocs.yml, so each is set in one place."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml


class _Loader(yaml.SafeLoader):
    """mkdocs.yml with its !!python/name tags (Material's emoji settings) and !ENV values
    (set per build process) read as None."""


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_Loader.add_constructor("!ENV", lambda loader, node: None)


def _config(path: Path) -> dict:
    # Keyed by the text: a long-lived process (the preview) sees an edited mkdocs.yml
    return _parsed(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=4)
def _parsed(text: str) -> dict:
    return yaml.load(text, Loader=_Loader)


def site_url(root: Path) -> str:
    """`site_url`, ending with '/'."""
    url = _config(root / "mkdocs.yml")["site_url"]
    return url if url.endswith("/") else url + "/"


def site_names(root: Path) -> dict[str, str]:
    """Site name per language: `site_name`, and each i18n language's own `site_name`."""
    config = _config(root / "mkdocs.yml")
    names = {}
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            for language in plugin["i18n"]["languages"]:
                names[language["locale"]] = language.get("site_name", config["site_name"])
    return names or {"en": config["site_name"]}


# The snippets an editor's page may include (`--8<-- "NAME"`, pymdownx.snippets): the glossary
# tooltips the generator writes into build/plugin-data, for English and Simplified pages and for
# hand-written Traditional ones (EDITING.md). Any other name stops the build with a traceback
# from MkDocs, so the editors' check refuses it first (read/editor_pages.py)
SNIPPETS = ("abbreviations.md", "abbreviations.zh-hant.md")

# Left out when `check` renders editor Markdown: snippets reads build/plugin-data (not there
# before the first build), emoji's settings are Python names; neither writes an editor's HTML
_NOT_FOR_CHECK = ("pymdownx.snippets", "pymdownx.emoji")


def markdown_extensions(root: Path) -> tuple[str, ...]:
    """The Markdown extensions of mkdocs.yml, by name, that `check` renders editor pages with."""
    names = [next(iter(e)) if isinstance(e, dict) else e for e in _config(root / "mkdocs.yml").get("markdown_extensions", [])]
    builtin = ["toc", "tables", "fenced_code"]  # MkDocs adds these to every site's list
    return tuple(dict.fromkeys(n for n in builtin + names if n not in _NOT_FOR_CHECK))


def extra_css(root: Path) -> set[str]:
    """The site's own stylesheets in docs/ (mkdocs.yml `extra_css`)."""
    return set(_config(root / "mkdocs.yml").get("extra_css", []))


def cms_settings(root: Path) -> dict:
    """`extra: cms:` of mkdocs.yml: the GitHub repository and OAuth endpoint of the CMS at /admin/."""
    return dict((_config(root / "mkdocs.yml").get("extra") or {}).get("cms") or {})
