"""Two builds of the same content give byte-identical sites (SOURCE_DATE_EPOCH set).

The second build runs from a copy of the project in another folder, so neither an absolute
path nor the order of a directory listing can slip into a page unnoticed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support import mkdocs_build


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


@pytest.mark.site
def test_two_builds_are_byte_identical(tmp_explainer, tmp_path):
    project = tmp_explainer()
    elsewhere = tmp_path / "elsewhere" / "project"
    shutil.copytree(project, elsewhere)
    for source, site in ((project, tmp_path / "first"), (elsewhere, tmp_path / "second")):
        result = mkdocs_build(source, site)
        assert result.returncode == 0, result.stderr

    first, second = _files(tmp_path / "first"), _files(tmp_path / "second")
    assert sorted(first) == sorted(second)
    # Including the sitemap (MkDocs dates it from SOURCE_DATE_EPOCH) and the search index.
    assert {"sitemap.xml", "sitemap.xml.gz", "search/search_index.json"} <= set(first)
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []
