"""The whole pipeline in a straight line.

1. parse   live-blog text -> Liveblog
2. load    source.yml, glossary, background notes, annotations -> validated model
3. link    mentions, annotation quotes, backlinks -> Explainer
4. render  Explainer -> Site (Markdown pages and nav)
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import ContentError
from .link import link
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
from .model import Explainer, Site
from .parse import ParseOptions, parse_liveblog
from .render import render_site


def build(content_dir: Path, *, site_url: str = "", directory_urls: bool = True) -> Site:
    """Build the explainer in ``content_dir`` into pages; raises ContentError on problems.

    ``site_url`` and ``directory_urls`` (MkDocs' ``use_directory_urls``) say where the pages
    will be published; only the structured data's absolute addresses need them.
    """
    with _cycle_collector_paused():
        return render_site(assemble(content_dir), site_url, directory_urls)


@contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """The stages make hundreds of thousands of small objects that form no cycles; Python's
    cycle collector would scan them all again and again (a fifth of a large build's time).
    Plain reference counting still frees everything as usual."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def assemble(content_dir: Path) -> Explainer:
    """Stages 1-3: everything modelled and linked, nothing rendered yet."""
    content_dir = Path(content_dir)
    if not content_dir.is_dir():
        raise ContentError.at(
            display_path(content_dir),
            0,
            0,
            "content folder not found",
            "create it, or point the plugin's 'content_dir' at it",
        )
    source = load_source(_required(content_dir, "source.yml"))
    liveblog_path = _required(content_dir, "liveblog.txt")
    shown = display_path(liveblog_path)
    liveblog = parse_liveblog(
        read_text(liveblog_path, shown),
        shown,
        ParseOptions.from_source(source),
    )

    glossary = load_glossary(glossary_files(content_dir))
    notes = tuple(load_note(path) for path in note_files(content_dir))
    annotations_path = content_dir / "annotations.yml"
    # Records that failed their checks are reported with the quotes that cannot be placed.
    annotations, annotation_problems = (
        read_annotations(annotations_path) if annotations_path.exists() else ((), [])
    )
    summary_path = content_dir / "summary.md"
    summary = load_summary(summary_path) if summary_path.is_file() else None
    headlines_path = content_dir / "headlines.yml"
    headlines = load_headlines(headlines_path) if headlines_path.is_file() else ()

    return link(
        source,
        liveblog,
        glossary,
        notes,
        annotations,
        source_path=display_path(content_dir / "source.yml"),
        annotations_path=display_path(annotations_path),
        earlier=annotation_problems,
        summary=summary,
        headlines=headlines,
        headlines_path=display_path(headlines_path),
    )


def _required(content_dir: Path, name: str) -> Path:
    path = content_dir / name
    if not path.is_file():
        raise ContentError.at(
            display_path(path),
            0,
            0,
            "file not found",
            f"every content folder needs {name}; see README.md",
        )
    return path


def glossary_files(content_dir: Path) -> list[Path]:
    """``glossary.yml`` and/or every ``glossary/*.yml``, in a fixed order."""
    single = content_dir / "glossary.yml"
    files = [single] if single.is_file() else []
    return files + sorted((content_dir / "glossary").glob("*.yml"))


def note_files(content_dir: Path) -> list[Path]:
    """Every background note, by file name."""
    return sorted((content_dir / "background").glob("*.md"))
