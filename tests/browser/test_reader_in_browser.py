"""What a reader gets, checked in Chromium: the timeline, permalinks, tooltips, annotation
notes, search, the keyboard, both colour schemes, a phone's width, privacy and axe-core."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from support import CONTENT

from generator.pipeline import assemble
from generator.render.escape import plain_text

pytestmark = [pytest.mark.browser, pytest.mark.site]

READER_PAGES = {
    "overview": "",
    "timeline": "timeline/",
    "glossary": "glossary/people/",
    "note": "background/congress-of-berlin/",
}
SEED_TIMES = [
    "16:00 GMT",
    "16:23 GMT",
    "16:49 GMT",
    "16:56 GMT",
    "17:14 GMT",
    "18:06 GMT",
    "19:42 GMT",
    "20:37 GMT",
    "20:50 GMT",
    "22:52 GMT",
]


def by_id(anchor: str) -> str:
    """A selector for an id that starts with a digit (``#2025-…`` is not valid CSS)."""
    return f'[id="{anchor}"]'


def test_the_timeline_shows_the_seed_entries_in_order(visit):
    page = visit("timeline/").page
    headings = page.locator("article h2:has(time)")
    assert headings.locator("time").all_inner_texts() == SEED_TIMES
    stamps = headings.locator("time").evaluate_all("els => els.map(e => e.dateTime)")
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)
    entries = assemble(CONTENT).liveblog.entries
    assert headings.evaluate_all("els => els.map(e => e.id)") == [e.anchor for e in entries]
    # Each heading is followed by its entry's first paragraph, verbatim.
    openings = headings.evaluate_all(
        "els => els.map(e => e.nextElementSibling.textContent.replace(/\\s+/g, ' '))"
    )
    for opening, entry in zip(openings, entries):
        assert opening.startswith(" ".join(entry.paragraphs[0].text.split())[:25])


def test_a_permalink_opens_at_its_entry(visit):
    page = visit("timeline/#2025-05-16-1656").page
    expect(page.locator(by_id("2025-05-16-1656"))).to_be_in_viewport()
    assert page.evaluate("window.scrollY") > 0


def test_the_strip_links_every_entry_by_name(visit):
    page = visit("timeline/").page
    strip = page.get_by_role("navigation", name="Timeline at a glance")
    marks = strip.get_by_role("link")
    expect(marks).to_have_count(len(SEED_TIMES))
    for time in SEED_TIMES:
        # The browser's accessible name: the time and the entry's first words.
        expect(strip.get_by_role("link", name=re.compile(f"^{time}: \\w"))).to_have_count(1)
    marks.nth(3).click()
    assert page.url.endswith("#2025-05-16-1656")
    expect(page.locator(by_id("2025-05-16-1656"))).to_be_in_viewport()


def test_hovering_a_glossary_link_shows_its_summary(visit):
    page = visit("timeline/").page
    medinsky = next(t for t in assemble(CONTENT).glossary if t.id == "vladimir-medinsky")
    link = page.locator('article a[href$="people/#vladimir-medinsky"]').first
    link.hover()
    tooltip = page.locator(f"[id='{link.get_attribute('aria-describedby')}']")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_contain_text(plain_text(medinsky.summary)[:60])


def test_the_keyboard_reaches_glossary_links_and_annotation_markers(visit):
    """Tab from an entry's permalink: the glossary link takes a visible focus and shows its
    summary; further on, the annotation marker does too, and Enter opens its note."""
    seen = visit("timeline/")
    page = seen.page
    page.locator(f"{by_id('2025-05-16-1600')} .headerlink").focus()
    page.keyboard.press("Tab")
    focused = page.evaluate_handle("document.activeElement")
    assert "/glossary/" in focused.get_attribute("href")
    assert _outline(page) != "none"
    tooltip = page.locator(f"[id='{focused.get_attribute('aria-describedby')}']")
    expect(tooltip).to_be_visible()
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.explainer-marker') !== null"):
            break
    else:
        pytest.fail("no annotation marker within ten Tab presses of the first entry")
    assert _outline(page) != "none"
    target = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    note = page.locator(by_id(target.lstrip("#")))
    expect(note).to_be_in_viewport()
    assert page.evaluate("document.querySelector(':target').id") == target.lstrip("#")
    expect(note).to_contain_text("Spelling")


def test_clicking_an_annotation_marker_shows_its_note(visit):
    page = visit("").page
    marker = page.locator(".explainer-marker a").first
    target = marker.get_attribute("href").lstrip("#")
    marker.click()
    note = page.locator(by_id(target))
    expect(note).to_be_in_viewport()
    assert page.evaluate("document.querySelector(':target').id") == target


def test_search_finds_medinsky_in_the_timeline_and_the_glossary(visit):
    seen = visit("")
    page = seen.page
    page.locator("input.md-search__input").click()
    page.keyboard.type("Medinsky")
    results = page.locator(".md-search-result__link")
    expect(results.and_(page.locator('[href*="/timeline/"]')).first).to_be_attached()
    expect(results.and_(page.locator('[href*="/glossary/people/"]')).first).to_be_attached()
    hrefs = results.evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert any("#vladimir-medinsky" in href for href in hrefs)
    assert seen.refused == [] and seen.errors == []


def test_the_palette_follows_the_system_and_toggles(visit):
    assert _scheme(visit("timeline/", scheme="dark").page) == "slate"
    page = visit("timeline/", scheme="light").page
    assert _scheme(page) == "default"
    page.locator('label[title="Switch to dark mode"]').click()
    assert _scheme(page) == "slate"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(READER_PAGES))
def test_pages_pass_axe_stay_private_and_log_no_errors(visit, name, scheme):
    seen = visit(READER_PAGES[name], scheme=scheme)
    assert _scheme(seen.page) == ("slate" if scheme == "dark" else "default")
    results = Axe().run(seen.page)
    assert results.violations_count == 0, results.generate_report()
    assert seen.refused == [], "requests to other hosts"
    assert seen.errors == []


@pytest.mark.parametrize("name", list(READER_PAGES))
def test_pages_fit_a_phone(visit, name):
    page = visit(READER_PAGES[name], width=375, height=812).page
    width, viewport = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= viewport


def _outline(page) -> str:
    return page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return s.outlineWidth === '0px' ? 'none' : s.outlineStyle; })()"
    )


def _scheme(page) -> str:
    return page.evaluate("document.body.dataset.mdColorScheme")


def test_printing_keeps_the_words_and_drops_the_site_around_them(visit):
    page = visit("timeline/").page
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"):
        assert page.eval_on_selector(chrome, "e => getComputedStyle(e).display") == "none", chrome
    expect(page.locator("article h2:has(time)").first).to_be_visible()
    source = page.locator('.explainer-notes a[href^="http"]').first
    after = source.evaluate("e => getComputedStyle(e, '::after').content")
    assert source.get_attribute("href") in after


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_split_timeline_leads_from_the_days_to_their_entries(visit, split_site_url, scheme):
    """The index's chart links each day; a day page's strip links its own entries; both pass
    axe in both schemes."""
    seen = visit("timeline/", scheme=scheme, site=split_site_url)
    page = seen.page
    chart = page.get_by_role("navigation", name="Days at a glance")
    expect(chart.get_by_role("link")).to_have_count(2)
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    chart.get_by_role("link", name="17 May 2025: 5 entries").click()
    page.wait_for_url("**/timeline/2025-05-17/")
    strip = page.get_by_role("navigation", name="Timeline at a glance")
    expect(strip.get_by_role("link")).to_have_count(5)
    strip.get_by_role("link", name=re.compile("^19:42 GMT: ")).click()
    expect(page.locator(by_id("2025-05-17-1942"))).to_be_in_viewport()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    assert seen.refused == [] and seen.errors == []
    # The glossary's mentions, grouped by day, lead to the right day page.
    glossary = visit("glossary/people/", scheme=scheme, site=split_site_url)
    results = Axe().run(glossary.page)
    assert results.violations_count == 0, results.generate_report()
    glossary.page.locator('a[href$="/timeline/2025-05-17/#2025-05-17-1806"]').first.click()
    expect(glossary.page.locator(by_id("2025-05-17-1806"))).to_be_in_viewport()
    assert glossary.refused == [] and glossary.errors == []
