"""``explainer check --watch``: run the check again whenever a content file is saved.

The folder is polled twice a second (no dependency, works on every file system); editors'
lock, backup and swap files are left out, so opening a file does not trigger a check.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from .pipeline import is_editor_file

POLL_SECONDS = 0.5


def watch(content_dir: Path, check: Callable[[], int]) -> int:
    """Run ``check`` now and after every change in ``content_dir``, until interrupted."""
    seen: dict[str, tuple[int, int]] | None = None
    try:
        while True:
            now = snapshot(content_dir)
            if now != seen:
                if seen is not None:
                    print(f"--- {time.strftime('%H:%M:%S')}: content changed; checking again")
                check()
                print(f"--- watching {content_dir} (Ctrl-C to stop)", flush=True)
                sys.stderr.flush()
                seen = now
            time.sleep(POLL_SECONDS)
    except KeyboardInterrupt:
        return 0


def snapshot(content_dir: Path) -> dict[str, tuple[int, int]]:
    """Every content file's modification time and size."""
    found = {}
    for path in sorted(content_dir.rglob("*")) if content_dir.is_dir() else ():
        if path.is_file() and not is_editor_file(path):
            stat = path.stat()
            found[str(path)] = (stat.st_mtime_ns, stat.st_size)
    return found
