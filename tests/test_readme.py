"""README's tables of zones and languages are the parser's own (``parse/zones.py``,
``parse/names.py``): a newcomer reads them there."""

from __future__ import annotations

import re

from support import ROOT

from generator.parse.names import LANGUAGES
from generator.parse.zones import AMBIGUOUS, FIXED, REGIONS

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _offset(minutes: int) -> str:
    sign = "+" if minutes >= 0 else "−"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def zone_table() -> str:
    """The README's zone table, as zones.py says it."""
    by_offset: dict[int, list[str]] = {}
    for name, minutes in FIXED.items():
        by_offset.setdefault(minutes, []).append(name)
    rows = [
        f"| {', '.join(f'`{n}`' for n in names)} | {_offset(minutes)} |"
        for minutes, names in sorted(by_offset.items())
    ]
    rows += [f"| `{name}` | {region}, summer time included |" for name, region in REGIONS.items()]
    rows += [f"| `{name}` | ambiguous: {what} |" for name, what in AMBIGUOUS.items()]
    return "\n".join(["| abbreviations | offset or region |", "| --- | --- |", *rows])


def test_the_zone_table_is_the_parsers():
    found = re.search(r"<!-- zones -->\n(.*?)\n<!-- /zones -->", README, re.S)
    assert found, "README has no <!-- zones --> table"
    assert found[1] == zone_table(), "update README's zone table to:\n" + zone_table()


def test_the_languages_are_the_parsers():
    found = re.search(r"<!-- languages -->(.*?)<!-- /languages -->", README)
    assert found
    assert found[1] == ", ".join(f"`{code}`" for code in LANGUAGES)
