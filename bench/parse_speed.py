"""The parser's speed at 20,000 entries, next to a baseline timed in the same run.

Two live-blogs, written here the same on every run:

- ``plain``: the seed's format, oldest first: date lines, ``HH:MM GMT`` stamps, one
  sentence per entry;
- ``messy``: a Guardian-like page, newest first: chrome, date lines, 12-hour stamps
  (``5.33pm BST``), key-event markers, titles, bylines, captions with credits, two
  paragraphs, ``Updated at`` stamps and ``Share`` lines.

For each, ``--repeat`` times (medians of CPU seconds shown): (p) ``parse_liveblog``; (y) what
``explainer parse`` then prints: the YAML and how each line was read; (l) the baseline: split the
text into lines, collapse each line's blanks and match one compiled pattern (a clock) at its
start, the least any line-by-line reader does, in the same Python on the same machine. The
ratio (p)/(l) says what the parser costs per line beyond reading it; it moves far less with
the machine's load than seconds do. The parse of a tenth of the entries shows that it
stays linear.
"""

from __future__ import annotations

import re
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TypeVar

from generator.cli import _describe
from generator.model import Liveblog
from generator.parse import parse_liveblog
from generator.report import describe_lines
from generator.yamlout import dump_yaml

T = TypeVar("T")

ENTRIES = 20_000
YAML_TARGET = 1.0
"""(y) at most the parse itself (it once took ten times the parse)."""
GROWTH_TARGET = 11.0
"""Ten times the entries may cost at most eleven times the parse."""
_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}")


@dataclass
class ParseResult:
    """Medians, in seconds, for one live-blog."""

    name: str
    entries: int
    lines: int
    parse_s: float
    yaml_s: float
    baseline_s: float
    tenth_s: float
    """The parse of the same kind of live-blog with a tenth of the entries."""


def plain_liveblog(entries: int) -> str:
    """The seed's format: date lines, ``06:00 GMT`` stamps, one sentence each."""
    lines = ["Harbour council live: every vote on the barrier plan", "The council meets.", ""]
    moment, day = datetime(2025, 1, 1, 6, 0), None
    for number in range(entries):
        if moment.date() != day:
            day = moment.date()
            lines += [f"{day.day} {day:%B %Y}", ""]
        vote = f"Vote {number}: “yes” — Verhoeven’s motion #{number}."
        lines += [f"{moment:%H:%M} GMT", vote, ""]
        moment += timedelta(minutes=9)
        if moment.hour >= 22:
            moment = datetime(moment.year, moment.month, moment.day, 6) + timedelta(days=1)
    return "\n".join(lines) + "\n"


def messy_liveblog(entries: int) -> str:
    """A Guardian-like page, newest first, every entry part the parser reads."""
    lines = ["Skip to main content", "Live", "UK politics",
             "Harbour barrier vote: council debates the flood plan – as it happened",
             "Councillors say the plan is ‘fair and necessary’; residents want a say",
             "Harriet Cole and Tom Ashby", ""]  # fmt: skip
    moments = [datetime(2025, 4, 1, 8, 0)]
    while len(moments) < entries:  # every five minutes from 08:00 to 21:55, all in BST
        after = moments[-1] + timedelta(minutes=5)
        moments.append(after if after.hour < 22 else after + timedelta(hours=10))
    day = None
    for number, moment in reversed(list(enumerate(moments, start=1))):
        if moment.date() != day:
            day = moment.date()
            lines += [f"{day:%a} {day.day} {day:%b %Y}", ""]
        if number % 7 == 0:
            lines.append("Key event")
        lines.append(_twelve_hour(moment))
        if number % 3 == 0:
            lines.append(f"Councillor {number} says the barrier vote will go ahead")
        if number % 4 == 0:
            lines.append("By Priya Nair, political reporter")
        lines.append(f"Item {number}: the chair said the plan was “fair”, and Verhoeven’s "
                     "motion passed by 31 votes to 12 after a long debate.")  # fmt: skip
        if number % 5 == 0:
            lines.append("Councillors at the hearing this afternoon. Photograph: Toby Lee/Reuters")
        lines.append("The opposition said it would ask for a recount on Tuesday.")
        if number % 6 == 0:
            lines.append(f"Updated at {_twelve_hour(moment + timedelta(minutes=3))}")
        lines += ["Share", ""]
    return "\n".join(lines) + "\n"


def _twelve_hour(moment: datetime) -> str:
    """``5.33pm BST``."""
    return f"{moment.hour % 12 or 12}.{moment:%M}{'pm' if moment.hour >= 12 else 'am'} BST"


KINDS: dict[str, Callable[[int], str]] = {"plain": plain_liveblog, "messy": messy_liveblog}


def measure_parse(name: str, repeat: int, entries: int = ENTRIES) -> ParseResult:
    """Time (p), (y) and (l) for one kind of live-blog, ``repeat`` times each."""
    text = KINDS[name](entries)
    tenth = KINDS[name](entries // 10)
    parse, yaml, baseline, small = [], [], [], []
    for _ in range(repeat):
        baseline.append(_timed(_read_lines, text)[0])
        seconds, blog = _timed(parse_liveblog, text, f"{name}.txt")
        parse.append(seconds)
        yaml.append(_timed(_printed, blog)[0])
        small.append(_timed(parse_liveblog, tenth, f"{name}-tenth.txt")[0])
    return ParseResult(
        name,
        entries,
        text.count("\n"),
        statistics.median(parse),
        statistics.median(yaml),
        statistics.median(baseline),
        statistics.median(small),
    )


def _read_lines(text: str) -> list[bool]:
    """The baseline (l): every line split off, its blanks collapsed, one pattern tried."""
    return [_CLOCK.match(" ".join(line.split())) is not None for line in text.splitlines()]


def _printed(blog: Liveblog) -> str:
    """What ``explainer parse`` prints: the YAML, then how each line was read."""
    return dump_yaml(_describe(blog)) + "\n".join(describe_lines(blog.lines))


def _timed(function: Callable[..., T], *arguments: object) -> tuple[float, T]:
    """Seconds of this process's CPU time: single-threaded work, timed so that other jobs
    on shared cores slow it less than they slow the wall clock."""
    start = time.process_time()
    value = function(*arguments)
    return time.process_time() - start, value


def format_parse_report(results: list[ParseResult], repeat: int) -> list[str]:
    """The parse table: seconds, the ratios against the baseline and the parse, growth."""
    lines = [
        f"Parsing (median of {repeat} runs; CPU seconds): (p) parse_liveblog, (y) what "
        "`explainer parse` prints, (l) baseline: split, normalise, one regex per line:",
        "",
        "| live-blog | entries | lines | (p) parse s | (y) YAML s | (l) baseline s | (p)/(l) "
        f"| (y)/(p) <= {YAML_TARGET:g} | (p) / (p) at a tenth <= x{GROWTH_TARGET:g} |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    for r in results:
        yaml_ratio, growth = r.yaml_s / r.parse_s, r.parse_s / r.tenth_s
        lines.append(
            f"| {r.name} | {r.entries:,} | {r.lines:,} | {r.parse_s:.3f} | {r.yaml_s:.3f} "
            f"| {r.baseline_s:.4f} | {r.parse_s / r.baseline_s:.0f} "
            f"| {yaml_ratio:.2f}: {_verdict(yaml_ratio, YAML_TARGET)} "
            f"| x{growth:.1f}: {_verdict(growth, GROWTH_TARGET)} |"
        )
    return lines


def _verdict(value: float, target: float) -> str:
    return "met" if value <= target else "missed"
