"""The one error type the generator raises for bad input.

Every problem names the file and line, says what is wrong and how to fix it,
and prints as a single line, so editors never see a traceback.
"""
from __future__ import annotations

from dataclasses import dataclass



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


class InputError(Exception):
    """Raised with every problem found; nothing has been written when it is raised."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.message))
        super().__init__("\n".join(str(p) for p in self.problems))


