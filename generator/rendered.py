"""Under ``mkdocs serve``: a page's HTML kept from the last build when nothing it is
rendered from changed.

Once conversion is reused (preview.py), most of a rebuild on a month of coverage is the
theme: Material renders the whole navigation into every page, and its search plugin scans
every page's HTML again. Here a page is written from the last build's output when all of
these are what they were:

- the site: every configuration option (the plugins by name and options), the navigation
  (each item's kind, title and address; each page's front matter and dates) and the
  theme's templates (each one the last build used: the file found for it and its text);
- the page: its HTML (with the problems banner), table of contents, title, front matter,
  addresses and neighbours.

And only where every step is known: the theme's ``main.html`` is the explainer's (it
writes a kept page as it is, see theme/explainer-kept.html), the page has no template of
its own, its conversion was reused (so the search plugin need not read it) and no plugin
but the search plugins and this one can change a page's context. Otherwise the page is
rendered, as in a full build. The theme's own pages (404.html, the sitemap) are kept under
the site's key alone. ``tests/test_preview.py`` compares every served page, byte for
byte, with a full build after each kind of save.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

KNOWN_PLUGINS = frozenset({"search", "material/search", "explainer"})
"""Plugins whose page events depend on nothing but the page and the site."""
CONTEXT_KEY = "explainer_kept"
"""The context variable theme/main.html writes out as the whole page when it is set."""


@dataclass
class _Kept:
    key: bytes
    output: str
    content: str = ""
    """The page's HTML it was rendered from: compared as it is (usually the very string
    kept by preview.py), which is quicker than a digest of a large page."""


class RenderedPages:
    """The plugin's helper for template output under serve; one per ``mkdocs serve``."""

    def __init__(self, theme_dir: Path) -> None:
        self.main_template = str(theme_dir / "main.html")
        self.bytecode = _MemoryBytecode()
        """Compiled templates, kept: a rebuild makes a new environment that compiles again."""
        self._pages: dict[str, _Kept] = {}
        self._templates: dict[str, _Kept] = {}
        self._used: list[str] = []
        """The templates the last build's environment loaded, by name."""
        self._used_digest = b""
        """What they were: the file found for each and its text."""
        self.start_build()

    def start_build(self) -> None:
        self.site: bytes | None = None
        """The site's key (configuration and navigation); None when nothing is kept."""
        self.templates_same = False
        self.allowed = False
        self.env: jinja2.Environment | None = None
        self.nav: Navigation | None = None
        self._pending: dict[str, tuple[bytes, str]] = {}
        self._content: dict[str, str | None] = {}
        self.kept_count = 0

    def set_nav(self, nav: Navigation) -> None:
        self.nav = nav

    def set_env(self, env: jinja2.Environment, config: MkDocsConfig, files: Files) -> None:
        """The site's key, once every page is converted and before any is rendered."""
        env.bytecode_cache = self.bytecode
        self.env = env
        if self.nav is None:
            return
        self.allowed = set(config.plugins) <= KNOWN_PLUGINS and self._main_is_ours(env)
        if not self.allowed:
            return
        self.site = _digest([*_config_parts(config), *_nav_parts(self.nav, files)])
        self.templates_same = bool(self._used) and self._templates_digest(env) == self._used_digest

    def _main_is_ours(self, env: jinja2.Environment) -> bool:
        try:
            _, filename, _ = env.loader.get_source(env, "main.html")  # type: ignore[union-attr]
        except jinja2.TemplateNotFound:
            return False
        return filename == self.main_template

    def _templates_digest(self, env: jinja2.Environment) -> bytes:
        """Each template the last build used: the file ``env`` finds for it, and its text."""
        parts = []
        for name in self._used:
            try:
                source, filename, _ = env.loader.get_source(env, name)  # type: ignore[union-attr]
            except jinja2.TemplateNotFound:
                parts.append(f"{name}\0missing")
                continue
            parts.append(f"{name}\0{filename}\0{source}")
        return _digest(parts)

    # -- pages: on_page_context before and after the other plugins, on_post_page ---------

    def before_context(self, context: dict[str, Any], page: Page, reused: bool) -> None:
        """A page whose output is kept: its HTML set aside, so the search plugin (which
        would scan it) sees none, and the kept output in the context for main.html."""
        if self.site is None or not self.allowed or "template" in page.meta:
            return
        source = page.file.src_uri
        key = _digest([self.site, *_page_parts(page)])
        kept = self._pages.get(source)
        content = page.content or ""
        same = kept is not None and kept.key == key and kept.content == content
        if reused and self.templates_same and same:
            assert kept is not None
            self._content[source] = page.content
            page.content = ""
            context[CONTEXT_KEY] = Markup(kept.output)
            self.kept_count += 1
        else:
            self._pending[source] = key, content

    def after_context(self, page: Page) -> None:
        """The page's HTML back, after the other plugins have seen the page."""
        source = page.file.src_uri
        if source in self._content:
            page.content = self._content.pop(source)

    def after_render(self, output: str, page: Page) -> None:
        """A page just rendered: its output kept for the next build."""
        pending = self._pending.pop(page.file.src_uri, None)
        if pending is not None:
            key, content = pending
            self._pages[page.file.src_uri] = _Kept(key, output, content)

    # -- the theme's own pages (404.html, sitemap.xml) -----------------------------------

    def template(self, template: Any, name: str) -> Any:
        """The template to render ``name`` with: one that writes the kept output, when the
        site is what it was."""
        kept = self._templates.get(name)
        if self.allowed and self.templates_same and kept is not None and kept.key == self.site:
            self.kept_count += 1
            return _Constant(kept.output)
        return template

    def after_template(self, output: str, name: str) -> None:
        if self.site is not None:
            self._templates[name] = _Kept(self.site, output)

    def summary(self) -> str:
        """What this build kept, for the editor's terminal."""
        return f"wrote {self.kept_count} file(s) as the theme rendered them last time"

    def end_build(self) -> None:
        """Which templates this build's environment loaded (the next site key reads them)."""
        if self.env is None:
            return
        cache = self.env.cache
        self._used = sorted(t.name for t in (cache.values() if cache else []) if t.name)
        self._used_digest = self._templates_digest(self.env)
        if self.site is None:
            self._pages.clear()
            self._templates.clear()


class _Constant:
    """A template that writes what it is given (Jinja's templates have the same call)."""

    def __init__(self, output: str) -> None:
        self.output = output

    def render(self, *args: Any, **kwargs: Any) -> str:
        return self.output


class _MemoryBytecode(jinja2.BytecodeCache):
    """Jinja's compiled templates by name and file; a changed text is compiled again (the
    bucket checks the text's checksum)."""

    def __init__(self) -> None:
        self.kept: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.kept.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.kept[bucket.key] = bucket.bytecode_to_string()


def _digest(parts: list[Any]) -> bytes:
    hasher = hashlib.blake2b(digest_size=20)
    for part in parts:
        data = part if isinstance(part, bytes) else str(part).encode("utf-8", "surrogatepass")
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.digest()


def _config_parts(config: MkDocsConfig) -> Iterator[str]:
    """Every option as text; the plugins by name and options (their objects are new each
    build)."""
    for name, value in config.items():
        if name != "plugins":
            yield f"config\0{name}\0{value!r}"
    for name, plugin in config.plugins.items():
        yield f"plugin\0{name}\0{dict(getattr(plugin, 'config', {}))!r}"


def _nav_parts(nav: Navigation, files: Files) -> Iterator[str]:
    """The navigation every page shows, and every page's place in it."""

    def walk(items: list[Any], depth: int) -> Iterator[str]:
        for item in items:
            if item.is_section:
                yield f"section\0{depth}\0{item.title}"
                yield from walk(item.children, depth + 1)
            elif item.is_link:
                yield f"link\0{depth}\0{item.title}\0{item.url}"
            else:
                yield f"page\0{depth}\0{item.file.src_uri}"

    yield from walk(nav.items, 0)
    for file in files.documentation_pages():
        page = file.page
        if page is not None:
            yield (
                f"about\0{file.src_uri}\0{page.title}\0{page.url}\0{page.meta!r}\0"
                f"{page.update_date}\0{page.is_homepage}\0{page.canonical_url}\0"
                f"{page.edit_url}\0{file.dest_uri}"
            )


def _page_parts(page: Page) -> Iterator[str]:
    """What a page's template reads of the page itself, but its HTML (compared apart)."""
    previous, following = page.previous_page, page.next_page
    yield page.file.src_uri
    yield _toc_text(page.toc)
    yield f"{page.title}\0{page.meta!r}\0{page.url}\0{page.abs_url}"
    yield f"{previous.url if previous else ''}\0{following.url if following else ''}"


def _toc_text(toc: TableOfContents) -> str:
    lines: list[str] = []

    def walk(items: list[Any], depth: int) -> None:
        for item in items:
            lines.append(f"{depth}\0{item.level}\0{item.id}\0{item.title}")
            walk(item.children, depth + 1)

    walk(list(toc), 0)
    return "\n".join(lines)
