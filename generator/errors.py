"""Content problems: where each happened and how to fix it, collected one way by every stage.

Every stage reports into a ``ProblemCollector``: errors (the build stops on them) and
warnings (the build goes on; ``--strict`` fails on them). ``ContentError`` carries a
collector's errors out of a build; ``explainer check`` and ``mkdocs serve`` read them all.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple, ParamSpec, TypeVar

if TYPE_CHECKING:
    from .model import ClassifiedLine

P = ParamSpec("P")
T = TypeVar("T")


class Position(NamedTuple):
    """A place in a file: 1-based line and column, 0 where unknown (the whole file).

    A tuple, so ``(line, column)`` pairs from the YAML loader are positions too, and
    positions sort in reading order."""

    line: int = 0
    column: int = 0


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
    entry: str = ""
    """The anchor of the entry (or ``intro``, ``headline``) it concerns, when one does."""

    @property
    def position(self) -> Position:
        return Position(self.line, self.column)

    @property
    def where(self) -> str:
        """``path:line:col`` (as far as known), the part editors turn into a link."""
        where = self.path
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        return where

    def __str__(self) -> str:
        text = f"{self.where}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text

    def as_warning(self) -> str:
        """``path:line:col: warning: message (hint)``, the shape problem matchers read."""
        text = f"{self.where}: warning: {self.message}"
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
    """Every error and warning found so far, so an editor can fix them in one pass.

    ``ProblemCollector(path)`` collects for one file; ``collector.file(path)`` gives a
    collector for another file that adds to the same lists, so one collector can gather a
    whole content folder. ``sorted_problems()`` lists them file by file, in the order the
    files were first named, and in reading order within each file.
    """

    def __init__(self, path: str = "") -> None:
        self.path = path
        """The file that ``add``, ``add_at`` and ``warn`` report on."""
        self.problems: list[Problem] = []
        """Errors: the build stops on each of them."""
        self.warnings: list[Problem] = []
        """Worth a look; the build goes on (``--strict`` fails)."""
        self._files: dict[str, int] = {}
        if path:
            self._files[path] = 0

    def file(self, path: str) -> ProblemCollector:
        """A collector for ``path`` that adds to this one's errors and warnings."""
        other = ProblemCollector.__new__(ProblemCollector)
        other.path, other.problems, other.warnings, other._files = (
            path,
            self.problems,
            self.warnings,
            self._files,
        )
        self._files.setdefault(path, len(self._files))
        return other

    def add(
        self,
        line: int,
        column: int,
        message: str,
        hint: str = "",
        code: str = "",
        *,
        entry: str = "",
    ) -> None:
        self.problems.append(Problem(self.path, line, column, message, hint, code, entry))

    def add_at(self, at: tuple[int, int], message: str, hint: str = "", *, entry: str = "") -> None:
        self.add(at[0], at[1], message, hint, entry=entry)

    def warn(
        self, line: int, column: int, message: str, hint: str = "", *, entry: str = ""
    ) -> None:
        self.warnings.append(Problem(self.path, line, column, message, hint, entry=entry))

    def warn_at(
        self, at: tuple[int, int], message: str, hint: str = "", *, entry: str = ""
    ) -> None:
        self.warn(at[0], at[1], message, hint, entry=entry)

    def extend(self, problems: Iterable[Problem], *, warnings: bool = False) -> None:
        """Add problems found elsewhere (a ``ContentError``'s, a model's warnings)."""
        target = self.warnings if warnings else self.problems
        for problem in problems:
            self._files.setdefault(problem.path, len(self._files))
            target.append(problem)

    def collect(self, stage: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T | None:
        """Run ``stage``; if it raises a ContentError, keep its problems and return None."""
        try:
            return stage(*args, **kwargs)
        except ContentError as error:
            self.extend(error.problems)
            return None

    def _order(self, problem: Problem) -> tuple[int, Position]:
        return self._files.get(problem.path, len(self._files)), problem.position

    def sorted_problems(self) -> list[Problem]:
        """The errors, file by file and in reading order within each file."""
        return sorted(self.problems, key=self._order)

    def sorted_warnings(self) -> list[Problem]:
        """The warnings, in the same order."""
        return sorted(self.warnings, key=self._order)

    def raise_if_any(self) -> None:
        if self.problems:
            raise ContentError(self.sorted_problems())


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A hint naming the closest of ``choices`` to ``word`` ("did you mean 'x'?"), or ""."""
    close = difflib.get_close_matches(word, sorted(choices), n=1)
    return f"did you mean '{close[0]}'?" if close else ""
