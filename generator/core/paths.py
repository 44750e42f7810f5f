"""Where things live in the project."""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path


# In build/plugin-data: the search indexes' synonyms per language, written by the generator
# (generator/read/synonyms.py), read by each index process (generator/publish/search.py)
SEARCH_SYNONYMS = "search-synonyms.json"
# The preview's output folder (mkdocs.serve.yml): drafts are written there only, never where
# `make build` publishes from
PREVIEW = "build/preview"


@dataclass(frozen=True)
class Layout:
    root: Path
    output: str = "build"  # where the generator writes, relative to root: "build", or PREVIEW

    @classmethod
    def preview(cls, root: Path) -> "Layout":
        return cls(root, PREVIEW)

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
        """docs/ plus the generated pages: what MkDocs builds from (docs_dir of mkdocs.yml, or of mkdocs.serve.yml)."""
        return self.root / self.output / "docs"

    @property
    def plugin_data(self) -> Path:
        """Generated files MkDocs plugins and hooks read (beside the docs): glossary tooltips, JSON-LD."""
        return self.root / self.output / "plugin-data"

    @property
    def cache(self) -> Path:
        """What builds keep between runs, keyed by what they were made from: the fact sheets'
        PDFs, the theme's compiled templates. Removing it changes nothing but the time."""
        return self.root / "build" / "cache"

    def show(self, path: Path) -> str:
        """Path as named in messages: relative to the project."""
        return path.relative_to(self.root).as_posix()


# What a build needs (package.json: the axe-core version the accessibility statement names);
# build output and the virtualenv stay behind
BUILD_INPUTS = ("mkdocs.yml", "mkdocs.serve.yml", "package.json", "seeds", "docs", "data", "generator", "hooks",
                "overrides")


def copy_project(source: Path, dest: Path) -> Path:
    """A copy of the project's build inputs (for tests and benchmarks that must not touch it)."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in BUILD_INPUTS:
        src = source / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    return dest


def inputs_state(root: Path) -> frozenset:
    """Every build input's path, size and modification time: equal states, equal output (the
    preview skips the generator on the rebuild its own writes set off)."""
    state = set()
    for part in BUILD_INPUTS:
        for folder, dirs, files in os.walk(root / part):
            dirs[:] = [d for d in dirs if d != "__pycache__"]
            for name in files:
                info = os.stat(os.path.join(folder, name))
                state.add((os.path.join(folder, name), info.st_size, info.st_mtime_ns))
        if (root / part).is_file():
            info = (root / part).stat()
            state.add((str(root / part), info.st_size, info.st_mtime_ns))
    return frozenset(state)


def in_order(paths, reverse: bool = False) -> list[Path]:
    """sorted(paths), in Path's own order (part by part): a key per path, not thousands of
    comparisons of Path objects (the preview walks docs/ on every edit)."""
    return sorted(paths, key=lambda path: path.parts, reverse=reverse)


def source_path(seed: str) -> str:
    """Where a seed (seeds/NAME.txt, or NAME.txt) is published, from the site's root: the raw post,
    its blog chrome marked, with what its news page leaves out (the contact footer)."""
    return "sources/" + seed.rsplit("/", 1)[-1]


# Files an operating system writes into folders an editor opens (Windows' thumbnail caches and
# folder settings); macOS' .DS_Store is a dot file, which MkDocs never publishes
SYSTEM_FILES = ("Thumbs.db", "ehthumbs.db", "desktop.ini")


def files_in(folder: Path, suffix: str = "") -> list[Path]:
    """The files under `folder` whose names end with `suffix`, in in_order's order, as
    `folder.rglob("*" + suffix)` finds them (links to files included, linked folders not entered).
    The preview walks a folder once a regeneration (core/memo.py): several stages read docs/."""
    from . import memo

    found = memo.per_run(("files", str(folder)), lambda: _files(folder))
    return [path for path in found if str(path).endswith(suffix)] if suffix else list(found)


def _files(folder: Path) -> list[Path]:
    top = str(folder)
    return [Path(top, rel) for rel, entry in tree(folder) if entry.is_file()]


def tree(folder: Path) -> list[tuple[str, os.DirEntry]]:
    """Everything under `folder`: each entry's path relative to it ('/'-separated) and its
    listing entry (its kind without a call per file), in in_order's order. A linked folder is
    listed, not entered; a folder that cannot be listed (gone, not a folder) holds nothing."""
    found: list[tuple[str, os.DirEntry]] = []
    stack = [""]
    while stack:
        rel = stack.pop()
        try:
            with os.scandir(os.path.join(folder, rel)) as listing:
                entries = list(listing)
        except OSError:
            continue
        for entry in entries:
            found.append((rel + entry.name, entry))
            if entry.is_dir(follow_symlinks=False):
                stack.append(rel + entry.name + "/")
    return sorted(found, key=lambda item: item[0].split("/"))


def lang_path(base: str, lang: str) -> str:
    """news/x.md -> news/x.zh.md, feed.json -> feed.zh.json: mkdocs-static-i18n's suffix layout."""
    if lang == "en":
        return base
    stem, dot, ext = base.rpartition(".")
    return f"{stem}.{lang}.{ext}"


# The CMS (Decap, /admin/) names every language's file with its code, English too: NAME.en.md
CMS_ENGLISH = ".en.md"


def editor_name(rel: str) -> str:
    """An editor file's name in the built docs tree: news/x.en.md (as the CMS writes English) is
    news/x.md, the default language's page; every other name is kept."""
    return rel[: -len(CMS_ENGLISH)] + ".md" if rel.endswith(CMS_ENGLISH) else rel


def project_root() -> Path:
    return Path(__file__).resolve().parent.parent.parent
