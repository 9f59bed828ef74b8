"""Under ``mkdocs serve``: the pages a save did not change, kept from the last build.

Saving ``annotations.yml`` is an editor's most frequent change, and on a month of coverage
most of the render stage is the day pages and the glossary (every backlink quotes its
sentence). A kept page is reused only when everything it is rendered from is equal to what
it was:

- every page kept here reads the explainer's source, live-blog (with its editors'
  headlines), glossary, notes, summary and key moments, where the pages are (the timeline's
  days and the glossary's pages) and the site's address: a change to any of them (a term's
  name, a new key moment, an entry moved to another page) renders every page again;
- a timeline page also reads its own entries' blocks: their mentions (which ones link
  depends on the annotations) and their placed annotations. Nothing else an annotation
  changes reaches it;
- a glossary or note page reads no annotation: its backlinks quote every block's mentions,
  which are found the same whatever the annotations (only which one links differs).

The small pages (overview, about, indexes) are always rendered again: they list key
moments, annotations and counts, and take little time. A page that comes to read something
new must add it to its key here. ``tests/test_preview.py`` builds with and without kept
pages after each kind of save and compares every page.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from ..model import Explainer
from .router import Router, TimelineDay

Keep = Callable[[str, Hashable, Callable[[], str]], str]
"""``keep(path, key, render)``: the page at ``path``, rendered or kept (see ``KeptPages``)."""


def render_now(path: str, key: Hashable, render: Callable[[], str]) -> str:
    """A build that keeps nothing (``mkdocs build``, the CLI) renders every page."""
    return render()


class KeptPages:
    """Rendered pages by path, each with what it was rendered from; one per serve."""

    def __init__(self) -> None:
        self._kept: dict[str, tuple[Hashable, str]] = {}
        self.rendered: list[str] = []
        """The pages rendered (not reused) by the last build, for tests and the curious."""

    def start_build(self) -> None:
        self.rendered = []

    def for_site(self, explainer: Explainer, router: Router) -> Keep:
        """How this build keeps its pages: each under its own key and ``site_key``."""
        site = site_key(explainer, router)
        return lambda path, key, render: self.page(path, (site, key), render)

    def page(self, path: str, key: Hashable, render: Callable[[], str]) -> str:
        """``render()``, or the page kept from a build whose ``key`` was equal."""
        kept = self._kept.get(path)
        if kept is not None and kept[0] == key:
            return kept[1]
        markdown = render()
        self._kept[path] = (key, markdown)
        self.rendered.append(path)
        return markdown


def site_key(explainer: Explainer, router: Router) -> Hashable:
    """What every kept page is rendered from (see the module's docstring). Models kept
    between builds are the same objects, so comparing them is quick."""
    layout = tuple(
        (day.page, day.part, day.parts, day.number, tuple(e.anchor for e in day.entries))
        for day in router.timeline.days
    )
    glossary = tuple((part.path, tuple(t.id for t in part.terms)) for part in router.glossary)
    return (
        explainer.source,
        explainer.liveblog,
        explainer.glossary,
        explainer.notes,
        explainer.summary,
        explainer.key_moments,
        router.timeline.index,
        layout,
        glossary,
        router.site_url,
        router.directory_urls,
    )


def day_key(explainer: Explainer, day: TimelineDay) -> Hashable:
    """What a timeline page reads beyond ``site_key``: its entries' mentions and placed
    annotations."""
    blocks = [explainer.blocks[entry.anchor] for entry in day.entries]
    return tuple(
        (
            tuple(tuple(mentions) for mentions in block.mentions),
            tuple(tuple(placed) for placed in block.annotations),
        )
        for block in blocks
    )
