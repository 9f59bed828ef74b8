"""YAML written directly, for ``explainer parse``: plain data in block style, every string a
double-quoted scalar.

PyYAML's pure-Python dumper spends ten times the parse on a large live-blog (it resolves
and analyses every scalar to choose a style); the data here is a few kinds of value, so
writing it is a loop. A JSON string is a valid YAML double-quoted scalar once the characters
YAML will not take raw are escaped too: those outside YAML's printable set (DEL, C1 controls,
lone surrogates) and those YAML 1.1 readers take as line breaks (U+0085, U+2028, U+2029),
which would otherwise be folded into spaces; the byte order mark as well, which a reader
may drop. The output loads back with ``yaml.safe_load`` as the same data.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence

_PLAIN_KEY = re.compile(r"[a-z_][a-z0-9_]*")
_RESOLVED = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})
"""Plain words a YAML reader takes for something other than text."""
_UNSAFE = re.compile(
    "[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
"""What may not stand raw in a quoted scalar (tab and line breaks are escaped by JSON)."""
_JSON_STRING = json.JSONEncoder(ensure_ascii=False).encode
"""``json.dumps(text, ensure_ascii=False)``, without making an encoder for every string."""


def dump_yaml(data: object) -> str:
    """``data`` (mappings, lists, strings, numbers, booleans, None) as a YAML document."""
    out: list[str] = []
    if isinstance(data, Mapping) and data:
        _write_mapping(data, "", out)
    elif isinstance(data, list | tuple) and data:
        _write_sequence(data, "", out)
    else:
        out.append(_scalar(data) + "\n")
    return "".join(out)


def quote(text: str) -> str:
    """A YAML double-quoted scalar that reads back as exactly ``text``."""
    quoted = _JSON_STRING(text)
    if _UNSAFE.search(quoted) is None:
        return quoted
    return _UNSAFE.sub(_escape, quoted)


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match[0]):04x}"  # every such character is in the BMP


def _scalar(value: object) -> str:
    if isinstance(value, str):  # first: nearly every value is text
        return quote(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return repr(value)
    if isinstance(value, Mapping):
        return "{}"
    if isinstance(value, Sequence):
        return "[]"
    raise TypeError(f"cannot write {type(value).__name__} as YAML")


def _key(key: object) -> str:
    text = str(key)
    return text if _PLAIN_KEY.fullmatch(text) and text not in _RESOLVED else quote(text)


def _write_mapping(data: Mapping[object, object], indent: str, out: list[str]) -> None:
    for key, value in data.items():
        out.append(f"{indent}{_key(key)}:")
        _write_value(value, indent, out)


def _write_sequence(data: Sequence[object], indent: str, out: list[str]) -> None:
    for item in data:
        if isinstance(item, str):  # a paragraph: the commonest item, tested first
            out.append(f"{indent}- {quote(item)}\n")
        elif isinstance(item, Mapping) and item:
            # "- key: value" with the mapping's other keys under the first.
            out.append(f"{indent}- ")
            inner = indent + "  "
            items = iter(item.items())
            key, value = next(items)
            out.append(f"{_key(key)}:")
            _write_value(value, inner, out)
            for key, value in items:
                out.append(f"{inner}{_key(key)}:")
                _write_value(value, inner, out)
        elif isinstance(item, list | tuple) and item:
            out.append(f"{indent}-\n")
            _write_sequence(item, indent + "  ", out)
        else:
            out.append(f"{indent}- {_scalar(item)}\n")


def _write_value(value: object, indent: str, out: list[str]) -> None:
    """After ``key:``: a scalar on the same line, or a nested block below it."""
    if isinstance(value, str):
        out.append(f" {quote(value)}\n")
    elif isinstance(value, Mapping) and value:
        out.append("\n")
        _write_mapping(value, indent + "  ", out)
    elif isinstance(value, list | tuple) and value:
        out.append("\n")
        _write_sequence(value, indent, out)  # "- " at the key's indent, as PyYAML writes it
    else:
        out.append(f" {_scalar(value)}\n")
