"""Check loaded YAML against the shipped JSON Schemas, with positions and hints.

The schemas in ``generator/schemas/`` are the single description of every content file:
editors' tools read them through the ``$schema`` modeline, and this module interprets the
same files (the subset of JSON Schema they use), so the two can never disagree.
"""

from __future__ import annotations

import difflib
import json
import re
from functools import cache
from importlib import resources
from typing import Any

from .errors import ProblemCollector
from .yamlfile import YamlList, YamlMap

_TYPES = {"object": dict, "array": list, "string": str}
_TYPE_NAMES = {
    dict: "a mapping",
    list: "a list",
    str: "text",
    int: "a number",
    float: "a number",
    bool: "true/false",
    type(None): "empty",
}


@cache
def load_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema for a content kind: source, glossary, background or annotations."""
    text = resources.files("generator.schemas").joinpath(f"{kind}.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def check(data: Any, kind: str, problems: ProblemCollector, at: tuple[int, int] = (1, 1)) -> bool:
    """Add a problem for everything in ``data`` that the schema refuses; True if none."""
    before = len(problems.problems)
    _check(data, load_schema(kind), problems, at, "")
    return len(problems.problems) == before


def _check(
    value: Any, schema: dict[str, Any], problems: ProblemCollector, at: tuple[int, int], name: str
) -> None:
    expected = schema.get("type")
    if expected and not isinstance(value, _TYPES[expected]):
        what = f"'{name}'" if name else "the file"
        problems.add_at(
            at,
            f"{what} should be {_TYPE_NAMES[_TYPES[expected]]}, "
            f"not {_TYPE_NAMES.get(type(value), type(value).__name__)}",
            _type_hint(expected),
        )
        return
    if "enum" in schema and value not in schema["enum"]:
        close = difflib.get_close_matches(str(value), schema["enum"], n=1)
        problems.add_at(
            at,
            f"unknown {name} {value!r} (expected one of {', '.join(schema['enum'])})",
            f"did you mean {close[0]!r}?" if close else "",
        )
        return
    if isinstance(value, str):
        if len(value.strip()) < schema.get("minLength", 0):
            problems.add_at(at, f"'{name}' is empty", "write something, or remove the key")
        elif "pattern" in schema and not re.search(schema["pattern"], value):
            problems.add_at(
                at,
                f"'{name}' {value!r} is not valid: {schema.get('description', 'see the schema')}",
                _pattern_hint(schema["pattern"]),
            )
    elif isinstance(value, dict):
        _check_mapping(value, schema, problems, at)
    elif isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            problems.add_at(at, f"'{name}' needs at least {schema['minItems']} item(s)")
        positions = getattr(value, "item_positions", [at] * len(value))
        for item, position in zip(value, positions):
            _check(item, schema.get("items", {}), problems, position, name)


def _check_mapping(
    value: dict[str, Any], schema: dict[str, Any], problems: ProblemCollector, at: tuple[int, int]
) -> None:
    properties: dict[str, Any] = schema.get("properties", {})
    located = value if isinstance(value, YamlMap) else None
    for key in value:
        position = located.key_at(key) if located else at
        if key not in properties and schema.get("additionalProperties") is False:
            close = difflib.get_close_matches(key, list(properties), n=1)
            problems.add_at(
                position,
                f"unknown key '{key}'",
                f"did you mean '{close[0]}'?"
                if close
                else "allowed keys: " + ", ".join(properties),
            )
    for key in schema.get("required", []):
        if key not in value:
            problems.add_at(
                at, f"missing required key '{key}'", properties.get(key, {}).get("description", "")
            )
    for key, item in value.items():
        if key in properties:
            position = located.value_at(key) if located else at
            _check(item, properties[key], problems, position, key)


def _type_hint(expected: str) -> str:
    return {
        "array": "write one item per line, each starting with '- '",
        "object": "write 'key: value' lines",
        "string": "put the value in quotes",
    }[expected]


def _pattern_hint(pattern: str) -> str:
    if pattern.startswith("^https?"):
        return "links must start with http:// or https://"
    if "a-z0-9]+(-" in pattern:
        return "use lower-case letters, digits and hyphens, e.g. 'vladimir-medinsky'"
    return ""


def positions_of(value: Any) -> list[tuple[int, int]]:
    """Positions of a located list's items (for loops over records)."""
    if isinstance(value, YamlList):
        return value.item_positions
    return [(0, 0)] * len(value)
