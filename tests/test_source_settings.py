"""source.yml's parser settings (headline, language, captured, confirm, furniture patterns):
checked where they are written, and handed to the parser as the build reads them."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from generator.errors import ContentError
from generator.load import load_source
from generator.parse import ParseOptions, parse_liveblog

BASE = 'outlet: Harbour Post\nheadline: "Council votes on the barrier plan"\n'
BASE += 'published: "2025-06-02"\ntimezone: GMT\n'


def write(tmp_path: Path, extra: str) -> Path:
    path = tmp_path / "source.yml"
    path.write_text(BASE + extra, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            "language: dk\n",
            "source.yml:5:11: unknown language 'dk': the parser reads en, de, fr, es, it, pt, "
            "nl, ru, uk, tr (or leave 'language' out to have it detected)",
        ),
        (
            "captured: 2025-06-02T12:00\n",
            "source.yml:5:11: not a valid instant: '2025-06-02T12:00' (write the date, time and "
            "offset of the copy, e.g. '2025-05-16T18:30:00+01:00')",
        ),
        (
            "captured: 2025-06-32T12:00:00+01:00\n",
            "source.yml:5:11: not a valid instant: '2025-06-32T12:00:00+01:00' (write the date, "
            "time and offset of the copy, e.g. '2025-05-16T18:30:00+01:00')",
        ),
        (
            'furniture:\n  - Share\n  - "/^Read (more/"\n',
            "source.yml:7:5: furniture pattern '/^Read (more/' is not a valid regular "
            "expression: missing ), unterminated subpattern at position 6 (write /pattern/ with "
            "Python's regular expressions, e.g. '/^Read more: /')",
        ),
        (
            'confirm:\n  out-of-order: "10:00 GMT"\n',
            "source.yml:6:17: confirm 'out-of-order' should be a list of lines, as the live-blog "
            "writes them (write 'out-of-order:' then one '- line' per line the warning is about)",
        ),
        (
            "confirm: [out-of-order]\n",
            "source.yml:5:10: 'confirm' should be a mapping, not a list (write 'key: value' lines)",
        ),
    ],
    ids=["unknown-language", "captured-without-offset", "captured-no-such-day", "bad-regex",
         "confirm-not-a-list", "confirm-not-a-mapping"],
)  # fmt: skip
def test_bad_parser_settings_are_located_errors(extra, message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ContentError) as raised:
        load_source(write(tmp_path, extra))
    assert str(raised.value) == message


def test_the_settings_flow_from_source_yml_into_the_parser(tmp_path):
    source = load_source(
        write(
            tmp_path,
            "language: de\ncaptured: 2025-06-02T12:00:00+02:00\n"
            'furniture:\n  - "/^Mehr zum Thema/"\n'
            'confirm:\n  out-of-order: ["09:00"]\n',
        )
    )
    options = ParseOptions.from_source(source)
    assert options.headline == "Council votes on the barrier plan"
    assert options.language == "de"
    assert options.captured == datetime(2025, 6, 2, 12, tzinfo=timezone(timedelta(hours=2)))
    assert options.furniture == ("/^Mehr zum Thema/",)
    assert options.confirm == {"out-of-order": ("09:00",)}


def test_language_left_out_is_detected_not_english(tmp_path):
    options = ParseOptions.from_source(load_source(write(tmp_path, "")))
    assert options.language is None or options.language is False


def _blog(extra_source: str, tmp_path: Path):
    text = (
        "Skip to content\nCouncil votes on the barrier plan\n2 June 2025\n"
        "09:00\nThe debate opens.\n\n10:30\nThe vote passes.\n\n10:10\nA recount.\n\n"
        "Unser Podcast: Deiche\n"
    )
    options = ParseOptions.from_source(load_source(write(tmp_path, extra_source)))
    return parse_liveblog(text, "liveblog.txt", options)


def test_a_furniture_pattern_and_a_confirmation_take_effect(tmp_path):
    plain = _blog("", tmp_path)
    assert "Unser Podcast: Deiche" in [p.text for e in plain.entries for p in e.paragraphs]
    # Read newest first, 10:30 below 09:00 is the day before, which no date line names.
    assert [(w.line, w.code) for w in plain.warnings] == [(7, "no-date")]
    confirmed = _blog('furniture: ["/^Unser Podcast/"]\nconfirm:\n  no-date: ["10:30"]\n', tmp_path)
    assert "Unser Podcast: Deiche" in [p.text for p in confirmed.furniture]
    assert confirmed.warnings == ()
