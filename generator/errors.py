"""Content problems: one error type, carrying where it happened and how to fix it."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import ClassifiedLine


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth a warning) in a content file."""

    path: str
    """The file, as the editor knows it (e.g. ``content/annotations.yml``)."""
    line: int
    """1-based line, or 0 when the problem concerns the whole file."""
    column: int
    """1-based column, or 0 when unknown."""
    message: str
    """What is wrong, in one line."""
    hint: str = ""
    """How to fix it, when we can tell."""
    code: str = ""
    """A short stable name for the kind of problem (``no-date``), for tests and confirmations."""

    def __str__(self) -> str:
        where = self.path
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        text = f"{where}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


class ContentError(Exception):
    """One or more problems that stop the explainer from being built."""

    def __init__(self, problems: list[Problem] | Problem) -> None:
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        self.lines: tuple[ClassifiedLine, ...] = ()
        """For a live-blog that cannot be parsed: how each of its lines was classified."""
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def at(cls, path: str, line: int, column: int, message: str, hint: str = "") -> ContentError:
        """Build an error for a single problem."""
        return cls(Problem(path, line, column, message, hint))


class ProblemCollector:
    """Collects every problem in a file so an editor can fix them in one pass."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def add(self, line: int, column: int, message: str, hint: str = "", code: str = "") -> None:
        self.problems.append(Problem(self.path, line, column, message, hint, code))

    def add_at(self, at: tuple[int, int], message: str, hint: str = "") -> None:
        self.add(at[0], at[1], message, hint)

    def raise_if_any(self) -> None:
        if self.problems:
            raise ContentError(sorted(self.problems, key=lambda p: (p.line, p.column)))


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A hint naming the closest of ``choices`` to ``word`` ("did you mean 'x'?"), or ""."""
    close = difflib.get_close_matches(word, sorted(choices), n=1)
    return f"did you mean '{close[0]}'?" if close else ""
