"""Time zones as live-blogs write them: abbreviations, offsets, IANA names.

``ZONES`` is the documented table (README, "Time zones"): each abbreviation names either a
fixed offset (``CEST`` is always +02:00) or a region whose offset follows its own summer
time (``ET`` is New York's clock, -05:00 in winter and -04:00 in summer). Abbreviations that
mean several zones (``CST``: US Central or China; ``IST``: India, Ireland or Israel) are in
``AMBIGUOUS``: the parser asks for ``timezone:`` in source.yml rather than guess.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

FIXED = {
    "GMT": 0,
    "UTC": 0,
    "Z": 0,
    "WET": 0,
    "BST": 60,
    "WEST": 60,
    "CET": 60,
    "MEZ": 60,
    "CEST": 120,
    "MESZ": 120,
    "EET": 120,
    "EEST": 180,
    "MSK": 180,
    "TRT": 180,
    "EAT": 180,
    "GST": 240,
    "PKT": 300,
    "ICT": 420,
    "WIB": 420,
    "HKT": 480,
    "SGT": 480,
    "AWST": 480,
    "JST": 540,
    "KST": 540,
    "ACST": 570,
    "ACDT": 630,
    "AEST": 600,
    "AEDT": 660,
    "NZST": 720,
    "NZDT": 780,
    "SAST": 120,
    "WAT": 60,
    "CAT": 120,
    "BRT": -180,
    "ART": -180,
    "EST": -300,
    "EDT": -240,
    "CDT": -300,
    "MST": -420,
    "MDT": -360,
    "PST": -480,
    "PDT": -420,
    "AKST": -540,
    "AKDT": -480,
    "HST": -600,
}
"""Abbreviations with one offset from UTC, in minutes."""

REGIONS = {
    "ET": "America/New_York",
    "CT": "America/Chicago",
    "MT": "America/Denver",
    "PT": "America/Los_Angeles",
    "UK": "Europe/London",
    "AET": "Australia/Sydney",
}
"""Abbreviations that name a region's clock, summer time included."""

AMBIGUOUS = {
    "CST": "US Central (-06:00), China (+08:00) or Cuba (-05:00)",
    "IST": "India (+05:30), Ireland (+01:00) or Israel (+02:00)",
    "AST": "Atlantic (-04:00) or Arabia (+03:00)",
    "ADT": "Atlantic (-03:00) or Arabia",
}
"""Abbreviations that mean more than one zone: never guessed."""

_OFFSET = re.compile(r"(?:UTC|GMT)?(?P<sign>[+-−])(?P<hours>\d{1,2})(?::?(?P<minutes>\d{2}))?")


class AmbiguousZone(ValueError):
    """An abbreviation such as CST that names several zones."""


def zone_names() -> list[str]:
    """Every abbreviation the parser reads, longest first (so ``CEST`` wins over ``CET``)."""
    return sorted([*FIXED, *REGIONS, *AMBIGUOUS], key=lambda name: (-len(name), name))


def fixed_offset(name: str) -> tzinfo | None:
    """``GMT``, ``+03:00``, ``UTC-5`` or ``GMT+5:30`` as a fixed offset; None otherwise."""
    upper = name.upper()
    if upper in FIXED:
        return timezone(timedelta(minutes=FIXED[upper]), upper)
    offset = _OFFSET.fullmatch(upper)
    if offset is None:
        return None
    hours, minutes = int(offset["hours"]), int(offset["minutes"] or 0)
    if hours > 14 or minutes > 59:  # no zone is more than 14 hours from UTC
        return None
    total = hours * 60 + minutes
    return timezone(timedelta(minutes=-total if offset["sign"] in "-−" else total))


def is_offset(name: str) -> bool:
    """``+03:00``, ``GMT+1``: an offset, valid or not."""
    return _OFFSET.fullmatch(name.upper()) is not None


def zone_of_abbreviation(name: str, setting: tzinfo | None) -> tzinfo | None:
    """The zone an abbreviation in the text names, or None if it is not one we know.

    Where source.yml names a region (``America/Chicago``), an abbreviation that region uses
    (``CST``) means the region's clock, so an ambiguous one is read and summer time follows
    the region. Raises AmbiguousZone for an ambiguous abbreviation without such a setting.
    """
    upper = name.upper()
    if isinstance(setting, ZoneInfo) and _region_uses(setting, upper):
        return setting
    if upper in REGIONS:
        return ZoneInfo(REGIONS[upper])
    if upper in AMBIGUOUS:
        raise AmbiguousZone(AMBIGUOUS[upper])
    return fixed_offset(name)


def _region_uses(region: ZoneInfo, abbreviation: str) -> bool:
    """Whether the region's clock is called ``abbreviation`` in winter or in summer."""
    for month in (1, 7):
        if datetime(2025, month, 15, 12, tzinfo=region).tzname() == abbreviation:
            return True
    return False


def resolve_setting(name: str) -> tzinfo | None:
    """A zone name from source.yml as a tzinfo, or None if we do not know it.

    An IANA name (``Europe/London``) or a region abbreviation (``ET``, ``UK``) gives each
    date its own offset, summer time included; other abbreviations and offsets are fixed.
    """
    upper = name.upper()
    if upper in REGIONS:
        return ZoneInfo(REGIONS[upper])
    fixed = fixed_offset(name)
    if fixed is not None or is_offset(name) or upper in AMBIGUOUS:
        return fixed
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: "Europe" is a folder
        return None
