"""MkDocs 1.6 and ProperDocs, its continuation, build the same site with the same plugin.

Real builds of the seed with each engine; real `properdocs serve` for live reload. The only
difference allowed between the two sites is the generator tag each engine writes.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from conftest import ROOT
from engine_serving import serving

pytestmark = pytest.mark.site

GENERATOR_TAG = re.compile(rb'<meta name="generator" content="[^"]*">')
BIN = Path(sys.executable).parent
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1747353600", "NO_MKDOCS_2_WARNING": "1"}


def _engine_build(engine: str, project: Path, site: Path, *config: str) -> str:
    """``ENGINE build --strict`` in ``project``; its output (the test fails if the build does)."""
    command = [sys.executable, "-m", engine, "build", "--strict", "--site-dir", str(site), *config]
    done = subprocess.run(
        command, cwd=project, env=ENV, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout + done.stderr


def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_the_plugin_is_registered_for_both_engines():
    for group in ("mkdocs.plugins", "properdocs.plugins"):
        found = {ep.name: ep.value for ep in entry_points(group=group)}
        assert found.get("explainer") == "generator.plugin:ExplainerPlugin", group


@pytest.mark.parametrize("config_name", ["mkdocs.yml", "properdocs.yml"])
def test_properdocs_builds_the_same_site_as_mkdocs(config_name, seed_site, tmp_path):
    """With `-f mkdocs.yml`, or with the config renamed to properdocs.yml (ProperDocs' own
    name, found without `-f`): every file the same but for the generator tag."""
    project = tmp_path / "project"
    for name in ("content", "docs"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / config_name)
    flags = ["-f", "mkdocs.yml"] if config_name == "mkdocs.yml" else []
    output = _engine_build("properdocs", project, tmp_path / "site", *flags)
    assert "WARNING" not in output, output

    mkdocs_site, properdocs_site = _tree(seed_site), _tree(tmp_path / "site")
    assert sorted(properdocs_site) == sorted(mkdocs_site)
    differing = []
    for name, data in mkdocs_site.items():
        if data == properdocs_site[name]:
            continue
        tags = GENERATOR_TAG.findall(data), GENERATOR_TAG.findall(properdocs_site[name])
        assert tags[0] != tags[1] and b"ProperDocs" in tags[1][0], name
        left, right = GENERATOR_TAG.sub(b"", data), GENERATOR_TAG.sub(b"", properdocs_site[name])
        assert left == right, f"{name} differs beyond the generator tag"
        differing.append(name)
    assert "timeline/index.html" in differing  # the tag is there, and is the one difference


def test_mkdocs_users_see_no_new_warning(tmp_path):
    """Run as MkDocs users run it (the `mkdocs` command, no opt-outs set): nothing from
    ProperDocs' plugin notice, and no warning of ours."""
    env = {k: v for k, v in ENV.items() if "MKDOCS_2_WARNING" not in k}
    done = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "may break support for all existing plugins" not in output  # ProperDocs' notice
    assert not re.search(r"^WARNING", output, re.MULTILINE), output
    assert "explainer" not in output, output


@pytest.mark.slow
def test_properdocs_serve_reloads_on_a_content_save(tmp_explainer, tmp_path):
    project = tmp_explainer()
    blog = project / "content" / "liveblog.txt"
    command = [sys.executable, "-m", "properdocs", "serve", "--livereload", "-f", "mkdocs.yml"]
    with serving(command, project, tmp_path / "serve.log") as server:
        server.wait("the timeline", lambda: "The stream has ended." in server.get("timeline/"))
        assert "ProperDocs" in server.get("timeline/")  # the generator tag: ProperDocs serves
        blog.write_bytes(
            blog.read_bytes().replace(b"The stream has ended.", b"The stream has stopped.")
        )
        server.wait(
            "the saved change", lambda: "The stream has stopped." in server.get("timeline/")
        )
        # The quick path of a rebuild works under ProperDocs too: an annotation's save
        # writes the pages it did not change as the theme rendered them (rendered.py).
        annotations = project / "content" / "annotations.yml"
        annotations.write_text(
            annotations.read_text("utf-8").replace(
                "is the official romanisation", "is, now, the official romanisation", 1
            ),
            "utf-8",
        )
        server.wait(
            "the saved annotation",
            lambda: "is, now, the official romanisation" in server.get(""),
        )
        server.wait(
            "the rebuild's summary",
            lambda: any(kept > 0 for _, kept in server.rebuilds()),
        )
