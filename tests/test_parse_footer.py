"""The page footer below the last entry (generator/parse/footer.py): what counts as a
copyright notice, a link and a sentence, and where the cut is reported."""

from __future__ import annotations

import pytest

from generator.parse import ParseOptions
from generator.parse.credits import is_copyright
from generator.parse.footer import is_prose, link_like, pipe_links
from generator.parse.liveblog import read_liveblog


@pytest.mark.parametrize(
    "line",
    [
        "© 2025 ABC News",
        "Copyright 2025 The Associated Press. All Rights Reserved.",
        "Copyright © 2024 Bennett, Coleman & Co. Ltd. All rights reserved.",
        "© RIPRODUZIONE RISERVATA",
        "© STANDARD Verlagsgesellschaft m.b.H. 2025",
        "© 2000–2025, Українська правда",
        "All content © 2025 Example Media",
        "Tüm hakları saklıdır",
        "Alle Rechte vorbehalten",
    ],
)
def test_copyright_notices(line: str) -> None:
    assert is_copyright(line)


@pytest.mark.parametrize(
    "line",
    [
        "© Reuters / Jane Doe",  # a photo's credit: no year, no rights reserved
        "© 2025 Jane Doe/Reuters",
        "Photo: © 2025 Jane Doe",
        "© Le Monde",
        "Copyright lawyers say the 2019 ruling stands.",
        "The firm said all rights reserved for the song belonged to him, not the label.",
    ],
)
def test_not_copyright_notices(line: str) -> None:
    assert not is_copyright(line)


def test_links_and_sentences() -> None:
    assert link_like("Privacy Policy") and link_like("Follow Al Jazeera English:")
    assert not link_like("• National parks could close to visitors")
    assert not link_like("The president said so.")
    assert pipe_links("About | Contact | Privacy Policy")
    assert not pipe_links("Olaf Scholz im Willy-Brandt-Haus | dpa")
    assert is_prose("The chancellor sat down after 52 minutes.")
    assert not is_prose("Sigue toda la información en nuestra newsletter semanal")


PAGE = """Spring statement 2025: live
The chancellor delivers her spring statement.

Wednesday 26 March 2025

13:40 GMT
The chancellor sat down after 52 minutes.

12:31 GMT
The chancellor has begun her statement in the Commons.

{tail}
About us
Contact
Privacy
"""


def test_footer_left_out_and_listed() -> None:
    text = PAGE.format(tail="© 2025 Example News")
    blog, _ = read_liveblog(text, "liveblog.txt", ParseOptions(timezone="GMT"))
    assert [p.text for p in blog.entries[0].paragraphs] == [
        "The chancellor has begun her statement in the Commons."
    ]
    assert [p.text for p in blog.furniture][-4:] == [
        "© 2025 Example News", "About us", "Contact", "Privacy"
    ]  # fmt: skip
    assert blog.warnings == ()


def test_cut_starting_on_a_sentence_is_located() -> None:
    text = PAGE.format(tail="  Our coverage continues on the next page with the reaction.")
    blog, _ = read_liveblog(text, "liveblog.txt", ParseOptions(timezone="GMT"))
    (warning,) = blog.warnings
    assert (warning.line, warning.column, warning.code) == (12, 3, "footer-cut")
    assert "12:31 GMT" in warning.message
