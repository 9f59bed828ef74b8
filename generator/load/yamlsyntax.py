"""YAML syntax errors in an editor's words, at the line where the mistake is.

PyYAML reports where it gave up, which is often lines after the mistake: an unclosed
quote swallows the lines below it, and the complaint ("expected <block end>, but found
'<scalar>'") names the parser's tokens. Two mistakes cause most of them, and each is
recognised here: a quoted value left open (confirmed by closing it and parsing again), and
a line indented differently from its neighbours.
"""

from __future__ import annotations

import re

import yaml

from ..errors import ContentError

# A line's indentation, an optional "- ", an optional "key:", then the value.
_LINE = re.compile(
    r"(?P<indent> *)(?P<dash>- +)?(?:(?P<key>[^\s#'\"\-][^:#]*?):(?: +|$))?(?P<value>.*)"
)


def explain_syntax_error(
    error: yaml.MarkedYAMLError, text: str, shown_as: str, line_offset: int
) -> ContentError:
    """PyYAML's complaint, in an editor's words where we can tell what went wrong."""
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 + line_offset if mark else 0
    column = mark.column + 1 if mark else 0
    problem = error.problem or error.context or "syntax error"

    def at(number: int, column: int, message: str, hint: str) -> ContentError:
        """A problem at 0-based line ``number`` of ``text``."""
        return ContentError.at(shown_as, number + 1 + line_offset, column, message, hint)

    if "'\\t'" in problem or "tab" in problem:
        message = "not valid YAML: tab character in indentation"
        return ContentError.at(shown_as, line, column, message, "indent with spaces, not tabs")
    if "constructor for the tag" in problem:
        tag = str(error.problem).rsplit("tag:yaml.org,2002:", 1)[-1].strip("'")
        message = f"YAML tag '!!{tag}' is not allowed"
        return ContentError.at(shown_as, line, column, message, "write plain values")
    lines = text.split("\n")
    if mark is not None:
        unclosed = _unclosed_quote(lines, mark.line)
        if unclosed is not None:
            number, col, quote = unclosed
            inside = '\\"' if quote == '"' else "''"
            return at(
                number,
                col + 1,
                f"the value's opening {quote} is never closed",
                f"end the value with {quote} on this line; write {inside} for a {quote} inside it",
            )
        indented = _misindented(lines, mark.line)
        if indented is not None:
            number, message, hint = indented
            return at(number, _indent(lines[number]) + 1, message, hint)
    if error.context in ("while parsing a flow sequence", "while parsing a flow mapping"):
        opened = error.context_mark
        if opened is not None:
            bracket, closing = ("[", "]") if "sequence" in error.context else ("{", "}")
            return at(
                opened.line,
                opened.column + 1,
                f"the '{bracket}' opened here is not closed",
                f"end the list with '{closing}' on this line",
            )
    hint = "check indentation and quoting"
    if "mapping values are not allowed" in problem:
        hint = "put quotes around a value that contains ': '"
    elif problem.startswith("but ") and error.context:
        problem = f"{error.context}, {problem}"
        if "another document" in problem:
            hint = "a content file holds one YAML document: remove the '---' line"
    return ContentError.at(shown_as, line, column, f"not valid YAML: {problem}", hint)


def _unclosed_quote(lines: list[str], upto: int) -> tuple[int, int, str] | None:
    """(line, column, quote mark) of the last value up to line ``upto`` (0-based) that
    opens a quote and does not close it on its line, if closing it there mends the file
    up to ``upto``. (A value may legally run on over lines; then closing changes nothing.)"""
    for number in range(min(upto, len(lines) - 1), -1, -1):
        match = _LINE.fullmatch(lines[number])
        value = match["value"] if match else ""
        if value[:1] not in ("'", '"') or _closes(value):
            continue
        mended = lines[:number] + [lines[number] + value[0]] + lines[number + 1 :]
        try:
            for _ in yaml.parse("\n".join(mended)):
                pass
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            if mark is None or mark.line <= upto:
                return None
        return number, len(lines[number]) - len(value), value[0]
    return None


def _closes(value: str) -> bool:
    """The quoted scalar that ``value`` starts with ends on this line."""
    quote, rest = value[0], value[1:]
    if quote == '"':
        return re.search(r'(?<!\\)(?:\\\\)*"', rest) is not None
    return re.search(r"'(?!')", rest.replace("''", "")) is not None


def _misindented(lines: list[str], number: int) -> tuple[int, str, str] | None:
    """(line, message, hint) when line ``number`` is indented unlike the line above it."""
    if number >= len(lines):
        return None
    above = next(
        (n for n in range(number - 1, -1, -1) if lines[n].strip() and not _comment(lines[n])),
        None,
    )
    here, there = _LINE.fullmatch(lines[number]), None
    if above is not None:
        there = _LINE.fullmatch(lines[above])
    if above is None or here is None or there is None or not here["key"] or not there["key"]:
        return None
    column, expected = _key_column(here), _key_column(there)
    if column == expected or (column > expected and not there["value"].strip()):
        return None  # lined up, or the start of a nested block
    key, other = here["key"].strip(), there["key"].strip()
    starts = _dash_columns(lines[:number])  # where the records (and lists) above start
    if here["dash"]:
        indent = len(here["indent"])
        if not starts or indent in starts:
            return None
        return (
            number,
            f"'- {key}:' is indented {_spaces(indent)}; no list above starts there",
            f"start every record's '- ' in the column of the first record's, {starts[0] + 1}",
        )
    if column < expected and column in starts:
        return (
            number,
            f"'{key}:' starts in column {column + 1}, where a record's '- ' goes",
            f"write '- {key}:' to start a new record",
        )
    return (
        number,
        f"'{key}:' is indented {_spaces(column)}, '{other}:' above it {expected}",
        f"line '{key}:' up with '{other}:'; the keys of a record start in one column",
    )


def _spaces(count: int) -> str:
    return f"{count} space{'s' if count != 1 else ''}"


def _key_column(match: re.Match[str]) -> int:
    return len(match["indent"]) + len(match["dash"] or "")


def _dash_columns(lines: list[str]) -> list[int]:
    """The columns where the lists in ``lines`` put their '- ', the first one's first."""
    found: list[int] = []
    for line in lines:
        match = _LINE.fullmatch(line)
        if match and match["dash"] and len(match["indent"]) not in found:
            found.append(len(match["indent"]))
    return found


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _comment(line: str) -> bool:
    return line.lstrip().startswith("#")
