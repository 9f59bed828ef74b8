"""`mkdocs serve` on a copy of the project: the editor's loop, as it happens in a terminal.

Saves in content/ are served; a broken save is reported compiler-style, in the terminal
and in a banner on every page listing every problem of every file (what ``explainer
check`` reports), while the last good site stays up; the next good save clears it. Content
that is broken from the start is served as a page listing its problems, not an exit.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from serving import get, mkdocs_serve, text_of
from support import CONTENT

KIIEV = ('quote: "Kiev"\n', 'quote: "Kiiev"\n')
PLACE = ("place:", "plaec:")
TIMEZONE = ("timezone: GMT", "timezone: GMT\ntimezone: UTC")


def edit(path: Path, old: str, new: str) -> str:
    """Replace the first ``old`` in the file; return the text as it was."""
    text = path.read_text("utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), "utf-8")
    return text


@pytest.mark.slow
@pytest.mark.site
def test_serve_rebuilds_on_content_saves_and_survives_a_broken_file(tmp_explainer, tmp_path):
    project = tmp_explainer()
    content = project / "content"
    with mkdocs_serve(project, tmp_path / "serve.log") as serve:
        # 1. The first build is served, with live reload on (whatever click is installed).
        serve.wait_for("the timeline", lambda: "The stream has ended." in serve.page("timeline/"))
        assert "livereload(" in (get(serve.base + "timeline/") or "")
        assert "Not updated" not in serve.page("timeline/")

        # 2. A changed word in an entry is served after the save.
        edit(content / "liveblog.txt", "The stream has ended.", "The stream has stopped.")
        serve.wait_for(
            "the changed entry", lambda: "The stream has stopped." in serve.page("timeline/")
        )

        # 3. A broken annotations.yml: reported with file:line:col and no traceback; the
        # server stays up and serves the last good pages, saying they are not updated.
        good = edit(content / "annotations.yml", *KIIEV)
        problem = re.compile(
            r"^content/annotations\.yml:(8|9):\d+: quote not found in the intro: 'Kiiev'",
            re.MULTILINE,
        )
        serve.wait_for("the error report", lambda: problem.search(serve.output()))
        serve.wait_for("the stale banner", lambda: "Not updated" in serve.page("timeline/"))
        served = serve.page("timeline/")
        assert "The stream has stopped." in served
        assert "quote not found in the intro: 'Kiiev'" in served  # the problem, on the page
        assert "Traceback" not in serve.output()

        # 4. The fix, with a changed annotation text, is served and the banner is gone.
        old_words = "is the official romanisation"
        new_words = "is the official, changed romanisation"
        (content / "annotations.yml").write_text(good.replace(old_words, new_words, 1), "utf-8")
        serve.wait_for("the fixed page", lambda: new_words in serve.page())
        assert "Not updated" not in serve.page()
        assert "Not updated" not in serve.page("timeline/")
        assert "Traceback" not in serve.output()
        assert serve.process.poll() is None


@pytest.mark.slow
@pytest.mark.site
def test_serve_broken_from_the_start_lists_every_file_then_recovers(tmp_explainer, tmp_path):
    annotations = (CONTENT / "annotations.yml").read_text("utf-8")
    project = tmp_explainer({"annotations.yml": annotations.replace(*KIIEV, 1)})
    content = project / "content"
    edit(content / "source.yml", *TIMEZONE)
    note = content / "background" / "congress-of-berlin.md"
    good_note = edit(note, *PLACE)
    with mkdocs_serve(project, tmp_path / "serve.log") as serve:
        # Served, not exited: a page saying nothing could be built, with every problem of
        # every file, as `explainer check` reports them.
        serve.wait_for("the problem page", lambda: "Not updated" in serve.page())
        page = serve.page()
        assert "Nothing could be built yet." in page
        assert "content has 4 problems" in page
        expected = [
            "content/source.yml:8:1: duplicate key 'timezone' (first on line 7)",
            "content/background/congress-of-berlin.md:1:1: missing required key 'place'",
            "content/background/congress-of-berlin.md:4:1: unknown key 'plaec'",
            "content/annotations.yml:9:10: quote not found in the intro: 'Kiiev'",
        ]
        positions = [page.find(line) for line in expected]
        assert -1 not in positions, page
        assert positions == sorted(positions)  # file by file, in reading order
        assert "Traceback" not in serve.output()
        assert "Aborted" not in serve.output()

        # Fixing two of the three files still shows the third's problem, and only it.
        edit(content / "source.yml", TIMEZONE[1], TIMEZONE[0])
        note.write_text(good_note, "utf-8")
        serve.wait_for("one file's problem", lambda: "content has 1 problem." in serve.page())
        assert "source.yml" not in serve.page()

        # The last fix: the whole site, no banner.
        (content / "annotations.yml").write_text(annotations, "utf-8")
        serve.wait_for("the site", lambda: "The stream has ended." in serve.page("timeline/"))
        assert "Not updated" not in serve.page()
        assert "Traceback" not in serve.output()


@pytest.mark.slow
@pytest.mark.site
def test_serve_links_a_problem_to_its_entry_and_warns_of_lost_records(tmp_explainer, tmp_path):
    project = tmp_explainer()
    annotations = project / "content" / "annotations.yml"
    with mkdocs_serve(project, tmp_path / "serve.log") as serve:
        serve.wait_for("the site", lambda: "The stream has ended." in serve.page("timeline/"))
        good = edit(annotations, 'entry: "16:49"', 'entry: "16:50"')
        serve.wait_for("the banner", lambda: "no entry at 16:50" in serve.page("timeline/"))
        html = get(serve.base + "timeline/") or ""
        banner = html[html.find('class="explainer-banner') :][:3000]
        # The problem links to the entry it names, on this page's terms.
        assert re.search(
            r'<a href="#2025-05-16-1649">content/annotations\.yml:\d+:\d+: no entry', html
        ), banner
        html = get(serve.base + "glossary/") or ""
        assert re.search(r'<a href="\.\./timeline/#2025-05-16-1649">content/annotations', html)

        # A good save that loses half the annotations (a file cut off at a record's end)
        # builds, with a warning in the terminal and on the page.
        records = good.split("\n- ")
        cut = "\n- ".join(records[: len(records) // 2]) + "\n"
        annotations.write_text(cut, "utf-8")
        count = cut.count("\n- entry:") + cut.startswith("- entry:")
        total = good.count("\n- entry:") + good.startswith("- entry:")
        warning = f"content/annotations.yml: holds {count} annotations, {total} at the last good"
        serve.wait_for("the warning", lambda: warning in serve.page())
        assert warning in serve.output()
        assert "Not updated" not in serve.page()
        root = re.sub(r"(//[^/]+/).*", r"\1", serve.base)
        assert "holds" in text_of(get(root))  # "/" redirects to the site's path, quietly
        assert '"GET / HTTP/1.1" code 302' not in serve.output()
