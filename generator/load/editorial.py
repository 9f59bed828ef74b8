"""The editors' own framing: the summary that opens the overview (``summary.md``) and the
entries' headlines (``headlines.yml``). Checked like every content file: strictly read
YAML, the shipped JSON Schemas, every problem of a file at once, with positions."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import ProblemCollector
from ..model import Headline, Paragraph, Summary
from .content import _FRONT_MATTER, _references, display_path
from .markdown import check_markdown
from .schema import check, valid_records
from .textfile import read_text
from .yamlfile import YamlMap, load_yaml, load_yaml_file

_POINT = re.compile(r"^([-*])[ \t]+(?=\S)")
"""A point of the summary starts a line with ``-`` or ``*`` and a space."""
_NESTED = re.compile(r"^[ \t]+[-*+][ \t]")


def load_summary(path: Path) -> Summary:
    """Read ``summary.md``: front matter (``title``, ``sources``), then a list of points.

    Each point is one bullet (``- ...``), continued on the lines after it until a blank
    line or the next bullet. Anything else in the body (a paragraph, a heading, a nested
    list) is refused where it stands: the overview shows the points as a list, and a
    reader's first screen has no room for more.
    """
    shown = display_path(path)
    text = read_text(path, shown)
    problems = ProblemCollector(shown)
    match = _FRONT_MATTER.match(text)
    if match is None:
        problems.add(1, 1, "no front matter", "start the file with '---', title and sources, '---'")
        problems.raise_if_any()
        raise AssertionError  # unreachable: raise_if_any raised
    data = load_yaml(match[1] or "", shown, first_line=2, problems=problems)
    if data is None:
        data = YamlMap()
    body_line = text[: match.end()].count("\n") + 1
    points = _points(text[match.end() :], body_line, problems)
    if not points and not problems.problems:
        problems.add(
            body_line, 1, "the summary has no points", "write each point on a line starting '- '"
        )
    for line, parts in points:
        check_markdown("\n".join(parts), problems, (line, 3), "summary")
    valid = check(data, "summary", problems, (1, 1))
    problems.raise_if_any()
    assert valid
    paragraphs = tuple(Paragraph(" ".join(parts), line) for line, parts in points)
    return Summary(data["title"], paragraphs, _references(data["sources"]), shown)


def _points(body: str, first_line: int, problems: ProblemCollector) -> list[tuple[int, list[str]]]:
    """(line, its lines) of each point."""
    points: list[tuple[int, list[str]]] = []
    open_point = False
    for number, line in enumerate(body.splitlines(), start=first_line):
        if not line.strip():
            open_point = False
            continue
        if _NESTED.match(line):
            problems.add(
                number,
                len(line) - len(line.lstrip()) + 1,
                "the summary's points cannot be nested",
                "make it a point of its own, or part of the point above",
            )
            continue
        bullet = _POINT.match(line)
        if bullet:
            points.append((number, [line[bullet.end() :].strip()]))
            open_point = True
        elif open_point:
            points[-1][1].append(line.strip())
        else:
            problems.add(
                number,
                len(line) - len(line.lstrip()) + 1,
                "the summary is a list of points: this line is not one",
                "start each point with '- '",
            )
    return points


def load_headlines(path: Path) -> tuple[Headline, ...]:
    """Read ``headlines.yml`` (which entry each names is decided by ``link``)."""
    shown = display_path(path)
    problems = ProblemCollector(shown)
    data = load_yaml_file(path, shown, problems)
    headlines = [
        Headline(record["entry"], " ".join(record["headline"].split()), record.value_at("entry"))
        for record, _ in valid_records(data, "headlines", problems)
    ]
    problems.raise_if_any()
    return tuple(headlines)
