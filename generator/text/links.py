"""Links between generated pages, per language.

Markdown links (validated by MkDocs) where the target is in the same language;
plain relative URLs to the English source sentence from Chinese pages.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..core.paths import source_path
from ..read.sources import Located


@dataclass(frozen=True)
class Linker:
    path: str  # the page's path in the docs tree, e.g. "sectors/hydrogen-energy.md"
    lang: str

    @property
    def _up(self) -> str:
        """From this page's folder to the docs root, for Markdown links."""
        return "../" * self.path.count("/")

    def page(self, target: str) -> str:
        """Markdown link to another page of the same language: target like 'news/x.md'."""
        return self._up + target

    def entry(self, kind: str, entry_id: str) -> str:
        return self.page(f"{kind}/{entry_id}.md")

    @property
    def _depth(self) -> int:
        """Folders from this page's URL up to its language's root (index.md is its folder's URL)."""
        name = self.path.rsplit("/", 1)[-1]
        return self.path.count("/") + (0 if name.startswith("index.") else 1)

    def published(self, seed: str) -> str:
        """The post as published (/sources/NAME.txt at the site root), with what its news page
        leaves out: the contact footer."""
        return self.page(source_path(seed)) if self.lang == "en" else "../" * (self._depth + 1) + source_path(seed)

    def news(self, slug: str) -> str:
        return self.page(f"news/{slug}.md")

    def source(self, located: Located | None) -> str | None:
        """The paragraph of the news page that holds the quoted sentence: the English page for a
        sentence of the post's English version, the Chinese page (of this site's language, or
        /zh/ from the English site) for one of its Chinese version (seed 001 has one)."""
        if located is None:
            return None
        if not located.line:  # a quote outside the article: the post's contact footer
            return self.published(located.seed)
        anchor = f"#line-{located.line}"
        if located.lang == "en" and self.lang == "en":
            return self.page(f"news/{located.slug}.md") + anchor
        # Plain relative URLs (these links may stand in HTML): up to this language's root, then to
        # the site root for the English page, or into /zh/ from the English site
        depth = self._depth
        if located.lang == "en":
            depth, folder = depth + 1, ""
        else:
            folder = "zh/" if self.lang == "en" else ""
        return "../" * depth + f"{folder}news/{located.slug}/" + anchor
