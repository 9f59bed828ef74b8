"""``explainer parse FILE``: the model as YAML, how every line was classified, clean errors."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
CLOCKS = ["16:00", "16:23", "16:49", "16:56", "17:14", "18:06", "19:42", "20:37", "20:50", "22:52"]
"""The seed's entries, oldest first."""
TEASERS = [
    "Standing up a standoff? Biljana Vankovska, professor of political science & intl. "
    "relations, Saint Cyril & Methodius University",
    "Trump’s slam dunk Middle East trip & the sabotage campaign against him (George Papadopoulos)",
]


def run_parse(path: Path | str, capsys) -> tuple[int, str, str]:
    code = main(["parse", str(path)])
    out, err = capsys.readouterr()
    return code, out, err


def test_parse_seed_uses_source_yml_beside_it(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    code, out, err = run_parse("content/liveblog.txt", capsys)
    assert (code, err) == (0, "")
    model = yaml.safe_load(out)  # the summary is YAML comments: the output stays YAML
    assert model["order"] == "newest-first"
    assert [entry["time"] for entry in model["entries"]] == [f"{clock} GMT" for clock in CLOCKS]
    seed_lines = (CONTENT / "liveblog.txt").read_text(encoding="utf-8").split("\n")
    assert model["entries"][0] == {
        "anchor": "2025-05-16-1600",
        "posted": "2025-05-16T16:00:00+00:00",
        "time": "16:00 GMT",
        "line": 42,
        "paragraphs": [seed_lines[42]],
    }
    # source.yml names the two teasers as furniture: they are not part of the last entry.
    assert model["furniture"] == TEASERS
    summary = [line for line in out.splitlines() if line.startswith("#")]
    assert summary[0] == (
        "# 45 lines: headline 1, intro 9, date 1, time 10, paragraph 22, furniture 2, blank 0"
    )
    assert summary[1].startswith("#     1 headline  The meeting between the delegations")
    assert summary[11] == "#    11 date      16 May 2025"
    assert summary[12] == "#    12 time      22:52 GMT"
    assert summary[44].startswith("#    44 furniture Standing up a standoff?")
    # Then every left-out line again, whole.
    assert summary[46:] == [
        "# left out as page furniture or chrome (2 lines; not part of the live-blog):",
        f"#    44 {TEASERS[0]}",
        f"#    45 {TEASERS[1]}",
    ]
    assert len(summary) == 1 + 45 + 3


def test_parse_without_source_yml_keeps_the_teasers_in_the_last_entry(tmp_path, capsys):
    shutil.copy(CONTENT / "liveblog.txt", tmp_path / "liveblog.txt")
    code, out, _ = run_parse(tmp_path / "liveblog.txt", capsys)
    model = yaml.safe_load(out)
    assert code == 0
    assert model["furniture"] == []
    assert model["entries"][0]["paragraphs"][1:] == TEASERS


def test_parse_prints_warnings_and_succeeds(tmp_path, capsys, monkeypatch):
    (tmp_path / "blog.txt").write_text(
        "Headline\nSaturday 16 May 2025\n10:00 GMT\nText.\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    code, _, err = run_parse("blog.txt", capsys)
    assert code == 0
    assert err == (
        "blog.txt:2:1: warning: 16 May 2025 was a Friday, not a Saturday; using the date "
        "(check the date line against the original) [weekday-mismatch]\n"
    )


def test_parse_shows_control_characters_escaped(tmp_path, capsys):
    (tmp_path / "blog.txt").write_text(
        "Headline \x1b[31mred\x1b[0m\n16 May 2025\n10:00 GMT\nText.\n", encoding="utf-8"
    )
    code, out, _ = run_parse(tmp_path / "blog.txt", capsys)
    assert code == 0
    assert "\x1b" not in out
    assert "#     1 headline  Headline \\x1b[31mred\\x1b[0m" in out.splitlines()


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (
            b"Headline\nIntro \x00 text\n",
            "2:7: file is binary, not text (it contains a NUL byte) (save it as plain UTF-8 text)",
        ),
        (
            "Headline\nCafé in Kyiv\n".encode("latin-1"),
            "2:4: file is not valid UTF-8 (byte 0xe9) "
            "(save it as UTF-8; most editors offer 'Save with encoding')",
        ),
        (
            b"Headline\n16 May 2025\n10:00 XYZ\nText.\n",
            "3:7: unknown time zone 'XYZ' in time line '10:00 XYZ' (use a zone abbreviation "
            "such as GMT, BST, CEST, EDT or MSK, an offset such as GMT+3, or set 'timezone' in "
            "source.yml and drop it)",
        ),
    ],
    ids=["binary", "latin-1", "unknown-zone"],
)
def test_parse_errors_name_the_file_relative_to_the_working_folder(
    data, error, tmp_path, capsys, monkeypatch
):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "blog.txt").write_bytes(data)
    monkeypatch.chdir(tmp_path)
    code, out, err = run_parse("news/blog.txt", capsys)
    assert (code, err) == (1, f"news/blog.txt:{error}\n")
    # No YAML: at most the classification, as comments, when the parser could classify.
    assert all(line.startswith("# ") for line in out.splitlines())


def test_parse_errors_name_a_file_outside_the_working_folder_absolutely(
    tmp_path, capsys, monkeypatch
):
    (tmp_path / "work").mkdir()
    (tmp_path / "blog.txt").write_bytes(b"\x00")
    monkeypatch.chdir(tmp_path / "work")
    code, _, err = run_parse("../blog.txt", capsys)
    assert code == 1
    assert err == (
        f"{tmp_path / 'blog.txt'}:1:1: file is binary, not text (it contains a NUL byte) "
        "(save it as plain UTF-8 text)\n"
    )


def test_parse_missing_file(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = run_parse("missing.txt", capsys)
    assert (code, err) == (1, "missing.txt: cannot read file: No such file or directory\n")


def test_parse_reports_a_broken_source_yml_beside_the_file(tmp_path, capsys, monkeypatch):
    shutil.copy(CONTENT / "liveblog.txt", tmp_path / "liveblog.txt")
    (tmp_path / "source.yml").write_text("outlet: [unclosed\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run_parse("liveblog.txt", capsys)
    assert (code, out) == (1, "")
    assert err.startswith("source.yml:")


def test_the_console_command_exits_1_without_a_traceback(tmp_path):
    (tmp_path / "blog.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = subprocess.run(
        [sys.executable, "-m", "generator.cli", "parse", "blog.bin"],
        cwd=tmp_path,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        "blog.bin:3:1: file is binary, not text (it contains a NUL byte) "
        "(save it as plain UTF-8 text)\n"
    )


PASTE = """Skip to main content
Live
Harbour council votes on the barrier plan in Rotterdam
Mon 2 Jun 2025 09.10 BST
Council members meet for a final debate on the plan.
Share
11.02am BST
Key event
Vote passes
By Pieter Janssen
The council voted 31 to 14 for the plan.
Updated at 11.20am BST
Share
10.45am BST
Pinned post
Debate opens
A view of the barrier. Photograph: Jan de Vries/Harbour Press
The debate opened at 10.45.
"""


def test_parse_shows_each_entrys_parts_and_every_left_out_line(tmp_path, capsys, monkeypatch):
    (tmp_path / "liveblog.txt").write_text(PASTE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_parse("liveblog.txt", capsys)
    assert code == 0
    model = yaml.safe_load(out)
    assert (model["language"], model["published"]) == ("en", "2025-06-02T09:10:00+01:00")
    assert model["entries"] == [
        {
            "anchor": "2025-06-02-1045",
            "posted": "2025-06-02T10:45:00+01:00",
            "time": "10.45am BST",
            "line": 14,
            "title": "Debate opens",
            "pinned": True,
            "captions": ["A view of the barrier. Photograph: Jan de Vries/Harbour Press"],
            "paragraphs": ["The debate opened at 10.45."],
        },
        {
            "anchor": "2025-06-02-1102",
            "posted": "2025-06-02T11:02:00+01:00",
            "time": "11.02am BST",
            "line": 7,
            "title": "Vote passes",
            "byline": "By Pieter Janssen",
            "updated": "2025-06-02T11:20:00+01:00",
            "key_event": True,
            "paragraphs": ["The council voted 31 to 14 for the plan."],
        },
    ]
    comments = [line for line in out.splitlines() if line.startswith("#")]
    assert "#     8 marker    Key event" in comments
    assert "#    12 updated   Updated at 11.20am BST" in comments
    assert "#    17 caption   A view of the barrier. Photograph: Jan de Vries/Harbour Press" in (
        comments
    )
    left_out = comments[comments.index(
        "# left out as page furniture or chrome (4 lines; not part of the live-blog):"
    ) + 1:]  # fmt: skip
    assert left_out == [
        "#     1 Skip to main content",
        "#     2 Live",
        "#     6 Share",
        "#    13 Share",
    ]


def test_parse_prints_the_classification_when_the_parse_fails(tmp_path, capsys, monkeypatch):
    """The lines come from the error (``ContentError.lines``) where the parser gives them."""
    from generator import cli
    from generator.errors import ContentError, Problem
    from generator.model import ClassifiedLine

    def failing(text, path, options):
        error = ContentError(Problem(path, 2, 1, "no date for entry 10:00", "", "no-date"))
        error.lines = (  # type: ignore[attr-defined]
            ClassifiedLine(1, "headline", "Headline"),
            ClassifiedLine(2, "time", "10:00"),
            ClassifiedLine(3, "furniture", "Share"),
        )
        raise error

    (tmp_path / "blog.txt").write_text("Headline\n10:00\nShare\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(cli, "parse_liveblog", failing)
    code, out, err = run_parse("blog.txt", capsys)
    assert code == 1
    assert out.splitlines() == [
        "# 3 lines: headline 1, time 1, furniture 1, blank 0",
        "#     1 headline  Headline",
        "#     2 time      10:00",
        "#     3 furniture Share",
        "# left out as page furniture or chrome (1 line; not part of the live-blog):",
        "#     3 Share",
    ]
    assert err == "blog.txt:2:1: no date for entry 10:00\n"


def test_a_real_failed_parse_shows_how_the_parser_read_each_line(tmp_path, capsys, monkeypatch):
    (tmp_path / "blog.txt").write_text(
        "Harbour council votes on the barrier plan today\n\n10:45\nThe debate opens.\nShare\n",
        "utf-8",
    )
    monkeypatch.chdir(tmp_path)
    code, out, err = run_parse("blog.txt", capsys)
    assert code == 1
    assert "blog.txt:3:1: no date for entry 10:45 (" in err
    assert out.splitlines() == [
        "# 5 lines: headline 1, time 1, paragraph 1, furniture 1, blank 1",
        "#     1 headline  Harbour council votes on the barrier plan today",
        "#     3 time      10:45",
        "#     4 paragraph The debate opens.",
        "#     5 furniture Share",
        "# left out as page furniture or chrome (1 line; not part of the live-blog):",
        "#     5 Share",
    ]


def test_parse_output_loads_back_as_the_data(tmp_path, capsys, monkeypatch):
    """Hostile text (YAML syntax, control characters, line separators) survives the writer."""
    from generator.cli import _describe
    from generator.parse import parse_liveblog

    text = (
        "Headline: with a colon & *star* #hash\n16 May 2025\n10:00 GMT\n"
        "- not: a list\u2028still the same line\x85 \x7f 'yes' no ~ \"quoted\"\n"
    )
    (tmp_path / "blog.txt").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_parse("blog.txt", capsys)
    assert code == 0
    assert yaml.safe_load(out) == _describe(parse_liveblog(text, "blog.txt"))
