"""What the tests share: paths, a real MkDocs build, and the one golden-file helper.

Fixtures live in ``conftest.py``; plain helpers live here so that test modules import them
by name (``from support import ROOT, mkdocs_build``) rather than from pytest's conftest.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
SEED = CONTENT / "liveblog.txt"
CASES = ROOT / "tests" / "cases"

UPDATE_GOLDEN = os.environ.get("UPDATE_GOLDEN") == "1"
"""``UPDATE_GOLDEN=1 pytest ...`` rewrites every golden file from what the code makes now.
Read the diff before keeping it: a golden file says what is right, not what the code does."""


def assert_golden(
    expected: Path,
    actual: str,
    *,
    choices: Sequence[str] = (),
    normalise: Callable[[str], str] | None = None,
) -> None:
    """Assert that ``actual`` is what the golden file ``expected`` holds.

    ``choices`` names the files a case may hold instead (``expected.yml`` or
    ``expected-error.txt``): exactly one of them must exist, and it must be ``expected``.
    Under ``UPDATE_GOLDEN=1`` the others are removed and ``expected`` is written first.
    ``normalise`` turns the file's text into the form ``actual`` is in (for hand-written
    YAML that need not match the dumper's layout).
    """
    others = [expected.parent / name for name in choices if name != expected.name]
    if UPDATE_GOLDEN:
        for other in others:
            other.unlink(missing_ok=True)
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_text(actual, encoding="utf-8", newline="\n")
    case = expected.parent.name
    present = [other.name for other in others if other.exists()]
    assert not present, f"{case}: holds {present}, but the code gave {expected.name}:\n{actual}"
    assert expected.is_file(), f"{case}: no {expected.name}; the code gave:\n{actual}"
    wanted = expected.read_text(encoding="utf-8")
    assert actual == (normalise(wanted) if normalise else wanted), f"{case}: {expected.name}"


CURRENT_MARKS: set[str] = set()
"""The markers of the test running now (set by an autouse fixture in conftest.py)."""


def require_site_marker() -> None:
    """Fail a test that builds or serves a site without saying so: ``make unit`` leaves out
    tests marked ``site``, and it must stay fast."""
    assert "site" in CURRENT_MARKS, "a test that builds a site must be marked @pytest.mark.site"


def mkdocs_build(
    project: Path, site_dir: Path, *, strict: bool = True
) -> subprocess.CompletedProcess[str]:
    """Run a real ``mkdocs build`` of ``project`` into ``site_dir``."""
    require_site_marker()
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1747353600", "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "--site-dir", str(site_dir)]
    if strict:
        command.append("--strict")
    return subprocess.run(
        command, cwd=project, env=env, capture_output=True, text=True, timeout=300
    )
