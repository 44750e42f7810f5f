"""YAML front matter: written so that it always reads back to the same values."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import InputError, Problem

_FENCE = "---"

# libyaml when PyYAML has it (PyPI's wheels do): reading and writing 2000 front matters in
# pure Python costs seconds on every preview rebuild at 1000 news items
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BaseDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def safe_load(text: str):
    """yaml.safe_load, with libyaml where PyYAML has it (the project's own strings and policies),
    true and false the only booleans, as in the catalogues."""
    return yaml.load(text, Loader=_DataLoader)


@dataclass(frozen=True)
class Document:
    meta: dict
    body: str
    key_lines: dict[str, int]  # key -> 1-based line in the file
    body_line: int


class _Strict:
    """Safe YAML that leaves values as written: the schema converts them and reports bad ones by key.

    Dates and numbers stay text (`summary: 1.50` is "1.50", not 1.5); only true
    and false are booleans (`title: yes` is the word yes); a key given twice is
    an error at its second line, not a silent overwrite.
    """

    def construct_mapping(self, node, deep=False):
        seen: dict = {}
        for key_node, _ in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is not None and key in seen:
                raise _DuplicateKey(key, seen[key], key_node.start_mark)
            seen[key] = key_node.start_mark.line
        return super().construct_mapping(node, deep)


class _Loader(_Strict, _BaseLoader):
    pass


class _ExactLoader(_Strict, yaml.SafeLoader):
    """Pure Python: slower, but it names the line where a flow list or quote really breaks,
    where libyaml names the next one. Only read again with it when a front matter fails."""


class _DuplicateKey(yaml.YAMLError):
    def __init__(self, key: str, first_line: int, mark):
        super().__init__(key)
        self.key, self.first_line, self.problem_mark = key, first_line, mark
        self.problem = f"key '{key}' appears twice"


_BOOL = "tag:yaml.org,2002:bool"


def only_true_false(*loaders: type, plain: tuple[str, ...] = ()) -> None:
    """Only true and false are booleans in what `loaders` read, as in YAML 1.2 and the CMS's reader
    (js-yaml's CORE_SCHEMA): `yes` is the word yes. The implicit tags in `plain` stay text too."""
    for cls in loaders:
        cls.yaml_implicit_resolvers = {
            first: [(tag, regexp) for tag, regexp in resolvers if tag not in (_BOOL, *plain)]
            for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
        }
        cls.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


only_true_false(_Loader, _ExactLoader,
                plain=("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"))


class _DataLoader(_Strict, _BaseLoader):
    """safe_load's: data/names.yml, data/zh_lint.yml, the UI strings."""


only_true_false(_DataLoader)


class _Dumper(_BaseDumper):
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


def _load(loader_class, header: str):
    loader = loader_class(header)
    try:
        node = loader.get_single_node()
        return node, loader.construct_document(node) if node is not None else {}
    finally:
        loader.dispose()


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
        try:
            node, meta = _load(_Loader, header)
        except yaml.YAMLError:
            node, meta = _load(_ExactLoader, header)  # raises again, at the right line
    except yaml.YAMLError as err:
        line, fix = yaml_error(err, header, line_offset=2)
        what = getattr(err, "problem", None) or "invalid YAML"
        raise InputError([Problem(shown_as, line, f"front matter is not valid YAML ({what})", fix)]) from None
    if not isinstance(meta, dict):
        raise InputError([Problem(shown_as, 2, "front matter is not a set of 'key: value' lines",
                                  "write one 'key: value' per line")])
    key_lines = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key_lines[str(key_node.value)] = key_node.start_mark.line + 2
            if _cut_by_comment(value_node, lines[1:end]):
                raise InputError([Problem(
                    shown_as, value_node.start_mark.line + 2,
                    f"the text after ' #' on this line is read as a note and left out of '{key_node.value}'",
                    f'put the whole value in double quotes ({key_node.value}: "… #…"); a note goes on a line '
                    "of its own, starting with #")])
    body = "\n".join(lines[end + 1:])
    return Document(meta=meta, body=body, key_lines=key_lines, body_line=end + 2)


_NOT_TEXT = re.compile(r"true|false|null|~|[-+]?[\d.,:_ TtZz+-]+", re.I)


def _cut_by_comment(node, lines: list[str]) -> bool:
    """A plain one-line value followed by ' #…': YAML drops the rest of the line as a comment
    (`title: Sihui #1 park opens` is the title "Sihui")."""
    if not isinstance(node, yaml.ScalarNode) or node.style not in (None, "") or not node.value:  # plain: no quotes
        return False
    if _NOT_TEXT.fullmatch(node.value):  # `draft: true  # note`: a switch, number or date loses nothing
        return False
    if node.start_mark.line != node.end_mark.line or node.end_mark.line >= len(lines):
        return False
    return re.match(r"[ \t]+#", lines[node.end_mark.line][node.end_mark.column:]) is not None


_CURLY_VALUE = re.compile(r"\s*(?:-\s+)?[\w-]+:\s*[“‘]")  # key: “a value: in typographic quotes”
_MISSING_COLON = ("add ':' after the key on this line (key: value); if the line continues the text above, "
                  "indent it by two spaces or join it to that line")


def yaml_error(err: yaml.YAMLError, text: str, line_offset: int) -> tuple[int, str]:
    """Where a YAML error is (its line in `text` plus `line_offset`: the file's line) and how to
    fix it. A key written without its colon is reported where the key is: PyYAML notices it on
    the next line (or, as "mapping values are not allowed", at the next line's colon)."""
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    line = mark.line if mark else 0
    what = str(getattr(err, "problem", "") or "")
    context = getattr(err, "context_mark", None)
    if "could not find expected ':'" in what and context is not None:
        return context.line + line_offset, _MISSING_COLON
    lines = text.split("\n")
    if "mapping values are not allowed" in what and line > 0:
        above = lines[line - 1].strip() if line - 1 < len(lines) else ""
        if above and ":" not in above and not above.startswith("#") and not above.endswith(("-", "[", "{", ",")):
            return line - 1 + line_offset, _MISSING_COLON
    if line < len(lines) and _CURLY_VALUE.match(lines[line]) and "mapping values" in what:
        return line + line_offset, ('“ ” are typographic quotes, which YAML reads as text: put the value in straight '
                                    'double quotes ("…"), as a value holding ": " needs')
    return line + line_offset, yaml_fix(err, line_offset)


def yaml_fix(err: yaml.YAMLError, line_offset: int) -> str:
    """How to fix a YAML error, by what it is: a tab, a key given twice, or (most often) quoting."""
    what = str(getattr(err, "problem", "") or "")
    if isinstance(err, _DuplicateKey):
        return f"keep one of the two '{err.key}' lines (the first is line {err.first_line + line_offset})"
    if "\\t" in what or "\t" in what or "tab" in what:
        return "indent with spaces: YAML does not allow tab characters"
    if "expected <block end>" in what or "expected key" in what:  # a line out of step with its neighbours
        return ("indent this line with as many spaces as the other keys of its entry (or, if it holds ': ' "
                "or ' #', put its value in double quotes)")
    if "mapping values are not allowed" in what:  # a ': ' in a value, or a line indented further than its neighbours
        return ("check quoting: put values with ':' or '#' in double quotes; or indent this line with as many "
                "spaces as the line above it")
    return "check quoting: put values with ':' or '#' in double quotes"


def decode(data: bytes, shown_as: str) -> str:
    """UTF-8 text, with or without a byte order mark; anything else is one clear problem."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise InputError([Problem(shown_as, line, "file is not UTF-8", "re-save the file as UTF-8")]) from None


def read(path: Path, shown_as: str) -> Document:
    return parse(decode(path.read_bytes(), shown_as), shown_as)


