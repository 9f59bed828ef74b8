"""Stage 2, load: the editors' YAML and front matter -> validated model objects.

Every file is read strictly (see ``yamlfile``), checked against its JSON Schema (see
``validate``) and then for what a schema cannot say (duplicate ids, unsafe Markdown).
All problems in a file are reported together.
"""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path
from typing import Any

from .errors import ContentError, Problem, ProblemCollector
from .model import Annotation, BackgroundNote, GlossaryTerm, Reference, SourceInfo
from .textfile import read_text
from .validate import check, positions_of
from .yamlfile import YamlMap, load_yaml, load_yaml_file

_RAW_HTML = re.compile(r"<(?=[A-Za-z/!?])")
_LINK_TARGETS = re.compile(
    r"\]\(\s*<?([^)\s>]+)|^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)|<([A-Za-z][A-Za-z0-9+.-]*:[^>\s]*)>",
    re.MULTILINE,
)
_SAFE_SCHEMES = ("http://", "https://", "mailto:")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)


def display_path(path: Path) -> str:
    """The path as an editor would type it: relative to the working folder when inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def load_source(path: Path) -> SourceInfo:
    """Read ``source.yml``."""
    shown = display_path(path)
    data = load_yaml_file(path, shown)
    problems = ProblemCollector(shown)
    if not check(data, "source", problems):
        problems.raise_if_any()
    try:
        published = date.fromisoformat(data["published"])
    except ValueError:
        problems.add_at(
            data.value_at("published"),
            f"not a valid date: {data['published']!r}",
            "write it as YYYY-MM-DD",
        )
        problems.raise_if_any()
    return SourceInfo(
        outlet=data["outlet"],
        headline=data["headline"],
        published=published,
        timezone=data["timezone"],
        url=data.get("url", ""),
        order=data.get("order"),
        furniture=tuple(data.get("furniture", ())),
        key_moments=tuple(data.get("key_moments", ())),
        language=data.get("language", "en"),
    )


def load_glossary(paths: list[Path]) -> tuple[GlossaryTerm, ...]:
    """Read glossary files; ids and aliases must be unique across all of them."""
    terms: list[GlossaryTerm] = []
    all_problems: list[Problem] = []
    owners: dict[str, tuple[str, str]] = {}  # id -> (file, where) for duplicate reports
    for path in paths:
        shown = display_path(path)
        data = load_yaml_file(path, shown)
        problems = ProblemCollector(shown)
        if data is None:
            data = []
        if check(data, "glossary", problems):
            for record, (line, _) in zip(data, positions_of(data)):
                if record["id"] in owners:
                    problems.add_at(
                        record.value_at("id"),
                        f"duplicate id '{record['id']}'",
                        f"first defined at {owners[record['id']][1]}",
                    )
                    continue
                owners[record["id"]] = (shown, f"{shown}:{line}")
                for key in ("summary", "role"):
                    if key in record:
                        check_markdown(record[key], problems, record.value_at(key), key)
                terms.append(
                    GlossaryTerm(
                        id=record["id"],
                        name=record["name"],
                        kind=record["kind"],
                        aliases=tuple(record.get("aliases", ())),
                        summary=record["summary"],
                        sources=_references(record["sources"]),
                        role=record.get("role", ""),
                        wikidata=record.get("wikidata", ""),
                        links=_references(record.get("links", ())),
                        line=line,
                    )
                )
        all_problems += problems.problems
    if all_problems:
        raise ContentError(all_problems)
    return tuple(terms)


def load_note(path: Path) -> BackgroundNote:
    """Read one background note: YAML front matter, then a Markdown body."""
    shown = display_path(path)
    text = read_text(path, shown)
    match = _FRONT_MATTER.match(text)
    if match is None:
        raise ContentError.at(
            shown, 1, 1, "no front matter", "start the file with '---', the YAML keys, then '---'"
        )
    data = load_yaml(match[1] or "", shown, first_line=2)
    problems = ProblemCollector(shown)
    if data is None:
        data = YamlMap()
    if not check(data, "background", problems, (1, 1)):
        problems.raise_if_any()
    body = text[match.end() :]
    body_line = text[: match.end()].count("\n") + 1
    check_markdown(body, problems, (body_line, 1), "body")
    check_markdown(data["summary"], problems, data.value_at("summary"), "summary")
    problems.raise_if_any()
    return BackgroundNote(
        slug=path.stem,
        title=data["title"],
        date=str(data["date"]),
        place=data["place"],
        aliases=tuple(data["aliases"]),
        summary=data["summary"],
        sources=_references(data["sources"]),
        body=body.strip() + "\n",
        path=shown,
    )


def load_annotations(path: Path) -> tuple[Annotation, ...]:
    """Read ``annotations.yml`` (quotes are placed later, by ``link``)."""
    shown = display_path(path)
    data = load_yaml_file(path, shown)
    if data is None:
        return ()
    problems = ProblemCollector(shown)
    if not check(data, "annotations", problems):
        problems.raise_if_any()
    annotations = []
    for record, (line, column) in zip(data, positions_of(data)):
        check_markdown(record["text"], problems, record.value_at("text"), "text")
        annotations.append(
            Annotation(
                entry=record["entry"],
                quote=record["quote"],
                kind=record["kind"],
                text=record["text"],
                sources=_references(record["sources"]),
                prefix=record.get("prefix", ""),
                suffix=record.get("suffix", ""),
                see=record.get("see", ""),
                line=line,
                column=column,
            )
        )
    problems.raise_if_any()
    return tuple(annotations)


def check_markdown(text: str, problems: ProblemCollector, at: tuple[int, int], name: str) -> None:
    """Editors' Markdown may link (http, https, mailto) but carries no raw HTML."""
    line, column = at
    for match in _RAW_HTML.finditer(text):
        where = _offset_position(text, match.start(), line, column)
        problems.add_at(
            where,
            f"raw HTML is not allowed in '{name}'",
            "use Markdown; write &lt; for a literal '<'",
        )
    for match in _LINK_TARGETS.finditer(text):
        target = next(group for group in match.groups() if group)
        if not target.lower().startswith(_SAFE_SCHEMES) and not target.startswith("#"):
            where = _offset_position(text, match.start(), line, column)
            problems.add_at(
                where,
                f"link target {target!r} is not allowed in '{name}'",
                "links must start with http://, https:// or mailto:",
            )


def _offset_position(text: str, offset: int, line: int, column: int) -> tuple[int, int]:
    before = text[:offset]
    newlines = before.count("\n")
    if newlines == 0:
        return line, column + offset
    return line + newlines, offset - before.rfind("\n")


def _references(records: Any) -> tuple[Reference, ...]:
    return tuple(Reference(record["title"], record["url"]) for record in records)
