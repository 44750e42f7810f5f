"""Seed text as Markdown data, and dates per language."""
from __future__ import annotations

import datetime as dt
import html
import re
from functools import lru_cache

from babel.dates import format_date

_LOCALES = {"en": "en", "zh": "zh_Hans_CN"}
# Characters that are markup anywhere in a line (Python-Markdown can escape them all)
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]])")
# ... and those that are markup only at the start of a line (headings, lists, rules)
_LINE_START = re.compile(r"^([#+-])")
# `:name:` would become an emoji or icon shortcode
_SHORTCODE = re.compile(r":(?=[\w+-]+:)")
_LIST_START = re.compile(r"^(\d+)([.)])")


def md_text(text: str) -> str:
    """Text that renders as itself: no live HTML, links, emphasis or lists."""
    escaped = html.escape(text, quote=False)
    escaped = _MD_SPECIAL.sub(r"\\\1", escaped)
    escaped = _SHORTCODE.sub("&#58;", escaped)
    escaped = _LINE_START.sub(r"\\\1", escaped)
    return _LIST_START.sub(r"\1\\\2", escaped)


@lru_cache(maxsize=4096)  # the same dates again on every index, feed and news page
def long_date(day: dt.date, lang: str) -> str:
    """'May 7, 2024' / '2024年5月7日'."""
    return format_date(day, "long", locale=_LOCALES[lang])


def local_time(moment: dt.datetime, lang: str = "en") -> str:
    """'2024-05-07 22:09' / '2024年5月7日 22:09' (China time, as the source line gives it)."""
    if lang == "zh":
        return f"{long_date(moment.date(), lang)} {moment:%H:%M}"
    return moment.strftime("%Y-%m-%d %H:%M")


def when(text: str, lang: str) -> str:
    """A catalogue date or period ('2023-10-09', '2024-Q1', '2021') as the language writes it."""
    from ..core import periods

    try:
        return long_date(dt.date.fromisoformat(str(text)), lang)
    except ValueError:
        pass
    try:
        return periods.parse(str(text)).show(lang)
    except ValueError:
        return str(text)


# A sentence ends at 。！？, or at . ! ? followed by a space: never inside 3.5 or 12.5%
_SENTENCE_END = {"en": re.compile(r"[.!?](?=\s)"), "zh": re.compile(r"[。！？]|[.!?](?=\s)")}
_IN_NUMBER = re.compile(r"[\d.,%]+$")


def summary(paragraphs: list[str], lang: str, limit: int | None = None) -> str:
    """The opening sentences of the first full paragraph, cut at a sentence end.

    The result is the paragraph's text from its start, as written (numbers
    included), up to a sentence end, or cut before `limit` with "…".
    """
    limit = limit or (220 if lang == "en" else 110)
    # Posts often open with a fragment ("Zhaoqing City presents a") or a lead-in line
    shortest = 80 if lang == "en" else 30
    text = next((p for p in paragraphs if len(p) >= shortest), paragraphs[0] if paragraphs else "").strip()
    ends = [m.end() for m in _SENTENCE_END[lang].finditer(text)] + [len(text)]
    out = ""
    for end in ends:
        candidate = text[:end].rstrip()
        if out and len(candidate) > limit:
            break
        out = candidate
    if len(out) > limit:
        cut = out[:limit]
        if lang == "en":
            cut = cut.rsplit(" ", 1)[0] if " " in cut else cut
        elif out[limit:limit + 1].isdigit() or out[limit:limit + 1] in ".,%":
            cut = _IN_NUMBER.sub("", cut) or cut  # never end inside a number
        out = cut.rstrip() + "…"
    return out
