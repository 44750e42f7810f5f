"""The Chinese lint: what a mainland reader would mark on a built Chinese page.

Rules: Taiwan-style or wrong-register words and IT terms (data/zh_lint.yml), half-width
punctuation and stray spaces next to Chinese, raw ISO dates and periods, and names that
glue Latin letters to Chinese characters. Each finding names the page and the text.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from ..core.frontmatter import safe_load

RULES = Path(__file__).resolve().parents[2] / "data" / "zh_lint.yml"

_HAN = r"[\u3400-\u9fff]"
_FULL = r"[，。！？；：、（）“”《》]"
_CHECKS = [
    ("half-width punctuation", re.compile(rf"{_HAN}[,;:!?](?!//)|(?<![A-Za-z0-9])[,;:!?]{_HAN}")),
    ("half-width parenthesis", re.compile(rf"{_HAN}\(|\){_HAN}|\({_HAN}|{_HAN}\)")),
    ("stray space", re.compile(rf"(?:{_HAN}|{_FULL}) +(?:{_HAN}|{_FULL})|\d +{_HAN}")),
    ("raw date", re.compile(r"(?<![\w/.-])(\d{4}-\d{2}-\d{2}|\d{4}-Q[1-4]|\d{4}-\d{2})(?![\w/-])")),
    ("mixed Latin-Chinese name", re.compile(rf"[A-Za-z]{{2,}}{_HAN}|{_HAN}[A-Za-z]{{2,}}|{_HAN}[—–-][A-Za-z]")),
]


@dataclass(frozen=True)
class Finding:
    page: str
    rule: str
    text: str  # the offending text with a little context

    def __str__(self) -> str:
        return f"{self.page}: {self.rule}: …{self.text}…"


def load_words(path: Path = RULES) -> dict[str, list[dict]]:
    return safe_load(path.read_text(encoding="utf-8"))


def visible_text(page_html: str) -> str:
    """The page's own text: the article and the title; scripts, styles, code and link targets left out."""
    start = page_html.find("<article")
    body = page_html[start:page_html.index("</article>", start)] if start >= 0 else page_html
    title = re.search(r"<title>(.*?)</title>", page_html, re.S)
    body = re.sub(r"<(script|style|code)\b.*?</\1>", " ", body, flags=re.S)
    body = re.sub(r"<svg\b.*?</svg>", "◆", body, flags=re.S)  # an icon separates like a symbol, not a space
    body = re.sub(r"<br\s*/?>|</(p|li|h\d|td|th|div|tr|dt|dd|figcaption)>", "\n", body)
    text = html.unescape(re.sub(r"<[^>]+>", "", body))
    text = re.sub(r"\S+@\S+|https?://\S+", " ", text)  # addresses stay as the source writes them
    return (html.unescape(title.group(1)) + "\n" if title else "") + text


def lint_text(page: str, text: str, words: dict[str, list[dict]] | None = None) -> list[Finding]:
    words = words if words is not None else load_words()
    found = []
    for kind, label in (("taiwan", "Taiwan-style or wrong-register word"), ("it_terms", "IT term in non-IT text")):
        for entry in words.get(kind, []):
            for m in re.finditer(re.escape(entry["word"]), text):
                found.append(Finding(page, f"{label} (write {entry['use']})", _around(text, m)))
    for rule, pattern in _CHECKS:
        for line in text.splitlines():
            for m in pattern.finditer(line):
                found.append(Finding(page, rule, _around(line, m)))
    return found


def _around(text: str, m: re.Match) -> str:
    return text[max(0, m.start() - 12):m.end() + 12].replace("\n", " ")


def lint_site(site: Path, words: dict[str, list[dict]] | None = None) -> list[Finding]:
    words = words if words is not None else load_words()
    found = []
    for page in sorted((site / "zh").rglob("*.html")):
        found.extend(lint_text(page.relative_to(site).as_posix(), visible_text(page.read_text(encoding="utf-8")), words))
    return found
