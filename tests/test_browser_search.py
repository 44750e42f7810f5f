"""Search in a real browser, per language: each query's first result is the page a reader wants."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest

from browser import search, search_requests

pytestmark = pytest.mark.browser

ENGLISH = {
    # A company's project page, or its investor story (invest/stories/), which is about it too
    "Manfu": ("projects/manfu-battery-parts/", "invest/stories/manfu/"),
    "CATL": ("projects/catl-zhaoqing-base/", "invest/stories/catl/"),
    "Xpeng": "projects/xpeng-motors/",
    "Jiamu": ("projects/jiamu-medical-devices/", "invest/stories/jiamu/"),
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
    "hotline": "contact/",  # a synonym (data/search_synonyms.yml)
    "subsidy": "invest/support/",  # a synonym
}
CHINESE = {
    "氢能": "sectors/hydrogen-energy/",
    "低空经济": "sectors/low-altitude-economy/",
    "新型储能": "sectors/new-energy-storage/",
    "精细化工": "sectors/fine-chemicals/",
    "绿色建材": "sectors/green-building-materials/",
    "人工智能": "sectors/artificial-intelligence/",
    "宁德时代": ("projects/catl-zhaoqing-base/", "invest/stories/catl/"),
    "小鹏汽车": "projects/xpeng-motors/",
    "封开": "parks/fengkai-county/",
    "粤桂合作特别试验区": "parks/guangdong-guangxi-zone/",
    "座谈会": "news/citys-industrial-investment-promotion-landing-park-planning-construction/",
    # Words that appear only deep inside one news article (its last paragraphs)
    "以旧换新": "news/citys-industrial-investment-promotion-landing-park-planning-construction/",
    # (or the support page, whose summaries of the standard factories and of the specialised
    # teams link those sentences)
    "拎包入住": ("news/zhaoqing-insists-taking-lead-manufacturing-industry-sets-off/", "invest/support/"),
    "保姆式": ("news/zhaoqing-investment-promotion-continues-achieving-good-start-january/", "invest/support/"),
    "术语表": "glossary/",
    "熟地": "glossary/",
    "两新一电": "glossary/",
    "赛龙夺锦": "glossary/",
    "关键数据": "figures/",
    "电话": "contact/",
    "肇庆新区": "parks/zhaoqing-new-district/",
    "大型产业集聚区": "parks/zhaoqing-cluster/",
    "补贴": "invest/support/",  # a synonym: it found only 补链 in a news article and a story
}


def first_result(page, lang: str, query: str) -> tuple[str, list[str]]:
    base, tab = page
    tab.goto(f"{base}/{lang}")
    links = search(tab, query)
    paths = [urlparse(link).path.removeprefix("/portal") for link in links]
    return (paths[0] if paths else ""), paths


@pytest.mark.parametrize("query", sorted(ENGLISH))
def test_english_query(page, query):
    first, paths = first_result(page, "", query)
    assert first in ["/" + p for p in firsts(ENGLISH[query])], paths[:3]
    assert not [p for p in paths if p.startswith("/zh/")], "English search shows only English pages"


def firsts(expected) -> tuple:
    """The pages that may come first: one, or a tuple of them."""
    return expected if isinstance(expected, tuple) else (expected,)


@pytest.mark.parametrize("query", sorted(CHINESE))
def test_chinese_query(page, query):
    first, paths = first_result(page, "zh/", query)
    assert first in ["/zh/" + p for p in firsts(CHINESE[query])], paths[:3]
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
    # The dialog's "close" event, which gives the focus back, is a task of its own: it may run
    # after the key press returns (seen once in a full run at load 11)
    tab.wait_for_function("() => document.activeElement.matches('[data-portal-search]')", timeout=5000)


# Chinese as the index sees it: a long policy term that only one article's last paragraphs hold
# (the index keeps it as 超|长期|特别|国债), and a synonym (data/search_synonyms.yml)
LONG_AND_SYNONYMS = {
    "超长期特别国债": "news/citys-industrial-investment-promotion-landing-park-planning-construction/",
    "大规模设备更新": "news/citys-industrial-investment-promotion-landing-park-planning-construction/",
    "粤港澳大湾区西部先进制造业新城": "news/accelerated-investment-promotion-zhaoqing-achieved-successful-start-first/",
    "双龙": "parks/shuanglong-industrial-park/",  # the site writes Shuanglong only in Latin letters
    "电池": "sectors/new-energy-storage/",
    "CATL": "projects/catl-zhaoqing-base/",  # the company's Latin name, typed on the Chinese site
}


@pytest.mark.parametrize("query", sorted(LONG_AND_SYNONYMS))
def test_chinese_as_the_index_sees_it(page, query):
    first, paths = first_result(page, "zh/", query)
    assert first == "/zh/" + LONG_AND_SYNONYMS[query], paths[:3]


def test_no_result_offers_the_other_languages(page):
    base, tab = page
    tab.goto(f"{base}/zh/")
    assert search(tab, "symposium") == []
    offer = tab.locator("dialog.portal-search .portal-search__elsewhere")
    offer.wait_for(state="visible", timeout=15_000)
    counts = {a["lang"]: a for a in tab.eval_on_selector_all(
        "dialog.portal-search .portal-search__elsewhere a",
        "els => els.map(a => ({lang: a.hreflang, count: +a.dataset.portalCount, href: a.getAttribute('href')}))")}
    assert set(counts) == {"en"}, counts  # the Traditional site has none: not offered
    assert counts["en"]["count"] >= 1 and counts["en"]["href"] == "/portal/?q=symposium", counts
    # The link searches the English site
    tab.click("dialog.portal-search .portal-search__elsewhere a[hreflang=en]")
    tab.wait_for_function("() => document.querySelectorAll('dialog.portal-search .pagefind-ui__result-link').length > 0",
                          timeout=15_000)
    assert tab.evaluate("() => document.querySelector('dialog.portal-search input').value") == "symposium"


def test_a_query_found_nowhere_says_where_to_ask(page):
    """Nothing in any language: the dialog says the sources may not cover it, and links this
    language's contact page (it listed every language with "0 results")."""
    base, tab = page
    tab.goto(f"{base}/zh-hant/")
    assert search(tab, "qzxvw") == []
    offer = tab.locator("dialog.portal-search .portal-search__elsewhere")
    offer.wait_for(state="visible", timeout=15_000)
    assert "公開來源可能未有涵蓋" in offer.inner_text()
    assert tab.eval_on_selector_all("dialog.portal-search .portal-search__elsewhere a",
                                    "els => els.map(a => a.getAttribute('href'))") == ["/portal/zh-hant/contact/"]


@pytest.mark.parametrize("lang,query", [("", "industrial platforms"), ("zh/", "肇庆新区"), ("zh-hant/", "肇慶新區")])
def test_excerpts_show_no_empty_brackets_where_source_links_were(page, lang, query):
    """Source links are left out of the index, their brackets were not: "三大产业平台。（）",
    "agglomeration area. (). The locomotive"."""
    base, tab = page
    tab.goto(f"{base}/{lang}")
    assert search(tab, query)
    excerpts = tab.eval_on_selector_all("dialog.portal-search .pagefind-ui__result-excerpt", "els => els.map(e => e.innerText)")
    assert excerpts and not [e for e in excerpts if "（）" in e or "()" in e], excerpts


@pytest.mark.parametrize("width", [375, 1280])
def test_the_close_button_does_not_cover_the_search_box(chromium, width):
    base, browser_ = chromium
    tab = browser_.new_page(viewport={"width": width, "height": 700})
    tab.goto(f"{base}/")
    search(tab, "battery")
    close, box = tab.evaluate("""() => ['[data-portal-search-close]', 'input'].map(s => {
        const b = document.querySelector('dialog.portal-search ' + s).getBoundingClientRect();
        return [b.left, b.top, b.right, b.bottom]; })""")
    tab.close()
    assert close[3] <= box[1] or close[0] >= box[2], (close, box)
