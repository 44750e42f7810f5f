"""The corrections catalogue (data/corrections.yml) against the real seeds and the real build."""
from __future__ import annotations

import re
from html import unescape

import pytest
import yaml

from generator.text import corrections
from generator.read.seed_reader import read_seed

from conftest import ROOT, SEEDS, copy_project, run_generator


CATALOGUE = corrections.load(ROOT / "data" / "corrections.yml", "data/corrections.yml")


def english_of(seed: str) -> str:
    path = next(SEEDS.glob(f"{seed}_*.txt"))
    return " ".join(p.text for p in read_seed(path, "seeds/" + path.name).english.paragraphs)


def chinese_of(seed: str) -> str:
    path = next(SEEDS.glob(f"{seed}_*.txt"))
    zh = read_seed(path, "seeds/" + path.name).version("zh")
    return " ".join(p.text for p in zh.paragraphs) if zh else ""


@pytest.mark.parametrize("entry", CATALOGUE, ids=lambda c: c.id)
def test_each_entry_is_found_in_its_seed_and_says_why(entry):
    assert entry.wrong in english_of(entry.seed)
    assert entry.note.en and entry.note.zh and entry.evidence
    if entry.corrected:
        assert entry.corrected.en != entry.wrong and entry.corrected.zh
    # Where the seed has its own Chinese, the evidence quotes it word for word
    if chinese_of(entry.seed) and re.search(r"[\u4e00-\u9fff]{4}", entry.evidence):
        quoted = re.findall(r"[\u4e00-\u9fff「」，,、0-9%(). ]{6,}", entry.evidence)
        assert any(q.strip() in chinese_of(entry.seed) for q in quoted), entry.evidence


def test_a_wording_not_in_the_seed_stops_the_build(tmp_path):
    root = copy_project(tmp_path / "p")
    path = root / "data" / "corrections.yml"
    text = path.read_text(encoding="utf-8").replace('wrong: "13,000 acres"', 'wrong: "13,000 hectares"')
    path.write_text(text, encoding="utf-8")
    result = run_generator(root, "check")
    line = text[:text.index("id: 004-mu-land-acquired")].count("\n") + 1
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"data/corrections.yml:{line}: correction '004-mu-land-acquired': wording not found in seed 004" in result.stderr


def test_a_correction_without_corrected_text_must_be_marked_uncertain(tmp_path):
    path = tmp_path / "corrections.yml"
    path.write_text(yaml.safe_dump([{"id": "x", "seed": "001", "wrong": "tens of billions",
                                     "note": {"en": "n", "zh": "注"}, "evidence": "e"}]), encoding="utf-8")
    with pytest.raises(corrections.InputError, match="needs 'corrected"):
        corrections.load(path, "data/corrections.yml")


def test_segments_cut_longest_wording_first():
    entries = [c for c in CATALOGUE if c.seed == "004"]
    segs = corrections.segments("a 10,000-acre, 100-billion-dollar platform and 13,000 acres", entries)
    assert [s.correction.id if s.correction else s.text for s in segs] == \
        ["a ", "004-mu-platform-adjective", " platform and ", "004-mu-land-acquired"]


def paragraphs(html: str) -> str:
    return re.sub(r"<[^>]+>", "", " ".join(re.findall(r'<p id="line-\d+"[^>]*>(.*?)</p>', html, re.S)))


def test_english_pages_show_corrections_marked_with_the_sources_wording(built, generated):
    slugs = {m.seed.split("/")[-1][:3]: m.slug for m in generated.news() if m.lang == "en" and m.seed}
    for entry in CATALOGUE:
        html = (built.site / "news" / slugs[entry.seed] / "index.html").read_text(encoding="utf-8")
        note = re.search(rf'<li id="fn:{re.escape(entry.id)}">(.*?)</li>', html, re.S)
        assert note, f"{entry.id}: no editor's note"
        ref = re.search(rf'href="#fn:{re.escape(entry.id)}"', html)
        assert ref, f"{entry.id}: no mark in the text"
        plain_note = re.sub(r"<[^>]+>", "", note.group(1))
        assert "“" + entry.quoted.replace('"', "&quot;")[:30] in plain_note.replace('"', "&quot;") or entry.uncertain
        if entry.corrected:
            text = re.sub(r"</?abbr[^>]*>", "", unescape(html)).replace("’", "'")  # glossary tooltips inside
            assert f'<ins class="correction">{entry.corrected.en}</ins>' in text, entry.id
            if not entry.uncertain:  # the wrong wording is only in the note
                assert entry.wrong not in paragraphs(html).replace("&quot;", '"'), entry.id


def test_the_doubtful_january_value_never_stands_alone(built, generated):
    january = next(m for m in generated.news() if m.lang == "en" and m.seed and m.seed.startswith("seeds/000"))
    html = (built.site / "news" / january.slug / "index.html").read_text(encoding="utf-8")
    body = paragraphs(html)
    assert "with a planned investment of more than 10 billion yuan (the source says “with a planned investment of more than 100 billion”)" in body
    for page in built.site.rglob("*.html"):
        html = re.sub(r'<div class="footnote">.*?</div>', "", page.read_text(encoding="utf-8"), flags=re.S)
        html = re.sub(r'<div class="admonition warning">.*?</div>', "", html, flags=re.S)  # the notes explaining it
        text = re.sub(r"<[^>]+>", "", html)
        for m in re.finditer(r"more than 100 billion|超过1000亿", text):
            around = text[max(0, m.start() - 150):m.end() + 150]
            assert "10 billion yuan" in around.replace("100 billion", "") or "100亿元" in around, \
                f"{page.relative_to(built.site)}: the doubtful value alone: …{around}…"
