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


OPEN: dict[str, str] = {
    "paste_euronews_en_published_on_updated_copyright": "'16/05/2025' on an English page is read"
    " month first (an error); the menu line is taken for the headline, the lead photo's caption"
    " lines and share buttons for intro, '(Reuters)' for a caption, 'More about this topic' and"
    " its titles for text",
    "paste_zdfheute_de_uhr_beitragslaenge_quelle": "a video's 'Beitragslänge:' label (its '1 min'"
    " is left out) reads as text; 'Mehr zum Ukraine-Krieg' (a related block headed by 'Mehr zum'"
    " + topic) and its title read as the last entry's text",
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
