"""The JSON Schemas editors' tools read and the checks the build makes are one and the same.

The schemas in ``generator/load/schemas/`` are interpreted by ``generator.load.schema``; here the
``jsonschema`` library judges the very same data, file by file: the good and bad files of
``tests/cases/schemas/`` (a folder each), every content file of the other golden cases, and
the bundled content. Both must accept and refuse exactly the same files.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from generator.errors import ContentError, ProblemCollector
from generator.load.content import _FRONT_MATTER
from generator.load.schema import check, load_schema, snippet_example, unsupported_keywords
from generator.load.yamlfile import load_yaml

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).parent / "cases"
SCHEMAS = ROOT / "generator" / "load" / "schemas"
KINDS = ("annotations", "background", "glossary", "source", "summary", "headlines")


def kind_of(path: Path) -> str | None:
    """Which schema a file answers to, by its name as in a content folder."""
    if path.suffix == ".md":
        return "summary" if path.name == "summary.md" else "background"
    for kind in KINDS:
        if path.name == f"{kind}.yml" or path.name.startswith(f"{kind}-"):
            return kind
    return None


def read(path: Path) -> object:
    """The data our strict loader makes of a file (front matter for a background note)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        match = _FRONT_MATTER.match(text)
        assert match is not None, path
        text = match[1] or ""
    return load_yaml(text, str(path))


def ours(data: object, kind: str) -> bool:
    return check(data, kind, ProblemCollector("x"))


def theirs(data: object, kind: str) -> bool:
    return jsonschema.Draft202012Validator(load_schema(kind)).is_valid(data)


def _verdict_cases() -> list[tuple[Path, bool]]:
    folder = CASES / "schemas"
    return [(f, True) for f in sorted((folder / "good").iterdir())] + [
        (f, False) for f in sorted((folder / "bad").iterdir())
    ]


def _other_content_files() -> list[Path]:
    """Every content file of the golden cases and the bundled content that loads as YAML."""
    files = []
    for path in [*sorted(CASES.rglob("*")), *sorted((ROOT / "content").rglob("*"))]:
        if not path.is_file() or "schemas" in path.relative_to(ROOT).parts[:3]:
            continue
        if path.suffix in (".yml", ".md") and kind_of(path) and not path.name.startswith("exp"):
            try:
                read(path)
            except (ContentError, UnicodeDecodeError, AssertionError):
                continue  # refused before any schema is consulted: see test_yaml_safety
            files.append(path)
    return files


@pytest.mark.parametrize("kind", KINDS)
def test_schema_is_valid_json_schema_using_only_what_we_check(kind):
    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert unsupported_keywords(schema) == []
    assert load_schema(kind) == schema


def test_a_keyword_we_do_not_check_is_caught():
    schema = {"type": "array", "items": {"type": "object", "properties": {"a": {"oneOf": []}}}}
    assert unsupported_keywords(schema) == ["oneOf"]


@pytest.mark.parametrize(
    ("path", "good"), _verdict_cases(), ids=lambda v: v.name if isinstance(v, Path) else ""
)
def test_validator_and_jsonschema_agree_on_good_and_bad_files(path: Path, good: bool):
    kind = kind_of(path)
    assert kind, f"name {path.name} after its kind: {KINDS}"
    data = read(path)
    assert (ours(data, kind), theirs(data, kind)) == (good, good)


def test_validator_and_jsonschema_agree_on_every_golden_content_file():
    files = _other_content_files()
    assert len(files) > 30  # the golden cases of every area, and the bundled content
    disagreements = []
    for path in files:
        kind = kind_of(path)
        assert kind is not None
        data = read(path)
        if ours(data, kind) != theirs(data, kind):
            disagreements.append(str(path.relative_to(ROOT)))
    assert disagreements == []


def test_bundled_content_is_valid_for_jsonschema():
    content = ROOT / "content"
    files = [content / "source.yml", content / "glossary.yml", content / "annotations.yml"]
    files += sorted((content / "background").glob("*.md"))
    for path in files:
        kind = kind_of(path)
        assert kind is not None
        errors = list(jsonschema.Draft202012Validator(load_schema(kind)).iter_errors(read(path)))
        assert errors == [], path.name


@pytest.mark.parametrize("name", ["source.yml", "glossary.yml", "annotations.yml"])
def test_content_files_name_their_schema_in_a_modeline(name):
    first = (ROOT / "content" / name).read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert match, f"content/{name} should start with the yaml-language-server modeline"
    target = (ROOT / "content" / match[1]).resolve()
    assert target == SCHEMAS / f"{kind_of(Path(name))}.schema.json"


def test_the_package_ships_the_schemas(tmp_path):
    """What setuptools puts in a wheel (build_py): the schemas, byte for byte.

    Built offline from a copy, so nothing is written into the working tree.
    """
    source = tmp_path / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        (source / name).write_bytes((ROOT / name).read_bytes())
    shutil.copytree(
        ROOT / "generator", source / "generator", ignore=shutil.ignore_patterns("__pycache__")
    )
    build = tmp_path / "build"
    result = subprocess.run(
        [sys.executable, "-c", "from setuptools import setup; setup()", "-q", "build_py"]
        + ["--build-lib", str(build)],
        cwd=source,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    for kind in KINDS:
        shipped = build / "generator" / "load" / "schemas" / f"{kind}.schema.json"
        assert shipped.read_bytes() == (SCHEMAS / f"{kind}.schema.json").read_bytes()


@pytest.mark.parametrize("kind", ["annotations", "glossary"])
def test_the_snippets_editors_insert_are_valid_records(kind):
    snippets = load_schema(kind)["items"]["defaultSnippets"]
    assert snippets
    for snippet in snippets:
        record = snippet_example(snippet["body"])
        assert ours([record], kind), snippet["label"]
        assert theirs([record], kind), snippet["label"]
        assert "${" not in json.dumps(record)


def test_every_pattern_has_a_message_in_plain_words():
    def patterns(node: object) -> list[dict]:
        if isinstance(node, dict):
            found = [node] if "pattern" in node else []
            return found + [p for value in node.values() for p in patterns(value)]
        if isinstance(node, list):
            return [p for value in node for p in patterns(value)]
        return []

    for kind in KINDS:
        for schema in patterns(load_schema(kind)):
            message = schema.get("patternErrorMessage", "")
            assert message.endswith(".") and "[" not in message, (kind, schema)
