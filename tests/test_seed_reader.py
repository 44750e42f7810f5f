"""The reader on each of the five real seeds; expected values are read off the seed files."""
from __future__ import annotations

import datetime as dt

import pytest

from generator.read.seed_reader import read_seed

from conftest import seed

CST = dt.timezone(dt.timedelta(hours=8))
CHROME = ("No comments", "Post a Comment", "Showing posts with label", "精选的博文", "Show all posts")


def read(prefix):
    path = seed(prefix)
    return read_seed(path, f"seeds/{path.name}")


CASES = {
    "000": dict(
        title="Zhaoqing: Investment promotion continues, achieving a “good start” in January 2024",
        blog_date=dt.date(2024, 2, 6), source=(None, dt.datetime(2024, 1, 31, 17, 35, tzinfo=CST), None),
        first="As the 2024 Spring Festival approaches, Zhaoqing is constantly attracting investment.",
        last="According to the relevant person in charge of the Zhaoqing Investment Promotion Bureau, as of January 30, 2024",
        teaser="Guangning wonton"),
    "001": dict(
        title="The ground-breaking construction has \"accelerated\"! Zhaoqing’s investment promotion in the first quarter of 2024 gets off to a good start",
        blog_date=dt.date(2024, 5, 7),
        source=("Invest in Zhaoqing", dt.datetime(2024, 5, 7, 22, 9, tzinfo=CST), "Guangdong, China"),
        first="During the festival, whenever vehicles pass by Zhaoqing's large-scale industrial cluster",
        last="Give full play to the role of the assessment baton",
        teaser="flying cars"),
    "002": dict(
        title="Accelerated investment promotion, Zhaoqing achieved a successful start in the first quarter of 2024",
        blog_date=dt.date(2024, 5, 8),
        source=("Investment Zhaoqing", dt.datetime(2024, 5, 8, 21, 30, tzinfo=CST), "China"),
        first="On May 7, 2024, good news came from Zhaoqing:",
        last="The development of emerging industry chains will promote the layout of future industries",
        teaser="Moving the factory to Sihui"),
    "003": dict(
        title="The city's industrial investment promotion landing and park planning and construction exchange symposium was held: Systematically and accurately grasp investment promotion and promote the park to improve quality, expand quantity and increase efficiency",
        blog_date=dt.date(2024, 5, 29),
        source=("Invest in Zhaoqing", dt.datetime(2024, 5, 29, 23, 53, tzinfo=CST), "Guangdong, China"),
        first="On May 29, 2024, the city's industrial investment promotion landing",
        last="Municipal leaders Chi Zhixiong, He Jing, Liu Jingbo, and Xie Guikun attended the meeting.",
        teaser="Moving the factory to Sihui"),
    "004": dict(
        title="Zhaoqing insists on taking the lead in the manufacturing industry and sets off an upsurge of projects for development!",
        blog_date=dt.date(2023, 10, 11),
        source=("Invest in Zhaoqing", dt.datetime(2023, 10, 11, 22, 41, tzinfo=CST), "Guangdong"),
        first="Zhaoqing City presents a",
        last="Manufacturing investment projects were quickly implemented and yielded results.",
        teaser="Get out of the circle"),
}


@pytest.mark.parametrize("prefix", sorted(CASES))
def test_reads_title_dates_and_body(prefix):
    case, post = CASES[prefix], read(prefix)
    en = post.english
    assert en.title == case["title"]
    assert post.blog_date == case["blog_date"]
    assert (en.source.name, en.source.published, en.source.place) == case["source"]
    assert en.body[0].text.startswith(case["first"])
    assert en.body[-1].text.startswith(case["last"])


@pytest.mark.parametrize("prefix", sorted(CASES))
def test_no_chrome_teasers_or_duplicate_title(prefix):
    post = read(prefix)
    texts = [p.text for v in post.versions for p in v.paragraphs]
    assert not [t for t in texts if any(c in t for c in CHROME)]
    assert not [t for t in texts if CASES[prefix]["teaser"] in t]
    assert post.english.title not in texts
    assert not [t for t in texts if t.endswith("...")]


def test_contact_footer_becomes_contacts_not_body():
    post = read("000")
    assert [c.name for c in post.contacts] == ["Sihui City Investment Promotion Center",
                                               "Zhaoqing Investment Promotion Bureau"]
    sihui, bureau = post.contacts
    assert (sihui.tel, sihui.fax, sihui.email) == ("+86 758 3611228", "+86 758 3611228", "shqyfw@vip.163.com")
    assert sihui.website == "https://www.sihui.gov.cn/gzjg/shszsj/zsjgz/index.html"
    assert (bureau.tel, bureau.fax, bureau.email) == ("+86 758 2899202", "+86 758 2282600", "zqszsj@126.com")
    assert bureau.address == "6/F, No. 18, Jiangbin West Road, Duanzhou District, Zhaoqing City, Guangdong Province"
    body = " ".join(p.text for p in post.english.paragraphs)
    for leftover in ("Contact information", "Tel:", "zqszsj@126.com", "Sihui City Investment Promotion Center"):
        assert leftover not in body


@pytest.mark.parametrize("prefix", ["001", "002", "003", "004"])
def test_posts_without_footer_have_no_contacts(prefix):
    assert read(prefix).contacts == ()


def test_seed_001_splits_into_english_chinese_japanese_by_script():
    post = read("001")
    assert [v.lang for v in post.versions] == ["en", "zh", "ja"]
    zh, ja = post.version("zh"), post.version("ja")
    assert zh.title == "落地建設跑出「加速度」! 肇慶2024年第一季招商實現良好開局"
    assert (zh.source.name, zh.source.place) == ("投資肇慶", "中國廣東")
    assert zh.body[0].text == "節慶期間,每逢車輛在肇慶大型產業集聚區路過,都可看到樁機作業不停歇。"
    assert zh.body[-1].text.startswith("發揮評鑑指揮棒作用")
    assert ja.title.startswith("画期的な建設が“加速”した!")
    assert ja.body[-1].text.startswith("評価バトンの役割")
    # No version leaks into another
    assert not any("=====" in p.text for v in post.versions for p in v.paragraphs)
    assert not any("肇慶" in p.text for p in post.english.paragraphs)


def test_split_does_not_depend_on_order(tmp_path):
    """Japanese first, then English: each still gets its own language."""
    path = seed("001")
    lines = path.read_text(encoding="utf-8").split("\n")
    date, rest = lines[0], "\n".join(lines[1:])
    en, ja = rest.split("=" * 54)[0], rest.split("=" * 55)[-1]
    shuffled = tmp_path / "x.txt"
    shuffled.write_text("\n".join([date, ja.split("No comments:")[0], "=" * 10, en]), encoding="utf-8")
    post = read_seed(shuffled, "x.txt")
    assert [v.lang for v in post.versions] == ["ja", "en"]


def test_photo_captions_are_kept_apart_from_body():
    post = read("004")
    captions = [p.text for p in post.english.captions]
    assert "Picture of Xpeng Motors production line. Photo by Wang Zhenyu" in captions
    assert "Picture taken by Nanfang+ reporter Shi Liang" in captions
    assert not [p for p in post.english.body if "Photo by" in p.text]
    credit = [p.text for p in read("002").english.captions]
    assert any(t.endswith("Photo by Liu Chunlin, journalist from Zhaoqing Integrated Media Center") for t in credit)


@pytest.mark.parametrize("line,expected", [
    ("Invest in Zhaoqing 2024-05-07 22:09 Guangdong, China", ("Invest in Zhaoqing", "Guangdong, China")),
    ("Investment Zhaoqing 2024-05-08 21:30 China", ("Investment Zhaoqing", "China")),
    ("2024-01-31 17:35", (None, None)),
    ("Invest in Zhaoqing Published in Guangdong on 2023-10-11 22:41", ("Invest in Zhaoqing", "Guangdong")),
])
def test_source_line_forms(tmp_path, line, expected):
    path = tmp_path / "s.txt"
    path.write_text(f"Monday, June 3, 2024\n\nA title\n\nA title\n\n{line}\n\nBody text here.\n", encoding="utf-8")
    src = read_seed(path, "s.txt").english.source
    assert (src.name, src.place) == expected
    assert src.published.utcoffset() == dt.timedelta(hours=8)
