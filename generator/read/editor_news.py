"""Reader: editor-written news in docs/news/ -> validated NewsMeta (files are only read).

Every language's file gets the same checks: English `NAME.md` (or `NAME.en.md`, as the CMS at
/admin/ names it), Simplified `NAME.zh.md` and the Traditional override `NAME.zh-hant.md`
(name, UTF-8, schema, draft, date).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from pathlib import Path

from ..core import frontmatter, memo, script
from ..core.errors import InputError, Problem
from ..core.paths import Layout, editor_name, in_order
from ..core.slugs import chinese_slug, is_slug
from .schema import NewsMeta, validate

FUTURE = dt.timedelta(days=366)  # a date further ahead is a typo in the year


@dataclass(frozen=True)
class EditorItem:
    path: str  # relative to docs/, e.g. news/new-plant.zh.md
    meta: NewsMeta
    body: str  # the editor's Markdown, published as written
    file: str = ""  # the file as messages name it: docs/news/new-plant.en.md (`path` says new-plant.md)


def read_editor_news(layout: Layout, known: dict[str, set[str]] | None = None,
                     blank: frozenset[Path] = frozenset()) -> tuple[list[EditorItem], list[Problem]]:
    """Every news file of docs/news/ but the `blank` ones (blank_translations), validated."""
    items, problems = [], []
    folder = layout.docs / "news"
    today = dt.date.today()
    # what an item's reading depends on besides its file (the preview remembers it: core/memo.py)
    extra = repr((today, sorted((kind, sorted(ids)) for kind, ids in (known or {}).items()), known is None))
    for path in in_order(folder.glob("*.md")) if folder.is_dir() else []:
        if path in blank:
            continue
        item, found = memo.per_file("news", path, extra, lambda: _read_item(layout, path, known, today))
        problems.extend(found)
        if item is not None:
            items.append(item)
    return items, problems


def _read_item(layout: Layout, path, known: dict[str, set[str]] | None,
               today: dt.date) -> tuple[EditorItem | None, list[Problem]]:
    shown = layout.show(path)
    stem, lang = _split_name(path.name)
    if not is_slug(stem):  # the name becomes the URL (and the feeds' links)
        return None, [Problem(shown, 1, f"file name '{path.name}' is not lower-case words joined by '-'",
                              f"rename it, e.g. to {suggested_name(path.name)}")]
    try:
        doc = frontmatter.read(path, shown)
    except InputError as err:
        return None, err.problems
    meta, problems = validate(doc.meta, doc.key_lines, shown, known)
    if meta is None:
        return None, problems
    if meta.date > today + FUTURE:
        return None, problems + [Problem(shown, doc.key_lines.get("date", 1),
                                         f"date {meta.date.isoformat()} is more than a year ahead",
                                         "check the year; news is dated when it is published")]
    if meta.generated_from:
        return None, problems + [Problem(shown, doc.key_lines["generated_from"],
                                         "'generated_from' marks generated pages, not editor files",
                                         "remove the generated_from line")]
    if lang == "en" and not meta.draft and script.detect(meta.title) == "zh":
        # kept as the item (its Chinese sibling is not then told it has none): the problem stops the build
        problems = problems + [Problem(shown, doc.key_lines.get("title", 1), "the English file's title is Chinese",
                                       f"write the English title here, and the Chinese one in {stem}.zh.md")]
    if not meta.draft and not doc.body.strip():  # a headline over a blank page
        problems = problems + [Problem(shown, doc.body_line - 1, "the item has no text below its front matter",
                                       "write the text after the closing '---' line, or mark the item draft: true "
                                       "until it is written")]
    if lang != "en" and not meta.draft and not script.has_han(meta.title):
        problems = problems + [Problem(shown, doc.key_lines.get("title", 1), "the Chinese file's title has no Chinese in it",
                                       f"write the Chinese title here, and the English one in {stem}.md")]
    if meta.slug and meta.slug != stem:
        return None, problems + [Problem(shown, doc.key_lines.get("slug", 1),
                                         f"slug '{meta.slug}' differs from the file name '{stem}'",
                                         f"remove the slug line or rename the file to "
                                         f"{meta.slug}{'' if lang == 'en' else '.' + lang}.md")]
    return EditorItem(editor_name(layout.show(path)[len("docs/"):]), replace(meta, slug=stem, lang=lang),
                      doc.body, shown), problems


def blank_translations(layout: Layout) -> frozenset[Path]:
    """The Chinese and Traditional files of docs/news/ with neither a title nor a text: what the CMS
    saves for a language the editor left empty (it copies the date and draft fields into every
    language's file). The item has no such version yet: neither read nor published."""
    folder = layout.docs / "news"
    return frozenset(path for path in (folder.glob("*.md") if folder.is_dir() else ()) if _blank_translation(path))


def _blank_translation(path: Path) -> bool:
    if not path.name.endswith((".zh.md", ".zh-hant.md")):
        return False
    try:  # such a file is a few front matter lines: a longer one is not read twice on every build
        if path.stat().st_size > _BLANK_SIZE:
            return False
    except OSError:
        return False  # gone: its reader says so
    return memo.per_file("blank", path, "", lambda: _blank(path))


_BLANK_SIZE = 2048


def _blank(path) -> bool:
    try:
        doc = frontmatter.read(path, path.name)
    except InputError:
        return False  # reported as the file's problem
    return not doc.body.strip() and doc.meta.get("title") in (None, "")


def _split_name(name: str) -> tuple[str, str]:
    stem = name[: -len(".md")]
    if stem.endswith(".zh-hant"):  # an editor's Traditional page: published as written (generator/traditional.py)
        return stem[: -len(".zh-hant")], "zh-hant"
    if stem.endswith(".zh"):
        return stem[: -len(".zh")], "zh"
    if stem.endswith(".en"):  # the CMS's name for the English file: the same page as NAME.md
        return stem[: -len(".en")], "en"
    return stem, "en"


# The language endings an editor may mean, as the site writes them (NAME.zh.md, NAME.zh-hant.md)
_LANG_ENDINGS = {"zh": ".zh", "zh-cn": ".zh", "zh-hans": ".zh", "cn": ".zh", "zh-hant": ".zh-hant",
                 "zh-hk": ".zh-hant", "zh-tw": ".zh-hant", "en": ""}


def suggested_name(name: str) -> str:
    """The name an editor meant: every word kept, lower-case, joined by '-' (a Chinese name in
    pinyin, as `new` names files), with the language ending and .md as the site writes them."""
    stem, _, ext = name.rpartition(".") if "." in name else (name, "", "md")
    base, _, ending = stem.rpartition(".")
    lang = _LANG_ENDINGS.get(ending.lower().replace("_", "-")) if base else None
    if lang is None:
        base, lang = stem, ""
    words = re.findall(r"[a-z0-9]+", (chinese_slug(base) if re.search(r"[\u3400-\u9fff]", base) else base).lower())
    return "-".join(words or ["untitled"]) + lang + "." + (ext.lower() if ext.lower() == "md" else ext)
