"""The bundled example builds with MkDocs in strict mode and has every page."""

from __future__ import annotations

import pytest


@pytest.mark.site
def test_seed_site_has_every_page(seed_site):
    for page in [
        "index.html",
        "timeline/index.html",
        "about/index.html",
        "glossary/index.html",
        "glossary/people/index.html",
        "background/index.html",
        "background/congress-of-berlin/index.html",
    ]:
        assert (seed_site / page).is_file(), page
