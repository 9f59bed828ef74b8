"""Strict, safe YAML: duplicate keys, anchors and aliases are errors, positions are kept."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, SequenceNode

from .errors import ContentError, ProblemCollector
from .textfile import decode_text, read_text

MAX_YAML_BYTES = 4 * 1024 * 1024
"""Hundreds of glossary terms or annotations fit in well under this."""


class YamlMap(dict[str, Any]):
    """A mapping that remembers where it and each of its keys stand in the file."""

    line: int = 0
    column: int = 0
    key_positions: dict[str, tuple[int, int]]
    value_positions: dict[str, tuple[int, int]]

    def key_at(self, key: str) -> tuple[int, int]:
        """Line and column of ``key``, or of the mapping itself when the key is absent."""
        return self.key_positions.get(key, (self.line, self.column))

    def value_at(self, key: str) -> tuple[int, int]:
        """Line and column of the value of ``key``."""
        return self.value_positions.get(key, self.key_at(key))


class YamlList(list[Any]):
    """A sequence that remembers where it and each of its items stand in the file."""

    line: int = 0
    column: int = 0
    item_positions: list[tuple[int, int]]


def load_yaml_file(path: Path, shown_as: str) -> Any:
    """Read and load one YAML file strictly (see ``load_yaml``)."""
    return load_yaml(read_text(path, shown_as, limit=MAX_YAML_BYTES), shown_as)


def load_yaml_bytes(data: bytes, shown_as: str) -> Any:
    """Decode and load YAML given as bytes."""
    if len(data) > MAX_YAML_BYTES:
        raise ContentError.at(
            shown_as,
            0,
            0,
            f"file is too large ({len(data):,} bytes; the limit is {MAX_YAML_BYTES:,})",
            "split it into smaller files",
        )
    return load_yaml(decode_text(data, shown_as), shown_as)


def load_yaml(text: str, shown_as: str, *, first_line: int = 1) -> Any:
    """Load YAML text with safe types only, refusing anchors, aliases and duplicate keys.

    Every problem found while constructing is reported together; a syntax error stops at once.
    ``first_line`` shifts positions, for YAML that starts inside another file (front matter).
    """
    collector = ProblemCollector(shown_as)
    loader = _StrictLoader(text, collector, first_line - 1)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except _Refused:
        collector.raise_if_any()
        raise
    except yaml.MarkedYAMLError as error:
        raise _syntax_error(error, shown_as, first_line - 1) from None
    except yaml.YAMLError as error:
        raise ContentError.at(shown_as, 0, 0, f"not valid YAML: {error}") from None
    finally:
        loader.dispose()
    collector.raise_if_any()
    return data


class _Refused(Exception):
    """Raised to stop composing at a construct we never load (anchor or alias)."""


class _StrictLoader(yaml.SafeLoader):
    def __init__(self, text: str, collector: ProblemCollector, line_offset: int) -> None:
        super().__init__(text)
        self.collector = collector
        self.line_offset = line_offset

    def _pos(self, node_or_event: Any) -> tuple[int, int]:
        mark = node_or_event.start_mark
        return mark.line + 1 + self.line_offset, mark.column + 1

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()
        if isinstance(event, AliasEvent) or getattr(event, "anchor", None) is not None:
            line, column = self._pos(event)
            what = "alias" if isinstance(event, AliasEvent) else "anchor"
            self.collector.add(
                line,
                column,
                f"YAML {what} '{event.anchor}' is not allowed",
                "write the value out in full; anchors and aliases are refused",
            )
            raise _Refused
        return super().compose_node(parent, index)

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> YamlMap:  # type: ignore[override]
        result = YamlMap()
        result.line, result.column = self._pos(node)
        result.key_positions, result.value_positions = {}, {}
        self.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                key = str(key)
            line, column = self._pos(key_node)
            if key in result:
                first = result.key_positions[key][0]
                self.collector.add(
                    line,
                    column,
                    f"duplicate key '{key}' (first on line {first})",
                    "keep one; YAML would silently use the last",
                )
                continue
            result[key] = self.construct_object(value_node, deep=True)
            result.key_positions[key] = (line, column)
            result.value_positions[key] = self._pos(value_node)
        return result

    def construct_sequence(self, node: SequenceNode, deep: bool = False) -> YamlList:  # type: ignore[override]
        result = YamlList(self.construct_object(child, deep=True) for child in node.value)
        result.line, result.column = self._pos(node)
        result.item_positions = [self._pos(child) for child in node.value]
        return result


_StrictLoader.add_constructor("tag:yaml.org,2002:map", _StrictLoader.construct_mapping)
_StrictLoader.add_constructor("tag:yaml.org,2002:seq", _StrictLoader.construct_sequence)
# Dates stay text: editors write "16 May 2025" or 2025-05-16 and we parse them ourselves.
_StrictLoader.add_constructor(
    "tag:yaml.org,2002:timestamp",
    _StrictLoader.construct_yaml_str,  # type: ignore[type-var]
)


def _syntax_error(error: yaml.MarkedYAMLError, shown_as: str, line_offset: int) -> ContentError:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 + line_offset if mark else 0
    column = mark.column + 1 if mark else 0
    problem = error.problem or error.context or "syntax error"
    hint = "check indentation and quoting"
    if "'\\t'" in problem or "tab" in problem:
        problem, hint = "tab character in indentation", "indent with spaces, not tabs"
    elif "mapping values are not allowed" in problem:
        hint = "put quotes around a value that contains ': '"
    return ContentError.at(shown_as, line, column, f"not valid YAML: {problem}", hint)
