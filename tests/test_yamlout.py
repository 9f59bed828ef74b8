"""``explainer parse``'s YAML writer: whatever the text, the YAML loads back as the same data."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.yamlout import dump_yaml, quote

HOSTILE = [
    "",
    "plain",
    "yes",
    "no",
    "null",
    "~",
    "16:49",
    "2025-05-16",
    "0x1F",
    "1e3",
    "- not a list",
    "key: value",
    "# not a comment",
    "&anchor *alias !tag",
    "'single' \"double\" \\back\\",
    "  leading and trailing  ",
    "line\nbreak\r\nand\ttab",
    "\x00\x07\x1b[31m\x7f\x85\x9f",
    "\u2028\u2029\ufeff\ufffe\uffff",
    "\ud800 lone surrogate",
    "Kiev’s “quoted” — dash … 🇺🇦 𝔘",
]


def test_hostile_strings_read_back_as_written():
    for text in HOSTILE:
        assert yaml.safe_load(quote(text)) == text, repr(text)
        assert quote(text).startswith('"')


def test_the_shape_of_the_document():
    data = {
        "headline": "H",
        "intro": [],
        "entries": [
            {"anchor": "a", "line": 3, "pinned": True, "captions": ["c"], "paragraphs": ["p", "q"]},
            {"anchor": "b", "updated": None, "nested": {"x": [1, 2]}, "empty": {}},
        ],
    }
    assert dump_yaml(data) == (
        'headline: "H"\n'
        "intro: []\n"
        "entries:\n"
        '- anchor: "a"\n'
        "  line: 3\n"
        "  pinned: true\n"
        "  captions:\n"
        '  - "c"\n'
        "  paragraphs:\n"
        '  - "p"\n'
        '  - "q"\n'
        '- anchor: "b"\n'
        "  updated: null\n"
        "  nested:\n"
        "    x:\n"
        "    - 1\n"
        "    - 2\n"
        "  empty: {}\n"
    )
    assert yaml.safe_load(dump_yaml(data)) == data


plain = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(min_size=1), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(plain)
def test_any_plain_data_loads_back_equal(data):
    assert yaml.safe_load(dump_yaml(data)) == data


@pytest.mark.slow
def test_twenty_thousand_entries_load_back_equal():
    """The size the issue measures (PyYAML's dumper took 10.5 s of 12.3 s here)."""
    from datetime import datetime, timedelta

    from generator.cli import _describe
    from generator.parse import parse_liveblog

    lines = ["Harbour council live: every vote on the barrier plan", "The council meets.", ""]
    moment, day = datetime(2025, 1, 1, 6, 0), None
    for number in range(20_000):
        if moment.date() != day:
            day = moment.date()
            lines += [f"{day.day} {day:%B %Y}", ""]
        lines += [
            f"{moment:%H:%M} GMT",
            f'Vote {number}: "yes" — Verhoeven’s motion #{number}.',
            "",
        ]
        moment += timedelta(minutes=9)
        if moment.hour >= 22:
            moment = datetime(moment.year, moment.month, moment.day, 6) + timedelta(days=1)
    data = _describe(parse_liveblog("\n".join(lines), "big.txt"))
    assert len(data["entries"]) == 20_000  # type: ignore[arg-type]
    assert yaml.load(dump_yaml(data), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) == data
