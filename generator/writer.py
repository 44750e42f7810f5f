"""Writer: make the built docs tree equal to the desired files, touching only what changed.

Only changed files are written (each atomically, via a temporary file and a
rename), so a second run writes nothing and `mkdocs serve`, which watches this
tree, is not sent into a rebuild loop.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def sync(desired: dict[str, bytes], target: Path) -> list[str]:
    """Write/delete under `target` until it holds exactly `desired`; returns what changed."""
    changed = []
    target.mkdir(parents=True, exist_ok=True)
    for rel, data in sorted(desired.items()):
        path = target / rel
        if path.is_file() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
        changed.append(rel)
    for path in sorted(target.rglob("*"), reverse=True):
        rel = path.relative_to(target).as_posix()
        if path.is_file() and rel not in desired:
            path.unlink()
            changed.append(rel)
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return changed
