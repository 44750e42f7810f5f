"""What the generator may read: regular files inside the project, never a symbolic link.

A link in docs/ to a system file would publish that file; a link in seeds/ or
data/ would read it into pages. Links are refused wherever they point, and the
input folders themselves must lie inside the project.
"""
from __future__ import annotations

import os
from pathlib import Path

from ..core.errors import Problem
from ..core.paths import Layout

INPUT_FOLDERS = ("docs", "seeds", "data")


def link_problems(layout: Layout) -> list[Problem]:
    problems = []
    root = layout.root.resolve()
    for name in INPUT_FOLDERS:
        folder = layout.root / name
        if folder.is_symlink() or (folder.exists() and not folder.resolve().is_relative_to(root)):
            problems.append(Problem(f"{name}/", 1, f"{name}/ is a symbolic link or lies outside the project",
                                    f"make {name}/ a real folder of the project"))
            continue
        if not folder.is_dir():
            continue
        for path in _links(folder):
            shown = path.relative_to(layout.root).as_posix()
            problems.append(Problem(shown, 1, "symbolic links are not published or read",
                                    "replace the link with a copy of the file itself"))
    return problems


def _links(folder: Path) -> list[Path]:
    """The links under `folder`, in os.walk's order (a folder's entries by name, then its
    sub-folders as listed), never entering a linked folder; each entry's kind as the listing
    gives it, without a call per file (2 000 news files are looked at for every preview edit)."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []  # as os.walk: a folder it cannot list is left out
    links = [folder / entry.name for entry in sorted(entries, key=lambda e: e.name) if entry.is_symlink()]
    for entry in entries:
        if entry.is_dir() and not entry.is_symlink():
            links += _links(folder / entry.name)
    return links
