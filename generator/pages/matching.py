"""Which sectors, parks and projects a post mentions, by names and aliases in both languages."""
from __future__ import annotations

import re
from functools import lru_cache

from ..read.catalogue import Catalogue, Entry


@lru_cache(maxsize=None)
def _pattern(term: str, lang: str) -> re.Pattern:
    if lang == "zh":
        return re.compile(re.escape(term))
    # Word start and end, so "6G" does not match inside "16G"; plural s allowed
    return re.compile(rf"(?<![\w-]){re.escape(term)}s?(?![\w])", re.I)


def _terms(entry: Entry, lang: str) -> list[str]:
    return [t for t in [entry.name(lang), *entry.aliases.get(lang, [])] if t]


def mentions(catalogue: Catalogue, texts: dict[str, str]) -> dict[str, list[str]]:
    """{'sectors': [...], 'parks': [...], 'projects': [...]} found in any language's text."""
    found: dict[str, list[str]] = {"sectors": [], "parks": [], "projects": []}
    for kind, entry in catalogue.entries():
        if any(_pattern(term, lang).search(text)
               for lang, text in texts.items() for term in _terms(entry, lang)):
            found[kind].append(entry.id)
    return found
