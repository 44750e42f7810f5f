"""What the investor kit's stages share: languages, addresses, UI words, source links."""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from pathlib import Path


from ..core.frontmatter import safe_load
from ..core.paths import source_path
from ..read.catalogue import Source
from ..read.schema import LANGS
from ..read.sources import SourceIndex

_STRINGS = Path(__file__).resolve().parent.parent / "strings" / "kit"
DEFAULT = LANGS[0]


@lru_cache(maxsize=None)
def words(lang: str) -> dict:
    """The kit's UI words of one language (generator/strings/kit/<lang>.yml); a file that
    names another with `inherit` holds only what differs from it."""
    own = safe_load((_STRINGS / f"{lang}.yml").read_text(encoding="utf-8"))
    base = own.pop("inherit", None)
    return {**words(base), **own} if base else own


def lang_root(lang: str) -> str:
    """Where a language's site starts, relative to the site root: '', 'zh/' or 'zh-hant/'."""
    return "" if lang == DEFAULT else f"{lang}/"


def number(value: Decimal) -> int | float:
    """A catalogue amount as a JSON/CSV number: 33350000000, 41.2."""
    return int(value) if value == value.to_integral_value() else float(value)


def source_url(index: SourceIndex, source: Source, site_url: str) -> str:
    """The sentence on the news page made from the source post (absolute URL): the English page,
    or the Simplified one for a sentence of the post's Chinese version (text/links.py)."""
    at = index.locate(source)
    if not at.line:  # outside the article (the contact footer): the post as published
        return site_url + source_path(at.seed)
    return f"{site_url}{'' if at.lang == 'en' else 'zh/'}news/{at.slug}/#line-{at.line}"
