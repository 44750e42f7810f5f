"""Search in a real browser: each language's site finds its own pages only."""
from __future__ import annotations

import pytest

from browser import browser, search, serve

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(built):
    with serve(built.site) as base, browser() as chromium:
        page = chromium.new_page()
        yield base, page
        page.close()


def test_chinese_search_finds_chinese_pages(site):
    base, page = site
    page.goto(f"{base}/zh/")
    links = search(page, "氢能")
    assert links, "no result for 氢能"
    assert all("/zh/" in link for link in links)


def test_english_search_finds_english_pages(site):
    base, page = site
    page.goto(f"{base}/")
    links = search(page, "Duanzhou")
    assert links
    assert not [link for link in links if "/zh/" in link]
