"""Golden parser cases: each folder in tests/cases/parse/ is one situation.

A folder holds ``input.txt`` (or ``input.bin`` for byte-level cases: line endings, BOM,
encodings), an optional ``options.yml`` (the ParseOptions fields: timezone, published,
order, furniture), and what the parser must make of it: ``expected.yml`` (the model, the
kind of every line in order, the warnings) or ``expected-error.txt`` (the exact error).
Adding a case means adding a folder.

``UPDATE_GOLDEN=1 pytest tests/test_parse_cases.py`` rewrites the expected files from the
code. Read every rewritten file before keeping it: a golden file says what is right, not
what the code happens to do.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from support import assert_golden

from generator.errors import ContentError
from generator.load.textfile import decode_text
from generator.parse import ParseOptions, describe_liveblog, parse_liveblog

CASES = Path(__file__).parent / "cases" / "parse"
SHOWN_AS = "liveblog.txt"
"""The path errors name, whatever the case's input file is called."""


def _input(case: Path) -> bytes:
    inputs = [case / name for name in ("input.txt", "input.bin") if (case / name).is_file()]
    assert len(inputs) == 1, f"{case.name}: needs exactly one of input.txt and input.bin"
    return inputs[0].read_bytes()


def _options(case: Path) -> ParseOptions:
    path = case / "options.yml"
    if not path.is_file():
        return ParseOptions()
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    unknown = set(data) - {"timezone", "published", "order", "furniture"}
    assert not unknown, f"{case.name}: unknown options {sorted(unknown)}"
    published = data.get("published")
    if isinstance(published, str):
        published = date.fromisoformat(published)
    return ParseOptions(
        timezone=data.get("timezone"),
        published=published,
        order=data.get("order"),
        furniture=tuple(data.get("furniture", ())),
    )


def _dump(data: object) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def parse_case(case: Path) -> tuple[str, str]:
    """What the parser makes of a case: (expected file name, its content)."""
    try:
        blog = parse_liveblog(decode_text(_input(case), SHOWN_AS), SHOWN_AS, _options(case))
    except ContentError as error:
        return "expected-error.txt", f"{error}\n"
    result = describe_liveblog(blog)
    result["lines"] = [line.kind for line in blog.lines]
    result["warnings"] = [str(warning) for warning in blog.warnings]
    return "expected.yml", _dump(result)


@pytest.mark.parametrize(
    "case", sorted(p for p in CASES.iterdir() if p.is_dir()), ids=lambda p: p.name
)
def test_parse_case(case: Path) -> None:
    name, actual = parse_case(case)
    # A YAML expectation is compared as data: hand-written files need not match the dumper.
    normalise = (lambda text: _dump(yaml.safe_load(text))) if name == "expected.yml" else None
    assert_golden(
        case / name, actual, choices=("expected.yml", "expected-error.txt"), normalise=normalise
    )
