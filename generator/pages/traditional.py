"""Generator: the Traditional Chinese site (/zh-hant/), derived from the Simplified pages.

Every Simplified page the pipeline produces (generated or an editor's translation) is
rendered again with the Traditional UI strings (generator/strings/zh-hant.yml) and
converted with OpenCC's Hong Kong standard (`s2hk`), then corrected by the phrase
dictionary in data/traditional_phrases.yml. An editor's `NAME.zh-hant.md` in docs/
replaces the derived page and is published as written.

Conversion goes line by line through a cache that lives as long as the process: each
distinct line is converted once per build, and a rebuild under `mkdocs serve` converts
only the lines that changed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import opencc
import yaml

from ..core import site_config
from ..core.errors import InputError, Problem, described
from ..core.paths import lang_path
from ..read.yaml_nodes import node_data, yaml_list
from ..read.schema import NewsMeta
from ..core import memo
from .page import Page, with_tooltips
from .render import strings, trusted_strings

LANG = "zh-hant"  # mkdocs-static-i18n locale: the address /zh-hant/ and the suffix NAME.zh-hant.md
CONFIG = "s2hk"  # Hong Kong standard characters; mainland vocabulary is kept (see README)
PHRASES = "traditional_phrases.yml"
TOOLTIPS = site_config.SNIPPETS[1]  # the glossary tooltips of Traditional pages (build/plugin-data)
_PHRASE_KEYS = ("simplified", "traditional", "why")
# `word: true` marks a Hong Kong word for a mainland one (鼠标 -> 滑鼠, 打印 -> 列印): the only entries
# that may change the words, not just the character forms
_OPTIONAL_KEYS = ("word",)


@lru_cache(maxsize=None)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


@dataclass(frozen=True)
class Phrase:
    simplified: str
    traditional: str  # what the portal writes instead of OpenCC's output
    converted: str  # what OpenCC writes for `simplified`


def load_phrases(path: Path, shown: str) -> list[Phrase]:
    """The phrase dictionary, validated: each entry must fix something and keep the words."""
    problems: list[Problem] = []
    # no file: no fixes, OpenCC alone
    items = yaml_list(path, shown, "phrases", "write entries as '- simplified: …' with traditional and why")
    phrases, seen = [], {}
    for item in items:
        line = item.start_mark.line + 1
        data = node_data(item) if isinstance(item, yaml.MappingNode) else None
        if not isinstance(data, dict) or not set(_PHRASE_KEYS) <= set(data) <= set(_PHRASE_KEYS + _OPTIONAL_KEYS) or \
                not all(isinstance(data[k], str) and data[k].strip() for k in _PHRASE_KEYS):
            problems.append(Problem(shown, line, "a phrase needs exactly simplified, traditional and why, as text",
                                    "write '- simplified: 发布', 'traditional: 發布', 'why: …'"))
            continue
        if not isinstance(data.get("word", False), bool):  # `word: yes` is the word yes (YAML 1.2, as the CMS reads it)
            at = next(k.start_mark.line + 1 for k, _ in item.value if k.value == "word")
            problems.append(Problem(shown, at, f"'word' is {described(data['word'])}", "give 'word' true or false"))
            continue
        if data["simplified"] in seen:
            problems.append(Problem(shown, line, f"{data['simplified']} is listed twice (first on line {seen[data['simplified']]})",
                                    "keep one of the two entries"))
            continue
        seen[data["simplified"]] = line
        converted = _converter(CONFIG).convert(data["simplified"])
        if converted == data["traditional"]:
            problems.append(Problem(shown, line, f"OpenCC already writes {converted} for {data['simplified']}",
                                    "remove this entry"))
        elif data.get("word") is not True and _converter("t2s").convert(data["traditional"]) != data["simplified"]:
            problems.append(Problem(shown, line, f"{data['traditional']} does not read as {data['simplified']}",
                                    "a phrase may change character forms, never the words"))
        else:
            phrases.append(Phrase(data["simplified"], data["traditional"], converted))
    if problems:
        raise InputError(problems)
    return phrases


# Hong Kong and Taiwan quote Chinese with corner brackets, and a name made of numbers in Chinese
# text too (「344」園區載體); curly quotes around English stay
_QUOTES = ((re.compile(r"“([^“”]*)”"), "「{}」"), (re.compile(r"‘([^‘’]*)’"), "『{}』"))
_HAN = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")


def _brackets(pattern: re.Pattern, form: str, text: str) -> str:
    return pattern.sub(lambda m: form.format(m.group(1)) if _HAN.search(m.group(1)) or not _LATIN.search(m.group(1))
                       else m.group(0), text)


class Converter:
    """Simplified -> Traditional text: OpenCC s2hk, then the phrase dictionary; cached by line."""

    def __init__(self, phrases: list[Phrase]):
        self.phrases = tuple(phrases)
        fixes = {p.converted: p.traditional for p in phrases}
        # Longest first, so a longer phrase wins over one it contains
        self._pattern = re.compile("|".join(map(re.escape, sorted(fixes, key=len, reverse=True)))) if fixes else None
        self._fixes = fixes
        self.line = lru_cache(maxsize=None)(self._line)

    def __repr__(self) -> str:  # what it converts with: the preview's memo of pages compares it (generator/core/memo.py)
        return f"Converter({self.phrases!r})"

    def _line(self, line: str) -> str:
        out = _converter(CONFIG).convert(line)
        # The phrases first: an entry may hold the quotation marks OpenCC leaves (”松騎行)
        out = self._pattern.sub(lambda m: self._fixes[m.group(0)], out) if self._pattern else out
        for pattern, form in _QUOTES:
            out = _brackets(pattern, form, out)
        return out

    def __call__(self, text: str) -> str:
        if text.isascii():
            return text
        return "".join(self.line(line) if not line.isascii() else line for line in text.splitlines(keepends=True))


@lru_cache(maxsize=8)
def converter(phrases: tuple[Phrase, ...]) -> Converter:
    """One converter (and so one cache) per phrase dictionary, for the life of the process."""
    return Converter(list(phrases))


@dataclass
class TraditionalPage:
    """A Simplified page rendered with the Traditional UI strings, then converted."""

    source: Page
    path: str
    meta: NewsMeta | None
    convert: Converter
    # What differs from the Simplified page besides the words (the investor kit's own files)
    front: dict = field(default_factory=dict)
    context: dict = field(default_factory=dict)

    lang = LANG
    template = property(lambda self: self.source.template)

    def __post_init__(self):
        self.front = _own_words(self.source.front)  # a new tree: the Simplified page's stays as it is

    def text(self, tooltips: str = "") -> str:
        """`tooltips`: the Traditional definitions, already converted (terms are matched
        against the converted text)."""
        source = self.source
        parts = ("TraditionalPage", self.path, self.meta, self.front, self.convert, source.path, source.template,
                 source.meta, source.context, self.context, tooltips)
        return memo.text(parts, lambda: self._text(tooltips))

    def _text(self, tooltips: str) -> str:
        front = self.meta.to_front_matter() if self.meta else self.front
        return with_tooltips(self.convert(self.source.render(trusted_strings(LANG), front, context=self.context)), tooltips)


@lru_cache(maxsize=1)  # as the strings themselves (render.strings)
def _ui_words() -> dict[str, str]:
    zh, hant = strings("zh"), strings(LANG)
    return {v: hant[k] for k, v in zh.items() if isinstance(v, str) and isinstance(hant.get(k), str)}


def _own_words(front):
    """The Simplified page's front matter holds UI words (titles, the home page's labels) from
    generator/strings/zh.yml; the Traditional site has its own words for them (聯絡, where
    converting 联系 gives 聯繫), so a value that is a Simplified UI word becomes the Traditional one."""
    words = _ui_words()

    def own(value):
        if isinstance(value, dict):
            return {k: own(v) for k, v in value.items()}
        if isinstance(value, list):
            return [own(v) for v in value]
        return words.get(value, value) if isinstance(value, str) else value
    return own(front)


def traditional_meta(meta: NewsMeta, convert: Converter) -> NewsMeta:
    text = lambda value: convert(value) if value else value  # noqa: E731
    return replace(meta, lang=LANG, title=convert(meta.title), summary=text(meta.summary),
                   source=text(meta.source), source_place=text(meta.source_place))


def is_override(path: str) -> bool:
    return f".{LANG}." in path.rsplit("/", 1)[-1]


def base_path(path: str) -> str:
    """news/x.zh-hant.md -> news/x.md"""
    return path.replace(f".{LANG}.", ".")


def pages(simplified: list[Page], overrides: set[str], convert: Converter) -> list[TraditionalPage]:
    """A Traditional page for every Simplified page an editor has not replaced."""
    out = []
    for page in simplified:
        path = lang_path(page.path.replace(".zh.", "."), LANG)
        if path in overrides:
            continue
        meta = traditional_meta(page.meta, convert) if page.meta else None
        if meta and not meta.generated_from:  # derived from an editor's page: still the generator's file
            meta = replace(meta, generated_from=f"docs/{page.path}")
        if page.meta and page.meta.origin == "original":  # Chinese written as such, but converted here
            page = replace(page, meta=replace(page.meta, origin="converted"))
            meta = replace(meta, origin="converted")
        out.append(TraditionalPage(page, path, meta, convert, context={"convert": convert}))
    return out


def of_hidden(overrides: set[str], hidden: set[str]) -> set[str]:
    """Overrides of draft items: they stay out of the published site with their item."""
    return {path for path in overrides if base_path(path) in hidden or lang_path(base_path(path), "zh") in hidden}


def override_problems(overrides: set[str], known: set[str]) -> list[Problem]:
    """An editor's Traditional page must replace a page the site has."""
    return [Problem(f"docs/{path}", 1, "Traditional page without its English or Chinese page",
                    f"rename it to match a page of the site (e.g. docs/news/<slug>.{LANG}.md) or add docs/{base_path(path)}")
            for path in sorted(overrides) if base_path(path) not in known]


def files(files: dict[str, bytes], convert: Converter) -> dict[str, bytes]:
    """Traditional copies of the Simplified tree's other files: charts converted, the rest as they are."""
    out = {}
    for path, data in files.items():
        if ".zh." not in path.rsplit("/", 1)[-1] or path.endswith(".md"):
            continue
        target = lang_path(path.replace(".zh.", ".", 1), LANG)
        if target in files:
            continue  # made for the Traditional site already (feeds), or an editor's file
        out[target] = convert(data.decode("utf-8")).encode("utf-8") if path.endswith(".svg") else data
    return out


def abbreviations(simplified: str, convert: Converter) -> str:
    """The tooltips file of the Traditional pages: English terms as they are, Chinese ones
    converted, explanations included (a term both scripts write alike gets its own)."""
    return convert(simplified)
