"""Shared fixtures: a throwaway explainer folder, and the seed built once with MkDocs.

Plain helpers (paths, ``mkdocs_build``, ``assert_golden``) are in ``support.py``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import support
from support import CONTENT, ROOT, mkdocs_build


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Before any fixture runs (session ones included), let ``support.mkdocs_build`` check
    that the test that needs a site is marked ``site``."""
    support.CURRENT_MARKS = {mark.name for mark in item.iter_markers()}


@pytest.fixture
def tmp_explainer(tmp_path: Path):
    """Make an explainer folder from the bundled content, with some files replaced.

    ``tmp_explainer({"annotations.yml": "..."})`` returns the project folder (with
    ``mkdocs.yml``, ``docs/`` and ``content/``); a value of None removes that file.
    """

    def make(files: dict[str, str | bytes | None] | None = None) -> Path:
        project = tmp_path / "project"
        shutil.copytree(CONTENT, project / "content")
        shutil.copytree(ROOT / "docs", project / "docs")
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        for name, data in (files or {}).items():
            target = project / "content" / name
            if data is None:
                target.unlink()
            elif isinstance(data, bytes):
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(data, encoding="utf-8")
        return project

    return make


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory) -> Path:
    """The bundled example built once with MkDocs and Material, for tests that read it."""
    site = tmp_path_factory.mktemp("seed-site")
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, result.stderr
    return site
