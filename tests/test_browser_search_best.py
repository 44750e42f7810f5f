"""A query that data/search_synonyms.yml sends to a page (one of its terms, or that page's own
title) shows that page above the results, in a real browser, whatever Pagefind ranks first: an
investor who types "investment promotion bureau" is offered the contact page."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest

from browser import search

pytestmark = pytest.mark.browser

CASES = [
    ("", "investment promotion bureau", "/contact/", "Contact"),
    ("", "Zhaoqing  New District", "/parks/zhaoqing-new-district/", "Zhaoqing New District"),  # the title, spaced
    ("", "Electric Vehicle", "/sectors/new-energy-vehicles/", "New energy vehicles"),
    ("zh/", "投资推广", "/zh/contact/", "联系"),
    ("zh/", "投資推廣", "/zh/contact/", "联系"),  # typed in Traditional on the Simplified site
    ("zh-hant/", "投資推廣", "/zh-hant/contact/", "聯絡"),
    ("zh-hant/", "雙龍", "/zh-hant/parks/shuanglong-industrial-park/", ""),
]


@pytest.mark.parametrize("lang,query,path,title", CASES)
def test_a_synonym_shows_its_page_above_the_results(page, lang, query, path, title):
    base, tab = page
    tab.goto(f"{base}/{lang}")
    results = search(tab, query)
    shortcut = tab.locator("dialog.portal-search .portal-search__best")
    assert shortcut.is_visible(), (query, results[:3])
    link = shortcut.locator("a")
    assert urlparse(link.get_attribute("href")).path.removeprefix("/portal") == path
    assert title in link.inner_text()
    # above the results: before the first result in the document
    assert tab.evaluate("""() => {
        const best = document.querySelector('dialog.portal-search .portal-search__best');
        const first = document.querySelector('dialog.portal-search .pagefind-ui__result');
        return !first || !!(best.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING);
    }""")


def test_a_query_that_is_no_synonym_shows_no_shortcut(page):
    base, tab = page
    tab.goto(f"{base}/")
    search(tab, "investment promotion bureau")
    assert tab.locator("dialog.portal-search .portal-search__best").is_visible()
    box = tab.locator("dialog.portal-search input")
    box.fill("hydrogen")
    box.press("End")
    tab.wait_for_function("() => document.querySelector('dialog.portal-search .portal-search__best').hidden")
