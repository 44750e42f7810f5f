"""Generator stage: the catalogue as open data, CSV and JSON under /data/.

One row per record. Amounts are numbers in base units (33350000000 with unit
yuan), never display strings; every row carries the sentence it rests on and
the address of the news page that holds it. Names come in every site language.
"""
from __future__ import annotations

import csv
import io
import json
import re

from ..pages.render import strings
from ..read.catalogue import Catalogue, Source
from ..read.schema import LANGS
from ..read.sources import SourceIndex
from .common import number, source_url

TABLES = ("figures", "projects", "parks", "sectors")


def _names(prefix: str, text) -> dict:
    return {f"{prefix}_{lang}": text(lang) for lang in LANGS}


def _source(index: SourceIndex, source: Source | None, site_url: str) -> dict:
    if source is None:
        return {"source_url": None, "source_sentence": None}
    return {"source_url": source_url(index, source, site_url), "source_sentence": source.quote}


def _change_percent(change: str | None) -> float | None:
    """'+66%' -> 66.0, as the seed states the year-on-year change."""
    return float(change.rstrip("%")) if change else None


def tables(cat: Catalogue, index: SourceIndex, site_url: str, fixes: dict | None = None) -> dict[str, list[dict]]:
    """`fixes`: the corrections of the seeds' English by id, for the source's own wording of a value."""
    fixes = fixes or {}
    parks = {p.id: p for p in cat.parks}
    figures = []
    for f in cat.figures:
        y1, m1 = divmod(f.period.start, 12)
        y2, m2 = divmod(f.period.end, 12)
        place = parks.get(f.place)
        fix = fixes.get(f.correction or "")
        # A stock (land acquired, an area) is dated as of a day, never given a one-month period
        stock = f.period.as_of
        as_of = f"{y2:04d}-{m2 + 1:02d}" + (f"-{f.period.day:02d}" if f.period.day else "") if stock else None
        figures.append({
            "id": f.id, "metric": f.metric, **_names("label", f.label),
            # `value` is what a reader should use: the editors' reading where the source's value is
            # doubtful (data/corrections.yml); the source's own value and words stand in their own columns
            "value": number(f.reading if f.reading is not None else f.value), "unit": f.unit, "qualifier": f.qualifier,
            "value_is_editors_reading": f.reading is not None,
            "source_value": number(f.value),
            "source_wording": fix.wrong if fix else None,
            "doubtful": bool(fix and fix.uncertain),
            "correction": f.correction,
            "change_percent": _change_percent(f.change),
            "period": f.period.text,
            "period_start": None if stock else f"{y1:04d}-{m1 + 1:02d}",
            "period_end": None if stock else f"{y2:04d}-{m2 + 1:02d}",
            "as_of": as_of,
            "period_inferred": f.period_inferred,
            "place": f.place,
            **{f"place_name_{lang}": place.name(lang) if place else strings(lang)["place_zhaoqing"] for lang in LANGS},
            **_source(index, f.source, site_url),
        })
    projects = [{
        "id": p.id, **_names("name", p.name), "sectors": list(p.sectors), "park": p.park,
        "park_inferred": p.park_inferred,
        "investment": number(p.investment_yuan) if p.investment_yuan is not None else None,
        "unit": "yuan" if p.investment_yuan is not None else None, "status": p.status,
        **_source(index, p.sources[0] if p.sources else None, site_url),
    } for p in cat.projects]
    park_rows = [{
        "id": p.id, "kind": p.kind, **_names("name", p.name), "district": p.district, "sectors": list(p.sectors),
        "sectors_inferred": list(p.sectors_inferred),
        **{f"fact_{lang}": p.facts[0].text(lang) for lang in LANGS},
        **_source(index, p.facts[0].source, site_url),
    } for p in cat.parks]
    sectors = [{
        "id": s.id, "tier": s.tier, "group": s.group, **_names("name", s.name),
        **_source(index, s.sources[0] if s.sources else None, site_url),
    } for s in cat.sectors]
    return {"figures": figures, "projects": projects, "parks": park_rows, "sectors": sectors}


# A cell a spreadsheet would evaluate (=, +, -, @, or a tab or carriage return first) unless it
# is a plain number such as -3.5 or +12%; such a cell is written with a leading apostrophe
_FORMULA = re.compile(r"^[=+\-@\t\r]")
_NUMBER = re.compile(r"^[+-]?\d[\d,]*(\.\d+)?%?$")


def _cell(value) -> str:
    text = ";".join(value) if isinstance(value, list) else ("" if value is None else str(value))
    return "'" + text if _FORMULA.match(text) and not _NUMBER.match(text) else text


def _csv(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\r\n")  # RFC 4180
    writer.writeheader()
    for row in rows:
        # Lists as ids separated by ';'; empty cells for what the source does not give
        writer.writerow({k: _cell(v) for k, v in row.items()})
    # A byte order mark so that spreadsheet programs read the Chinese columns as UTF-8
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def open_data_files(found: dict[str, list[dict]]) -> dict[str, bytes]:
    """data/<table>.csv and data/<table>.json of `tables()`, one address for every language."""
    files = {}
    for name, rows in found.items():
        files[f"data/{name}.csv"] = _csv(rows)
        files[f"data/{name}.json"] = (json.dumps(rows, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    return files
