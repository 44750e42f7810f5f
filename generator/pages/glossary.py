"""The glossary of policy terms: its page per language, and Material tooltips for news pages.

Tooltips use Python-Markdown's abbreviations, written at the end of every generated page
(page.py): only the terms the page holds, since each definition is one more block that every
block processor tests (all of them on every page cost a third of a 1000-item build). The whole
list is also a snippet in build/plugin-data, for editors' hand-written Traditional pages
(pymdownx.snippets, mkdocs.yml). No JavaScript of our own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..core import memo
from ..core.errors import InputError, Problem
from ..core.paths import lang_path
from ..read.catalogue import Text, _duplicate_ids
from ..read.entries import read_items
from ..read.schema import LANGS, NewsMeta
from ..text.links import Linker
from .page import Page
from .render import strings


@dataclass(frozen=True)
class Term:
    id: str
    term: Text
    explanation: Text
    match: dict[str, list[str]]
    zh_from_seed: bool


def load(path: Path, shown: str) -> list[Term]:
    problems: list[Problem] = []
    terms = []
    items = read_items(path, shown, problems, ("id", "term", "zh_from_seed", "match", "explanation"))
    problems.extend(_duplicate_ids(items))
    for i in items:
        terms.append(Term(i.ident(), i.text("term") or Text("", ""),
                          i.text("explanation") or Text("", ""), i.aliases_of("match"),
                          i.flag("zh_from_seed")))
    if problems:
        raise InputError(problems)
    return terms


def used_in(terms: list[Term], texts: dict[str, dict[str, str]]) -> list[list[str]]:
    """For each term, the slugs of the posts whose text (any language) uses it."""
    forms: dict[str, str] = {}
    used: list[list[str]] = [[] for _ in terms]
    for slug, by_lang in texts.items():
        found: set[int] = set()
        for lang, text in by_lang.items():
            if lang not in forms:  # as one string: its hash is made once, not for every text
                forms[lang] = repr(tuple(tuple(term.match.get(lang, [])) for term in terms))
            # the preview finds an unchanged text's terms once (core/memo.py)
            found.update(memo.derived("glossary", (forms[lang], text), lambda: _terms_in(terms, lang, text)))
        for index in found:
            used[index].append(slug)
    return [sorted(slugs) for slugs in used]


def _terms_in(terms: list[Term], lang: str, text: str) -> tuple[int, ...]:
    """The indexes of the terms one of whose forms in `lang` `text` holds."""
    return tuple(index for index, term in enumerate(terms) if any(form in text for form in term.match.get(lang, [])))


# A term's "used in" list names its newest items, then how many more a search for it finds: a
# term of most posts listed every item (at 1000 items the page was 870 KB, and its Markdown
# 0.7 s of each language's build)
SHOWN = 8


def glossary_pages(terms: list[Term], texts: dict[str, dict[str, str]], metas: list[NewsMeta]) -> list[Page]:
    by_slug = {(m.slug, m.lang): m for m in metas}
    used = used_in(terms, texts)  # the same for every language's page
    pages = []
    for lang in LANGS:
        path = lang_path("glossary/index.md", lang)
        rows = []
        for term, slugs in zip(terms, used):
            items = sorted((by_slug[(s, lang)] for s in slugs if (s, lang) in by_slug),
                           key=lambda m: (m.date, m.slug), reverse=True)
            query = (term.match.get(lang) or [term.term(lang)])[0]  # a form the posts use
            rows.append((term, items[:SHOWN], len(items) - SHOWN if len(items) > SHOWN else 0, query))
        pages.append(Page(path=path, template="glossary.md.j2",
                          front={"title": strings(lang)["glossary"], "generated_from": "data/glossary.yml"},
                          context={"rows": rows, "link": Linker(path, lang)}))
    return pages


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def abbreviations(terms: list[Term], lang: str | None = None) -> str:
    """`*[term]: explanation` lines: Material shows them as tooltips wherever the term occurs.
    For a page in `lang`, every form (an English term quoted on a Chinese page too) explained in
    that language; without `lang`, each form in its own language (the editors' snippet)."""
    lines = {}
    for term in terms:
        for form_lang in LANGS:
            for form in term.match.get(form_lang, []):
                lines.setdefault(form, f"*[{form}]: {_one_line(term.explanation(lang or form_lang))}")
    return "\n".join(lines.values()) + "\n"
