"""Reader: one investor figure of a catalogue entry (`investor_facts:` in data/parks.yml and
data/sectors.yml), each problem at the line of its own key (entries.py hands the nodes over)."""
from __future__ import annotations

import datetime as dt
import re
import difflib
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

import yaml

from ..core import periods, units, urls
from ..core.errors import Problem
from .records import TOPICS, InvestorFact, Text

if TYPE_CHECKING:
    from .entries import Item

FACT_KEYS = ("value", "unit", "period", "label", "source", "checked")


class InvestorFactReader:
    """One topic of `investor_facts`, read with the line of each of its keys."""

    def __init__(self, topic: str, line: int, node: yaml.MappingNode, constructor, item: Item):
        self.topic, self.line, self.item = topic, line, item
        self.data, self.lines = {}, {}
        for k, v in node.value:
            self.lines[str(k.value)] = k.start_mark.line + 1
            try:
                self.data[str(k.value)] = constructor.construct_object(v, deep=True)
            except ValueError:  # 2024-13-01 looks like a date to YAML: kept as text, refused below
                self.data[str(k.value)] = v.value if isinstance(v, yaml.ScalarNode) else None
        self.ok = True

    def problem(self, key: str | None, message: str, fix: str):
        self.ok = False
        self.item.problems.append(Problem(self.item.file, self.lines.get(key, self.line),
                                          f"{self.topic}: {message}", fix))

    def read(self) -> InvestorFact | None:
        suggested = set()  # a misspelt key is one problem, not also a missing one
        for key in self.data:
            if key not in FACT_KEYS:
                close = difflib.get_close_matches(key, FACT_KEYS, n=1)
                suggested.update(close)
                self.problem(key, f"unknown key '{key}'",
                             f"did you mean '{close[0]}'?" if close else f"keys here are {', '.join(FACT_KEYS)}")
        for key in ("value", "unit", "period", "source", "checked"):
            if key not in suggested and self.data.get(key) is None:
                self.problem(None, f"missing '{key}'", f"add '{key}:' under {self.topic} (line {self.line})")
        value = self.value()
        unit = self.data.get("unit")
        allowed = TOPICS[self.topic]
        if unit is not None and unit not in allowed:
            self.problem("unit", f"unit {unit!r} does not fit this topic", f"use {' or '.join(allowed)}")
        period = None
        if self.data.get("period") is not None:
            try:
                period = periods.parse(self.data["period"])
            except ValueError as err:
                self.problem("period", str(err).split(" (")[0], periods.HINT)
        checked = self.checked()
        url, document = self.source()
        label = self.text("label")
        if not self.ok or value is None or period is None or checked is None:
            return None
        return InvestorFact(self.topic, value, unit, period, checked, url, document, label)

    def value(self) -> Decimal | None:
        raw = self.data.get("value")
        if raw is None:
            return None
        try:
            if isinstance(raw, bool):
                raise units.UnitError("")
            value = Decimal(str(raw)) if isinstance(raw, (int, float)) else units.parse_en(str(raw))
            if value.is_finite() and value < 0:  # a price, a tariff, a wage: never below zero
                self.problem("value", f"value {raw!r} is below zero",
                             "write the figure as the source gives it, without a minus sign")
                return None
            if not value.is_finite():
                raise units.UnitError("")
            return value
        except (units.UnitError, InvalidOperation):
            self.problem("value", f"value {raw!r} is not a number", "write the number as the source gives it: 0.65, 250000 or 250,000")
            return None

    def checked(self) -> dt.date | None:
        raw = self.data.get("checked")
        if raw is None:
            return None
        if isinstance(raw, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw.strip()):
            try:  # in quotes, as the CMS saves it: the same day
                raw = dt.date.fromisoformat(raw.strip())
            except ValueError:
                pass
        if isinstance(raw, dt.datetime) or not isinstance(raw, dt.date):
            self.problem("checked", f"checked {raw!r} is not a date", "write the day you checked the source as YYYY-MM-DD")
            return None
        if raw > dt.date.today():
            self.problem("checked", f"checked {raw.isoformat()} is in the future", "write the day you checked the source")
            return None
        return raw

    def text(self, key: str) -> Text | None:
        raw = self.data.get(key)
        if raw is None:
            return None
        if not isinstance(raw, dict) or set(raw) != {"en", "zh"} or not all(isinstance(v, str) and v for v in raw.values()):
            self.problem(key, f"'{key}' needs exactly an en and a zh text", f"write '{key}: {{en: \"…\", zh: …}}'")
            return None
        return Text(raw["en"], raw["zh"])

    def source(self) -> tuple[str | None, Text | None]:
        raw = self.data.get("source")
        if raw is None:
            return None, None
        if not isinstance(raw, dict) or not raw or set(raw) - {"url", "document"}:
            self.problem("source", "'source' needs the address of the published source, its title, or both",
                         "write source: {url: https://…, document: {en: \"…\", zh: …}}")
            return None, None
        url = raw.get("url")
        if url is not None:
            fix = urls.source_url_problem(url) if isinstance(url, str) else "write the address as text"
            if fix:
                self.problem("source", f"source url {url!r} is not a web address the site links to", fix)
                url = None
        document = None
        if raw.get("document") is not None:
            doc = raw["document"]
            if isinstance(doc, dict) and set(doc) == {"en", "zh"} and all(isinstance(v, str) and v for v in doc.values()):
                document = Text(doc["en"], doc["zh"])
            else:
                self.problem("source", "the source 'document' needs exactly an en and a zh title",
                             "write document: {en: \"…\", zh: …}")
        return url, document
