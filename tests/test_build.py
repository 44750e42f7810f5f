"""The real `mkdocs build --strict` of the real seeds, checked in both language trees."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.pages import news
from generator.pages.news import news_meta
from generator.read.seed_reader import read_seed

from conftest import SEEDS, bundles, indexed_pages

POSTS = [read_seed(p, f"seeds/{p.name}") for p in sorted(SEEDS.glob("*.txt"))]
SLUGS = [news_meta(p).slug for p in POSTS]


class Article(HTMLParser):
    """Text of the page's <article> and the URLs the page loads."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.text: list[str] = []
        self.loads: list[str] = []
        self.lang = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "article" or self.depth:
            self.depth += 1 if tag not in ("br", "img", "hr", "input", "meta", "link") else 0
        if tag in ("script", "img", "iframe") and a.get("src"):
            self.loads.append(a["src"])
        if tag == "link" and a.get("rel") in ("stylesheet", "preload", "icon", "preconnect") and a.get("href"):
            self.loads.append(a["href"])

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)


def parse(path: Path) -> Article:
    page = Article()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def test_strict_build_has_no_warnings(built):
    assert not re.search(r"^(WARNING|ERROR)\s+-", built.log, re.M), built.log


@pytest.mark.parametrize("slug", SLUGS)
def test_every_post_has_an_english_and_a_chinese_page(built, slug):
    en = parse(built.site / "news" / slug / "index.html")
    zh = parse(built.site / "zh" / "news" / slug / "index.html")
    assert en.lang == "en" and zh.lang == "zh"
    assert re.search(r"[\u4e00-\u9fff]{4}", "".join(zh.text)), "Chinese page carries Chinese text"


def test_seed_001_chinese_page_is_simplified_from_the_seed(built):
    post = POSTS[1]
    slug = news_meta(post).slug
    text = "".join(parse(built.site / "zh" / "news" / slug / "index.html").text)
    assert "落地建设跑出“加速度”" in text
    assert "肇庆" in text and "肇慶" not in text
    assert "电子信息" in text  # mainland wording for 電子資訊


@pytest.mark.parametrize("lang", ["", "zh"])
@pytest.mark.parametrize("slug", SLUGS)
def test_no_blog_chrome_or_contact_footer_in_news_bodies(built, slug, lang):
    text = "".join(parse(built.site / lang / "news" / slug / "index.html").text)
    for junk in ("No comments", "Post a Comment", "Showing posts with label", "精选的博文",
                 "Contact information", "Tel: +86", "shqyfw@vip.163.com", "zqszsj@126.com"):
        assert junk not in text


def test_chinese_site_has_chinese_interface(built):
    html = (built.site / "zh" / "news" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<button[^>]*data-portal-search[^>]*aria-label="搜索"', html)
    assert ">新闻<" in html  # nav translated


def test_news_index_newest_first_by_year(built):
    for lang, needle in (("", "2024"), ("zh", "2024")):
        html = (built.site / lang / "news" / "index.html").read_text(encoding="utf-8")
        years = re.findall(r'<h2 id="(\d{4})"', html)
        assert years == sorted(years, reverse=True) and needle in years
        positions = [html.find(f"{slug}/") for slug in SLUGS]
        assert all(p > 0 for p in positions)
        dated = sorted(zip((news.publication_date(p) for p in POSTS), positions), reverse=True)
        assert [pos for _, pos in dated] == sorted(pos for _, pos in dated)
    zh = (built.site / "zh" / "news" / "index.html").read_text(encoding="utf-8")
    assert "2024年5月29日" in zh


def test_language_switcher_leads_to_same_page(built):
    slug = SLUGS[0]
    en = (built.site / "news" / slug / "index.html").read_text(encoding="utf-8")
    zh = (built.site / "zh" / "news" / slug / "index.html").read_text(encoding="utf-8")
    assert re.search(rf'href="[./]*zh/news/{slug}/"[^>]*hreflang="zh"', en)
    assert re.search(rf'href="[./]*news/{slug}/"[^>]*hreflang="en"', zh)


def test_nav_lists_sections_not_every_news_item(built):
    html = (built.site / "news" / SLUGS[0] / "index.html").read_text(encoding="utf-8")
    start = html.find('md-nav--primary')
    nav = html[start:html.find('<div class="md-content"', start)]
    assert "News" in nav
    assert not [s for s in SLUGS if s in nav]


def test_search_index_per_language_holds_every_article_whole(built):
    # One bundle per language, in the language's folder, each with that language's index only
    entries = {bundle.relative_to(built.site).as_posix(): json.loads((bundle / "pagefind-entry.json").read_text(
        encoding="utf-8")) for bundle in bundles(built.site)}
    assert {folder: list(entry["languages"]) for folder, entry in entries.items()} == {
        "pagefind": ["en"], "zh/pagefind": ["zh"], "zh-hant/pagefind": ["zh-hant"]}
    entry = {"languages": {lang: e["languages"][lang] for e in entries.values() for lang in e["languages"]}}
    pages = indexed_pages(built.site)
    def language(url: str) -> str:
        first = url.split("/")[1]
        return first if first in ("zh", "zh-hant") else "en"

    for lang in ("en", "zh", "zh-hant"):
        in_lang = {url: page for url, page in pages.items() if page["language"] == lang}
        assert entry["languages"][lang]["page_count"] == len(in_lang)
        assert all(language(url) == lang for url in in_lang), "one index per language"
        # Every published page of the language is indexed, except the multilingual 404 and the
        # editors' CMS (/admin/, not a page of the site)
        html = {"/" + p.parent.relative_to(built.site).as_posix() + "/" for p in built.site.rglob("index.html")}
        html = {u.replace("/./", "/") for u in html if language(u.replace("/./", "/")) == lang
                and not u.startswith(("/pagefind/", "/admin/"))}
        assert html == set(in_lang)
    # Whole articles, not their opening: the last sentence of a news article is in the index
    slug = "citys-industrial-investment-promotion-landing-park-planning-construction"
    article = pages[f"/news/{slug}/"]["content"]
    last = [p for p in parse(built.site / "news" / slug / "index.html").text if len(p) > 40][-1]
    assert last[-30:].strip() in article
    assert "¶" not in article, "heading permalinks are chrome"


def test_search_index_copy_goes_beside_the_build_when_memory_is_full(built, tmp_path, monkeypatch):
    """The index copy is written in /dev/shm where there is one (generator/publish/search.py); a
    full one (a container's 64 MB) gives the same bundle from a copy beside the build, and
    neither place keeps anything."""
    import errno
    import shutil

    from generator.publish import search
    site = tmp_path / "zh-build"
    shutil.copytree(built.site / "zh", site / "zh", ignore=shutil.ignore_patterns("pagefind"))
    memory = tmp_path / "memory"
    memory.mkdir()
    monkeypatch.setattr(search, "SCRATCH", memory)
    written = search._index_copy

    def full(site_, folder, copy, synonyms):
        if copy.is_relative_to(memory):
            (copy / "part.html").parent.mkdir(parents=True)
            (copy / "part.html").write_text("half", encoding="utf-8")
            raise OSError(errno.ENOSPC, "No space left on device")
        return written(site_, folder, copy, synonyms)

    monkeypatch.setattr(search, "_index_copy", full)
    search.index(site, "zh/", built.root)
    made = json.loads((site / "zh" / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    published = json.loads((built.site / "zh" / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert made["languages"]["zh"]["page_count"] == published["languages"]["zh"]["page_count"] > 50
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memory", "zh-build"]
    assert list(memory.iterdir()) == []


@pytest.mark.parametrize("folder, words", [("", "Close search"), ("zh/", "关闭搜索"), ("zh-hant/", "關閉搜尋")])
def test_the_search_dialogs_close_button_says_close(built, folder, words):
    """Not Material's search.reset ("Clear"): Pagefind's own clear button in the dialog says that."""
    html = (built.site / folder / "contact" / "index.html").read_text(encoding="utf-8")
    button = re.search(r"<button[^>]*data-portal-search-close[^>]*>", html).group(0)
    assert f'aria-label="{words}"' in button and f'title="{words}"' in button


def test_no_asset_from_a_third_party_host(built):
    for page in built.site.rglob("*.html"):
        external = [u for u in parse(page).loads if re.match(r"^(https?:)?//", u)]
        assert not external, f"{page.relative_to(built.site)} loads {external}"


def test_search_files_the_page_names_exist(built):
    html = (built.site / "zh" / "news" / "index.html").read_text(encoding="utf-8")
    bundle = re.search(r'data-portal-bundle="([^"]+)"', html).group(1)
    assert (built.site / "zh" / "news" / bundle / "pagefind-ui.js").resolve().is_file()
    # the search code the page's own (inline) script loads when search opens
    script = re.search(r'data-portal-script="([^"]+portal-search-ui.js)"', html).group(1)
    assert (built.site / "zh" / "news" / script).resolve().is_file()
    assert "portalSearch" in html and not re.search(r'<script src="[^"]*portal-search', html)


def test_pages_rendered_by_forked_workers_are_the_ones_rendered_in_one_process(tmp_path):
    # generator/pages/batch.py: a command-line run renders its pages in forked workers past a
    # size; here from the first page, in a process of its own (the test's has threads)
    import subprocess
    import sys

    from conftest import ROOT
    script = ("import json, sys, threading\n"
              "from generator.core.paths import Layout\n"
              "from generator.pages import batch\n"
              "from generator.pipeline import generate\n"
              "batch.FORK_FROM = int(sys.argv[1])\n"
              "files = generate(Layout(__import__('pathlib').Path(sys.argv[2]))).files\n"
              "json.dump([batch.processes, {k: v.decode('utf-8', 'replace') for k, v in files.items()}], sys.stdout)\n")
    runs = {}
    for fork_from in (0, 10**9):
        run = subprocess.run([sys.executable, "-c", script, str(fork_from), str(ROOT)], cwd=ROOT,
                             capture_output=True, text=True)
        assert run.returncode == 0, run.stderr[-2000:]
        runs[fork_from] = json.loads(run.stdout)
    (workers, forked), (one, alone) = runs[0], runs[10**9]
    assert workers > 1 and one == 1
    assert list(forked) == list(alone) and forked == alone
    assert sum(path.endswith(".md") for path in forked) > 150
