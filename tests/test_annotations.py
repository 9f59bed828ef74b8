"""Golden cases for annotations: where each quote lands, how it renders, every mistake.

Each folder under ``tests/cases/annotations/`` is one situation. Its ``annotations.yml``
(and, if it has one, ``liveblog.txt``, ``source.yml`` or ``glossary.yml``) joins the bundled
live-blog and source.yml in a fresh content folder; nothing else is there, so no mention
links clutter the output. Beside it, ``expected-error.txt`` holds the exact report the build
stops with, or ``expected.md`` the Markdown of every annotated block: its paragraphs with
the marked quotes and markers, then its notes (and any warnings, last). Adding a case means
adding a folder; ``UPDATE_GOLDEN=1`` rewrites the expected files from the current output.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support import assert_golden

from generator.errors import ContentError
from generator.model import Explainer
from generator.pipeline import assemble
from generator.render import blocks as render_parts
from generator.render.router import Router

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).parent / "cases" / "annotations"
EXPECTED = ("expected-error.txt", "expected.md")


def _cases() -> list[Path]:
    return sorted(d for d in CASES.iterdir() if d.is_dir() and not d.name.startswith("_"))


def make_content(case: Path, where: Path) -> Path:
    """The bundled live-blog and source.yml with the case's files laid over them."""
    content = where / "content"
    content.mkdir(parents=True)
    for name in ("liveblog.txt", "source.yml"):
        shutil.copy(ROOT / "content" / name, content / name)
    for file in case.iterdir():
        if file.is_file() and file.name not in EXPECTED:
            shutil.copy(file, content / file.name)
    return content


def rendered_annotations(explainer: Explainer) -> str:
    """Every block that carries annotations, as the pages render it, in reading order."""
    router = Router(explainer)
    parts = []
    for key, block in explainer.blocks.items():
        if not any(block.annotations):
            continue
        if key == "headline":
            lines = ["# " + render_parts.render_headline(explainer, router), ""]
            lines += render_parts.render_annotation_notes(block, "index.md", router)
        else:
            lines = render_parts.render_block(block, router.entry_page(key), router)
        parts.append(f"<!-- {key} -->\n" + "\n".join(lines).strip() + "\n")
    return "\n".join(parts)


def outcome(content: Path) -> tuple[str, str]:
    """("expected-error.txt", the report) or ("expected.md", the rendered blocks)."""
    try:
        explainer = assemble(content)
    except ContentError as error:
        return "expected-error.txt", str(error) + "\n"
    warnings = "".join(f"{warning.as_warning()}\n" for warning in explainer.warnings)
    return "expected.md", rendered_annotations(explainer) + (
        f"\n<!-- warnings -->\n{warnings}" if warnings else ""
    )


@pytest.mark.parametrize("case", _cases(), ids=lambda case: case.name)
def test_annotation_case(case: Path, tmp_path, monkeypatch):
    make_content(case, tmp_path)
    monkeypatch.chdir(tmp_path)  # so messages name "content/annotations.yml", as editors see it
    name, actual = outcome(Path("content"))
    assert_golden(case / name, actual, choices=EXPECTED)


def test_every_case_has_one_expectation():
    for case in _cases():
        present = [file for file in EXPECTED if (case / file).is_file()]
        assert len(present) == 1, f"{case.name} needs exactly one of {EXPECTED}"
