"""Commands for writing annotations: ``explainer entries`` and ``explainer find``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.pipeline import assemble

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def content(tmp_path, monkeypatch) -> Path:
    """The bundled live-blog and source.yml, with no annotations yet."""
    folder = tmp_path / "content"
    folder.mkdir()
    for name in ("liveblog.txt", "source.yml"):
        shutil.copy(ROOT / "content" / name, folder / name)
    monkeypatch.chdir(tmp_path)
    return folder


def test_entries_lists_what_to_write_as_entry_with_anchor_time_and_first_words(content, capsys):
    assert main(["entries", "content"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("headline  ")
    assert lines[1].startswith("intro     ")
    assert lines[2] == (
        "16:00     2025-05-16-1600  16:00 GMT  "
        "Kiev will start preparing a POW list for the upcoming excha…"
    )
    assert lines[-1] == "22:52     2025-05-16-2252  22:52 GMT  The stream has ended."
    assert len(lines) == 12  # headline, intro, ten entries


def test_entries_names_an_entry_by_anchor_when_its_time_repeats(content, capsys):
    blog = content / "liveblog.txt"
    text = blog.read_text("utf-8")
    blog.write_text(text.replace("16:23 GMT\n", "16:00 GMT\n", 1), "utf-8")
    assert main(["entries", "content"]) == 0
    out = capsys.readouterr().out
    assert "2025-05-16-1600    2025-05-16-1600  16:00 GMT" in out
    assert "2025-05-16-1600-2  2025-05-16-1600-2  16:00 GMT" in out


def test_find_gives_a_skeleton_that_places_each_repeat(content, capsys):
    assert main(["find", "Medinsky", "--content", "content"]) == 0
    out = capsys.readouterr().out
    skeletons = [part for part in out.split("\n\n") if part.strip()]
    assert len(skeletons) == out.count('quote: "Medinsky"') > 3
    assert '- entry: "16:23"\n  quote: "Medinsky"\n  prefix: "Vladimir"\n' in out
    # Filled in, every skeleton places, each on its own occurrence.
    filled = out.replace('text: ""', 'text: "A note."').replace('title: ""', 'title: "A source"')
    filled = filled.replace('url: ""', 'url: "https://example.org/source"')
    (content / "annotations.yml").write_text(filled, "utf-8")
    explainer = assemble(content)
    placed = {
        (key, index, piece.start)
        for key, block in explainer.blocks.items()
        for index, pieces in enumerate(block.annotations)
        for piece in pieces
    }
    assert len(placed) == len(skeletons)


def test_find_words_that_are_not_there_says_what_is(content, capsys):
    assert main(["find", "belarusian city", "--content", "content"]) == 1
    assert capsys.readouterr().err == (
        "content/liveblog.txt: not found: 'belarusian city' "
        "(did you mean 'Belarusian city' in 16:49?)\n"
    )


def test_find_copes_with_broken_annotations(content, capsys):
    (content / "annotations.yml").write_text('- entry: "16:49\n', "utf-8")
    assert main(["find", "Gomel", "--content", "content"]) == 0
    assert '- entry: "16:49"\n  quote: "Gomel"\n' in capsys.readouterr().out


def test_entries_of_a_broken_live_blog_is_an_error(content, capsys):
    (content / "liveblog.txt").write_text("", "utf-8")
    assert main(["entries", "content"]) == 1
    assert "content/liveblog.txt: the live-blog is empty" in capsys.readouterr().err
