"""Search on the Traditional Chinese site, in a real browser: its own Pagefind index, its own pages."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest

from browser import browser, search, search_requests, serve
from conftest import ROOT, indexed_pages
from generator.pages import traditional
from test_browser_search import CHINESE

pytestmark = pytest.mark.browser

# The Simplified queries of the Chinese search test, as a reader in Hong Kong types them
CONVERT = traditional.converter(tuple(traditional.load_phrases(ROOT / "data" / traditional.PHRASES, "data")))
TRADITIONAL = {CONVERT(query): page for query, page in CHINESE.items()}


@pytest.fixture(scope="module")
def page(built):
    with serve(built.site, mount="portal") as base, browser() as chromium:
        tab = chromium.new_page()
        yield base, tab
        tab.close()


def results(page, query: str) -> list[str]:
    base, tab = page
    tab.goto(f"{base}/zh-hant/")
    return [urlparse(link).path.removeprefix("/portal") for link in search(tab, query)]


def test_traditional_pages_have_their_own_index(built):
    pages = indexed_pages(built.site)
    hant = {url: p for url, p in pages.items() if "/zh-hant/" in url}
    assert len(hant) > 40
    assert {p["language"] for p in hant.values()} == {"zh-hant"}
    assert all(p["language"] != "zh-hant" for url, p in pages.items() if "/zh-hant/" not in url)


@pytest.mark.parametrize("query", ["肇慶", "儲能"])
def test_a_traditional_query_finds_traditional_pages_only(page, query):
    paths = results(page, query)
    assert len(paths) >= 3, paths
    assert all(p.startswith("/zh-hant/") for p in paths), paths


def test_energy_storage_finds_its_sector(page):
    assert "/zh-hant/sectors/new-energy-storage/" in results(page, "儲能")


# Pagefind's index-time segmenter (jieba-rs) has a Simplified dictionary: Traditional text is
# indexed mostly one character at a time, and these two queries rank other pages first
# (電話 -> 電子信息, 關鍵數據 -> pages full of 數 and 據). Known, reported; strict, so a fix shows.
RANKED_BY_CHARACTER = {"電話", "關鍵數據"}


@pytest.mark.parametrize("query", [
    pytest.param(q, marks=pytest.mark.xfail(strict=True, reason="Traditional indexed by character"))
    if q in RANKED_BY_CHARACTER else q for q in sorted(TRADITIONAL)])
def test_traditional_query(page, query):
    paths = results(page, query)
    assert paths and paths[0] == "/zh-hant/" + TRADITIONAL[query], paths[:3]
    assert all(p.startswith("/zh-hant/") for p in paths)


def test_a_traditional_query_loads_only_the_traditional_index(page):
    on_load, indexes = search_requests(page, "zh-hant/news/", "肇慶")
    assert not [p for p in on_load if "/pagefind/" in p], "nothing of search loads with the page"
    assert indexes and all(name.startswith(("zh-hant_", "pagefind.zh-hant_")) for name in indexes), indexes


def test_search_interface_reads_in_traditional(page):
    base, tab = page
    tab.goto(f"{base}/zh-hant/")
    assert search(tab, "儲能")
    placeholder = tab.eval_on_selector("dialog.portal-search input", "e => e.placeholder")
    text = tab.eval_on_selector("dialog.portal-search", "e => e.innerText")
    assert placeholder == "搜尋" and "個「儲能」的相關結果" in text
    assert [line for line in text.splitlines() if CONVERT(line) != line] == [], "no Simplified in the dialog"
