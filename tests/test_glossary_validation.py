"""Golden cases for the glossary and background notes: every mistake, where and how reported.

Each folder under ``tests/cases/glossary/`` (except ``_base``) is one situation: its files
replace or join those of ``_base`` (a tiny explainer that builds with no warning), and
``expected-error.txt`` holds the exact report the build stops with, or
``expected-warnings.txt`` the exact warnings of a build that goes through. Adding a case
means adding a folder.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support import assert_golden

from generator.errors import ContentError
from generator.pipeline import assemble

CASES = Path(__file__).parent / "cases" / "glossary"
BASE = CASES / "_base"
EXPECTED = ("expected-error.txt", "expected-warnings.txt")


def _cases() -> list[Path]:
    return sorted(d for d in CASES.iterdir() if d.is_dir() and not d.name.startswith("_"))


def make_content(case: Path, where: Path) -> Path:
    """The base explainer with the case's files laid over it, as ``where/content``."""
    content = where / "content"
    shutil.copytree(BASE, content)
    for file in case.rglob("*"):
        if file.is_file() and file.name not in EXPECTED:
            target = content / file.relative_to(case)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(file, target)
    return content


def report(content: Path) -> tuple[str, str]:
    """("error" or "warnings", the text an editor would read) for a content folder."""
    try:
        explainer = assemble(content)
    except ContentError as error:
        return "error", str(error)
    return "warnings", "\n".join(str(problem) for problem in explainer.warnings)


def test_the_base_builds_without_a_warning(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(BASE, tmp_path / "content")
    assert report(Path("content")) == ("warnings", "")


@pytest.mark.parametrize("case", _cases(), ids=lambda case: case.name)
def test_glossary_case(case: Path, tmp_path, monkeypatch):
    make_content(case, tmp_path)
    monkeypatch.chdir(tmp_path)  # so messages name "content/glossary.yml", as editors see it
    kind, text = report(Path("content"))
    assert_golden(case / f"expected-{kind}.txt", text + "\n", choices=EXPECTED)
