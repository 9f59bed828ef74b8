"""The ``explainer`` command: parse, check and export without MkDocs."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from .check import check_content
from .errors import ContentError
from .load import display_path, load_source
from .load.textfile import read_text
from .model import Liveblog
from .parse.liveblog import ParseOptions, describe_liveblog, parse_liveblog
from .pipeline import build
from .report import describe_lines, lines_of
from .scaffold import new_explainer
from .yamlout import dump_yaml


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="explainer", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    parse = commands.add_parser("parse", help="print the parsed live-blog as YAML")
    parse.add_argument("file", type=Path)
    check = commands.add_parser("check", help="validate a content folder")
    check.add_argument("content_dir", type=Path, nargs="?", default=Path("content"))
    export = commands.add_parser(
        "export",
        help="write the generated Markdown pages to DIR, as the MkDocs plugin serves them",
    )
    export.add_argument("dir", type=Path)
    export.add_argument(
        "--config",
        type=Path,
        default=Path("mkdocs.yml"),
        help="where to read site_url, use_directory_urls and content_dir (if it exists)",
    )
    export.add_argument("--content", type=Path, help="the content folder (default: content)")
    export.add_argument(
        "--site-url",
        help="the site's address (mkdocs.yml's site_url), for absolute structured-data links",
    )
    new = commands.add_parser(
        "new", help="make DIR a new explainer of the live-blog LIVEBLOG (never overwrites)"
    )
    new.add_argument("liveblog", type=Path)
    new.add_argument("dir", type=Path)
    new.add_argument("--outlet", default="", help="who published the live-blog (source.yml)")
    new.add_argument("--url", default="", help="where the original was published (source.yml)")
    args = parser.parse_args(argv)
    try:
        if args.command == "parse":
            return _parse(args.file)
        if args.command == "check":
            return _check(args.content_dir)
        if args.command == "new":
            return _new(args.liveblog, args.dir, args.outlet, args.url)
        return _export(args.dir, args.config, args.content, args.site_url)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    except BrokenPipeError:  # `explainer parse ... | head`: the reader has gone; no traceback
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _parse(path: Path) -> int:
    """Print the parsed live-blog as YAML, then how every line was classified and which lines
    were left out; when the parse fails, the classification and then the problems.

    A source.yml beside the file supplies its zone, date, order and furniture lines, as
    the build would.
    """
    shown = display_path(path)
    source_path = path.parent / "source.yml"
    options = ParseOptions.from_source(load_source(source_path)) if source_path.is_file() else None
    text = read_text(path, shown)
    try:
        blog = parse_liveblog(text, shown, options or ParseOptions())
    except ContentError as error:
        lines = tuple(lines_of(error))
        if lines:
            print("\n".join(describe_lines(lines)))
        raise
    sys.stdout.write(dump_yaml(_describe(blog)))
    print("\n".join(describe_lines(blog.lines)))
    for warning in blog.warnings:
        # The code is what source.yml's 'confirm' names to accept the warning.
        code = f" [{warning.code}]" if warning.code else ""
        print(f"warning: {warning}{code}", file=sys.stderr)
    return 0


def _describe(blog: Liveblog) -> dict[str, object]:
    """The parser's description, with what the page said of itself after the headline."""
    described = describe_liveblog(blog)
    page = {
        "language": blog.language,
        "published": blog.published.isoformat() if blog.published else None,
        "updated": blog.updated.isoformat() if blog.updated else None,
    }
    return {"headline": described.pop("headline"), **page, **described}


def _new(liveblog: Path, folder: Path, outlet: str, url: str) -> int:
    """Write the new explainer; exit 1 if it cannot build yet (the problems say why)."""
    made = new_explainer(liveblog, folder, outlet=outlet, url=url)
    shown = display_path(folder)
    for problem in made.problems:
        print(problem, file=sys.stderr)
    for warning in made.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for key in made.todo:
        print(f"todo: {shown}/content/source.yml: set '{key}' (not found in the text)")
    print(f"wrote {len(made.written)} files to {shown}")
    if made.problems:
        print(f"the live-blog does not parse yet: fix the above, then `explainer check "
              f"{shown}/content`", file=sys.stderr)  # fmt: skip
        return 1
    print(f"next: cd {shown} && mkdocs serve")
    return 0


def _check(content_dir: Path) -> int:
    """Print every problem in the folder (exit 1 if any), then the warnings, then recurring
    names that have no glossary entry, as suggestions."""
    report = check_content(content_dir)
    shown = display_path(content_dir)
    for problem in report.problems:
        print(problem, file=sys.stderr)
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if report.suggestions:
        print("Names that recur in the live-blog without a glossary entry:")
        for suggestion in report.suggestions:
            print(f"suggestion: {suggestion.first}")
    if report.problems:
        count = len(report.problems)
        print(f"{shown}: {count} problem{'s' if count > 1 else ''}", file=sys.stderr)
        return 1
    explainer = report.explainer
    assert explainer is not None
    print(
        f"{shown}: {len(explainer.liveblog.entries)} entries, "
        f"{len(explainer.glossary)} glossary terms, {len(explainer.notes)} background notes, "
        f"{len(explainer.annotations)} annotations: no errors"
    )
    return 0


def _export(out: Path, config: Path, content: Path | None, site_url: str | None) -> int:
    """Write every generated page under ``out``, byte for byte what the plugin hands MkDocs.

    The plugin renders with mkdocs.yml's ``site_url`` and ``use_directory_urls``, so those
    (and the plugin's ``content_dir``) are read from ``config`` unless given here.
    """
    settings = _mkdocs_settings(config)
    site = build(
        content or settings["content_dir"],
        site_url=settings["site_url"] if site_url is None else site_url,
        directory_urls=settings["directory_urls"],
    )
    for path, markdown in site.pages.items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown, encoding="utf-8", newline="\n")
    print(f"wrote {len(site.pages)} pages to {display_path(out)}")
    return 0


def _mkdocs_settings(config: Path) -> dict[str, Any]:
    """What the plugin would be given by MkDocs: site_url, use_directory_urls, content_dir."""
    settings: dict[str, Any] = {
        "site_url": "",
        "directory_urls": True,
        "content_dir": Path("content"),
    }
    if not config.is_file():
        return settings
    from mkdocs.utils.yaml import yaml_load  # MkDocs' own loader: !ENV, INHERIT

    with config.open("rb") as file:
        data = yaml_load(file) or {}
    settings["site_url"] = data.get("site_url") or ""
    settings["directory_urls"] = data.get("use_directory_urls", True)
    plugins = data.get("plugins") or []
    # mkdocs.yml lists plugins as names or one-key mappings, or maps names to settings.
    entries = (
        plugins.items()
        if isinstance(plugins, dict)
        else [next(iter(p.items())) if isinstance(p, dict) else (p, None) for p in plugins]
    )
    for name, options in entries:
        if name == "explainer" and isinstance(options, dict) and options.get("content_dir"):
            settings["content_dir"] = config.parent / options["content_dir"]
    return settings


if __name__ == "__main__":
    sys.exit(main())
