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
    assert len(summary) == 1 + 45


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
        "(check the date line against the original)\n"
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
    assert (code, out, err) == (1, "", f"news/blog.txt:{error}\n")


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
