"""Build-time SVG charts (no chart script, no CDN), drawn from a Jinja template.

One kind of figure per chart: the key figures are split by unit (investment in yuan, numbers of
projects), each chart with its legend (one colour per metric) and a table of the same numbers.
The charts are drawn for a phone first: 360 units wide, the period on its own line above each
bar, the value beside it, text 14 units high (at least 12 px on a 360 px-wide screen).
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..core import units
from ..read.catalogue import Figure
from .render import render, strings

WIDTH = 360
FONT = 14
# unit -> metrics charted, each with its colour (WCAG non-text contrast against white: 3:1)
CHARTS = {
    "yuan": {"planned-investment": "#00796b", "manufacturing-planned-investment": "#5e35b1",
             "actual-investment": "#b45309"},
    "project": {"industrial-projects": "#00796b", "manufacturing-projects": "#5e35b1"},
}
NAMES = {"yuan": "investment-chart", "project": "projects-chart"}


@dataclass
class Chart:
    unit: str
    name: str  # file name without .svg
    title: str
    svg: str
    rows: list[dict]  # the same numbers, for the table


def _value(value: Decimal, lang: str, qualifier: str | None = None) -> str:
    """A bar's value as the table shows its number: with the source's "more than" or "about"."""
    shown = units.number_en(value) if lang == "en" else format(value.normalize(), "f")
    return units.QUALIFIERS[qualifier][0 if lang == "en" else 1] + shown if qualifier else shown


def key_charts(figures: list[Figure], flagged: set[str], lang: str) -> list[Chart]:
    """The charts of the key figures by unit; figures flagged as inconsistent, and doubtful values
    (an editors' reading: a bar cannot show both readings) are left out, as in the table's notes."""
    s = strings(lang)
    charts = []
    for unit, colours in CHARTS.items():
        chosen = [f for f in figures if f.metric in colours and f.unit == unit and f.place == "zhaoqing"
                  and f.id not in flagged and f.reading is None]
        if not chosen:
            continue
        chosen.sort(key=lambda f: (f.period.sort_key, list(colours).index(f.metric)))
        scale = Decimal(s["chart_scale"]) if unit == "yuan" else Decimal(1)
        labels = {}
        for f in chosen:
            labels.setdefault(f.metric, f.label(lang))
        legend = [{"label": labels[m], "color": c} for m, c in colours.items() if m in labels]
        top = max(f.value for f in chosen) / scale
        y = 8 + len(legend) * 24 + 10
        bars, rows = [], []
        bar_space = WIDTH - 70
        for f in chosen:
            value = _value(f.value / scale, lang, f.qualifier)
            period = f.show_period(lang, s["chart_inferred_mark"])
            bars.append({"y": y, "period": period, "color": colours[f.metric],
                         "width": max(2, int(bar_space * (f.value / scale) / top)), "value": value})
            rows.append({"period": period, "label": f.label(lang), "value": value})
            y += 52
        title = s[f"chart_title_{unit}"]
        svg = render("chart.svg.j2", id=NAMES[unit], title=title, desc=s["chart_desc"], legend=legend, bars=bars,
                     width=WIDTH, height=y, font=FONT)
        charts.append(Chart(unit, NAMES[unit], title, svg, rows))
    return charts


def investment_chart(figures: list[Figure], flagged: set[str], lang: str) -> bytes:
    """The investment chart as a file (figures/investment-chart.svg), as on the figures page."""
    return next(c.svg for c in key_charts(figures, flagged, lang) if c.unit == "yuan").encode("utf-8")


def chart_files(figures: list[Figure], flagged: set[str], lang: str) -> dict[str, bytes]:
    return {f"{c.name}.svg": c.svg.encode("utf-8") for c in key_charts(figures, flagged, lang)}
