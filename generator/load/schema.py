"""Check loaded YAML against the shipped JSON Schemas, with positions and hints.

The schemas in ``generator/load/schemas/`` are the single description of every content file:
editors' tools read them through the ``$schema`` modeline, and this module interprets the
same files (the subset of JSON Schema they use), so the two can never disagree.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

from ..errors import ProblemCollector, did_you_mean
from .yamlfile import YamlList, YamlMap

_TYPES = {"object": dict, "array": list, "string": str, "boolean": bool}
_RECORD = "[]"
"""The name given to the records of a file that is a list (annotations, glossary)."""
_TYPE_NAMES = {
    dict: "a mapping",
    list: "a list",
    str: "text",
    int: "a number",
    float: "a number",
    bool: "true/false",
    type(None): "empty",
}


SUPPORTED_KEYWORDS = frozenset(
    {
        "$schema", "$id", "title", "description",  # annotations: no effect on validity
        "patternErrorMessage",  # the hint when a pattern fails (here and in editors)
        "defaultSnippets",  # editors' snippets; each must pass the schema (load_schema)
        "type", "enum", "minLength", "pattern", "items", "minItems",
        "properties", "required", "additionalProperties",
    }
)  # fmt: skip
"""The part of JSON Schema this module interprets; ``load_schema`` refuses anything else, so
a schema can never say more than the build checks."""


@cache
def load_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema for a content kind: source, glossary, background or annotations."""
    text = (
        resources.files("generator.load.schemas").joinpath(f"{kind}.schema.json").read_text("utf-8")
    )
    schema: dict[str, Any] = json.loads(text)
    unsupported = unsupported_keywords(schema)
    if unsupported:
        raise RuntimeError(f"{kind}.schema.json uses keywords we do not check: {unsupported}")
    for snippet in schema.get("items", {}).get("defaultSnippets", []):
        problems = ProblemCollector(f"{kind}.schema.json")
        _check(snippet_example(snippet["body"]), schema["items"], problems, (0, 0), _RECORD)
        if problems.problems:
            raise RuntimeError(f"{kind}.schema.json: snippet {snippet['label']!r} is invalid")
    return schema


_PLACEHOLDER = re.compile(r"\$\{\d+(?::([^}]*)|\|([^,|}]*)[^}]*\|)?\}")


def snippet_example(body: Any) -> Any:
    """A snippet's body as an editor gets it on accepting every default: ``${1:16:49}``
    becomes ``16:49`` and ``${3|context,fact-check|}`` its first choice."""
    if isinstance(body, dict):
        return {key: snippet_example(value) for key, value in body.items()}
    if isinstance(body, list):
        return [snippet_example(value) for value in body]
    if isinstance(body, str):
        return _PLACEHOLDER.sub(lambda m: m[1] if m[1] is not None else m[2] or "", body)
    return body


def unsupported_keywords(schema: dict[str, Any]) -> list[str]:
    """Keywords anywhere in ``schema`` that this module would silently ignore."""
    return sorted(_keywords(schema) - SUPPORTED_KEYWORDS)


def _keywords(schema: dict[str, Any]) -> set[str]:
    found = set(schema)
    for sub in (schema.get("items"), *schema.get("properties", {}).values()):
        if isinstance(sub, dict):
            found |= _keywords(sub)
    return found


def check(data: Any, kind: str, problems: ProblemCollector, at: tuple[int, int] = (1, 1)) -> bool:
    """Add a problem for everything in ``data`` that the schema refuses; True if none."""
    before = len(problems.problems)
    _check(data, load_schema(kind), problems, at, "")
    return len(problems.problems) == before


def valid_records(
    data: Any, kind: str, problems: ProblemCollector
) -> list[tuple[YamlMap, tuple[int, int]]]:
    """For a list-of-records file: report every problem, return the records that passed.

    Later checks (placing quotes, say) then still run on the good records, so one pass
    reports the schema problems of some records and the placement problems of others.
    """
    schema = load_schema(kind)
    if data is None:  # an empty file (or only comments): no records
        data = []
    if not check_type(data, schema, problems, (1, 1), ""):
        return []
    if len(data) < schema.get("minItems", 0):
        problems.add(1, 1, f"the file needs at least {schema['minItems']} record(s)")
    good = []
    for record, position in zip(data, positions_of(data)):
        before = len(problems.problems)
        _check(record, schema["items"], problems, position, _RECORD)
        if len(problems.problems) == before:
            good.append((record, position))
    return good


def check_type(
    value: Any, schema: dict[str, Any], problems: ProblemCollector, at: tuple[int, int], name: str
) -> bool:
    """Report a value of the wrong type (a list where text belongs, say); True if it fits."""
    expected = schema.get("type")
    if not expected or isinstance(value, _TYPES[expected]):
        return True
    what = {"": "the file", _RECORD: "each record"}.get(name, f"'{name}'")
    problems.add_at(
        at,
        f"{what} should be {_TYPE_NAMES[_TYPES[expected]]}, not {_type_name(value)}",
        _type_hint(expected),
    )
    return False


def _type_name(value: Any) -> str:
    """What an editor wrote, in their words: a list, a mapping, a number, true/false."""
    for kind in (bool, dict, list, str, int, float, type(None)):  # bool before int
        if isinstance(value, kind):
            return _TYPE_NAMES[kind]
    return type(value).__name__


def _check(
    value: Any, schema: dict[str, Any], problems: ProblemCollector, at: tuple[int, int], name: str
) -> None:
    if not check_type(value, schema, problems, at, name):
        return
    if "enum" in schema and value not in schema["enum"]:
        choices = ", ".join(schema["enum"])
        if not isinstance(value, str):
            problems.add_at(at, f"'{name}' should be one of {choices}, not {_type_name(value)}")
            return
        hint = did_you_mean(value, schema["enum"])
        problems.add_at(at, f"unknown {name} {value!r}", f"{hint} use one of {choices}".lstrip())
        return
    if isinstance(value, str):
        too_short = len(value) < schema.get("minLength", 0)
        if too_short or ("pattern" in schema and not re.search(schema["pattern"], value)):
            if too_short or not value.strip():
                problems.add_at(at, f"'{name}' is empty", "write something there")
            else:
                problems.add_at(at, f"'{name}' {value!r} is not valid", _pattern_hint(schema))
    elif isinstance(value, dict):
        _check_mapping(value, schema, problems, at)
    elif isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            problems.add_at(at, f"'{name}' needs at least {schema['minItems']} item(s)")
        positions = getattr(value, "item_positions", [at] * len(value))
        for item, position in zip(value, positions):
            _check(item, schema.get("items", {}), problems, position, name or _RECORD)


def _check_mapping(
    value: dict[str, Any], schema: dict[str, Any], problems: ProblemCollector, at: tuple[int, int]
) -> None:
    properties: dict[str, Any] = schema.get("properties", {})
    located = value if isinstance(value, YamlMap) else None
    for key in value:
        position = located.key_at(key) if located else at
        if key not in properties and schema.get("additionalProperties") is False:
            problems.add_at(
                position,
                f"unknown key '{key}'",
                did_you_mean(key, properties) or "allowed keys: " + ", ".join(properties),
            )
    for key in schema.get("required", []):
        if key not in value:
            problems.add_at(
                at,
                f"missing required key '{key}'",
                f"add '{key}', {_describe(properties.get(key, {}))}",
            )
    for key, item in value.items():
        if key in properties:
            position = located.value_at(key) if located else at
            _check(item, properties[key], problems, position, key)


def _describe(schema: dict[str, Any]) -> str:
    """The schema's description as part of a hint: 'the exact words in that entry'."""
    description = str(schema.get("description", "see the schema")).rstrip(".")
    return description[:1].lower() + description[1:]


def _expected(schema: dict[str, Any]) -> str:
    return "expected " + _describe(schema)


def _type_hint(expected: str) -> str:
    return {
        "array": "write one item per line, each starting with '- '",
        "object": "write 'key: value' lines",
        "string": "put the value in quotes",
        "boolean": "write true or false",
    }[expected]


def _pattern_hint(schema: dict[str, Any]) -> str:
    """The schema's own message for a failed pattern (editors show the same words)."""
    message = schema.get("patternErrorMessage")
    if not message:
        return _expected(schema)
    message = str(message).rstrip(".")
    return message[:1].lower() + message[1:]


def positions_of(value: Any) -> list[tuple[int, int]]:
    """Positions of a located list's items (for loops over records)."""
    if isinstance(value, YamlList):
        return getattr(value, "item_positions", [(value.line, value.column)] * len(value))
    return [(0, 0)] * len(value)
