"""Chinese text for mainland readers: Simplified characters and mainland wording.

OpenCC `t2s` converts characters only; Taiwan-style wording is then turned into
mainland usage by the project's phrase dictionary (data/zh_phrases.yml). OpenCC's
`tw2sp` is not used: it also rewrites IT vocabulary (指标 -> 指针, 新增 -> 添加).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import opencc

from ..core.errors import InputError, Problem

PHRASES = Path(__file__).resolve().parents[2] / "data" / "zh_phrases.yml"

# Mainland typography uses curly quotes, not corner brackets.
_PUNCTUATION = str.maketrans({"「": "“", "」": "”", "『": "‘", "』": "’"})


@dataclass(frozen=True)
class Phrase:
    source: str  # as t2s leaves it
    target: str  # mainland usage
    seed: str  # a seed whose Chinese holds it (tested)
    why: str


@lru_cache(maxsize=None)
def _converter(config: str = "t2s") -> opencc.OpenCC:
    return opencc.OpenCC(config)


def load_phrases(path: Path = PHRASES, shown: str = "data/zh_phrases.yml") -> list[Phrase]:
    from ..read.entries import read_items  # the catalogues' reader: same messages, same line numbers

    problems: list[Problem] = []
    phrases, seen = [], set()
    for i in read_items(path, shown, problems, ("from", "to", "seed", "why")):
        source, target = i.get("from", str, default=""), i.get("to", str, default="")
        seed, why = str(i.get("seed", (str, int), default="")), i.get("why", str, default="")
        if source in seen:
            i.problem("from", f"'{source}' is listed twice", "keep one entry per phrase")
        seen.add(source)
        if source and _converter().convert(source) != source:
            i.problem("from", f"'{source}' is not Simplified", f"write it as t2s leaves it: '{_converter().convert(source)}'")
        phrases.append(Phrase(source, target, seed, why))
    if problems:
        raise InputError(problems)
    return phrases


@lru_cache(maxsize=None)
def _dictionary(path: Path = PHRASES) -> tuple[dict[str, str], re.Pattern | None]:
    table = {p.source: p.target for p in load_phrases(path)}
    if not table:
        return table, None
    # Longest first: regex alternation takes the first alternative that matches here
    return table, re.compile("|".join(map(re.escape, sorted(table, key=len, reverse=True))))


def mainland_wording(text: str, path: Path = PHRASES) -> str:
    table, pattern = _dictionary(path)
    return pattern.sub(lambda m: table[m.group(0)], text) if pattern else text


_HAN = r"[\u3400-\u9fff\uf900-\ufaff“”‘’，。！？；：、（）]"
# Half-width punctuation and stray spaces left by the source's machine conversion
_HALF_WIDTH = {",": "，", "!": "！", "?": "？", ";": "；", ":": "："}
_HALF_AFTER_HAN = re.compile(rf"(?<={_HAN})\s*([,!?;:])\s*|\s*([,!?;:])\s*(?={_HAN})")
_SPACE_AFTER_FULL_STOP = re.compile(r"(?<=[，。！？；：、）])[ \t]+|[ \t]+(?=[，。！？；：、）])")
_PARENS = re.compile(rf"\((?={_HAN})|(?<={_HAN})\)")
_SPACE_BETWEEN_HAN = re.compile(rf"(?<={_HAN})\s+(?={_HAN})")
# Official Chinese sets no space between a number and the character after it (300 次, 21 个)
_SPACE_NUMBER_HAN = re.compile(r"(?<=\d)[ \t]+(?=[\u3400-\u9fff])|(?<=[\u3400-\u9fff])[ \t]+(?=\d)")


def to_simplified(text: str) -> str:
    """Seed Chinese as a mainland reader expects it: characters, wording, punctuation."""
    text = mainland_wording(_converter().convert(text)).translate(_PUNCTUATION)
    text = _PARENS.sub(lambda m: "（" if m.group(0) == "(" else "）", text)
    text = _HALF_AFTER_HAN.sub(lambda m: _HALF_WIDTH[m.group(1) or m.group(2)], text)
    text = _SPACE_AFTER_FULL_STOP.sub("", text)
    text = _SPACE_NUMBER_HAN.sub("", text)
    return _SPACE_BETWEEN_HAN.sub("", text)


def is_traditional(text: str) -> bool:
    """True when OpenCC would change the characters (not just the punctuation)."""
    return _converter("t2s").convert(text) != text
