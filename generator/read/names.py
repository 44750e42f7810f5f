"""The names policy (data/names.yml) applied to what editors write: no guessed Chinese name.

Names the seeds give only in Latin letters keep them; `never` lists the characters someone
might guess for them. A guess in a catalogue or an editor page is a problem at its line.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from ..core import frontmatter, memo
from ..core.errors import InputError, Problem
from ..core.frontmatter import safe_load
from ..core.paths import Layout, files_in

FILE = "data/names.yml"
_FIX = f"see the names policy, {FILE}"


def load(path: Path) -> list[tuple[str, list[str]]]:
    """(name, guesses it must never be given) of each Latin-only name."""
    try:
        policy = safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        line = getattr(getattr(err, "problem_mark", None), "line", 0) + 1
        what = getattr(err, "problem", None) or ("not UTF-8" if isinstance(err, UnicodeDecodeError) else "cannot be read")
        raise InputError([Problem(FILE, line, f"cannot read the names policy ({what})",
                                  frontmatter.yaml_fix(err, 1) if isinstance(err, yaml.YAMLError) else _FIX)]) from None
    entries = policy.get("latin_only") if isinstance(policy, dict) else None
    if not isinstance(entries, list) or not all(
            isinstance(e, dict) and isinstance(e.get("name"), str) and isinstance(e.get("never", []), list)
            and all(isinstance(g, str) and g for g in e.get("never", [])) for e in entries):
        raise InputError([Problem(FILE, 1, "latin_only must be a list of {name: …, kind: …, seed: …, never: [guesses]}",
                                  "follow the form of the existing entries")])
    return [(e["name"], e.get("never", [])) for e in entries]


def problems(layout: Layout) -> list[Problem]:
    """Every guessed name in data/*.yml (but the search synonyms) and the editor pages of docs/, at its line."""
    policy = load(layout.data / "names.yml")
    # The search synonyms are what readers may type (双龙 for Shuanglong): indexed, never shown
    files = [p for p in sorted(layout.data.glob("*.yml")) if p.name not in ("names.yml", "search_synonyms.yml")] + \
        files_in(layout.docs, ".md")
    found, depends = [], repr(policy)
    for path in files:  # each file's findings depend on it and the policy alone (core/memo.py)
        found += memo.per_file("names", path, depends, lambda: _guesses(path, layout.show(path), policy))
    return found


def _guesses(path: Path, shown: str, policy: list[tuple[str, list[str]]]) -> list[Problem]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []  # reported by the readers of these files
    return [Problem(shown, n, f"'{guess}' is a guessed Chinese name for {name}, which the seeds give only in Latin letters",
                    f"write '{name}' as the seeds do ({_FIX})")
            for n, line in enumerate(lines, start=1) for name, guesses in policy for guess in guesses if guess in line]
