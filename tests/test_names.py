"""The names policy (data/names.yml) applied to the catalogue, the translations and the built site."""
from __future__ import annotations

import re

import pytest
import yaml

from generator.pages import traditional
from generator.text import chinese
from generator.read.seed_reader import read_seed

from conftest import ROOT, SEEDS

POLICY = yaml.safe_load((ROOT / "data" / "names.yml").read_text(encoding="utf-8"))
CATALOGUE = {kind: yaml.safe_load((ROOT / "data" / f"{kind}.yml").read_text(encoding="utf-8"))
             for kind in ("parks", "projects", "offices")}


def seed_text(prefix: str, lang: str) -> str:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    version = read_seed(path, "seeds/" + path.name).version(lang)
    return " ".join([version.title, *(p.text for p in version.paragraphs)]) if version else ""


SEED_CHINESE = chinese.to_simplified(" ".join(seed_text(p.name[:3], "zh") for p in SEEDS.glob("*.txt")))
OFFICIAL = [o["zh"] for o in POLICY["official"]]


@pytest.mark.parametrize("kind, entry", [(k, e) for k, entries in CATALOGUE.items() for e in entries],
                         ids=lambda x: x if isinstance(x, str) else x["id"])
def test_each_chinese_name_is_from_a_seed_official_or_marked(kind, entry):
    name = entry["name"]["zh"]
    from_seed = name in SEED_CHINESE
    official = any(name.startswith(o) for o in OFFICIAL)
    assert from_seed or official or entry.get("zh_name_is_translation"), \
        f"{kind}/{entry['id']}: {name} is not in a seed's Chinese, not an official name and not marked as the site's rendering"
    if official and not from_seed:  # established official names carry no mark
        assert not entry.get("zh_name_is_translation") or not any(name == o for o in OFFICIAL)


def test_one_entity_one_name():
    names = [e["name"]["zh"] for entries in CATALOGUE.values() for e in entries]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("entry", POLICY["latin_only"], ids=lambda e: e["name"])
def test_latin_only_names_are_in_their_seed_and_never_given_invented_characters(entry, built):
    assert entry["name"] in seed_text(entry["seed"], "en")
    for path in list((ROOT / "docs").rglob("*.md")) + list((ROOT / "data").glob("*.yml")):
        # search_synonyms.yml: what readers may type (双龙), indexed, never shown (the pages below)
        if path.name in ("names.yml", "search_synonyms.yml"):
            continue
        text = path.read_text(encoding="utf-8")
        for guess in entry["never"]:
            assert guess not in text, f"{path.relative_to(ROOT)}: invented characters {guess} for {entry['name']}"
    for page in built.site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for guess in entry["never"]:
            assert guess not in text, f"{page.relative_to(built.site)}: {guess} for {entry['name']}"


def test_latin_names_in_the_translations_match_the_english(built):
    """Every Latin-only name the English page shows is shown the same way on the Chinese page."""
    for zh in (ROOT / "docs" / "news").glob("*.zh.md"):
        seed = re.search(r"^seed: seeds/(\d{3})_", zh.read_text(encoding="utf-8"), re.M).group(1)
        english = seed_text(seed, "en")
        for entry in POLICY["latin_only"]:
            if entry["name"] in english and entry["kind"] != "person" or \
                    entry["kind"] == "person" and re.search(rf"\b{entry['name']}\b", english):
                assert entry["name"] in zh.read_text(encoding="utf-8"), f"{zh.name}: {entry['name']} missing"


_TRADITIONAL = traditional.converter(tuple(traditional.load_phrases(ROOT / "data" / traditional.PHRASES, "data")))


@pytest.mark.parametrize("lang, mark", [("zh", "（本站译名）"), ("zh-hant", "（本站譯名）")])
def test_a_translated_name_is_marked_on_the_home_page_too(built, lang, mark):
    """The parks and offices the home page lists carry the mark their own pages and the parks list
    carry: "端州区 Shuanglong 工业园片区" was marked on the park pages and not on the home page."""
    html = (built.site / lang / "index.html").read_text(encoding="utf-8")
    names = [e["name"]["zh"] for kind in ("parks", "offices") for e in CATALOGUE[kind]
             if e.get("zh_name_is_translation") and (kind == "offices" or e.get("kind") in ("platform", "park"))]
    assert names
    for name in names:
        shown = _TRADITIONAL(name) if lang == "zh-hant" else name
        assert re.search(re.escape(shown) + r"</strong>(</a>)?" + re.escape(mark), html), (lang, shown)
