"""Golden render cases: tests/cases/render/<situation>/ holds a content folder and its pages.

Each case folder has:

- ``content/``: a small content folder (at least ``liveblog.txt`` and ``source.yml``);
- ``expected/<page>.md``: a generated page, byte for byte (e.g. ``expected/timeline.md``);
- ``expected/<page>.html``: optionally, that page converted by Python-Markdown with the
  project's ``mkdocs.yml`` extensions (the HTML fragment MkDocs puts in the article);
- ``expected/warnings.txt``: optionally, the build's warnings, one per line.

Adding a case means adding a folder. ``UPDATE_GOLDEN=1 pytest tests/test_render_cases.py``
writes the expected files of every case from what the generator makes now; review the diff.
"""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data
from support import assert_golden

from generator.pipeline import build

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases" / "render"


def _cases() -> list[Path]:
    return sorted(p for p in CASES.iterdir() if (p / "content").is_dir())


@pytest.fixture(scope="module")
def to_html():
    """Python-Markdown configured as the project's mkdocs.yml configures MkDocs."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    converter = markdown.Markdown(
        extensions=config.markdown_extensions, extension_configs=config.mdx_configs
    )

    def convert(text: str) -> str:
        converter.reset()
        return converter.convert(get_data(text)[0]) + "\n"  # MkDocs reads front matter first

    return convert


@pytest.mark.parametrize("case", _cases(), ids=lambda p: p.name)
def test_render_case(case: Path, to_html, monkeypatch):
    monkeypatch.chdir(case)  # messages name files as an editor in the case folder would
    site = build(Path("content"))
    expected = case / "expected"
    # The case chooses which pages it pins down (and which of them also as HTML).
    pages = sorted(expected.rglob("*.md"))
    assert pages, f"{case.name}: no expected/<page>.md; create one and run with UPDATE_GOLDEN=1"
    for wanted in pages:
        page = wanted.relative_to(expected).as_posix()
        assert page in site.pages, f"{case.name}: no generated page {page}"
        assert_golden(wanted, site.pages[page])
        html = wanted.with_suffix(".html")
        if html.exists():
            assert_golden(html, to_html(site.pages[page]))
    warnings = "".join(f"{warning}\n" for warning in site.warnings)
    if warnings or (expected / "warnings.txt").exists():
        assert_golden(expected / "warnings.txt", warnings)
