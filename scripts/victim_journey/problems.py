"""Problems found in content, and the one-line formats editors read."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, pinned to a place in a file.

    `path` is relative to the project root where possible, so the same line works in a
    terminal, an editor and a GitHub annotation.
    """

    path: str
    line: int
    column: int
    severity: Severity
    message: str
    code: str

    def format_text(self) -> str:
        return (
            f"{self.path}:{self.line}:{self.column}: {self.severity.value}: "
            f"{self.message} [{self.code}]"
        )

    def format_github(self) -> str:
        # GitHub workflow commands: https://docs.github.com/actions (workflow commands).
        # Newlines and '%' must be escaped in the message part.
        message = f"{self.message} [{self.code}]"
        message = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        kind = "error" if self.severity is Severity.ERROR else "warning"
        return (
            f"::{kind} file={self.path},line={self.line},col={self.column},"
            f"title={self.code}::{message}"
        )


def error(path: str, line: int, column: int, message: str, code: str) -> Problem:
    return Problem(path, line, column, Severity.ERROR, message, code)


def warning(path: str, line: int, column: int, message: str, code: str) -> Problem:
    return Problem(path, line, column, Severity.WARNING, message, code)


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.severity is Severity.ERROR for p in problems)


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(set(problems), key=lambda p: (p.path, p.line, p.column, p.code, p.message))
