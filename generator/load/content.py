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

from ..errors import ContentError, Problem, ProblemCollector
from ..model import Annotation, BackgroundNote, GlossaryTerm, Reference
from .aliases import AliasClaims, alias_key, fold_key, given_name, same_alias
from .schema import check, positions_of, valid_records
from .textfile import read_text
from .yamlfile import YamlMap, load_yaml, load_yaml_file

# A tag or comment; autolinks (<https://...>, <name@example.org>) are links, checked below.
_RAW_HTML = re.compile(r"<(?![A-Za-z][A-Za-z0-9+.-]*:[^>\s]*>|[^>\s@]+@[^>\s]+>)(?=[A-Za-z/!?])")
_IMAGE = re.compile(r"!\[[^\]]*\]\s*[(\[]")
# What Python-Markdown's attr_list would take as attributes: { .class }, {#id}, {: k=v }.
_ATTRIBUTE_LIST = re.compile(r"\{:?[ ]*(?:[.#][^\s}]|[^\s}=]+=)[^}\n]*\}")
_LINK_TARGETS = re.compile(
    r"\]\(\s*<?([^()\s>]*(?:\([^()\s]*\)[^()\s>]*)*)|^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)|<([A-Za-z][A-Za-z0-9+.-]*:[^>\s]*)>",
    re.MULTILINE,
)
_SAFE_SCHEMES = ("http://", "https://", "mailto:")
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
    files = []
    for path in paths:
        shown = display_path(path)
        problems = ProblemCollector(shown)
        files.append((shown, load_yaml_file(path, shown, problems), problems))
    given = _given_names(record for _, data, _ in files for record, _ in _records(data))
    terms: list[GlossaryTerm] = []
    all_problems: list[Problem] = []
    first_ids: dict[str, str] = {}  # id -> where it was first defined
    claims = AliasClaims()
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
        all_problems += sorted(problems.problems, key=lambda p: (p.line, p.column))
    if all_problems:
        raise ContentError(all_problems)
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
    claims: AliasClaims,
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
    annotations, problems = read_annotations(path)
    if problems:
        raise ContentError(problems)
    return annotations


def read_annotations(path: Path) -> tuple[tuple[Annotation, ...], list[Problem]]:
    """The annotations that passed their checks, and the problems of those that did not.

    The build goes on to place the good ones, so one pass reports a misspelt key in one
    record and a misquoted phrase in another. Only an unreadable file or broken YAML raises.
    """
    shown = display_path(path)
    problems = ProblemCollector(shown)
    data = load_yaml_file(path, shown, problems)
    annotations = []
    for record, (line, column) in valid_records(data, "annotations", problems):
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
    return tuple(annotations), sorted(problems.problems, key=lambda p: (p.line, p.column))


def check_markdown(
    text: str,
    problems: ProblemCollector,
    at: tuple[int, int],
    name: str,
    written: str | None = None,
) -> None:
    """Editors' Markdown may link (http, https, mailto) but carries no raw HTML.

    Nor images (the site makes no requests to other hosts) nor attribute lists, which
    would let ``{ onclick=... }`` through as surely as raw HTML. ``written`` is the value as
    it stands in the file from ``at`` on (``YamlMap.raw_value``); with it, each problem
    points at the very characters, whatever the quoting or indentation.
    """

    def where(match: re.Match[str], group: int = 0) -> tuple[int, int]:
        start, end = match.start(group), match.end(group)
        found = _find_written(written, text, start, end, at)
        if found is None and written and written[0] in "\"'" and "\n" not in text[:start]:
            found = at[0], at[1] + 1 + start  # after the opening quote, escapes before it aside
        return found or _offset_position(text, start, *at)

    for match in _RAW_HTML.finditer(text):
        problems.add_at(
            where(match),
            f"raw HTML is not allowed in '{name}'",
            "use Markdown; write &lt; for a literal '<'",
        )
    for match in _IMAGE.finditer(text):
        problems.add_at(
            where(match),
            f"images are not allowed in '{name}'",
            "link to the picture instead: [title](https://...)",
        )
    for match in _ATTRIBUTE_LIST.finditer(text):
        problems.add_at(
            where(match),
            f"attribute lists are not allowed in '{name}': {match[0]!r}",
            "write \\{ for a literal brace",
        )
    for match in _LINK_TARGETS.finditer(text):
        group = next(index for index in (1, 2, 3) if match[index] is not None)
        target = match[group]
        if not target.lower().startswith(_SAFE_SCHEMES) and not target.startswith("#"):
            problems.add_at(
                where(match, group),
                f"link target {target!r} is not allowed in '{name}'",
                "links must start with http://, https:// or mailto:",
            )


def _find_written(
    written: str | None, text: str, start: int, end: int, at: tuple[int, int]
) -> tuple[int, int] | None:
    """Where ``text[start:end]`` stands in the file, if the file shows it verbatim."""
    if written is None:
        return None
    snippet = text[start:end]
    index = -1
    for _ in range(text[:start].count(snippet) + 1):  # the same occurrence, counted
        index = written.find(snippet, index + 1)
        if index < 0:
            return None
    before = written[:index]
    if "\n" not in before:
        return at[0], at[1] + index
    return at[0] + before.count("\n"), index - before.rfind("\n")


def _offset_position(text: str, offset: int, line: int, column: int) -> tuple[int, int]:
    before = text[:offset]
    newlines = before.count("\n")
    if newlines == 0:
        return line, column + offset
    return line + newlines, offset - before.rfind("\n")


def _references(records: Any) -> tuple[Reference, ...]:
    return tuple(Reference(record["title"], record["url"]) for record in records)
