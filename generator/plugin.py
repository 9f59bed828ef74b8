"""The MkDocs adapter: the core's pages become generated files; content/ is watched."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files

from .build import build
from .errors import ContentError

log = get_plugin_logger(__name__)


class ExplainerConfig(Config):
    content_dir = config_options.Dir(exists=False, default="content")


class ExplainerPlugin(BasePlugin[ExplainerConfig]):
    """Adds the explainer's pages to the site and rebuilds when content changes."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.content_dir = Path(self.config.content_dir)
        # Entry ids and note lists rely on attribute lists; the pages need nothing else.
        if "attr_list" not in config.markdown_extensions:
            config.markdown_extensions.append("attr_list")
        if "md_in_html" not in config.markdown_extensions:
            config.markdown_extensions.append("md_in_html")
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        try:
            site = build(self.content_dir)
        except ContentError as error:
            raise PluginError(f"the explainer's content has problems:\n{error}") from None
        for problem in site.warnings:
            log.warning(str(problem))
        for path, markdown in site.pages.items():
            existing = files.get_file_from_path(path)
            if existing is not None:
                raise PluginError(f"docs/{path} clashes with a generated page; rename or remove it")
            files.append(File.generated(config, path, content=markdown))
        if not config.nav:
            config.nav = site.nav
        return files

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.content_dir.resolve()))
        return server
