"""Properties of the parser on text nobody planned for.

On any text, ``parse_liveblog`` returns a Liveblog or raises ContentError, nothing else; and a
Liveblog it returns keeps its promises: entries in time order with unique anchors, every line
classified, every line with text accounted for exactly once, every paragraph verbatim.
"""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import ContentError
from generator.load.textfile import decode_text
from generator.model import Liveblog
from generator.parse import ParseOptions, parse_liveblog

PATH = "liveblog.txt"
MONTHS = ["May", "December", "Feb", "Sept.", "march"]
SENTENCES = [
    "The stream has ended.",
    "“Let’s not turn these negotiations into a fantasy novel,” he said.",
    "  Kiev’s delegation arrived\tlate.\u00a0",
    "# not a heading",
    "<script>alert(1)</script>",
    "Share this story",
    "16 May",
    "Top 10 moments 2025",
    "Fryday 16 May 2025",
    "16 Mai 2025",
]
ZONES = ["", " GMT", " gmt", " BST", " MSK", " PDT", " UTC+3"]

blank_lines = st.sampled_from(["", " ", "\t", "\u00a0", " \t\u00a0 "])
paragraph_lines = st.one_of(st.sampled_from(SENTENCES), st.text(min_size=1, max_size=40))
good_times = st.one_of(
    st.builds(
        lambda hour, minute, gap, zone: f"{hour}{gap}{minute:02d}{zone}",
        st.integers(0, 23),
        st.integers(0, 59),
        st.sampled_from([":", "."]),
        st.sampled_from(ZONES),
    ),
    st.builds(
        lambda hour, minute, meridiem: f"{hour}:{minute:02d}{meridiem}",
        st.integers(1, 12),
        st.integers(0, 59),
        st.sampled_from([" am", " pm", "PM", " a.m. GMT"]),
    ),
)
bad_times = st.builds(
    lambda hour, minute, zone: f"{hour}:{minute:02d}{zone}",
    st.integers(0, 99),
    st.integers(0, 99),
    st.sampled_from([*ZONES, " XYZ", " GMT+99", " pm"]),
)
DATE_FORMS = ["%d %B %Y", "%B %d, %Y", "%A %d %b %Y", "%A, %d %B %Y", "%Y-%m-%d"]
good_dates = st.builds(
    lambda day, form: day.strftime(form),
    st.dates(date(1990, 1, 1), date(2100, 12, 31)),
    st.sampled_from(DATE_FORMS),
)
bad_dates = st.builds(
    lambda weekday, day, month, year: f"{weekday}{day} {month} {year}",
    st.sampled_from(["", "Friday ", "Sat, "]),
    st.integers(0, 35),
    st.sampled_from(MONTHS),
    st.integers(1, 9999),
)


@st.composite
def blogs(draw: st.DrawFn) -> str:
    """A live-blog as pasted: headline, intro, date and time lines; sometimes with junk."""
    lines = [draw(paragraph_lines)]
    lines += draw(st.lists(paragraph_lines, max_size=3))
    for _ in range(draw(st.integers(0, 1))):  # entries above any date line take 'published'
        lines.append(draw(good_times))
        lines += draw(st.lists(paragraph_lines, max_size=2))
    for _ in range(draw(st.integers(1, 3))):
        lines.append(draw(st.one_of(good_dates, good_dates, good_dates, bad_dates)))
        for _ in range(draw(st.integers(1, 4))):
            lines.append(draw(st.one_of(good_times, good_times, good_times, bad_times)))
            lines += draw(st.lists(paragraph_lines, max_size=3))
    for _ in range(draw(st.integers(0, 3))):  # noise anywhere: blanks, junk, stray stamps
        junk = draw(st.one_of(blank_lines, st.text(max_size=20), good_times, good_dates))
        lines.insert(draw(st.integers(0, len(lines))), junk)
    bom = draw(st.sampled_from(["", "\ufeff"]))
    return bom + draw(st.sampled_from(["\n", "\r\n", "\r"])).join(lines)


options = st.builds(
    ParseOptions,
    timezone=st.sampled_from(
        [None, None, None, "GMT", "+03:00", "Europe/London", "America/New_York"]
    ),
    published=st.one_of(st.none(), st.just(date(2025, 5, 16)), st.dates()),
    order=st.sampled_from([None, None, "newest-first", "oldest-first"]),
    furniture=st.lists(st.sampled_from(SENTENCES), max_size=2).map(tuple),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(st.text(), blogs(), blogs()), options=options)
def test_parser_returns_a_liveblog_or_raises_content_error(text: str, options: ParseOptions):
    try:
        blog = parse_liveblog(text, PATH, options)
    except ContentError as error:
        assert error.problems
        assert all(str(problem).startswith(f"{PATH}") for problem in error.problems)
        return
    assert isinstance(blog, Liveblog)
    assert_keeps_its_promises(blog, text)


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=200))
def test_any_bytes_decode_or_raise_content_error(data: bytes):
    try:
        text = decode_text(data, PATH)
    except ContentError as error:
        assert str(error).startswith(f"{PATH}:")
        return
    assert "\x00" not in text and not text.startswith("\ufeff")


def assert_keeps_its_promises(blog: Liveblog, text: str) -> None:
    posted = [entry.posted for entry in blog.entries]
    assert posted == sorted(posted), "entries are in time order"
    anchors = [entry.anchor for entry in blog.entries]
    assert len(set(anchors)) == len(anchors), "anchors are unique"

    source_lines = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    expected = source_lines.split("\n")
    if expected[-1] == "":
        expected.pop()
    assert [line.text for line in blog.lines] == expected, "every line is kept, in order"
    assert [line.number for line in blog.lines] == list(range(1, len(expected) + 1))
    for line in blog.lines:
        assert (line.kind == "blank") == (not line.text.strip()), (
            "every line with text is classified"
        )

    # Each line with text ends up in exactly one place of the model, verbatim.
    kinds = {line.number: line.kind for line in blog.lines}
    placed = {
        "headline": [blog.headline],
        "intro": list(blog.intro),
        "caption": [c for entry in blog.entries for c in entry.captions],
        "furniture": list(blog.furniture),
    }
    for kind, paragraphs in placed.items():
        numbers = [line.number for line in blog.lines if line.kind == kind]
        assert sorted(p.line for p in paragraphs) == numbers, kind
        for paragraph in paragraphs:
            assert paragraph.text
            assert paragraph.text == expected[paragraph.line - 1].strip()
    assert sorted(entry.line for entry in blog.entries) == [
        line.number for line in blog.lines if line.kind == "time"
    ], "each stamp opens one entry"
    body = [p for entry in blog.entries for p in entry.paragraphs]
    own_lines = [p.line for p in body if kinds[p.line] == "paragraph"]
    assert sorted(own_lines) == [n for n, kind in kinds.items() if kind == "paragraph"]
    for paragraph in body:
        assert paragraph.text, "no empty paragraph"
        assert kinds[paragraph.line] in ("paragraph", "time"), "text on a stamp's line or its own"
        assert paragraph.text in expected[paragraph.line - 1], "verbatim"
