"""``explainer new LIVEBLOG DIR``: a new folder that builds and serves at once, never
overwrites, and carries nothing of the bundled RT example.

The live-blog is synthetic (written here, in the style of a UK outlet's paste with its page
chrome), so any word of the example found in the new site came from the package.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml
from support import ROOT, mkdocs_build

from generator.check import check_content
from generator.cli import main
from generator.load import load_source
from generator.scaffold import ASSETS, SCHEMAS

PASTE = (
    "\ufeffSkip to main content\r\n"
    "Live\r\n"
    "Harbour council votes on the Maeslant flood barrier plan in Rotterdam\r\n"
    "Mon 2 Jun 2025 09.10 BST\r\n"
    "Council members meet for a final debate; Annelies Verhoeven leads the Green Harbour party.\r\n"
    "Share\r\n"
    "11.02am BST\r\n"
    "Vote passes\r\n"
    "By Pieter Janssen\r\n"
    'The council voted 31 to 14. Annelies Verhoeven of Green Harbour called it "a gamble".\r\n'
    "Updated at 11.20am BST\r\n"
    "Share\r\n"
    "10.45am BST\r\n"
    "Debate opens\r\n"
    "A view of the barrier. Photograph: Jan de Vries/Harbour Press\r\n"
    "Pieter Janssen reports that Green Harbour wants the costs <b>audited</b> & *published*.\r\n"
    "Share\r\n"
)
EXAMPLE_WORDS = re.compile(
    r"\bRT\b|Kiev|Kyiv|Istanbul|Russia|Ukrain|Moscow|Medinsky|Zelensk|Dolmabah|Erdogan|"
    r"Putin|Trump|Key moments?|16 May 2025",
    re.IGNORECASE,
)
"""Words of the bundled example (its outlet, places, people, date, key moments)."""


@pytest.fixture
def blog(tmp_path: Path) -> Path:
    path = tmp_path / "pasted.txt"
    path.write_bytes(PASTE.encode("utf-8"))
    return path


def run_new(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["new", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_new_writes_a_content_folder_from_what_the_text_says(blog, tmp_path, capsys):
    folder = tmp_path / "harbour"
    code, out, err = run_new(capsys, str(blog), str(folder), "--outlet", "Harbour Post")
    assert (code, err) == (0, "")
    assert "wrote 7 files" in out
    content = folder / "content"
    assert (content / "liveblog.txt").read_bytes() == PASTE.encode("utf-8")  # BOM, CRLF kept
    source_text = (content / "source.yml").read_text("utf-8")
    assert source_text.splitlines()[0] == (
        f"# yaml-language-server: $schema={SCHEMAS / 'source.schema.json'}"
    )
    assert (SCHEMAS / "source.schema.json").is_file()
    assert 'outlet: "Harbour Post"  # given with --outlet' in source_text
    assert (
        'headline: "Harbour council votes on the Maeslant flood barrier plan in Rotterdam"'
        "  # from line 3"
    ) in source_text
    assert 'published: "2025-06-02"  # from line 4: Mon 2 Jun 2025 09.10 BST' in source_text
    assert 'timezone: "BST"  # from line 4: Mon 2 Jun 2025 09.10 BST' in source_text
    assert 'order: "newest-first"  # detected: the entry at line 7 (11:02) is the newest' in (
        source_text
    )
    assert "key_moments:" not in source_text.replace("# key_moments:", "")
    source = load_source(content / "source.yml")
    assert (source.outlet, source.published.isoformat(), source.timezone, source.language) == (
        "Harbour Post",
        "2025-06-02",
        "BST",
        "en",
    )
    assert source.key_moments == ()
    for kind in ("glossary", "annotations"):
        text = (content / f"{kind}.yml").read_text("utf-8")
        assert (
            text.splitlines()[0] == f"# yaml-language-server: $schema={SCHEMAS}/{kind}.schema.json"
        )
        assert yaml.safe_load(text) is None  # comments only: no record yet
    glossary = (content / "glossary.yml").read_text("utf-8")
    assert re.search(r'^#   name: "Green Harbour"  # \d times, first at line 5$', glossary, re.M)
    assert "# - id: green-harbour" in glossary
    report = check_content(content)
    assert (report.problems, report.warnings) == ([], [])
    assert [s.name for s in report.suggestions][:1] == ["Green Harbour"]
    assert (folder / "docs" / "assets" / "explainer.css").read_bytes() == (
        ASSETS / "explainer.css"
    ).read_bytes()


def test_without_an_outlet_the_placeholder_is_said_out_loud(blog, tmp_path, capsys):
    folder = tmp_path / "harbour"
    code, out, _ = run_new(capsys, str(blog), str(folder))
    assert code == 0
    assert f"todo: {folder}/content/source.yml: set 'outlet' (not found in the text)" in out
    source = (folder / "content" / "source.yml").read_text("utf-8")
    assert 'outlet: "Unknown outlet"  # not in the text: who published it?' in source


def test_an_existing_folder_that_is_not_empty_is_refused_and_left_alone(blog, tmp_path, capsys):
    folder = tmp_path / "taken"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", "utf-8")
    code, out, err = run_new(capsys, str(blog), str(folder))
    assert (code, out) == (1, "")
    assert err == (
        f"{folder}: folder is not empty; nothing was written "
        "(choose a new folder, or an empty one)\n"
    )
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]
    assert (folder / "notes.txt").read_text("utf-8") == "mine"


def test_a_file_in_the_way_is_refused_and_an_empty_folder_is_used(blog, tmp_path, capsys):
    (tmp_path / "file").write_text("x", "utf-8")
    code, _, err = run_new(capsys, str(blog), str(tmp_path / "file"))
    assert code == 1
    assert err.endswith("file: exists and is not a folder; nothing was written "
                        "(choose a new folder for the explainer)\n")  # fmt: skip
    (tmp_path / "empty").mkdir()
    code, _, _ = run_new(capsys, str(blog), str(tmp_path / "empty"))
    assert code == 0
    assert (tmp_path / "empty" / "mkdocs.yml").is_file()


def test_an_unreadable_live_blog_writes_nothing(tmp_path, capsys):
    (tmp_path / "blog.txt").write_bytes(b"Headline\x00")
    code, _, err = run_new(capsys, str(tmp_path / "blog.txt"), str(tmp_path / "new"))
    assert code == 1
    assert "file is binary" in err
    assert not (tmp_path / "new").exists()


def test_a_live_blog_that_does_not_parse_yet_gets_placeholders_and_the_reasons(
    tmp_path, capsys, monkeypatch
):
    (tmp_path / "blog.txt").write_text(
        "Harbour council votes on the barrier plan today\n\n10:45\nThe debate opens.\n", "utf-8"
    )
    monkeypatch.chdir(tmp_path)
    code, out, err = run_new(capsys, "blog.txt", "new")
    assert code == 1
    assert "new/content/liveblog.txt:3:1: no date for entry 10:45" in err
    assert "then `explainer check new/content`" in err
    source = (tmp_path / "new" / "content" / "source.yml").read_text("utf-8")
    assert "# published: ...  # the day of publication, YYYY-MM-DD" in source
    assert "todo: new/content/source.yml: set 'published' (not found in the text)" in out
    # The editor fills in what the text does not say, and the explainer is sound.
    source_path = tmp_path / "new" / "content" / "source.yml"
    source_path.write_text(
        source.replace("# published: ...", 'published: "2025-06-02"  #').replace(
            "# timezone: ...", "timezone: BST  #"
        ),
        "utf-8",
    )
    report = check_content(tmp_path / "new" / "content")
    assert (report.problems, report.warnings) == ([], [])
    assert report.explainer is not None
    assert report.explainer.liveblog.entries[0].posted.isoformat() == "2025-06-02T10:45:00+01:00"


def test_mkdocs_yml_has_the_bundled_theme_and_extensions_and_nothing_of_the_example(
    blog, tmp_path, capsys
):
    run_new(capsys, str(blog), str(tmp_path / "new"), "--outlet", "Harbour Post")
    new = yaml.safe_load((tmp_path / "new" / "mkdocs.yml").read_text("utf-8"))
    bundled = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))
    for key in ("theme", "plugins", "markdown_extensions", "validation", "extra_css", "docs_dir"):
        assert new.get(key) == bundled.get(key), key
    assert new["site_name"] == (
        "Harbour council votes on the Maeslant flood barrier plan in Rotterdam"
    )
    assert "site_description" not in new and "site_url" not in new


def test_the_package_ships_the_sites_stylesheet_as_the_example_has_it():
    """``explainer new`` copies the package's assets; the example's ``docs/assets/`` are
    links to those very files, so there is one copy to edit."""
    assets = sorted((ROOT / "docs" / "assets").iterdir())
    assert {asset.name for asset in assets} == {"explainer.css", "explainer.js"}
    for asset in assets:
        assert asset.is_symlink(), f"docs/assets/{asset.name} should link to the package's copy"
        assert asset.resolve() == (ASSETS / asset.name).resolve(), asset.name


def _pages_text(site: Path) -> dict[str, str]:
    return {
        str(p.relative_to(site)): p.read_text("utf-8")
        for p in site.rglob("*.html")
        if p.name != "404.html"
    }


@pytest.mark.site
def test_the_new_folder_builds_strictly_with_nothing_of_the_example(blog, tmp_path, capsys):
    folder = tmp_path / "new"
    assert run_new(capsys, str(blog), str(folder), "--outlet", "Harbour Post")[0] == 0
    result = mkdocs_build(folder, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    pages = _pages_text(tmp_path / "site")
    assert {"index.html", "timeline/index.html", "about/index.html"} <= set(pages)
    for name, html in pages.items():
        found = EXAMPLE_WORDS.findall(html)
        assert not found, f"{name} shows {found}"
    about = pages["about/index.html"]
    assert "including where their spelling or framing differs from the common record." in about
    # The pasted words are there, escaped, not as markup.
    timeline = pages["timeline/index.html"]
    assert "costs &lt;b&gt;audited&lt;/b&gt; &amp; *published*" in timeline.replace(
        "&#60;", "&lt;"
    ).replace("&#62;", "&gt;").replace("&#38;", "&amp;").replace("&#42;", "*")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


@pytest.mark.site
@pytest.mark.slow
def test_the_new_folder_is_served_by_mkdocs_serve(blog, tmp_path, capsys):
    folder = tmp_path / "new"
    assert run_new(capsys, str(blog), str(folder), "--outlet", "Harbour Post")[0] == 0
    port = _free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"}
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=folder,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 90
        page = None
        while time.monotonic() < deadline and server.poll() is None:
            page = _get(f"http://127.0.0.1:{port}/timeline/")
            if page and "The council voted 31 to 14." in page:
                break
            time.sleep(0.3)
        assert page and "The council voted 31 to 14." in page, log.read_text("utf-8")
        overview = _get(f"http://127.0.0.1:{port}/")
        assert overview and "Harbour council votes on the Maeslant flood barrier plan" in overview
        assert "Traceback" not in log.read_text("utf-8")
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
