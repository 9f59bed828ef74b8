"""Stage 3, link: the parsed live-blog and the loaded glossary, notes and annotations ->
blocks of text that know their mentions and annotations, and backlinks.

The work is in ``entries`` (which entry a reference names), ``quotes`` (annotations placed
on their exact words) and ``mentions`` (one pass per text for every alias); this module
runs them in order: quotes first, because a mention that would cut across a marked quote
does not link; key moments last, as before.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import ProblemCollector
from ..model import (
    Annotation,
    BackgroundNote,
    Block,
    Explainer,
    GlossaryTerm,
    Headline,
    Liveblog,
    SourceInfo,
    Summary,
    TermRef,
)
from .entries import EntryIndex, apply_headlines, resolve_key_moments
from .mentions import (
    KeptMentions,
    build_matcher,
    collect_backlinks,
    find_mentions,
    unused_warnings,
)
from .quotes import place_annotations


def link(
    source: SourceInfo,
    liveblog: Liveblog,
    glossary: tuple[GlossaryTerm, ...],
    notes: tuple[BackgroundNote, ...],
    annotations: tuple[Annotation, ...],
    *,
    source_path: str,
    annotations_path: str,
    problems: ProblemCollector | None = None,
    summary: Summary | None = None,
    headlines: Sequence[Headline] = (),
    headlines_path: str = "",
    kept_mentions: KeptMentions | None = None,
) -> Explainer:
    """The explainer: blocks with their annotations and mentions, backlinks, key moments
    and every warning so far.

    Errors and warnings go to ``problems``, which may already hold the problems found in
    loading (so a misspelt key and a misquoted phrase are reported together); the explainer
    returned is then only good if no error was added. Without ``problems`` errors raise.
    Entries get their editors' headlines first, so every later stage sees them.
    """
    collector = problems if problems is not None else ProblemCollector()
    liveblog = (
        collector.collect(
            apply_headlines, liveblog, headlines, EntryIndex(liveblog.entries), headlines_path
        )
        or liveblog
    )
    index = EntryIndex(liveblog.entries)
    blocks = make_blocks(liveblog, summary)
    known = {term.id for term in glossary} | {note.slug for note in notes}
    place_annotations(annotations, blocks, index, known, annotations_path, collector)
    matcher = collector.collect(build_matcher, glossary, notes) or build_matcher(glossary, ())
    unlinked = {TermRef(t.id) for t in glossary if not t.link}
    find_mentions(blocks, matcher, unlinked, kept_mentions)
    backlinks = collect_backlinks(blocks)
    warnings = unused_warnings(glossary, notes, backlinks, blocks)
    collector.extend(warnings, warnings=True)
    # Given a collector, the explainer carries every stage's warnings (loading's too).
    every_warning = tuple(collector.warnings) if problems is not None else ()
    key_moments = collector.collect(resolve_key_moments, source, index, source_path) or ()
    if problems is None:
        collector.raise_if_any()
    return Explainer(
        source,
        liveblog,
        glossary,
        notes,
        annotations,
        blocks,
        backlinks,
        key_moments,
        every_warning or (*liveblog.warnings, *warnings),
        summary=summary,
    )


def make_blocks(liveblog: Liveblog, summary: Summary | None = None) -> dict[str, Block]:
    """The editors' summary (if any), headline, intro and each entry as blocks of
    paragraphs, in reading order (a summary's paragraphs are its points)."""
    blocks = {} if summary is None else {"summary": Block("summary", summary.points)}
    blocks |= {
        "headline": Block("headline", (liveblog.headline,)),
        "intro": Block("intro", liveblog.intro),
    }
    for entry in liveblog.entries:
        blocks[entry.anchor] = Block(entry.anchor, entry.paragraphs, entry)
    for block in blocks.values():
        block.mentions = [[] for _ in block.paragraphs]
        block.annotations = [[] for _ in block.paragraphs]
    return blocks
