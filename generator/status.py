"""`python -m generator status`: every news page and how its Chinese version came to be."""
from __future__ import annotations

from .pipeline import Generated

_ORDER = {"missing": 0, "translated": 1, "converted": 2, "original": 3}


def chinese_status(generated: Generated) -> list[tuple[str, str, str]]:
    """(slug, status, English title), the ones to translate next first."""
    english = {m.slug: m for m in generated.news() if m.lang == "en"}
    chinese = {m.slug: m for m in generated.news() if m.lang == "zh"}
    rows = [(slug, chinese[slug].origin if slug in chinese else "missing", meta.title)
            for slug, meta in english.items()]
    return sorted(rows, key=lambda r: (_ORDER[r[1]], r[0]))
