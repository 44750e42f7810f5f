"""Search in a real browser, per language: each query's first result is the page a reader wants."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest

from browser import browser, search, search_requests, serve

pytestmark = pytest.mark.browser

ENGLISH = {
    "Manfu": "projects/manfu-battery-parts/",
    "CATL": "projects/catl-zhaoqing-base/",
    "Xpeng": "projects/xpeng-motors/",
    "Jiamu": "projects/jiamu-medical-devices/",
    "Guorui Xiechuang": "projects/guorui-xiechuang-storage/",
    "hydrogen energy": "sectors/hydrogen-energy/",
    "low-altitude economy": "sectors/low-altitude-economy/",
    "fine chemicals": "sectors/fine-chemicals/",
    "Shuanglong": "parks/shuanglong-industrial-park/",
    "Fengkai": "parks/fengkai-county/",
    "Lotus-Fuxi": "parks/dinghu-lotus-fuxi/",
    "symposium": "news/citys-industrial-investment-promotion-landing-park-planning-construction/",
    # Words that appear only deep inside one news article (its last paragraphs)
    "professionalism": "news/citys-industrial-investment-promotion-landing-park-planning-construction/",
    "gratifying": "news/ground-breaking-construction-accelerated-zhaoqings-investment-promotion-first/",
    "backbone": "news/zhaoqing-insists-taking-lead-manufacturing-industry-sets-off/",
    "cooked land": "glossary/",
    "Ten Actions": "glossary/",
    "key figures": "figures/",
    "vCard": "contact/",
    "telephone": "contact/",
}
CHINESE = {
    "氢能": "sectors/hydrogen-energy/",
    "低空经济": "sectors/low-altitude-economy/",
    "新型储能": "sectors/new-energy-storage/",
    "精细化工": "sectors/fine-chemicals/",
    "绿色建材": "sectors/green-building-materials/",
    "人工智能": "sectors/artificial-intelligence/",
    "宁德时代": "projects/catl-zhaoqing-base/",
    "小鹏汽车": "projects/xpeng-motors/",
    "封开": "parks/fengkai-county/",
    "粤桂合作特别试验区": "parks/guangdong-guangxi-zone/",
    "座谈会": "news/citys-industrial-investment-promotion-landing-park-planning-construction/",
    # Words that appear only deep inside one news article (its last paragraphs)
    "以旧换新": "news/citys-industrial-investment-promotion-landing-park-planning-construction/",
    "拎包入住": "news/zhaoqing-insists-taking-lead-manufacturing-industry-sets-off/",
    "保姆式": "news/zhaoqing-investment-promotion-continues-achieving-good-start-january/",
    "术语表": "glossary/",
    "熟地": "glossary/",
    "两新一电": "glossary/",
    "赛龙夺锦": "glossary/",
    "关键数据": "figures/",
    "电话": "contact/",
}


@pytest.fixture(scope="module")
def page(built):
    # Served under /portal/, as published: Pagefind's paths must hold under a sub-path
    with serve(built.site, mount="portal") as base, browser() as chromium:
        tab = chromium.new_page()
        yield base, tab
        tab.close()


def first_result(page, lang: str, query: str) -> tuple[str, list[str]]:
    base, tab = page
    tab.goto(f"{base}/{lang}")
    links = search(tab, query)
    paths = [urlparse(link).path.removeprefix("/portal") for link in links]
    return (paths[0] if paths else ""), paths


@pytest.mark.parametrize("query", sorted(ENGLISH))
def test_english_query(page, query):
    first, paths = first_result(page, "", query)
    assert first == "/" + ENGLISH[query], paths[:3]
    assert not [p for p in paths if p.startswith("/zh/")], "English search shows only English pages"


@pytest.mark.parametrize("query", sorted(CHINESE))
def test_chinese_query(page, query):
    first, paths = first_result(page, "zh/", query)
    assert first == "/zh/" + CHINESE[query], paths[:3]
    assert all(p.startswith("/zh/") for p in paths), "Chinese search shows only Chinese pages"


def test_page_load_fetches_no_search_index_and_a_chinese_query_only_chinese(page):
    on_load, indexes = search_requests(page, "zh/news/", "肇庆")
    assert not [p for p in on_load if "/pagefind/" in p], "nothing of search loads with the page"
    assert indexes and all(name.startswith(("zh_", "pagefind.zh_")) for name in indexes), indexes


def test_search_dialog_closes_and_returns_focus(page):
    base, tab = page
    tab.goto(f"{base}/")
    search(tab, "CATL")
    tab.keyboard.press("Escape")
    assert not tab.eval_on_selector("dialog.portal-search", "d => d.open")
    assert tab.evaluate("() => document.activeElement.matches('[data-portal-search]')")
