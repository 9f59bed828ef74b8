"""Stage 2, load: the editors' YAML and front matter -> validated model objects.

Every file is read strictly (see ``yamlfile``), checked against its JSON Schema (see
``validate``) and then for what a schema cannot say (duplicate ids, unsafe Markdown).
All problems in a file are reported together.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import ContentError, ProblemCollector
from ..model import Annotation, BackgroundNote, GlossaryTerm, Reference
from .aliases import AliasClaims, alias_key, fold_key, given_name, same_alias
from .markdown import check_markdown
from .schema import check, positions_of, valid_records
from .textfile import read_text
from .yamlfile import YamlMap, load_yaml, load_yaml_file

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\n)?---[ \t]*(?:\r?\n|\Z)", re.DOTALL)


def display_path(path: Path) -> str:
    """The path as an editor would type it: relative to the working folder when inside it,
    else absolute (``../../tmp/x`` is no help in a message)."""
    absolute = Path(os.path.abspath(path))
    try:
        return str(absolute.relative_to(Path.cwd()))
    except (ValueError, OSError):  # outside the working folder, or that folder is gone
        return str(absolute)


def load_glossary(paths: list[Path]) -> tuple[GlossaryTerm, ...]:
    """Read glossary files; ids and aliases must be unique across all of them.

    Alias clashes and lone given names are checked here, not when matching, because only
    here is each alias's line and column known, and because every problem in a file is
    reported together (an unknown key does not hide a clash).
    """
    collector = ProblemCollector()
    files = []
    for path in paths:
        problems = collector.file(display_path(path))
        try:
            data = load_yaml_file(path, problems.path, problems)
        except ContentError as error:  # reported; the other files are still checked
            collector.extend(error.problems)
            continue
        files.append((problems.path, data, problems))
    given = _given_names(record for _, data, _ in files for record, _ in _records(data))
    terms: list[GlossaryTerm] = []
    first_ids: dict[str, str] = {}  # id -> where it was first defined
    claims: AliasClaims[str] = AliasClaims()
    for shown, data, problems in files:
        valid = {id(record) for record, _ in valid_records(data, "glossary", problems)}
        for record, (line, column) in _records(data):
            term_id = record.get("id")
            if isinstance(term_id, str):
                if term_id in first_ids:
                    problems.add_at(
                        record.value_at("id"),
                        f"duplicate id '{term_id}'",
                        f"first defined at {first_ids[term_id]}",
                    )
                    continue
                first_ids[term_id] = "{}:{}:{}".format(shown, *record.value_at("id"))
            _check_spellings(record, shown, given, claims, problems)
            for key in ("summary", "role"):
                if isinstance(record.get(key), str):
                    check_markdown(record[key], problems, record.value_at(key), key)
            if id(record) in valid:
                terms.append(_glossary_term(record, shown, line, column))
    collector.raise_if_any()
    return tuple(terms)


def _records(data: Any) -> list[tuple[YamlMap, tuple[int, int]]]:
    """The mappings of a glossary file with their positions, skipping anything malformed
    (the schema check reports it) so the other checks still run."""
    if not isinstance(data, list):
        return []
    return [
        (record, at) for record, at in zip(data, positions_of(data)) if isinstance(record, YamlMap)
    ]


def _spellings(record: YamlMap) -> list[tuple[str, str, tuple[int, int]]]:
    """(what, spelling, position) for a record's name and each of its aliases."""
    found = []
    if isinstance(record.get("name"), str):
        found.append(("name", record["name"], record.value_at("name")))
    aliases = record.get("aliases")
    if isinstance(aliases, list):
        positions = positions_of(aliases)
        found += [
            ("alias", alias, at) for alias, at in zip(aliases, positions) if isinstance(alias, str)
        ]
    return found


def _any_case(record: YamlMap) -> bool:
    """The term's spellings match in any letter case (``match_case: false``)."""
    return record.get("match_case") is False


def _given_names(records: Iterable[YamlMap]) -> dict[str, list[tuple[str, str, bool]]]:
    """Folded given name -> (person, given name, any case?) for each person whose name or
    alias starts with it ("vladimir" -> four)."""
    given: dict[str, list[tuple[str, str, bool]]] = {}
    for record in records:
        if record.get("kind") != "person":
            continue
        for _, spelling, _ in _spellings(record):
            first = given_name(spelling)
            person = str(record.get("name", record.get("id", "?")))
            if first:
                given.setdefault(fold_key(first), []).append((person, first, _any_case(record)))
    return given


def _check_spellings(
    record: YamlMap,
    shown: str,
    given: dict[str, list[tuple[str, str, bool]]],
    claims: AliasClaims[str],
    problems: ProblemCollector,
) -> None:
    """A person's alias may not be a given name alone; no alias may stand for two terms.

    Spellings compare as keys, or ignoring case where either side has ``match_case: false``.
    """
    term_id = str(record.get("id", "?"))
    any_case = _any_case(record)
    for what, spelling, at in _spellings(record):
        key = alias_key(spelling)
        folded = fold_key(spelling)
        people = list(
            dict.fromkeys(
                person
                for person, first, first_any_case in given.get(folded, [])
                if same_alias(first, first_any_case, spelling, any_case)
            )
        )
        if record.get("kind") == "person" and people:
            problems.add_at(
                at,
                f"{what} '{spelling}' of '{term_id}' is a given name alone",
                f"'{key}' alone could be "
                + ", ".join(people[:3])
                + (" or others" if len(people) > 3 else "")
                + "; use the surname or the full name",
            )
            continue
        owner = claims.claim(spelling, any_case, term_id, f"{shown}:{at[0]}:{at[1]}")
        if owner:
            problems.add_at(
                at,
                f"alias '{spelling}' is claimed by '{owner[0]}' and '{term_id}'",
                f"an alias links to one term only; the other claim is at {owner[1]}",
            )


def _glossary_term(record: YamlMap, shown: str, line: int, column: int) -> GlossaryTerm:
    aliases = record.get("aliases", ())
    return GlossaryTerm(
        id=record["id"],
        name=record["name"],
        kind=record["kind"],
        aliases=tuple(aliases),
        summary=record["summary"],
        sources=_references(record["sources"]),
        role=record.get("role", ""),
        wikidata=record.get("wikidata", ""),
        links=_references(record.get("links", ())),
        match_case=record.get("match_case", True),
        group=record.get("group", ""),
        link=record.get("link", True),
        line=line,
        column=column,
        path=shown,
        name_at=record.value_at("name"),
        alias_at=tuple(positions_of(aliases)),
    )


def load_note(path: Path) -> BackgroundNote:
    """Read one background note: YAML front matter, then a Markdown body."""
    shown = display_path(path)
    text = read_text(path, shown)
    match = _FRONT_MATTER.match(text)
    if match is None:
        raise ContentError.at(
            shown, 1, 1, "no front matter", "start the file with '---', the YAML keys, then '---'"
        )
    # One pass reports duplicate keys, schema problems and unsafe Markdown in the body.
    problems = ProblemCollector(shown)
    data = load_yaml(match[1] or "", shown, first_line=2, problems=problems)
    if data is None:
        data = YamlMap()
    body = text[match.end() :]
    body_line = text[: match.end()].count("\n") + 1
    check_markdown(body, problems, (body_line, 1), "body")
    if check(data, "background", problems, (1, 1)):
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
        alias_at=tuple(positions_of(data["aliases"])),
    )


def load_annotations(path: Path) -> tuple[Annotation, ...]:
    """Read ``annotations.yml`` (quotes are placed later, by ``link``)."""
    problems = ProblemCollector(display_path(path))
    annotations = read_annotations(path, problems)
    problems.raise_if_any()
    return annotations


def read_annotations(path: Path, problems: ProblemCollector) -> tuple[Annotation, ...]:
    """The annotations that passed their checks; the problems of the others go to
    ``problems``.

    The build goes on to place the good ones, so one pass reports a misspelt key in one
    record and a misquoted phrase in another. Only an unreadable file or broken YAML raises.
    """
    problems = problems.file(display_path(path))
    data = load_yaml_file(path, problems.path, problems)
    annotations = []
    seen: dict[tuple[str, ...], int] = {}  # what a record says -> its line
    for record, (line, column) in valid_records(data, "annotations", problems):
        said = tuple(str(record.get(key, "")) for key in _SAYS)
        if said in seen:
            problems.warn(
                line,
                column,
                f"annotation repeats the one on line {seen[said]} word for word",
                "delete one of them; pasted twice?",
            )
        seen.setdefault(said, line)
        check_markdown(
            record["text"], problems, record.value_at("text"), "text", record.raw_value("text")
        )
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
                entry_at=record.value_at("entry"),
                quote_at=record.value_at("quote"),
                see_at=record.value_at("see"),
            )
        )
    return tuple(annotations)


_SAYS = ("entry", "quote", "prefix", "suffix", "kind", "text")
"""What makes two annotations the same note (their sources may differ)."""


def _references(records: Any) -> tuple[Reference, ...]:
    return tuple(Reference(record["title"], record["url"]) for record in records)
