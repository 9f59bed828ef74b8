"""``source.yml``: what the explainer knows about the live-blog, and the parser's settings.

The schema says which keys there are; this module checks what it cannot say (a date that
exists, a furniture pattern that compiles, a language the parser reads, an instant with its
offset), each problem at its line and column.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

from ..errors import ProblemCollector, did_you_mean
from ..model import SourcedText, SourceInfo
from ..parse.names import LANGUAGES
from .content import _references, display_path
from .markdown import check_markdown
from .schema import check, positions_of
from .yamlfile import YamlMap, load_yaml_file


def load_source(path: Path) -> SourceInfo:
    """Read ``source.yml``; every problem in it is reported together."""
    shown = display_path(path)
    problems = ProblemCollector(shown)
    data = load_yaml_file(path, shown, problems)
    if data is None:
        data = YamlMap()
    published = captured = None
    if check(data, "source", problems):
        try:
            published = date.fromisoformat(data["published"])
        except ValueError:
            problems.add_at(
                data.value_at("published"),
                f"not a valid date: {data['published']!r}",
                "write it as YYYY-MM-DD",
            )
        captured = _check_parser_settings(data, problems)
    note = data.get("outlet_note")
    if isinstance(note, YamlMap) and isinstance(note.get("text"), str):
        check_markdown(note["text"], problems, note.value_at("text"), "outlet_note")
    problems.raise_if_any()
    assert published is not None
    confirm = data.get("confirm") or {}
    return SourceInfo(
        outlet=data["outlet"],
        headline=data["headline"],
        published=published,
        timezone=data["timezone"],
        url=data.get("url", ""),
        order=data.get("order"),
        furniture=tuple(data.get("furniture", ())),
        key_moments=tuple(data.get("key_moments", ())),
        key_moments_at=tuple(positions_of(data.get("key_moments", []))),
        language=data.get("language", "en"),
        language_set="language" in data,
        captured=captured,
        confirm={code: tuple(texts) for code, texts in confirm.items()},
        outlet_note=SourcedText(note["text"], _references(note["sources"])) if note else None,
        corrections=data.get("corrections", ""),
    )


def _check_parser_settings(data: YamlMap, problems: ProblemCollector) -> datetime | None:
    """What the schema cannot say about the parser's settings: patterns that compile, a
    language the parser reads, an instant with its offset, confirmations as lists of lines.
    Returns ``captured`` as an instant."""
    furniture = data.get("furniture", [])
    for entry, at in zip(furniture, positions_of(furniture)):
        text = " ".join(entry.split())
        if len(text) > 2 and text.startswith("/") and text.endswith("/"):
            try:
                re.compile(text[1:-1])
            except re.error as error:
                problems.add_at(
                    at,
                    f"furniture pattern {entry!r} is not a valid regular expression: {error}",
                    "write /pattern/ with Python's regular expressions, e.g. '/^Read more: /'",
                )
    language = data.get("language")
    if language is not None and language.split("-")[0].lower() not in LANGUAGES:
        hint = did_you_mean(language, LANGUAGES)
        problems.add_at(
            data.value_at("language"),
            f"unknown language {language!r}: the parser reads {', '.join(LANGUAGES)}",
            f"{hint} or leave 'language' out to have it detected".lstrip(),
        )
    confirm = data.get("confirm") or {}
    for code, texts in confirm.items():
        at = confirm.value_at(code) if isinstance(confirm, YamlMap) else data.value_at("confirm")
        if not isinstance(texts, list) or not all(isinstance(t, str) for t in texts):
            problems.add_at(
                at,
                f"confirm '{code}' should be a list of lines, as the live-blog writes them",
                f"write '{code}:' then one '- line' per line the warning is about",
            )
    if "captured" not in data:
        return None
    try:
        captured = datetime.fromisoformat(data["captured"])
    except ValueError:
        captured = None
    if captured is None or captured.tzinfo is None:
        problems.add_at(
            data.value_at("captured"),
            f"not a valid instant: {data['captured']!r}",
            "write the date, time and offset of the copy, e.g. '2025-05-16T18:30:00+01:00'",
        )
        return None
    return captured
