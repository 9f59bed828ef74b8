"""``explainer check``: every problem of a content folder at once, exit codes, suggestions."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.check import check_content
from generator.cli import main
from generator.errors import ContentError
from generator.pipeline import build

ROOT = Path(__file__).resolve().parent.parent

SOURCE = 'outlet: Test Wire\nheadline: "Atlantis talks"\npublished: "2025-05-16"\ntimezone: GMT\n'
LIVEBLOG = """\
Atlantis talks end in Port Royal
The Atlantis Council met in Port Royal on Monday.
16 May 2025
12:30 GMT
Speaking to reporters, Admiral Nemo said the Atlantis Council would meet again. The council met.
12:00 GMT
Speaking later, Nemo’s aide said Port Royal was calm. Mr Nemo agreed with Port Royal.
"""
GLOSSARY = """\
- id: captain-nemo
  name: "Admiral Nemo"
  kind: person
  aliases: ["Nemo"]
  summary: "A fictional admiral."
  sources:
    - title: "Twenty Thousand Leagues Under the Seas"
      url: "https://example.org/nemo"
"""


def write_content(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_the_bundled_content_checks_clean_with_exit_code_0():
    result = subprocess.run(
        [sys.executable, "-m", "generator.cli", "check", "content"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.splitlines()[-1].startswith("content: 10 entries, ")
    assert result.stdout.splitlines()[-1].endswith(" annotations: no errors")


def test_problems_in_every_file_are_reported_together_with_exit_code_1(
    tmp_explainer, monkeypatch, capsys
):
    project = tmp_explainer()
    content = project / "content"
    replace = {
        "source.yml": ("timezone: GMT", "timezone: GMT\ntimezone: UTC"),
        "annotations.yml": ('quote: "Vladimir Zelensky"', 'quote: "Vladimir Zelenksy"'),
        "background/congress-of-berlin.md": ("place:", "plaec:"),
    }
    for name, (old, new) in replace.items():
        text = (content / name).read_text(encoding="utf-8")
        assert old in text, name
        (content / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    annotations = (content / "annotations.yml").read_text(encoding="utf-8")
    misquoted = annotations[: annotations.index("Vladimir Zelenksy")].count("\n") + 1
    record = len(annotations.splitlines()) + 2  # after a blank line
    annotations += '\n- entry: "16:49"\n  quote: "Gomel"\n  kind: opinion\n  text: "x"\n'
    (content / "annotations.yml").write_text(annotations, encoding="utf-8")
    monkeypatch.chdir(project)
    assert main(["check", "content"]) == 1
    errors = capsys.readouterr().err.splitlines()
    assert [line.split(": ", 1)[0] for line in errors] == [
        "content/source.yml:8:1",
        "content/background/congress-of-berlin.md:1:1",
        "content/background/congress-of-berlin.md:4:1",
        f"content/annotations.yml:{misquoted}:10",
        f"content/annotations.yml:{record}:3",  # no sources
        f"content/annotations.yml:{record + 2}:9",  # unknown kind
        "content",
    ]
    assert errors[0] == (
        "content/source.yml:8:1: duplicate key 'timezone' (first on line 7) "
        "(keep one; YAML would silently use the last)"
    )
    assert errors[3] == (
        f"content/annotations.yml:{misquoted}:10: quote not found in the intro: "
        "'Vladimir Zelenksy' (did you mean 'Vladimir Zelensky'?)"
    )
    assert errors[-1] == "content: 6 problems"


def test_a_missing_folder_is_an_error(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["check", "nowhere"]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        "nowhere: content folder not found (create it, or point the plugin's 'content_dir' at it)"
    )


def test_recurring_names_without_a_glossary_entry_are_suggested(tmp_path, monkeypatch, capsys):
    write_content(
        tmp_path / "content",
        {"source.yml": SOURCE, "liveblog.txt": LIVEBLOG, "glossary.yml": GLOSSARY},
    )
    monkeypatch.chdir(tmp_path)
    assert main(["check", "content"]) == 0  # suggestions are no errors
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "Names that recur in the live-blog without a glossary entry:",
        "suggestion: content/liveblog.txt:1:23: 'Port Royal' occurs 4 times and has no "
        "glossary entry (add a term to glossary.yml, or the name as an alias of one)",
        "suggestion: content/liveblog.txt:2:5: 'Atlantis Council' occurs 2 times and has no "
        "glossary entry (add a term to glossary.yml, or the name as an alias of one)",
        "content: 2 entries, 1 glossary terms, 0 background notes, 0 annotations: no errors",
    ]


def test_nothing_is_suggested_once_the_glossary_has_the_names(tmp_path, monkeypatch, capsys):
    glossary = GLOSSARY + GLOSSARY.replace("captain-nemo", "port-royal").replace(
        '"Admiral Nemo"', '"Port Royal"'
    ).replace('["Nemo"]', '["Atlantis Council"]').replace("person", "place")
    write_content(
        tmp_path / "content",
        {"source.yml": SOURCE, "liveblog.txt": LIVEBLOG, "glossary.yml": glossary},
    )
    monkeypatch.chdir(tmp_path)
    assert main(["check", "content"]) == 0
    assert "suggestion" not in capsys.readouterr().out


UNUSED = GLOSSARY.replace("captain-nemo", "ned-land").replace('"Admiral Nemo"', '"Ned Land"')
UNUSED = UNUSED.replace('["Nemo"]', '["Land"]')


def test_warnings_print_as_problem_matchers_read_them_and_strict_fails_on_them(
    tmp_path, monkeypatch, capsys
):
    write_content(
        tmp_path / "content",
        {"source.yml": SOURCE, "liveblog.txt": LIVEBLOG, "glossary.yml": GLOSSARY + UNUSED},
    )
    monkeypatch.chdir(tmp_path)
    warning = (
        "content/glossary.yml:9:3: warning: glossary term 'ned-land' is never mentioned "
        "(check its name and aliases against the live-blog, capitals included, or remove "
        "the term)"
    )
    assert main(["check", "content"]) == 0
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [warning]
    assert captured.out.splitlines()[-1].endswith("no errors, 1 warnings")
    assert main(["check", "--strict", "content"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        warning,
        "content: 0 problems, 1 warning (--strict)",
    ]


def test_editor_lock_and_backup_files_are_not_content(tmp_explainer, monkeypatch, capsys):
    project = tmp_explainer(
        {
            "background/.#congress-of-berlin.md": "lock",
            "background/#congress-of-berlin.md#": "autosave",
            "background/congress-of-berlin.md~": "backup",
            "background/.congress-of-berlin.md.swp": b"\x00swap",
            "glossary/.#people.yml": "lock",
            "glossary/people.yml~": "- broken: [",
        }
    )
    monkeypatch.chdir(project)
    assert main(["check", "--strict", "content"]) == 0, capsys.readouterr().err


def test_check_watch_checks_again_on_every_save(tmp_explainer, tmp_path):
    project = tmp_explainer()
    log = tmp_path / "watch.log"
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            [sys.executable, "-u", "-m", "generator.cli", "check", "--watch", "content"],
            cwd=project,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:

        def wait_for(text: str) -> None:
            deadline = time.monotonic() + 60
            while text not in log.read_text("utf-8"):
                assert process.poll() is None, log.read_text("utf-8")
                assert time.monotonic() < deadline, log.read_text("utf-8")
                time.sleep(0.2)

        wait_for("annotations: no errors")
        wait_for("--- watching content")
        annotations = project / "content" / "annotations.yml"
        good = annotations.read_text("utf-8")
        annotations.write_text(good.replace('quote: "Kiev"\n', 'quote: "Kiiev"\n', 1), "utf-8")
        wait_for("quote not found in the intro: 'Kiiev'")
        assert "content changed; checking again" in log.read_text("utf-8")
        (project / "content" / "background" / ".#notes.md").write_text("lock", "utf-8")
        annotations.write_text(good, "utf-8")
        wait_for("content: 1 problem\n")
        time.sleep(1)
        assert log.read_text("utf-8").count("no errors") == 2
    finally:
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=15) == 0
    assert "Traceback" not in log.read_text("utf-8")


def test_the_build_reports_exactly_what_check_reports(tmp_explainer, monkeypatch):
    """One collector, one pipeline: `mkdocs serve`'s banner (the build's error) lists every
    problem of every file, the same as `explainer check`, in the same order."""
    project = tmp_explainer()
    content = project / "content"
    for name, (old, new) in {
        "source.yml": ("timezone: GMT", "timezone: GMT\ntimezone: UTC"),
        "glossary.yml": ("kind: person", "kind: persn"),
        "annotations.yml": ('quote: "Kiev"\n', 'quote: "Kiiev"\n'),
        "background/congress-of-berlin.md": ("place:", "plaec:"),
    }.items():
        text = (content / name).read_text(encoding="utf-8")
        (content / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    monkeypatch.chdir(project)
    report = check_content(Path("content"))
    with pytest.raises(ContentError) as raised:
        build(Path("content"))
    assert raised.value.problems == report.problems
    assert len({problem.path for problem in report.problems}) == 4


def test_check_reads_each_content_file_once(monkeypatch):
    reads: list[str] = []
    read_bytes = Path.read_bytes

    def counting(self: Path) -> bytes:
        reads.append(self.name)
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", counting)
    monkeypatch.chdir(ROOT)
    report = check_content(Path("content"))
    assert report.problems == []
    assert sorted(reads) == sorted(
        path.name for path in (ROOT / "content").rglob("*") if path.is_file()
    )
