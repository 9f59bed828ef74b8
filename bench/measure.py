"""One timed build in this process, reported as one line of JSON on stdout.

``python -m bench.measure mkdocs CONFIG SITE_DIR`` runs MkDocs' own build (what
``mkdocs build`` runs) and ``python -m bench.measure core CONTENT_DIR [SITE_URL]`` runs
the core.
The benchmark starts a fresh process for each run, so ``ru_maxrss`` (the peak resident
memory, which never goes down) belongs to that one build and nothing else.
"""

from __future__ import annotations

import json
import logging
import resource
import sys
import time
from pathlib import Path


class _Counter(logging.Handler):
    """Counts MkDocs' warnings, so a run that went wrong is not mistaken for a fast one."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
        sys.stderr.write(f"{record.levelname}: {record.getMessage()}\n")


def measure_mkdocs(config_file: Path, site_dir: Path) -> dict[str, float | int]:
    """Load the config and build the site, as ``mkdocs build --clean`` does."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    counter = _Counter()
    logging.getLogger("mkdocs").addHandler(counter)
    start = time.perf_counter()
    config = load_config(config_file=str(config_file), site_dir=str(site_dir))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "peak_kib": _peak_kib(), "warnings": counter.count}


def measure_core(content_dir: Path, site_url: str = "") -> dict[str, float | int]:
    """Run ``generator.pipeline.build`` once (parse, load, link, render) as the plugin does."""
    from generator.pipeline import build

    start = time.perf_counter()
    site = build(content_dir, site_url=site_url)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "peak_kib": _peak_kib(), "warnings": len(site.warnings)}


def _peak_kib() -> int:
    # Linux reports ru_maxrss in KiB (macOS in bytes; the benchmark targets Linux).
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[0] == "mkdocs":
        result = measure_mkdocs(Path(argv[1]), Path(argv[2]))
    elif len(argv) in (2, 3) and argv[0] == "core":
        result = measure_core(Path(argv[1]), *argv[2:])
    else:
        sys.stderr.write(__doc__ or "")
        return 2
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
