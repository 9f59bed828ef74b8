"""Lists of other stories below the live-blog (generator/parse/latest.py): which lines are
list labels and headlines, and where a list is left out or reported."""

from __future__ import annotations

import pytest

from generator.parse import ParseOptions
from generator.parse.latest import headline_like, is_list_label
from generator.parse.liveblog import read_liveblog


@pytest.mark.parametrize(
    "line",
    ["Latest news", "Most read:", "More from Example News", "Mehr zum Thema", "À lire aussi",
     "Lo más leído", "Più letti", "Popular now", "Top stories", "Самое читаемое"],
)  # fmt: skip
def test_list_labels(line: str) -> None:
    assert is_list_label(line)


@pytest.mark.parametrize(
    "line",
    ["Latest", "Most read stories of the year", "Breaking", "Key events",
     "More from the minister's speech: he said the talks would go on."],
)  # fmt: skip
def test_not_list_labels(line: str) -> None:
    assert not is_list_label(line)


def test_headlines_and_sentences() -> None:
    assert headline_like("Floods hit northern Italy after heavy rain")
    assert headline_like("Will the talks resume?")
    assert not headline_like("The prime minister said the government would act.")
    assert not headline_like("Floods")  # a word alone is a label, not a story
    assert not headline_like("• Floods hit northern Italy")


PAGE = """Ministers meet in Rome for emergency flood talks
Follow the latest as officials from across the region gather.
1 May 2025

15:02 GMT
Ministers have arrived at the foreign ministry for the talks.
Share

14:30 GMT
The prime minister said the government would announce new funds.
Share

{label}
16:40
Floods hit northern Italy after heavy rain
16:12
Stock markets close higher on trade hopes
About us / Contact / © 2025 Example News Ltd
"""


def _read(text: str) -> tuple[list[int], list[tuple[int, int, str]]]:
    blog, _ = read_liveblog(text, "liveblog.txt", ParseOptions(timezone="GMT"))
    left_out = [line.number for line in blog.lines if line.kind == "furniture"]
    return left_out, [(w.line, w.column, w.code) for w in blog.warnings]


def test_labelled_list_is_the_footer() -> None:
    left_out, warnings = _read(PAGE.format(label="Latest news"))
    assert left_out == [7, 11, 13, 14, 15, 16, 17, 18]
    assert warnings == []
