"""Editorial truth, round three: every output of the real build against the seeds and the catalogue,
one test per category of the review (inferences marked everywhere, the map, open data, structured
data, machine translation, the Traditional site, internal words, the published sources)."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, SEEDS
from generator.kit import districtmap
from generator.kit.boundaries import load as load_boundaries
from kit_pages import ROOTS, SITES

INFERRED = {"en": "(inferred by the editors)", "zh": "（编者推断）", "zh-hant": "（編者推斷）"}


def _yaml(name: str):
    return yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8"))


def _html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def _text(site: Path, path: str) -> str:
    soup = BeautifulSoup(_html(site, path), "lxml")
    return soup.find("article").get_text(" ", strip=True)


def _pages(site: Path):
    return [p for p in site.rglob("*.html") if "pagefind" not in p.parts]


# 1. An inference is marked wherever the fact is shown ------------------------------------------

@pytest.mark.parametrize("lang", SITES)
def test_inferred_project_parks_and_park_industries_are_marked_on_park_and_sector_pages(built, lang):
    projects = [p for p in _yaml("projects.yml") if p.get("park_inferred")]
    parks = {p["id"]: p for p in _yaml("parks.yml")}
    assert projects  # the seeds' Manfu and Guorui Xiechuang
    for project in projects:
        html = _html(built.site, f"{ROOTS[lang]}parks/{project['park']}")
        # the project's link on its park page is followed by the mark
        link = re.search(rf'href="[^"]*projects/{project["id"]}/"[^>]*>[^<]*</a>([^<·]*)', html)
        assert link and INFERRED[lang] in link.group(1), (lang, project["id"])
    for park in parks.values():
        for sector in park.get("sectors_inferred", []):
            html = _html(built.site, f"{ROOTS[lang]}sectors/{sector}")
            link = re.search(rf'href="[^"]*parks/{park["id"]}/"[^>]*>[^<]*</a>([^<·]*)', html)
            assert link and INFERRED[lang] in link.group(1), (lang, park["id"], sector)



@pytest.mark.parametrize("lang", SITES)
def test_an_event_linked_to_its_project_by_inference_is_marked(built, lang):
    """Seed 000's Hydrogen Blue "South China headquarters project" is the fuel cell project of seeds
    001 and 002 only in the editors' reading (`project_inferred` in data/events.yml)."""
    events = [e for e in _yaml("events.yml") if e.get("project_inferred")]
    assert events
    html = _html(built.site, f"{ROOTS[lang]}invest/events")
    for event in events:
        part = html.split(f'id="{event["id"]}"', 1)[1].split("<h2", 1)[0]
        link = re.search(rf'href="[^"]*projects/{event["project"]}/"[^>]*>[^<]*</a>([^<·]*)', part)
        assert link and INFERRED[lang] in link.group(1), (lang, event["id"])

@pytest.mark.parametrize("lang", SITES)
def test_a_date_the_editors_read_onto_a_project_is_marked_in_the_projects_list(built, lang):
    """Seed 000 dates the Hydrogen Blue "South China headquarters project", the fuel cell project
    only in the editors' reading: the projects list showed that date unmarked."""
    projects = _yaml("projects.yml")
    said = [d for p in projects for d in p.get("dates", []) if "the editors" in d["en"]]
    assert said and all(d.get("inferred") is True for d in said), "a date its own text calls the editors' reading"
    soup = BeautifulSoup(_html(built.site, f"{ROOTS[lang]}projects"), "lxml")
    for project in projects:
        marked = [d for d in project.get("dates", []) if d.get("inferred")]
        row = soup.find("a", href=re.compile(rf"(^|/){project['id']}/$")).find_parent("tr")
        assert row.get_text().count(INFERRED[lang]) >= len(marked), (lang, project["id"])


def test_open_data_carries_the_inferred_marks(built):
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(
        (built.site / "data" / "projects.csv").read_text(encoding="utf-8-sig")))}
    for project in _yaml("projects.yml"):
        assert rows[project["id"]]["park_inferred"] == str(bool(project.get("park_inferred")))
    parks = {r["id"]: r for r in json.loads((built.site / "data" / "parks.json").read_text(encoding="utf-8"))}
    for park in _yaml("parks.yml"):
        assert parks[park["id"]]["sectors_inferred"] == park.get("sectors_inferred", [])


# 2. The map: a badge lies wholly inside the district its park is in ----------------------------

@pytest.mark.parametrize("lang", SITES)
def test_every_park_badge_lies_wholly_inside_its_district(built, lang):
    regions = load_boundaries(ROOT)
    regions = regions[0] if isinstance(regions, tuple) else regions
    projection = districtmap._Projection(regions)
    parks = {p["id"]: p for p in _yaml("parks.yml")}
    rings = {parks[d]["id"]: projection.rings(r) for r in regions
             for d in parks if parks[d]["name"]["zh"] == r.name_zh}
    html = _html(built.site, f"{ROOTS[lang]}parks")
    badges = re.findall(r'href="[^"]*parks/([^/"]+)/"[^>]*><title>[^<]*</title><circle cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)"', html)
    placed = 0
    for park_id, x, y, r in badges:
        district = parks[park_id]["district"]
        if district is None:
            continue
        x, y, r = float(x), float(y), float(r)
        polygons = rings[district]
        assert any(districtmap.inside(x, y, poly) and districtmap.edge_distance(x, y, poly) >= r for poly in polygons), \
            (park_id, district, x, y)
        for other, poly in rings.items():  # and inside no other district
            if other != district:
                assert not any(districtmap.inside(x, y, p) for p in poly), (park_id, other)
        placed += 1
    assert placed == sum(1 for p in parks.values() if p["kind"] in ("park", "platform") and p["district"])


# 3. Open data: the value to use, the source's own value and words, stocks dated as of -----------

def test_figures_value_is_the_editors_reading_and_stocks_are_dated_as_of(built):
    rows = json.loads((built.site / "data" / "figures.json").read_text(encoding="utf-8"))
    figures = {f["id"]: f for f in _yaml("figures.yml")}
    corrections = {c["id"]: c for c in _yaml("corrections.yml")}
    seeds = {p.name[:3]: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    assert any(r["value_is_editors_reading"] for r in rows)
    for row in rows:
        source = figures[row["id"]]
        if source.get("reading"):
            assert row["value_is_editors_reading"] and row["value"] != row["source_value"]
        if row["source_wording"]:  # the source's own words, word for word in its seed
            assert row["source_wording"] == corrections[source["correction"]]["wrong"]
            assert row["source_wording"] in seeds[source["source"]["seed"]]
        if str(source["period"]).startswith("as of "):
            assert row["as_of"] == source["period"].removeprefix("as of ")
            assert row["period_start"] is None and row["period_end"] is None
        else:
            assert row["as_of"] is None and row["period_start"] <= row["period_end"]


# 4. Structured data: the original's publisher and date, the portal as republisher ---------------

@pytest.mark.parametrize("lang", SITES)
def test_news_structured_data_names_the_original_publisher_and_date(built, lang):
    checked = 0
    for index in (built.site / ROOTS[lang] / "news").glob("*/index.html"):
        soup = BeautifulSoup(index.read_text(encoding="utf-8"), "lxml")
        for script in soup.find_all("script", type="application/ld+json"):
            data = json.loads(script.string)
            if data.get("@type") != "NewsArticle":
                continue
            original = data["isBasedOn"]
            assert "datePublished" not in data  # the portal's own day is not in the seeds
            assert data["publisher"]["url"].startswith("https://")  # the portal republishes
            seed = (SEEDS / original["archivedAt"].rsplit("/", 1)[-1]).read_text(encoding="utf-8")
            day = original["datePublished"][:10]
            assert day in seed, day  # the original's date, as the source line gives it
            if "publisher" in original:  # named in the seed's source line
                assert original["publisher"]["name"] in seed or lang != "en"
            checked += 1
    assert checked >= 4


# 5. Machine translation left in prose ----------------------------------------------------------

def test_business_environment_sentence_reads_as_the_chinese_says(built):
    text = _text(built.site, "news/zhaoqing-insists-taking-lead-manufacturing-industry-sets-off")
    assert "stays at the forefront of the Guangdong-Hong Kong-Macao Greater Bay Area" in text
    zh = _text(built.site, "zh/news/zhaoqing-insists-taking-lead-manufacturing-industry-sets-off")
    assert "宁德时代新能源科技股份有限公司" not in zh  # a legal name the source does not give
    assert "CATL New Energy Technology Co., Ltd." in zh  # as the source spells it


@pytest.mark.parametrize("lang", SITES)
def test_a_year_the_source_does_not_give_is_marked(built, lang):
    text = _text(built.site, f"{ROOTS[lang]}projects/manfu-battery-parts")
    assert {"en": "2024 is the editors' reading", "zh": "2024年为编者推断", "zh-hant": "2024年為編者推斷"}[lang] in text


# 6. The Traditional site in Hong Kong Chinese ---------------------------------------------------

def test_traditional_pages_use_hong_kong_words_and_context_characters(built):
    phrases = _yaml("traditional_phrases.yml")
    words = [p for p in phrases if p.get("word")]
    assert words
    mainland = ["鼠標", "打印", "鏈接", "拷貝", "源代碼", "導航", "設置", "頁脚", "博客", "保存聯絡人", "反饋"]
    seed_001 = next(SEEDS.glob("001_*.txt")).read_text(encoding="utf-8")
    assert "週動態" in seed_001  # the source's own Traditional form
    for path in _pages(built.site / "zh-hant"):
        html = path.read_text(encoding="utf-8")
        for word in mainland:
            assert word not in html, (path, word)
        assert "周動態" not in html and "，併為" not in html and "」松騎行" not in html, path
    hant = "".join(p.read_text(encoding="utf-8") for p in _pages(built.site / "zh-hant"))
    for p in phrases:
        if p["simplified"] in ("，并为", "”松骑行", "周动态"):
            assert p["traditional"].replace("”", "」") in hant, p


# 7. No internal words on public pages -----------------------------------------------------------

def test_no_public_page_names_a_seed_file_or_doubles_quotation_marks(built):
    for path in [*_pages(built.site), *(built.site / "data").iterdir()]:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\bseeds?[ _/]?0\d\d", text, re.I), path
        assert not re.search(r'“"|"”', text), path


# 8. Published sources: declared encoding, blog chrome marked ------------------------------------

def test_published_sources_declare_utf8_and_mark_the_blog_page(built):
    for seed in SEEDS.glob("*.txt"):
        data = (built.site / "sources" / seed.name).read_bytes()
        assert data.startswith(b"\xef\xbb\xbf")  # a browser reads it as UTF-8 without a charset header
        text = data.decode("utf-8-sig")
        for line in seed.read_text(encoding="utf-8").splitlines():  # nothing of the post is lost
            assert line in text
        for line in text.splitlines():
            if line.strip() in ("No comments:", "Post a Comment") or line.startswith("Showing posts with label"):
                pytest.fail(f"{seed.name}: blog chrome not marked: {line}")
