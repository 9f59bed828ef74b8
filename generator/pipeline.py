"""The whole pipeline in a straight line.

1. parse   live-blog text -> Liveblog
2. load    source.yml, glossary, background notes, annotations -> validated model
3. link    mentions, annotation quotes, backlinks -> Explainer
4. render  Explainer -> Site (Markdown pages and nav)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from .cache import ContentCache
from .collector import cycle_collector_paused
from .errors import ContentError, Problem, ProblemCollector
from .link import link, make_blocks
from .link.entries import EntryIndex
from .link.mentions import build_matcher
from .link.quotes import place_annotations
from .load import (
    display_path,
    load_glossary,
    load_headlines,
    load_note,
    load_source,
    load_summary,
    read_annotations,
)
from .load.textfile import read_text
from .model import (
    Annotation,
    BackgroundNote,
    Explainer,
    GlossaryTerm,
    Headline,
    Liveblog,
    Site,
    SourceInfo,
)
from .parse import ParseOptions, parse_liveblog
from .render import render_site

T = TypeVar("T")


def build(
    content_dir: Path,
    *,
    site_url: str = "",
    directory_urls: bool = True,
    cache: ContentCache | None = None,
) -> Site:
    """Build the explainer in ``content_dir`` into pages; raises ContentError on problems.

    ``site_url`` and ``directory_urls`` (MkDocs' ``use_directory_urls``) say where the pages
    will be published; only the structured data's absolute addresses need them. A ``cache``
    (kept by ``mkdocs serve`` between saves) reuses what was read from unchanged files.
    """
    with cycle_collector_paused():
        problems = ProblemCollector()
        loaded = collect(content_dir, problems, cache)
        problems.raise_if_any()
        explainer = loaded.explainer
        assert explainer is not None
        pages = cache.pages if cache is not None else None
        site = render_site(explainer, site_url, directory_urls, pages)
        return replace(site, records=loaded.records)


def assemble(content_dir: Path) -> Explainer:
    """Stages 1-3: everything modelled and linked, nothing rendered yet; raises
    ContentError with every problem of every file."""
    problems = ProblemCollector()
    loaded = collect(content_dir, problems)
    problems.raise_if_any()
    assert loaded.explainer is not None
    return loaded.explainer


@dataclass(frozen=True)
class Collected:
    """What stages 1-3 made of a content folder in collect-everything mode."""

    liveblog: Liveblog | None
    """The parsed live-blog, if it could be read (even with problems elsewhere)."""
    glossary: tuple[GlossaryTerm, ...] | None
    """Every term, if every glossary file loaded."""
    notes: tuple[BackgroundNote, ...]
    """The background notes that loaded."""
    explainer: Explainer | None
    """The linked explainer, when there was no error at all."""
    records: dict[str, int]
    """Content file -> how many records (entries, terms, annotations) loaded from it."""


def collect(
    content_dir: Path, problems: ProblemCollector, cache: ContentCache | None = None
) -> Collected:
    """Stages 1-3 in collect-everything mode: each file is read once, every error and
    warning goes to ``problems``, and each stage goes as far as what loaded allows (the
    quotes are placed whenever the live-blog could be read), so one run reports every
    problem of every file."""
    content_dir = Path(content_dir)
    if not content_dir.is_dir():
        problems.file(display_path(content_dir)).add(
            0, 0, "content folder not found", "create it, or point the plugin's 'content_dir' at it"
        )
        return Collected(None, None, (), None, {})
    # Files are reported in this order whichever stage finds their problems.
    for path in _content_files(content_dir):
        problems.file(display_path(path))
    source_path = _required(content_dir, "source.yml", problems)
    liveblog_path = _required(content_dir, "liveblog.txt", problems)
    kept = _Kept(cache, problems)
    source = kept("source", [source_path], load_source, source_path) if source_path else None
    liveblog = _parse(liveblog_path, source, problems, kept) if liveblog_path else None

    paths = glossary_files(content_dir)
    glossary = kept("glossary", paths, load_glossary, paths)
    note_paths = note_files(content_dir)
    notes = tuple(n for n in (kept(f"note {p}", [p], load_note, p) for p in note_paths) if n)
    all_notes = notes if len(notes) == len(note_paths) else None
    annotations_path = content_dir / "annotations.yml"
    annotations: tuple[Annotation, ...] = ()
    if annotations_path.is_file():
        read = kept.reporting("annotations", [annotations_path], read_annotations, annotations_path)
        annotations = read or ()
    shown_annotations = display_path(annotations_path)
    records = _record_counts(liveblog, glossary, annotations, shown_annotations)
    summary_path = content_dir / "summary.md"
    summary = None
    if summary_path.is_file():
        summary = kept("summary", [summary_path], load_summary, summary_path)
    headlines_path = content_dir / "headlines.yml"
    headlines: tuple[Headline, ...] = ()
    if headlines_path.is_file():
        headlines = kept("headlines", [headlines_path], load_headlines, headlines_path) or ()

    if liveblog is None:
        return Collected(None, glossary, notes, None, records)
    if source is None or glossary is None or all_notes is None:
        # Not everything loaded: still place the quotes and check what spans files.
        known = None
        if glossary is not None and all_notes is not None:
            known = {term.id for term in glossary} | {note.slug for note in notes}
            problems.collect(build_matcher, glossary, notes)
        blocks, index = make_blocks(liveblog), EntryIndex(liveblog.entries)
        place_annotations(annotations, blocks, index, known, shown_annotations, problems)
        return Collected(liveblog, glossary, notes, None, records)
    explainer = link(
        source,
        liveblog,
        glossary,
        notes,
        annotations,
        source_path=display_path(content_dir / "source.yml"),
        annotations_path=shown_annotations,
        problems=problems,
        summary=summary,
        headlines=headlines,
        headlines_path=display_path(headlines_path),
        kept_mentions=cache.mentions if cache is not None else None,
    )
    return Collected(liveblog, glossary, notes, None if problems.problems else explainer, records)


def _record_counts(
    liveblog: Liveblog | None,
    glossary: tuple[GlossaryTerm, ...] | None,
    annotations: tuple[Annotation, ...],
    annotations_path: str,
) -> dict[str, int]:
    counts = {annotations_path: len(annotations)}
    if liveblog is not None:
        counts[liveblog.path] = len(liveblog.entries)
    for term in glossary or ():
        counts[term.path] = counts.get(term.path, 0) + 1
    return counts


class _Kept:
    """``problems.collect(function, *arguments)``, or its result kept by the ``cache`` from
    a build with the same files (a result that failed is never kept: its problems must be
    reported again). For loaders that report through raising; ``reporting`` is for those
    that report to a collector as they go."""

    def __init__(self, cache: ContentCache | None, problems: ProblemCollector) -> None:
        self.cache, self.problems = cache, problems

    def __call__(
        self, name: str, paths: list[Path], function: Callable[..., T], *arguments: Any
    ) -> T | None:
        if self.cache is None:
            return self.problems.collect(function, *arguments)
        return self.cache.get(
            name, paths, lambda: self.problems.collect(function, *arguments), *map(repr, arguments)
        )

    def reporting(
        self, name: str, paths: list[Path], function: Callable[..., T], *arguments: Any
    ) -> T | None:
        """``function(*arguments, problems)`` for a loader that reports to ``problems`` as
        it goes (``read_annotations``): what it reported is kept with its result and
        reported again, in the same words, whenever the result is reused."""
        if self.cache is None:
            return self.problems.collect(function, *arguments, self.problems)

        def compute() -> tuple[T | None, list[Problem], list[Problem]]:
            own = ProblemCollector()
            value = own.collect(function, *arguments, own)
            return value, own.problems, own.warnings

        value, errors, warnings = self.cache.get(name, paths, compute, *map(repr, arguments))
        self.problems.extend(errors)
        self.problems.extend(warnings, warnings=True)
        return value


def _parse(
    path: Path, source: SourceInfo | None, problems: ProblemCollector, kept: _Kept
) -> Liveblog | None:
    """The live-blog, parsed with source.yml's options; its warnings go to ``problems``."""
    shown = display_path(path)
    if source is not None:
        options = ParseOptions.from_source(source)
        liveblog = kept("liveblog", [path], _read_and_parse, path, shown, options)
        if liveblog is not None:
            problems.extend(liveblog.warnings, warnings=True)
        return liveblog
    text = problems.collect(read_text, path, shown)
    if text is None:
        return None
    # Without source.yml the parse may fail for want of a date or zone; those are not
    # the live-blog's problems. If it succeeds, the quotes can still be checked.
    try:
        liveblog = parse_liveblog(text, shown, ParseOptions())
    except ContentError:
        return None
    if liveblog is not None:
        problems.extend(liveblog.warnings, warnings=True)
    return liveblog


def _read_and_parse(path: Path, shown: str, options: ParseOptions) -> Liveblog:
    return parse_liveblog(read_text(path, shown), shown, options)


def _required(content_dir: Path, name: str, problems: ProblemCollector) -> Path | None:
    path = content_dir / name
    if not path.is_file():
        problems.file(display_path(path)).add(
            0, 0, "file not found", f"every content folder needs {name}; see README.md"
        )
        return None
    return path


def _content_files(content_dir: Path) -> list[Path]:
    return [
        content_dir / "source.yml",
        content_dir / "liveblog.txt",
        *glossary_files(content_dir),
        *note_files(content_dir),
        content_dir / "annotations.yml",
        content_dir / "summary.md",
        content_dir / "headlines.yml",
    ]


def glossary_files(content_dir: Path) -> list[Path]:
    """``glossary.yml`` and/or every ``glossary/*.yml``, in a fixed order."""
    single = content_dir / "glossary.yml"
    files = [single] if single.is_file() else []
    return files + _discover(content_dir / "glossary", "*.yml")


def note_files(content_dir: Path) -> list[Path]:
    """Every background note, by file name."""
    return _discover(content_dir / "background", "*.md")


def _discover(folder: Path, pattern: str) -> list[Path]:
    return sorted(path for path in folder.glob(pattern) if not is_editor_file(path))


def is_editor_file(path: Path) -> bool:
    """Dotfiles and what editors leave beside a file they edit (Emacs' ``.#note.md`` lock
    and ``#note.md#`` autosave, ``note.md~`` backups, Vim's ``.swp``): never content."""
    name = path.name
    return name.startswith((".", "#")) or name.endswith(_EDITOR_SUFFIXES)


_EDITOR_SUFFIXES = ("~", "#", ".swp", ".swo", ".swx", ".tmp", ".bak", ".orig")
