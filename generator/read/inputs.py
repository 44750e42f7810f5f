"""What the generator may read: regular files inside the project, never a symbolic link.

A link in docs/ to a system file would publish that file; a link in seeds/ or
data/ would read it into pages. Links are refused wherever they point, and the
input folders themselves must lie inside the project.
"""
from __future__ import annotations

import difflib
from pathlib import Path

from ..core.errors import Problem
from ..core.paths import SYSTEM_FILES, Layout, tree

INPUT_FOLDERS = ("docs", "seeds", "data")
# The catalogues the generator reads, every one needed: without stories.yml the stories' pages
# would go unannounced, without corrections.yml the message named a folder's permissions
CATALOGUES = ("corrections.yml", "events.yml", "figures.yml", "glossary.yml", "names.yml", "offices.yml",
              "parks.yml", "projects.yml", "search_synonyms.yml", "sectors.yml", "stories.yml", "support.yml",
              "traditional_phrases.yml", "zh_phrases.yml", "boundaries/zhaoqing.geojson")
# Read by the tests' Chinese lint (generator/text/zh_lint.py), not by the site
OTHER_DATA = ("zh_lint.yml",)


def missing_problems(layout: Layout) -> list[Problem]:
    """A catalogue deleted or renamed, and a file in data/ that nothing reads (an edit there
    would change nothing on the site): one line each, before any reader stumbles on them."""
    data = layout.root / "data"
    missing = [name for name in CATALOGUES if not (data / name).is_file()]
    known = set(CATALOGUES) | set(OTHER_DATA)
    unread = [rel for rel, entry in tree(data) if not entry.is_dir() and rel not in known
              and not _ignored(rel.rsplit("/", 1)[-1])]
    meant = {rel: next(iter(difflib.get_close_matches(rel, missing, n=1, cutoff=0.6)), None) for rel in unread}
    problems = [Problem(f"data/{rel}", 1, "the site does not read this file",
                        f"rename it to data/{name}, the name the site reads" if name else
                        f"the site reads only {', '.join(CATALOGUES)} in data/: move this file out of data/, "
                        "or put what it holds into the catalogue it belongs to") for rel, name in meant.items()]
    renamed = set(meant.values())
    return problems + [Problem(f"data/{name}", 1, "catalogue file is missing",
                               f"restore data/{name} from the repository's history (an empty list is [])")
                       for name in missing if name not in renamed]


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
    """The links under `folder`, never entering a linked folder (2 000 news files are looked at
    for every preview edit: their kinds come from the listing)."""
    return [folder / rel for rel, entry in tree(folder) if entry.is_symlink()]


def _ignored(name: str) -> bool:
    """What editors' tools leave beside a file: dot files (.DS_Store, an editor's swap file),
    backups (parks.yml~), Windows' thumbnail caches."""
    return name.startswith(".") or name.endswith("~") or name in SYSTEM_FILES
