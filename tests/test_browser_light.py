"""Every page of the three sites in Chromium, at the public address as GitHub Pages serves it
(tests/browser.py GitHubPages): no request that finds nothing, no console error, a language
switch in one request, and a light cold first view of every page type."""
from __future__ import annotations

import pytest

from browser import GitHubPages, site_address, view_all, view_cold

from conftest import ROOT

pytestmark = pytest.mark.browser

LANGS = ("", "zh/", "zh-hant/")
# One page of each type (English path); a cold first view of each, in each language
PAGE_TYPES = {
    "home": "", "news item": "news/zhaoqing-insists-taking-lead-manufacturing-industry-sets-off/",
    "news index": "news/", "sector": "sectors/new-energy-storage/", "sectors": "sectors/",
    "park": "parks/zhaoqing-cluster/", "parks": "parks/", "project": "projects/hydrogen-blue-fuel-cell/",
    "projects": "projects/", "figures": "figures/", "glossary": "glossary/", "contact": "contact/",
    "accessibility": "accessibility/",
}
MAX_REQUESTS = 8
MAX_GZIP_BYTES = 70 * 1024


@pytest.fixture(scope="module")
def pages(built, chromium):
    return chromium[1], GitHubPages(built.site, site_address(ROOT))


def _every_page(site) -> list[str]:
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                   if not p.relative_to(site).as_posix().startswith(("pagefind/", "assets/")))
    return [p.removesuffix("index.html") for p in pages]


def test_no_page_requests_what_is_not_there_or_logs_an_error(pages, built):
    chromium, site = pages
    every = _every_page(built.site) + ["no-such-page/", "zh/no-such-page/"]  # the 404 page, as served
    assert len(every) > 120
    context = chromium.new_context()  # one cold cache for all: every request is made at least once
    site.attach(context)
    problems = {}
    for path, seen in view_all(context, site, every).items():
        assert seen.status == (404 if "no-such-page" in path else 200), path
        if seen.failed or seen.console_errors:
            problems[path] = seen.failed + seen.console_errors
    context.close()
    assert problems == {}


# Material's stylesheet and script are 57 KiB of it; each head alternate (the three language roots,
# the RSS feed on the home page and news index) costs a sitemap look-up (sitemap.xml is a small
# index); the site's own script is inline and minified, and so are the contact page's QR codes
@pytest.mark.parametrize("lang", LANGS)
def test_every_page_type_is_light_on_a_cold_first_view(pages, built, lang):
    chromium, site = pages
    types = {**PAGE_TYPES, "404": "no-such-page/"}
    seen = view_cold(chromium, built.site, site_address(ROOT), [lang + path for path in types.values()])
    assert len(seen) == len(types)
    heavy = {name: (len(seen[lang + path].requests), round(seen[lang + path].gzip_bytes / 1024, 1))
             for name, path in types.items()
             if len(seen[lang + path].requests) > MAX_REQUESTS or seen[lang + path].gzip_bytes > MAX_GZIP_BYTES}
    assert heavy == {}, f"(requests, KiB gzip) above {MAX_REQUESTS} requests or {MAX_GZIP_BYTES // 1024} KiB"


@pytest.mark.parametrize("start,target", [("en", "zh"), ("zh", "zh-hant"), ("zh-hant", "en"), ("zh-hant", "zh")])
def test_language_switch_lands_on_the_same_page_in_one_request(pages, start, target):
    chromium, site = pages
    prefix = {"en": "", "zh": "zh/", "zh-hant": "zh-hant/"}
    path = PAGE_TYPES["news item"]
    context = chromium.new_context()
    site.attach(context)
    tab = context.new_page()
    tab.goto(site.url(prefix[start] + path), wait_until="networkidle")
    documents = []
    tab.on("request", lambda r: documents.append(r.url) if r.resource_type == "document" else None)
    tab.hover(".md-header .md-select")
    with tab.expect_navigation():
        tab.click(f'.md-select__link[hreflang="{target}"]')
    tab.wait_for_load_state("load")
    assert tab.url == site.url(prefix[target] + path)
    assert documents == [site.url(prefix[target] + path)]  # no redirect, no detour
    context.close()
