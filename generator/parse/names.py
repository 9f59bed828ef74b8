"""Month and weekday names, relative days and ages, by language, from CLDR (via Babel).

Nothing here is typed by hand except the words CLDR does not hold: the phrases outlets put
before a dateline (``First published on``, ``Mis à jour le``) and the little words between a
date's parts (``at``, ``um``, ``alle``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import timedelta
from functools import cache

from babel import Locale

LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "ru", "uk", "tr")
"""Languages whose names the parser reads (any other ``language:`` reads as English)."""

PREFIXES = {
    "first-published": [
        "first published on",
        "first published",
        "oluşturulma tarihi",
        "oluşturulma",
    ],
    "published": [
        "published on",
        "published",
        "posted on",
        "posted at",
        "posted",
        "veröffentlicht am",
        "veröffentlicht",
        "publié le",
        "publié",
        "publicado el",
        "publicado em",
        "publicado",
        "pubblicato il",
        "pubblicato",
        "gepubliceerd op",
        "gepubliceerd",
        "опубликовано",
        "опубліковано",
        "yayınlanma tarihi",
        "yayınlanma",
        "giriş tarihi",
        "giriş",
    ],
    "updated": [
        "stand:",
        "last updated on",
        "last updated",
        "updated on",
        "updated at",
        "updated",
        "zuletzt aktualisiert am",
        "zuletzt aktualisiert",
        "aktualisiert am",
        "aktualisiert",
        "mis à jour le",
        "mis à jour",
        "modifié le",
        "modifié",
        "actualizado el",
        "actualizado",
        "aggiornato il",
        "aggiornato alle",
        "aggiornato",
        "modifica il",
        "atualizado em",
        "atualizado",
        "bijgewerkt op",
        "bijgewerkt",
        "aangepast",
        "обновлено",
        "оновлено",
        "güncelleme tarihi",
        "güncellendi",
        "güncelleme",
    ],
}
"""Phrases that open a dateline, by what the dateline states."""

FILLERS = {
    "at", "on", "the", "of", "um", "uhr", "am", "à", "a", "le", "el", "de", "del", "di",
    "alle", "ore", "h", "às", "as", "em", "om", "in", "в", "о", "об", "saat", "г", "г.",
    "года", "р", "р.", "року", "kl", "kl.", "den", "du", "les", "ле",
}  # fmt: skip
"""Words between the parts of a date or time that say nothing themselves."""

MERIDIEMS = {"am": 0, "a.m.": 0, "a.m": 0, "pm": 12, "p.m.": 12, "p.m": 12}


@dataclass(frozen=True)
class Names:
    """What one language (with English, which pages mix in) calls months, days and ages."""

    months: dict[str, int]
    weekdays: dict[str, int]
    relative_days: dict[str, int]
    ages: tuple[tuple[re.Pattern[str], timedelta], ...]
    numeric_order: str
    """The order of day, month and year in a numeric date: ``dmy``, ``mdy`` or ``ymd``."""
    any_age: re.Pattern[str]
    """``ages`` in one pattern: most lines are no age, and one test says so."""


def fold(word: str) -> str:
    """Lower case without a final full stop, apostrophes unified: how names are compared."""
    return unicodedata.normalize("NFC", word.lower().rstrip(".").replace("’", "'"))


@cache
def names_for(language: str) -> Names:
    """The names of ``language`` (a tag such as ``pt-BR``) and of English together."""
    base = language.split("-")[0].split("_")[0].lower()
    codes = ["en"] if base not in LANGUAGES or base == "en" else [base, "en"]
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    relative: dict[str, int] = {}
    ages: list[tuple[re.Pattern[str], timedelta]] = []
    for code in codes:
        locale = Locale.parse(code)
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in locale.months[context][width].items():
                    months.setdefault(fold(name), number)
                for number, name in locale.days[context][width].items():
                    weekdays.setdefault(fold(name), number)
        fields = locale._data["date_fields"]
        for offset, name in fields["day"]["relative"].items():
            if offset in (0, -1):
                relative.setdefault(fold(name), offset)
        for unit, size in (("minute", timedelta(minutes=1)), ("hour", timedelta(hours=1))):
            for variant in (unit, f"{unit}-short", f"{unit}-narrow"):
                for pattern in fields.get(variant, {}).get("past", {}).values():
                    ages.append((_age_pattern(pattern), size))
    for extra, number in (("sept", 9), ("tues", 1), ("weds", 2), ("thur", 3), ("thurs", 3)):
        if "en" in codes:
            (months if number == 9 and extra == "sept" else weekdays).setdefault(extra, number)
    ages += [
        # '52m', '6h' or '4 min ago'; '4 min' with no age word is a length (durations.py)
        (re.compile(r"(\d+)(?:m| ?(?:m|mins?|minutes?) ago)", re.I), timedelta(minutes=1)),
        (re.compile(r"(\d+)(?:h| ?(?:h|hrs?|hours?) ago)", re.I), timedelta(hours=1)),
    ]
    order = _numeric_order(Locale.parse(codes[0]).date_formats["short"].pattern)
    any_age = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in ages), re.I)
    return Names(months, weekdays, relative, tuple(ages), order, any_age)


def _age_pattern(cldr: str) -> re.Pattern[str]:
    """CLDR's ``vor {0} Minuten`` as a pattern matching ``vor 5 Minuten`` (CLDR's no-break
    spaces, as in ``il y a {0}\u00a0min``, match the plain spaces lines are read with)."""
    spaced = " ".join(fold(cldr).split())
    escaped = re.escape(spaced).replace(r"\{0\}", r"(\d+)").replace(r"\ ", " ?")
    return re.compile(escaped.replace(".", r"\.?"), re.IGNORECASE)


def _numeric_order(pattern: str) -> str:
    """``dd.MM.y`` -> ``dmy``; ``M/d/yy`` -> ``mdy``."""
    letters = [char for char in pattern if char in "dMy"]
    order = "".join(dict.fromkeys(letters)).lower()
    return order if order in ("dmy", "mdy", "ymd") else "dmy"


def read_age(text: str, names: Names) -> timedelta | None:
    """``2m ago``, ``1h``, ``vor 5 Minuten``: how long before the capture, or None."""
    folded = fold(text)
    if names.any_age.fullmatch(folded) is None:
        return None
    for pattern, size in names.ages:
        match = pattern.fullmatch(folded)
        if match is not None:
            return size * int(match[1])
    return None


_STOPWORDS = {
    "en": "the and of to in is that for with was said",
    "de": "der die und das nicht ist mit sich des auf für",
    "fr": "le la les et des est une dans pour que qui",
    "es": "el la los las y que en del por una con",
    "it": "il di che è la per una sono non della gli",
    "pt": "o a os as de que não uma para com do da",
    "nl": "de het een en van is dat niet op te zijn",
    "ru": "и в не на что с по это как он",
    "uk": "і в не на що з та це як від",
    "tr": "ve bir bu da de için ile olarak daha çok",
}


DATE_WORD_VOTES = 2
"""What a month's or weekday's full name in a date counts for, against one common short
word: a date line names the page's language where a short page has few other words."""


def detect_language(text: str) -> str:
    """The language most of the text's common short words belong to (English on a tie).

    A month's or weekday's full name that only one language has, next to a figure as in a
    date (``Freitag, 16. Mai``, ``mercredi 14``), counts for ``DATE_WORD_VOTES`` words; a
    name with no figure beside it may be a word (``Sunday`` in a title) and counts for none,
    and a name that is an everyday English word (``_ALSO_WORDS``) never counts.
    """
    text = text[:20000].lower()
    counts = dict.fromkeys(_STOPWORDS, 0)
    sets = {code: set(words_.split()) for code, words_ in _STOPWORDS.items()}
    dated = _date_words()
    for found in re.finditer(r"[^\W\d_]+", text):
        word = found[0]
        for code, stop in sets.items():
            if word in stop:
                counts[code] += 1
        named = dated.get(word)
        start, end = found.span()
        if named is not None and _DIGIT.search(text, max(start - 4, 0), end + 4):
            counts[named] += DATE_WORD_VOTES
    best = max(counts, key=lambda code: (counts[code], code == "en"))
    return best if counts[best] else "en"


_DIGIT = re.compile(r"\d")


@cache
def _date_words() -> dict[str, str]:
    """Full month and weekday names (CLDR, lower case) of one language only, by language."""
    found: dict[str, set[str]] = {}
    for code in LANGUAGES:
        locale = Locale.parse(code)
        for context in ("format", "stand-alone"):
            for table in (locale.months, locale.days):
                for name in table[context]["wide"].values():
                    found.setdefault(name.lower(), set()).add(code)
    return {
        name: next(iter(codes))
        for name, codes in found.items()
        if len(codes) == 1 and name not in _ALSO_WORDS
    }


_ALSO_WORDS = frozenset({"march", "may", "mars"})
"""Month names that are also everyday English words ('may', 'march', the planet): beside
a figure ('Mars 2020', 'may 2 ...') they still say nothing of the page's language."""
