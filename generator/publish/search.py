"""The search index: Pagefind over the whole built site, once every language is in it.

Pagefind replaces Material's search plugin: nothing of the index is downloaded on
page load, every page is indexed whole, and each `<html lang>` gets its own index
(Chinese segmented at index time). Pages opt in with `data-pagefind-body`
(overrides/main.html, overrides/home.html), so the 404 page and chrome stay out.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from ..core.lock import held

# Inside an indexed article, the heading permalinks (¶) are chrome
EXCLUDE_SELECTORS = ".headerlink"


class SearchError(Exception):
    pass


def index(site: Path, languages: int) -> None:
    """Index `site` (its pagefind/ folder is replaced): one index for each of its `languages`."""
    shutil.rmtree(site / "pagefind", ignore_errors=True)
    command = [sys.executable, "-m", "pagefind", "--site", str(site),
               "--exclude-selectors", EXCLUDE_SELECTORS, "--silent"]
    run = subprocess.run(command, capture_output=True, text=True, pass_fds=held())  # holds the build lock too
    if run.returncode != 0:
        raise SearchError(f"Pagefind failed ({run.returncode}): {run.stderr.strip() or run.stdout.strip()}")
    indexed = sorted(p.name.split("_")[0].removeprefix("pagefind.")
                     for p in (site / "pagefind").glob("pagefind.*.pf_meta"))
    if len(indexed) < languages:
        raise SearchError(f"Pagefind built {len(indexed)} index(es) ({', '.join(indexed)}) for {languages} "
                          "languages: check that pages carry data-pagefind-body and <html lang>")
