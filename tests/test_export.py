"""`explainer export DIR`: the plugin's pages on disk, byte for byte, that build without it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from html_tree import article
from mkdocs.config import load_config
from mkdocs.structure.files import Files
from support import ROOT, mkdocs_build

from generator.pipeline import build


def _plugin_pages() -> dict[str, bytes]:
    """What the plugin hands MkDocs as File.generated(...), read back as bytes."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    plugin = config.plugins["explainer"]
    plugin.on_pre_build(config=config)
    files = plugin.on_files(Files([]), config=config)
    return {file.src_uri: file.content_bytes for file in files}


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("export") / "pages"
    result = subprocess.run(
        [sys.executable, "-m", "generator.cli", "export", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("wrote "), result.stdout
    return out


def test_export_writes_what_the_plugin_serves_byte_for_byte(exported):
    served = _plugin_pages()
    written = {
        path.relative_to(exported).as_posix(): path.read_bytes()
        for path in exported.rglob("*")
        if path.is_file()
    }
    assert sorted(written) == sorted(served)
    for page, data in served.items():
        assert written[page] == data, page


def test_export_reports_content_errors_like_the_other_commands(tmp_explainer, tmp_path):
    project = tmp_explainer({"source.yml": None})
    result = subprocess.run(
        [sys.executable, "-m", "generator.cli", "export", str(tmp_path / "out")],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("content/source.yml: file not found"), result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.site
def test_exported_pages_build_with_plain_mkdocs_and_material(exported, seed_site, tmp_path):
    """No plugin: the same theme and extensions, and the Site's nav, in strict mode."""
    project_config = load_config(str(ROOT / "mkdocs.yml"))
    extensions = [
        {name: project_config.mdx_configs[name]} if name in project_config.mdx_configs else name
        for name in project_config.markdown_extensions
    ]
    plain = {
        "site_name": project_config.site_name,
        "site_url": project_config.site_url,
        "docs_dir": str(exported),
        "theme": {"name": "material", "font": False, "features": ["content.tooltips"]},
        "plugins": ["search"],
        "markdown_extensions": extensions,
        "nav": build(ROOT / "content", site_url=project_config.site_url or "").nav,
        "validation": {
            "omitted_files": "warn",
            "absolute_links": "warn",
            "unrecognized_links": "warn",
            "anchors": "warn",
        },
    }
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(plain, sort_keys=False), "utf-8")

    result = mkdocs_build(tmp_path, tmp_path / "site", strict=True)
    assert result.returncode == 0, result.stderr
    for page in ("index.html", "timeline/index.html", "about/index.html"):
        # The reader sees the same content as in the plugin's site.
        plain_text = " ".join(article(tmp_path / "site" / page).text().split())
        # The plugin's theme adds a header only print shows; the pages are the same.
        plugin = article(seed_site / page)
        plugin_text = " ".join(plugin.text(lambda e: "explainer-print-header" in e.classes).split())
        assert plain_text == plugin_text, page
