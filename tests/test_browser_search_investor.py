"""Investors' first questions, searched in a real browser in each language: the query leads first to
a sector or park page's block "what the published sources do not say yet" (#investor-questions)."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest

from browser import search

pytestmark = pytest.mark.browser

QUERIES = {
    "": ["land price", "electricity price", "incentives", "labour", "tax incentives", "wages", "power tariff"],
    "zh/": ["地价", "电价", "优惠政策", "用工", "税收优惠"],
    "zh-hant/": ["地價", "電價", "優惠政策", "稅務優惠"],
}


@pytest.mark.parametrize("lang,query", [(lang, q) for lang, qs in QUERIES.items() for q in qs])
def test_an_investor_question_leads_to_a_sector_or_park_page_first(page, lang, query):
    base, tab = page
    tab.goto(f"{base}/{lang}")
    paths = [urlparse(link).path.removeprefix("/portal") for link in search(tab, query)]
    assert paths, query
    assert paths[0].startswith((f"/{lang}parks/", f"/{lang}sectors/")), paths[:3]
    assert paths[0].rstrip("/").rsplit("/", 1)[-1] not in ("parks", "sectors"), paths[:3]
