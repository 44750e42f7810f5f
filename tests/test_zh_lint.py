"""The Chinese lint (generator/text/zh_lint.py) over the real built Chinese site, and each rule on samples."""
from __future__ import annotations

import pytest

from generator.text import zh_lint

WORDS = zh_lint.load_words()


def test_the_built_chinese_site_passes_the_lint(built):
    findings = zh_lint.lint_site(built.site)
    assert not findings, "\n" + "\n".join(map(str, findings))


@pytest.mark.parametrize("entry", WORDS["taiwan"] + WORDS["it_terms"], ids=lambda e: e["word"])
def test_each_listed_word_is_found_and_named(entry):
    findings = zh_lint.lint_text("zh/x/index.html", f"肇庆{entry['word']}持续。", WORDS)
    assert findings and findings[0].page == "zh/x/index.html" and entry["word"] in findings[0].text


@pytest.mark.parametrize("rule, bad, good", [
    ("half-width punctuation", "产业: 氢能", "产业：氢能"),
    ("half-width punctuation", "节庆期间,每逢车辆", "节庆期间，每逢车辆"),
    ("half-width parenthesis", "广东省(肇庆)大型产业集聚区", "广东省（肇庆）大型产业集聚区"),
    ("stray space", "计划 投资额", "计划投资额"),
    ("stray space", "出现于： 招商引资", "出现于：招商引资"),
    ("stray space", "外出招商超300 次", "外出招商超300次"),
    ("raw date", "签约时间 2023-10-09", "签约时间 2023年10月9日"),
    ("raw date", "期间 2024-Q1", "期间 2024年第一季度"),
    ("mixed Latin-Chinese name", "鼎湖莲花—Fuxi起步区", "Dinghu Lotus-Fuxi 起步区"),
    ("mixed Latin-Chinese name", "Manfu新能源汽车", "Manfu 新能源汽车"),
])
def test_each_rule_finds_the_fault_and_passes_the_fix(rule, bad, good):
    assert rule in {f.rule for f in zh_lint.lint_text("p", bad, WORDS)}
    assert rule not in {f.rule for f in zh_lint.lint_text("p", good, WORDS)}


def test_web_and_mail_addresses_are_not_findings():
    text = zh_lint.visible_text("<article><p>网站：https://www.sihui.gov.cn/a,b:c 邮箱：a@b.cn</p></article>")
    assert zh_lint.lint_text("p", text, WORDS) == []
