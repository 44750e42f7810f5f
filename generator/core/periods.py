"""Reporting periods: '2023', '2024-Q1', '2024-01', '2023-01/2023-09', and 'as of 2023-10-11'
(or a month) for a stock, such as land acquired so far, that a post reports without a period:
as of the post's date."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]
_ZH_QUARTERS = "一二三四"


@dataclass(frozen=True)
class Period:
    text: str
    start: int  # months since year 0, inclusive
    end: int
    as_of: bool = False  # a stock at a date in the month `end`, not a flow over start..end
    day: int = 0  # that date's day, where the period gives it

    def within(self, other: "Period") -> bool:
        """Strictly inside `other`: a part of it, not the same period."""
        if self.as_of or other.as_of:  # a stock is no part of a flow's period
            return False
        return other.start <= self.start and self.end <= other.end and (self.start, self.end) != (other.start, other.end)

    def show(self, lang: str) -> str:
        y1, m1 = divmod(self.start, 12)
        y2, m2 = divmod(self.end, 12)
        if self.as_of and self.day:
            return f"as of {_MONTHS_EN[m2]} {self.day}, {y2}" if lang == "en" else f"截至{y2}年{m2 + 1}月{self.day}日"
        if self.day:  # a day (an event's date: periods.day)
            return f"{_MONTHS_EN[m2]} {self.day}, {y2}" if lang == "en" else f"{y2}年{m2 + 1}月{self.day}日"
        if self.as_of:
            return f"as of {_MONTHS_EN[m2]} {y2}" if lang == "en" else f"截至{y2}年{m2 + 1}月"
        if (m1, m2) == (0, 11) and y1 == y2:
            return str(y1) if lang == "en" else f"{y1}年"
        if m2 - m1 == 2 and m1 % 3 == 0 and y1 == y2:
            q = m1 // 3
            return f"Q{q + 1} {y1}" if lang == "en" else f"{y1}年第{_ZH_QUARTERS[q]}季度"
        if self.start == self.end:
            return f"{_MONTHS_EN[m1]} {y1}" if lang == "en" else f"{y1}年{m1 + 1}月"
        if lang == "en":
            return f"{_MONTHS_EN[m1]}–{_MONTHS_EN[m2]} {y2}" if y1 == y2 else f"{_MONTHS_EN[m1]} {y1}–{_MONTHS_EN[m2]} {y2}"
        return f"{y1}年{m1 + 1}—{m2 + 1}月" if y1 == y2 else f"{y1}年{m1 + 1}月—{y2}年{m2 + 1}月"

    @property
    def sort_key(self) -> tuple[int, int]:
        return (self.end, self.start)


HINT = "write 2023, 2024-Q1, 2024-01, 2023-01/2023-09 or as of 2023-10-11"


def day(text: str) -> Period:
    """A day, YYYY-MM-DD (an event's date), or any period parse() reads."""
    text = str(text).strip()
    if re.fullmatch(r"\d{4}[/.年]\d{1,2}[/.月]\d{1,2}日?", text):
        raise ValueError(f"date {text!r} is not written YYYY-MM-DD (as 2024-05-29)")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            d = dt.date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"date {text!r} does not exist (write YYYY-MM-DD)") from None
        month = d.year * 12 + d.month - 1
        return Period(text, month, month, day=d.day)
    return parse(text)


def parse(text: str) -> Period:
    text = str(text).strip()
    if text.startswith("as of "):
        at, day = text.removeprefix("as of "), 0
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", at):
            try:
                day = dt.date.fromisoformat(at).day
            except ValueError:
                raise ValueError(f"period {text!r}: not a date") from None
            at = at[:7]
        month = parse(at)
        if month.start != month.end:
            raise ValueError(f"period {text!r}: write 'as of' with a date or a month (as of 2023-10-11)")
        return Period(text, month.start, month.end, as_of=True, day=day)
    if "/" in text:
        a, b = (parse(part) for part in text.split("/", 1))
        if b.end < a.start:
            raise ValueError(f"period {text!r} ends before it starts")
        return Period(text, a.start, b.end)
    if re.fullmatch(r"\d{4}", text):
        y = int(text)
        return Period(text, y * 12, y * 12 + 11)
    m = re.fullmatch(r"(\d{4})-Q([1-4])", text)
    if m:
        y, q = int(m[1]), int(m[2]) - 1
        return Period(text, y * 12 + 3 * q, y * 12 + 3 * q + 2)
    m = re.fullmatch(r"(\d{4})-(\d{2})", text)
    if m and 1 <= int(m[2]) <= 12:
        month = int(m[1]) * 12 + int(m[2]) - 1
        return Period(text, month, month)
    raise ValueError(f"not a period: {text!r} ({HINT})")
