"""An entry's age shown beside its clock time: ``2h ago`` over ``16.35 GMT``.

Some pages head each entry with both how long ago it was posted and the time it was posted.
The time says everything the age says (and does not depend on when the page was copied),
so an age line right above or right below a plain time stamp is left out, listed like all
chrome, and never asks for a capture time. An age alone still dates its entry (or asks for
``captured`` in source.yml).
"""

from __future__ import annotations

from .dateline import Reading
from .parts import Page, leave_out


def leave_out_ages_beside_times(
    page: Page, raw_lines: list[str], clean: list[str], readings: list[Reading | None]
) -> None:
    for index, reading in enumerate(readings):
        if not _age_alone(reading) or page.kinds[index]:
            continue
        if _clock(_neighbour(readings, clean, index, 1)) or _clock(
            _neighbour(readings, clean, index, -1)
        ):
            leave_out(page, index, raw_lines)
            readings[index] = None


def _age_alone(reading: Reading | None) -> bool:
    """A plain age on its own line: not 'Updated 2 hours ago', which is another moment."""
    return (
        reading is not None
        and reading.age is not None
        and reading.prefix is None
        and reading.also is None
        and not reading.rest
    )


def _clock(reading: Reading | None) -> bool:
    """A plain stamp with a clock time (no age, no 'Updated'/'Published' prefix)."""
    return (
        reading is not None
        and reading.hour is not None
        and reading.age is None
        and reading.prefix is None
    )


def _neighbour(
    readings: list[Reading | None], clean: list[str], index: int, step: int
) -> Reading | None:
    """The reading of the next line (step 1) or the line before (step -1), if it is not blank."""
    other = index + step
    if 0 <= other < len(clean) and clean[other]:
        return readings[other]
    return None
