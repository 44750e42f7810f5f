"""A large news archive: the index stays small and every item is on exactly one year page."""
from __future__ import annotations

import re

import pytest

from bench import synthetic
from conftest import build_site, copy_project
from generator.pages.indexes import NEWEST, ONE_PAGE_UP_TO


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("archive"))
    synthetic.write_items(root, ONE_PAGE_UP_TO + 5)  # with the seeds' five: past the one-page limit
    return build_site(root)


@pytest.mark.parametrize("lang", ["", "zh/"])
def test_index_lists_the_newest_and_links_every_year(large, lang):
    html = (large.site / lang / "news" / "index.html").read_text(encoding="utf-8")
    article = html[html.index('<article'):html.index('</article>')]
    items = re.findall(r'href="(?:\./)?((?:bench-item-\d+|[a-z0-9-]{20,}))/"', article)
    assert len(items) == NEWEST
    years = re.findall(r'href="(?:\./)?(\d{4})/"', article)
    assert years and years == sorted(years, reverse=True)
    on_year_pages = []
    for year in years:
        page = (large.site / lang / "news" / year / "index.html").read_text(encoding="utf-8")
        body = page[page.index('<article'):page.index('</article>')]
        found = re.findall(r'href="\.\./([a-z0-9-]+)/"', body)
        dates = re.findall(r"<li>(.*?) · <a", body)
        assert dates and all(year in d for d in dates), year
        on_year_pages += [f for f in found if f != "index" and not f.isdigit()]
    all_items = {p.parent.name for p in (large.site / lang / "news").glob("*/index.html")
                 if not p.parent.name[:4].isdigit()}
    assert sorted(on_year_pages) == sorted(all_items)
