"""Publishing under hostile conditions: a kill mid-publish, two builds at once, an unwritable
target, and the preview beside a build (generator/core/lock.py, generator/publish/build.py)."""
from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, build_site, copy_project, run_generator
from test_serve import fetch, free_port, stop, wait_for

WHOLE = ("index.html", "zh/index.html", "zh-hant/index.html", "404.html", "sitemap.xml",
         "assets/stylesheets/portal.css", "pagefind/pagefind-entry.json", "pagefind/pagefind-ui.js",
         "zh/pagefind/pagefind-entry.json", "zh-hant/pagefind/t2s.json")


def assert_whole(site: Path) -> None:
    missing = [name for name in WHOLE if not (site / name).is_file()]
    assert not missing, f"site/ lacks {missing}"
    assert list((site / "assets" / "javascripts").glob("bundle.*.js")), "site/ lacks Material's scripts"


def assert_no_leftovers(root: Path) -> None:
    assert not [p.name for p in (root / "site.old", root / ".site.publishing", root / "build" / "site-parts")
                if p.exists()]
    # nor a language's search index copy, in memory or beside its build (a killed run's goes with the next)
    from generator.publish.search import _copy_places
    assert not [p for code in ("en", "zh", "zh-hant") for p in _copy_places(root / ".site.publishing" / code)
                if p.exists()]


def generator(root: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "generator", "--root", str(root), *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def mark(root: Path, n: int) -> None:
    """A page that says which build published the site."""
    (root / "docs" / "round.md").write_text(f"---\ntitle: Round\n---\n\n# Round\n\nroundmarker{n}\n", encoding="utf-8")


def published_round(site: Path) -> int:
    return int(re.search(r"roundmarker(\d+)", (site / "round" / "index.html").read_text(encoding="utf-8")).group(1))


def test_a_kill_during_publish_leaves_the_old_or_the_new_site_whole(tmp_path):
    root = copy_project(tmp_path / "p")
    mark(root, 0)
    first = build_site(root)
    publish_seconds = sum(float(s) for s in re.findall(r"([\d.]+) s", first.log.split("publish:", 1)[1]))
    chance, published = random.Random(), 0
    for n in range(1, 5):  # bounded: four kills, each at a random moment of the publish stage
        mark(root, n)
        run = generator(root, "build", "--publish")
        assert run.stdout.readline().startswith("generator: ")  # generated (under the lock): publishing now
        delay = chance.uniform(0, publish_seconds * 1.2)
        time.sleep(delay)
        run.send_signal(signal.SIGKILL)  # its MkDocs and index processes end with it (Linux), holding the lock until then
        run.communicate()
        assert_whole(root / "site")
        now = published_round(root / "site")
        assert now in (published, n), f"killed {delay:.2f} s into publishing"
        published = now
    mark(root, 9)
    after = generator(root, "build", "--publish")
    out, err = after.communicate(timeout=120)
    assert after.returncode == 0, err
    assert_whole(root / "site")
    assert published_round(root / "site") == 9
    assert_no_leftovers(root)


def test_two_builds_at_once_both_succeed_and_the_second_waits(tmp_path):
    root = copy_project(tmp_path / "p")
    runs = [generator(root, "build", "--publish") for _ in range(2)]
    outputs = [run.communicate(timeout=180) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    waited = [err for _, err in outputs if "waiting for another build of this project to finish" in err]
    assert len(waited) == 1, outputs
    assert "Traceback" not in "".join(err for _, err in outputs)
    assert_whole(root / "site")
    assert_no_leftovers(root)


def _read_only(folder: Path):
    """Make `folder` read-only: its mode, or for root (whom modes do not stop) a read-only mount."""
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o555)
        return lambda: folder.chmod(0o755)
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(folder)],
                      capture_output=True).returncode != 0:
        pytest.skip("running as root without the right to mount a read-only file system")
    return lambda: subprocess.run(["umount", str(folder)], check=True)


def _full_disk(folder: Path):
    folder.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)],
                      capture_output=True).returncode != 0:
        pytest.skip("no right to mount a small file system")
    return lambda: subprocess.run(["umount", str(folder)], check=True)


@pytest.mark.parametrize("case", ["parent is a file", "site is a file", "read-only parent", "full disk"])
def test_an_unwritable_target_is_one_line_naming_it_and_leaves_nothing(project, case):
    target, undo = project / "target", lambda: None
    if case == "parent is a file":
        target.write_text("not a folder")
    elif case == "site is a file":
        target.mkdir()
        (target / "site").write_text("not a folder")
    elif case == "read-only parent":
        undo = _read_only(target)
    else:
        undo = _full_disk(target)
    try:
        run = run_generator(project, "publish", "--site-dir", str(target / "site"))
        assert run.returncode == 1
        assert "Traceback" not in run.stderr
        line = run.stderr.strip()
        assert "\n" not in line and line.startswith("publish: target") and "Fix: " in line, run.stderr
        assert not (project / "build" / "site-parts").exists()
        if target.is_dir():
            assert not (target / ".site.publishing").exists()
            assert not (target / "site").is_dir()
    finally:
        undo()


DRAFT = """---
title: Preview only draft
date: 2024-06-06
draft: true
---

Not for the public: numbatdraft.
"""


def test_the_preview_regenerates_drafts_into_its_own_folder_only(tmp_path):
    root = copy_project(tmp_path / "p")
    assert run_generator(root, "build", "--drafts").returncode == 0  # as make serve starts
    port = free_port()
    log = open(tmp_path / "serve.log", "w")
    serve = subprocess.Popen([str(Path(sys.executable).with_name("mkdocs")), "serve", "--dirty", "-a",
                              f"127.0.0.1:{port}", "-f", str(root / "mkdocs.serve.yml")], cwd=root,
                             stdout=log, stderr=subprocess.STDOUT, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    base = f"http://127.0.0.1:{port}/portal/"
    try:
        assert wait_for(lambda: fetch(base + "news/"), 60), (tmp_path / "serve.log").read_text()
        (root / "docs" / "news" / "preview-only-draft.md").write_text(DRAFT, encoding="utf-8")  # saved while serving
        assert wait_for(lambda: "numbatdraft" in fetch(base + "news/preview-only-draft/"), 60), \
            (tmp_path / "serve.log").read_text()[-3000:]
    finally:
        stop(serve)
        log.close()
    assert (root / "build" / "preview" / "docs" / "news" / "preview-only-draft.md").is_file()
    assert not (root / "build" / "docs" / "news" / "preview-only-draft.md").exists()
    # and a build now publishes no draft
    assert run_generator(root, "build", "--publish").returncode == 0
    assert not (root / "site" / "news" / "preview-only-draft").exists()
    assert not [p for p in (root / "site").rglob("*.html") if "numbatdraft" in p.read_text(encoding="utf-8")]


def test_a_publishing_child_ends_when_its_build_is_killed(tmp_path):
    """core/lock.py end_with_build: a child started as the publish step starts its MkDocs and index
    processes (child_environment) ends when the build is killed, instead of running on."""
    child = ("import sys, time; sys.path.insert(0, sys.argv[1]); from generator.core.lock import end_with_build; "
             "end_with_build(); print('ready', flush=True); time.sleep(60)")
    build = ("import subprocess, sys; from generator.core.lock import child_environment; "
             f"c = subprocess.Popen([sys.executable, '-c', {child!r}, sys.argv[1]], env=child_environment()); "
             "print(c.pid, flush=True); c.wait()")
    parent = subprocess.Popen([sys.executable, "-c", build, str(ROOT)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    pid = int(parent.stdout.readline())
    assert parent.stdout.readline().strip() == "ready"  # prctl set: the child's line is the parent's stdout
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    assert wait_for(lambda: not Path(f"/proc/{pid}/cmdline").exists() or not Path(f"/proc/{pid}/cmdline").read_bytes(), 5), \
        "the child ran on after its build was killed"
