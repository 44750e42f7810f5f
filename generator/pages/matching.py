"""Which sectors, parks and projects a post mentions, by names and aliases in both languages."""
from __future__ import annotations

import re
from functools import lru_cache

from ..core import memo
from ..read.catalogue import Catalogue, Entry


@lru_cache(maxsize=None)
def _pattern(term: str, lang: str) -> re.Pattern:
    if lang == "zh":
        return re.compile(re.escape(term))
    # Word start and end, so "6G" does not match inside "16G"; plural s allowed
    return re.compile(rf"(?<![\w-]){re.escape(term)}s?(?![\w])", re.I)


def _terms(entry: Entry, lang: str) -> list[str]:
    return [t for t in [entry.name(lang), *entry.aliases.get(lang, [])] if t]


def names(catalogue: Catalogue) -> tuple:
    """Each entry's names and aliases per language, as mentions() looks for them: made once per
    catalogue, not for every post."""
    return tuple((kind, entry.id, tuple((lang, tuple(_terms(entry, lang))) for lang in ("en", "zh")))
                 for kind, entry in catalogue.entries())


def mentions(names_: tuple, texts: dict[str, str]) -> dict[str, list[str]]:
    """{'sectors': [...], 'parks': [...], 'projects': [...]} found in any language's text;
    `names_`: what names() gives."""
    # the preview looks again only when a text or the catalogue's names changed (core/memo.py)
    found = memo.derived("mentions", (names_, tuple(texts.items())), lambda: _mentions(names_, texts))
    return {kind: list(ids) for kind, ids in found.items()}


def _mentions(names_: tuple, texts: dict[str, str]) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {"sectors": [], "parks": [], "projects": []}
    for kind, ident, terms in names_:
        if any(_pattern(term, lang).search(texts[lang]) for lang, forms in terms if lang in texts for term in forms):
            found[kind].append(ident)
    return {kind: tuple(ids) for kind, ids in found.items()}
