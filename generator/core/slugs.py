"""Readable, stable slugs shared by both language versions of a page."""
from __future__ import annotations

import re
import unicodedata

_STOP = {"a", "an", "the", "of", "and", "in", "on", "to", "for", "has", "its", "is", "with", "s"}

# The one form of every id and slug: it becomes a path and a URL, so nothing else is allowed
SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
SLUG_HINT = "use only a-z, 0-9 and single '-' between words, e.g. new-battery-plant"


def is_slug(text: object) -> bool:
    return isinstance(text, str) and SLUG.fullmatch(text) is not None


def slugify(title: str, max_words: int = 8) -> str:
    """ASCII words of the English title, stop words dropped, at most `max_words`."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    ascii_title = ascii_title.replace("’", "").replace("'", "")
    words = [w for w in re.findall(r"[a-z0-9]+", ascii_title.lower()) if w not in _STOP]
    return "-".join(words[:max_words]) or "untitled"


def chinese_slug(title: str, max_syllables: int = 10) -> str:
    """A Chinese title in toneless pinyin, one word per character: 肇庆新区 -> zhao-qing-xin-qu ("" if none)."""
    # Imported here: its dictionaries take a fifth of the generator's start-up, and only
    # a Chinese-only title needs them
    from pypinyin import lazy_pinyin

    syllables = lazy_pinyin(title, errors=lambda chars: chars.lower())
    return "-".join(re.findall(r"[a-z0-9]+", " ".join(syllables).lower())[:max_syllables])


def title_slug(title: str) -> str:
    """The slug of an English title, or of a Chinese one (pinyin) when it has no Latin letters ("" if none)."""
    if re.search(r"[A-Za-z]", title):
        slug = slugify(title)
        return "" if slug == "untitled" else slug
    return chinese_slug(title)
