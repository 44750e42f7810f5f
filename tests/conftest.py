"""Shared fixtures: the real seeds, and one real bilingual build in a temporary copy of the project."""
from __future__ import annotations

import contextlib
import fcntl
import gzip
import io
import json
import os
import shutil
import subprocess
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.core import paths

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
# The fact sheets drawn so far in this test run, shared by every worker (WeasyPrint takes seconds
# per sheet): build/cache/ is keyed by each sheet's HTML, so a copy of the project starts with
# them and draws only the sheets its own changes make new. A test of the drawing itself removes
# its build/cache/ first (test_kit_sheets, test_setup).
_SHEETS: Path | None = None
# The theme's compiled templates (hooks/compiled_templates.py), shared the same way: each is used
# only while its template's source is unchanged, and written by a rename
_TEMPLATES: Path | None = None


def copy_project(dest: Path) -> Path:
    root = paths.copy_project(ROOT, dest)
    cache = paths.Layout(root).cache
    if _SHEETS is not None and any(_SHEETS.glob("*.pdf")):
        cache.mkdir(parents=True, exist_ok=True)
        for sheet in _SHEETS.glob("*.pdf"):
            os.link(sheet, cache / sheet.name)
    if _TEMPLATES is not None:
        cache.mkdir(parents=True, exist_ok=True)
        (cache / "templates").symlink_to(_TEMPLATES, target_is_directory=True)
    return root


def _keep_sheets(root: Path) -> None:
    """Share the sheets a build drew (hard links: the build replaces, never rewrites, a file)."""
    if _SHEETS is None:
        return
    for sheet in (root / "build" / "cache").glob("*.pdf"):
        if not (_SHEETS / sheet.name).exists():
            part = _SHEETS / f".{sheet.name}.{os.getpid()}"
            os.link(sheet, part)
            part.replace(_SHEETS / sheet.name)


def run_generator(root: Path, *args: str) -> subprocess.CompletedProcess:
    """`python -m generator --root ROOT ARGS`: its exit code and what it printed. Publishing runs as
    its own process (it starts MkDocs and Pagefind, and holds the build lock across them); every
    other command runs the same `main()` in this process, which saves the interpreter's start and
    the imports (the tests run the generator a few hundred times). An exception that escapes
    `main()` is printed as the interpreter would, a traceback and exit code 1."""
    argv = ["--root", str(root), *args]
    if "publish" in args or "--publish" in args:
        run = subprocess.run([sys.executable, "-m", "generator", *argv], cwd=ROOT, capture_output=True, text=True)
    else:
        run = _main_here(argv)
    if run.returncode == 0:
        _keep_sheets(root)
    return run


def _main_here(argv: list[str]) -> subprocess.CompletedProcess:
    from generator.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as end:  # argparse's usage errors
            code = end.code if isinstance(end.code, int) else 1
        except Exception:
            traceback.print_exc()
            code = 1
    return subprocess.CompletedProcess(["generator", *argv], code, out.getvalue(), err.getvalue())


def shared_folder(tmp_path_factory) -> Path:
    """A folder every pytest-xdist worker of this run shares (their temporary folders' parent)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextlib.contextmanager
def once(tmp_path_factory, name: str):
    """(folder, made): `name`'s folder, shared by the workers; made is True when another worker (or
    an earlier use) finished making it. The first worker makes it while the others wait."""
    folder = shared_folder(tmp_path_factory) / name
    with open(shared_folder(tmp_path_factory) / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = folder / ".made"
        yield folder, done.exists()
        done.parent.mkdir(parents=True, exist_ok=True)
        done.touch()


@pytest.fixture(scope="session", autouse=True)
def _shared_sheets(tmp_path_factory):
    global _SHEETS, _TEMPLATES
    _SHEETS = shared_folder(tmp_path_factory) / "factsheets"
    _SHEETS.mkdir(exist_ok=True)
    _TEMPLATES = shared_folder(tmp_path_factory) / "templates"
    _TEMPLATES.mkdir(exist_ok=True)


# The tests that take longest (tens of seconds each: publishes, previews, browsers), started
# first. `make test` hands each worker the next test as it finishes one (`--dist load`), so the
# long ones run side by side from the start and no worker is left with one alone at the end.
LONGEST = (
    "test_cms.py::", "test_browser_light.py::test_no_page_", "test_publish_safety.py::test_a_kill",
    "test_news_archive.py::", "test_serve.py::", "test_escaping.py::test_hostile_text_anywhere",
    "test_publish_safety.py::test_the_preview", "test_cms_workflow.py::", "test_kit_sheets.py::test_kit_output",
    "test_browser_light.py::test_every_page_type", "test_publish_safety.py::test_two_builds", "test_publish.py::",
    "test_traditional.py::test_editor_override", "test_quality.py::test_html_is_valid",
)


@pytest.hookimpl(trylast=True)  # after pytest's own grouping by fixture scope
def pytest_collection_modifyitems(items):
    def rank(item) -> int:
        return next((n for n, part in enumerate(LONGEST) if part in item.nodeid), len(LONGEST))
    items.sort(key=rank)  # stable: the rest keep their order


@dataclass
class Built:
    root: Path
    site: Path
    log: str


def build_site(root: Path) -> Built:
    """What `make build` runs: the generator, then every language's MkDocs build, merged and indexed."""
    run = run_generator(root, "build", "--publish")
    assert run.returncode == 0, run.stderr
    return Built(root=root, site=root / "site", log=run.stderr + run.stdout)


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Built:
    """One build of the project for the whole run, shared by the workers (tests only read it)."""
    with once(tmp_path_factory, "built") as (folder, made):
        if made:
            return Built(root=folder / "p", site=folder / "p" / "site", log=(folder / "log").read_text(encoding="utf-8"))
        result = build_site(copy_project(folder / "p"))
        (folder / "log").write_text(result.log, encoding="utf-8")
        return result


def seed(name_prefix: str) -> Path:
    return next(SEEDS.glob(f"{name_prefix}_*.txt"))


def bundles(site: Path) -> list[Path]:
    """Every language's Pagefind bundle: pagefind/ at the root (English), zh/pagefind/, zh-hant/pagefind/."""
    return [site / "pagefind", *sorted(p.parent for p in site.glob("*/pagefind/pagefind-entry.json"))]


def indexed_pages(site: Path) -> dict[str, dict]:
    """What Pagefind indexed, by URL: {language, title, content}, from every language's bundle.

    Each page is one gzipped fragment, `pagefind_dcd` + JSON, named by language; Chinese
    content carries the index's word breaks as U+200B, removed here.
    """
    pages = {}
    for path in (p for bundle in bundles(site) for p in (bundle / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        fragment = json.loads(data[data.index(b"{"):])
        pages[fragment["url"]] = {"language": path.name.split("_")[0], "title": fragment["meta"].get("title", ""),
                                  "content": fragment["content"].replace("\u200b", "")}
    return pages


@pytest.fixture(scope="session")
def generated():
    """The generator's output for the project itself, in memory (tests only read it)."""
    from generator.pipeline import generate
    return generate(paths.Layout(ROOT))


@pytest.fixture(scope="session")
def pristine(tmp_path_factory):
    """The project, copied and generated once: the bad-input tests start from copies of it."""
    with once(tmp_path_factory, "pristine") as (folder, made):
        if not made:
            assert run_generator(copy_project(folder / "p"), "build").returncode == 0
        return folder / "p"


@pytest.fixture
def project(tmp_path, pristine):
    """A built copy of the project of its own (copied from one built once: the build is the slow part)."""
    return Path(shutil.copytree(pristine, tmp_path / "p", symlinks=True))


@pytest.fixture(scope="session")
def chromium(built):
    """The built site served under /portal/, as published (Pagefind's paths must hold under a
    sub-path), and one Chromium for every browser test of a worker: (base address, browser).
    Each test opens its own tabs or contexts."""
    from browser import browser, serve

    with serve(built.site, mount="portal") as base, browser() as chromium:
        yield base, chromium


@pytest.fixture(scope="module")
def page(chromium):
    """One tab for a module's search tests: (base address, tab)."""
    base, browser_ = chromium
    tab = browser_.new_page()
    yield base, tab
    tab.close()
