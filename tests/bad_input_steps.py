"""What the bad-input tests share: a built copy of the project, changes to apply, the check that
a rejected build changed nothing."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import yaml

from conftest import ROOT, run_generator


SEED_SLUG = "zhaoqing-investment-promotion-continues-achieving-good-start-january"


def seed_001_lines(lang: str) -> list[str]:
    """One language version of the real seed 001, as its lines."""
    from generator.read.seed_reader import read_seed
    path = next((ROOT / "seeds").glob("001_*.txt"))
    version = read_seed(path, "s").version(lang)
    return [version.title, version.title] + [p.text for p in version.paragraphs]


def tree_hash(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


INPUTS = ("docs", "seeds", "data")


def inputs_hash(root: Path) -> dict[str, str]:
    """Every input file, links included (a link is hashed by where it points)."""
    out = {}
    for folder in INPUTS:
        for p in sorted((root / folder).rglob("*")):
            key = p.relative_to(root).as_posix()
            if p.is_symlink():
                out[key] = "link:" + os.readlink(p)
            elif p.is_file():
                out[key] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def write(rel: str, content):
    def apply(root: Path):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return apply


def edit(rel: str, old: str, new: str, count: int = 1):
    def apply(root: Path):
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {rel}"
        path.write_text(text.replace(old, new, count), encoding="utf-8")
    return apply


def link(rel: str, target: str):
    def apply(root: Path):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, path)
    return apply


def both(*steps):
    def apply(root: Path):
        for step in steps:
            step(root)
    return apply


def expect_rejected(project: Path, change, expected: list[str]) -> str:
    """Apply `change`, build, and check: one line per problem, exit 1, inputs and built docs untouched."""
    before_built = tree_hash(project / "build" / "docs")
    change(project)
    before_inputs = inputs_hash(project)
    outside_before = sorted(p.name for p in project.parent.iterdir())
    result = run_generator(project, "build")
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stderr.strip().split("\n")
    assert "Traceback" not in result.stderr, result.stderr
    for prefix in expected:
        assert any(line.startswith(prefix) for line in lines), (prefix, result.stderr)
    assert len(lines) == len(expected) + 1, f"one line per problem, then the summary:\n{result.stderr}"
    for line in lines[:-1]:  # every message names a file (or folder) that is there to fix, or one to restore
        named = project / line.split(":", 1)[0]
        assert named.exists() or named.is_symlink() or ": catalogue file is missing. Fix: restore " in line, line
    assert lines[-1].endswith("nothing was written")
    assert inputs_hash(project) == before_inputs
    assert tree_hash(project / "build" / "docs") == before_built
    assert sorted(p.name for p in project.parent.iterdir()) == outside_before
    return result.stderr


def built_docs_after(project: Path, change) -> Path:
    change(project)
    result = run_generator(project, "build")
    assert result.returncode == 0, result.stderr
    return project / "build" / "docs"


def front(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def item(*front: str, body: str = "Text of the item.") -> str:
    """A news file: its front matter lines, then the body."""
    return "---\n" + "\n".join(front) + "\n---\n\n" + body + "\n"


def seed_text(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


def first_line_with(path: str, text: str) -> int:
    """The 1-based line of the repository's `path` that first holds `text`."""
    return next(n for n, line in enumerate((ROOT / path).read_text(encoding="utf-8").splitlines(), 1) if text in line)


def line_of(path: str, text: str) -> int:
    """The 1-based line of the repository's `path` that first reads `text`."""
    return (ROOT / path).read_text(encoding="utf-8").splitlines().index(text) + 1
