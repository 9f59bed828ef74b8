"""The ``explainer`` command: parse, check and export without MkDocs."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import yaml

from .build import assemble, build
from .errors import ContentError
from .load import display_path
from .parse import parse_liveblog
from .textfile import read_text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="explainer", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    parse = commands.add_parser("parse", help="print the parsed live-blog as YAML")
    parse.add_argument("file", type=Path)
    check = commands.add_parser("check", help="validate a content folder")
    check.add_argument("content_dir", type=Path, nargs="?", default=Path("content"))
    export = commands.add_parser("export", help="write the generated Markdown pages to DIR")
    export.add_argument("dir", type=Path)
    export.add_argument("--content", type=Path, default=Path("content"))
    args = parser.parse_args(argv)
    try:
        if args.command == "parse":
            return _parse(args.file)
        if args.command == "check":
            return _check(args.content_dir)
        return _export(args.content, args.dir)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1


def _parse(path: Path) -> int:
    shown = display_path(path)
    blog = parse_liveblog(read_text(path, shown), shown)
    model = {
        "headline": blog.headline.text,
        "intro": [p.text for p in blog.intro],
        "order": blog.order,
        "entries": [
            {
                "anchor": e.anchor,
                "posted": e.posted.isoformat(),
                "time": e.time_label,
                "line": e.line,
                "paragraphs": [p.text for p in e.paragraphs],
            }
            for e in blog.entries
        ],
    }
    sys.stdout.write(yaml.safe_dump(model, allow_unicode=True, sort_keys=False, width=100))
    counts = Counter(line.kind for line in blog.lines if line.kind != "blank")
    print(
        "# lines: "
        + ", ".join(
            f"{kind} {counts[kind]}"
            for kind in ("headline", "intro", "date", "time", "paragraph", "furniture")
        )
    )
    for warning in blog.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return 0


def _check(content_dir: Path) -> int:
    explainer = assemble(content_dir)
    for warning in explainer.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(
        f"{display_path(content_dir)}: {len(explainer.liveblog.entries)} entries, "
        f"{len(explainer.glossary)} glossary terms, {len(explainer.notes)} background notes, "
        f"{len(explainer.annotations)} annotations: no errors"
    )
    return 0


def _export(content_dir: Path, out: Path) -> int:
    site = build(content_dir)
    for path, markdown in site.pages.items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown, encoding="utf-8", newline="\n")
    print(f"wrote {len(site.pages)} pages to {display_path(out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
