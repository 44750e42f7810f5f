"""The Traditional Chinese site (/zh-hant/): complete, converted, labelled, discoverable."""
from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import opencc
import pytest

from generator.pages import traditional
from generator.core.errors import InputError

from conftest import ROOT, build_site, copy_project, run_generator

HAN = re.compile(r"[\u3400-\u9fff]")
NEWS = "zhaoqing-insists-taking-lead-manufacturing-industry-sets-off"


@pytest.fixture(scope="module")
def convert():
    return traditional.converter(tuple(traditional.load_phrases(ROOT / "data" / traditional.PHRASES, "data")))


class _Text(HTMLParser):
    """Text a reader sees (and the title and descriptions), without scripts, styles and SVG."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        # Another language's name in the language switcher is written in that language
        other = tag == "a" and dict(attrs).get("hreflang") not in (None, "zh-hant")
        if tag in ("script", "style", "svg") or other:
            self._skip += 1
        for name, value in attrs:
            if name in ("title", "alt", "aria-label", "content") and value:
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style", "svg", "a") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(path: Path) -> str:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return "\n".join(p for p in parser.parts if HAN.search(p))


def leaks(text: str, convert) -> list[str]:
    """Lines the converter would still change: a Simplified-only character got through."""
    return [line for line in text.splitlines() if convert(line) != line]


# --- the choice of converter, on the portal's own words ------------------------------------------

@pytest.mark.parametrize("simplified,expected", [
    ("项目", "項目"), ("资讯", "資訊"), ("投资促进局", "投資促進局"), ("333.5亿元", "333.5億元"),
    ("粤港澳大湾区", "粵港澳大灣區"), ("1.3万亩", "1.3萬畝"), ("肇庆", "肇慶"),
    ("电子信息", "電子資訊"),  # a Hong Kong word, as seed 001's own Traditional text writes it (data/traditional_phrases.yml)
])
def test_hong_kong_standard_keeps_mainland_vocabulary(convert, simplified, expected):
    assert convert(simplified) == expected


def test_chinese_quotes_take_corner_brackets_english_ones_stay(convert):
    assert convert("属于“两新一电”产业，“‘标准厂房’是起步” and “good start”") == \
        "屬於「兩新一電」產業，「『標準廠房』是起步」 and “good start”"
    # a name made of numbers is Chinese text's own (the glossary's “344” park carrier)
    assert convert("“344”园区载体，省委“1310”具体部署，“Manfu”") == "「344」園區載體，省委「1310」具體部署，“Manfu”"


def test_taiwan_phrases_would_rewrite_the_portals_terms():
    # Why s2hk and not s2twp (README): Taiwan phrasing renames the portal's own terms
    s2twp = opencc.OpenCC("s2twp")
    assert s2twp.convert("项目") == "專案" and s2twp.convert("电子信息") == "電子資訊"


def test_phrase_dictionary_entries_are_applied_and_stable(convert):
    assert convert.phrases, "data/traditional_phrases.yml holds the portal's fixes"
    for phrase in convert.phrases:
        assert convert(phrase.simplified) == phrase.traditional
        assert convert(phrase.traditional) == phrase.traditional  # converting twice changes nothing


@pytest.mark.parametrize("entry,message", [
    ("- simplified: 项目\n  traditional: 項目\n  why: x\n", "OpenCC already writes 項目"),
    ("- simplified: 项目\n  traditional: 專案\n  why: x\n", "does not read as 项目"),
    ("- simplified: 发布\n  traditional: 發布\n", "exactly simplified, traditional and why"),
])
def test_bad_phrase_entry_is_one_line_naming_file_and_line(tmp_path, entry, message):
    path = tmp_path / "phrases.yml"
    path.write_text("# fixes\n" + entry, encoding="utf-8")
    with pytest.raises(InputError) as err:
        traditional.load_phrases(path, "data/traditional_phrases.yml")
    problem = str(err.value.problems[0])
    assert problem.startswith("data/traditional_phrases.yml:2:") and message in problem and "\n" not in problem


def test_traditional_ui_strings_are_complete_and_traditional(convert):
    import yaml
    zh = yaml.safe_load((ROOT / "generator" / "strings" / "zh.yml").read_text(encoding="utf-8"))
    hant_text = (ROOT / "generator" / "strings" / "zh-hant.yml").read_text(encoding="utf-8")
    assert set(yaml.safe_load(hant_text)) == set(zh)
    assert leaks(hant_text, convert) == []


def test_each_distinct_line_is_converted_once(convert):
    traditional.converter.cache_clear()
    fresh = traditional.converter(convert.phrases)
    fresh("肇庆\n投资\n肇庆\n")
    fresh("肇庆\n")
    info = fresh.line.cache_info()
    assert info.misses == 2 and info.hits == 2


# --- the built site ----------------------------------------------------------------------------

def pages_of(site: Path, lang: str) -> set[str]:
    root = site / lang
    return {p.relative_to(root).as_posix() for p in root.rglob("index.html")}


def test_every_simplified_page_has_its_traditional_page(built):
    zh, hant = pages_of(built.site, "zh"), pages_of(built.site, "zh-hant")
    assert len(zh) > 40 and zh == hant
    for name in ("feed_rss.xml", "feed.json", "figures/investment-chart.svg"):
        assert (built.site / "zh-hant" / name).is_file()


def test_no_simplified_only_character_in_traditional_text(built, convert):
    pages = sorted((built.site / "zh-hant").rglob("*.html"))
    checked = 0
    for page in pages:
        text = visible_text(page)
        assert leaks(text, convert) == [], page.relative_to(built.site)
        checked += len(HAN.findall(text))
    chart = (built.site / "zh-hant" / "figures" / "investment-chart.svg").read_text(encoding="utf-8")
    assert leaks(chart, convert) == []
    assert checked > 20000


def test_the_leak_check_finds_simplified_text(built, convert):
    # The same check on the Simplified site must fail, or it proves nothing
    text = visible_text(built.site / "zh" / "news" / NEWS / "index.html")
    assert len(leaks(text, convert)) > 10


def test_traditional_pages_say_lang_and_read_in_traditional(built):
    page = built.site / "zh-hant" / "news" / NEWS / "index.html"
    source = page.read_text(encoding="utf-8")
    assert '<html lang="zh-Hant"' in source
    assert '<meta property="og:locale" content="zh_HK">' in source
    text = visible_text(page)
    assert "肇慶堅持製造業當家" in text and "發布日期：2023年10月11日" in text
    assert "簡繁轉換" in text or "自動轉換" in text  # the page says it is a conversion
    # Material's own interface in Traditional Chinese, and the site's
    assert "投資肇慶" in source and "聯絡我們" in source and "跳至內容" in source
    assert "本站繁體中文版由簡體中文版經 OpenCC 自動轉換" in text  # footer on every page


def test_units_dates_and_glossary_in_traditional(built):
    figures = visible_text(built.site / "zh-hant" / "figures" / "index.html")
    assert "億元" in figures and "萬畝" in figures and "亿" not in figures
    index = visible_text(built.site / "zh-hant" / "news" / "index.html")
    assert "2024年5月7日" in index
    glossary = visible_text(built.site / "zh-hant" / "glossary" / "index.html")
    assert "兩新一電" in glossary and "本站譯名" in glossary


def test_traditional_news_have_traditional_tooltips(built, generated, convert):
    slug = next(m.slug for m in generated.news() if m.seed and m.seed.startswith("seeds/002") and m.lang == "en")
    page = (built.site / "zh-hant" / "news" / slug / "index.html").read_text(encoding="utf-8")
    title = re.search(r'<abbr title="([^"]+)">兩新一電</abbr>', page)
    assert title and leaks(html.unescape(title.group(1)), convert) == []


@pytest.mark.parametrize("page", ["", "sectors/hydrogen-energy/", f"news/{NEWS}/", "figures/", "contact/"])
def test_language_switcher_lists_three_languages_and_keeps_the_page(built, page):
    for lang in ("", "zh/", "zh-hant/"):
        source = (built.site / lang / page / "index.html").read_text(encoding="utf-8")
        links = dict((code, href) for href, code in
                     re.findall(r'<a href="([^"]+)" hreflang="([^"]+)" class="md-select__link"', source))
        assert set(links) == {"en", "zh", "zh-hant"}
        for code, folder in (("en", ""), ("zh", "zh/"), ("zh-hant", "zh-hant/")):
            href = links[code]
            if folder == lang and href == "./":
                continue  # this page itself
            # the same page in that language: the path after the site's sub-path
            tail = re.sub(r"^(\.\./)+|^/portal/", "", href)
            assert tail == folder + page, (lang, code, href)
        assert "繁體中文" in source and "简体中文" in source


def test_traditional_feeds_link_the_traditional_news(built):
    news = {p.name for p in (built.site / "zh-hant" / "news").iterdir() if p.is_dir()}
    rss = feedparser.parse((built.site / "zh-hant" / "feed_rss.xml").read_bytes())
    assert not rss.bozo and rss.feed.language == "zh-HK"
    assert {e.link.rstrip("/").rsplit("/", 1)[-1] for e in rss.entries} == news
    assert all("/zh-hant/news/" in e.link for e in rss.entries)
    feed = json.loads((built.site / "zh-hant" / "feed.json").read_text(encoding="utf-8"))
    assert feed["language"] == "zh-HK" and "肇慶" in feed["title"]


def test_status_reports_traditional(generated):
    result = run_generator(ROOT, "status")
    header, *rows = [line.split() for line in result.stdout.strip().splitlines()]
    assert header[1] == "zh-hant"
    hant = {m.slug for m in generated.news() if m.lang == traditional.LANG}
    assert {row[2] for row in rows if row[1] == "converted"} == hant



# --- editor overrides --------------------------------------------------------------------------

def test_editor_override_is_published_as_written_and_never_touched(tmp_path):
    root = copy_project(tmp_path / "project")
    override = root / "docs" / "news" / f"{NEWS}.zh-hant.md"
    written = "---\ntitle: 肇慶堅持製造業當家（編輯版）\ndate: 2023-10-11\n---\n# 肇慶堅持製造業當家（編輯版）\n\n編輯親自撰寫的繁體中文版本。\n"
    override.write_text(written, encoding="utf-8")
    before = override.stat().st_mtime_ns
    site = build_site(root)
    assert override.read_text(encoding="utf-8") == written and override.stat().st_mtime_ns == before
    page = visible_text(site.site / "zh-hant" / "news" / NEWS / "index.html")
    assert "編輯親自撰寫的繁體中文版本" in page
    status = run_generator(root, "status")
    assert re.search(rf"^\S+\s+edited\s+{NEWS}\s", status.stdout, re.M), status.stdout


def test_override_without_its_page_is_one_clear_line(tmp_path):
    root = copy_project(tmp_path / "project")
    (root / "docs" / "news" / "no-such-item.zh-hant.md").write_text("---\ntitle: 無\ndate: 2024-01-01\n---\n\n無。\n",
                                                                      encoding="utf-8")
    result = run_generator(root, "check")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "docs/news/no-such-item.zh-hant.md:1: Traditional page without its English or Chinese page" in result.stderr
    assert "or add docs/news/no-such-item.md" in result.stderr


def test_override_of_a_draft_stays_out_with_its_item(tmp_path):
    root = copy_project(tmp_path / "project")
    news = root / "docs" / "news"
    (news / "future-plant.md").write_text("---\ntitle: Future plant\ndate: 2024-06-01\ndraft: true\n---\nSoon.\n",
                                          encoding="utf-8")
    (news / "future-plant.zh-hant.md").write_text("---\ntitle: 未來工廠\ndate: 2024-06-01\n---\n即將公布。\n",
                                                  encoding="utf-8")
    result = run_generator(root, "build")
    assert result.returncode == 0, result.stderr
    built_news = root / "build" / "docs" / "news"
    assert not (built_news / "future-plant.zh-hant.md").exists() and not (built_news / "future-plant.md").exists()


def test_an_original_chinese_item_is_labelled_as_converted_in_traditional(tmp_path):
    root = copy_project(tmp_path / "project")
    news = root / "docs" / "news"
    (news / "sihui-fair.md").write_text("---\ntitle: Sihui fair\ndate: 2024-06-01\n---\nA fair.\n", encoding="utf-8")
    (news / "sihui-fair.zh.md").write_text("---\ntitle: 四会展会\ndate: 2024-06-01\norigin: original\n---\n四会举办展会。\n",
                                           encoding="utf-8")
    assert run_generator(root, "build").returncode == 0
    zh = (root / "build" / "docs" / "news" / "sihui-fair.zh.md").read_text(encoding="utf-8")
    hant = (root / "build" / "docs" / "news" / "sihui-fair.zh-hant.md").read_text(encoding="utf-8")
    assert "OpenCC" not in zh
    assert "origin: converted" in hant and "簡繁轉換" in hant and "四會舉辦展會。" in hant


def test_traditional_pages_ask_for_traditional_glyphs(built):
    css = (built.site / "assets" / "stylesheets" / "portal.css").read_text(encoding="utf-8")
    block = css[css.index(":root:lang(zh-Hant)"):]
    block = block[:block.index("}")]
    assert "PingFang HK" in block and "Microsoft JhengHei" in block and "Noto Sans CJK TC" in block
    assert "SC" not in block and "YaHei" not in block


def test_traditional_site_passes_the_chinese_typography_lint(built):
    # The Simplified site's lint (punctuation, spaces, raw dates, mixed names); its word lists
    # are Simplified mainland wording, which the conversion keeps and so need no second check
    from generator.text import zh_lint

    found = []
    for page in sorted((built.site / "zh-hant").rglob("*.html")):
        text = zh_lint.visible_text(page.read_text(encoding="utf-8"))
        found += zh_lint.lint_text(page.relative_to(built.site).as_posix(), text, {"taiwan": [], "it_terms": []})
    assert not found, "\n" + "\n".join(map(str, found))


def test_override_of_any_page_passes_the_docs_checks_and_replaces_it(tmp_path):
    root = copy_project(tmp_path / "project")
    (root / "docs" / "sectors").mkdir(parents=True, exist_ok=True)
    written = "---\ntitle: 氫能\n---\n# 氫能\n\n編輯撰寫的氫能產業介紹。見[新聞](../../news/)。\n"
    (root / "docs" / "sectors" / "hydrogen-energy.zh-hant.md").write_text(written, encoding="utf-8")
    result = run_generator(root, "build")
    assert result.returncode == 0, result.stderr
    assert (root / "build" / "docs" / "sectors" / "hydrogen-energy.zh-hant.md").read_text(encoding="utf-8") == written


def test_traditional_site_writes_its_own_ui_words_and_common_glyphs(built):
    """聯絡 (generator/strings/zh-hant.yml) in every title and on the pages that name the contact
    page, never 聯繫 converted from the Simplified UI word 联系 (body text may use 聯繫, "to link");
    說, 戶, 稅, 群 as Hong Kong's government writes them, not s2hk's 説, 户, 税, 羣
    (data/traditional_phrases.yml)."""
    ui = {"index.html", "contact/index.html", "accessibility/index.html"}
    for path in (built.site / "zh-hant").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        found = [w for w in ("説", "户", "税", "羣") if w in text]
        title = re.search(r"<title>(.*?)</title>", text).group(1)
        if "聯繫" in title or path.relative_to(built.site / "zh-hant").as_posix() in ui and "聯繫" in text:
            found.append("聯繫")
        assert not found, (path.relative_to(built.site), found)
    home = (built.site / "zh-hant" / "index.html").read_text(encoding="utf-8")
    contact = (built.site / "zh-hant" / "contact" / "index.html").read_text(encoding="utf-8")
    parks = (built.site / "zh-hant" / "parks" / "index.html").read_text(encoding="utf-8")
    assert "聯絡投資促進機構" in home and "<title>聯絡我們" in contact and "儲存聯絡人" in contact
    assert "落戶" in parks


def test_the_search_map_is_each_character_converted_alone():
    # generator/publish/search.py converts every CJK character in one OpenCC call, one per line:
    # it must be what converting each alone gives (the Traditional index keeps every character's place)
    import opencc

    from generator.publish import search
    convert = opencc.OpenCC("t2s").convert
    alone = {code: convert(chr(code)) for block in ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))
             for code in range(*block)}
    assert search._t2s_table() == {code: s for code, s in alone.items() if len(s) == 1 and s != chr(code)}
    assert search.to_simplified("寧德時代的電池") == "宁德时代的电池"
