"""The ``explainer`` command: parse, check, export, and help writing annotations, without
MkDocs."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from .annotate import entry_rows, find_words, near_misses, skeleton
from .check import check_content
from .errors import ContentError, ProblemCollector
from .export import write_project
from .load import display_path, load_source
from .load.textfile import read_text
from .model import Liveblog
from .parse.liveblog import ParseOptions, describe_liveblog, parse_liveblog
from .pipeline import build, collect
from .report import describe_lines, lines_of
from .scaffold import new_explainer
from .watch import watch
from .yamlout import dump_yaml


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="explainer", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    parse = commands.add_parser("parse", help="print the parsed live-blog as YAML")
    parse.add_argument("file", type=Path)
    check = commands.add_parser("check", help="validate a content folder")
    check.add_argument("content_dir", type=Path, nargs="?", default=Path("content"))
    check.add_argument(
        "--strict", action="store_true", help="exit 1 on warnings too, as `make site` does"
    )
    check.add_argument("--watch", action="store_true", help="check again on every save")
    entries = commands.add_parser(
        "entries", help="list every entry with its anchor, time and first words"
    )
    entries.add_argument("content_dir", type=Path, nargs="?", default=Path("content"))
    find = commands.add_parser(
        "find", help="which entry holds some words, as a ready-to-paste annotation"
    )
    find.add_argument("words")
    find.add_argument("--content", type=Path, default=Path("content"), dest="content_dir")
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
        "--project",
        action="store_true",
        help="write a whole project into DIR (docs/, overrides/, mkdocs.yml with the nav) "
        "that `mkdocs build` or `zensical build` builds without the plugin",
    )
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
        return _run(args)
    except BrokenPipeError:  # `explainer entries | head`: the reader has what it wanted
        sys.stderr.close()
        return 0


def _run(args: argparse.Namespace) -> int:
    try:
        if args.command == "parse":
            return _parse(args.file)
        if args.command == "check":
            if args.watch:
                return watch(args.content_dir, lambda: _check(args.content_dir, args.strict))
            return _check(args.content_dir, args.strict)
        if args.command == "entries":
            return _entries(args.content_dir)
        if args.command == "find":
            return _find(args.words, args.content_dir)
        if args.command == "new":
            return _new(args.liveblog, args.dir, args.outlet, args.url)
        return _export(args.dir, args.config, args.content, args.site_url, args.project)
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
        print(f"{warning.as_warning()}{code}", file=sys.stderr)
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
        print(warning.as_warning(), file=sys.stderr)
    for key in made.todo:
        print(f"todo: {shown}/content/source.yml: set '{key}' (not found in the text)")
    print(f"wrote {len(made.written)} files to {shown}")
    if made.problems:
        print(f"the live-blog does not parse yet: fix the above, then `explainer check "
              f"{shown}/content`", file=sys.stderr)  # fmt: skip
        return 1
    print(f"next: cd {shown} && mkdocs serve")
    return 0


def _check(content_dir: Path, strict: bool = False) -> int:
    """Print every problem in the folder, then the warnings (exit 1 if any problem, or with
    ``strict`` any warning), then recurring names that have no glossary entry."""
    report = check_content(content_dir)
    shown = display_path(content_dir)
    for problem in report.problems:
        print(problem, file=sys.stderr)
    for warning in report.warnings:
        print(warning.as_warning(), file=sys.stderr)
    if report.suggestions:
        print("Names that recur in the live-blog without a glossary entry:")
        for suggestion in report.suggestions:
            print(f"suggestion: {suggestion.first}")
    failing = report.problems + (report.warnings if strict else [])
    if failing:
        count = len(report.problems)
        summary = f"{count} problem{'s' if count != 1 else ''}"
        if strict and report.warnings:
            count = len(report.warnings)
            summary += f", {count} warning{'s' if count != 1 else ''} (--strict)"
        print(f"{shown}: {summary}", file=sys.stderr)
        return 1
    explainer = report.explainer
    assert explainer is not None
    print(
        f"{shown}: {len(explainer.liveblog.entries)} entries, "
        f"{len(explainer.glossary)} glossary terms, {len(explainer.notes)} background notes, "
        f"{len(explainer.annotations)} annotations: no errors"
        + (f", {len(report.warnings)} warnings" if report.warnings else "")
    )
    return 0


def _read_liveblog(content_dir: Path) -> Liveblog:
    """The live-blog as the build parses it, whatever is wrong in the other files."""
    problems = ProblemCollector()
    liveblog = collect(content_dir, problems).liveblog
    if liveblog is None:
        raise ContentError(problems.sorted_problems())
    return liveblog


def _entries(content_dir: Path) -> int:
    """Every entry an annotation can name: what to write as ``entry:``, the anchor and
    time, and the entry's headline or first words."""
    rows = entry_rows(_read_liveblog(content_dir))
    ref_width = max(len(ref) for ref, _, _ in rows)
    where_width = max(len(where) for _, where, _ in rows)
    for ref, where, words in rows:
        print(f"{ref:<{ref_width}}  {where:<{where_width}}  {words}".rstrip())
    return 0


def _find(words: str, content_dir: Path) -> int:
    """Where ``words`` occur, each as an annotation ready to paste into annotations.yml."""
    liveblog = _read_liveblog(content_dir)
    found = find_words(liveblog, words)
    if not found:
        misses = near_misses(liveblog, words)
        hint = (
            "did you mean " + ", ".join(f"{text!r} in {ref}" for ref, text in misses[:3]) + "?"
            if misses
            else "copy the words exactly from the entry, including ’ and “ ” marks"
        )
        print(f"{liveblog.path}: not found: {words!r} ({hint})", file=sys.stderr)
        return 1
    for finding in found:
        print(f"# {finding.ref}: {finding.context}")
        print(skeleton(finding))
    return 0


def _export(
    out: Path, config: Path, content: Path | None, site_url: str | None, project: bool = False
) -> int:
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
    if project:
        try:
            count = write_project(out, site, config, settings["config"])
        except FileExistsError as error:
            print(f"explainer export: {error}", file=sys.stderr)
            return 1
        print(f"wrote a project with {count} generated pages to {display_path(out)}")
        return 0
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
        "config": {},
    }
    if not config.is_file():
        return settings
    from mkdocs.utils.yaml import yaml_load  # MkDocs' own loader: !ENV, INHERIT

    with config.open("rb") as file:
        data = yaml_load(file) or {}
    settings["config"] = data
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
