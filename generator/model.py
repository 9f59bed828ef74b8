"""The explainer's model: everything is known here before anything is rendered."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

from .errors import Problem

LineKind = Literal["blank", "headline", "intro", "dateline", "date", "time", "marker", "title",
                   "byline", "updated", "caption", "paragraph", "furniture"]  # fmt: skip
Order = Literal["newest-first", "oldest-first"]
TermKind = Literal["person", "place", "organisation"]
AnnotationKind = Literal["context", "fact-check", "spelling", "translation", "attribution"]


@dataclass(frozen=True)
class ClassifiedLine:
    """One line of the live-blog and what the parser took it to be."""

    number: int
    """1-based line number in the file."""
    kind: LineKind
    """What the line is."""
    text: str
    """The line as read, without its line ending."""


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of source text, verbatim."""

    text: str
    """The words exactly as the source has them (line ending and outer blanks removed)."""
    line: int
    """Where it starts in the live-blog file."""


@dataclass(frozen=True)
class Entry:
    """One timestamped post of the live-blog."""

    anchor: str
    """Stable, human-readable id derived from date and time, e.g. ``2025-05-16-1656``."""
    posted: datetime
    """When it was posted, with the source's UTC offset."""
    time_label: str
    """The time as a reader sees it, e.g. ``16:56 GMT``."""
    paragraphs: tuple[Paragraph, ...]
    """The entry's paragraphs, in source order."""
    line: int
    """The line of its time stamp in the live-blog file."""
    title: str = ""
    """The outlet's own title line for the entry, or ""."""
    headline: str = ""
    """The editors' headline (content folder), or ""; readers see ``display_headline``."""
    byline: str = ""
    """Who wrote it, as the page says (``From CNN's Jane Doe``), or ""."""
    updated: datetime | None = None
    """When the page says the entry was last updated, if it does."""
    key_event: bool = False
    """The page marks it as a key event."""
    pinned: bool = False
    """The page pins it to the top."""
    captions: tuple[Paragraph, ...] = ()
    """Image captions and credits, verbatim, kept apart from the body."""

    @property
    def clock(self) -> str:
        """``HH:MM`` as written in the source, the handle editors use."""
        return self.posted.strftime("%H:%M")


@dataclass(frozen=True)
class Liveblog:
    """The parsed live-blog: headline, intro and entries (oldest first)."""

    path: str
    """The file it was read from."""
    headline: Paragraph
    """The first line."""
    intro: tuple[Paragraph, ...]
    """Paragraphs between the headline and the first date or time line."""
    entries: tuple[Entry, ...]
    """All entries, oldest first."""
    order: Order
    """The order the source lists its entries in."""
    lines: tuple[ClassifiedLine, ...]
    """Every line of the file, classified."""
    furniture: tuple[Paragraph, ...] = ()
    """Lines left out as page furniture (teasers, share buttons)."""
    warnings: tuple[Problem, ...] = ()
    """Things worth an editor's attention that do not stop the build."""
    published: datetime | date | None = None
    """When the page says it was first published (a day when it gives no time)."""
    updated: datetime | date | None = None
    """When the page says it was last updated (a day when it gives no time)."""
    language: str = ""
    """The language it was read in (set in source.yml or detected)."""


@dataclass(frozen=True)
class Reference:
    """A public source backing a statement."""

    title: str
    """How the source is named in the page."""
    url: str
    """An http(s) address."""


@dataclass(frozen=True)
class SourceInfo:
    """What ``source.yml`` says about the live-blog."""

    outlet: str
    """Who published the live-blog (e.g. RT)."""
    headline: str
    """The live-blog's headline, as published."""
    published: date
    """The day of publication."""
    timezone: str
    """The zone its times are in, e.g. ``GMT`` or ``+03:00``."""
    url: str = ""
    """Where the original was published, if known."""
    order: Order | None = None
    """Overrides the detected order of entries."""
    furniture: tuple[str, ...] = ()
    """Lines that are page furniture, not part of the blog."""
    key_moments: tuple[str, ...] = ()
    """Entries the editors mark as key (``HH:MM`` or anchors)."""
    key_moments_at: tuple[tuple[int, int], ...] = ()
    """Where each key moment is written in source.yml (line, column), for messages."""
    language: str = "en"
    """The source's language."""
    language_set: bool = False
    """``language`` is written in source.yml (otherwise the parser detects it)."""
    captured: datetime | None = None
    """When the page was copied, for 'today' and ages such as '2h ago' (``captured``)."""
    confirm: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Warnings an editor accepts (``confirm``): code -> the line texts they are about."""
    outlet_note: SourcedText | None = None
    """What kind of outlet it is, in the editors' words (Markdown), with sources."""
    corrections: str = ""
    """Where readers report an error: an e-mail address or an http(s) address."""


@dataclass(frozen=True)
class SourcedText:
    """A short editors' text (Markdown) with the sources that back it."""

    text: str
    """The text (Markdown)."""
    sources: tuple[Reference, ...] = ()
    """Public references."""


@dataclass(frozen=True)
class Summary:
    """The editors' own account of what happened (``summary.md``), shown first."""

    title: str
    """The explainer's own short title."""
    points: tuple[Paragraph, ...]
    """The points, each the Markdown of one bullet (line: where it starts)."""
    sources: tuple[Reference, ...]
    """Public references for the points."""
    path: str = ""
    """The file it was read from."""


@dataclass(frozen=True)
class Headline:
    """An editors' headline for one entry (``headlines.yml``), before link resolves it."""

    entry: str
    """``HH:MM`` or an entry anchor."""
    text: str
    """The headline."""
    entry_at: tuple[int, int] = (0, 0)
    """Line and column of its ``entry`` value."""


@dataclass(frozen=True)
class GlossaryTerm:
    """A person, place or organisation the explainer explains."""

    id: str
    """Slug used as its anchor."""
    name: str
    """The usual English name."""
    kind: TermKind
    """person, place or organisation."""
    aliases: tuple[str, ...]
    """Other spellings the sources use."""
    summary: str
    """One or two neutral sentences (Markdown)."""
    sources: tuple[Reference, ...]
    """Public references."""
    role: str = ""
    """For people: their role as of the live-blog's date."""
    wikidata: str = ""
    """Wikidata id, if given."""
    links: tuple[Reference, ...] = ()
    """Further reading."""
    match_case: bool = True
    """False if its name and aliases link in any letter case ("Rand" also links "RAND")."""
    group: str = ""
    """The editors' group for it on its glossary page (``Russian delegation``), or ""."""
    link: bool = True
    """False: mentions are recorded (backlinks) but never linked (France, Europe)."""
    line: int = 0
    """Where the record starts in its file."""
    column: int = 0
    """Its column."""
    path: str = ""
    """The file it was read from."""
    name_at: tuple[int, int] = (0, 0)
    """Line and column of its name, for messages about the name as an alias."""
    alias_at: tuple[tuple[int, int], ...] = ()
    """Line and column of each alias, in the order of ``aliases``."""


@dataclass(frozen=True)
class BackgroundNote:
    """A note on a past event that the live-blog refers to."""

    slug: str
    """File name without ``.md``; also the page name."""
    title: str
    """The note's title."""
    date: str
    """Date or period, as text."""
    place: str
    """Where it happened."""
    aliases: tuple[str, ...]
    """Phrases in the live-blog that refer to it."""
    summary: str
    """One or two sentences."""
    sources: tuple[Reference, ...]
    """Public references."""
    body: str
    """The note itself (Markdown)."""
    path: str = ""
    """The file it was read from."""
    alias_at: tuple[tuple[int, int], ...] = ()
    """Line and column of each alias, in the order of ``aliases``."""


@dataclass(frozen=True)
class Annotation:
    """An editor's note anchored to exact words of one block of the live-blog."""

    entry: str
    """``HH:MM``, an entry anchor, ``intro``, ``headline`` or ``summary``."""
    quote: str
    """The exact words it explains."""
    kind: AnnotationKind
    """context, fact-check, spelling, translation or attribution."""
    text: str
    """The note (Markdown)."""
    sources: tuple[Reference, ...]
    """Public references."""
    prefix: str = ""
    """Text right before the quote, to choose between repeats."""
    suffix: str = ""
    """Text right after the quote, to choose between repeats."""
    see: str = ""
    """A glossary id or background note slug."""
    line: int = 0
    """Where the record starts in annotations.yml."""
    column: int = 0
    """Its column."""
    entry_at: tuple[int, int] = (0, 0)
    """Line and column of its ``entry`` value, for messages about the entry."""
    quote_at: tuple[int, int] = (0, 0)
    """Line and column of its ``quote`` value, for messages about the quote."""
    see_at: tuple[int, int] = (0, 0)
    """Line and column of its ``see`` value."""


@dataclass(frozen=True, slots=True)
class TermRef:
    """A link target: a glossary term, by id."""

    id: str


@dataclass(frozen=True, slots=True)
class NoteRef:
    """A link target: a background note, by slug."""

    slug: str


@dataclass(frozen=True, slots=True)
class EntryRef:
    """A link target: a live-blog block by key (an entry anchor, ``intro`` or ``headline``)."""

    key: str


Target = TermRef | NoteRef  # what a mention names: a glossary term or a background note
LinkTarget = TermRef | NoteRef | EntryRef  # anything a page links to (``Router.link``)


@dataclass(frozen=True)
class Span:
    """A stretch of one paragraph that links somewhere."""

    start: int
    """Offset of the first character in the paragraph text."""
    end: int
    """Offset just past the last character."""


@dataclass(frozen=True)
class Mention(Span):
    """Words in a paragraph that name a glossary term or a background note."""

    target: Target
    """The glossary term or background note it names."""
    first: bool
    """True for the first mention of this target in its block (the one we link)."""


@dataclass(frozen=True)
class PlacedAnnotation(Span):
    """An annotation located in its paragraph."""

    annotation: Annotation
    """What the editor wrote."""
    number: int
    """1-based number within its block, in reading order."""


@dataclass
class Block:
    """A run of paragraphs rendered together: the headline, the intro or an entry."""

    key: str
    """``headline``, ``intro`` or the entry anchor."""
    paragraphs: tuple[Paragraph, ...]
    """Its paragraphs."""
    entry: Entry | None = None
    """The entry, for entry blocks."""
    mentions: list[list[Mention]] = field(default_factory=list)
    """Per paragraph, its mentions in text order."""
    annotations: list[list[PlacedAnnotation]] = field(default_factory=list)
    """Per paragraph, its placed annotations in text order."""


@dataclass(frozen=True)
class Explainer:
    """Everything an explainer is made of, linked, ready to render."""

    source: SourceInfo
    """What source.yml says."""
    liveblog: Liveblog
    """The parsed live-blog."""
    glossary: tuple[GlossaryTerm, ...]
    """All glossary terms, in file order."""
    notes: tuple[BackgroundNote, ...]
    """All background notes, by slug."""
    annotations: tuple[Annotation, ...]
    """All annotations, in file order."""
    blocks: dict[str, Block]
    """Summary (if any), headline, intro and each entry, with mentions and annotations."""
    backlinks: dict[Target, tuple[str, ...]]
    """Term or note -> keys of the blocks (intro, entry anchors) that mention it."""
    key_moments: tuple[Entry, ...] = ()
    """The entries marked as key moments, oldest first (resolved by link)."""
    warnings: tuple[Problem, ...] = ()
    """Warnings from every stage."""
    summary: Summary | None = None
    """The editors' summary, if the content folder has one (its block is ``summary``)."""


@dataclass(frozen=True)
class Site:
    """The rendered explainer: Markdown pages by path, and the navigation."""

    pages: dict[str, str]
    """Page path (``timeline.md``) -> Markdown."""
    nav: list[object]
    """MkDocs-style nav, e.g. ``[{"Overview": "index.md"}, ...]``."""
    warnings: tuple[Problem, ...] = ()
    """Warnings to log (``--strict`` counts them)."""
    footer: str = ""
    """HTML for every page's footer: the source's attribution and the corrections contact."""
    print_header: str = ""
    """Plain text printed at the top of every page: the source and its date."""
    entry_pages: dict[str, str] = field(default_factory=dict)
    """Entry anchor -> the page that shows it (for links from ``mkdocs serve``'s banner)."""
    records: dict[str, int] = field(default_factory=dict)
    """Content file -> how many records (entries, terms, annotations) it held."""
