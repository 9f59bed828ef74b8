"""The text of the files ``explainer new`` writes besides source.yml: mkdocs.yml, and the
glossary and annotations files, empty but for comments that show what to write.

mkdocs.yml carries the same theme, palette, plugins, Markdown extensions and link
validation as the bundled example's (``tests/test_new_explainer.py`` compares them), and
nothing of the example itself: no description, no address, no key moments.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from .check import NameSuggestion
from .yamlout import quote

_MKDOCS_YML = """\
# An explainer made by `explainer new`. Build it with `mkdocs build --strict` (into site/),
# preview it with `mkdocs serve`. The editors' files are in content/ (see README.md of
# liveblog-explainer, "The content folder").
site_name: {site_name}
# site_url: https://example.org/your-explainer/  # makes the structured data's links absolute
docs_dir: docs
site_dir: site
strict: false

theme:
  name: material
  language: en
  font: false
  features:
    - navigation.top
    - navigation.sections
    - navigation.footer
    - toc.follow
    - search.highlight
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
      primary: indigo
      toggle:
        icon: material/brightness-7
        name: Switch to dark mode
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      primary: indigo
      toggle:
        icon: material/brightness-4
        name: Switch to light mode
{assets}
plugins:
  - search
  - explainer:
      content_dir: content

markdown_extensions:
  - attr_list
  - md_in_html
  - toc:
      permalink: true
      permalink_title: Link to this section
      title: On this page

validation:
  omitted_files: warn
  absolute_links: warn
  unrecognized_links: warn
  anchors: warn
"""


def render_mkdocs_yml(headline: str, assets: Sequence[Path]) -> str:
    """mkdocs.yml for a new explainer named after its live-blog's headline."""
    blocks = []
    for key, suffix in (("extra_css", ".css"), ("extra_javascript", ".js")):
        names = [f"  - assets/{asset.name}" for asset in assets if asset.suffix == suffix]
        if names:
            blocks.append("\n".join(["", f"{key}:", *names]))
    return _MKDOCS_YML.format(site_name=quote(headline), assets="\n".join(blocks) + "\n")


def render_glossary_yml(schema: Path, suggestions: Sequence[NameSuggestion]) -> str:
    """An empty glossary, with the names that recur in the live-blog as commented records."""
    lines = [
        f"# yaml-language-server: $schema={schema}",
        "#",
        "# The people, places and organisations the live-blog names, one record each: id, name,",
        "# kind (person, place or organisation), aliases, role, summary, sources.",
    ]
    if suggestions:
        lines += [
            "# Names that recur in the live-blog without an entry (as `explainer check` lists",
            "# them): uncomment a record, complete it, and check with `explainer check content`.",
        ]
    for suggestion in suggestions:
        where = f"{suggestion.count} times, first at line {suggestion.first.line}"
        lines += [
            "#",
            f"# - id: {_slug(suggestion.name)}",
            f"#   name: {quote(suggestion.name)}  # {where}",
            "#   kind: person  # or place, organisation",
            '#   summary: ""',
            "#   sources:",
            '#     - title: ""',
            "#       url: https://",
        ]
    return "\n".join(lines) + "\n"


def render_annotations_yml(schema: Path, clock: str) -> str:
    """An empty annotations file, with the shape of one record in comments."""
    return "\n".join(
        [
            f"# yaml-language-server: $schema={schema}",
            "#",
            "# Editors' notes anchored to exact words of liveblog.txt, one record each:",
            "#",
            f'# - entry: "{clock}"  # the entry\'s HH:MM (or its anchor), "intro" or "headline"',
            '#   quote: "the exact words"  # copied character for character',
            "#   kind: context  # context, fact-check, spelling, translation or attribution",
            '#   text: "The note, in Markdown."',
            "#   sources:",
            '#     - title: ""',
            "#       url: https://",
            "",
        ]
    )


def _slug(name: str) -> str:
    """A glossary id for a name: ``Annelies Verhoeven`` -> ``annelies-verhoeven``."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "name"
