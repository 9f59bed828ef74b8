"""``explainer export --project DIR``: a folder any engine builds without the plugin.

Zensical (Material's successor) reads ``mkdocs.yml`` but ignores plugins it does not know,
and plain ``mkdocs build`` without the plugin has no pages to build. The project written
here needs neither: ``docs/`` holds the hand-written pages and assets with the generated
pages beside them, ``overrides/`` the theme overrides the plugin would add (after the
project's own ``custom_dir``, which wins, as under the plugin), and ``mkdocs.yml`` the
project's settings with relative paths, the nav, the Markdown extensions the pages need,
and every plugin but ours.
"""

from __future__ import annotations

import inspect
import shutil
from pathlib import Path
from typing import Any

import yaml

from .model import Site

THEME_DIR = Path(__file__).parent / "theme"
HOOK_404 = "explainer_404.py"
NEEDED_EXTENSIONS = ("attr_list", "md_in_html")
"""What the generated pages rely on (the plugin adds them too)."""


def write_project(out: Path, site: Site, config_path: Path, config: dict[str, Any]) -> int:
    """Write the project into ``out`` (an empty or new folder); the number of pages."""
    if out.exists() and any(out.iterdir()):
        raise FileExistsError(f"{out} is not empty; export a project into a new folder")
    root = config_path.parent
    docs = out / "docs"
    source_docs = root / str(config.get("docs_dir") or "docs")
    if source_docs.is_dir():
        shutil.copytree(source_docs, docs)
    for path, markdown in site.pages.items():
        target = docs / path
        if target.exists():
            raise FileExistsError(
                f"{source_docs.name}/{path} clashes with the generated page {path}"
            )
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown, encoding="utf-8", newline="\n")
    theme = _theme(config.get("theme"))
    if theme.get("name", "material") == "material":
        own = theme.get("custom_dir")
        if own:
            shutil.copytree(root / str(own), out / "overrides")
        # The project's own overrides win, as when the plugin adds ours after them.
        shutil.copytree(
            THEME_DIR,
            out / "overrides",
            dirs_exist_ok=True,
            copy_function=_keep,
            ignore=shutil.ignore_patterns("*.py", "__pycache__"),
        )
        theme["custom_dir"] = "overrides"
    settings = {key: value for key, value in config.items() if key != "INHERIT"}
    settings.update(docs_dir="docs", site_dir="site", theme=theme)
    settings["plugins"] = _without_explainer(config.get("plugins"))
    settings["markdown_extensions"] = _with_needed(config.get("markdown_extensions"))
    if not config.get("nav"):
        settings["nav"] = site.nav
    # What the plugin hands the theme (footer, print header), and its 404 rewrite as a hook.
    extra = dict(config.get("extra") or {})
    extra["explainer"] = {"footer": site.footer, "print_header": site.print_header}
    settings["extra"] = extra
    (out / HOOK_404).write_text(_hook_source(), encoding="utf-8")
    settings["hooks"] = [*(config.get("hooks") or []), HOOK_404]
    (out / "mkdocs.yml").write_text(
        "# Written by `explainer export --project`: builds with `mkdocs build` or\n"
        "# `zensical build`, no plugin needed. Regenerate it rather than editing it.\n"
        + yaml.safe_dump(settings, allow_unicode=True, sort_keys=False, width=100),
        encoding="utf-8",
    )
    return len(site.pages)


def _hook_source() -> str:
    """A hook file that needs nothing but MkDocs: the plugin's own 404 rewrite, copied."""
    from .plugin import portable_404  # the adapter's code, written out as source

    return (
        '"""Written by `explainer export --project`: the plugin\'s 404 rewrite, as a hook."""\n\n'
        "import json\nfrom urllib.parse import urlsplit\n\n\n"
        + inspect.getsource(portable_404)
        + "\n\ndef on_post_template(output_content, template_name, config):\n"
        '    if template_name != "404.html":\n'
        "        return output_content\n"
        '    return portable_404(output_content, urlsplit(config.site_url or "").path or "/")\n'
    )


def _keep(source: str, target: str) -> None:
    if not Path(target).exists():
        shutil.copy2(source, target)


def _theme(theme: object) -> dict[str, Any]:
    if isinstance(theme, str):
        return {"name": theme}
    return dict(theme) if isinstance(theme, dict) else {"name": "material"}


def _name(item: object) -> str:
    if isinstance(item, dict):
        return str(next(iter(item), ""))
    return str(item)


def _without_explainer(plugins: object) -> list[Any]:
    if isinstance(plugins, dict):
        return [{name: options} for name, options in plugins.items() if name != "explainer"]
    return (
        [p for p in plugins or [] if _name(p) != "explainer"] if isinstance(plugins, list) else []
    )


def _with_needed(extensions: object) -> list[Any]:
    listed = list(extensions) if isinstance(extensions, list) else []
    names = {_name(item) for item in listed}
    return listed + [name for name in NEEDED_EXTENSIONS if name not in names]
