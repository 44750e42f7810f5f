"""Writer: make the built docs tree equal to the desired files, touching only what changed.

Only changed files are written (each atomically, via a temporary file and a
rename), so a second run writes nothing and `mkdocs serve`, which watches this
tree, is not sent into a rebuild loop.

Every path is checked before anything is written: a path that would land
outside the target folder (`..`, an absolute path, a link inside the tree) is
refused, whoever asks for it, so no input can reach docs/ or the system.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .core import memo
from .core.errors import InputError, Problem
from .core.paths import tree


def unsafe_paths(desired: dict[str, bytes], target: Path) -> list[str]:
    """The relative paths of `desired` that would not end up inside `target`."""
    root = target.resolve()
    folders: dict[str, tuple[str, bool]] = {}  # each folder resolved once: thousands of files share a few dozen
    bad = []
    for rel in desired:
        if "\\" in rel or "\x00" in rel or any(part in ("", ".", "..") for part in rel.split("/")):
            bad.append(rel)  # also "" and "/abs" (an empty first part)
            continue
        # resolve() follows links already in the tree: the real place must still be inside
        folder, _, name = rel.rpartition("/")
        if folder not in folders:
            real_folder = (target / folder).resolve()
            folders[folder] = (str(real_folder), real_folder.is_relative_to(root))
        real_folder, inside = folders[folder]
        path = os.path.join(real_folder, name)
        if os.path.islink(path):
            real = Path(path).resolve()
            inside = real != root and real.is_relative_to(root)
        if not inside:
            bad.append(rel)
    return bad


def sync(desired: dict[str, bytes], target: Path) -> list[str]:
    """Write/delete under `target` until it holds exactly `desired`; returns what changed."""
    target.mkdir(parents=True, exist_ok=True)
    bad = unsafe_paths(desired, target)
    if bad:
        raise InputError([Problem(rel, 1, f"refused to write outside {target.name}/",
                                  "an id or file name holds '..', '/' or a link; use the slug form") for rel in bad])
    changed = []
    for rel, data in sorted(desired.items()):
        path = target / rel
        if memo.holds(path, data):  # the preview knows the bytes it wrote last time (core/memo.py)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
        memo.wrote(path, data)
        changed.append(rel)
    for rel, entry in reversed(tree(target)):  # a folder after what it holds
        if entry.is_dir(follow_symlinks=False):
            if not os.listdir(entry.path):
                os.rmdir(entry.path)
        elif (entry.is_symlink() or entry.is_file()) and rel not in desired:
            os.unlink(entry.path)
            changed.append(rel)
    return changed

