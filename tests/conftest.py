"""Shared test helpers: paths, a throwaway explainer folder, and a real MkDocs build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
SEED = CONTENT / "liveblog.txt"


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


def mkdocs_build(
    project: Path, site_dir: Path, *, strict: bool = True
) -> subprocess.CompletedProcess:
    """Run a real ``mkdocs build`` of ``project`` into ``site_dir``."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1747353600", "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "--site-dir", str(site_dir)]
    if strict:
        command.append("--strict")
    return subprocess.run(
        command, cwd=project, env=env, capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory) -> Path:
    """The bundled example built once with MkDocs and Material, for tests that read it."""
    site = tmp_path_factory.mktemp("seed-site")
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, result.stderr
    return site
