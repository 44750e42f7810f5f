"""Bad input that used to be lost or published wrongly: now published whole, or refused by name."""
from __future__ import annotations

import pytest

from bad_input_steps import (SEED_SLUG, both, built_docs_after, edit, expect_rejected, front, inputs_hash, item,
                             line_of, seed_001_lines, seed_text, write)
from conftest import ROOT, run_generator



HYDROGEN_DATE = next(line for line in (ROOT / "data" / "projects.yml").read_text(encoding="utf-8").splitlines()
                     if line.startswith('    - {date: "2024-01-27", inferred: true,'))
CHINESE_ONLY = seed_text("2024年5月7日", "落地建設跑出「加速度」! 肇慶2024年第一季招商實現良好開局",
                         "落地建設跑出「加速度」! 肇慶2024年第一季招商實現良好開局", "投資肇慶 2024-05-07 22:09 中國廣東",
                         "節慶期間,每逢車輛在肇慶大型產業集聚區路過,都可看到樁機作業不停歇。",
                         "據統計,2024年第一季度,肇慶新引進產業項目186個,其中製造業項目134個。")


def test_a_chinese_only_seed_is_published_in_chinese_with_an_english_notice(project):
    docs = built_docs_after(project, write("seeds/908_zh.txt", CHINESE_ONLY))
    new = [p for p in (docs / "news").glob("*.zh.md") if front(p).get("seed") == "seeds/908_zh.txt"]
    assert len(new) == 1
    zh = front(new[0])
    slug = new[0].name.removesuffix(".zh.md")
    assert slug.startswith("luo-di-jian-she"), "the Chinese title in pinyin"
    assert (zh["lang"], zh["origin"]) == ("zh", "converted")
    assert zh["title"].startswith("落地建设跑出") and zh["title"].endswith("招商实现良好开局") and "肇庆2024年" in zh["title"]
    assert "肇庆新引进产业项目186个" in new[0].read_text(encoding="utf-8")
    en_page = docs / "news" / f"{slug}.md"
    en = front(en_page)
    assert (en["lang"], en["origin"]) == ("en", "missing")
    assert "No English version yet" in en_page.read_text(encoding="utf-8")
    assert "據統計" not in en_page.read_text(encoding="utf-8") and "据统计" not in en_page.read_text(encoding="utf-8")
    # Stable: the same seed gets the same slug on the next run
    assert run_generator(project, "build").returncode == 0
    assert (docs / "news" / f"{slug}.zh.md").is_file()


def test_an_english_only_seed_gets_the_chinese_notice(project):
    text = seed(("Monday, June 3, 2024", "Sihui opens a new hardware park", "Sihui opens a new hardware park",
                 "Invest in Zhaoqing 2024-06-03 10:00 Guangdong, China",
                 "The new hardware park in Sihui covers 1,200 mu and expects 3.5 billion yuan of output, up 12.5% on the plan."))
    docs = built_docs_after(project, write("seeds/909_en.txt", text))
    assert front(docs / "news" / "sihui-opens-new-hardware-park.md")["lang"] == "en"
    assert front(docs / "news" / "sihui-opens-new-hardware-park.zh.md")["origin"] == "missing"


def seed(lines) -> str:
    return seed_text(*lines)


def test_numbers_in_summaries_come_out_as_written(project):
    sentence = "The new hardware park in Sihui covers 1,200 mu and expects 3.5 billion yuan of output, up 12.5% on the plan."
    text = seed(("Monday, June 3, 2024", "Sihui opens a new hardware park", "Sihui opens a new hardware park",
                 "Invest in Zhaoqing 2024-06-03 10:00 Guangdong, China", sentence + " More will follow next year."))
    docs = built_docs_after(project, write("seeds/909_en.txt", text))
    assert front(docs / "news" / "sihui-opens-new-hardware-park.md")["summary"].startswith(sentence)
    assert sentence in (docs / "news" / "index.md").read_text(encoding="utf-8")
    for feed in ("feed.json", "feed_rss.xml"):
        assert "3.5 billion yuan of output, up 12.5% on the plan." in (docs / feed).read_text(encoding="utf-8")


CONTENT = {
    "source-line-impossible-date": (
        write("seeds/907_baddate.txt", seed_text("Tuesday, May 7, 2024", "A title", "A title",
                                                 "Invest in Zhaoqing 2024-02-30 22:09 Guangdong, China",
                                                 "Body text that would otherwise follow the source line.")),
        ["seeds/907_baddate.txt:7: source line has an impossible date or time: "
         "'Invest in Zhaoqing 2024-02-30 22:09 Guangdong, China'"]),
    "japanese-only-seed": (write("seeds/910_ja.txt", seed_text("Tuesday, May 7, 2024", *[l for l in
                                 seed_001_lines("ja")])), ["seeds/910_ja.txt:1: seed has neither an English nor a Chinese version"]),
}


@pytest.mark.parametrize("case", sorted(CONTENT))
def test_content_that_would_be_lost_is_reported(project, case):
    change, expected = CONTENT[case]
    expect_rejected(project, change, expected)


GOOD = ("title: A new plant", "date: 2024-06-01")

# Validation reaches every Markdown file in docs/, and says the right thing at the right line
VALIDATION = {
    "news-in-a-sub-folder": (write("docs/news/2024/late.md", "---\ntitle: [broken\n---\n"),
                             ["docs/news/2024/late.md:1: news items are read only from docs/news/ itself"]),
    "page-with-broken-front-matter": (write("docs/about/index.md", "---\ntitle: [broken\n---\n# About\n"),
                                      ["docs/about/index.md:2: front matter is not valid YAML"]),
    "page-with-unknown-key": (write("docs/about.md", "---\ntitel: About us\n---\n# About\n"),
                              ["docs/about.md:2: unknown front matter key 'titel'. Fix: did you mean 'title'?"]),
    "page-with-script": (write("docs/about.md", "# About\n\nWelcome.\n\n<script>alert(1)</script>\n"),
                         ["docs/about.md:5: raw HTML <script> is not allowed"]),
    "news-with-event-handler": (write("docs/news/plant.md", item(*GOOD, body="Text.\n\n<img src=x onerror=alert(1)>")),
                                ["docs/news/plant.md:8: HTML event attribute 'onerror' is not allowed"]),
    "news-with-attr-list-handler": (write("docs/news/plant.md", item(*GOOD, body="Text.\n{: onclick=\"alert(1)\" }")),
                                    ["docs/news/plant.md:7: HTML event attribute 'onclick' is not allowed"]),
    "page-not-utf8": (write("docs/about.md", "# About\n\nCaf\xe9 in Zhaoqing\n".encode("latin-1")),
                      ["docs/about.md:3: file is not UTF-8"]),
    "page-name-with-space": (write("docs/About Us.md", "# About\n"), ["docs/About Us.md:1: 'About Us' in the path"]),
    "page-title-a-list": (write("docs/about.md", "---\ntitle: [About, Us]\n---\n\n# About\n"),
                          ["docs/about.md:2: 'title' is a list. Fix: give 'title' a text"]),
    # Accepted although wrong
    "duplicate-front-matter-key": (write("docs/news/plant.md", item("title: First", "date: 2024-06-01", "title: Second")),
                                   ["docs/news/plant.md:4: front matter is not valid YAML (key 'title' appears twice). "
                                    "Fix: keep one of the two 'title' lines (the first is line 2)"]),
    "headline-no-in-quotes": (edit("data/figures.yml", "  headline: true", '  headline: "no"'),
                              [f"data/figures.yml:{line_of('data/figures.yml', '  headline: true')}: 'headline' is the text 'no'. Fix: give 'headline' true or false"]),
    # A project's date: each entry read whole, refused at its own line (it was dropped or shown as written)
    "project-date-that-does-not-exist": (edit("data/projects.yml", HYDROGEN_DATE, HYDROGEN_DATE.replace("2024-01-27", "2024-13-27")),
                                         [f"data/projects.yml:{line_of('data/projects.yml', HYDROGEN_DATE)}: "
                                          "date '2024-13-27' does not exist. Fix: write 2024-05-29, 2024-05, 2024-Q1 or 2024"]),
    "project-date-empty": (edit("data/projects.yml", HYDROGEN_DATE, HYDROGEN_DATE.replace('"2024-01-27"', "null")),
                           [f"data/projects.yml:{line_of('data/projects.yml', HYDROGEN_DATE)}: a date needs date, en and zh"]),
    "project-date-inferred-yes": (edit("data/projects.yml", HYDROGEN_DATE, HYDROGEN_DATE.replace("inferred: true", "inferred: yes")),
                                  [f"data/projects.yml:{line_of('data/projects.yml', HYDROGEN_DATE)}: a date needs date, en and zh "
                                   "(and inferred: true if it is the editors' reading)"]),
    "phrase-word-yes": (edit("data/traditional_phrases.yml", "  traditional: 滑鼠\n  word: true", "  traditional: 滑鼠\n  word: yes"),
                        [f"data/traditional_phrases.yml:{line_of('data/traditional_phrases.yml', '  word: true')}: "
                         "'word' is the text 'yes'. Fix: give 'word' true or false"]),
    "city-yes": (edit("data/offices.yml", "  city: true", "  city: yes"),  # YAML 1.1's yes, as the CMS reads it: a word
                 [f"data/offices.yml:{line_of('data/offices.yml', '  city: true')}: 'city' is the text 'yes'. Fix: give 'city' true or false"]),
    "draft-yes": (write("docs/news/plant.md", item(*GOOD, "draft: yes")),
                  ["docs/news/plant.md:4: 'draft' is the text 'yes', not true or false"]),
    "news-name-with-capitals": (write("docs/news/New_Plant.md", item(*GOOD)),
                                ["docs/news/New_Plant.md:1: file name 'New_Plant.md' is not lower-case words joined by '-'. "
                                 "Fix: rename it, e.g. to new-plant.md"]),
    "news-name-with-space": (write("docs/news/new plant.md", item(*GOOD)),
                             ["docs/news/new plant.md:1: file name 'new plant.md' is not lower-case"]),
    "date-years-ahead": (write("docs/news/plant.md", item("title: A new plant", "date: 2099-06-01")),
                         ["docs/news/plant.md:3: date 2099-06-01 is more than a year ahead"]),
    "url-link-to-missing-page": (write("docs/news/plant.md", item(*GOOD, body="See [the sector](../../sectors/no-such-sector/).")),
                                 ["docs/news/plant.md:6: link '../../sectors/no-such-sector/' leads to no page or file"]),
    "site-url-link-to-missing-page": (write("docs/news/plant.md", item(*GOOD, body="Text.\n\n[Parks](https://zhaoqing-invest.github.io/portal/parks/nowhere/)")),
                                      ["docs/news/plant.md:8: link 'https://zhaoqing-invest.github.io/portal/parks/nowhere/' leads to no page"]),
    "link-out-of-the-site": (write("docs/news/plant.md", item(*GOOD, body="[x](../../../../etc/passwd)")),
                             ["docs/news/plant.md:6: link '../../../../etc/passwd' leads outside the site"]),
    "javascript-link": (write("docs/news/plant.md", item(*GOOD, body="[x](javascript:alert(1))")),
                        ["docs/news/plant.md:6: a 'javascript:' link is not allowed"]),
    # The hostile-input sweep: what the source scan missed is read from the rendered HTML
    # A fence never closed is no code block: what follows is HTML (a closed one is code, shown as text)
    "fenced-code-bypass": (write("docs/about.md", "# About\n\n```\n<p>closed</p>\n```\n\n```\nText.\n\n<script>alert(1)</script>\n"),
                           ["docs/about.md:10: raw HTML <script> is not allowed"]),
    # A block of HTML is not Markdown: backticks in it are no code span
    "backticks-in-attribute": (write("docs/about.md", "# About\n\n<p><a title=\"`\" href=\"jav&#x61;script:alert(1)\" data-x=\"`\">x</a></p>\n"),
                               ["docs/about.md:3: a 'javascript:' link is not allowed"]),
    "script-in-editor-html": (write("docs/news/plant.md", item(*GOOD, body="<div markdown>\n<script src=\"https://evil.example/x.js\"></script>\n</div>")),
                              ["docs/news/plant.md:7: raw HTML <script> is not allowed"]),
    "svg-with-script": (write("docs/assets/logo.svg", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
                        ["docs/assets/logo.svg:1: SVG images are not published from docs/"]),
    "js-file-in-docs": (write("docs/assets/extra.js", "alert(1)\n"), ["docs/assets/extra.js:1: a file of type 'js' is not published"]),
    "html-file-in-docs": (write("docs/about.html", "<script>alert(1)</script>\n"),
                          ["docs/about.html:1: a file of type 'html' is not published"]),
    "search-script-replaced": (write("docs/assets/javascripts/portal-search.js", "alert(1)\n"),
                               ["docs/assets/javascripts/portal-search.js:1: the build writes this path itself"]),
    "pagefind-folder": (write("docs/pagefind/x", "x"), ["docs/pagefind/x:1: the build writes this path itself"]),
    "zh-page-at-the-root": (write("docs/zh.md", "# 中文\n"), ["docs/zh.md:1: /zh/ is where the build puts the Chinese site"]),
    "zh-hant-folder": (write("docs/zh-hant/about.md", "# 關於\n"), ["docs/zh-hant/about.md:1: /zh-hant/ is where the build puts"]),
    # Traditional news overrides: the same checks as every news file
    "zh-hant-broken-front-matter": (write(f"docs/news/{SEED_SLUG}.zh-hant.md", "---\ntitle: [broken\n---\n正文。\n"),
                                    [f"docs/news/{SEED_SLUG}.zh-hant.md:2: front matter is not valid YAML"]),
    "zh-hant-big5": (write(f"docs/news/{SEED_SLUG}.zh-hant.md", item("title: 肇慶新聞", "date: 2024-06-01", body="肇慶新聞").encode("big5")),
                     [f"docs/news/{SEED_SLUG}.zh-hant.md:2: file is not UTF-8. Fix: re-save the file as UTF-8"]),
    "zh-hant-years-ahead": (write(f"docs/news/{SEED_SLUG}.zh-hant.md", item("title: 肇慶新聞", "date: 2099-06-01")),
                            [f"docs/news/{SEED_SLUG}.zh-hant.md:3: date 2099-06-01 is more than a year ahead"]),
    "zh-hant-unknown-key": (write(f"docs/news/{SEED_SLUG}.zh-hant.md", item("title: 肇慶新聞", "date: 2024-06-01", "summry: x")),
                            [f"docs/news/{SEED_SLUG}.zh-hant.md:4: unknown front matter key 'summry'"]),
    # The generator's own origins would label an editor's text an OpenCC conversion or a placeholder
    "editor-origin-converted": (write(f"docs/news/{SEED_SLUG}.zh-hant.md", item("title: 肇慶新聞", "date: 2024-06-01", "origin: converted")),
                                [f"docs/news/{SEED_SLUG}.zh-hant.md:4: origin 'converted' is not for an editor's file. "
                                 "Fix: use original (written in this language) or translated"]),
    "zh-hant-name": (write("docs/news/New_Plant.zh-hant.md", item("title: 肇慶新聞", "date: 2024-06-01")),
                     ["docs/news/New_Plant.zh-hant.md:1: file name 'New_Plant.zh-hant.md' is not lower-case"]),
    # A catalogue deleted: its pages were dropped without a word (stories), or the message named a
    # folder's permissions (corrections)
    "stories-deleted": (lambda p: (p / "data" / "stories.yml").unlink(),
                        ["data/stories.yml:1: catalogue file is missing. Fix: restore data/stories.yml"]),
    "corrections-deleted": (lambda p: (p / "data" / "corrections.yml").unlink(),
                            ["data/corrections.yml:1: catalogue file is missing. Fix: restore data/corrections.yml"]),
    # A mapping where a text belongs: the fix says what a text looks like, not a Python type
    "park-name-as-text": (edit("data/parks.yml", "  name: {en: Zhaoqing High-tech Zone, zh: 肇庆高新区}",
                               "  name: Zhaoqing High-tech Zone"),
                          [f"data/parks.yml:{line_of('data/parks.yml', '  name: {en: Zhaoqing High-tech Zone, zh: 肇庆高新区}')}: "
                           "'name' is the text 'Zhaoqing High-tech Zone'. Fix: give 'name' a mapping: {en: …, zh: …}"]),
    # An id that points nowhere, at the line that writes it (it was line 1)
    "event-park-typo": (edit("data/events.yml", "  park: shuanglong-industrial-park", "  park: shuanglong"),
                        [f"data/events.yml:{line_of('data/events.yml', '  park: shuanglong-industrial-park')}: "
                         "unknown park id 'shuanglong' in "]),
    "park-sector-typo": (edit("data/parks.yml", "  sectors: [hydrogen-energy]", "  sectors: [hydrogen]"),
                         [f"data/parks.yml:{line_of('data/parks.yml', '  sectors: [hydrogen-energy]')}: "
                          "unknown sector id 'hydrogen' in duanzhou-district. Fix: did you mean hydrogen-energy?"]),
    # A line out of step with its entry's keys: the fix says to indent it, not to quote
    "catalogue-indented-too-little": (edit("data/sectors.yml", "  tier: leading", " tier: leading"),
                                      ["data/sectors.yml:9: not valid YAML (expected <block end>, but found '<block mapping start>'). "
                                       "Fix: indent this line with as many spaces as the other keys of its entry"]),
    # Names: the suggestion keeps every word and writes the language ending as the site does
    "news-name-language-underscore": (write("docs/news/plant.zh_hant.md", item("title: 肇慶新聞", "date: 2024-06-01")),
                                      ["docs/news/plant.zh_hant.md:1: file name 'plant.zh_hant.md' is not lower-case words "
                                       "joined by '-'. Fix: rename it, e.g. to plant.zh-hant.md"]),
    "news-name-two-hyphens": (write("docs/news/a--new-plant.md", item(*GOOD)),
                              ["docs/news/a--new-plant.md:1: file name 'a--new-plant.md' is not lower-case words joined "
                               "by '-'. Fix: rename it, e.g. to a-new-plant.md"]),
    "news-name-chinese": (write("docs/news/四会新闻.zh.md", item("title: 四会新闻", "date: 2024-06-01")),
                          ["docs/news/四会新闻.zh.md:1: file name '四会新闻.zh.md' is not lower-case words joined by '-'. "
                           "Fix: rename it, e.g. to si-hui-xin-wen.zh.md"]),
    "markdown-upper-case-ending": (write("docs/news/sihui-fair.MD", item(*GOOD)),
                                   ["docs/news/sihui-fair.MD:1: a Markdown file's name must end in .md (lower-case). "
                                    "Fix: rename it to sihui-fair.md"]),
    # A Markdown link to a page that does not exist: check says so (MkDocs stopped the publish
    # with its own warning, naming no line)
    "md-link-to-missing-page": (write("docs/news/plant.md", item(*GOOD, body="See [Sihui](../parks/sihui.md).")),
                                ["docs/news/plant.md:6: link '../parks/sihui.md' leads to no page (docs/parks/sihui.md does "
                                 "not exist). Fix: did you mean ../parks/sihui-city.md?"]),
    "md-link-out-of-docs": (write("docs/about.md", "# About\n\n[x](../../README.md)\n"),
                            ["docs/about.md:3: link '../../README.md' leads outside the site"]),
    "offices-emptied": (write("data/offices.yml", "[]\n"), ["data/offices.yml:1: no office is listed"]),
    # Terms written as text, not a list: one message (a second said the entry had no terms)
    "synonyms-not-a-list": (edit("data/search_synonyms.yml", "  zh: [双龙, 双龙工业园, 双龙工业园区]", "  zh: 双龙, 双龙工业园"),
                            [f"data/search_synonyms.yml:{line_of('data/search_synonyms.yml', '- page: parks/shuanglong-industrial-park/')}: "
                             "zh must be a list of terms, as text. Fix: write 'zh: [term, other term]'"]),
    # Tracebacks before
    # pymdownx.snippets: a name the site does not provide stopped MkDocs with a traceback (and
    # `check` said nothing); only the glossary tooltips are there to include
    "snippet-misspelt": (write("docs/news/plant.md", item(*GOOD, body='Text.\n\n--8<-- "abbreviation.zh-hant.md"')),
                         ["docs/news/plant.md:8: the page includes 'abbreviation.zh-hant.md', which the site does not provide. "
                          'Fix: write --8<-- "abbreviations.md" (English and Simplified pages) or --8<-- "abbreviations.zh-hant.md"']),
    "snippet-outside-the-site": (write("docs/about.md", '# About\n\n--8<-- "../../../README.md"\n'),
                                 ["docs/about.md:3: the page includes '../../../README.md', which the site does not provide"]),
    "snippet-block": (write("docs/about.md", "# About\n\n--8<--\nabbreviations.md\n/etc/hostname\n--8<--\n"),
                      ["docs/about.md:5: the page includes '/etc/hostname', which the site does not provide"]),
    "aliases-of-the-wrong-shape": (edit("data/sectors.yml", "    en: [new energy vehicle, auto parts, automotive parts, Xpeng, CATL]",
                                        "    en: 42"),
                                   ["data/sectors.yml:6: 'aliases' en must be a list of texts (found 42)"]),
    "aliases-a-list": (edit("data/parks.yml", "  aliases:\n    en: [large-scale industrial cluster, Large Industrial Cluster, agglomeration area, Large Industry Cluster]\n    zh: [大型产业集聚区]",
                            "  aliases: [a, b]"), ["data/parks.yml:9: 'aliases' is a list. Fix: give 'aliases' a mapping: {en: …, zh: …}"]),
    "catalogue-not-utf8": (write("data/parks.yml", "- id: caf\xe9\n".encode("latin-1")), ["data/parks.yml:1: file is not UTF-8"]),
    # Messages in the right place
    "tab-in-front-matter": (write("docs/news/plant.md", "---\ntitle: A new plant\n\tdate: 2024-06-01\n---\n\nText.\n"),
                            ["docs/news/plant.md:3: front matter is not valid YAML (found character '\\t' that cannot start any token). "
                             "Fix: indent with spaces: YAML does not allow tab characters"]),
    "tab-in-catalogue": (edit("data/sectors.yml", "  tier: leading", "\ttier: leading"),
                         ["data/sectors.yml:9: not valid YAML (found character '\\t' that cannot start any token). "
                          "Fix: indent with spaces"]),
}


@pytest.mark.parametrize("case", sorted(VALIDATION))
def test_every_markdown_file_and_catalogue_value_is_validated(project, case):
    change, expected = VALIDATION[case]
    expect_rejected(project, change, expected)


def test_values_are_published_as_written(project):
    """`summary: 1.50` stays 1.50, `title: yes` is the word, a byte order mark is no error."""
    docs = built_docs_after(project, both(
        write("docs/news/decimal.md", item("title: yes", "date: 2024-06-01", "summary: 1.50", body="Text.")),
        write("docs/news/with-bom.md", "\ufeff" + item(*GOOD, body="Saved by an editor that writes a byte order mark."))))
    page = front(docs / "news" / "decimal.md")
    assert (page["title"], page["summary"]) == ("yes", "1.50")
    assert '"content_text": "1.50"' in (docs / "feed.json").read_text(encoding="utf-8")
    assert front(docs / "news" / "with-bom.md")["title"] == "A new plant"


def test_links_written_as_urls_to_real_pages_pass(project):
    body = "\n\n".join(["[Sector](../../sectors/hydrogen-energy/)", "[Parks](https://zhaoqing-invest.github.io/portal/parks/)",
                        "[中文](../../zh/sectors/hydrogen-energy/#sources)", "[Feed](/portal/feed.json)",
                        "[Home](../../)", "[Other site](https://example.org/x)", "`[code](../../nowhere/)`"])
    built_docs_after(project, write("docs/news/plant.md", item(*GOOD, body=body)))


def test_new_refuses_an_empty_title_and_writes_nothing(project):
    before = inputs_hash(project)
    for title in ("", "   ", "！！"):
        result = run_generator(project, "new", "--title", title, "--date", "2024-06-01")
        assert result.returncode == 2 and "Traceback" not in result.stderr
        assert "error: --title" in result.stderr.strip().split("\n")[-1]
    assert inputs_hash(project) == before


def test_new_with_a_chinese_title_writes_items_that_check_accepts(project):
    result = run_generator(project, "new", "--title", "肇庆新能源汽车产业园开工", "--date", "2024-06-01")
    assert result.returncode == 0, result.stderr
    en, zh = project / "docs/news/zhao-qing-xin-neng-yuan-qi-che-chan-ye-yuan.md", \
        project / "docs/news/zhao-qing-xin-neng-yuan-qi-che-chan-ye-yuan.zh.md"
    assert front(zh)["title"] == "肇庆新能源汽车产业园开工" and front(zh)["origin"] == "original"
    assert run_generator(project, "check").returncode == 0
    for path in (en, zh):  # published: the English file keeps the Chinese title only as a draft
        path.write_text(path.read_text(encoding="utf-8").replace("draft: true\n", ""), encoding="utf-8")
    check = run_generator(project, "check")
    assert check.returncode == 1 and check.stderr.count("\n") == 2, check.stderr  # one problem, then the summary
    assert "zhao-qing-xin-neng-yuan-qi-che-chan-ye-yuan.md:2: the English file's title is Chinese" in check.stderr


def test_a_traditional_draft_is_not_published(project):
    """`draft: true` on NAME.zh-hant.md: the converted page stays until the draft is ready."""
    rel = f"news/{SEED_SLUG}.zh-hant.md"
    docs = built_docs_after(project, write(f"docs/{rel}", item("title: 手寫的繁體標題", "date: 2024-06-01", "draft: true",
                                                               body="草稿正文。")))
    page = (docs / rel).read_text(encoding="utf-8")
    assert "草稿正文" not in page and front(docs / rel)["generated_from"]
    preview = run_generator(project, "build", "--drafts")
    assert preview.returncode == 0, preview.stderr
    assert "草稿正文" in (project / "build" / "preview" / "docs" / rel).read_text(encoding="utf-8")  # the preview's own tree
    assert "草稿正文" not in (docs / rel).read_text(encoding="utf-8")


HOSTILE_PAGE = "\n".join([
    "# About", "",
    "```", "<script>alert('in code')</script>", "```", "", "```", "<script>alert('fenced')</script>", "",
    '<p><a title="`" href="jav&#x61;script:alert(\'entity\')" data-x="`">x</a></p>', "",
    "[link](javascript:alert('markdown'))", "",
    "Para", '{: onclick="alert(\'attr_list\')" }', "",
    '<img src="x.png" onerror="alert(\'img\')">', "",
    "<svg><script>alert('svg')</script><a xlink:href=\"javascript:alert('svg')\">s</a></svg>", "",
    "<iframe src=\"javascript:alert('frame')\"></iframe>", "",
])

LEGIT_PAGE = "\n".join([
    "# Legit", "",
    "!!! note \"A note\"", "    Admonition text.", "",
    '<div class="grid cards" markdown>', "", "-   :material-clock-fast: **Fast**", "", "    Card text.", "", "</div>", "",
    "| Item | Value |", "| :--- | ---: |", "| a | 1 |", "",
    "Text with a footnote.[^1] The HTML abbreviation.", "",
    "[^1]: The note.", "",
    "*[HTML]: Hyper Text Markup Language", "",
    "![A map](map.png){ .wide #the-map width=\"300\" }", "",
    '<span data-pagefind-ignore aria-label="x">kept</span> [mail](mailto:a@example.org) [tel](tel:+8675800000) '
    "[site](https://example.org/) [page](../about/)", "",
])


def test_the_published_site_runs_no_editor_script(project):
    """Past every check (written into the built docs directly): the hook still cleans the HTML."""
    from html.parser import HTMLParser

    docs = project / "build" / "docs"
    (docs / "about").mkdir()
    (docs / "about" / "index.md").write_text(HOSTILE_PAGE, encoding="utf-8")
    (docs / "legit").mkdir()
    (docs / "legit" / "index.md").write_text(LEGIT_PAGE, encoding="utf-8")
    (docs / "legit" / "map.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    result = run_generator(project, "publish")
    assert result.returncode == 0, result.stderr

    class Live(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.live, self.in_script = [], False

        def handle_starttag(self, tag, attrs):
            self.in_script = tag == "script"
            if tag in ("iframe", "object", "embed"):
                self.live.append(tag)
            for name, value in attrs:
                if name.startswith("on") or "javascript:" in "".join((value or "").split()).lower():
                    self.live.append(f"{tag} {name}={value}")

        def handle_data(self, data):
            if self.in_script and "alert" in data:
                self.live.append(data)
            self.in_script = False

    for lang in ("", "zh/", "zh-hant/"):  # English, and the fallback pages of the Chinese sites
        page = (project / "site" / lang / "about" / "index.html").read_text(encoding="utf-8")
        scan = Live()
        scan.feed(page)
        assert scan.live == [], (lang, scan.live)
        assert "alert('fenced')" not in page and "alert('svg')" not in page  # scripts go with their content
    legit = (project / "site" / "legit" / "index.html").read_text(encoding="utf-8")
    for kept in ('class="admonition note"', 'class="grid cards"', "twemoji", "<svg", "<path d=", "<table>",
                 'style="text-align:right"', '<abbr title="Hyper Text Markup Language">HTML</abbr>', 'class="footnote"',
                 'href="#fn:1"', '<img alt="A map" class="wide" id="the-map" src="map.png" width="300"',
                 "data-pagefind-ignore", 'aria-label="x"', 'href="mailto:a@example.org"', 'href="tel:+8675800000"',
                 'href="https://example.org/"', 'class="headerlink"'):
        assert kept in legit, kept


def test_every_catalogue_the_generator_reads_is_required():
    """data/zh_lint.yml holds the tests' lint rules; every other file in data/ is read by the generator."""
    from generator.read.inputs import CATALOGUES, OTHER_DATA
    there = {p.relative_to(ROOT / "data").as_posix() for p in (ROOT / "data").rglob("*") if p.is_file()}
    assert OTHER_DATA == ("zh_lint.yml",) and there - set(OTHER_DATA) == set(CATALOGUES)


def test_a_date_written_without_quotes_is_read_as_written(project):
    """`date: 2024-01-27` unquoted, as editors write it: YAML reads a date, the page shows the same day."""
    docs = built_docs_after(project, edit("data/events.yml", 'date: "2024-01-27"', "date: 2024-01-27"))
    assert "2024年1月27日" in (docs / "invest" / "events" / "index.zh.md").read_text(encoding="utf-8")
