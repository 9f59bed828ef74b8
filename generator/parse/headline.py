"""Which line of a pasted page is its headline.

Above the headline stand the site's name, its sections and logo links, a lead image's
caption, a topic label (a kicker: 'Krieg gegen die Ukraine' over 'Selenskyj: ...'); below
it the standfirst, datelines, module boxes. The headline is the first line of four words
or more among the lines above the first entry that is none of those.
"""

from __future__ import annotations

import re

from .dateline import Reading
from .furniture import (
    SUMMARY_BLOCKS,
    TEASER_BLOCKS,
    FurnitureRules,
    ends_with_credit,
    is_byline,
    is_caption,
    is_chrome,
)
from .parts import next_text, title_like
from .stamps import normalise

_BULLETS = "•-–*·"


def is_dateline(reading: Reading | None) -> bool:
    return reading is not None and (reading.prefix is not None or reading.also is not None)


def find_headline(
    clean: list[str], readings: list[Reading | None], rules: FurnitureRules, wanted: str | None
) -> int | None:
    """source.yml's headline where it stands; else the first line of four words or more that
    no short line (a section name) follows and that is no kicker over the headline, among the
    lines above the first stamp."""
    if wanted:
        target = normalise(wanted)
        for index, text in enumerate(clean):
            if text == target:
                return index
    candidates = _candidates(clean, readings, rules)
    menu = _menu_lines(clean, candidates)
    for position, index in enumerate(candidates):
        following = candidates[position + 1] if position + 1 < len(candidates) else None
        if len(clean[index].split()) < 4 or index in menu or _masthead(clean, index):
            continue
        if following is not None and following == next_text(clean, index):
            # A breadcrumb ('Le notizie di oggi in Campania' / 'Cronaca') has the headline
            # under it; a headline may have one short line under it (a desk's name: 'TOI
            # News Desk') before its dateline or standfirst.
            after, then = clean[following], next_text(clean, following)
            heading = then is not None and then in candidates and not _sentence(clean[then])
            if _section_name(after) and heading:
                continue
        if following is not None and (
            _kicker(clean, readings, index, following)
            or label_kicker(clean, readings, index, following)
            or _over_live_heading(clean, index, following)
        ):
            return following
        return index
    return candidates[0] if candidates else None


_ACCOUNT = frozenset(
    """sign in|sign up|log in|login|subscribe|register|my account|anmelden|abonnieren|abo
se connecter|s'abonner|s’abonner|iniciar sesión|suscríbete|suscribirse|accedi|abbonati
entrar|assine|assinar|inloggen|abonneren|giriş yap|abone ol|войти|подписаться|увійти
підписатися""".replace("\n", "|").split("|")
)
"""The account buttons of a site's masthead, in the parser's languages."""


def _masthead(clean: list[str], index: int) -> bool:
    """A line right above the site's account buttons is the masthead's (the site's name, its
    slogan: 'Democracy Dies in Darkness' / 'Sign in'), never the headline."""
    below = next_text(clean, index)
    return below is not None and clean[below].casefold().rstrip(" :") in _ACCOUNT


def _section_name(text: str) -> bool:
    """A menu's item: three words at most, no figures, no sentence, no byline."""
    return (
        len(text.split()) <= 3
        and not any(char.isdigit() for char in text)
        and not is_byline(text)
        and not _sentence(text)
    )


def _sentence(text: str) -> bool:
    """Three words or more ending as a sentence ends ('U.S.' is a section's name)."""
    ended = text.rstrip("\"'”’»)").endswith((".", "!", "?"))
    return ended and len(text.split()) >= 3


def _menu_lines(clean: list[str], candidates: list[int]) -> set[int]:
    """Lines of a site's menu: a run of adjacent candidate lines, none over four words or a
    sentence, three or more of them section names ('The Times of Israel' / 'Israel & the
    Region' / 'Jewish Times' / 'Ops & Blogs'). Chrome or a blank line ends a run."""
    menu: set[int] = set()
    run: list[int] = []
    for index in [*candidates, -2]:
        if run and index != run[-1] + 1:
            short = all(
                len(clean[i].split()) <= 4 and not _sentence(clean[i]) and clean[i][-1:] != ":"
                for i in run
            )
            if short and sum(_section_name(clean[i]) for i in run) >= 3:
                menu.update(run)
            run = []
        run.append(index)
    return menu


def _candidates(
    clean: list[str], readings: list[Reading | None], rules: FurnitureRules
) -> list[int]:
    """Lines above the first stamp that could be the headline: no chrome, no stamp, no
    caption or credit, no module or teaser heading."""
    candidates = []
    for index, text in enumerate(clean):
        reading = readings[index]
        if reading is not None and reading.has_time and not is_dateline(reading):
            break
        if not text or is_chrome(text) or reading is not None or rules.matches(text):
            continue
        folded = text.casefold().rstrip(" :")
        if folded in SUMMARY_BLOCKS or folded in TEASER_BLOCKS:
            continue  # 'Summary' under the headline is a box's heading, not a section name
        if is_caption(text) or ends_with_credit(text):
            continue  # a lead image's caption above the headline: '... | AFP'
        if _phone(text):
            continue  # the masthead's contact line: 'Americas+1 212 318 2000'
        candidates.append(index)
    return candidates


_PHONE = re.compile(r"\+\d{1,3}(?:[ .-]?\d{1,4})(?:[ .-]\d{2,4})+(?!\S)")
"""An international telephone number: '+44 20 7330 7500', '+1 212-318-2000'."""


def _phone(text: str) -> bool:
    """A line that gives a telephone number: seven figures or more after the '+', in groups
    not all of three (a figure with thousands spaced, '+1 250 000 soldats', is no number)."""
    found = _PHONE.search(text)
    if found is None or sum(c.isdigit() for c in found.group()) < 7:
        return False
    groups = re.split(r"[ .-]", found.group())[1:]
    return not all(len(group) == 3 for group in groups)


def _kicker(clean: list[str], readings: list[Reading | None], index: int, following: int) -> bool:
    """A short label over the headline (a topic, the site's logo link): the line is short,
    page chrome ('Liveblog', 'Live') parts it from the next text line, a longer heading, and
    a sentence, the standfirst, comes right under that. A short headline has its subtitle or
    standfirst right under it."""
    text, headline = clean[index], clean[following]
    words, headline_words = len(text.split()), len(headline.split())
    if words > 6 or ":" in text or not title_like(text) or text.rstrip().endswith(("...", "…")):
        return False
    between = [clean[i] for i in range(index + 1, following) if clean[i]]
    if not between or not all(is_chrome(line) for line in between):
        return False  # a headline's subtitle stands right under it; a kicker's 'Live' badge
    if headline[:1] in _BULLETS or not title_like(headline):
        return False
    if headline_words < words + 3 or headline_words > 25:
        return False
    below = next_text(clean, following)
    while below is not None and is_chrome(clean[below]):
        below = next_text(clean, below)
    if below is None or readings[below] is not None:
        return False
    standfirst = clean[below].rstrip("\"'”’»)")
    return standfirst.endswith((".", "!", "?")) and not title_like(clean[below])


_LIVE_WORDS = {
    "en": "live|live updates|live blog|liveblog|latest|the latest|as it happened",
    "de": "liveblog|live-blog|liveticker|live-ticker|im liveblog|im ticker|live|newsblog"
    "|newsticker|news-ticker",
    "fr": "en direct|direct|en continu",
    "es": "en directo|en vivo|directo|minuto a minuto|última hora",
    "it": "in diretta|diretta|live|in tempo reale",
    "pt": "ao vivo|em directo|em direto|tempo real|minuto a minuto",
    "nl": "live|liveblog|liveupdates",
    "ru": "онлайн|прямая трансляция|главное",
    "uk": "онлайн|наживо|головне",
    "tr": "canlı|canlı blog|son dakika",
}
"""What marks a short line as the page's live label ('Ukraine war live updates')."""
_LIVE = "|".join(sorted({w for ws in _LIVE_WORDS.values() for w in ws.split("|")}, key=len)[::-1])
_LIVE_LEAD = re.compile(rf"(?:{_LIVE})\s?[:|–—-]\s", re.IGNORECASE)
"""A live label that opens the line: 'LIVE: Russia-Ukraine war', 'En direct | ...'."""
_LIVE_END = re.compile(rf"\s(?:{_LIVE})$", re.IGNORECASE)
"""A live label that closes the line: 'Guerra en Ucrania, en directo'."""
_LIVE_ALONE = re.compile(rf"(?:{_LIVE})", re.IGNORECASE)


_LIVE_HEADING = re.compile(rf"(?:[^\W\d_]+-)?(?:{_LIVE})\s?[:|–—-]\s", re.IGNORECASE)
"""A heading that opens with the page's live label, maybe a compound: 'Ukraine-Newsblog: ...',
'LIVE – ...', 'EN DIRECT - ...'."""


def _over_live_heading(clean: list[str], index: int, following: int) -> bool:
    """A topic label of six words at most ('Krieg in der Ukraine'), in any case, right above a
    longer heading that opens with the live label ('Ukraine-Newsblog: Russland und ...'): the
    live page's headline is the line that names it live, so the label is a kicker. A heading
    that ends as a sentence ('Live: Powell speaks after the decision.') is a standfirst under a
    short headline, not this."""
    text, heading = clean[index], clean[following]
    if following != next_text(clean, index) or len(text.split()) > 6 or ":" in text:
        return False
    if not title_like(text) or _sentence(text) or _LIVE_HEADING.match(heading) is None:
        return False
    return len(heading.split()) >= len(text.split()) + 2 and not _sentence(heading)


def _all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def label_kicker(
    clean: list[str], readings: list[Reading | None], index: int, following: int
) -> bool:
    """A section label of four to six words right above the headline, no chrome between:
    in capitals ('WAR IN UKRAINE LIVE') or a live label ('Ukraine war live updates',
    'LIVE: Russia-Ukraine war'), over a longer heading in mixed case under which come a
    standfirst sentence or a stamp. (Shorter labels are never the headline anyway.)"""
    text, headline = clean[index], clean[following]
    words = len(text.split())
    if words > 6 or following != next_text(clean, index) or not title_like(text):
        return False
    caps, lead = _all_caps(text), _LIVE_LEAD.match(text) is not None
    if ":" in text:  # 'Russia-Ukraine war: live updates', not 'Final: Madrid v Dortmund live'
        after = text.rsplit(":", 1)[1].strip()
        if not (caps or lead or _LIVE_ALONE.fullmatch(after)):
            return False
    if not (caps or lead or _LIVE_END.search(text)):
        return False
    if _all_caps(headline) or headline[:1] in _BULLETS or not title_like(headline):
        return False
    if not (words + 2 <= len(headline.split()) <= 25):
        return False
    return _standfirst_or_stamp(clean, readings, following)


def _standfirst_or_stamp(clean: list[str], readings: list[Reading | None], index: int) -> bool:
    below = next_text(clean, index)
    while below is not None and is_chrome(clean[below]):
        below = next_text(clean, below)
    if below is None:
        return False
    if readings[below] is not None:
        return True
    return _sentence(clean[below])


def kicker_doubt(
    clean: list[str], readings: list[Reading | None], top: int | None
) -> tuple[int, int] | None:
    """A label read as a kicker over the headline (label_kicker) where the label may be the
    headline itself: (the label, the headline). Sure are a label in capitals with a live
    word ('RUSSIA-UKRAINE WAR LIVE UPDATES') and a live label parted from the topic
    ('LIVE: ...', 'LIVE – ...', 'Guerre en Ukraine : en direct'); a label in capitals alone
    ('WAR IN THE MIDDLE EAST' may be a headline over its subtitle) or a live word closing a
    line in mixed case ('Eurovision 2025 final live' may be one too) is reported."""
    above = _text_above(clean, top) if top is not None else None
    if above is None or top is None or len(clean[above].split()) < 4:
        return None  # a shorter label is never the headline
    if not label_kicker(clean, readings, above, top):
        return None
    text = clean[above]
    live = _LIVE_END.search(text) is not None
    parted = _LIVE_LEAD.match(text) is not None or (live and ":" in text)
    return None if parted or (live and _all_caps(text)) else (above, top)


def _text_above(clean: list[str], index: int) -> int | None:
    for earlier in range(index - 1, -1, -1):
        if clean[earlier]:
            return earlier
    return None
