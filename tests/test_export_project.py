"""`explainer export --project DIR`: a folder that plain `mkdocs build` (no plugin) and
`zensical build` both build with no hand edits.

Plain MkDocs must make the plugin's site (the same files; the sitemap and search index as
sets, since they list pages in the order they were found). Zensical is installed from the
package index for the test (into a folder of its own, not the project's environment) and
skipped, with pip's reason, where its wheel cannot be had.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from html_tree import article

from bench.run import _same_tree

pytestmark = pytest.mark.site
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1747353600", "NO_MKDOCS_2_WARNING": "1"}


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("export") / "project"
    done = subprocess.run(
        [sys.executable, "-m", "generator.cli", "export", "--project", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return out


def test_the_project_is_complete_and_needs_no_plugin(project):
    config = yaml.safe_load((project / "mkdocs.yml").read_text("utf-8"))
    assert config["docs_dir"] == "docs" and config["theme"]["custom_dir"] == "overrides"
    assert config["plugins"] == ["search"]
    assert config["nav"][0] == {"Overview": "index.md"}
    for name in ("attr_list", "md_in_html"):
        assert name in config["markdown_extensions"]
    assert (project / "overrides" / "main.html").is_file()
    assert (project / "docs" / "assets" / "explainer.css").is_file()
    assert (project / "docs" / "timeline.md").is_file()


def test_exporting_into_a_folder_that_has_files_is_refused(project):
    done = subprocess.run(
        [sys.executable, "-m", "generator.cli", "export", "--project", str(project)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert "is not empty" in done.stderr and "Traceback" not in done.stderr


def test_plain_mkdocs_builds_the_plugins_site(project, seed_site, tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=project,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert _same_tree(tmp_path / "site", seed_site)


def _zensical(tmp_path_factory) -> list[str]:
    """How to run Zensical: the environment's, or one installed for the test."""
    try:
        import zensical  # noqa: F401

        return [sys.executable, "-m", "zensical"]
    except ImportError:
        pass
    target = tmp_path_factory.mktemp("zensical")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--target", str(target), "zensical"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or ["pip failed"])[-1]
        pytest.skip(f"Zensical could not be installed here: {reason}")
    return ["env", f"PYTHONPATH={target}", sys.executable, "-m", "zensical"]


@pytest.mark.slow
def test_zensical_builds_the_project_with_no_hand_edits(project, seed_site, tmp_path_factory):
    zensical = _zensical(tmp_path_factory)
    done = subprocess.run(
        [*zensical, "build", "--strict"],
        cwd=project,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    site = project / "site"
    for page in ("index.html", "timeline/index.html", "glossary/people/index.html"):
        # The reader's words are the plugin site's words.
        built = " ".join(article(site / page).text().split())
        assert built == " ".join(article(seed_site / page).text().split()), page
        html = (site / page).read_text("utf-8")
        assert 'property="og:title"' in html, "the theme overrides are used"
        assert not re.search(r'<(link|script)[^>]*(href|src)="(https?:)?//', html), page
