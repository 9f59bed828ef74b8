"""Reading mkdocs.yml for the benchmark's own bookkeeping (never for building)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without resolving MkDocs' and Python's tags (we only need names)."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_config(path: Path) -> dict[str, Any]:
    """mkdocs.yml as plain data; tagged values (!ENV, !!python/name) read as None."""
    data = yaml.load(path.read_text("utf-8"), Loader=_TolerantLoader)
    return data if isinstance(data, dict) else {}


def item_name(item: object) -> str:
    """The name of a plugin or extension as mkdocs.yml lists it (a string or a one-key map)."""
    if isinstance(item, dict):
        return str(next(iter(item), ""))
    return item if isinstance(item, str) else ""
