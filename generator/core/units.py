"""Amounts in English and Chinese notation: 33.35 billion yuan = 333.5亿元, 13,000 mu = 1.3万亩.

Values are Decimals so that conversion is exact both ways.
"""
from __future__ import annotations

import re
from decimal import Decimal

_EN_SCALES = {"thousand": Decimal(10) ** 3, "million": Decimal(10) ** 6, "billion": Decimal(10) ** 9,
              "trillion": Decimal(10) ** 12}
_ZH_SCALES = {"万": Decimal(10) ** 4, "亿": Decimal(10) ** 8, "万亿": Decimal(10) ** 12}
_EN_AMOUNT = re.compile(r"(\d[\d,]*(?:\.\d+)?)(?:[\s-]+(thousand|million|billion|trillion))?", re.I)
_ZH_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)(万亿|亿|万)?")

# unit -> (English singular, English plural, Chinese after a number)
UNITS = {
    "yuan": ("yuan", "yuan", "元"),
    "project": ("project", "projects", "个"),
    "mu": ("mu", "mu", "亩"),
    "km2": ("km²", "km²", "平方公里"),
    "entity": ("business entity", "business entities", "户"),
    "enterprise": ("enterprise", "enterprises", "家"),
    "percent": ("%", "%", "%"),
}
QUALIFIERS = {"more-than": ("more than ", "超过"), "about": ("about ", "约")}


class UnitError(ValueError):
    pass


def parse_en(text: str) -> Decimal:
    """'33.35 billion' -> 33350000000; '13,000' -> 13000."""
    m = _EN_AMOUNT.fullmatch(text.strip())
    if not m:
        raise UnitError(f"not an English amount: {text!r} (write e.g. 186, 13,000 or 33.35 billion)")
    number = Decimal(m.group(1).replace(",", ""))
    return number * _EN_SCALES[m.group(2).lower()] if m.group(2) else number


def parse_zh(text: str) -> Decimal:
    """'333.5亿' -> 33350000000; '1.3万' -> 13000."""
    m = _ZH_AMOUNT.fullmatch(text.strip().rstrip("元亩个户家"))
    if not m:
        raise UnitError(f"not a Chinese amount: {text!r} (write e.g. 186, 1.3万 or 333.5亿)")
    number = Decimal(m.group(1))
    return number * _ZH_SCALES[m.group(2)] if m.group(2) else number


def amounts_en(text: str) -> set[Decimal]:
    """Every amount written in an English sentence, for checking a figure against its source."""
    return {parse_en(m.group(0)) for m in _EN_AMOUNT.finditer(text)}


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


def number_en(value: Decimal) -> str:
    """13000 -> '13,000'; 33350000000 -> '33.35 billion'."""
    for word in ("trillion", "billion", "million"):
        scale = _EN_SCALES[word]
        if value >= scale:
            return f"{_plain(value / scale)} {word}"
    whole = value == value.to_integral_value()
    return f"{int(value):,}" if whole else f"{value.normalize():,f}"


def number_zh(value: Decimal, unit: str) -> str:
    """33350000000 -> '333.5亿'; 13000 -> '1.3万'; 8800 -> '8800'."""
    if value >= _ZH_SCALES["亿"]:
        return f"{_plain(value / _ZH_SCALES['亿'])}亿"
    if value >= _ZH_SCALES["万"] and unit != "km2":
        return f"{_plain(value / _ZH_SCALES['万'])}万"
    return _plain(value)


def show(value: Decimal, unit: str, lang: str, qualifier: str | None = None, with_unit: bool = True) -> str:
    """The amount with its unit (or without: a source's wording may not give it), as a reader
    of `lang` writes it."""
    singular, plural, zh_unit = UNITS[unit]
    if lang == "zh":
        prefix = QUALIFIERS[qualifier][1] if qualifier else ""
        return f"{prefix}{number_zh(value, unit)}{zh_unit if with_unit else ''}"
    prefix = QUALIFIERS[qualifier][0] if qualifier else ""
    word = singular if value == 1 else plural
    sep = "" if unit == "percent" else " "
    return f"{prefix}{number_en(value)}{sep + word if with_unit else ''}"


# Units of the figures editors add for investors' questions (records.TOPICS): English, Chinese
RATES = {
    "yuan-per-mu": ("yuan per mu", "元/亩"),
    "yuan-per-m2": ("yuan per m²", "元/平方米"),
    "yuan-per-kwh": ("yuan per kWh", "元/千瓦时"),
    "yuan-per-m3": ("yuan per m³", "元/立方米"),
    "yuan-per-tonne": ("yuan per tonne", "元/吨"),
    "yuan-per-teu": ("yuan per TEU", "元/标准箱"),
    "yuan-per-month": ("yuan per month", "元/月"),
    "yuan-per-hour": ("yuan per hour", "元/小时"),
    "yuan": ("yuan", "元"),
    "person": ("people", "人"),
    "km": ("km", "公里"),
    "hour": ("hours", "小时"),
    "percent": ("%", "%"),
}


def show_rate(value: Decimal, unit: str, lang: str) -> str:
    """250000 yuan-per-mu -> '250,000 yuan per mu' / '25万元/亩': the same number in both notations."""
    en, zh = RATES[unit]
    if lang == "zh":
        return f"{number_zh(value, 'km2' if unit == 'km' else unit)}{zh}"
    return f"{number_en(value)}{'' if unit == 'percent' else ' '}{en}"
