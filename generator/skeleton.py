"""`python -m generator new`: a valid news item in both languages, for an editor to fill in."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from .core import frontmatter, script
from .core.errors import InputError, Problem
from .core.paths import Layout
from .core.slugs import title_slug
from .pages.render import render
from .read.schema import NewsMeta


class TitleError(ValueError):
    """A title the item cannot be named after (said on the command line, not in a file)."""


def new_item(layout: Layout, title: str, date: dt.date, title_zh: str | None = None) -> list[Path]:
    title, title_zh = title.strip(), (title_zh or "").strip() or None
    if not title:
        raise TitleError("--title is empty; give the English title, e.g. --title \"New battery plant opens\"")
    chinese_first = not re.search(r"[A-Za-z]", title) and script.detect(title) == "zh"
    if chinese_first:
        # A Chinese title: it is the Chinese page's; the English page keeps it until it is translated
        title_zh = title_zh or title
    slug = title_slug(title)
    if not slug:
        raise TitleError(f"--title {title!r} has no letters or digits to name the file after")
    paths = [layout.docs / "news" / f"{slug}.md", layout.docs / "news" / f"{slug}.zh.md"]
    for path in paths:
        if path.exists():
            raise InputError([Problem(layout.show(path), 1, "file already exists; nothing was written",
                                      "choose another title, or edit the existing file")])
    metas = [
        NewsMeta(title=title, date=date, summary="One or two sentences for the news index.", draft=True),
        NewsMeta(title=title_zh or title, date=date, lang="zh", summary="一两句话的摘要，显示在新闻列表中。",
                 origin="original" if chinese_first else "translated", draft=True),
    ]
    paths[0].parent.mkdir(parents=True, exist_ok=True)
    for path, meta in zip(paths, metas):
        front = meta.to_front_matter()
        front.pop("lang", None)  # told by the file name
        body = render("skeleton.md.j2", lang=meta.lang, title=meta.title)
        path.write_text(frontmatter.dump(front, body), encoding="utf-8")
    return paths
