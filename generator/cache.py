"""What the pipeline read and parsed, kept between builds while the files stay the same.

Under ``mkdocs serve`` every save rebuilds; a month of live-blog takes most of a second to
parse and its glossary half a second to load, though a save usually changes one file. Each
result is kept under the exact bytes of the files it came from (and any other input, such
as the parse options), so an unchanged file is never read wrong and a changed one is never
missed. A build with no cache (``mkdocs build``, the CLI) reads everything, as before.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from .link.mentions import KeptMentions
from .render.reuse import KeptPages

T = TypeVar("T")


class ContentCache:
    """One kept result per name: ``get`` recomputes it when its files or inputs changed."""

    def __init__(self) -> None:
        self._kept: dict[str, tuple[Hashable, Any]] = {}
        self.computed: list[str] = []
        """The names computed (not reused) by the last build, for tests and the curious."""
        self.mentions = KeptMentions()
        """Each paragraph's mentions, while the glossary and notes stay the same."""
        self.pages = KeptPages()
        """The rendered pages whose inputs a save did not change (render/reuse.py)."""

    def start_build(self) -> None:
        self.computed = []
        self.pages.start_build()

    def get(
        self, name: str, paths: Sequence[Path], compute: Callable[[], T], *inputs: Hashable
    ) -> T:
        """``compute()``, or the result kept from a build with the same files and inputs.

        A computation that raises (a content error) keeps nothing, so the next build tries
        again.
        """
        key = (tuple(_fingerprint(path) for path in paths), inputs)
        kept = self._kept.get(name)
        if kept is not None and kept[0] == key:
            return kept[1]  # type: ignore[no-any-return]
        value = compute()
        if value is None:  # it failed: keep nothing, so its problems are reported again
            self._kept.pop(name, None)
        else:
            self._kept[name] = (key, value)
        self.computed.append(name)
        return value


def _fingerprint(path: Path) -> tuple[str, bytes | None]:
    try:
        data = path.read_bytes()
    except OSError:
        return str(path), None  # missing or unreadable: computing reports it
    return str(path), hashlib.blake2b(data, digest_size=20).digest()
