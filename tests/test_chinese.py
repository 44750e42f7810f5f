"""The Chinese site reads in Chinese: pages, notices, translations, dates, discovery."""
from __future__ import annotations

import re

import pytest
import yaml

from generator.text import chinese
from generator.read.seed_reader import read_seed

from conftest import ROOT, SEEDS, run_generator

HAN = re.compile(r"[\u4e00-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")



def article_text(path) -> str:
    html = path.read_text(encoding="utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    article = re.sub(r"<(script|style)\b.*?</\1>", "", article, flags=re.S)
    return re.sub(r"<[^>]+>", "", article)


def test_every_chinese_page_is_chinese_or_says_why_not(built):
    pages = sorted((built.site / "zh").rglob("index.html"))
    assert len(pages) > 40
    for page in pages:
        # Addresses, e-mail and web addresses stay as the source gives them
        text = re.sub(r"\S+@\S+|https?://\S+|Address: .*|地址：[^（]*", "", article_text(page))
        han, latin = len(HAN.findall(text)), sum(len(w) for w in LATIN_WORD.findall(text))
        if han < latin / 3:
            assert "暂无中文版" in text, f"{page.relative_to(built.site)} has an English body without a Chinese notice"


def test_every_news_item_has_a_chinese_version_now(generated):
    zh = {m.slug: m.origin for m in generated.news() if m.lang == "zh"}
    assert set(zh.values()) <= {"converted", "translated", "original"}
    assert list(zh.values()).count("converted") == 1  # seed 001's own Chinese


def test_translations_are_labelled(built, generated):
    for meta in generated.news():
        if meta.lang == "zh" and meta.origin == "translated":
            html = (built.site / "zh" / "news" / meta.slug / "index.html").read_text(encoding="utf-8")
            assert "译文" in html and "本文是英文原文的中文翻译" in html


def test_figures_in_translations_equal_the_catalogue(built, generated):
    translated = {m.seed: m.slug for m in generated.news() if m.lang == "zh" and m.origin == "translated"}
    checked = 0
    for figure in generated.catalogue.figures:
        seed = next(p for p in generated.posts if p.seed.split("/")[-1].startswith(figure.source.seed)).seed
        if seed in translated:
            text = article_text(built.site / "zh" / "news" / translated[seed] / "index.html")
            assert figure.show("zh") in text.replace(" ", ""), f"{figure.id}: {figure.show('zh')} not in translation"
            checked += 1
    assert checked >= 15


def test_chinese_dates_and_no_english_months(built):
    index = article_text(built.site / "zh" / "news" / "index.html")
    assert "2024年5月7日" in index and "2023年10月11日" in index
    for page in (built.site / "zh" / "news").rglob("index.html"):
        assert not re.search(r"\b(January|February|March|April|May|June|July|August|September|October|November|December) \d", article_text(page)), page


def test_every_page_has_hreflang_alternates_of_the_language_roots(built):
    # In the head: the language roots, the same on every page (Material fetches sitemap.xml beside
    # each head alternate, mkdocs-material issue 8576); a page's own versions, and x-default, are
    # in the switcher and in sitemap.xml (tests/test_publish.py); feeds only where readers look
    # for them
    pages = [p for p in built.site.glob("*/**/index.html") if not p.relative_to(built.site).as_posix().startswith("admin/")]
    pages = pages[:400] + [built.site / "index.html", built.site / "404.html"]
    for page in pages:
        html = page.read_text(encoding="utf-8")
        head = html[:html.index("</head>")]
        langs = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="(https://[^"]+)"', head)
        assert [lang for lang, _ in langs] == ["en", "zh", "zh-hant"], page
        hrefs = dict(langs)
        assert hrefs["en"].endswith("/portal/")
        feeds = re.findall(r'<link rel="alternate" type="application/', head)
        rel = page.relative_to(built.site).as_posix()
        assert len(feeds) == (1 if rel in ("index.html", "zh/index.html", "zh-hant/index.html", "news/index.html",
                                           "zh/news/index.html", "zh-hant/news/index.html") else 0), page
        assert hrefs["zh"] == hrefs["en"] + "zh/" and hrefs["zh-hant"] == hrefs["en"] + "zh-hant/"
        # every <link rel="alternate"> (feeds too) is absolute and lies in a language root
        for href in re.findall(r'<link rel="alternate"[^>]*href="([^"]+)"', head):
            assert href.startswith(hrefs["en"]) and href.count("/") - hrefs["en"].count("/") <= 1, (page, href)


def test_sitemap_lists_every_language(built):
    sitemap = (built.site / "sitemap-pages.xml").read_text(encoding="utf-8")
    for prefix in ("/", "/zh/", "/zh-hant/"):
        assert f"{prefix}sectors/hydrogen-energy/" in sitemap


def test_html_lang(built):
    assert '<html lang="zh"' in (built.site / "zh" / "glossary" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in (built.site / "glossary" / "index.html").read_text(encoding="utf-8")


def test_status_lists_every_page_and_its_chinese_status(tmp_path, generated):
    result = run_generator(ROOT, "status")
    assert result.returncode == 0
    header, *rows = [line.split() for line in result.stdout.strip().splitlines()]
    assert header[:2] == ["zh", "zh-hant"]
    english = {m.slug for m in generated.news() if m.lang == "en"}
    assert {row[2] for row in rows} == english
    assert {row[0] for row in rows} == {"converted", "translated"}
    assert {row[1] for row in rows} == {"converted"}


GLOSSARY = yaml.safe_load((ROOT / "data" / "glossary.yml").read_text(encoding="utf-8"))


def seed_001_chinese() -> str:
    path = next(SEEDS.glob("001_*.txt"))
    post = read_seed(path, "seeds/" + path.name)
    zh = post.version("zh")
    return chinese.to_simplified(" ".join([zh.title, *(p.text for p in zh.paragraphs)]))


@pytest.mark.parametrize("term", [t for t in GLOSSARY if t.get("zh_from_seed")], ids=lambda t: t["id"])
def test_glossary_chinese_terms_from_the_seed_are_in_it(term):
    assert term["term"]["zh"] in seed_001_chinese()


def test_glossary_in_both_languages_with_portal_translations_marked(built):
    en = article_text(built.site / "glossary" / "index.html")
    zh = article_text(built.site / "zh" / "glossary" / "index.html")
    for term in GLOSSARY:
        assert term["term"]["zh"] in zh
    assert zh.count("本站译名") >= len([t for t in GLOSSARY if not t.get("zh_from_seed")])
    assert "two new and one electricity" in en


def test_news_pages_have_glossary_tooltips_in_both_languages(built, generated):
    slug = next(m.slug for m in generated.news() if m.seed and m.seed.startswith("seeds/002"))
    for lang, term in (("", "two new and one electric"), ("zh", "两新一电")):
        html = (built.site / lang / "news" / slug / "index.html").read_text(encoding="utf-8")
        assert re.search(rf'<abbr title="[^"]+">{term}</abbr>', html), lang


def test_every_term_on_a_page_gets_its_tooltip_and_no_page_carries_the_others(built):
    """Each generated page ends with the definitions of the glossary terms it holds, no more (all
    40 on every page cost a third of a 1000-item build), and each such term is marked in the HTML."""
    defs = re.compile(r"^\*\[(.+?)\]: ", re.M)
    pages = [p for p in (built.root / "build" / "docs").rglob("*.md") if "generated_from" in p.read_text(encoding="utf-8")]
    assert len(pages) > 100
    carried = 0
    for path in pages:
        text = path.read_text(encoding="utf-8")
        terms = defs.findall(text)
        body = re.sub(r"^\*\[.+?\]: .*$", "", text, flags=re.M)  # the page without its definitions
        assert all(term in body for term in terms), path
        carried += len(terms)
    assert 0 < carried < 40 * len(pages) / 4
    # and the reader sees the same tooltips as when every page carried all of them: no term left
    # unmarked in a news paragraph of any of the three sites
    forms = defs.findall((built.root / "build" / "plugin-data" / "abbreviations.md").read_text(encoding="utf-8"))
    forms += defs.findall((built.root / "build" / "plugin-data" / "abbreviations.zh-hant.md").read_text(encoding="utf-8"))
    marked = 0
    for html in [*(built.site / "news").glob("*/index.html"), *(built.site / "zh" / "news").glob("*/index.html"),
                 *(built.site / "zh-hant" / "news").glob("*/index.html")]:
        source = html.read_text(encoding="utf-8")
        marked += source.count("<abbr ")
        for paragraph in re.findall(r"<p>(.*?)</p>", source, re.S):
            text = re.sub(r"<[^>]+>", "", re.sub(r"<abbr [^>]*>.*?</abbr>", "", paragraph))
            left = [f for f in forms if re.search(rf"(?<![\w-]){re.escape(f)}(?![\w-])", text)]
            assert not left, (html.relative_to(built.site), left)
    assert marked > 20


def test_every_tooltip_is_in_its_page_language(built):
    """A glossary term's tooltip explains it in the page's language, whichever language the term is
    written in: the Chinese glossary names each term in English too, and those showed English."""
    cjk = re.compile(r"[\u4e00-\u9fff]")
    seen = {"": 0, "zh/": 0, "zh-hant/": 0}
    for lang in seen:
        root = built.site / lang if lang else built.site
        for html in root.rglob("index.html"):
            relative = html.relative_to(built.site).as_posix()
            if not lang and relative.startswith(("zh/", "zh-hant/")):
                continue
            for term, title in re.findall(r'<abbr title="([^"]*)">(.*?)</abbr>', html.read_text(encoding="utf-8")):
                seen[lang] += 1
                assert bool(cjk.search(term)) == bool(lang), (relative, title, term)
    assert min(seen.values()) > 20, seen
    glossary = (built.site / "zh" / "glossary" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<abbr title="[^"]*[\u4e00-\u9fff][^"]*">two new and one electricity</abbr>', glossary)


def test_units_on_chinese_pages(built):
    figures = article_text(built.site / "zh" / "figures" / "index.html")
    assert "亿元" in figures and "万亩" in figures and "billion" not in figures


@pytest.mark.parametrize("page", ["sectors/hydrogen-energy/", "parks/zhaoqing-cluster/", "projects/catl-zhaoqing-base/",
                                  "projects/", "figures/", "glossary/", "news/", "contact/"])
def test_language_switcher_keeps_the_page(built, page):
    en = (built.site / page / "index.html").read_text(encoding="utf-8")
    zh = (built.site / "zh" / page / "index.html").read_text(encoding="utf-8")
    switch_en = re.findall(r'<a href="([^"]+)" hreflang="zh" class="md-select__link"', en)
    switch_zh = re.findall(r'<a href="([^"]+)" hreflang="en" class="md-select__link"', zh)
    assert switch_en and switch_en[0].endswith("zh/" + page)
    assert switch_zh and switch_zh[0].endswith(page) and "zh/" not in switch_zh[0]


@pytest.mark.parametrize("root, title", [("", "Permanent link"), ("zh/", "永久链接"), ("zh-hant/", "永久連結")])
def test_heading_permalinks_are_titled_in_the_page_language(built, root, title):
    """toc takes one title for the whole site; hooks/ui_words.py sets it per language."""
    html = (built.site / root / "figures" / "index.html").read_text(encoding="utf-8")
    titles = set(re.findall(r'class="headerlink" href="[^"]*" title="([^"]*)"', html))
    assert titles == {title}


def test_a_term_of_many_items_lists_the_newest_and_how_many_more_a_search_finds():
    # At 1000 items a term of most posts listed every one (an 870 KB page): the newest are named,
    # the rest counted, with a search for the term in the page's own script
    import datetime as dt
    import urllib.parse

    from generator.pages import glossary, traditional
    from generator.read.schema import NewsMeta
    terms = glossary.load(ROOT / "data" / "glossary.yml", "data/glossary.yml")
    term = next(t for t in terms if t.id == "two-new-one-electricity")
    count = glossary.SHOWN + 5
    day = dt.date(2024, 1, 1)
    texts = {f"item-{n}": {"en": f"Item {n} on the {term.match['en'][0]}", "zh": f"第{n}条 {term.match['zh'][0]}"}
             for n in range(count)}
    metas = [NewsMeta(title=f"Item {n}", date=day + dt.timedelta(days=n), lang=lang, slug=f"item-{n}")
             for n in range(count) for lang in ("en", "zh")]
    pages = glossary.glossary_pages([term], texts, metas)
    hant = traditional.pages([p for p in pages if p.lang == "zh"], set(), traditional.converter(()))
    for page, query in [(pages[0], "two new and one electricity"), (pages[1], "两新一电"), (hant[0], "兩新一電")]:
        text = page.text()
        listed = re.findall(r"\]\((?:\.\./)+news/(item-\d+)\.md\)", text)
        assert listed == [f"item-{n}" for n in range(count - 1, count - 1 - glossary.SHOWN, -1)], page.path
        more = re.search(r"\[([^\]]*)\]\(\?q=([^)]*)\)", text)
        assert more and "5" in more.group(1) and urllib.parse.unquote(more.group(2)) == query, page.path
