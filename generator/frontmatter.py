"""YAML front matter: written so that it always reads back to the same values."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import InputError, Problem

_FENCE = "---"


@dataclass(frozen=True)
class Document:
    meta: dict
    body: str
    key_lines: dict[str, int]  # key -> 1-based line in the file
    body_line: int


class _Loader(yaml.SafeLoader):
    """Safe YAML that leaves dates as text: the schema converts them and reports bad ones by key."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _Dumper(yaml.SafeDumper):
    """Safe YAML with strings that look like other types quoted (yes, no, 1.0, dates)."""


# YAML reads these as line breaks inside plain or single-quoted scalars
_BREAKS = ("\x85", "\u2028", "\u2029", "\r")


def _str_presenter(dumper, value: str):
    if any(ch in value for ch in _BREAKS):
        style = '"'  # double quotes escape them, so they read back as written
    else:
        style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_presenter)


def dump(meta: dict, body: str) -> str:
    header = yaml.dump(meta, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000)
    return f"{_FENCE}\n{header}{_FENCE}\n\n{body.rstrip()}\n"


def parse(text: str, shown_as: str) -> Document:
    """Split front matter from body; YAML errors become one-line Problems with the line."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != _FENCE:
        raise InputError([Problem(shown_as, 1, "file does not start with front matter",
                                  "begin the file with a '---' line, the YAML keys, and another '---' line")])
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() == _FENCE), None)
    if end is None:
        raise InputError([Problem(shown_as, 1, "front matter is not closed",
                                  "add a '---' line after the last front matter key")])
    header = "\n".join(lines[1:end])
    try:
        loader = _Loader(header)
        try:
            node = loader.get_single_node()
            meta = loader.construct_document(node) if node is not None else {}
        finally:
            loader.dispose()
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        line = (mark.line + 2) if mark else 2
        what = getattr(err, "problem", None) or "invalid YAML"
        raise InputError([Problem(shown_as, line, f"front matter is not valid YAML ({what})",
                                  "check quoting: put values with ':' or '#' in double quotes")]) from None
    if not isinstance(meta, dict):
        raise InputError([Problem(shown_as, 2, "front matter is not a set of 'key: value' lines",
                                  "write one 'key: value' per line")])
    key_lines = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            key_lines[str(key_node.value)] = key_node.start_mark.line + 2
    body = "\n".join(lines[end + 1:])
    return Document(meta=meta, body=body, key_lines=key_lines, body_line=end + 2)


def read(path: Path, shown_as: str) -> Document:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError([Problem(shown_as, 1, "file is not UTF-8", "re-save the file as UTF-8")]) from None
    return parse(text, shown_as)


