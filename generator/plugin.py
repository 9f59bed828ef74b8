"""The MkDocs adapter: the core's pages become generated files; content/ is watched."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from .banner import problem_site, render_banner, shrunk_warnings
from .cache import ContentCache
from .errors import ContentError, Problem
from .model import Site
from .pipeline import build
from .preview import PagePreview
from .rendered import RenderedPages

# Named as in mkdocs.yml, so messages read "explainer: content/...". Logging through MkDocs
# lets `mkdocs build --strict` count our warnings.
log = get_plugin_logger("explainer")
THEME_DIR = Path(__file__).parent / "theme"
"""Template overrides for Material (see theme/main.html)."""


class ExplainerConfig(Config):
    content_dir = config_options.Dir(exists=False, default="content")
    """The content folder, relative to mkdocs.yml."""


class ExplainerPlugin(BasePlugin[ExplainerConfig]):
    """Adds the explainer's pages to the site and rebuilds when content changes."""

    site: Site | None = None
    serving = False
    last_good: Site | None = None
    """The last site built without errors, kept across `mkdocs serve` rebuilds."""
    problems: list[Problem] = []
    """Under `mkdocs serve`: what stops the content from building, shown on every page."""
    warnings: list[Problem] = []
    """Under `mkdocs serve`: the warnings of the last build, shown while there are no errors."""
    handed_over: frozenset[str] | set[str] = frozenset()
    """The pages this build gave MkDocs as generated files."""

    preview: PagePreview | None = None
    """Under `mkdocs serve`: conversions kept between saves (see preview.py)."""
    cache: ContentCache | None = None
    """Under `mkdocs serve`: files read and parsed, kept between saves (see cache.py)."""
    rendered: RenderedPages | None = None
    """Under `mkdocs serve`: the theme's output of unchanged pages (see rendered.py)."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Having on_startup also keeps this object across `mkdocs serve` rebuilds.
        self.serving = command == "serve"
        if self.serving:
            self.preview = PagePreview(BasePlugin.__module__.partition(".")[0])
            self.cache = ContentCache()
            self.rendered = RenderedPages(THEME_DIR)

    def on_shutdown(self) -> None:
        if self.preview is not None:
            self.preview.close()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.content_dir = Path(self.config.content_dir)
        # Entry ids and note lists rely on attribute lists; the pages need nothing else.
        for extension in ("attr_list", "md_in_html"):
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        # theme/main.html escapes page descriptions and adds Open Graph tags; a project's own
        # custom_dir still comes first.
        if config.theme.name == "material":
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        # Build here, not in on_files: MkDocs empties site_dir between the two, and a content
        # error must stop the build before anything is lost.
        self.site = None
        if self.preview is not None:
            self.preview.start_build()
        if self.cache is not None:
            self.cache.start_build()
        if self.rendered is not None:
            self.rendered.start_build()
        try:
            # The site's address makes the timeline's structured data absolute.
            self.site = build(
                self.content_dir,
                site_url=config.site_url or "",
                directory_urls=config.use_directory_urls,
                cache=self.cache,
            )
        except ContentError as error:
            if self.serving:
                self._keep_serving(error)
                return
            raise PluginError(f"the explainer's content has problems:\n{error}") from None
        warnings = list(self.site.warnings)
        if self.serving and self.last_good is not None:
            warnings += shrunk_warnings(self.last_good.records, self.site.records)
        # Only `mkdocs serve` needs the last good pages (to recover from a bad save); a build
        # would keep a second copy of every page in memory for nothing.
        self.last_good = self.site if self.serving else None
        self.problems, self.warnings = [], warnings
        # The footer (attribution, corrections) and print header, for theme/ templates.
        config.extra["explainer"] = {
            "footer": self.site.footer,
            "print_header": self.site.print_header,
        }
        for problem in warnings:
            log.warning(str(problem))

    def _keep_serving(self, error: ContentError) -> None:
        """Serve the last good pages (or, before there are any, a page saying why), with
        every problem in a banner, until the next good save.

        Raising would leave MkDocs holding every request until then (or, on the first build,
        exit): an editor could no longer browse the site while fixing a typo.
        """
        serving = "the last good version" if self.last_good else "a page that lists them"
        log.error(f"the explainer's content has problems; serving {serving}:\n{error}")
        self.site = self.last_good or problem_site()
        self.problems = error.problems

    @event_priority(100)  # first: a reused conversion replaces the page's HTML
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.preview is not None:
            html = self.preview.after_conversion(html, page, files)
        if not self.serving:
            return html

        def link(problem: Problem) -> str:
            pages = self.last_good.entry_pages if self.last_good and self.site else {}
            target = "index.md" if problem.entry in ("intro", "headline") else None
            target = target or pages.get(problem.entry)
            file = files.get_file_from_path(target) if target else None
            if file is None:
                return ""
            fragment = "" if problem.entry in ("intro", "headline") else f"#{problem.entry}"
            here = file.src_uri == page.file.src_uri
            if here:
                return fragment or "#"
            return get_relative_url(file.url, page.url) + fragment

        built = self.last_good is not None
        return render_banner(self.problems, self.warnings, built=built, link=link) + html

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self.site is None:  # on_files called without on_pre_build, e.g. by a tool
            self.on_pre_build(config=config)
        assert self.site is not None
        taken = {file.dest_uri: file for file in files}
        for path, markdown in self.site.pages.items():
            page = File.generated(config, path, content=markdown)
            existing = files.get_file_from_path(path) or taken.get(page.dest_uri)
            if existing is not None and self.last_good is None and self.problems:
                continue  # the problem page gives way to a hand-written one
            if existing is not None:
                raise PluginError(
                    f"{Path(config.docs_dir).name}/{existing.src_uri} clashes with the "
                    f"generated page {path} (both would be {page.dest_uri}); "
                    "rename or remove the hand-written page"
                )
            files.append(page)
        if not config.nav:
            config.nav = self.site.nav
        self.handed_over = set(self.site.pages)
        if not self.serving:
            self.site = None  # the files hold the pages now
        return files

    @event_priority(-100)  # last: a conversion is reused only for the final Markdown
    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        # MkDocs has copied the page's text into page.markdown; our File need not keep the
        # whole page too (on a month of live-blog, the largest thing in memory).
        if page.file.src_uri in self.handed_over:
            page.file.content_string = ""
        if self.preview is not None:
            return self.preview.before_conversion(markdown, page, config, files)
        return markdown

    def on_nav(self, nav: Any, *, config: MkDocsConfig, files: Files) -> Any:
        if self.rendered is not None:
            self.rendered.set_nav(nav)
        return nav

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        if self.rendered is not None:
            self.rendered.set_env(env, config, files)
        return env

    @event_priority(100)  # before the search plugin reads the page
    def _on_page_context_first(
        self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any
    ) -> Any:
        if self.preview is not None:
            reused = page.file.src_uri in self.preview.reused
            if self.rendered is not None:
                self.rendered.before_context(context, page, reused)
            self.preview.before_indexing(page)
        return context

    @event_priority(-100)  # after the search plugin has indexed the page
    def _on_page_context_last(
        self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any
    ) -> Any:
        if self.preview is not None:
            self.preview.after_indexing(page)
        if self.rendered is not None:
            self.rendered.after_context(page)
        return context

    on_page_context = CombinedEvent(_on_page_context_first, _on_page_context_last)

    @event_priority(100)  # first: the template's own output is what a later build reuses
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self.rendered is not None:
            self.rendered.after_render(output, page)
        return output

    def on_pre_template(self, template: Any, *, template_name: str, config: MkDocsConfig) -> Any:
        if self.rendered is not None:
            return self.rendered.template(template, template_name)
        return template

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.preview is not None:
            self.preview.complete_search_index(config.site_dir)
        if self.rendered is not None:
            self.rendered.end_build()
        if self.preview is not None and self.preview.reused_count:
            kept = f"; {self.rendered.summary()}" if self.rendered is not None else ""
            log.info(self.preview.summary() + kept)

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        if self.rendered is not None:
            self.rendered.after_template(output_content, template_name)
        if template_name != "404.html":
            return output_content
        return portable_404(output_content, urlsplit(config.site_url or "").path or "/")

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        # Any save in the content folder rebuilds the site and reloads the browser.
        server.watch(str(self.content_dir.resolve()))
        # A visit to "/" is redirected to the site's path (site_url's); MkDocs would log each
        # redirect as a warning, which is noise here.
        logging.getLogger("mkdocs.livereload").addFilter(_quiet_root_redirect)
        return server


def portable_404(html: str, base: str) -> str:
    """The 404 page styled wherever the site is served.

    A server shows 404.html at any missing address, so its links cannot be relative; MkDocs
    makes them absolute from ``site_url``'s path, which is wrong when the same files are
    served from a server's root (``python -m http.server -d site``). Here the links become
    relative to a ``<base>`` that a first script sets to that path when the page is under
    it, else to ``/``; Material's config (search, assets) follows the same base.
    """
    base = "/" + base.strip("/") + "/" if base.strip("/") else "/"
    quoted = json.dumps(base)
    pick = f"(location.pathname.indexOf({quoted})===0?{quoted}:'/')"
    head = (
        '<script>(function(){var e=document.createElement("base");'
        f"e.href={pick};document.head.appendChild(e)}})()</script>"
    )
    if base != "/":
        html = html.replace(f'href="{base}."', 'href="./"')
        for attribute in ("href", "src"):
            html = html.replace(f'{attribute}="{base}', f'{attribute}="')
    html = html.replace('<meta charset="utf-8">', '<meta charset="utf-8">' + head, 1)
    config_end = html.find("</script>", html.find('<script id="__config"'))
    if config_end > 0:
        fix = (
            '<script>(function(){var c=document.getElementById("__config"),'
            f"d=JSON.parse(c.textContent),b={pick};"
            f"d.base=b;if(d.search)d.search=b+d.search.slice({len(base)});"
            "c.textContent=JSON.stringify(d)})()</script>"
        )
        end = config_end + len("</script>")
        html = html[:end] + fix + html[end:]
    return html


def _quiet_root_redirect(record: logging.LogRecord) -> bool:
    message = record.getMessage()
    return not ('"GET / HTTP' in message and message.endswith(" code 302"))
