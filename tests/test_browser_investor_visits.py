"""Three investors' visits in a real browser (Chromium), each from the home page in a few clicks,
and the key-figure charts measured at a phone's and a laptop's width."""
from __future__ import annotations

import re

import pytest
import yaml


from conftest import ROOT

pytestmark = pytest.mark.browser
GAP_ZH = yaml.safe_load((ROOT / "generator" / "strings" / "zh.yml").read_text(encoding="utf-8"))["gap_missing"]


class Visit:
    """A tab that counts the pages a reader opens (navigations of the main frame)."""

    def __init__(self, chromium, width: int, height: int, touch: bool = False):
        self.base, browser_ = chromium
        self.context = browser_.new_context(viewport={"width": width, "height": height}, has_touch=touch,
                                            is_mobile=touch)
        self.page = self.context.new_page()
        self.navigations = 0
        self.page.on("framenavigated", lambda frame: self._count(frame))

    def _count(self, frame):
        if frame == self.page.main_frame:
            self.navigations += 1

    def open(self, path: str):
        self.page.goto(f"{self.base}/{path}")

    def click(self, locator):
        with self.page.expect_navigation():
            locator.first.click()

    def close(self):
        self.context.close()


def test_consultant_on_desktop_finds_a_battery_park_and_its_email(chromium):
    visit = Visit(chromium, 1366, 900)
    page = visit.page
    visit.open("")
    visit.click(page.locator(".portal-invest a[href='parks/#park-finder']"))
    assert page.locator("[data-portal-finder]").is_visible()  # the script shows the filters
    total = page.locator("[data-finder-item]").count()
    page.select_option("select[data-filter='sectors']", "new-energy-storage")
    shown = page.locator("[data-finder-item]:visible")
    assert 0 < shown.count() < total
    assert "new-energy-storage" in page.url  # the filter is kept in the address
    assert re.search(r"\d+ of \d+ shown", page.locator("[data-finder-count]").inner_text())
    visit.click(shown.locator("a"))
    assert "/parks/" in page.url
    mail = page.locator("#office ~ ul a[href^='mailto:']").first
    assert mail.get_attribute("href").startswith("mailto:")
    assert visit.navigations <= 4
    visit.close()


def test_finder_without_javascript_lists_every_park(built, chromium):
    base, browser_ = chromium
    context = browser_.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base}/parks/")
    assert not page.locator("[data-portal-finder]").is_visible()
    items = page.locator("[data-finder-item]")
    parks = (built.root / "data" / "parks.yml").read_text(encoding="utf-8").count("\n- id: ") + 0
    assert items.count() == items.locator("a").count() >= parks - 1 > 5
    # a platform whose district the sources do not give is listed as such
    assert "not given by the sources" in page.locator("[data-finder-item][data-place='none']").first.inner_text()
    context.close()


def test_mainland_manager_on_phone_finds_whom_to_call_about_land_in_the_high_tech_zone(chromium):
    visit = Visit(chromium, 360, 740, touch=True)
    page = visit.page
    visit.open("zh/")
    visit.click(page.locator(".portal-home a[href='parks/#park-finder']"))
    visit.click(page.locator("[data-finder-item] a[href='zhaoqing-high-tech-zone/']"))
    assert page.locator("h1").inner_text().startswith("肇庆高新区")
    tel = page.locator("#office ~ ul a[href^='tel:']").first
    assert tel.is_visible() and tel.get_attribute("href").startswith("tel:+86")
    land = page.locator("article tr", has_text="地价")
    assert land.count() == 1 and GAP_ZH in land.inner_text()  # the gap line: not in the sources yet
    assert page.locator(".portal-map--small").count() == 1  # the small map of where the park is
    assert "未在地图上标注" in page.locator(".portal-map__unplaced").inner_text()
    assert visit.navigations <= 4
    visit.close()


def test_hong_kong_investor_on_tablet_reads_the_manfu_story_and_its_source(chromium):
    visit = Visit(chromium, 768, 1024, touch=True)
    page = visit.page
    visit.open("zh-hant/")
    visit.click(page.locator(".portal-invest a[href='invest/stories/']"))
    visit.click(page.locator("article a[href$='manfu/']"))
    assert "10天" in page.locator("h1").inner_text()
    words = page.locator("blockquote")
    assert "In just 10 days" in words.inner_text() and "「" in words.inner_text()
    source = words.locator("a[hreflang='en']")
    href = source.get_attribute("href")
    assert "/news/" in href and "#line-" in href
    visit.click(source)
    anchor = href.rsplit("#", 1)[1]
    assert "In just 10 days" in page.locator(f"[id='{anchor}']").inner_text()
    assert visit.navigations <= 4
    visit.close()


@pytest.mark.parametrize("lang", ["", "zh/"])
@pytest.mark.parametrize("width", [360, 1366])
def test_chart_text_is_at_least_12px_and_never_cut(chromium, width, lang):
    base, browser_ = chromium
    context = browser_.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{base}/{lang}figures/")
    charts = page.locator("figure.portal-chart svg")
    assert charts.count() >= 2  # one chart per kind of figure
    found = page.evaluate("""() => [...document.querySelectorAll('figure.portal-chart svg')].map(svg => {
        const box = svg.getBoundingClientRect();
        return [...svg.querySelectorAll('text')].map(t => {
            const r = t.getBoundingClientRect();
            return {text: t.textContent, size: parseFloat(getComputedStyle(t).fontSize) * box.width / svg.viewBox.baseVal.width,
                    height: r.height, inside: r.left >= box.left - 0.5 && r.right <= box.right + 0.5};
        });
    })""")
    texts = [t for chart in found for t in chart]
    assert texts and all(t["size"] >= 12 for t in texts), [t for t in texts if t["size"] < 12][:3]
    assert all(t["height"] >= 12 for t in texts), [t for t in texts if t["height"] < 12][:3]
    assert all(t["inside"] for t in texts), [t["text"] for t in texts if not t["inside"]]
    # a legend, and a table with the same numbers for screen readers
    tables = " ".join(page.locator("article table").all_inner_texts())
    for chart in found:
        values = [t["text"] for t in chart if re.fullmatch(r"[\d.,]+", t["text"])]
        assert values and all(v in tables for v in values)
    context.close()
