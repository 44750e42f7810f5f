"""An output page: where it goes under docs, its typed front matter, its body context."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from markupsafe import Markup

from ..core import frontmatter, memo
from ..read.schema import NewsMeta
from ..text.links import Linker
from .render import render, trusted_strings


@dataclass
class Page:
    path: str  # relative to the docs tree, e.g. "news/some-slug.zh.md"
    template: str
    meta: NewsMeta | None = None  # news pages carry the news schema
    front: dict = field(default_factory=dict)  # other pages: plain front matter
    context: dict = field(default_factory=dict)

    @property
    def lang(self) -> str:
        if self.meta:
            return self.meta.lang
        return "zh" if self.path.endswith(".zh.md") else "en"

    def text(self, tooltips: str = "") -> str:
        parts = ("Page", self.path, self.template, self.meta, self.front, self.context, tooltips)
        return memo.text(parts, lambda: self.render(trusted_strings(self.lang), tooltips=tooltips))

    def render(self, s: dict, front: dict | None = None, tooltips: str = "",
               context: dict | None = None) -> str:
        """The page with these UI strings (as markup: render.trusted_strings), front matter, glossary tooltips (`*[term]: …`
        lines; those of the terms it holds are kept) and context changes: the Traditional
        site reuses it."""
        if front is None:
            front = self.meta.to_front_matter() if self.meta else self.front
        # dump() closes the front matter; the template body follows it
        header = frontmatter.dump(front, "").rstrip("\n")
        # `convert`: the Traditional site's converter, for text the page converts itself before
        # encoding it (a mailto: link's subject); the Simplified text as it is otherwise
        body = render(self.template, front_matter=Markup(header), meta=self.meta, s=s,
                      lang=self.lang, linker=Linker(self.path, self.lang),
                      **{"convert": str, **self.context, **(context or {})})
        return with_tooltips(body, tooltips)


_DEFINITION = re.compile(r"^\*\[(.+?)\]: ", re.M)


@lru_cache(maxsize=4)  # the same one or two lists for every page of a build
def _terms(definitions: str) -> tuple[tuple[str, str], ...]:
    return tuple((m.group(1), line) for line in definitions.splitlines(keepends=True)
                 if (m := _DEFINITION.match(line)))


def with_tooltips(body: str, definitions: str) -> str:
    """`body` followed by the lines of `definitions` whose term occurs in it: abbr marks nothing
    else, so the page reads the same as with all of them."""
    used = "".join(line for term, line in _terms(definitions) if term in body)
    return f"{body.rstrip()}\n\n{used}" if used else f"{body.rstrip()}\n"
