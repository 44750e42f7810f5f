"""`python -m generator publish`: build/docs into site/ with MkDocs, each language in its own process.

mkdocs-static-i18n builds the languages one after another; here they run side by side
(at 1000 items on 2 cores, about two thirds of the one-process time). Each process builds
into its own folder under build/site-parts/; the default language's folder becomes the
site and the others' language folders (zh/, zh-hant/) move into it. Their pages are byte
for byte what the one-process build makes (hooks/language_build.py). The sitemap is
then written for every language, Pagefind indexes the whole site, and only then does
the result replace site/: a failure anywhere leaves the published site as it was.
"""
from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from ..core.paths import Layout
from ..core.site_config import site_names
from ..pages.render import render
from . import search
from .languages import BUILT


class PublishError(Exception):
    """A language's build or the search index failed; site/ is untouched."""


def publish(root: Path, site: Path) -> dict[str, float]:
    """Build the site of `root` (build/docs must be generated) into `site`; seconds per stage."""
    docs = Layout(root).built_docs
    if not docs.is_dir():
        raise PublishError(f"{Layout(root).show(docs)}/ does not exist: generate it first (python -m generator build)")
    codes = list(site_names(root))  # every language of mkdocs.yml, in its order
    parts = root / "build" / "site-parts"
    shutil.rmtree(parts, ignore_errors=True)
    seconds: dict[str, float] = {}
    start = time.perf_counter()
    logs = _build_languages(root, parts, codes)
    seconds["languages"] = time.perf_counter() - start

    start = time.perf_counter()
    merged = _merge(parts, codes)
    seconds["merge"] = time.perf_counter() - start
    start = time.perf_counter()
    try:
        search.index(merged, len(codes))
    except search.SearchError as err:
        raise PublishError(str(err)) from None
    seconds["search index"] = time.perf_counter() - start

    old = site.with_name(site.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        site.rename(old)
    shutil.move(merged, site)  # a rename, unless site/ is on another file system
    shutil.rmtree(old, ignore_errors=True)
    shutil.rmtree(parts, ignore_errors=True)
    for log in logs.values():
        sys.stderr.write(_messages(log))
    return seconds


def _build_languages(root: Path, parts: Path, codes: list[str]) -> dict[str, str]:
    """Run every language's `mkdocs build --strict` at once; their logs, or PublishError with the failed ones'."""
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml")]
    runs = {}
    for code in codes:
        env = dict(os.environ, PORTAL_BUILD_LANGUAGE=code, NO_MKDOCS_2_WARNING="1")
        runs[code] = subprocess.Popen([*mkdocs, "--site-dir", str(parts / code)], cwd=root, env=env,
                                      stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    logs = {code: run.communicate()[0] for code, run in runs.items()}
    failed = [code for code, run in runs.items() if run.returncode != 0]
    if failed:
        raise PublishError("\n".join(f"{_messages(logs[code]).rstrip()}\nthe '{code}' build failed (messages above)"
                                     for code in failed))
    return logs


def _messages(log: str) -> str:
    """A build's log without its INFO entries (each language's would repeat the others')."""
    kept, info = [], False
    for line in log.splitlines(keepends=True):
        if not line[:1].isspace():
            info = line.startswith("INFO")
        if not info:
            kept.append(line)
    return "".join(kept)


def _merge(parts: Path, codes: list[str]) -> Path:
    """The default language's build, with every other language's folder moved in and the sitemap of all."""
    built = {code: _built(parts / code) for code in codes}  # what each build says it made
    default = next(code for code in codes if built[code]["folder"] == "")
    merged = parts / "site"
    (parts / default).rename(merged)
    for code in codes:
        if code == default:
            continue
        folder = built[code]["folder"]
        if (merged / folder).exists():
            raise PublishError(f"the '{default}' build wrote {folder}, the '{code}' language's folder")
        (parts / code / folder).rename(merged / folder)
    entries = [entry for code in codes for entry in built[code]["sitemap"]]
    # Shared files (theme assets, data, downloads) came with the default language's build; the
    # other builds' copies, and their 404 pages (GitHub Pages serves one, at the root), are dropped
    xml = render("sitemap.xml.j2", entries=entries)
    (merged / "sitemap.xml").write_text(xml, encoding="utf-8")
    day = max((e["lastmod"] for e in entries if e["lastmod"]), default=None)
    stamp = dt.datetime.fromisoformat(day).replace(tzinfo=dt.timezone.utc).timestamp() if day else None
    with gzip.GzipFile(merged / "sitemap.xml.gz", "wb", mtime=stamp) as packed:
        packed.write(xml.encode("utf-8"))
    return merged


def _built(folder: Path) -> dict:
    """What a language's build left for the merge (hooks/language_build.py): its folder and sitemap entries."""
    path = folder / BUILT
    report = json.loads(path.read_text(encoding="utf-8"))
    path.unlink()
    return report
