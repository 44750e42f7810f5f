"""Language versions of a seed: split only where the post changes version, never a line lost.

Built from the real seeds' own lines: seed 001 holds an English, a Traditional
Chinese and a Japanese version.
"""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.read.seed_reader import _split_versions, parse_seed
from generator.text.textfmt import summary

from conftest import seed

SEED_001 = seed("001").read_text(encoding="utf-8")
EN, ZH, JA = (part.split("Post a Comment")[0] for part in re.split(r"\n=+\n", SEED_001.split("\n", 1)[1]))


def lines_of(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def all_text(version) -> list[str]:
    return [version.title] + [p.text for p in version.paragraphs]


def test_a_chinese_paragraph_in_an_english_post_stays_in_it():
    en = lines_of(EN)
    quote = "肇慶市投資促進局相關負責人表示，今年一季度全市新引進產業項目186個，計劃總投資333.5億元。"
    body = en[:6] + [quote] + en[6:]
    post = parse_seed("Tuesday, May 7, 2024\n\n" + "\n\n".join(body), "s.txt")
    assert [v.lang for v in post.versions] == ["en"]
    texts = all_text(post.english)
    assert quote in texts
    assert texts[-1] == en[-1], "nothing after the Chinese paragraph is lost"


def test_an_english_photo_credit_inside_the_chinese_version_stays_in_it():
    zh = lines_of(ZH)
    credit = "Photo by Liu Chunlin, journalist from Zhaoqing Integrated Media Center"
    text = "\n\n".join(["Tuesday, May 7, 2024", *lines_of(EN), "=" * 20, *zh[:5], credit, *zh[5:]])
    post = parse_seed(text, "s.txt")
    assert [v.lang for v in post.versions] == ["en", "zh"]
    chinese = post.version("zh")
    assert credit in [p.text for p in chinese.captions]
    assert all_text(chinese)[-1] == zh[-1]
    assert chinese.title == zh[0]


def test_a_version_in_another_script_without_a_separator_still_starts_a_version():
    text = "\n\n".join(["Tuesday, May 7, 2024", *lines_of(EN), *lines_of(ZH)])
    post = parse_seed(text, "s.txt")
    assert [v.lang for v in post.versions] == ["en", "zh"]
    assert post.version("zh").title == lines_of(ZH)[0]


def test_the_same_language_after_a_separator_joins_its_version():
    en = lines_of(EN)
    text = "\n\n".join(["Tuesday, May 7, 2024", *en[:8], "-" * 12, *en[8:]])
    post = parse_seed(text, "s.txt")
    assert [v.lang for v in post.versions] == ["en"]
    assert all_text(post.english)[-1] == en[-1]


LINES = st.one_of(
    st.sampled_from(lines_of(EN) + lines_of(ZH) + lines_of(JA)),
    st.sampled_from(["=" * 30, "-----", "Photo by Wang Zhenyu", "图片来源：肇庆日报", "2024-05-07 22:09", "…"]),
    st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=40),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(LINES, min_size=1, max_size=40))
def test_splitting_never_drops_or_reorders_a_line(texts):
    lines = [(n, t.strip()) for n, t in enumerate(texts, start=1) if t.strip()]
    versions = _split_versions(lines)
    kept = sorted(line for _, part in versions for line in part)
    separators = [line for line in lines if re.fullmatch(r"[=＝\-]{5,}", line[1])]
    assert kept == sorted(set(lines) - set(separators))
    assert len({lang for lang, _ in versions}) == len(versions), "one version per language"
    for _, part in versions:
        assert part == sorted(part), "lines keep their order"


NUMBER = st.from_regex(r"\A[1-9][0-9]{0,3}(\.[0-9]{1,2})?%?\Z")
WORDS = st.sampled_from(["billion yuan", "projects", "up", "year on year.", "mu of land,", "Zhaoqing", "亿元，", "增长",
                         "。", "个项目", "The city said.", "U.S.", "No.", "e.g."])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(NUMBER, WORDS), min_size=1, max_size=80), st.sampled_from(["en", "zh"]))
def test_summaries_are_the_text_as_written(parts, lang):
    text = " ".join(parts) if lang == "en" else "".join(parts)
    out = summary([text], lang)
    shown = out.removesuffix("…")
    assert text.startswith(shown), "a summary is the opening of the paragraph, character for character"
    if out.endswith("…"):
        rest = text[len(shown):]
        assert not (shown[-1:].isdigit() and rest[:1] in tuple("0123456789.,%")), "never cut inside a number"


def test_summary_keeps_decimals_and_percentages():
    text = ("In the first quarter, Zhaoqing introduced 186 new industrial projects with a planned investment of "
            "3.5 billion yuan, up 12.5% year on year. The city said more would come.")
    assert summary([text], "en") == text
    assert summary(["今年一季度计划总投资3.5亿元，同比增长12.5%。全市新引进产业项目186个。" * 3], "zh").startswith(
        "今年一季度计划总投资3.5亿元，同比增长12.5%。")
