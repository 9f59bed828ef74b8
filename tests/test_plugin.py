"""The MkDocs plugin: warnings count under --strict, content errors stop the build cleanly.

Real `mkdocs build` runs on throwaway copies of the project; the messages are asserted as an
editor reads them in the terminal, file:line:col first.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support import CONTENT, mkdocs_build

pytestmark = pytest.mark.site

UNUSED_TERM = """
- id: atlantis
  name: "Atlantis"
  kind: place
  summary: "A legendary island."
  sources:
    - title: "Atlantis (Wikipedia)"
      url: "https://en.wikipedia.org/wiki/Atlantis"
"""


def _glossary_with_unused_term() -> tuple[str, int]:
    glossary = (CONTENT / "glossary.yml").read_text("utf-8")
    text = glossary.rstrip("\n") + "\n" + UNUSED_TERM
    line = text.splitlines().index("- id: atlantis") + 1
    return text, line


def test_a_warning_fails_the_strict_build_only(tmp_explainer, tmp_path):
    glossary, line = _glossary_with_unused_term()
    project = tmp_explainer({"glossary.yml": glossary})
    warning = re.compile(
        rf"WARNING +- +explainer: content/glossary\.yml:{line}:\d+: "
        r"glossary term 'atlantis' is never mentioned"
    )

    strict = mkdocs_build(project, tmp_path / "strict", strict=True)
    assert strict.returncode == 1
    assert warning.search(strict.stderr), strict.stderr
    assert "Aborted with 1 warnings in strict mode!" in strict.stdout + strict.stderr

    relaxed = mkdocs_build(project, tmp_path / "relaxed", strict=False)
    assert relaxed.returncode == 0, relaxed.stderr
    assert warning.search(relaxed.stderr), relaxed.stderr
    assert (tmp_path / "relaxed" / "timeline" / "index.html").is_file()


def test_a_content_error_stops_the_build_with_file_line_and_column(tmp_explainer, tmp_path):
    annotations = (CONTENT / "annotations.yml").read_text("utf-8")
    broken = annotations.replace('quote: "Kiev"\n', 'quote: "Kiiev"\n', 1)
    assert broken != annotations
    project = tmp_explainer({"annotations.yml": broken})

    result = mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert re.search(
        r"^content/annotations\.yml:(8|9):\d+: quote not found in the intro: 'Kiiev' "
        r"\(did you mean 'Kiev'\?\)$",
        output,
        re.MULTILINE,
    ), output
    assert "Traceback" not in output
    assert "Aborted with a BuildError!" in output


def test_a_broken_liveblog_names_the_file(tmp_explainer, tmp_path):
    project = tmp_explainer({"liveblog.txt": b"Headline\ncaf\xe9 au lait\n"})  # Latin-1
    result = mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert re.search(r"^content/liveblog\.txt:2:4: .*UTF-8", output, re.MULTILINE), output
    assert "Traceback" not in output


@pytest.mark.parametrize("page", ["timeline.md", "timeline/index.md", "about.md"])
def test_a_docs_page_that_clashes_with_a_generated_page_is_an_error(page, tmp_explainer, tmp_path):
    project = tmp_explainer()
    hand_written = project / "docs" / page
    hand_written.parent.mkdir(parents=True, exist_ok=True)
    hand_written.write_text("# Mine\n", encoding="utf-8")

    result = mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 1
    generated = Path(page).with_suffix("").as_posix().removesuffix("/index") + ".md"
    assert f"docs/{page} clashes with the generated page {generated}" in output, output
    assert "Traceback" not in output
