"""``explainer new LIVEBLOG DIR``: a new explainer folder that builds at once.

Writes ``DIR/mkdocs.yml``, ``DIR/docs/assets/`` (the site's stylesheet, as the package ships
it) and ``DIR/content/``: the live-blog byte for byte, a ``source.yml`` holding what the
parser read from the text (each value with the line it came from), and an empty glossary and
annotations file whose comments suggest what to write. Nothing is ever overwritten: a DIR
that exists and is not empty is refused before anything is written, and every file is
created exclusively.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from importlib import resources
from pathlib import Path
from zoneinfo import ZoneInfo

from .check import NameSuggestion, suggest_names
from .errors import ContentError, Problem
from .link.mentions import build_matcher
from .load import display_path, load_source
from .load.textfile import read_text
from .model import ClassifiedLine, Liveblog
from .parse import ParseOptions, parse_liveblog
from .report import lines_of, shown
from .scaffold_files import render_annotations_yml, render_glossary_yml, render_mkdocs_yml
from .yamlout import quote

ASSETS = Path(str(resources.files("generator.theme").joinpath("assets")))
"""The site's own stylesheet (and any script), shipped in the package: a new explainer gets
a copy in ``docs/assets/``; the plugin also serves them to a project that has none."""
SCHEMAS = Path(str(resources.files("generator.load.schemas")))
"""The JSON Schemas of the installed package; the modelines point here by absolute path,
because an explainer folder may stand anywhere, outside any checkout of this project."""
UNKNOWN_OUTLET = "Unknown outlet"


@dataclass(frozen=True)
class Setting:
    """One source.yml value, and where in the live-blog it was read."""

    key: str
    value: str
    """As it is written to source.yml ("" when nothing was detected)."""
    note: str
    """The comment after it: which line it was read from, or what to write."""


@dataclass
class NewExplainer:
    """What ``new_explainer`` wrote and what the editor should look at."""

    folder: Path
    written: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    """Why the live-blog does not parse yet (the build fails until they are fixed)."""
    warnings: list[Problem] = field(default_factory=list)
    """The parser's warnings (``mkdocs build --strict`` fails on them)."""
    todo: list[str] = field(default_factory=list)
    """Settings that were not found in the text and need the editor."""


def new_explainer(liveblog: Path, folder: Path, *, outlet: str = "", url: str = "") -> NewExplainer:
    """Make ``folder`` a new explainer of ``liveblog``; raises ContentError, writing nothing,
    when the folder is not empty or the live-blog cannot be read."""
    _refuse_existing(folder)
    text = read_text(liveblog, display_path(liveblog))  # binary, UTF-16 ...: stop here
    data = liveblog.read_bytes()  # written back byte for byte, BOM and line endings kept
    result = NewExplainer(folder)
    content = folder / "content"
    try:
        blog: Liveblog | None = parse_liveblog(text, "liveblog.txt", ParseOptions())
        lines: tuple[ClassifiedLine, ...] = blog.lines if blog else ()
    except ContentError as error:
        blog, lines = None, tuple(lines_of(error))
        result.problems = [_in(content, p) for p in error.problems]
    settings = _detect(blog, lines, outlet, url)
    result.todo = [s.key for s in settings if not s.value or s.value == quote(UNKNOWN_OUTLET)]
    suggestions = suggest_names(blog, build_matcher((), ())) if blog else []
    headline = blog.headline.text if blog else _headline_line(lines)
    first_clock = blog.entries[0].clock if blog and blog.entries else "HH:MM"
    files: dict[Path, bytes | str] = {
        content / "liveblog.txt": data,
        content / "source.yml": _render_source_yml(settings, blog is not None),
        content / "glossary.yml": render_glossary_yml(_schema("glossary"), suggestions),
        content / "annotations.yml": render_annotations_yml(_schema("annotations"), first_clock),
        folder / "mkdocs.yml": render_mkdocs_yml(headline or liveblog.stem, _assets()),
        **{folder / "docs" / "assets" / a.name: a.read_bytes() for a in _assets()},
    }
    for path, body in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("xb") as out:  # exclusive: never replaces a file
            out.write(body if isinstance(body, bytes) else body.encode("utf-8"))
        result.written.append(path)
    if blog is not None:
        result.warnings = [_in(content, w) for w in blog.warnings]
        result.problems += _same_reading(blog, content)
    return result


def _refuse_existing(folder: Path) -> None:
    shown_as = display_path(folder)
    if folder.exists() and not folder.is_dir():
        raise ContentError.at(shown_as, 0, 0, "exists and is not a folder; nothing was written",
                              "choose a new folder for the explainer")  # fmt: skip
    if folder.is_dir() and any(folder.iterdir()):
        raise ContentError.at(shown_as, 0, 0, "folder is not empty; nothing was written",
                              "choose a new folder, or an empty one")  # fmt: skip


def _in(content: Path, problem: Problem) -> Problem:
    """The problem, naming the file where it now is."""
    path = display_path(content / problem.path) if problem.path == "liveblog.txt" else problem.path
    return Problem(path, problem.line, problem.column, problem.message, problem.hint, problem.code)


def _schema(kind: str) -> Path:
    return SCHEMAS / f"{kind}.schema.json"


def _assets() -> list[Path]:
    return sorted(p for p in ASSETS.iterdir() if p.suffix in (".css", ".js"))


def _headline_line(lines: tuple[ClassifiedLine, ...]) -> str:
    return next((line.text.strip() for line in lines if line.kind == "headline"), "")


def _evidence(line: ClassifiedLine) -> str:
    text = shown(line.text)
    return f"line {line.number}: {text if len(text) <= 50 else text[:49] + '…'}"


def _detect(
    blog: Liveblog | None, lines: tuple[ClassifiedLine, ...], outlet: str, url: str
) -> list[Setting]:
    """Every source.yml setting, read from the live-blog where it says it."""
    by_kind: dict[str, list[ClassifiedLine]] = {}
    for line in lines:
        by_kind.setdefault(line.kind, []).append(line)
    settings = [
        Setting("outlet", quote(outlet), "given with --outlet")
        if outlet
        else Setting("outlet", quote(UNKNOWN_OUTLET), "not in the text: who published it?"),
    ]
    headline = by_kind.get("headline", [])
    settings.append(
        Setting("headline", quote(headline[0].text.strip()), f"from line {headline[0].number}")
        if headline
        else Setting("headline", "", "not found: the headline exactly as the page has it")
    )
    if blog is None:
        settings += [
            Setting("published", "", "the day of publication, YYYY-MM-DD"),
            Setting("timezone", "", "the zone of times that carry none: GMT, ET, Europe/Paris"),
        ]
    else:
        settings += [_published(blog, by_kind), _timezone(blog, by_kind)]
        settings.append(Setting("language", quote(blog.language), "detected from the words"))
        settings.append(Setting("order", quote(blog.order), _order_note(blog)))
    if url:
        settings.append(Setting("url", quote(url), "given with --url"))
    return settings


def _published(blog: Liveblog, by_kind: dict[str, list[ClassifiedLine]]) -> Setting:
    if blog.published is not None:
        day = blog.published.date() if isinstance(blog.published, datetime) else blog.published
        source = by_kind.get("dateline", [])
        where = f"from {_evidence(source[0])}" if source else "from the page's dateline"
        return Setting("published", quote(day.isoformat()), where)
    oldest: date = blog.entries[0].posted.date()
    dates = by_kind.get("date", [])
    where = f"{_evidence(dates[0])}" if dates else f"line {blog.entries[0].line}"
    return Setting("published", quote(oldest.isoformat()), f"the day of the oldest entry ({where})")


def _timezone(blog: Liveblog, by_kind: dict[str, list[ClassifiedLine]]) -> Setting:
    if any(w.code == "no-zone" for w in blog.warnings):
        return Setting("timezone", "", "no zone in the text: GMT, ET, +03:00 or Europe/Paris")
    first = min(blog.entries, key=lambda e: e.line)
    zone = first.posted.tzinfo
    assert zone is not None
    name = _zone_name(zone, first.posted)
    stamps = [line for kind in ("time", "dateline", "updated") for line in by_kind.get(kind, [])]
    abbreviation = first.posted.tzname() or name
    word = re.compile(rf"(?<![A-Za-z]){re.escape(abbreviation)}(?![A-Za-z])")
    where = next((line for line in sorted(stamps, key=lambda x: x.number)
                  if word.search(line.text)), None)  # fmt: skip
    note = f"from {_evidence(where)}" if where else f"the zone of the entry at line {first.line}"
    zones = {e.posted.utcoffset() for e in blog.entries}
    if len(zones) > 1:
        note += "; stamps that name their own zone keep it"
    return Setting("timezone", quote(name), note)


def _zone_name(zone: tzinfo, moment: datetime) -> str:
    """How source.yml names the zone: the IANA name, the abbreviation, or the offset."""
    if isinstance(zone, ZoneInfo):
        return zone.key
    name = zone.tzname(moment) or ""
    if re.fullmatch(r"[A-Z]{2,5}", name):
        return name
    offset = moment.utcoffset()
    assert offset is not None
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _order_note(blog: Liveblog) -> str:
    if len(blog.entries) < 2:
        return "one entry: the order cannot be told, newest-first assumed"
    top = min(blog.entries, key=lambda e: e.line)
    return f"detected: the entry at line {top.line} ({top.clock}) is the " + (
        "newest" if top is blog.entries[-1] else "oldest"
    )


def _render_source_yml(settings: list[Setting], parsed: bool) -> str:
    lines = [
        f"# yaml-language-server: $schema={_schema('source')}",
        "#",
        "# What the explainer knows about the live-blog in liveblog.txt, as `explainer new`",
        "# read it from the text: each value says where it was found. Check each against the",
        "# original page; a value set here overrides what the page says (README, 'source.yml').",
    ]
    if not parsed:
        lines.append("# The live-blog did not parse: `explainer check` says why.")
    for setting in settings:
        if setting.value:
            lines.append(f"{setting.key}: {setting.value}  # {setting.note}")
        else:
            lines.append(f"# {setting.key}: ...  # {setting.note}")
    if not any(s.key == "url" for s in settings):
        lines.append("# url: https://...  # where the original was published")
    lines += [
        "# furniture: lines to leave out: exact lines or /regular expressions/; page chrome",
        "#   (Share, Advertisement, ...) is left out already: `explainer parse` lists it",
        "# captured: 2025-05-16T18:30:00+01:00  # when the page was copied, for 'today', '2h ago'",
        "# confirm: {out-of-order: ['10:05 GMT']}  # warnings checked against the original",
        "# key_moments: ['HH:MM']  # entries the overview lists as key moments",
        "",
    ]
    return "\n".join(lines)


def _same_reading(blog: Liveblog, content: Path) -> list[Problem]:
    """The settings just written must not change what the parser read (else, say so)."""
    try:
        options = ParseOptions.from_source(load_source(content / "source.yml"))
        again = parse_liveblog((content / "liveblog.txt").read_text("utf-8"), "x", options)
    except ContentError:
        return []  # a setting left to the editor: the build reports it
    if [e.posted for e in again.entries] == [e.posted for e in blog.entries]:
        return []
    return [
        Problem(
            display_path(content / "source.yml"),
            0,
            0,
            "these settings date the entries differently from the text alone",
            "check published and timezone against the original page",
        )  # fmt: skip
    ]


__all__ = ["NameSuggestion", "NewExplainer", "new_explainer"]
