"""`python -m generator publish`: build/docs into site/ with MkDocs, each language in its own process.

mkdocs-static-i18n builds the languages one after another; here they run side by side
(at 1000 items on 2 cores, about two thirds of the one-process time). Each process builds
into its own folder in a staging folder beside site/ (`.site.publishing/`: on site/'s file
system even when build/ is elsewhere); the default language's folder becomes the site and
the others' language folders (zh/, zh-hant/) move into it. Their pages are byte for byte
what the one-process build makes (hooks/language_build.py). As soon as a language is built,
its search index is made (search.py, in a process of its own: a Pagefind bundle in the
language's folder) while the other languages still build, no more at once than there are
cores (`_schedule`). The sitemap is then written for every language, and only then is the
result swapped with
site/ in one atomic step (renameat2 RENAME_EXCHANGE): a failure or a kill anywhere leaves
either the old site or the new one, complete. The staging folder (failed parts, or the old
site after the swap) is removed at the end, and by the next publish if this one was killed.
"""
from __future__ import annotations

import ctypes
import datetime as dt
import errno
import gzip
import heapq
import json
import os
import queue
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from ..core.beside import usable_cores
from ..core.errors import show_path
from ..core.lock import child_environment, held
from ..core.paths import Layout, files_in
from ..core.site_config import site_names, site_url
from ..pages.render import render
from . import admin, forked
from .languages import BUILT, split


class PublishError(Exception):
    """A language's build, its search index or the target failed; site/ is untouched."""


PAGES = "sitemap-pages.xml"  # the one list of every page of every language


def publish(root: Path, site: Path) -> dict[str, float]:
    """Build the site of `root` (build/docs must be generated) into `site`; seconds per stage.

    Raises PublishError, or OSError (a read-only or full disk: site/ is then as it was)."""
    docs = Layout(root).built_docs
    if not docs.is_dir():
        raise PublishError(f"{Layout(root).show(docs)}/ does not exist: generate it first (python -m generator build)")
    codes = list(site_names(root))  # every language of mkdocs.yml, in its order
    staging = site.with_name(f".{site.name}.publishing")
    _recover(root, site, staging)
    if site.exists() and not site.is_dir():
        raise PublishError(f"{show_path(site, root)}: not a folder. Fix: move it away, or publish elsewhere (--site-dir)")
    try:
        try:
            staging.mkdir(parents=True)
        except OSError as err:  # name the folder that must be writable, not the staging folder in it
            raise OSError(err.errno, err.strerror, str(site.parent)) from None
        seconds: dict[str, float] = {}
        logs, seconds["languages"], seconds["search index"] = _build_languages(root, staging, codes)
        start = time.perf_counter()
        merged = _merge(staging, codes, site_url(root))
        try:  # the editors' CMS: static files, after the MkDocs builds and their search indexes
            admin.install(merged, Layout(root).plugin_data / admin.CONFIG, root)
        except admin.InstallError as err:
            raise PublishError(f"/admin/: {err}") from None
        seconds["merge"] = time.perf_counter() - start
        _swap(merged, site)
    finally:
        try:
            _remove(staging)  # the failed parts, or the old site after the swap
        except OSError:
            pass  # the next publish removes it, or says why it cannot (_recover)
    for log in logs.values():
        sys.stderr.write(_messages(log))
    return seconds


def _recover(root: Path, site: Path, staging: Path) -> None:
    """Undo what a killed publish left (the caller holds the build lock, so none is running)."""
    # The two-rename swap (older builds, and _swap where the exchange is not supported) moved
    # site/ to site.old/ first: killed between the renames, site/ is missing and site.old/ whole
    old = site.with_name(site.name + ".old")
    if old.is_dir() and not site.exists():
        old.rename(site)
    for leftover in (old, staging, root / "build" / "site-parts"):  # the last one: older builds' parts
        if leftover.exists():
            _remove(leftover)


def _remove(tree: Path) -> None:
    """Remove a tree of ours, even one made read-only (a site/ someone ran `chmod -R a-w` on)."""
    def writable(function, path, _):
        os.chmod(os.path.dirname(path), 0o700)
        function(path)
    if tree.exists():
        shutil.rmtree(tree, onerror=writable)


_RENAME_EXCHANGE = 2  # linux/fs.h
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2); False where the system cannot."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)  # glibc 2.28+
    if renameat2 is None:
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL):  # an old kernel, a file system without exchange
        return False
    raise OSError(code, os.strerror(code), str(b))


def _swap(new: Path, site: Path) -> None:
    """Put `new` at `site` atomically; the old site ends up at `new` (removed with the staging folder)."""
    if not site.exists() and not site.is_symlink():
        os.rename(new, site)
        return
    if not _exchange(new, site):
        old = site.with_name(site.name + ".old")
        site.rename(old)  # a kill here leaves site.old/, which the next publish restores (_recover)
        new.rename(site)
        old.rename(new)


def _build_languages(root: Path, parts: Path, codes: list[str]) -> tuple[dict[str, str], float, float]:
    """Run every language's `mkdocs build --strict`, and each language's search index as soon as
    that language is built, beside the others' builds: as many at once as there are cores, a
    waiting build before a waiting index. Their logs, the seconds until the last build ended and
    until the last index did; or PublishError with the failed ones' messages."""
    start = time.perf_counter()
    logs: dict[str, str] = {}
    problems: dict[str, str] = {}  # code -> the index's one line
    forked.prepare(root / "mkdocs.yml")
    # Forked here, before the threads below: they hold the build lock too. If this process is
    # killed, the next build waits until they have ended (on Linux they end with it:
    # core/lock.py end_with_build). Each waits, idle, until it is started
    builds = {code: forked.Build(["build", "--strict", "-f", str(root / "mkdocs.yml"), "--site-dir", str(parts / code)],
                                 root, child_environment(PORTAL_BUILD_LANGUAGE=code, NO_MKDOCS_2_WARNING="1"), held())
              for code in codes}

    def build(code: str) -> None:
        builds[code].start()
        logs[code], returncode = builds[code].wait()
        if returncode != 0:
            problems[code] = ""

    def index(code: str) -> None:
        folder = json.loads((parts / code / BUILT).read_text(encoding="utf-8"))["folder"]
        keep = [arg for fd in held() for arg in ("--keep-fd", str(fd))]
        indexer = subprocess.run([sys.executable, "-m", "generator.publish.search", str(parts / code), folder,
                                  "--root", str(root), *keep], cwd=root, capture_output=True, text=True,
                                 pass_fds=held(), env=child_environment())
        if indexer.returncode != 0:
            problems[code] = indexer.stderr.strip() or f"the '{code}' search index failed ({indexer.returncode})"

    try:
        # once a build or an index failed, the publish fails: no more indexes (each builds on)
        built = _schedule(codes, build, index, usable_cores(), lambda code: not problems,
                          _workload(Layout(root).built_docs, codes)) - start
    finally:
        for child in builds.values():  # those not started, after a failure
            child.cancel()
    indexed = time.perf_counter() - start
    failed = [code for code in codes if problems.get(code) == ""]
    for text in [logs[code] for code in failed] + [problems[c] for c in codes if problems.get(c)]:
        found = _OS_ERROR.findall(text)  # a full or read-only disk: one line naming the site's folder
        if found:
            number, message = found[-1]
            raise OSError(int(number), message, str(parts.parent))
    if failed:
        raise PublishError("\n".join(f"{_messages(logs[code]).rstrip()}\nthe '{code}' build failed (messages above)"
                                     for code in failed))
    if problems:
        raise PublishError("\n".join(problems[code] for code in codes if code in problems))
    return logs, built, indexed - built


_BUILD, _INDEX = 0, 1  # a waiting build goes first: each index waits for its build


def _schedule(codes: list[str], build, index, cores: int, indexed, workload: dict[str, int]) -> float:
    """Run `build(code)` for every language, then `index(code)` for each that `indexed(code)` after
    its build, at most `cores` at once, the language with most work first; the time (perf_counter)
    the last build ended. An exception of one is raised once none runs. Three builds sharing two
    cores ended together, and their indexes then ran after them, the last one alone on one core:
    here each job has a core, and the longest build and index start first."""
    waiting = [(_BUILD, -workload[code], code) for code in codes]
    heapq.heapify(waiting)
    ended: queue.SimpleQueue = queue.SimpleQueue()

    def run(job: tuple[int, int, str]) -> None:
        try:
            (build if job[0] == _BUILD else index)(job[2])
            ended.put((job, None))
        except BaseException as err:  # noqa: BLE001  raised again below, once no job runs
            ended.put((job, err))

    running, error, built = 0, None, time.perf_counter()
    while running or (waiting and error is None):
        while waiting and error is None and running < cores:
            threading.Thread(target=run, args=(heapq.heappop(waiting),)).start()
            running += 1
        (kind, rank, code), failure = ended.get()
        running -= 1
        error = error or failure
        if kind == _BUILD:
            built = time.perf_counter()
            if indexed(code):
                heapq.heappush(waiting, (_INDEX, rank, code))
    if error is not None:
        raise error
    return built


def _workload(docs: Path, codes: list[str]) -> dict[str, int]:
    """Each language's Markdown in bytes: what its build and its index cost grows with (a Chinese
    character, three bytes, costs both about three times what a Latin letter does). At 1000 items
    the three were within 3 % of each other, or the English twice the others when its items were
    twice as long (bench/README.md)."""
    found = dict.fromkeys(codes, 0)
    for path in files_in(docs, ".md"):
        code = split(path.name, set(codes))[1] or codes[0]  # x.md: the default language's, first in mkdocs.yml
        found[code] += path.stat().st_size
    return found


# How an OSError ends a Python traceback: "OSError: [Errno 28] No space left on device: 'path'"
_OS_ERROR = re.compile(r"^\w*Error: \[Errno (\d+)\] ([^:\n]+)", re.M)


def _messages(log: str) -> str:
    """A build's log without its INFO entries (each language's would repeat the others')."""
    kept, info = [], False
    for line in log.splitlines(keepends=True):
        if not line[:1].isspace():
            info = line.startswith("INFO")
        if not info:
            kept.append(line)
    return "".join(kept)


def _merge(parts: Path, codes: list[str], address: str) -> Path:
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
    # Every page with its alternates in one list; sitemap.xml at the root and in each language's
    # folder is an index naming it: Material's language look-up fetches sitemap.xml beside each
    # head alternate, the language roots (overrides/main.html), on every page view, and so gets
    # a few hundred bytes instead of the whole list
    xml = render("sitemap.xml.j2", entries=entries)
    (merged / PAGES).write_text(xml, encoding="utf-8")
    index = render("sitemap-index.xml.j2", sitemap=address + PAGES)
    day = max((e["lastmod"] for e in entries if e["lastmod"]), default=None)
    stamp = dt.datetime.fromisoformat(day).replace(tzinfo=dt.timezone.utc).timestamp() if day else None
    with gzip.GzipFile(merged / "sitemap.xml.gz", "wb", mtime=stamp) as packed:
        packed.write(index.encode("utf-8"))
    for code in codes:
        (merged / built[code]["folder"] / "sitemap.xml").write_text(index, encoding="utf-8")
    return merged


def _built(folder: Path) -> dict:
    """What a language's build left for the merge (hooks/language_build.py): its folder and sitemap entries."""
    path = folder / BUILT
    report = json.loads(path.read_text(encoding="utf-8"))
    path.unlink()
    return report
