"""A person on every sector, park and project page, and the investors' questions the sources do not
answer yet (data/parks.yml and data/sectors.yml `investor_facts`), on the real built site."""
from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

import pytest
import vobject
import yaml

from conftest import ROOT, run_generator

LANGS = {"en": "", "zh": "zh/", "zh-hant": "zh-hant/"}
BUREAU, SIHUI = "zhaoqing-investment-promotion-bureau", "sihui-investment-promotion-center"
BUREAU_MAIL, SIHUI_MAIL = "zqszsj@126.com", "shqyfw@vip.163.com"


def ids(kind: str) -> list[str]:
    return [e["id"] for e in yaml.safe_load((ROOT / "data" / f"{kind}.yml").read_text(encoding="utf-8"))]


ENTRY_PAGES = [(kind, i) for kind in ("sectors", "parks", "projects") for i in ids(kind)]
GAP_PAGES = [(kind, i) for kind, i in ENTRY_PAGES if kind != "projects"]
TOPICS = {  # the row labels, per language: the words investors search for
    "en": ["Land price", "Electricity price", "Water price", "Labour", "Logistics", "Incentives"],
    "zh": ["地价", "电价", "水价", "用工", "物流", "优惠政策"],
    "zh-hant": ["地價", "電價", "水價", "用工", "物流", "優惠政策"],
}
MISSING = {"en": "Not in the published sources yet.", "zh": "公开来源暂未提供。", "zh-hant": "公開來源暫未提供。"}


def page_html(site: Path, lang: str, kind: str, entry: str) -> str:
    return (site / LANGS[lang] / kind / entry / "index.html").read_text(encoding="utf-8")


def section(page: str, anchor: str) -> str:
    """From the h2 with this id to the next h2."""
    start = page.index(f'<h2 id="{anchor}"')
    end = page.find("<h2", start + 1)
    return page[start:end if end > 0 else None]


def mailtos(fragment: str) -> list[dict]:
    """Every pre-filled mailto link: address, subject, body (decoded), link text."""
    found = []
    for href, text in re.findall(r'<a href="(mailto:[^"]*\?[^"]*)"[^>]*>(.*?)</a>', fragment):
        url = urlparse(html.unescape(href))
        query = parse_qs(url.query)
        found.append({"to": url.path, "subject": query["subject"][0], "body": query["body"][0],
                      "text": html.unescape(re.sub(r"<[^>]+>", "", text)), "raw": html.unescape(href)})
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_every_entry_page_has_a_contact_block(built, lang):
    for kind, entry in ENTRY_PAGES:
        block = section(page_html(built.site, lang, kind, entry), "office")
        assert re.search(r'href="tel:\+86\d+"', block), (lang, kind, entry)
        assert re.search(r'href="mailto:[^"?]+"', block), (lang, kind, entry)
        vcard = re.search(r'href="((?:\.\./)+contact/([\w-]+)\.vcf)"', block)
        assert vcard, (lang, kind, entry)
        # the link resolves to the vCard of the page's own language tree
        target = (built.site / LANGS[lang] / kind / entry / vcard.group(1)).resolve()
        assert target == (built.site / LANGS[lang] / "contact" / f"{vcard.group(2)}.vcf").resolve()
        assert target.is_file() and target.with_name(f"{vcard.group(2)}-qr.svg").is_file()
        links = mailtos(block)
        assert len(links) == 1 and links[0]["text"].strip(), (lang, kind, entry)


NO_OFFICE = {"en": "The source posts name no office for this park", "zh": "来源文章未指明负责该园区",
             "zh-hant": "來源文章未有指明負責該園區"}
NAMED = {"en": "The office the source posts name for it", "zh": "来源文章指明的负责机构",
         "zh-hant": "來源文章指明的負責機構"}


@pytest.mark.parametrize("lang", LANGS)
def test_a_page_whose_sources_name_no_office_says_so_and_routes_to_the_bureau(built, lang):
    block = section(page_html(built.site, lang, "parks", "fengkai-county"), "office")
    assert NO_OFFICE[lang] in block and NAMED[lang] not in block
    assert f'href="mailto:{BUREAU_MAIL}"' in block and f"{BUREAU}.vcf" in block
    # Sihui City: its own office, as seed 000's footer names it, with the link to the post as
    # published (its news page leaves the footer out)
    sihui = section(page_html(built.site, lang, "parks", "sihui-city"), "office")
    assert NAMED[lang] in sihui and NO_OFFICE[lang] not in sihui
    assert f'href="mailto:{SIHUI_MAIL}"' in sihui and f"{SIHUI}.vcf" in sihui and BUREAU_MAIL not in sihui
    assert re.search(r'href="[^"]*sources/000_[0-9a-f]+\.txt"', sihui)


SUBJECTS = {
    ("en", "parks", "fengkai-county"): "Investment enquiry: Fengkai County",
    ("zh", "parks", "fengkai-county"): "投资咨询：封开县",
    ("zh-hant", "parks", "fengkai-county"): "投資查詢：封開縣",
    ("en", "sectors", "hydrogen-energy"): "Investment enquiry: Hydrogen energy",
    ("zh", "sectors", "hydrogen-energy"): "投资咨询：氢能",
    ("zh-hant", "sectors", "hydrogen-energy"): "投資查詢：氫能",
    ("zh-hant", "projects", "catl-zhaoqing-base"): "投資查詢：寧德時代肇慶基地",
}


@pytest.mark.parametrize("where", SUBJECTS, ids="-".join)
def test_the_enquiry_email_names_the_entry_in_the_pages_language(built, where):
    lang, kind, entry = where
    link, = mailtos(section(page_html(built.site, lang, kind, entry), "office"))
    assert link["to"] == BUREAU_MAIL
    assert link["subject"] == SUBJECTS[where]
    name = SUBJECTS[where].split("：")[-1].split(": ")[-1]
    assert name in link["body"].splitlines()[2] and name in link["text"]
    # properly encoded: no raw space, spaces as %20 (never +), line breaks as CRLF
    assert " " not in link["raw"] and "+" not in link["raw"] and "%0D%0A" in link["raw"]
    assert "\r\n" in unquote(link["raw"].split("body=")[1])


@pytest.mark.parametrize("lang", LANGS)
def test_the_gaps_block_lists_the_topics_as_not_in_the_published_sources(built, lang):
    for kind, entry in GAP_PAGES:
        page = page_html(built.site, lang, kind, entry)
        block = section(page, "investor-questions")
        heading = block[:block.index("</h2>")]
        rows = re.findall(r"<tr>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*</tr>", block, re.S)
        assert len(rows) == 6, (lang, entry)
        for label, (row, says) in zip(TOPICS[lang], rows):
            assert label in row and label.lower() in heading.lower(), (lang, entry, row)
            assert says.strip() == MISSING[lang]
        link, = mailtos(block)
        assert all(label in link["body"] for label in TOPICS[lang])
        # headings in order: h1, then h2s (the gaps and the office blocks), h3 only under an h2
        levels = [int(n) for n in re.findall(r"<h([1-6])", page[page.index('<article'):])]
        assert levels[0] == 1 and all(b <= a + 1 for a, b in zip(levels, levels[1:])), (entry, levels)
    # a project page has the contact block only
    assert 'id="investor-questions"' not in page_html(built.site, lang, "projects", "xpeng-motors")


@pytest.mark.parametrize("lang", LANGS)
def test_the_support_page_says_what_the_posts_do_not_give_and_whom_to_ask(built, lang):
    """Where investors look for incentives: the page listed teams and schedules and said nothing of
    incentives or costs. It now says the posts do not give them, and links a pre-filled e-mail."""
    page = (built.site / LANGS[lang] / "invest" / "support" / "index.html").read_text(encoding="utf-8")
    block = section(page, "incentives-and-costs")
    words = {"en": ("incentives", "land", "ask the"), "zh": ("优惠政策", "地价", "请咨询"),
             "zh-hant": ("優惠政策", "地價", "查詢")}[lang]
    assert all(word in block for word in words), block
    link, = mailtos(block)
    assert link["to"] == BUREAU_MAIL and all(label in link["body"] for label in TOPICS[lang])


def test_the_city_bureau_comes_first_on_the_home_and_contact_pages(built):
    for lang, prefix in LANGS.items():
        for page in ("index.html", "contact/index.html"):
            text = (built.site / prefix / page).read_text(encoding="utf-8")
            assert text.index(f"mailto:{BUREAU_MAIL}") < text.index(f"mailto:{SIHUI_MAIL}"), (lang, page)


def test_chinese_and_traditional_vcards_carry_the_chinese_names(built):
    def card(prefix, office):
        return vobject.readOne((built.site / prefix / "contact" / f"{office}.vcf").read_text(encoding="utf-8"))
    assert card("", BUREAU).fn.value == "Zhaoqing Investment Promotion Bureau"
    assert card("zh/", BUREAU).fn.value == "肇庆市投资促进局"
    assert card("zh-hant/", BUREAU).fn.value == "肇慶市投資促進局"
    assert card("zh/", SIHUI).fn.value == "四会市投资促进中心"
    assert card("zh-hant/", SIHUI).fn.value == "四會市投資促進中心"
    # the site's own translation is marked as such where the sources give only the English name
    assert "本站译名" in card("zh/", SIHUI).note.value and "本站譯名" in card("zh-hant/", SIHUI).note.value
    assert "译名" not in card("zh/", BUREAU).note.value
    assert "Sihui City Investment Promotion Center" in card("zh-hant/", SIHUI).note.value
    # each language's QR code holds that language's card, so they differ
    qr = {p: (built.site / p / "contact" / f"{SIHUI}-qr.svg").read_bytes() for p in LANGS.values()}
    assert len(set(qr.values())) == 3


# --- an editor adds an official figure --------------------------------------------------------

FIGURE = """  investor_facts:
    land_price:
      value: 250000
      unit: yuan-per-mu
      period: 2024
      label: {en: industrial land transfer, zh: 工业用地出让}
      source: {url: "https://www.example.gov.cn/land-prices-2024.html", document: {en: Land price notice 2024, zh: 2024年地价公告}}
      checked: 2024-06-01
"""


def add_to_park(root: Path, park: str, text: str) -> int:
    """Add `text` under the park's `kind:` line; returns the line number of its first line."""
    path = root / "data" / "parks.yml"
    data = path.read_text(encoding="utf-8")
    at = data.index("\n  kind:", data.index(f"- id: {park}\n")) + 1
    path.write_text(data[:at] + text + data[at:], encoding="utf-8")
    return data[:at].count("\n") + 1


SHOWN = {"en": ("250,000 yuan per mu", "Land price notice 2024", "checked on June 1, 2024"),
         "zh": ("25万元/亩", "2024年地价公告", "2024年6月1日核实"),
         "zh-hant": ("25萬元/畝", "2024年地價公告", "2024年6月1日核實")}


def test_a_checked_date_in_quotes_as_the_cms_saves_it_is_the_same_day(project):
    add_to_park(project, "fengkai-county", FIGURE.replace("checked: 2024-06-01", 'checked: "2024-06-01"'))
    run = run_generator(project, "build")
    assert run.returncode == 0, run.stderr
    page = (project / "build" / "docs" / "parks" / "fengkai-county.md").read_text(encoding="utf-8")
    assert SHOWN["en"][2] in page


def test_an_editor_figure_replaces_its_gap_line_in_every_language(project):
    add_to_park(project, "fengkai-county", FIGURE)
    run = run_generator(project, "build", "--publish")
    assert run.returncode == 0, run.stderr
    for lang in LANGS:
        block = section(page_html(project / "site", lang, "parks", "fengkai-county"), "investor-questions")
        rows = re.findall(r"<tr>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*</tr>", block, re.S)
        value, document, checked = SHOWN[lang]
        assert TOPICS[lang][0] in rows[0][0] and MISSING[lang] not in rows[0][1]
        assert value in rows[0][1] and checked in rows[0][1] and "2024" in rows[0][1]
        assert f'<a href="https://www.example.gov.cn/land-prices-2024.html">{document}</a>' in rows[0][1]
        assert all(says.strip() == MISSING[lang] for _, says in rows[1:])
        link, = mailtos(block)  # the e-mail asks only for what is still missing
        assert TOPICS[lang][0] not in link["body"] and TOPICS[lang][1] in link["body"]
        # the fact sheet's page 1 no longer says the sources give no land price
        from pypdf import PdfReader
        first = PdfReader(project / "site" / "downloads" / f"zhaoqing-fact-sheet-{lang}.pdf").pages[0]
        gaps = first.extract_text().replace("\n", "")
        assert TOPICS[lang][1] in gaps and TOPICS[lang][0] not in gaps, gaps
        # another park is unchanged
        other = section(page_html(project / "site", lang, "parks", "sihui-city"), "investor-questions")
        assert other.count(MISSING[lang]) == 6


BAD = {
    "bad-unit": (FIGURE.replace("yuan-per-mu", "yuan-per-kwh"), 4, "land_price: unit 'yuan-per-kwh' does not fit this topic"),
    "bad-date": (FIGURE.replace("2024-06-01", "2024-13-01"), 8, "land_price: checked '2024-13-01' is not a date"),
    "future-date": (FIGURE.replace("2024-06-01", "2999-01-01"), 8, "land_price: checked 2999-01-01 is in the future"),
    "javascript-url": (FIGURE.replace("https://www.example.gov.cn/land-prices-2024.html", "javascript:alert(1)"), 7,
                       "land_price: source url 'javascript:alert(1)' is not a web address the site links to"),
    "mailto-url": (FIGURE.replace("https://www.example.gov.cn/land-prices-2024.html", "mailto:a@example.gov.cn"), 7,
                   "land_price: source url 'mailto:a@example.gov.cn' is not a web address"),
    "bad-value": (FIGURE.replace("250000", "cheap"), 3, "land_price: value 'cheap' is not a number"),
    "value-below-zero": (FIGURE.replace("250000", "-5"), 3, "land_price: value -5 is below zero"),
    "bad-period": (FIGURE.replace("period: 2024", "period: last year"), 5, "land_price: not a period"),
    "unknown-topic": (FIGURE.replace("land_price:", "landprice:"), 2, "unknown investor topic 'landprice'"),
    # five lines, 'unknown investor topic value', 'unit'…
    "topic-line-missing": (FIGURE.replace("    land_price:\n", "").replace("\n      ", "\n    "), 1,
                           "the topic is missing: the figure's keys stand directly under 'investor_facts'"),
    "no-source": (FIGURE.replace("      source:", "      sauce:"), 7, "land_price: unknown key 'sauce'"),
    "unknown-office": ("  office: {id: zhaoqing-bureau, source: {seed: \"000\", quote: \"Zhaoqing Investment Promotion Bureau\"}}\n",
                       1, "unknown office id 'zhaoqing-bureau' in fengkai-county"),
}


@pytest.mark.parametrize("case", BAD)
def test_a_bad_investor_value_is_one_line_naming_file_and_line(project, case):
    text, offset, message = BAD[case]
    line = add_to_park(project, "fengkai-county", text) + offset - 1
    run = run_generator(project, "check")
    assert run.returncode == 1
    problems = [p for p in run.stderr.splitlines() if p.startswith("data/")]
    assert len(problems) == 1, run.stderr
    assert problems[0].startswith(f"data/parks.yml:{line}: {message}"), run.stderr
    assert "Fix:" in problems[0] and "Traceback" not in run.stderr


# The words that say which language a source sentence is in (generator/strings/*.yml, source_*_zh)
IN_CHINESE = {"en": "(in Chinese)", "zh": "中文", "zh-hant": "中文"}
IN_ENGLISH = {"en": "source sentence", "zh": "英文", "zh-hant": "英文"}


@pytest.mark.parametrize("lang", LANGS)
def test_a_source_link_names_the_language_of_the_sentence_it_opens(built, lang):
    """A statement's source link opens the sentence on the news page of the language the sentence
    is in, and says which: seed 001 has a Chinese version, whose sentences are on the Chinese pages."""
    chinese_targets = 0
    for page in sorted((built.site / LANGS[lang]).glob("*/**/index.html")):
        if lang == "en" and page.relative_to(built.site).parts[0] in ("zh", "zh-hant"):
            continue
        text = page.read_text(encoding="utf-8")
        for href, label in re.findall(r'<a (?:class="portal-source" )?href="([^"]*#line-\d+)"[^>]*>([^<]*)</a>', text):
            path, anchor = href.split("#")
            target = (page.parent / path / "index.html").resolve()
            assert f'id="{anchor}"' in target.read_text(encoding="utf-8"), f"{page}: {href}"
            in_chinese = target.relative_to(built.site).parts[0] in ("zh", "zh-hant")
            chinese_targets += in_chinese
            if in_chinese:
                assert IN_CHINESE[lang] in label, f"{page.relative_to(built.site)}: '{label}' opens {href}"
            else:
                assert IN_ENGLISH[lang] in label and IN_CHINESE[lang] not in label, \
                    f"{page.relative_to(built.site)}: '{label}' opens {href}"
    # the Chinese version's sentences are cited (data/support.yml: the five stages of 2024)
    assert chinese_targets >= 1


def test_a_page_says_each_statement_links_to_its_sentence_only_where_each_does(built):
    """The investors' pages close with a note on their statements: "each statement links to the
    sentence it rests on" on the pages whose every statement does, and on the lists (the section's
    index, the stories' list, whose summaries carry no link) that the pages they lead to do."""
    docs, pages = built.root / "build" / "docs" / "invest", 0
    for lang, suffix in (("en", ""), ("zh", ".zh"), ("zh-hant", ".zh-hant")):
        s = yaml.safe_load((ROOT / "generator" / "strings" / f"{lang}.yml").read_text(encoding="utf-8"))
        for path in docs.rglob(f"*{suffix}.md"):
            if not path.name.endswith(f"{suffix}.md") or (not suffix and path.name.count(".") > 1):
                continue
            text, pages = path.read_text(encoding="utf-8"), pages + 1
            statements = [line for line in text.splitlines() if line.startswith("- ")]
            if s["invest_own_words"] in text:
                assert statements and all("#line-" in line for line in statements), path
            else:
                assert s["invest_own_words_lists"] in text, path
                assert not all("#line-" in line for line in statements) or not statements, path
    assert pages >= 3 * 5, pages


@pytest.mark.parametrize("lang", LANGS)
def test_the_offices_contact_details_link_to_the_text_that_gives_them(built, lang):
    """The telephone numbers come from seed 000's contact footer, which its news page leaves out:
    the contact page and the Sihui park page link to the post as published (/sources/), whose text
    holds the office and its number. They opened the top of the news page, which has neither."""
    for where, office, tel in (("contact", "Zhaoqing Investment Promotion Bureau", "2899202"),
                               ("contact", "Sihui City Investment Promotion Center", "3611228"),
                               ("parks/sihui-city", "Sihui City Investment Promotion Center", "3611228")):
        page = built.site / LANGS[lang] / where / "index.html"
        hrefs = re.findall(r'<a (?:class="portal-source" )?href="([^"#]*sources/[^"]+\.txt)"', page.read_text(encoding="utf-8"))
        assert hrefs, (lang, where)
        for href in hrefs:
            text = (page.parent / href).resolve().read_text(encoding="utf-8")
            assert office in text and tel in text, (lang, where, href)
