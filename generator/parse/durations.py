"""Lengths that look like times: a video's ``1:32``, an article's ``4 min`` of audio.

A pasted page carries the lengths of its players next to their labels (``Play``,
``Video afspelen``, ``Listen`` / ``4 min``), after a clip's credit (``02:15 - Source:
CNN``), or alone at the foot of an entry (``02:47`` above ``Share``). Read as stamps they
open entries that are not there and push their neighbours onto another day; read as ages
they stop the parse for want of a capture time. ``mark_durations`` finds them before the
walk and leaves them out as page chrome (listed like all chrome), with the player's label
and the clip's own title. ``stray_stamp`` is the walk's guard for a bare time that would
roll the day over between two entries that are in order without it.

The rules, none of them an outlet's:

1. A player line (a label and a ``Duration`` statement: ``Play video, "...", Duration
   1,02``; a label and a length: ``Listen · 4 min``, ``Video 1:32``; a reading time ``Lecture 1
   min.``; a progress ``0:00 / 1:32``) is chrome; so is the clock-shaped line under it.
2. A clock-shaped line (``0:57``, ``01:34``, ``1:02:33``) right under a player label
   that stands inside an entry's block (a stamp or text right above it) is a duration; a
   label after a blank line, above a stamp, is the entry's label, not a player.
3. A clock followed by a credit (``02:15 - Source: CNN``) is a clip's duration wherever it
   stands; the label above it and the clip's title between them are chrome too.
4. A count of minutes or seconds with no age word (``4 min``, not ``4 min ago``) next to a
   player label is the length of the audio or video; abbreviated (``4 min``, ``6 Min.``),
   it is one on a line of its own too (the label may be an icon that copies as nothing).
5. A player's label alone at the foot of an entry's text (``Guarda il video`` above a
   blank line) is the player's button.
6. A bare time with no text of its own (only chrome follows before the next blank line or
   stamp) whose neighbouring stamps are in order without it, while with it the clock
   would run over midnight and back, is a duration left at the foot of an entry.

The clip's title right after a duration (a short line without a final stop, with the
entry's text after it) goes with the player, when the entry already has its title.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

from .dateline import Reading
from .furniture import TEASER_BLOCKS, FurnitureRules, is_byline, is_caption, is_chrome
from .memo import per_parse
from .parts import Page, leave_out, opens_entry

PLAYER_LABELS = {
    "en": "Play|Play video|Play audio|Watch|Watch video|Watch now|Video|Audio|Listen"
    "|Listen to this article|Listen to article|Listen now",
    "de": "Abspielen|Video abspielen|Audio abspielen|Anhören|Artikel anhören|Vorlesen|Video",
    "fr": "Lire la vidéo|Regarder|Regarder la vidéo|Écouter|Écouter l'article|Vidéo|Audio",
    "es": "Reproducir|Reproducir vídeo|Ver vídeo|Ver video|Escuchar|Escuchar artículo|Vídeo",
    "it": "Riproduci|Guarda|Guarda il video|Ascolta|Ascolta l'articolo|Video|Audio",
    "pt": "Reproduzir|Assistir|Assista|Ouvir|Ouça|Ouvir o texto|Ouvir matéria|Vídeo",
    "nl": "Afspelen|Video afspelen|Audio afspelen|Luister|Beluister|Luisteren|Bekijk|Video",
    "ru": "Смотреть|Смотреть видео|Видео|Слушать|Воспроизвести|Аудио",
    "uk": "Дивитися|Дивитись|Відео|Слухати|Відтворити|Аудіо",
    "tr": "Oynat|İzle|Videoyu izle|Video|Dinle|Haberi dinle",
}
"""What players say beside their length, per language (any letter case, ``'`` or ``’``)."""

READING_TIMES = {
    "en": "Reading time|Read time|Listening time|read|listen",
    "de": "Lesezeit|Lesedauer|Hördauer",
    "fr": "Lecture|Temps de lecture|de lecture|d'écoute",
    "es": "Lectura|Tiempo de lectura|de lectura",
    "it": "Lettura|Tempo di lettura|di lettura",
    "pt": "Leitura|Tempo de leitura|de leitura",
    "nl": "Leestijd|Leesduur",
    "ru": "Время чтения|чтения",
    "uk": "Час читання|читання",
    "tr": "Okuma süresi|okuma",
}
"""What stands before or after a reading or listening time (``Lecture 1 min.``, ``4 min
read``), per language."""

_READING = {
    label.casefold().replace("’", "'")
    for labels in READING_TIMES.values()
    for label in labels.split("|")
}

_LABELS = {
    label.casefold().replace("’", "'")
    for labels in PLAYER_LABELS.values()
    for label in labels.split("|")
}
_LABEL_WORDS = {label.split()[0] for label in _LABELS}

DURATION_WORDS = "duration|dauer|durée|duración|durata|duração|duur|длительность|тривалість|süre"
"""The word before a stated length (``Duration 1,02``), per language."""

SOURCE_WORDS = "source|fuente|fonte|quelle|bron|источник|джерело|kaynak"
"""The word before a clip's credit (``02:15 - Source: CNN``), per language."""

_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?"
_DURATION = re.compile(_CLOCK)
_SOURCED = re.compile(rf"{_CLOCK} ?[-–—|] ?(?:{SOURCE_WORDS}) ?: ?[^.!?]{{1,40}}", re.IGNORECASE)
_STATED = re.compile(
    rf"(?:^|, |\s)(?:{DURATION_WORDS}):? (?:\d{{1,2}}[:.,]\d{{2}}\b"
    r"|\d{1,3} ?(?:min|minutes?|s|sec|seconds?|minuten|minuti|minutos?)\b)",
    re.IGNORECASE,
)
_LENGTH = re.compile(
    r"\d{1,3} ?(?:s|sec|secs|seconds?|min|mins|minutes?|minuten|minuti|minutos?|minut|dk"
    r"|dakika|мин|минут[аы]?|хв|хвилин[аи]?)\.?",
    re.IGNORECASE,
)
"""A length: a count of seconds or minutes with no age word (``4 min``, ``6 Min.``)."""
_ABBREVIATED = re.compile(r"\d{1,3} ?(?:s|sec|min|mins|dk|мин|хв)\.?", re.IGNORECASE)
"""A length as players and reading times abbreviate it; ``10 minutes`` spelled out is text."""
_PROGRESS = re.compile(rf"{_CLOCK} ?/ ?{_CLOCK}")
"""A player's progress: ``0:00 / 1:32``."""
_SEPARATOR = r" ?[,:·•|–—-]? ?"
_LENGTH_AT_END = re.compile(rf"{_SEPARATOR}(?:{_CLOCK}|{_LENGTH.pattern})$", re.IGNORECASE)
_LENGTH_FIRST = re.compile(rf"{_LENGTH.pattern}{_SEPARATOR}", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
"""Every length and stated duration has one (``str.isdigit`` also takes ``²``: no pattern
does), so a line without one is no player's: a fast test."""
_OPENINGS = tuple(sorted(_LABELS | _READING))
"""How a line with a label before its length starts, casefolded."""
_FIRST_WORDS = re.compile(r"[\s,:]+")

_SENTENCE_END = (".", "!", "?", ":", ";", "…")


def is_length(clean: str) -> bool:
    """``4 min``: a length, never an age (an age says ``ago``, ``vor``, ``fa``...)."""
    return _LENGTH.fullmatch(clean) is not None


def mark_durations(
    page: Page,
    raw_lines: list[str],
    clean: list[str],
    readings: list[Reading | None],
    rules: FurnitureRules,
) -> None:
    """Leave out every duration, its player's label and its clip's title; a duration's
    reading is dropped so that it opens no entry."""
    found: set[int] = set()
    for index, text in enumerate(clean):
        if not text or page.kinds[index]:
            continue
        block = _player_block(clean, readings, index)
        if block:
            found.update(block)
    found.update(_buttons(clean, rules))
    for index in _strays(clean, readings, rules, found):
        found.add(index)
    for index in sorted(found):
        rules.matches(clean[index])  # a source.yml pattern for it is used, not reported unused
        if not page.kinds[index]:
            leave_out(page, index, raw_lines)
        readings[index] = None


def _player_block(clean: list[str], readings: list[Reading | None], index: int) -> list[int]:
    """The lines of the player whose length stands on line ``index`` (rules 1 to 4)."""
    text = clean[index]
    if _is_player_line(text):
        return [index]
    if _DIGIT.match(text) is None:
        return []  # every other shape (a clock, a clip's credit, a length) opens with a figure
    if _SOURCED.fullmatch(text):
        return [*_label_above(clean, index, _is_label), index, *_clip_title(clean, readings, index)]
    clock = _DURATION.fullmatch(text) is not None
    if not clock and not is_length(text):
        return []
    if not clock and index + 1 < len(clean) and _is_button(clean[index + 1]):
        return [index, index + 1]
    lone = [] if clock or not _ABBREVIATED.fullmatch(text) else [index]  # '4 min' alone
    if index == 0 or not clean[index - 1]:
        return lone
    if clock and _is_player_line(clean[index - 1]):
        return [index, *_clip_title(clean, readings, index)]
    above = _label_above(clean, index, _is_button)
    if not above or (clock and not _inside_entry(clean, above[0])):
        return lone
    title = _clip_title(clean, readings, index) if len(above) == 1 else []
    return [*above, index, *title]


def _buttons(clean: list[str], rules: FurnitureRules) -> list[int]:
    """A player's label alone at the foot of an entry's text (rule 5): ``Guarda il video``
    with a blank line, chrome or the end of the page under it."""
    buttons = []
    for index, text in enumerate(clean):
        if not text or not _is_button(text) or not _inside_entry(clean, index):
            continue
        after = index + 1
        while after < len(clean) and clean[after] and _is_chrome(clean[after], rules):
            after += 1
        if after >= len(clean) or not clean[after]:
            buttons.append(index)
    return buttons


def _is_chrome(text: str, rules: FurnitureRules) -> bool:
    return is_chrome(text) or text.casefold() in TEASER_BLOCKS or rules.matches(text)


def _is_button(text: str) -> bool:
    """``Play``, ``Video afspelen``, ``Ascolta l'articolo``: a label of the table."""
    return text.casefold().replace("’", "'") in _LABELS


def _is_label(text: str) -> bool:
    """A label of the table, or a short line led by a player word (``Video Ad ...``): only
    above a clip whose credit says it is one."""
    if _is_button(text):
        return True
    words = text.casefold().split()
    return 1 < len(words) <= 3 and words[0] in _LABEL_WORDS and not text.endswith(_SENTENCE_END)


@per_parse  # a page repeats its stamps' clocks
def _is_player_line(text: str) -> bool:
    """``Play video, "Waves batter Portrush harbour", Duration 1,02``; ``Listen · 4 min``,
    ``Video 1:32``; ``0:00 / 1:32``."""
    if _PROGRESS.fullmatch(text) or _label_and_length(text):
        return True
    if len(text) > 160 or _DIGIT.search(text) is None or _STATED.search(text) is None:
        return False
    first = _FIRST_WORDS.split(text.casefold(), maxsplit=2)
    return (
        first[0] in _LABEL_WORDS
        or (len(first) > 1 and " ".join(first[:2]) in _LABELS)
        or (len(text) <= 40 and _STATED.match(text) is not None)
    )


def _label_and_length(text: str) -> bool:
    """A label and a length on one line (``Video 1:32``, ``Lecture 1 min.``); a count of
    minutes may come first (``4 min · Listen``, ``4 min read``), a clock may not (``14:05
    Video`` is a stamp and its title)."""
    if len(text) > 60 or _DIGIT.search(text) is None:
        return False  # both shapes need a digit
    # A label before the length opens the line, casefolded (casefold folds each character
    # on its own, so a label's fold is the fold's start): else no need to look for a length.
    if text.casefold().replace("’", "'").startswith(_OPENINGS):
        for found in _LENGTH_AT_END.finditer(text):
            if found.start() and _is_button_or_reading(text[: found.start()]):
                return True
    match = _LENGTH_FIRST.match(text)
    return match is not None and _is_button_or_reading(text[match.end() :].rstrip("."))


def _is_button_or_reading(text: str) -> bool:
    folded = text.casefold().replace("’", "'").rstrip(" :")
    return folded in _LABELS or folded in _READING


def _inside_entry(clean: list[str], label: int) -> bool:
    """The label stands in an entry's block (under its stamp or text), not above a stamp
    after a blank line, where a label names the entry below it."""
    return label > 0 and bool(clean[label - 1])


def _label_above(clean: list[str], index: int, is_label: Callable[[str], bool]) -> list[int]:
    """The player's label right above its length, or its label and the clip's title
    (``Video`` / ``tagesschau 20:00 Uhr, 23.02.2025`` / ``3 Min``)."""
    if is_label(clean[index - 1]):
        return [index - 1]
    two_above = index > 1 and clean[index - 1] and clean[index - 2]
    if two_above and is_label(clean[index - 2]) and _title_like(clean[index - 1]):
        return [index - 2, index - 1]
    return []


def _clip_title(clean: list[str], readings: list[Reading | None], index: int) -> list[int]:
    """The clip's title under its length: short, no final stop, the entry's text after it,
    and the entry's own title above the player (so this is not the entry's title)."""
    after = index + 1
    if after + 1 >= len(clean) or not clean[after] or not clean[after + 1]:
        return []
    if not _title_like(clean[after]) or readings[after] is not None:
        return []
    following = clean[after + 1]
    if is_chrome(following) or readings[after + 1] is not None or _title_like(following):
        return []
    start = index
    while start > 0 and clean[start - 1] and (_is_label(clean[start - 1]) or start == index):
        start -= 1
    head = start - 1
    if head < 0 or not clean[head]:
        return []
    head_reading = readings[head]
    if head_reading is not None and opens_entry(head_reading):
        return []  # the player opens the entry: the line under it is the entry's title
    return [after]


def _title_like(text: str) -> bool:
    if len(text) > 100 or text.endswith(_SENTENCE_END) or text[:1] in "-–—":
        return False
    return not (is_byline(text) or is_caption(text) or is_chrome(text))


def _strays(
    clean: list[str], readings: list[Reading | None], rules: FurnitureRules, found: set[int]
) -> list[int]:
    """Bare times with no text of their own that break their neighbours' order (rule 6)."""
    stamps = [
        i
        for i, reading in enumerate(readings)
        if reading is not None and i not in found and opens_entry(reading)
    ]
    strays = []
    for position in range(1, len(stamps) - 1):
        before, index, after = stamps[position - 1], stamps[position], stamps[position + 1]
        faces = [_face(readings[i]) for i in (before, index, after)]
        if None in faces or not _empty(clean, rules, index, after):
            continue
        first, middle, last = (face for face in faces if face is not None)
        if _out_and_back(first, middle, last):
            strays.append(index)
    return strays


def _face(reading: Reading | None) -> int | None:
    """Minutes past midnight of a bare time (no date, zone, text or age), else None."""
    if reading is None or reading.has_date or reading.zone or reading.rest or reading.age:
        return None
    if reading.hour is None or reading.minute is None or reading.prefix is not None:
        return None
    hour = reading.hour % 12 + reading.meridiem if reading.meridiem is not None else reading.hour
    return hour * 60 + reading.minute


def _empty(clean: list[str], rules: FurnitureRules, index: int, stop: int) -> bool:
    """Only chrome between the line and the next blank line or stamp; when a blank line
    stands right under it (a page that sets its text apart), up to the next stamp."""
    apart = index + 1 < stop and not clean[index + 1]
    for later in range(index + 1, stop):
        text = clean[later]
        if not text and not apart:
            return True
        if text and not _is_chrome(text, rules):
            return False
    return True


def _out_and_back(first: int, middle: int, last: int) -> bool:
    """The clock runs away from its neighbours and back: ``18:45``, ``1:32``, ``15:02``
    (newest first) or ``09:30``, ``23:50``, ``10:15``; not a midnight, where the step over
    it is the long way round (``00:45``, ``00:10``, ``23:50``)."""
    step_in, step_out = middle - first, last - middle
    if step_in * step_out >= 0:
        return False
    span = abs(last - first)
    return span < abs(step_in) and span < abs(step_out)


def stray_stamp(
    previous: datetime, following: datetime | None, crosses: Callable[[datetime, datetime], bool]
) -> bool:
    """A bare time that crosses midnight from ``previous`` while the entry after it, on the
    same day, follows ``previous`` in order: the time is out of place (a length, a typo),
    and rolling the day over would move every entry after it. The walk keeps the day and
    reports the entry (out-of-order); ``crosses(moment, previous)`` is the walk's test."""
    return following is not None and not crosses(following, previous)
