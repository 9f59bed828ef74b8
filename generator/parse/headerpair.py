"""A header dateline written in the entries' own shape (Reuters: 'May 16, 2025 10:32 AM
GMT+3' over 'Updated 2 hours ago', then entries stamped 'May 16, 2025 3:05 PM GMT+3').

A bare header dateline is told from the first entry's stamp by its shape when the entries'
stamps have another one (lines._first_entry). When they share it, the header is told by two
signs together: the stamp has the page's update right under it (an 'Updated ...' line, the
next text line), and on a page whose other stamps run newest first it is older than the
stamp after it, which no newest-first entry is. An entry that has its own update line under
its stamp is the newest of a newest-first page, so it is later than the stamp after it and
stays an entry.
"""

from __future__ import annotations

from .dateline import Reading
from .parts import next_text, opens_entry


def _key(reading: Reading) -> tuple[int, ...] | None:
    """The stamp's moment as a sortable tuple, when it states the day and the time."""
    if reading.year is None or reading.month is None or reading.day is None:
        return None
    if reading.hour is None or reading.minute is None:
        return None
    hour = reading.hour if reading.meridiem is None else reading.hour % 12 + reading.meridiem
    return (reading.year, reading.month, reading.day, hour, reading.minute)


def is_header_pair(clean: list[str], readings: list[Reading | None], index: int) -> bool:
    """The stamp at ``index`` (the first one that would open an entry) is the page's
    publication: a bare date and time, the page's 'Updated ...' line right under it, and the
    stamps below it, all in its shape and zone, run newest first from a later one."""
    reading = readings[index]
    if reading is None or reading.rest or not reading.plain:
        return False
    own = _key(reading)
    below = next_text(clean, index)
    update = readings[below] if below is not None else None
    if own is None or update is None or update.prefix != "updated":
        return False
    later: list[tuple[int, ...]] = []
    for other in readings[index + 1 :]:
        if other is None or not opens_entry(other) or other.zone != reading.zone:
            continue
        key = _key(other)
        if key is None:
            return False  # stamps of another shape: lines._first_entry's rule decides
        later.append(key)
    if len(later) < 2 or later[0] <= own:
        return False
    return all(a >= b for a, b in zip(later, later[1:]))
