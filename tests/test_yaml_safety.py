"""Golden cases for safe, strict YAML in every content file: what is refused, where, and how.

Each folder under ``tests/cases/yaml/`` holds one content file, named as in a content
folder (``annotations.yml``, ``glossary.yml``, ``source.yml`` or ``background/<slug>.md``),
and ``expected-error.txt``, the exact report its loader stops with. A ``pad-to-bytes.txt``
makes the file that many bytes long first (a sparse file: the size check comes before any
reading), so the oversized case needs no megabytes in the repository. Adding a case means
adding a folder; ``UPDATE_GOLDEN=1`` rewrites the expected files from the current output.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support import assert_golden

from generator.errors import ContentError
from generator.load import load_annotations, load_glossary, load_note, load_source
from generator.load.yamlfile import load_yaml

CASES = Path(__file__).parent / "cases" / "yaml"
EXPECTED = "expected-error.txt"
PAD = "pad-to-bytes.txt"


def _cases() -> list[Path]:
    return sorted(d for d in CASES.iterdir() if d.is_dir())


def content_file(case: Path) -> Path:
    """The case's one content file, relative to the case folder."""
    files = [
        f.relative_to(case)
        for f in case.rglob("*")
        if f.is_file() and f.name not in (EXPECTED, PAD)
    ]
    assert len(files) == 1, f"{case.name} should hold one content file, not {files}"
    return files[0]


def load(path: Path) -> None:
    """Load a content file with the loader the build uses for it."""
    if path.parent.name == "background":
        load_note(path)
    elif path.name == "glossary.yml":
        load_glossary([path])
    elif path.name == "source.yml":
        load_source(path)
    else:
        load_annotations(path)


@pytest.mark.parametrize("case", _cases(), ids=lambda case: case.name)
def test_yaml_case(case: Path, tmp_path, monkeypatch):
    name = content_file(case)
    target = tmp_path / "content" / name
    target.parent.mkdir(parents=True)
    shutil.copy(case / name, target)
    if (case / PAD).is_file():
        with target.open("r+b") as file:
            file.truncate(int((case / PAD).read_text()))
    monkeypatch.chdir(tmp_path)  # so messages name "content/...", as editors see them
    with pytest.raises(ContentError) as caught:
        load(Path("content") / name)
    actual = str(caught.value) + "\n"
    assert_golden(case / EXPECTED, actual)


def test_an_alias_bomb_is_refused_without_being_expanded():
    """Nine levels of nine aliases would be 9**9 strings if anything expanded them."""
    bomb = "a0: &a0 [lol]\n" + "".join(
        f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]\n" for n in range(1, 10)
    )
    with pytest.raises(ContentError) as caught:
        load_yaml(bomb, "bomb.yml")
    lines = str(caught.value).splitlines()
    assert len(lines) == 19  # ten anchors, nine aliases each reported once
    assert lines[2] == (
        "bomb.yml:2:10: YAML alias '*a0' is not allowed, here and 8 more times "
        "(write the value out in full; anchors and aliases are refused)"
    )


def test_values_read_as_yaml_1_2_like_editors_tools():
    """PyYAML (YAML 1.1) would read 16:49 as 1009 and 'no' as false; editors' tools don't."""
    data = load_yaml("entry: 16:49\nkind: no\nflag: true\nday: 2025-05-16\n", "x.yml")
    assert data == {"entry": "16:49", "kind": "no", "flag": True, "day": "2025-05-16"}


def test_positions_of_keys_and_values_are_kept():
    data = load_yaml("# a comment\n- entry: '16:49'\n  quote: >-\n    two\n    lines\n", "x.yml")
    record = data[0]
    assert data.item_positions == [(2, 3)]
    assert record.key_at("quote") == (3, 3)
    assert record.value_at("entry") == (2, 10)
    assert record.raw_value("quote") == ">-\n    two\n    lines\n"
    assert record["quote"] == "two lines"
