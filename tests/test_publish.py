"""`make build` builds each language in its own MkDocs process (generator/publish/), and the
merged site is what mkdocs-static-i18n makes when it builds every language in one process."""
from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import build_site, copy_project, run_generator

XHTML = "{http://www.w3.org/1999/xhtml}"
MAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def build_in_one_process(root: Path, site: Path) -> Path:
    """The generated pages of `root` built by a plain `mkdocs build`: every language in one process."""
    env = {k: v for k, v in os.environ.items() if k != "PORTAL_BUILD_LANGUAGE"} | {"NO_MKDOCS_2_WARNING": "1"}
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml"),
                          "-d", str(site)], cwd=root, capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr
    return site


@pytest.fixture(scope="module")
def one_process(built, tmp_path_factory) -> Path:
    return build_in_one_process(built.root, tmp_path_factory.mktemp("one-process") / "site")


def _files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()
            and "pagefind" not in p.relative_to(site).parts[:2]}  # the search bundles: pagefind/, zh/pagefind/


def assert_same_site(site: Path, reference: Path) -> set[str]:
    # Same files; every page byte for byte: addresses, assets, switcher, hreflang, canonical links
    published = _files(site)
    # sitemap.xml, at the root and in each language's folder: an index naming the one list of
    # every page (sitemap-pages.xml), for Material's look-up
    indexes = {"sitemap.xml", "zh/sitemap.xml", "zh-hant/sitemap.xml"}
    # and the editors' CMS, installed after the MkDocs builds (generator/publish/admin.py)
    admin = {f for f in published if f.startswith("admin/")}
    assert admin and published - indexes - admin - {"sitemap-pages.xml"} == _files(reference) - indexes
    for index in indexes:
        assert re.search(r"<sitemapindex[^>]*>\s*<sitemap>\s*<loc>https://\S+/portal/sitemap-pages.xml</loc>",
                         (site / index).read_text(encoding="utf-8"))
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()) == (site / "sitemap.xml").read_bytes()
    own = {"sitemap-pages.xml", "sitemap.xml.gz", "404.html"} | indexes | admin  # written once for all languages
    assert [f for f in sorted(published - own) if (site / f).read_bytes() != (reference / f).read_bytes()] == []
    # the plugin's entries, and x-default: the English version (the head has only the roots)
    entries = _sitemap((site / "sitemap-pages.xml").read_bytes())
    assert [(loc, mod, tuple(l for l in links if l[0] != "x-default")) for loc, mod, links in entries] == \
        _sitemap((reference / "sitemap.xml").read_bytes())
    assert all(dict(links).get("x-default") == dict(links).get("en") for _, _, links in entries)
    return published


def test_every_page_and_file_is_the_one_process_builds(built, one_process):
    published = assert_same_site(built.site, one_process)
    assert len([f for f in published if f.startswith("zh-hant/") and f.endswith(".html")]) > 40


def test_a_page_only_in_chinese_links_its_language_homes_as_the_one_process_build(tmp_path):
    root = copy_project(tmp_path / "p")
    (root / "docs" / "zh-only.zh.md").write_text("---\ntitle: 仅中文页面\n---\n\n# 仅中文页面\n\n本页只有中文版。\n",
                                                 encoding="utf-8")
    site = build_site(root).site
    assert "zh/zh-only/index.html" in assert_same_site(site, build_in_one_process(root, tmp_path / "one"))
    page = (site / "zh" / "zh-only" / "index.html").read_text(encoding="utf-8")
    # no English version: the switcher offers the English home page
    assert 'href="/portal/" hreflang="en" class="md-select__link"' in page


def _sitemap(data: bytes) -> list[tuple]:
    return [(url.findtext(f"{MAP}loc"), url.findtext(f"{MAP}lastmod"),
             tuple((link.get("hreflang"), link.get("href")) for link in url.iter(f"{XHTML}link")))
            for url in ET.fromstring(data).iter(f"{MAP}url")]


def test_sitemap_lists_every_language_with_its_alternates(built):
    # (and as the one-process build does: assert_same_site)
    published = _sitemap((built.site / "sitemap-pages.xml").read_bytes())
    # every page of every language, each with its three versions, its own first
    pages = {p.parent.relative_to(built.site).as_posix() for p in built.site.rglob("index.html")
             if not p.relative_to(built.site).as_posix().startswith(("pagefind/", "sources/", "admin/"))}
    locs = {loc.split("/portal/", 1)[1].rstrip("/") or "." for loc, _, _ in published}
    assert pages <= locs
    for loc, _, links in published:
        assert links[0][1] == loc and sorted(code for code, _ in links) == ["en", "x-default", "zh", "zh-hant"]


def test_the_one_404_page_is_english_around_its_three_languages(built):
    # GitHub Pages serves one 404.html for every address: the default language's chrome, not
    # whichever language happened to be built last
    page = (built.site / "404.html").read_text(encoding="utf-8")
    assert re.search(r'<html lang="en"', page)
    switcher = re.findall(r'href="([^"]+)" hreflang="([^"]+)" class="md-select__link"', page)
    assert switcher == [("/portal/", "en"), ("/portal/zh/", "zh"), ("/portal/zh-hant/", "zh-hant")]


def test_a_failing_language_leaves_the_published_site_as_it_was(project):
    root = project  # generated
    site = root / "site"
    assert run_generator(root, "publish", "--site-dir", str(site)).returncode == 0
    before = (site / "zh" / "contact" / "index.html").read_bytes()
    # A link MkDocs cannot resolve, in the Simplified Chinese pages only
    page = root / "build" / "docs" / "contact" / "index.zh.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[x](no-such-page.md)\n", encoding="utf-8")
    run = run_generator(root, "publish", "--site-dir", str(site))
    assert run.returncode == 1
    assert "no-such-page.md" in run.stderr and "the 'zh' build failed" in run.stderr
    assert "Traceback" not in run.stderr
    assert (site / "zh" / "contact" / "index.html").read_bytes() == before
    assert (site / "pagefind" / "pagefind-entry.json").is_file() and (site / "zh" / "pagefind" / "t2s.json").is_file()


def test_publishing_before_generating_says_what_to_run(tmp_path):
    root = copy_project(tmp_path / "p")
    run = run_generator(root, "publish")
    assert run.returncode == 1 and not (root / "site").exists()
    assert run.stderr.strip() == ("publish: build/docs/ does not exist: generate it first (python -m generator build)")


def test_the_theme_is_compiled_once_and_again_when_a_template_changes(project, tmp_path):
    # hooks/compiled_templates.py keeps the compiled theme in build/cache/templates/: a second build
    # uses it, and an edited template is compiled anew, not served from the cache
    env = os.environ | {"PORTAL_BUILD_LANGUAGE": "en", "NO_MKDOCS_2_WARNING": "1"}

    def build() -> str:
        run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
                              "-d", str(tmp_path / "site")], cwd=project, capture_output=True, text=True, env=env)
        assert run.returncode == 0, run.stderr
        return (tmp_path / "site" / "contact" / "index.html").read_text(encoding="utf-8")

    cache = project / "build" / "cache" / "templates"
    first = build()
    ours = str(project / "overrides" / "main.html")
    compiled = [p for p in cache.rglob("*.cache")]
    assert compiled and any(ours.encode() in p.read_bytes() for p in compiled)  # the override's code is kept
    assert build() == first
    main = project / "overrides" / "main.html"
    main.write_text(main.read_text(encoding="utf-8").replace("{% block content %}", "{% block content %}<!-- marker-4711 -->", 1),
                    encoding="utf-8")
    assert "marker-4711" in build()
