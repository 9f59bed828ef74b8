"""Under ``mkdocs serve``: each save converts only the pages whose Markdown changed.

MkDocs 1.6 rebuilds the whole site on every save, and on a month of coverage most of that
time is Python-Markdown converting pages nobody changed (and the search plugin reading
their HTML again). MkDocs' own answer, ``--dirty``, skips whole pages, so the others keep
a stale navigation and the search index loses them. Here MkDocs still runs its full build
(every template, the navigation, the sitemap), and only the conversion is skipped: a page
whose Markdown, links and Markdown settings are what they were in the last build gets the
HTML, table of contents, title and anchors that conversion gave it then, and its search
entries from then. A page whose conversion logged a warning is always converted again, so
every warning is repeated as in a full build. The result is the same site, byte for byte,
as a full build (``tests/test_preview.py`` compares them).
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

_UNSET = object()


@dataclass(frozen=True)
class _Converted:
    """What converting one page's Markdown gave, and what it depended on."""

    markdown: str
    """The Markdown converted (compared as it is: quicker than a digest of a large page)."""
    context: bytes
    """A digest of what else conversion reads: every file's address, the extensions."""
    html: str
    toc: TableOfContents
    title: str | None
    anchors: frozenset[str]
    links: dict[str, dict[str, str]] | None
    """Links to anchors in other pages, by the linked page's ``src_uri``."""


class _WarningCount(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class PagePreview:
    """The plugin's helper for serve rebuilds; one per ``mkdocs serve`` process."""

    def __init__(self, engine: str) -> None:
        self.converted: dict[str, _Converted] = {}
        self.search_entries: dict[str, list[dict[str, Any]]] = {}
        """The last build's search index entries, by page URL."""
        self.warnings = _WarningCount()
        # Page warnings are logged under the engine's name ("mkdocs" or "properdocs").
        self.logger = logging.getLogger(engine)
        self.logger.addHandler(self.warnings)
        self.start_build()

    def close(self) -> None:
        self.logger.removeHandler(self.warnings)

    def start_build(self) -> None:
        self.context: bytes | None = None
        self.reused: dict[str, str] = {}
        """src_uri -> the page's Markdown, for pages whose conversion is reused this build."""
        self.pending: dict[str, tuple[str, int]] = {}
        """src_uri -> (Markdown, warnings so far), for pages converted this build."""
        self.search_meta: dict[str, Any] = {}
        self.order: list[str] = []
        self.reused_urls: set[str] = set()
        self.converted_count = 0
        self.reused_count = 0

    # -- page events, in the order MkDocs calls them -------------------------------------

    def before_conversion(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """The Markdown MkDocs should convert: "" where the last conversion is reused."""
        if self.context is None:
            self.context = _context_digest(config, files)
        source = page.file.src_uri
        kept = self.converted.get(source)
        if kept is not None and kept.markdown == markdown and kept.context == self.context:
            self.reused[source] = markdown
            self.reused_count += 1
            return ""
        self.pending[source] = markdown, self.warnings.count
        self.converted_count += 1
        return markdown

    def after_conversion(self, html: str, page: Page, files: Files) -> str:
        """The page's HTML: the kept one (restored with its TOC, title and anchors), or the
        new one, kept for the next build unless its conversion logged a warning."""
        source = page.file.src_uri
        if source in self.reused:
            kept = self.converted[source]
            page.markdown = self.reused[source]
            page.content = kept.html
            page.toc = kept.toc
            page._title_from_render = kept.title
            page.present_anchor_ids = set(kept.anchors)
            page.links_to_anchors = _links_to_files(kept.links, files)
            return kept.html
        if source in self.pending:
            markdown, warnings_before = self.pending.pop(source)
            if self.warnings.count == warnings_before:
                assert self.context is not None
                self.converted[source] = _Converted(
                    markdown,
                    self.context,
                    html,
                    page.toc,
                    page._title_from_render,
                    frozenset(page.present_anchor_ids or ()),
                    _links_by_source(page.links_to_anchors),
                )
            else:
                self.converted.pop(source, None)
        return html

    def before_indexing(self, page: Page) -> None:
        """Before the search plugin sees a page whose conversion is reused: it need not read
        the page again, since its entries are kept."""
        source = page.file.src_uri
        if source in self.reused:
            self.search_meta[source] = page.meta.get("search", _UNSET)
            page.meta["search"] = {"exclude": True}

    def after_indexing(self, page: Page) -> None:
        """After the search plugin has seen the page: its own front matter back."""
        self.order.append(page.url)
        source = page.file.src_uri
        if source in self.search_meta:
            self.reused_urls.add(page.url)
            meta = self.search_meta.pop(source)
            if meta is _UNSET:
                del page.meta["search"]
            else:
                page.meta["search"] = meta

    def summary(self) -> str:
        """What this build converted, for the editor's terminal."""
        return (
            f"converted {self.converted_count} page(s) whose Markdown changed; "
            f"reused the conversion of {self.reused_count}"
        )

    def complete_search_index(self, site_dir: str) -> None:
        """Put the kept entries of reused pages back into the index the search plugin
        wrote, in the order a full build lists them."""
        path = Path(site_dir) / "search" / "search_index.json"
        if not path.is_file():
            return
        index = json.loads(path.read_text("utf-8"))
        fresh = _entries_by_page(index.get("docs", []))
        if self.reused_urls:
            docs = []
            for url in self.order:
                source = self.search_entries if url in self.reused_urls else fresh
                docs += source.get(url, [])
            placed = set(self.order)
            docs += [e for url, entries in fresh.items() if url not in placed for e in entries]
            index["docs"] = docs
            # As both search plugins write it (MkDocs' sorts keys; loading kept the order).
            path.write_text(json.dumps(index, separators=(",", ":")), "utf-8")
            fresh = _entries_by_page(docs)
        self.search_entries = fresh


def _context_digest(config: MkDocsConfig, files: Files) -> bytes:
    """What a page's conversion reads besides its Markdown: where every file is published
    (links are resolved against them) and the Markdown settings."""
    parts = [
        repr(config.markdown_extensions),
        repr(sorted(config.mdx_configs.items(), key=lambda item: str(item[0]))),
        repr(config.use_directory_urls),
        repr(config.validation),
        repr(config.docs_dir),
        *(f"{f.src_uri}\0{f.dest_uri}\0{f.url}\0{f.inclusion}" for f in files),
    ]
    return hashlib.blake2b("\n".join(parts).encode("utf-8"), digest_size=20).digest()


def _links_by_source(links: dict[Any, dict[str, str]] | None) -> dict[str, dict[str, str]] | None:
    if links is None:
        return None
    return {file.src_uri: dict(anchors) for file, anchors in links.items()}


def _links_to_files(links: dict[str, dict[str, str]] | None, files: Files) -> Any:
    """Kept links, pointed at this build's File objects (anchors are checked against them)."""
    if links is None:
        return None
    out = {}
    for source, anchors in links.items():
        file = files.get_file_from_path(source)
        if file is not None:
            out[file] = dict(anchors)
    return out


def _entries_by_page(entries: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    by_page: dict[str, list[dict[str, Any]]] = {}
    for entry in entries:
        by_page.setdefault(str(entry.get("location", "")).partition("#")[0], []).append(entry)
    return by_page
