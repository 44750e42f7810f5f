"""Links between generated pages, per language.

Markdown links (validated by MkDocs) where the target is in the same language;
plain relative URLs to the English source sentence from Chinese pages.
"""
from __future__ import annotations

from dataclasses import dataclass

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

    def news(self, slug: str) -> str:
        return self.page(f"news/{slug}.md")

    def source(self, located: Located | None) -> str | None:
        """The paragraph of the English news page that holds the quoted sentence."""
        if located is None:
            return None
        anchor = f"#line-{located.line}" if located.line else ""
        if self.lang == "en":
            return self.page(f"news/{located.slug}.md") + anchor
        # From /zh/<dirs>/<page>/ up to the site root, then the English page
        name = self.path.rsplit("/", 1)[-1]
        depth = self.path.count("/") + (0 if name.startswith("index.") else 1) + 1
        return "../" * depth + f"news/{located.slug}/" + anchor
