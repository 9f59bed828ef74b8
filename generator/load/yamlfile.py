"""Strict, safe YAML: duplicate keys, anchors and aliases are errors, positions are kept."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from yaml.events import AliasEvent, DocumentStartEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..errors import ContentError, Problem, ProblemCollector
from .textfile import read_text
from .yamlsyntax import explain_syntax_error

try:  # libyaml's parser, when PyYAML was built with it
    from yaml.cyaml import CParser as _CParser  # type: ignore[attr-defined]
except ImportError:  # PyYAML's own scanner then does it all
    _CParser = None  # type: ignore[assignment, misc]

MAX_YAML_BYTES = 4 * 1024 * 1024
"""Hundreds of glossary terms or annotations fit in well under this."""


class YamlMap(dict[str, Any]):
    """A mapping that remembers where it and each of its keys stand in the file."""

    line: int = 0
    column: int = 0
    key_positions: dict[str, tuple[int, int]]
    value_positions: dict[str, tuple[int, int]]
    raw_values: dict[str, str]
    """Each text value as written in the file, quotes and indentation included, so a
    message about a word inside it can point at that word."""

    def key_at(self, key: str) -> tuple[int, int]:
        """Line and column of ``key``, or of the mapping itself when the key is absent."""
        return self.key_positions.get(key, (self.line, self.column))

    def value_at(self, key: str) -> tuple[int, int]:
        """Line and column of the value of ``key``."""
        return self.value_positions.get(key, self.key_at(key))

    def raw_value(self, key: str) -> str | None:
        """The value of ``key`` as written in the file (None if not a text value)."""
        return getattr(self, "raw_values", {}).get(key)


class YamlList(list[Any]):
    """A sequence that remembers where it and each of its items stand in the file."""

    line: int = 0
    column: int = 0
    item_positions: list[tuple[int, int]]


def load_yaml_file(path: Path, shown_as: str, problems: ProblemCollector | None = None) -> Any:
    """Read and load one YAML file strictly (see ``load_yaml``)."""
    return load_yaml(read_text(path, shown_as, limit=MAX_YAML_BYTES), shown_as, problems=problems)


def load_yaml(
    text: str,
    shown_as: str,
    *,
    first_line: int = 1,
    problems: ProblemCollector | None = None,
) -> Any:
    """Load YAML text with safe types only, refusing anchors, aliases and duplicate keys.

    Every anchor, alias and duplicate key is reported together; a syntax error stops at
    once. Given ``problems``, duplicate keys are added there and the data (first value of
    each key kept) is returned, so the caller can go on to report schema problems in the
    same pass; anchors and aliases always stop loading, as nothing built from them is used.
    ``first_line`` shifts positions, for YAML that starts inside another file (front matter).
    """
    collector = problems if problems is not None else ProblemCollector(shown_as)
    try:
        loader = _new_loader(text, collector, first_line - 1)
    except yaml.reader.ReaderError as error:
        raise _unprintable(error, text, shown_as, first_line - 1) from None
    try:
        node = loader.get_single_node()
        if loader.refused or loader.aliases:
            raise ContentError(loader.refusals())
        data = loader.construct_document(node) if node is not None else None
    except _TooDeep:
        raise ContentError(loader.refusals()) from None
    except yaml.MarkedYAMLError as error:
        raise explain_syntax_error(error, text, shown_as, first_line - 1) from None
    except yaml.YAMLError as error:
        raise ContentError.at(shown_as, 0, 0, f"not valid YAML: {error}") from None
    finally:
        loader.dispose()
    if problems is None:
        collector.raise_if_any()
    return data


_REFUSED_HINT = "write the value out in full; anchors and aliases are refused"

MAX_DEPTH = 50
"""Content files nest three or four levels; far deeper nesting is a mistake or an attack."""


class _TooDeep(Exception):
    """Raised to stop composing a document nested deeper than ``MAX_DEPTH``."""


class _StrictLoader(yaml.SafeLoader):
    """PyYAML's safe loader, made strict: no anchors, aliases or duplicate keys."""

    def __init__(self, text: str, collector: ProblemCollector, line_offset: int) -> None:
        super().__init__(text)
        self.text = text
        self.collector = collector
        self.line_offset = line_offset
        self.refused: list[Problem] = []
        self.aliases: dict[str, tuple[Any, int]] = {}  # name -> (first use, number of uses)
        self.depth = 0

    def _pos(self, node_or_event: Any) -> tuple[int, int]:
        mark = node_or_event.start_mark
        return mark.line + 1 + self.line_offset, mark.column + 1

    def _refuse(self, event: Any, message: str, hint: str) -> None:
        line, column = self._pos(event)
        self.refused.append(Problem(self.collector.path, line, column, message, hint))

    def refusals(self) -> list[Problem]:
        """Every anchor, the first use of each alias (a bomb repeats them thousands of times)
        and any nesting too deep, in file order."""
        problems = list(self.refused)
        for name, (event, uses) in self.aliases.items():
            line, column = self._pos(event)
            times = f", here and {uses - 1} more time{'s' if uses > 2 else ''}" if uses > 1 else ""
            problems.append(
                Problem(
                    self.collector.path,
                    line,
                    column,
                    f"YAML alias '*{name}' is not allowed{times}",
                    _REFUSED_HINT,
                )
            )
        return sorted(problems, key=lambda p: p.position)

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        # Aliases become empty values and anchors are dropped, so nothing is ever shared or
        # expanded (no billion laughs), yet the whole file is read and every one reported.
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, AliasEvent):
            self.get_event()  # type: ignore[no-untyped-call]
            name = str(event.anchor)
            first, uses = self.aliases.get(name, (event, 0))
            self.aliases[name] = (first, uses + 1)
            return ScalarNode("tag:yaml.org,2002:null", "")
        if getattr(event, "anchor", None) is not None:
            self._refuse(
                event,
                f"YAML anchor '&{event.anchor}' is not allowed",
                _REFUSED_HINT,
            )
            event.anchor = None
        self.depth += 1
        if self.depth > MAX_DEPTH:
            self._refuse(
                event,
                f"nested more than {MAX_DEPTH} levels deep",
                "content files need three or four levels; check the brackets and indentation",
            )
            raise _TooDeep
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> YamlMap:  # type: ignore[override]
        result = YamlMap()
        result.line, result.column = self._pos(node)
        result.key_positions, result.value_positions, result.raw_values = {}, {}, {}
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
            if isinstance(value_node, ScalarNode):
                start, end = value_node.start_mark, value_node.end_mark
                result.raw_values[key] = self.text[start.index : end.index]
        return result

    def construct_sequence(self, node: SequenceNode, deep: bool = False) -> YamlList:
        result = YamlList(self.construct_object(child, deep=True) for child in node.value)
        result.line, result.column = self._pos(node)
        result.item_positions = [self._pos(child) for child in node.value]
        return result


class _Unsure(Exception):
    """libyaml read the text, but might not read it exactly as PyYAML does."""


class _LibyamlLoader(_StrictLoader):
    """The same strict loader, reading its events from libyaml (C), not PyYAML's scanner.

    Everything else (composing, refusals, constructing, positions) is _StrictLoader's own;
    libyaml's marks count characters as PyYAML's do. A glossary of a thousand terms loads
    in a tenth of the time. Only plain content files are read this way: where the two
    parsers differ (tabs, unusual line breaks, tags, directives, anchors, empty values,
    block scalar headers PyYAML refuses), ``_Unsure`` hands the text to PyYAML.
    """

    def __init__(self, text: str, collector: ProblemCollector, line_offset: int) -> None:
        super().__init__(text, collector, line_offset)  # PyYAML's reader still vets the text
        if _UNUSUAL.search(text):
            raise _Unsure
        parser = _CParser(text)
        try:
            events = []
            while parser.check_event():
                event = parser.get_event()
                _check_plain(event, text)
                events.append(event)
        finally:
            parser.dispose()
        events.reverse()
        self.events = events

    def check_event(self, *choices: Any) -> bool:
        if not self.events:
            return False
        return not choices or isinstance(self.events[-1], choices)

    def peek_event(self) -> Any:
        return self.events[-1] if self.events else None

    def get_event(self) -> Any:
        return self.events.pop() if self.events else None


_UNUSUAL = re.compile("[\t\r\x85\u2028\u2029\ufeff]")
_BLOCK_HEADER = re.compile(r"[|>](?:[+-][1-9]?|[1-9][+-]?)?(?: +(?:#.*)?)?")


def _check_plain(event: Any, text: str) -> None:
    """Raise _Unsure for an event PyYAML might read differently from libyaml."""
    if isinstance(event, AliasEvent) or getattr(event, "anchor", None) is not None:
        raise _Unsure
    if getattr(event, "tag", None) is not None:  # only explicit tags (!!str) have one
        raise _Unsure
    if isinstance(event, ScalarEvent):
        if not event.value and not event.style:  # an empty value: placed elsewhere
            raise _Unsure
        if event.style in ("|", ">"):
            start = event.start_mark.index if event.start_mark else 0
            line_end = text.find("\n", start)
            header = text[start : line_end if line_end != -1 else len(text)]
            if not _BLOCK_HEADER.fullmatch(header):
                raise _Unsure
    if isinstance(event, DocumentStartEvent) and (event.explicit or event.version or event.tags):
        raise _Unsure


def _new_loader(text: str, collector: ProblemCollector, line_offset: int) -> _StrictLoader:
    """libyaml's loader when it reads the whole text without complaint, else PyYAML's, so
    every message about a broken file is PyYAML's, worded as the hints expect."""
    if _CParser is not None:
        try:
            return _LibyamlLoader(text, collector, line_offset)
        except (yaml.YAMLError, _Unsure):
            pass
    return _StrictLoader(text, collector, line_offset)


def _construct_yaml12_scalar(loader: _StrictLoader, node: ScalarNode) -> Any:
    """YAML 1.2 scalars, as editors' tools (yaml-language-server) read them.

    PyYAML follows YAML 1.1, where ``16:49`` is the number 1009 (base 60) and ``no`` is
    false; an editor's schema check would accept them as text and the build refuse them.
    """
    value = node.value
    if node.tag.endswith(":bool") and value.lower() not in ("true", "false"):
        return value
    if ":" in value and node.tag.endswith((":int", ":float")):
        return value
    constructor = _YAML11_CONSTRUCTORS[node.tag]
    return constructor(loader, node)


_YAML11_CONSTRUCTORS = {
    tag: yaml.SafeLoader.yaml_constructors[tag]
    for tag in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
}
for _tag in _YAML11_CONSTRUCTORS:
    _StrictLoader.add_constructor(_tag, _construct_yaml12_scalar)
_StrictLoader.add_constructor("tag:yaml.org,2002:map", _StrictLoader.construct_mapping)
_StrictLoader.add_constructor("tag:yaml.org,2002:seq", _StrictLoader.construct_sequence)
# Dates stay text: editors write "16 May 2025" or 2025-05-16 and we parse them ourselves.
_StrictLoader.add_constructor(
    "tag:yaml.org,2002:timestamp",
    _StrictLoader.construct_yaml_str,  # type: ignore[type-var]
)


def _unprintable(
    error: yaml.reader.ReaderError, text: str, shown_as: str, line_offset: int
) -> ContentError:
    """A control character YAML does not allow, at its place in the file."""
    before = text[: error.position]
    line = before.count("\n") + 1 + line_offset
    column = error.position - (before.rfind("\n") + 1) + 1
    return ContentError.at(
        shown_as,
        line,
        column,
        f"control character U+{error.character:04X} is not allowed in YAML",
        "delete it; it is invisible in most editors",
    )
