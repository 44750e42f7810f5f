"""YAML read as nodes, with the line of every key: the parser the catalogues and the
dictionaries share (libyaml where PyYAML has it), a key given twice found at any depth, and a
list file's entries."""
from __future__ import annotations

from pathlib import Path

import yaml

from ..core import frontmatter
from ..core.errors import InputError, Problem

class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """libyaml's parser where PyYAML has it: several times faster, the same nodes and lines."""


class _ExactLoader(yaml.SafeLoader):
    """PyYAML's own parser: it says what is wrong more precisely."""


# `city: yes` is the word yes, refused where true or false is asked, not silently true
frontmatter.only_true_false(_FastLoader, _ExactLoader)


def compose(text: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=_FastLoader)
    except yaml.YAMLError:
        return yaml.compose(text, Loader=_ExactLoader)


def duplicate_keys(node: yaml.Node, shown: str) -> list[Problem]:
    """A key given twice in any mapping within `node` (`zh:` twice in a name, a second
    `traditional:`): YAML lets the last one win, and the first text is silently lost."""
    problems = []
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value in seen:
                problems.append(Problem(shown, key.start_mark.line + 1,
                                        f"duplicate key '{key.value}' (first on line {seen[key.value]})",
                                        "keep one of the two"))
            elif isinstance(key, yaml.ScalarNode):
                seen[key.value] = key.start_mark.line + 1
            problems.extend(duplicate_keys(value, shown))
    elif isinstance(node, yaml.SequenceNode):
        for child in node.value:
            problems.extend(duplicate_keys(child, shown))
    return problems


def yaml_list(path: Path, shown: str, expected: str, hint: str) -> list[yaml.Node]:
    """The entries of a YAML list file as nodes (with their lines), [] for a missing or empty file;
    InputError naming the line where the file is not YAML or not a list."""
    if not path.is_file():
        return []
    try:
        node = compose(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise InputError([Problem(shown, mark.line + 1 if mark else 1, "not valid YAML",
                                  "fix the YAML syntax near this line")]) from None
    if node is None:
        return []
    if not isinstance(node, yaml.SequenceNode):
        raise InputError([Problem(shown, node.start_mark.line + 1, f"expected a list of {expected}", hint)])
    duplicates = duplicate_keys(node, shown)
    if duplicates:
        raise InputError(duplicates)
    return node.value


def node_data(node: yaml.Node):
    """What yaml.safe_load would give for the text of `node` (an entry of yaml_list)."""
    return yaml.SafeLoader("").construct_document(node)
