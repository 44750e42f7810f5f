"""A page opened from a search result marks the words the reader searched for, in the page's own
characters, and shows the first of them, in a real browser: an investor who searches a policy
term that stands deep in a long article lands on it, not at the top of the page."""
from __future__ import annotations

import pytest

from browser import search

pytestmark = pytest.mark.browser

VISIBLE_MARKS = """() => Array.from(document.querySelectorAll('mark.portal-highlight'))
    .filter(m => m.getClientRects().length)
    .map(m => { const r = m.getBoundingClientRect();
                return [m.textContent, r.top >= 0 && r.bottom <= innerHeight]; })"""

CASES = [
    # language, query, what the page marks
    ("", "CATL", {"CATL"}),
    # cut into the index's words (超 长期 特别 国债), marked as the one phrase the page holds
    ("zh/", "超长期特别国债", {"超长期特别国债"}),
    ("zh-hant/", "超長期特別國債", {"超長期特別國債"}),  # the Traditional page's own characters
    ("zh/", "寧德時代", {"宁德时代"}),  # typed in Traditional on the Simplified site
    ("zh-hant/", "寧德時代", {"寧德時代"}),
    # as typed, whole words: Pagefind's own form (rd) marked standaRD and woRDs
    ("", "R&D", {"R&D"}),
    # two words the reader typed apart are marked apart, not as the phrase 肇庆新能源
    ("zh/", "肇庆 新能源", {"肇庆", "新能源"}),
]


@pytest.mark.parametrize("lang,query,marked", CASES)
def test_the_result_s_page_marks_the_query_and_shows_it(page, lang, query, marked):
    base, tab = page
    tab.goto(f"{base}/{lang}")
    first = search(tab, query)[0]
    tab.goto(first)
    tab.wait_for_function("() => document.querySelector('mark.portal-highlight')", timeout=10_000)
    marks = tab.evaluate(VISIBLE_MARKS)
    assert {text for text, _ in marks} == marked, marks
    assert marks[0][1], "the first mark is scrolled into view"


def test_a_page_not_opened_from_search_loads_no_highlighter(page):
    base, tab = page
    requested: list[str] = []
    tab.on("request", lambda request: requested.append(request.url))
    tab.goto(f"{base}/zh/news/")
    tab.wait_for_load_state("networkidle")
    assert not [url for url in requested if "pagefind" in url or "portal-highlight" in url], requested
    assert tab.locator("mark.portal-highlight").count() == 0


def test_a_word_is_never_marked_inside_another(page):
    """EV (a synonym of the new energy vehicles page, which never writes it) marked evERY."""
    base, tab = page
    tab.goto(f"{base}/")
    tab.goto(search(tab, "EV")[0])
    tab.wait_for_load_state("networkidle")
    assert tab.eval_on_selector_all("mark.portal-highlight", "els => els.map(e => e.textContent)") == []
    assert tab.evaluate("scrollY") == 0


def test_the_404_page_marks_nothing(page):
    """A page with no article (data-pagefind-body): the header's words are not what was found."""
    base, tab = page
    tab.goto(f"{base}/404.html?highlight=Zhaoqing")
    tab.wait_for_load_state("networkidle")
    assert tab.locator("mark.portal-highlight").count() == 0
