"""Stage 4, render: the linked ``Explainer`` -> ``Site`` (Markdown pages by path, and the
nav). ``router`` decides where everything lives; the other modules write one kind of page
or part each."""

from .site import render_site

__all__ = ["render_site"]
