"""Search on the Traditional Chinese site, in a real browser: its own Pagefind index, its own pages."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest

from browser import search, search_requests
from conftest import ROOT, indexed_pages
from generator.pages import traditional
from test_browser_search import CHINESE, firsts

pytestmark = pytest.mark.browser

# The Simplified queries of the Chinese search test, as a reader in Hong Kong types them
CONVERT = traditional.converter(tuple(traditional.load_phrases(ROOT / "data" / traditional.PHRASES, "data")))
TRADITIONAL = {CONVERT(query): page for query, page in CHINESE.items()}


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


@pytest.mark.parametrize("query", sorted(TRADITIONAL))
def test_traditional_query(page, query):
    paths = results(page, query)
    assert paths and paths[0] in ["/zh-hant/" + p for p in firsts(TRADITIONAL[query])], paths[:3]
    assert all(p.startswith("/zh-hant/") for p in paths)


# Queries typed in Traditional characters: the Traditional index reads each page's Simplified
# rendering (generator/publish/search.py), so they rank as the Simplified ones do
TYPED = {
    "電池": ("/zh-hant/sectors/new-energy-storage/", "/zh-hant/sectors/new-energy-vehicles/"),
    "寧德時代": ("/zh-hant/projects/catl-zhaoqing-base/", "/zh-hant/invest/stories/catl/"),
    "高新區": ("/zh-hant/parks/zhaoqing-high-tech-zone/",),
    # the glossary (熟地, 生地), a park's land, or the land auctions among the investment events
    "土地": ("/zh-hant/glossary/", "/zh-hant/parks/shuanglong-industrial-park/", "/zh-hant/invest/events/"),
    "聯絡": ("/zh-hant/contact/",),
    "聯繫": ("/zh-hant/contact/",),
    "雙龍": ("/zh-hant/parks/shuanglong-industrial-park/",),  # a synonym (data/search_synonyms.yml)
    "超長期特別國債": ("/zh-hant/news/citys-industrial-investment-promotion-landing-park-planning-construction/",),
    # Hong Kong's words for the mainland's 投资促进 and 信息 (synonyms)
    "投資推廣": ("/zh-hant/contact/",),
    "資訊": ("/zh-hant/sectors/electronic-information/",),
}


@pytest.mark.parametrize("query", sorted(TYPED))
def test_a_query_typed_in_traditional_finds_its_page_first(page, query):
    paths = results(page, query)
    assert paths and paths[0] in TYPED[query], paths[:3]
    assert all(p.startswith("/zh-hant/") for p in paths)


def test_results_show_the_traditional_page(page):
    base, tab = page
    tab.goto(f"{base}/zh-hant/")
    search(tab, "電池")
    titles = tab.eval_on_selector_all("dialog.portal-search .pagefind-ui__result-link", "els => els.map(e => e.innerText)")
    excerpts = tab.eval_on_selector_all("dialog.portal-search .pagefind-ui__result-excerpt", "els => els.map(e => e.innerText)")
    assert titles[0] == "新型儲能" and "電池" in "".join(excerpts), (titles, excerpts)
    assert [t for t in titles + excerpts if CONVERT(t) != t] == [], "Traditional titles and excerpts"
    assert not [e for e in excerpts if "⁂" in e or "儲能電池 鋰電池" in e], "synonyms are never shown"


def test_excerpts_stay_traditional_when_the_query_changes(page):
    """Pagefind keeps a page's data for the next search that finds it: the excerpts of a refined
    query came back in Simplified (新型储能…属于) once a first search had shown them."""
    base, tab = page
    tab.goto(f"{base}/zh-hant/")
    search(tab, "電池")
    box = tab.locator("dialog.portal-search input")
    for query in ("新型儲能", "電池"):
        box.fill(query)
        box.press("End")
        tab.wait_for_function(
            "q => { const m = document.querySelector('dialog.portal-search .pagefind-ui__message');"
            " return m && m.textContent.includes(q) && !/(\\.\\.\\.|…)\\s*$/.test(m.textContent); }",
            arg=query, timeout=15_000)
        tab.wait_for_timeout(600)  # the results render as they arrive
        excerpts = tab.eval_on_selector_all("dialog.portal-search .pagefind-ui__result-excerpt",
                                            "els => els.map(e => e.innerText)")
        assert excerpts and [e for e in excerpts if CONVERT(e) != e] == [], (query, excerpts)


def test_each_traditional_page_carries_its_characters(built):
    """The excerpt is shown in Traditional by position: the indexed (Simplified) text and the
    page's `hant` metadata hold the same characters, one for one."""
    import gzip
    import json
    import re

    han = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
    to_simplified = __import__("generator.publish.search", fromlist=["to_simplified"]).to_simplified
    fragments = list((built.site / "zh-hant" / "pagefind" / "fragment").glob("zh-hant_*.pf_fragment"))
    assert len(fragments) > 40
    for path in fragments:
        data = gzip.decompress(path.read_bytes())
        fragment = json.loads(data[data.index(b"{"):])
        hant = fragment["meta"]["hant"]
        assert to_simplified(hant) == "".join(han.findall(fragment["content"])), fragment["url"]
        assert CONVERT(fragment["meta"]["title"]) == fragment["meta"]["title"], fragment["url"]


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
