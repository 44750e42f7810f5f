"""Structure the seeds carry: section headings, photo captions, the original publication date."""
from __future__ import annotations

import datetime as dt
import json
import re
from html import unescape

import pytest

from generator.pages import news
from generator.read.seed_reader import read_seed

from conftest import SEEDS


def post(prefix: str):
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return read_seed(path, "seeds/" + path.name)


HEADINGS = {
    "002": ["Introduction of manufacturing projects increased by 66% year-on-year",
            "Breakthroughs in emerging industries and future industries",
            'Carry out a "grand battle" and accelerate the landing process'],
    "004": ["Strengthen the city through industry and fully implement the “Ten Actions”",
            'Stabilize and strengthen the foundation and build a "leading + characteristic" industrial system',
            "Riding on the momentum to build an aircraft carrier-type platform of 10,000 acres and 100 billion yuan"],
    "000": [], "001": [], "003": [],
}


@pytest.mark.parametrize("prefix", sorted(HEADINGS))
def test_section_headings_are_read_as_headings(prefix):
    found = [p.text for v in post(prefix).versions for p in v.paragraphs if p.heading]
    assert found == HEADINGS[prefix]


def test_lead_ins_and_poem_lines_are_not_headings():
    texts = {p.text: p for p in post("002").english.paragraphs + post("004").english.paragraphs}
    for line in ("The relevant person in charge of Zhaoqing City stated that", "Zhaoqing City presents a",
                 "Introduction of relevant responsible persons in Duanzhou District",
                 "Zhaoqing organizes and carries out activities throughout the city"):
        assert not texts[line].heading and not texts[line].caption, line


def test_a_lone_label_line_is_a_caption():
    label = next(p for p in post("001").english.paragraphs if p.text == "Zhaoqing's large-scale industrial cluster")
    assert label.caption and not label.heading


def h2(html: str) -> list[str]:
    article = html[html.index("<article"):html.index("</article>")]
    return [unescape(re.sub(r"<[^>]+>|&para;", "", h)).strip() for h in re.findall(r"<h2[^>]*>(.*?)</h2>", article, re.S)]


@pytest.mark.parametrize("prefix", ["002", "004"])
def test_headings_in_both_languages(built, prefix):
    slug = news.news_meta(post(prefix)).slug
    en = h2((built.site / "news" / slug / "index.html").read_text(encoding="utf-8"))
    zh = h2((built.site / "zh" / "news" / slug / "index.html").read_text(encoding="utf-8"))
    assert len(en) == len(zh) == 3
    assert en[:2] == HEADINGS[prefix][:2]


@pytest.mark.parametrize("prefix", ["001", "002", "004"])
def test_captions_stay_captions_in_both_languages(built, prefix):
    slug = news.news_meta(post(prefix)).slug
    count = {}
    for lang in ("", "zh"):
        html = (built.site / lang / "news" / slug / "index.html").read_text(encoding="utf-8")
        count[lang] = len(re.findall(r'<p[^>]*class="caption"', html))
    assert count[""] == len(post(prefix).english.captions) >= 1
    if prefix != "001":  # seed 001's Chinese has no photo captions
        assert count["zh"] >= count[""]


def test_the_date_is_the_original_publication_day_everywhere(built, generated_metas):
    january = post("000")
    assert january.blog_date == dt.date(2024, 2, 6)  # the blog reposted it a week later
    day = news.publication_date(january)
    assert day == dt.date(2024, 1, 31)
    slug = news.news_meta(january).slug
    for lang, shown in (("", "January 31, 2024"), ("zh", "2024年1月31日")):
        page = (built.site / lang / "news" / slug / "index.html").read_text(encoding="utf-8")
        assert re.search(rf"(Published|发布日期)\S*\s*{shown}", page)
        assert ("Reposted on the blog: February 6, 2024" if not lang else "博客转载日期：2024年2月6日") in page
        index = (built.site / lang / "news" / "index.html").read_text(encoding="utf-8")
        assert re.search(rf"{shown} · <a href=\"{slug}/\"", index)
        feed = json.loads((built.site / lang / "feed.json").read_text(encoding="utf-8"))
        item = next(i for i in feed["items"] if f"/news/{slug}/" in i["url"])
        assert item["date_published"].startswith("2024-01-31T17:35")
        rss = (built.site / lang / "feed_rss.xml").read_text(encoding="utf-8")
        assert "Wed, 31 Jan 2024 17:35:00 +0800" in rss
    assert {m.date for m in generated_metas if m.slug == slug} == {day}


@pytest.fixture(scope="module")
def generated_metas(generated):
    return generated.news()
