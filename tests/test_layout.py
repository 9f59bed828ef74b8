"""The package's layout is part of its design: one folder per stage, a core that knows
nothing of MkDocs, stages that only look back, and modules small enough to read."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from support import ROOT

PACKAGE = ROOT / "generator"
STAGES = ("parse", "load", "link", "render")
"""In pipeline order: a stage may use the shared vocabulary and the stages before it."""
SHARED = ("model", "errors", "collector")  # collector: the cycle collector paused, nothing else
ENGINES = ("mkdocs", "properdocs", "material", "zensical")
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 80


def _modules(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.py"))


def _imports(path: Path, text: str | None = None) -> set[str]:
    """Every module ``path`` imports (or ``text``, read as though it were that module), as
    dotted names from the top (``generator.load``)."""
    package = path.relative_to(ROOT).parts[:-1]
    text = path.read_text(encoding="utf-8") if text is None else text
    found: set[str] = set()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = list(package[: len(package) - node.level + 1]) if node.level else []
            found.add(".".join([*base, *(node.module.split(".") if node.module else [])]))
    return found


def _stage_of(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "generator" else None


CORE = [path for stage in STAGES for path in _modules(PACKAGE / stage)] + [
    PACKAGE / f"{name}.py" for name in SHARED
]


@pytest.mark.parametrize("path", CORE, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_the_core_knows_nothing_of_the_site_engine(path: Path) -> None:
    engines = {name for name in _imports(path) if name.split(".")[0] in ENGINES}
    assert not engines, f"{path.relative_to(ROOT)} imports {sorted(engines)}"


@pytest.mark.parametrize("path", CORE, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_each_stage_uses_only_the_stages_before_it(path: Path) -> None:
    own = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
    allowed = set(SHARED) | (set(STAGES[: STAGES.index(own) + 1]) if own in STAGES else set())
    if own == "render":
        allowed.discard("load")  # render works from the linked model, never from files
    used = {_stage_of(name) for name in _imports(path)} - {None}
    assert used <= allowed, f"{path.relative_to(ROOT)} uses {sorted(used - allowed)}"


def test_the_checks_see_relative_and_absolute_imports() -> None:
    """The import reader itself, so that the two tests above can fail."""
    site = PACKAGE / "render" / "site.py"
    assert "generator.model" in _imports(site)
    assert _imports(site, "from ..load.yamlfile import load_yaml\n") == {"generator.load.yamlfile"}
    assert _imports(site, "from .router import Router\n") == {"generator.render.router"}
    assert _imports(PACKAGE / "render" / "__init__.py", "from .site import x\n") == {
        "generator.render.site"
    }
    assert _imports(site, "import mkdocs.plugins\n") == {"mkdocs.plugins"}


@pytest.mark.parametrize("path", _modules(PACKAGE), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_modules_and_functions_stay_small(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lines = text.count("\n")
    assert lines <= MAX_MODULE_LINES, f"{path.relative_to(ROOT)} has {lines} lines"
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            assert length <= MAX_FUNCTION_LINES, (
                f"{path.relative_to(ROOT)}:{node.lineno}: {node.name}() has {length} lines"
            )
