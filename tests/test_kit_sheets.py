"""The investor kit on the real build: accessibility statement and PDF fact sheets; the kit's words."""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from conftest import ROOT
from generator.read.schema import LANGS
from kit_pages import ROOTS, SITE_URL, SITES, page


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
    doubtful = [f for f in figures if f["value_is_editors_reading"]]
    assert [f["source_value"] for f in doubtful] == [100000000000] and doubtful[0]["value"] == 10000000000
    assert doubtful[0]["correction"]
    text = _sheet_text(built.site, lang).replace(" ", "")
    said, reading = {"en": ("100billion", "10billion"), "zh": ("1000亿", "100亿元"),
                     "zh-hant": ("1000億", "100億元")}[lang]
    assert re.search(rf"{reading}.{{0,60}}{said}", text), text[:400]


# What each site writes beside a period the editors inferred, and beside a doubtful value
INFERRED = {"en": "(inferred by the editors)", "zh": "（编者推断）", "zh-hant": "（編者推斷）"}
DOUBTFUL = {"en": "Doubtful as the source states it", "zh": "来源数字存疑", "zh-hant": "來源數字存疑"}


@pytest.mark.parametrize("lang", SITES)
def test_fact_sheet_marks_inferred_periods_and_doubtful_values_as_the_site_does(built, lang):
    """data/figures.yml: a period the seed does not give is marked wherever it is shown; the 992 km²
    that the same post contradicts is never printed without its doubt."""
    figures = json.loads((built.site / "data" / "figures.json").read_text(encoding="utf-8"))
    inferred = [f for f in figures if f["period_inferred"]]
    assert {f["id"] for f in inferred} >= {"cluster-land-acquired", "jan-sep-2023-actual-investment"}
    text = _sheet_text(built.site, lang).replace(" ", "")
    assert text.count(INFERRED[lang].replace(" ", "")) == len(inferred)
    site = "".join(page(built.site, f"{ROOTS[lang]}figures").text).replace(" ", "")
    assert site.count(INFERRED[lang].replace(" ", "")) >= len(inferred)
    assert re.search(rf"{DOUBTFUL[lang].replace(' ', '')}.{{0,10}}992", text), text[:600]


def test_traditional_fact_sheet_is_the_simplified_one_in_traditional(built):
    """Its own file, linked from the Traditional pages, in Traditional characters and Hong Kong glyphs."""
    from pypdf import PdfReader
    from generator.pages import traditional
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
    from generator.core.errors import InputError
    from generator.kit.factsheet import _check_fonts
    pdf = weasyprint.HTML(string='<p style="font-family: DejaVu Sans">Zhaoqing</p>').write_pdf()
    with pytest.raises(InputError) as err:
        _check_fonts(pdf, "Noto Sans CJK SC")
    assert "fonts-noto-cjk" in str(err.value.problems[0])



def test_fact_sheet_fonts_are_subset_with_harfbuzz(caplog):
    """WeasyPrint subsets the embedded fonts with HarfBuzz when libharfbuzz-subset is installed
    (tools/system-packages pdf); without it, fontTools takes 3.7 instead of 0.3 CPU-s for each
    Chinese sheet (Noto Sans CJK: CFF, 65 535 glyphs) and WeasyPrint warns."""
    import weasyprint
    with caplog.at_level("WARNING", logger="weasyprint"):
        weasyprint.HTML(string='<p style="font-family: Noto Sans CJK SC">肇庆高新区</p>').write_pdf()
    assert not [r.getMessage() for r in caplog.records if "HarfBuzz" in r.getMessage()], \
        "install Debian's libharfbuzz-subset0 (tools/system-packages pdf)"


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


@pytest.mark.parametrize("lang", SITES)
def test_fact_sheet_has_the_contacts_on_page_one_and_english_in_a_latin_face(built, lang):
    from pypdf import PdfReader
    reader = PdfReader(_sheet(built.site, lang))
    first = reader.pages[0].extract_text()
    assert "+86" in first and "@" in first  # telephone and e-mail of the offices
    # beside whom to ask, what the sources do not give: land price, tariffs, labour, incentives
    gaps = {"en": ("Not in the published sources yet", "Land price", "Incentives", "Ask the investment promotion offices"),
            "zh": ("公开来源尚未提供", "地价", "优惠政策", "投资促进机构查询"),
            "zh-hant": ("公開來源尚未提供", "地價", "優惠政策", "投資促進機構查詢")}[lang]
    flat = first.replace("\n", "")
    assert all(words in flat for words in gaps), first
    fonts = _fonts(reader)
    if lang == "en":  # no CJK metrics or full-width quotes in English text
        assert any("DejaVuSans" in name.replace("-", "") for name in fonts), fonts


SHEET = {"zh": ('<p style="font-family: Noto Sans CJK SC">肇庆高新区</p>', "Noto Sans CJK SC")}


def test_a_sheet_the_drawer_could_not_draw_is_drawn_by_the_generator(tmp_path, monkeypatch):
    """The drawer process (kit/drawing.py) reports a failed sheet; the wait draws it again itself,
    where an error would be raised as a one-process run raises it."""
    from generator.kit import drawing, factsheet

    real, parent = drawing.write_pdf, os.getpid()

    def failing_in_the_drawer(job):
        if os.getpid() != parent:
            raise RuntimeError("Pango failed")
        return real(job)

    monkeypatch.setattr(drawing, "write_pdf", failing_in_the_drawer)
    drawer = drawing.Drawer()  # forked with the failing drawing
    monkeypatch.setattr(drawing, "take", lambda: drawer)
    cache = tmp_path / "cache"
    key = factsheet._key(SHEET["zh"][0])
    pdfs = factsheet.draw_pdfs(SHEET, cache)()
    assert pdfs["zh"].startswith(b"%PDF") and (cache / f"{factsheet.CACHED}{key}.pdf").read_bytes() == pdfs["zh"]
    assert not drawer._process.is_alive()


def test_a_drawer_that_stopped_says_the_renderer_stopped(tmp_path, monkeypatch):
    """Pango without fonts (or a kill) ends the drawer: one message naming the fonts to install."""
    from generator.core.errors import InputError
    from generator.kit import drawing, factsheet

    drawer = drawing.Drawer()
    drawer._process.kill()
    drawer._process.join()
    monkeypatch.setattr(drawing, "take", lambda: drawer)
    with pytest.raises(InputError) as err:
        factsheet.draw_pdfs(SHEET, tmp_path / "cache")()
    assert "the PDF renderer stopped" in str(err.value.problems[0]) and "fonts-noto-cjk" in str(err.value.problems[0])
