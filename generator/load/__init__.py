"""Stage 2, load: ``source.yml``, the glossary, background notes and annotations -> the
validated model. YAML is read strictly with every position kept (``yamlfile``) and checked
against the JSON Schemas in ``schemas/`` (``schema``)."""

from .content import (
    display_path,
    load_annotations,
    load_glossary,
    load_note,
    read_annotations,
)
from .editorial import load_headlines, load_summary
from .source import load_source

__all__ = [
    "display_path",
    "load_annotations",
    "load_glossary",
    "load_headlines",
    "load_note",
    "load_source",
    "load_summary",
    "read_annotations",
]
