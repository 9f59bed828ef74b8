"""Golden ingest cases: live-blogs pasted as they come from outlets' pages.

Each folder in tests/cases/ingest/ holds ``liveblog.txt``, an optional ``source.yml`` and
``expected.yml`` (format in that folder's README.md). One test per folder compares the
entries' instants, titles, bylines, updates, markers, captions and paragraphs, the
headline, intro, the page's dates, the left-out lines and the warnings (or the error) by
line and code.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.errors import ContentError
from generator.model import Liveblog
from generator.parse import ParseOptions
from generator.parse.liveblog import read_liveblog

CASES = Path(__file__).parent / "cases" / "ingest"


def case_options(case: Path) -> ParseOptions:
    """source.yml's parser settings, as the build reads them."""
    path = case / "source.yml"
    data: dict[str, Any] = {}
    if path.is_file():
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    published = data.get("published")
    captured = data.get("captured")
    return ParseOptions(
        timezone=data.get("timezone"),
        published=date.fromisoformat(published) if isinstance(published, str) else published,
        order=data.get("order"),
        furniture=tuple(data.get("furniture", ())),
        headline=data.get("headline"),
        language=data.get("language"),
        captured=datetime.fromisoformat(captured) if isinstance(captured, str) else captured,
        confirm={k: tuple(v) for k, v in (data.get("confirm") or {}).items()},
    )


def _instant(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def describe_case(blog: Liveblog, language: str) -> dict[str, Any]:
    """What the parser made of a case, in expected.yml's terms."""
    return {
        "headline": blog.headline.text,
        "language": language,
        "published": _instant(blog.published),
        "updated": _instant(blog.updated),
        "intro": [p.text for p in blog.intro],
        "entries": [
            {
                "at": entry.posted.isoformat(),
                "title": entry.title or None,
                "byline": entry.byline or None,
                "updated": _instant(entry.updated),
                "key_event": entry.key_event,
                "pinned": entry.pinned,
                "captions": [c.text for c in entry.captions],
                "paragraphs": [p.text for p in entry.paragraphs],
            }
            for entry in blog.entries
        ],
        "left_out": [line.number for line in blog.lines if line.kind == "furniture"],
        "warnings": [{"line": w.line, "code": w.code} for w in blog.warnings],
    }


def _normalise_expected(expected: dict[str, Any]) -> dict[str, Any]:
    expected = dict(expected)
    for key in ("published", "updated"):
        expected[key] = _instant(expected.get(key))
    for entry in expected.get("entries", []):
        entry["at"] = _instant(datetime.fromisoformat(str(entry["at"])))
        if entry.get("updated"):
            entry["updated"] = _instant(datetime.fromisoformat(str(entry["updated"])))
    return expected


OPEN = {
    "paste_abcau_en_posted_updated_loading_embeds": "footer after 'Show more updates' kept as "
    "paragraphs; 'Loading...' placeholders kept; footer age 'Posted 12m ago' warned",
    "paste_abcus_en_trailing_dash_bylines": "trailing '-ABC News' ...' bylines read as paragraphs; "
    "player 'Play' / '0:57' kept (time-in-entry); footer kept, '© 2025 ABC News' as a caption",
    "paste_aljazeera_en_cookie_banner_keep_reading": "'Keep reading' heading and its headlines "
    "kept as paragraphs; footer kept, '© 2024 Al Jazeera Media Network' as a caption",
    "paste_derstandard_de_ages_postings": "'1.234 Postings' as intro; 'Posten' buttons, "
    "'Mehr laden' and footer kept as paragraphs, '© STANDARD ...' as a caption",
    "paste_ap_en_gallery_one_of_n": "AP boilerplate and footer after the last entry kept as "
    "paragraphs",
    "paste_cnn_en_video_duration_see_all": "video duration '02:15 - Source: CNN' read as a stamp "
    "(a 02:15 entry, out-of-order); 'See all updates' as intro; Instagram label and footer kept",
    "paste_corriere_it_gallery_punti_chiave": "audio length '6 min' under 'Ascolta l'articolo' "
    "read as an age: needs-capture-time error",
    "paste_elpais_es_editions_sigue_comentarios": "footer (Sigue..., Comentarios, Archivado En, "
    "links) kept as paragraphs, '© EDICIONES EL PAÍS' as a caption",
    "paste_folha_pt_leia_tambem_comentarios": "'Aumentar/Diminuir fonte' as intro; caption "
    "'... - NAME/FOLHAPRESS' read as a paragraph; comments block and footer kept",
    "paste_guardian_en_cet_entries_newsletter_footer": "title 'Von der Leyen: ‘...’' read as a "
    "byline; topics/newsletter footer kept as paragraphs",
    "paste_lemonde_fr_lire_aussi_contributions": "'Lecture 1 min.' as intro; 'Lire aussi |', "
    "'Réagir', newsletter box and footer kept, '© Le Monde' as a caption",
    "paste_nbc_en_election_night_midnight_full_stamps": "'Share this -' kept (intro and "
    "paragraphs); footer kept, '© 2024 NBCUniversal' as a caption",
    "paste_nos_nl_video_afspelen_meer_laden": "'Video afspelen' / '01:34' / video title and "
    "'Deel artikel:' kept; 'Meer laden' and footer kept as paragraphs",
    "paste_nyt_en_credit_site_index": "'Credit...' caption pair read as paragraphs; 'Name "
    "Reporting from ...' bylines as paragraphs; '2.4K', 'SKIP ADVERTISEMENT', Site Index kept",
    "paste_ria_ru_time_before_date_views": "view counts ('4121') and footer kept; photo caption "
    "line above '© РИА Новости / ...' read as a paragraph",
    "paste_rtve_es_ultima_hora_noticia_hoy": "video duration '1:32' read as a stamp: two entries "
    "moved to the next day (wrong dates); 'Última hora' labels kept",
    "paste_sky_en_breaking_labels_watch_live": "headline: 'Sky News - back to home' taken, menu as "
    "intro; a 'Breaking' label swallows the 16:14 entry (time-in-entry); footer kept",
    "paste_tagesschau_de_video_sendung_footer": "'Stand: ...' as intro (page update lost); video "
    "box and 'Das Erste | tagesschau | ... Uhr' kept; '... | dpa' caption as a paragraph",
    "paste_timesofindia_en_ist_read_more": "headline: menu line 'News' taken, menu as intro; "
    "'Also read:' and footer kept",
    "paste_timesofisrael_en_correction_pull_quote": "headline: 'The Times of Israel' taken; "
    "WordPress footer kept as paragraphs",
    "paste_ukrpravda_uk_weekday_dateline_reklama": "'Читайте також:' / 'Реклама:' and footer kept "
    "as paragraphs, '© 2000–2025, ...' as a caption",
    "paste_washpost_en_listen_gift_comments": "reading time '4 min' under 'Listen' read as an age: "
    "needs-capture-time error",
}
"""Cases the parser does not read right yet, with what goes wrong. They run all the same and
are expected to fail (strict: one that starts passing fails until it is taken off the list)."""


def _case_params() -> list[object]:
    cases = sorted(p for p in CASES.iterdir() if p.is_dir())
    return [
        pytest.param(
            case,
            id=case.name,
            marks=[pytest.mark.xfail(reason=OPEN[case.name], strict=True)]
            if case.name in OPEN
            else [],
        )
        for case in cases
    ]


@pytest.mark.parametrize("case", _case_params())
def test_ingest_case(case: Path) -> None:
    expected = _normalise_expected(
        yaml.safe_load((case / "expected.yml").read_text(encoding="utf-8"))
    )
    text = (case / "liveblog.txt").read_text(encoding="utf-8")
    try:
        blog, language = read_liveblog(text, "liveblog.txt", case_options(case))
    except ContentError as error:
        assert "error" in expected, f"unexpected error:\n{error}"
        first = min(error.problems, key=lambda p: (p.line, p.column))
        assert {"line": first.line, "code": first.code} == expected["error"], str(error)
        return
    assert "error" not in expected, f"expected error {expected['error']}, parsed instead"
    actual = describe_case(blog, language)
    for key in ("headline", "language", "published", "updated", "intro"):
        assert actual[key] == expected[key], key
    assert actual["entries"] == expected["entries"]
    assert actual["left_out"] == expected["left_out"]
    assert actual["warnings"] == expected.get("warnings", [])
