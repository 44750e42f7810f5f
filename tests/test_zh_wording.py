"""Chinese conversion: OpenCC t2s for characters, the project phrase dictionary for wording."""
from __future__ import annotations

import pytest

from generator.text import chinese
from generator.read.seed_reader import read_seed

from conftest import SEEDS

PHRASES = chinese.load_phrases()


def seed_chinese(prefix: str) -> tuple[str, str]:
    """(t2s characters only, full conversion) of a seed's Chinese version."""
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    zh = read_seed(path, "seeds/" + path.name).version("zh")
    raw = "\n".join([zh.title, *(p.text for p in zh.paragraphs)])
    return chinese._converter("t2s").convert(raw), chinese.to_simplified(raw)


def test_taiwan_it_vocabulary_is_not_applied_to_seed_001():
    _, text = seed_chinese("001")
    assert "指标" in text and "指针" not in text  # 指標: indicators, not pointers
    assert text.count("新增") == 3 and "添加" not in text  # 新增动工、新增完工、新增投产


@pytest.mark.parametrize("phrase", PHRASES, ids=lambda p: p.source)
def test_each_phrase_entry_occurs_in_its_seed_and_is_replaced(phrase):
    if phrase.source == phrase.target:  # a protection entry: it must keep its phrase whole
        assert chinese.mainland_wording(phrase.source) == phrase.source
        return
    characters, converted = seed_chinese(phrase.seed)
    assert phrase.source in characters, f"{phrase.source} is not in seed {phrase.seed}: a dead entry"
    assert phrase.target in converted
    protected = [p.source for p in PHRASES if p.source == p.target]
    if phrase.source != phrase.target and not any(phrase.source in longer for longer in protected):
        assert phrase.source not in converted


def test_longest_match_wins_and_protection_entries_hold():
    assert chinese.mainland_wording("第一季度与第一季") == "第一季度与第一季度"
    assert chinese.mainland_wording("跑出工程落地建造“加速度”") == "跑出项目落地建设“加速度”"
    assert chinese.mainland_wording("“半拉子”工程") == "“半拉子”工程"  # a mainland term, left alone


def test_punctuation_and_spacing():
    assert chinese.to_simplified("超300 次,拜訪企業") == "超300次，拜访企业"
    assert chinese.to_simplified("完成112.9億元 ,年增31.1%") == "完成112.9亿元，同比增长31.1%"


def test_bad_phrase_file_names_file_and_line(tmp_path):
    bad = tmp_path / "zh_phrases.yml"
    bad.write_text("- {from: 專案, to: 项目, seed: '001', why: x}\n- {from: 透过, to: 通过, seed: '001', wy: x}\n",
                   encoding="utf-8")
    with pytest.raises(chinese.InputError) as err:
        chinese.load_phrases(bad, "data/zh_phrases.yml")
    text = str(err.value)
    assert "data/zh_phrases.yml:1: '專案' is not Simplified" in text
    assert "data/zh_phrases.yml:2: unknown key 'wy'" in text
