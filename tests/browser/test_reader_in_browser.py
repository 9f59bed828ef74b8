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
    "about": "about/",
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


_FRAME = "e.parentElement.querySelector('#' + CSS.escape(e.id) + ' ~ .explainer-source')"
"""The framed source box that follows a heading (a key moment's badge may stand between)."""


def test_the_timeline_shows_the_seed_entries_in_order(visit):
    page = visit("timeline/").page
    headings = page.locator("article h2:has(time)")
    assert headings.locator("time").all_inner_texts() == SEED_TIMES
    stamps = headings.locator("time").evaluate_all("els => els.map(e => e.dateTime)")
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)
    entries = assemble(CONTENT).liveblog.entries
    assert headings.evaluate_all("els => els.map(e => e.id)") == [e.anchor for e in entries]
    # Each heading is followed by its entry's words, framed as the source's: the outlet and
    # time, then the first paragraph, verbatim.
    labels = headings.evaluate_all(
        f"els => els.map(e => {_FRAME}.querySelector('.explainer-source__by').textContent)"
    )
    assert labels == [f"RT wrote at {t}" for t in SEED_TIMES]
    openings = headings.evaluate_all(
        f"els => els.map(e => {_FRAME}.querySelector('p:not([class])')"
        ".textContent.replace(/\\s+/g, ' '))"
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
    headlines = {e.time_label: e.headline for e in assemble(CONTENT).liveblog.entries}
    for time in SEED_TIMES:
        # The browser's accessible name: the time and the entry's headline.
        name = re.compile(f"^{time}: {re.escape(headlines[time])}")
        expect(strip.get_by_role("link", name=name)).to_have_count(1)
    marks.nth(3).locator(".explainer-strip__target").click()
    assert page.url.endswith("#2025-05-16-1656")
    expect(page.locator(by_id("2025-05-16-1656"))).to_be_in_viewport()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_hovering_a_glossary_link_opens_its_preview_card(visit, scheme):
    page = visit("timeline/", scheme=scheme).page
    medinsky = next(t for t in assemble(CONTENT).glossary if t.id == "vladimir-medinsky")
    link = page.locator('article a[data-preview][href$="people/#vladimir-medinsky"]').first
    link.hover()
    card = page.locator("#explainer-popover")
    expect(card).to_be_visible()
    assert link.get_attribute("aria-describedby") == "explainer-popover"  # announced
    expect(card).to_contain_text(medinsky.name)
    expect(card).to_contain_text(medinsky.role)
    expect(card).to_contain_text(plain_text(medinsky.summary)[:60])
    expect(card.get_by_role("link", name=re.compile("Full entry"))).to_have_attribute(
        "href", re.compile("people/#vladimir-medinsky$")
    )
    _assert_readable(card)
    page.keyboard.press("Escape")
    expect(card).to_have_count(0)


def _assert_readable(card) -> None:
    """At least 14 px, and its text clearly darker or lighter than its own background."""
    size, fg, bg = card.evaluate(
        "e => { const s = getComputedStyle(e); return [parseFloat(s.fontSize), s.color,"
        " s.backgroundColor]; }"
    )
    assert size >= 14
    assert abs(_luminance(fg) - _luminance(bg)) > 0.5, (fg, bg)


def _luminance(css: str) -> float:
    red, green, blue = (int(x) / 255 for x in re.findall(r"[\d.]+", css)[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def test_a_note_marker_opens_its_note_as_a_preview_on_focus(visit):
    page = visit("timeline/").page
    marker = page.locator(".explainer-marker a").first
    marker.focus()
    card = page.locator("#explainer-popover")
    expect(card).to_be_visible()
    note_id = marker.get_attribute("href").lstrip("#")
    note = page.locator(by_id(note_id))
    kind = note.locator(".explainer-note__kind").inner_text()
    expect(card).to_contain_text(kind)
    _assert_readable(card)


def test_a_first_tap_opens_the_card_and_a_second_tap_follows_the_link(browser, site_url):
    context = browser.new_context(
        viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True
    )
    try:
        page = context.new_page()
        page.goto(site_url + "timeline/")
        link = page.locator('article a[data-preview^="preview-term-"]').first
        href = link.get_attribute("href")
        link.tap()
        card = page.locator("#explainer-popover")
        expect(card).to_be_visible()
        assert page.url == site_url + "timeline/", "the first tap does not navigate"
        _assert_readable(card)
        link.tap()
        page.wait_for_url("**/glossary/**")
        assert page.url.endswith(href.split("/")[-1])
    finally:
        context.close()


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
    # The note says what kind it is, with a label and an icon.
    expect(note.locator(".explainer-note__kind svg")).to_have_count(1)
    expect(note.locator(".explainer-note__kind")).to_have_text(
        re.compile("^(Context|Fact-check|Spelling|Translation|Attribution)$")
    )


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


@pytest.mark.parametrize("width", [375, 1280])
def test_strip_marks_and_note_markers_are_at_least_24_px_targets(visit, width):
    page = visit("timeline/", width=width, height=812).page
    boxes = page.locator(".explainer-strip__target").evaluate_all(
        "els => els.map(e => { const r = e.getBoundingClientRect();"
        " return [r.left, r.width, r.height]; })"
    )
    assert len(boxes) == len(SEED_TIMES)
    for (left, w, h), (next_left, _, _) in zip(boxes, boxes[1:] + [(1e9, 0, 0)]):
        assert w >= 24 and h >= 24
        assert left + w <= next_left + 0.5, "targets overlap"
    markers = page.locator(".explainer-marker a").evaluate_all(
        "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.width, r.height]; })"
    )
    assert markers and all(w >= 24 and h >= 24 for w, h in markers)


def test_the_strip_shows_a_mark_label_on_focus_and_the_readers_place(visit):
    page = visit("timeline/").page
    mark = page.locator(".explainer-strip__mark").nth(4)
    mark.focus()
    expect(mark.locator(".explainer-strip__label")).to_be_visible()
    legend = " ".join(page.locator(".explainer-strip__legend").inner_text().split())
    assert legend.startswith("entry · key moment · hover, focus or tap a mark")
    # Reading the 19:42 entry: its heading scrolled up to the top, under the sticky strip.
    page.locator(by_id("2025-05-16-1942")).evaluate("e => e.scrollIntoView({block: 'start'})")
    current = page.locator('.explainer-strip__mark[aria-current="location"]')
    expect(current).to_have_attribute("href", "#2025-05-16-1942")


def test_the_summary_and_key_moments_fill_a_phones_first_screen(visit):
    page = visit("", width=375, height=812).page
    for selector in ("#what-happened", ".explainer-summary li", ".explainer-moments"):
        bottom = page.locator(selector).first.evaluate("e => e.getBoundingClientRect().bottom")
        assert bottom <= 812, selector
    cards = page.locator(".explainer-moment")
    expect(cards).to_have_count(len(assemble(CONTENT).key_moments))
    # The rest of a long summary is a button away.
    button = page.get_by_role("button", name=re.compile("Show all"))
    if button.count():
        button.click()
        expect(page.locator(".explainer-summary")).not_to_have_class(re.compile("is-clamped"))


# Glossary links per 100 words of each page's article before the reader's explainer (the
# seed site at the commit before, measured with _links_per_100_words): 2.91 and 6.80.
BEFORE = {"": 2.91, "timeline/": 6.80}


@pytest.mark.parametrize("path", list(BEFORE))
def test_glossary_links_are_at_most_half_as_dense_as_before(visit, path):
    page = visit(path).page
    assert _links_per_100_words(page) <= BEFORE[path] / 2


def _links_per_100_words(page) -> float:
    return page.evaluate(
        """() => { const a = document.querySelector('article');
        const links = [...a.querySelectorAll('a[href*="glossary/"]')]
          .filter(e => e.offsetParent !== null && !e.closest('.explainer-previews'));
        const words = a.innerText.split(/\\s+/).filter(Boolean).length;
        return 100 * links.length / words; }"""
    )


def test_every_entry_heading_carries_its_headline(visit):
    page = visit("timeline/").page
    texts = page.locator("article h2:has(time)").evaluate_all(
        "els => els.map(e => [e.querySelector('time').textContent,"
        " e.textContent.replace(e.querySelector('time').textContent, '').replace('¶', '').trim()])"
    )
    entries = assemble(CONTENT).liveblog.entries
    assert texts == [[e.time_label, e.headline] for e in entries]
    toc = page.locator(".md-sidebar--secondary .md-nav__link").all_inner_texts()
    assert any(entries[3].headline in item for item in toc)


@pytest.mark.parametrize("prefix", ["", "istanbul-talks-2025/"])
def test_the_404_page_is_styled_wherever_the_site_is_served(browser, seed_site, tmp_path, prefix):
    root = tmp_path / "root"
    root.mkdir()
    if prefix:
        (root / prefix.rstrip("/")).symlink_to(seed_site)
    else:
        root = seed_site
    url = _serve_with_404(root, seed_site / "404.html")
    context = browser.new_context()
    try:
        page = context.new_page()
        response = page.goto(url + prefix + "no/such/page/")
        assert response.status == 404
        expect(page.locator("h1")).to_have_text("Page not found")
        # Every stylesheet the page uses loaded (its rules are readable), the explainer's too.
        sheets = page.evaluate(
            "[...document.styleSheets].filter(s => s.href).map(s => [s.href, s.cssRules.length])"
        )
        assert any("explainer.css" in href for href, _ in sheets)
        assert all(rules > 0 for _, rules in sheets), sheets
        assert all(href.startswith(url + prefix + "assets/") for href, _ in sheets), sheets
        position = page.eval_on_selector(".md-header", "e => getComputedStyle(e).position")
        assert position == "sticky", "Material's stylesheet applies"
        page.get_by_role("link", name="Go to the overview").click()
        page.wait_for_url(url + prefix)
    finally:
        context.close()


def _serve_with_404(folder, not_found):
    import functools
    import http.server
    import threading

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def send_error(self, code, message=None, explain=None):
            if code != 404:
                return super().send_error(code, message, explain)
            body = not_found.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    handler = functools.partial(Handler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


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
    # Notes are set smaller than the words they annotate; the source and date head the page.
    note = page.locator(".explainer-note").first.evaluate("e => getComputedStyle(e).fontSize")
    text = page.locator(".explainer-source p:not([class])").first.evaluate(
        "e => getComputedStyle(e).fontSize"
    )
    assert float(note.removesuffix("px")) < float(text.removesuffix("px"))
    expect(page.locator(".explainer-print-header")).to_have_text(
        "Annotated explainer of RT’s live-blog of 16 May 2025"
    )


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
    link = 'a[href$="/timeline/2025-05-17/#2025-05-17-1806"]'
    # A card's mentions are folded under it: open the fold, then follow the link.
    glossary.page.locator(f"details.explainer-term__more:has({link}) > summary").first.click()
    glossary.page.locator(link).first.click()
    expect(glossary.page.locator(by_id("2025-05-17-1806"))).to_be_in_viewport()
    assert glossary.refused == [] and glossary.errors == []
