"""`mkdocs serve` converts again only the pages whose Markdown changed, and still serves
exactly the site a full build makes.

A real `mkdocs serve` on a copy of the seed: each save is checked on the pages it touches
(one annotation: one page; a background note's title: the navigation of every page; a new
key moment: the overview and the timeline), and at the end every page, the sitemap and the
search index it serves are compared byte for byte with a fresh `mkdocs build` of the same
content.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from engine_serving import Server, serving

from generator.cache import ContentCache
from generator.pipeline import build

pytestmark = [pytest.mark.site, pytest.mark.slow]


def _conversions(server: Server) -> list[int]:
    return [converted for converted, _ in server.rebuilds()]


def _kept(server: Server) -> int:
    """How many files the last rebuild wrote as the theme rendered them before."""
    return server.rebuilds()[-1][1]


def _without_livereload(html: bytes) -> bytes:
    """The page as written to disk: serve adds its reload script right before </body>."""
    end = html.rindex(b"</body>")
    start = html.rindex(b"<script>", 0, end)
    assert html[end - len(b"</script>") : end] == b"</script>"
    return html[:start] + html[end:]


def _fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as response:
        return bytes(response.read())


def test_a_save_converts_only_changed_pages_and_serves_what_a_full_build_makes(
    tmp_explainer, tmp_path
):
    project = tmp_explainer()
    content = project / "content"
    command = [sys.executable, "-m", "mkdocs", "serve", "--livereload"]
    with serving(command, project, tmp_path / "serve.log") as server:
        server.wait("the overview", lambda: "is the official romanisation" in server.get(""))

        # One annotation's words: its page (the overview) and nothing else is converted.
        server.saved(
            content / "annotations.yml",
            "is the official romanisation",
            "is, now, the official romanisation",
        )
        assert "is, now, the official romanisation" in server.get("")
        assert _conversions(server)[-1] == 1
        # Every other page, the 404 page and the sitemap are written as they were rendered.
        assert _kept(server) == len(build(content).pages) - 1 + 2

        # A note's title is in the navigation of every page, converted again or not.
        note = content / "background" / "congress-of-berlin.md"
        server.saved(
            note,
            'title: "Congress of Berlin (1878)"',
            'title: "The Berlin Congress (1878)"',
        )
        for page in ("", "timeline/", "glossary/people/", "about/"):
            assert "The Berlin Congress (1878)" in server.get(page), page
        assert _kept(server) == 0
        assert "Congress of Berlin (1878)" not in server.get("timeline/")

        # A new key moment: the overview lists it and the timeline badges its entry.
        overview_before, timeline_before = server.get(""), server.get("timeline/")
        server.saved(content / "source.yml", '"19:42"]', '"19:42", "17:14"]')
        assert server.get("") != overview_before and server.get("timeline/") != timeline_before
        assert re.search(r'href="[^"]*#2025-05-16-1714"', server.get("")), "key moment link"
        assert _conversions(server)[-1] >= 2
        # The navigation is the same: every page not converted (and the 404 page and the
        # sitemap) is written as it was rendered.
        assert _kept(server) == len(build(content).pages) - _conversions(server)[-1] + 2

        files = _full_build(project, server.base, tmp_path / "full")
        served = {name: _fetch(server.base + url) for url, name in files}
    for name, data in served.items():
        expected = (tmp_path / "full" / name).read_bytes()
        if name.endswith(".html"):
            data = _without_livereload(data)
        assert data == expected, f"{name} differs from a full build's"


def _full_build(project: Path, base: str, full: Path) -> list[tuple[str, str]]:
    """Build the same content fully, for the server's address; (URL, file) to compare."""
    config = (project / "mkdocs.yml").read_text("utf-8")
    config = re.sub(r"^site_url: .*$", f"site_url: {base}", config, flags=re.MULTILINE)
    (project / "full.yml").write_text(config, "utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", "full.yml", "-d", str(full)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    names = sorted(p.relative_to(full).as_posix() for p in full.rglob("*.html"))
    names += ["search/search_index.json", "sitemap.xml"]
    return [(name.removesuffix("index.html"), name) for name in names]


def test_the_content_cache_rereads_only_changed_files(tmp_explainer):
    project = tmp_explainer()
    cache = ContentCache()
    first = build(project / "content", cache=cache)
    assert "liveblog" in cache.computed and "glossary" in cache.computed
    # annotations.yml is kept too, with what its loader reported as it read (repeated on
    # reuse: test_a_kept_file_still_reports_its_warnings).
    assert "annotations" in cache.computed

    cache.start_build()
    assert build(project / "content", cache=cache).pages == first.pages
    assert cache.computed == []

    annotations = project / "content" / "annotations.yml"
    annotations.write_text(
        annotations.read_text("utf-8").replace(
            "official romanisation", "official, changed romanisation", 1
        ),
        "utf-8",
    )
    cache.start_build()
    changed = build(project / "content", cache=cache)
    assert cache.computed == ["annotations"]  # the live-blog, glossary and notes were kept
    assert changed.pages == build(project / "content").pages  # the same as without a cache
    assert changed.pages["index.md"] != first.pages["index.md"]


def test_a_kept_file_still_reports_its_warnings(tmp_explainer):
    # annotations.yml reports as it reads (a record pasted twice is a warning, not an
    # error); a build that reuses the kept read must report the same, in the same words.
    project = tmp_explainer()
    annotations = project / "content" / "annotations.yml"
    text = annotations.read_text("utf-8")
    first = text[text.index("- entry:") :].split("\n\n- entry:")[0].rstrip("\n")
    annotations.write_text(text.rstrip("\n") + "\n\n" + first + "\n", "utf-8")
    cache = ContentCache()
    fresh = build(project / "content", cache=cache)
    assert any("word for word" in problem.message for problem in fresh.warnings)

    cache.start_build()
    kept = build(project / "content", cache=cache)
    assert cache.computed == []  # annotations.yml was not read again
    assert kept.warnings == fresh.warnings == build(project / "content").warnings
