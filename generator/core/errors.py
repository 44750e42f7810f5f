"""The one error type the generator raises for bad input.

Every problem names the file and line, says what is wrong and how to fix it,
and prints as a single line, so editors never see a traceback.
"""
from __future__ import annotations

import datetime as dt
import errno
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    message: str
    fix: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}. Fix: {self.fix}"

    def annotation(self) -> str:
        """A GitHub Actions workflow command: the error shows on this line of the pull request."""
        return f"::error file={_escape_property(self.file)},line={self.line}::{_escape_data(f'{self.message}. Fix: {self.fix}')}"


def _escape_data(text: str) -> str:
    # The escapes of GitHub's own toolkit (@actions/core), so a message never breaks the command
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def described(value) -> str:
    """A value in a message, as the editor wrote it and in words, never a Python type name:
    `the text 'yes'`, `the number 4`, `a list`."""
    if isinstance(value, bool):
        return f"the value {str(value).lower()}"
    if isinstance(value, str):
        return f"the text {value if len(value) <= 40 else value[:39] + '…'!r}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    return "a list" if isinstance(value, list) else "a mapping" if isinstance(value, dict) else "empty"


def show_path(path: Path, root: Path) -> str:
    """A path in a message: relative to the project when it is inside it."""
    return path.relative_to(root).as_posix() if path.is_absolute() and path.is_relative_to(root) else str(path)


def os_problem(err: OSError, root: Path) -> str:
    """An OSError (read-only folder, full disk, missing permission) as one line: the path, what
    went wrong and what to do; the path relative to the project when it is inside it."""
    shown = show_path(Path(err.filename) if err.filename else root, root)
    fix = {errno.ENOSPC: "free space on that disk, then run the build again",
           errno.EDQUOT: "free space within your disk quota, then run the build again",
           errno.EROFS: "that file system is read-only: make it writable, or publish elsewhere (--site-dir)",
           errno.ENOTDIR: "a file stands where a folder must be: move it away, or publish elsewhere (--site-dir)",
           }.get(err.errno, "make that folder writable for this user, or publish elsewhere (--site-dir)")
    return f"{shown}: {err.strerror or err}. Fix: {fix}"


class InputError(Exception):
    """Raised with every problem found; nothing has been written when it is raised."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.message))
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self):  # made again from its problems when it comes from another process
        return InputError, (self.problems,)


