"""Language of a piece of text, told by its script rather than by its position."""
from __future__ import annotations

import re

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff]")
_LATIN = re.compile(r"[A-Za-z]")


def has_han(text: str) -> bool:
    """Whether `text` holds a Chinese character (a Chinese title always does, whatever names it keeps in Latin)."""
    return _HAN.search(text) is not None


def detect(text: str) -> str | None:
    """'ja', 'zh' or 'en'; None when the text has no letters to go by."""
    han = len(_HAN.findall(text))
    kana = len(_KANA.findall(text))
    latin = len(_LATIN.findall(text))
    if han + kana + latin == 0:
        return None
    # Japanese prose always mixes kana into kanji; a few kana mark a Japanese text.
    if kana and kana * 20 >= han + kana:
        return "ja"
    # One Han character carries about as much as a short English word.
    if han * 3 >= latin:
        return "zh"
    return "en"
