"""Where things live in the project."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Layout:
    root: Path

    @property
    def seeds(self) -> Path:
        return self.root / "seeds"

    @property
    def docs(self) -> Path:
        """Editor-written pages and assets; the generator only reads them."""
        return self.root / "docs"

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def built_docs(self) -> Path:
        """docs/ plus the generated pages: what MkDocs builds from (mkdocs.yml docs_dir)."""
        return self.root / "build" / "docs"

    @property
    def plugin_data(self) -> Path:
        """Generated files MkDocs plugins read (mkdocs.yml): glossary tooltips, search dictionary."""
        return self.root / "build" / "plugin-data"

    def show(self, path: Path) -> str:
        """Path as named in messages: relative to the project."""
        return path.relative_to(self.root).as_posix()


def project_root() -> Path:
    return Path(__file__).resolve().parent.parent
