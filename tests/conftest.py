"""Shared fixtures: the real seeds, and one real bilingual build in a temporary copy of the project."""
from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.core import paths

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
def copy_project(dest: Path) -> Path:
    return paths.copy_project(ROOT, dest)


def run_generator(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "--root", str(root), *args],
                          cwd=ROOT, capture_output=True, text=True)


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
    return build_site(copy_project(tmp_path_factory.mktemp("project")))


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
def pristine(tmp_path_factory):
    """The project, copied and generated once: the bad-input tests start from copies of it."""
    root = copy_project(tmp_path_factory.mktemp("pristine") / "p")
    assert run_generator(root, "build").returncode == 0
    return root


@pytest.fixture
def project(tmp_path, pristine):
    """A built copy of the project of its own (copied from one built once: the build is the slow part)."""
    return Path(shutil.copytree(pristine, tmp_path / "p", symlinks=True))


@pytest.fixture(scope="module")
def page(built):
    """The built site served under /portal/, as published (Pagefind's paths must hold under a
    sub-path), and one Chromium tab: the search tests' (base address, tab)."""
    from browser import browser, serve

    with serve(built.site, mount="portal") as base, browser() as chromium:
        tab = chromium.new_page()
        yield base, tab
        tab.close()
