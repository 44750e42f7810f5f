"""Build-time SVG charts (no chart script, no CDN), drawn from a Jinja template."""
from __future__ import annotations

from decimal import Decimal

from ..core import units
from ..read.catalogue import Figure
from .render import render, strings

_COLORS = {"planned-investment": "#00897b", "manufacturing-planned-investment": "#4db6ac",
           "actual-investment": "#ffb300"}


def investment_chart(figures: list[Figure], flagged: set[str], lang: str) -> bytes:
    """Bars of the investment figures by period; figures flagged as inconsistent are left out."""
    s = strings(lang)
    scale = Decimal(s["chart_scale"])
    # Doubtful values (an editors' reading) are left out too: a bar cannot show both readings
    chosen = [f for f in figures if f.metric in _COLORS and f.place == "zhaoqing" and f.id not in flagged
              and f.reading is None]
    chosen.sort(key=lambda f: (f.period.sort_key, f.metric))
    top = max((f.value for f in chosen), default=Decimal(1))
    label_width, bar_space, y = 430, 280, 34
    bars = []
    for f in chosen:
        bars.append({"y": y, "label": f"{f.show_period(lang, s['chart_inferred_mark'])} · {f.label(lang)}",
                     "width": int(bar_space * f.value / top), "color": _COLORS[f.metric],
                     "value": units.number_en(f.value / scale) if lang == "en" else format((f.value / scale).normalize(), "f")})
        y += 28
    return render("chart.svg.j2", title=s["chart_title"], bars=bars, label_width=label_width,
                  width=label_width + bar_space + 70, height=y + 6).encode("utf-8")
