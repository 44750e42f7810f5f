"""`python -m generator status`: every news page and how its Chinese versions came to be."""
from __future__ import annotations

from .pages.traditional import LANG as HANT
from .pipeline import Generated

_ORDER = {"missing": 0, "translated": 1, "converted": 2, "original": 3}


def chinese_status(generated: Generated) -> list[tuple[str, str, str, str]]:
    """(Simplified status, Traditional status, slug, English title), the ones to translate next first.

    Traditional: `edited` (an editor's NAME.zh-hant.md), `converted` (from the Simplified
    page), or `missing` (the Simplified page is itself a notice).
    """
    english = {m.slug: m for m in generated.news() if m.lang == "en"}
    chinese = {m.slug: m for m in generated.news() if m.lang == "zh"}
    rows = []
    for slug, meta in english.items():
        zh = chinese[slug].origin if slug in chinese else "missing"
        if f"news/{slug}.{HANT}.md" in generated.files and not _derived(generated, slug):
            hant = "edited"
        else:
            hant = "missing" if zh == "missing" else "converted"
        rows.append((zh, hant, slug, meta.title))
    return sorted(rows, key=lambda r: (_ORDER[r[0]], r[2]))


def _derived(generated: Generated, slug: str) -> bool:
    return any(m.slug == slug for m in generated.news() if m.lang == HANT)
