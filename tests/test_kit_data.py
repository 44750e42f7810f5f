"""The investor kit on the real build: open data (CSV, JSON) and schema.org JSON-LD."""
from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import msgspec_schemaorg.models as schema_org
import pytest
import yaml
from pyld import jsonld

from conftest import ROOT
from generator.read.schema import LANGS
from kit_pages import ROOTS, SITES, local, page


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
            # the source's amount is in the sentence, as the seed writes it (`value` may be the editors' reading)
            if name == "figures" and record["unit"] != "percent":
                assert Decimal(str(record["source_value"])) in _amounts(sentence), (record["id"], sentence)


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
    "NewsArticle": {"headline", "inLanguage", "publisher", "isBasedOn"},
    "Article": {"datePublished", "archivedAt"},  # the original post a news page republishes
    "GovernmentOrganization": {"name", "contactPoint"},
    "ContactPoint": {"contactType"},
    "Dataset": {"name", "description", "distribution"},
    "DataDownload": {"contentUrl", "encodingFormat"},
    "Organization": {"name"},  # the portal's has its url (test_editorial_round3); an original's publisher has none in the seeds
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
        assert local(built.site, article["isBasedOn"]["archivedAt"]).is_file()  # the source post, published as is
        assert article["isBasedOn"]["datePublished"][:4] in ("2023", "2024")
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
    translated = [o for o in yaml.safe_load((ROOT / "data" / "offices.yml").read_text(encoding="utf-8"))
                  if o.get("zh_name_is_translation")]
    # A Chinese name the site translated is no official name: the seed's English one is, beside it
    assert len([o for o in orgs if "alternateName" in o]) == (len(translated) if lang != "en" else 0)
    for org in orgs:
        assert org["@type"] == "GovernmentOrganization" and org.get("alternateName", org["name"]) in text
        if "alternateName" in org:
            assert org["name"] in seed and org["name"] in [o["name"]["en"] for o in translated]
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


def test_open_data_names_the_correction_of_every_corrected_source_sentence(built):
    """A row whose value stands in a wording data/corrections.yml corrects (13,000 "acres") says
    which correction explains the difference between the sentence and the value."""
    corrections = yaml.safe_load((ROOT / "data" / "corrections.yml").read_text(encoding="utf-8"))
    figures = yaml.safe_load((ROOT / "data" / "figures.yml").read_text(encoding="utf-8"))
    rows = {r["id"]: r for r in json.loads((built.site / "data" / "figures.json").read_text(encoding="utf-8"))}
    checked = 0
    for figure in figures:
        fixes = {c["id"] for c in corrections
                 if c["seed"] == figure["source"]["seed"] and c["wrong"] in figure["source"]["quote"]
                 and figure["value"] in c["wrong"]}
        if fixes:
            assert rows[figure["id"]]["correction"] in fixes, figure["id"]
            checked += 1
    assert checked >= 2
