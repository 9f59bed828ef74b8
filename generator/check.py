"""``explainer check``: every problem in a content folder at once, and names worth a term.

The build stops at the first file with problems; an editor running ``check`` wants them all.
So each file is loaded on its own, its problems collected, and the annotations are placed
whenever the live-blog could be read. Only when every file is sound does the whole pipeline
run, for what spans files (an alias claimed by a term and a note) and for the warnings.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple, TypeVar

from .errors import ContentError, Problem
from .link import make_blocks
from .link.entries import EntryIndex
from .link.mentions import Matcher, build_matcher
from .link.quotes import place_annotations
from .load import display_path, load_glossary, load_note, load_source, read_annotations
from .load.textfile import read_text
from .model import BackgroundNote, Explainer, GlossaryTerm, Liveblog
from .parse.liveblog import ParseOptions, parse_liveblog
from .pipeline import assemble, glossary_files, note_files

T = TypeVar("T")


@dataclass(frozen=True)
class NameSuggestion:
    """A capitalised name the live-blog repeats that no glossary name or alias matches."""

    name: str
    """The name as the live-blog writes it (a possessive ’s dropped)."""
    count: int
    """How many times it occurs."""
    first: Problem
    """Where it first occurs, worded as a suggestion."""


@dataclass
class CheckReport:
    """What ``check`` found in a content folder."""

    problems: list[Problem] = field(default_factory=list)
    """Errors: the build would fail on each of them."""
    warnings: list[Problem] = field(default_factory=list)
    """Worth a look, but the build goes ahead."""
    suggestions: list[NameSuggestion] = field(default_factory=list)
    """Recurring names without a glossary entry."""
    explainer: Explainer | None = None
    """The assembled explainer, when there were no errors."""


def check_content(content_dir: Path) -> CheckReport:
    """Load every content file, collecting every problem instead of stopping at the first."""
    report = CheckReport()

    def attempt(load: Callable[..., T], *args: object) -> T | None:
        try:
            return load(*args)
        except ContentError as error:
            report.problems.extend(error.problems)
            return None

    if not content_dir.is_dir():
        attempt(assemble, content_dir)  # reports the missing folder as the build does
        return report
    source_path = content_dir / "source.yml"
    liveblog_path = content_dir / "liveblog.txt"
    for path in (source_path, liveblog_path):
        if not path.is_file():
            report.problems.append(
                Problem(
                    display_path(path),
                    0,
                    0,
                    "file not found",
                    f"every content folder needs {path.name}; see README.md",
                )
            )
    source = attempt(load_source, source_path) if source_path.is_file() else None
    liveblog = None
    if liveblog_path.is_file():
        shown = display_path(liveblog_path)
        text = attempt(read_text, liveblog_path, shown)
        if text is not None and source is not None:
            liveblog = attempt(parse_liveblog, text, shown, ParseOptions.from_source(source))
        elif text is not None:
            # Without source.yml the parse may fail for want of a date or zone; those are
            # not the live-blog's problems. If it succeeds, the quotes can still be checked.
            try:
                liveblog = parse_liveblog(text, shown, ParseOptions())
            except ContentError:
                liveblog = None

    glossary = attempt(load_glossary, glossary_files(content_dir))
    note_paths = note_files(content_dir)
    loaded_notes = [attempt(load_note, path) for path in note_paths]
    notes = tuple(note for note in loaded_notes if note is not None)

    annotations_path = content_dir / "annotations.yml"
    if annotations_path.is_file():
        loaded = attempt(read_annotations, annotations_path)
        annotations, annotation_problems = loaded if loaded is not None else ((), [])
        if liveblog is not None:
            # 'see' can only be checked against a glossary and notes that all loaded.
            known = None
            if glossary is not None and len(notes) == len(note_paths):
                known = {term.id for term in glossary} | {note.slug for note in notes}
            attempt(
                place_annotations,
                annotations,
                make_blocks(liveblog),
                EntryIndex(liveblog.entries),
                known,
                display_path(annotations_path),
                annotation_problems,
            )
        else:
            report.problems += annotation_problems

    if not report.problems:
        report.explainer = attempt(assemble, content_dir)
        if report.explainer is not None:
            report.warnings = list(report.explainer.warnings)
    if liveblog is not None and glossary is not None:
        report.suggestions = suggest_names(liveblog, _matcher(glossary, notes))
    return report


def _matcher(glossary: tuple[GlossaryTerm, ...], notes: tuple[BackgroundNote, ...]) -> Matcher:
    """Every alias of the glossary and notes; clashes are the build's to report."""
    try:
        return build_matcher(glossary, notes)
    except ContentError:
        return build_matcher(glossary, ())


# -- names without a glossary entry --------------------------------------------------------

_WORD = re.compile(r"\w+(?:['’]\w+)*")
_POSSESSIVE = re.compile(r"['’]s$")
# Small words that join the parts of one name: "Congress of Berlin", "Otto von Bismarck".
_JOINERS = frozenset({"of", "von", "van", "de", "der", "da", "al", "bin", "la", "le"})
# Capitalised words that are not names: small words that start a sentence ("The"), days,
# months and titles ("President Vladimir Putin" is a name with a title in front).
_NOT_NAMES_TEXT = """a an and as at but by for from he her here his i if in it its of on or our she
    so that the their there these they this those to we what when while who with yet
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december
    mr mrs ms dr president prime minister chancellor king queen sir lord general"""
_NOT_NAMES = frozenset(_NOT_NAMES_TEXT.split())
# What ends a sentence, or opens a quotation, before a word.
_SENTENCE_START = re.compile(r"(?:^|[.!?:;“‘\"(…]\s*)$")


class _Word(NamedTuple):
    start: int
    end: int
    text: str
    initial: bool
    """It starts a sentence (or a quotation), where any word is capitalised."""


def suggest_names(liveblog: Liveblog, matcher: Matcher) -> list[NameSuggestion]:
    """Capitalised names that recur in the live-blog and that no glossary alias matches.

    A name is a run of capitalised words ("Samuel Charap", "Congress of Berlin") or a
    single one. Words a glossary name or alias covers are cut out of a run; so are words
    capitalised only because a sentence starts with them ("Speaking to...", "The"), days,
    months and titles. An adjective formed from a covered name ("Russian" from "Russia")
    counts as covered. A name must occur at least twice to be suggested.
    """
    paragraphs = [liveblog.headline, *liveblog.intro]
    paragraphs += [p for entry in liveblog.entries for p in entry.paragraphs]
    runs: list[tuple[list[_Word], int]] = []
    covered: set[str] = set()
    for paragraph in paragraphs:
        text = paragraph.text
        mentions = [(start, end) for start, end, _ in matcher.find(text)]
        for start, end in mentions:
            covered.update(_WORD.findall(text[start:end]))
        words = [
            _Word(m.start(), m.end(), m[0], bool(_SENTENCE_START.search(text[: m.start()])))
            for m in _WORD.finditer(text)
            if not any(s < m.end() and m.start() < e for s, e in mentions)
        ]
        runs += [(run, paragraph.line) for run in _runs(text, words)]
    # A word that is only ever capitalised at the start of a sentence is no name.
    named = {w.text for run, _ in runs for w in run if not w.initial}
    places: dict[str, list[tuple[int, int]]] = {}
    for run, line in runs:
        while run and (run[0].text.casefold() in _NOT_NAMES or run[0].text not in named):
            run = run[1:]
        while run and run[-1].text in _JOINERS:
            run = run[:-1]
        if not run or (len(run) == 1 and _derived(run[0].text, covered)):
            continue
        name = " ".join(w.text for w in run)
        places.setdefault(_POSSESSIVE.sub("", name), []).append((line, run[0].start + 1))
    suggestions = [
        NameSuggestion(
            name,
            len(found),
            Problem(
                liveblog.path,
                found[0][0],
                found[0][1],
                f"'{name}' occurs {len(found)} times and has no glossary entry",
                "add a term to glossary.yml, or the name as an alias of one",
            ),
        )
        for name, found in ((name, sorted(found)) for name, found in places.items())
        if len(found) >= 2
    ]
    return sorted(suggestions, key=lambda s: (-s.count, s.first.line, s.first.column))


def _runs(text: str, words: list[_Word]) -> list[list[_Word]]:
    """Runs of capitalised words one space apart, joined by small words ("of")."""
    runs: list[list[_Word]] = []
    run: list[_Word] = []
    for index, word in enumerate(words):
        # "Kiev’s Western backers": a possessive ends a name.
        follows = (
            bool(run)
            and text[run[-1].end : word.start] == " "
            and not _POSSESSIVE.search(run[-1].text)
        )
        if _is_capitalised(word.text) and (follows or not run):
            run.append(word)
            continue
        after = words[index + 1] if index + 1 < len(words) else None
        if (
            follows
            and word.text in _JOINERS
            and after is not None
            and _is_capitalised(after.text)
            and text[word.end : after.start] == " "
        ):
            run.append(word)
            continue
        if run:
            runs.append(run)
        run = [word] if _is_capitalised(word.text) else []
    if run:
        runs.append(run)
    return runs


def _is_capitalised(word: str) -> bool:
    return len(word) > 1 and word[0].isupper()


def _derived(word: str, covered: set[str]) -> bool:
    """'Russian' comes from 'Russia', 'Ukrainian' from 'Ukraine', 'Turkish' from 'Turkey'."""
    for name in covered:
        common = len(os.path.commonprefix([word, name]))
        if common >= 4 and common >= len(name) - 2:
            return True
    return False
