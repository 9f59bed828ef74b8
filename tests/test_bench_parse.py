"""The parse measurement of `make bench` (bench/parse_speed.py) measures what it says: its
live-blogs parse without a warning into entries with every part named, and its table gives
the ratios and verdicts. Nothing here asserts how fast the parser is."""

from __future__ import annotations

import sys

from support import ROOT

from generator.parse import parse_liveblog

if str(ROOT) not in sys.path:  # bench/ is a folder of the repository, not an installed package
    sys.path.insert(0, str(ROOT))

from bench.parse_speed import (  # noqa: E402
    ParseResult,
    format_parse_report,
    messy_liveblog,
    plain_liveblog,
)


def test_plain_live_blog_is_the_seeds_format():
    blog = parse_liveblog(plain_liveblog(300), "plain.txt")
    assert len(blog.entries) == 300 and not blog.warnings
    assert blog.order == "oldest-first"
    assert [e.time_label for e in blog.entries[:2]] == ["06:00 GMT", "06:09 GMT"]
    assert blog.entries[0].paragraphs[0].text == "Vote 0: “yes” — Verhoeven’s motion #0."


def test_messy_live_blog_has_every_part_the_parser_reads():
    blog = parse_liveblog(messy_liveblog(420), "messy.txt")
    entries = blog.entries
    assert len(entries) == 420 and not blog.warnings
    assert blog.order == "newest-first"
    assert blog.headline.text.startswith("Harbour barrier vote")
    assert entries[0].time_label == "8.00am BST" and entries[0].posted.isoformat() == (
        "2025-04-01T08:00:00+01:00"
    )
    assert sum(e.key_event for e in entries) == 420 // 7
    assert sum(bool(e.title) for e in entries) == 420 // 3
    assert sum(e.byline == "By Priya Nair, political reporter" for e in entries) == 420 // 4
    assert sum(len(e.captions) for e in entries) == 420 // 5
    assert sum(e.updated is not None for e in entries) == 420 // 6
    assert all(len(e.paragraphs) == 2 for e in entries)
    assert {p.text for p in blog.furniture} >= {"Share", "Skip to main content"}


def test_parse_report_gives_ratios_and_verdicts():
    report = format_parse_report(
        [ParseResult("plain", 20_000, 60_000, 1.0, 0.25, 0.02, 0.1),
         ParseResult("messy", 20_000, 120_000, 2.0, 2.5, 0.05, 0.1)],
        3,
    )  # fmt: skip
    plain = "| plain | 20,000 | 60,000 | 1.000 | 0.250 | 0.0200 | 50 | 0.25: met | x10.0: met |"
    messy = (
        "| messy | 20,000 | 120,000 | 2.000 | 2.500 | 0.0500 | 40 | 1.25: missed | x20.0: missed |"
    )
    assert plain in report and messy in report
