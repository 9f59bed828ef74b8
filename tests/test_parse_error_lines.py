"""A live-blog that cannot be parsed still says how each of its lines was read, so that
`explainer parse` can show the classification beside the errors."""

from __future__ import annotations

import pytest

from generator.errors import ContentError
from generator.parse import ParseOptions, parse_liveblog

BLOG = "Talks in Istanbul: the second round\n16 May 2025\n10:00 XYZ\nText.\n\nShare\n"


@pytest.mark.parametrize(
    "options", [ParseOptions(), ParseOptions(timezone="Nowhere/Land")], ids=["line", "source"]
)
def test_the_error_carries_every_line_classified(options: ParseOptions) -> None:
    with pytest.raises(ContentError) as caught:
        parse_liveblog(BLOG, "liveblog.txt", options)
    lines = caught.value.lines
    assert [(line.number, line.kind, line.text) for line in lines] == [
        (1, "headline", "Talks in Istanbul: the second round"),
        (2, "date", "16 May 2025"),
        (3, "time", "10:00 XYZ"),
        (4, "paragraph", "Text."),
        (5, "blank", ""),
        (6, "furniture", "Share"),
    ]


def test_an_empty_paste_has_no_lines_to_show() -> None:
    with pytest.raises(ContentError) as caught:
        parse_liveblog("\n \n", "liveblog.txt")
    assert caught.value.lines == ()
