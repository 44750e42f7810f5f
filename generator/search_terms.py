"""The jieba user dictionary for Chinese search: the portal's own words, kept whole.

Place names and slogans from data/jieba_user_dict.txt, plus every Chinese name
and alias in the catalogue and glossary, so that 精细化工 or 粤桂合作特别试验区
are single words in the index and a reader's query finds them.
"""
from __future__ import annotations

import re
from pathlib import Path

from .catalogue import Catalogue

_FREQUENCY = 100
_LONGEST = 9  # 粤桂合作特别试验区  # high enough that jieba prefers the whole term over its parts
_NOT_A_WORD = re.compile(r"[“”‘’\"'（）()、，\s]")


def user_dictionary(base: Path, catalogue: Catalogue, glossary_terms) -> bytes:
    words: dict[str, str] = {}
    for line in base.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if parts and not line.startswith("#"):
            words[parts[0]] = line.strip()
    names = []
    for _, entry in catalogue.entries():
        names += [entry.name.zh, *entry.aliases.get("zh", [])]
    for term in glossary_terms:
        names += [term.term.zh, *term.match.get("zh", [])]
    for name in names:
        for word in _NOT_A_WORD.split(name):
            # Words, not descriptions: a long name kept whole would swallow the words
            # inside it (新能源汽车电池零部件生产项目 would hide 新能源汽车)
            if 2 <= len(word) <= _LONGEST and re.search(r"[\u4e00-\u9fff]", word):
                words.setdefault(word, f"{word} {_FREQUENCY} n")
    return ("\n".join(words[w] for w in sorted(words)) + "\n").encode("utf-8")
