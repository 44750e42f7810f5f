"""The whole run: read seeds and editor files, generate pages, validate, then write.

Nothing is written unless every input is valid, so a bad file leaves the built
docs (and so the site) exactly as they were.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import news, writer
from .editor_news import EditorItem, read_editor_news
from .errors import InputError, Problem
from .indexes import news_indexes
from .pages import Page, lang_path
from .paths import Layout
from .schema import NewsMeta
from .seed_reader import read_seed

_GENERATED_DIRS = ("sources",)


@dataclass
class Generated:
    pages: list[Page]
    editor: list[EditorItem]
    files: dict[str, bytes]  # everything the built docs tree must hold

    def news(self) -> list[NewsMeta]:
        return [p.meta for p in self.pages if p.meta] + [i.meta for i in self.editor]


def generate(layout: Layout) -> Generated:
    problems: list[Problem] = []
    posts = []
    for path in sorted(layout.seeds.glob("*.txt")):
        try:
            posts.append(read_seed(path, layout.show(path)))
        except InputError as err:
            problems.extend(err.problems)
    editor, found = read_editor_news(layout)
    problems.extend(found)
    editor_paths = {item.path for item in editor}

    pages: list[Page] = []
    for post in posts:
        meta = news.news_meta(post)
        pages.append(news.english_page(post, meta))
        if lang_path(f"news/{meta.slug}.md", "zh") in editor_paths:
            continue  # an editor's translation wins over anything generated
        pages.append(news.chinese_page(post, meta) or news.missing_chinese_page(meta))
    for item in editor:
        zh_path = lang_path(item.path, "zh")
        if item.meta.lang == "en" and zh_path not in editor_paths:
            pages.append(news.missing_chinese_page(item.meta))
    problems.extend(_slug_problems(pages, editor))
    pages.extend(news_indexes([p.meta for p in pages if p.meta] + [i.meta for i in editor]))

    files = _editor_files(layout)
    for page in pages:
        if page.path in files:
            problems.append(Problem(f"docs/{page.path}", 1, "this path is generated from the seeds",
                                    "rename the file; generated pages cannot be replaced by editor files"))
        files[page.path] = page.text().encode("utf-8")
    for path in sorted(layout.seeds.glob("*.txt")):
        files[f"sources/{path.name}"] = path.read_bytes()
    if problems:
        raise InputError(problems)
    return Generated(pages=pages, editor=editor, files=files)


def build(layout: Layout) -> list[str]:
    """Generate and write the built docs tree; returns the paths that changed."""
    return writer.sync(generate(layout).files, layout.built_docs)


def _editor_files(layout: Layout) -> dict[str, bytes]:
    files = {}
    for path in sorted(layout.docs.rglob("*")):
        if path.is_file():
            files[path.relative_to(layout.docs).as_posix()] = path.read_bytes()
    return files


def _slug_problems(pages: list[Page], editor: list[EditorItem]) -> list[Problem]:
    problems = []
    seen: dict[tuple[str, str], str] = {}
    owners = [(p.meta.slug, p.meta.lang, p.meta.generated_from) for p in pages if p.meta and p.meta.lang == "en"]
    owners += [(i.meta.slug, i.meta.lang, f"docs/{i.path}") for i in editor]
    for slug, lang, owner in owners:
        if (slug, lang) in seen and seen[(slug, lang)] != owner:
            problems.append(Problem(owner, 1, f"duplicate slug '{slug}' (also used by {seen[(slug, lang)]})",
                                    "give one of them another title or file name"))
        seen.setdefault((slug, lang), owner)
    known_en = {slug for slug, lang, _ in owners if lang == "en"}
    for item in editor:
        if item.meta.lang == "zh" and item.meta.slug not in known_en:
            problems.append(Problem(f"docs/{item.path}", 1, "Chinese page without its English sibling",
                                    f"add docs/news/{item.meta.slug}.md or rename this file to match an English item"))
    return problems
