"""MkDocs hook: index the built site with Pagefind, once, after every language is built.

Pagefind replaces Material's search plugin: nothing of the index is downloaded on
page load, every page is indexed whole, and each `<html lang>` gets its own index
(Chinese segmented at index time). Pages opt in with `data-pagefind-body`
(overrides/main.html, overrides/home.html), so the 404 page and chrome stay out.
"""
from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.pagefind")

# Inside an indexed article, the heading permalinks (¶) are chrome
EXCLUDE_SELECTORS = ".headerlink"


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built the other languages
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return  # an inner per-language build; the outer call indexes the whole site
    site = Path(config.site_dir)
    # Pagefind adds to its output folder: start clean so deleted pages leave the index
    shutil.rmtree(site / "pagefind", ignore_errors=True)
    command = [sys.executable, "-m", "pagefind", "--site", str(site),
               "--exclude-selectors", EXCLUDE_SELECTORS, "--silent"]
    run = subprocess.run(command, capture_output=True, text=True)
    if run.returncode != 0:
        raise PluginError(f"Pagefind failed ({run.returncode}): {run.stderr.strip() or run.stdout.strip()}")
    languages = sorted(p.name.split("_")[0].removeprefix("pagefind.")
                       for p in (site / "pagefind").glob("pagefind.*.pf_meta"))
    log.info(f"Pagefind indexed {', '.join(languages)}")
    built = _built_languages(config)
    if len(languages) < built:
        raise PluginError(f"Pagefind built {len(languages)} index(es) ({', '.join(languages)}) for {built} "
                          "languages: check that pages carry data-pagefind-body and <html lang>")


def _built_languages(config) -> int:
    i18n = config.plugins.get("i18n")
    return 1 if i18n is None else sum(1 for lang in i18n.config.languages if lang.build)
