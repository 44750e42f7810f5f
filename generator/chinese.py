"""Chinese text for mainland readers: Simplified characters and mainland wording."""
from __future__ import annotations

import re
from functools import lru_cache

import opencc

# OpenCC converts characters and Taiwan phrasing (資訊 -> 信息, 專案 -> 项目) but
# leaves corner brackets alone; mainland typography uses curly quotes.
_PUNCTUATION = str.maketrans({"「": "“", "」": "”", "『": "‘", "』": "’"})


@lru_cache(maxsize=None)
def _converter(config: str = "tw2sp") -> opencc.OpenCC:
    return opencc.OpenCC(config)


_HAN = r"[\u3400-\u9fff\uf900-\ufaff“”‘’，。！？；：、（）]"
# Half-width punctuation and stray spaces left by the source's machine conversion
_HALF_WIDTH = {",": "，", "!": "！", "?": "？", ";": "；", ":": "："}
_HALF_AFTER_HAN = re.compile(rf"(?<={_HAN})\s*([,!?;:])|([,!?;:])\s*(?={_HAN})")
_SPACE_AFTER_FULL_STOP = re.compile(r"(?<=[，。！？；：、）])[ \t]+")
_PARENS = re.compile(rf"\((?={_HAN})|(?<={_HAN})\)")
_SPACE_BETWEEN_HAN = re.compile(rf"(?<={_HAN})\s+(?={_HAN})")


def to_simplified(text: str) -> str:
    text = _converter().convert(text).translate(_PUNCTUATION)
    text = _PARENS.sub(lambda m: "（" if m.group(0) == "(" else "）", text)
    text = _HALF_AFTER_HAN.sub(lambda m: _HALF_WIDTH[m.group(1) or m.group(2)], text)
    text = _SPACE_AFTER_FULL_STOP.sub("", text)
    return _SPACE_BETWEEN_HAN.sub("", text)


def is_traditional(text: str) -> bool:
    """True when OpenCC would change the characters (not just the punctuation)."""
    return _converter("t2s").convert(text) != text
