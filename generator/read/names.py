"""The names policy (data/names.yml) applied to what editors write: no guessed Chinese name.

Names the seeds give only in Latin letters keep them; `never` lists the characters someone
might guess for them. A guess in a catalogue or an editor page is a problem at its line.
"""
from __future__ import annotations

import difflib
from pathlib import Path

import yaml

from ..core import frontmatter, memo, script
from ..core.errors import InputError, Problem
from ..core.frontmatter import safe_load
from ..core.paths import Layout, files_in
from .yaml_nodes import compose

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
    for key in policy if isinstance(policy, dict) else ():
        if key not in ("official", "latin_only"):
            lines = path.read_text(encoding="utf-8").splitlines()
            at = next((n for n, line in enumerate(lines, 1) if line.startswith(f"{key}:")), 1)
            close = difflib.get_close_matches(str(key), ("official", "latin_only"), n=1)
            raise InputError([Problem(FILE, at, f"unknown key '{key}'",
                                      f"did you mean '{close[0]}'?" if close else "the policy has official and latin_only")])
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


KINDS = ("person", "company", "place", "body")
_NAMED = ("parks", "projects", "offices")  # the catalogues whose entries carry a Chinese name of an entity


def policy_problems(layout: Layout, seed_texts: dict[str, str], to_simplified) -> list[Problem]:
    """The policy's own entries, and the catalogue's Chinese names against it, at their lines:
    each Latin-only name stands in its seed; each Chinese name of a park, project or office is a
    seed's, an official one, or marked as the site's rendering (zh_name_is_translation: true).
    `seed_texts`: each seed's text by its path (seeds/000_….txt); `to_simplified`: the text
    stage's converter (Traditional seeds give names in Traditional characters)."""
    from .catalogue import KEYS
    from .entries import read_items
    found: list[Problem] = []
    by_id = {Path(path).name[:3]: text for path, text in seed_texts.items()}
    policy = _items(layout.data / "names.yml")
    official = []
    for i in policy.get("official", []):
        zh, en = i.data.get("zh"), i.data.get("en")
        if not (isinstance(zh, str) and zh.strip() and isinstance(en, str) and en.strip()):
            found.append(Problem(FILE, i.line, "an official name needs its zh and its en", "write {zh: …, en: …}"))
        else:
            official.append(zh)
    for i in policy.get("latin_only", []):
        name, kind, seed = i.data.get("name"), i.data.get("kind"), i.data.get("seed")
        if kind not in KINDS:
            found.append(Problem(FILE, i.lines.get("kind", i.line), f"kind {kind!r} is not one of {', '.join(KINDS)}",
                                 f"write kind: {KINDS[0]} (or {', '.join(KINDS[1:])})"))
        if not isinstance(seed, str) or seed not in by_id:
            found.append(Problem(FILE, i.lines.get("seed", i.line), f"no seed {seed!r} in seeds/",
                                 'write the seed\'s number in quotes, as its file begins: seed: "002"'))
        elif isinstance(name, str) and name not in by_id[seed]:
            found.append(Problem(FILE, i.lines.get("name", i.line), f"'{name}' is not in seed {seed}",
                                 "write the name exactly as that seed gives it, or name the seed that gives it"))
    # each seed converted once (the preview remembers it: core/memo.py), only those with Chinese
    chinese = " ".join(memo.derived("simplified", (text,), lambda text=text: to_simplified(text))
                       for text in by_id.values() if script.has_han(text))
    for kind in _NAMED:
        shown = f"data/{kind}.yml"
        own: list[Problem] = []
        items = read_items(layout.data / f"{kind}.yml", shown, own, tuple(KEYS[kind]))
        for i in items if not own else ():  # a file with problems of its own: the catalogue reports them
            zh = (i.data.get("name") or {}).get("zh") if isinstance(i.data.get("name"), dict) else None
            if isinstance(zh, str) and zh and zh not in chinese and not zh.startswith(tuple(official)) \
                    and i.data.get("zh_name_is_translation") is not True:
                found.append(Problem(shown, i.lines.get("name", i.line),
                                     f"the Chinese name {zh} is in no seed's Chinese text and is no official name",
                                     "if it is the site's rendering of the English name, add 'zh_name_is_translation: "
                                     f"true' (the pages mark it); otherwise write it as a seed does ({_FIX})"))
    return found


def _items(path: Path) -> dict:
    """names.yml's two lists as items with their lines (load() has checked its form)."""
    from .entries import Item
    try:
        node = compose(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}  # load() says why
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {key.value: [Item(child, FILE, [], ()) for child in value.value if isinstance(child, yaml.MappingNode)]
            for key, value in node.value if isinstance(value, yaml.SequenceNode)}
