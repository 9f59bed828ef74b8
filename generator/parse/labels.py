"""Labels, buttons, counters and embed wrappers: page chrome that stands inside the blog.

A pasted page keeps, between and inside the entries, the words of its widgets: a label
over an entry ('Breaking', 'Última hora'), buttons ('Load more', 'Posten', 'Réagir',
'Aumentar fonte'), counters ('2.4K', '4121', '1.234 Postings', '1 / 12', '41%', 'See all
updates (18)'), a reading time ('Lecture 1 min.'), a poll's options, and the wrapper lines a
platform's embed brings ('Skip twitter post by …', 'Allow X content?', 'View this post on
Instagram'); the post's own text and signature are the entry's. None of it is the blog's.

Words are in small tables per language (en, de, fr, es, it, pt, nl, ru, uk, tr); shapes
(a count, 'X of N', a platform's wrapper) are patterns. ``is_label_line`` judges a line on
its own; ``repeated_chrome`` finds a short line the page repeats word for word in the same
place in several entries (a per-entry button or label of an outlet nobody listed).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from .counters import is_bare_count, is_counter
from .embeds import is_embed_wrapper
from .memo import per_parse

if TYPE_CHECKING:
    from .dateline import Reading
    from .furniture import FurnitureRules
    from .parts import Page


def _table(text: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in text.replace("\n", "|").split("|") if w)


LABELS = _table("""
Breaking|Breaking news|Just in|Developing|Developing story|New|Exclusive|Live now
Eilmeldung|Breaking News|Neu|Exklusiv
Urgent|Alerte|Dernière minute|Dernière heure|Exclusif
Última hora|Urgente|Exclusiva
Ultim'ora|Ultim’ora|Ultima ora|Esclusiva
Plantão|Exclusivo
Net binnen|Nieuw|Exclusief
Срочно|Молния|Эксклюзив
Терміново|Блискавка|Ексклюзив
Son dakika|Flaş|Özel
""")
"""Labels a page sets over an entry or its title (a badge, not a marker: nothing to read)."""

BUTTONS = _table("""
Load more|Load more posts|Load more updates|Show more|Show more updates|See more|See all updates
Back to top|Loading|Loading...|Loading…|Continue reading|Gift Article|Gift this article
Follow us|Vote|Skip advertisement|Accept and continue|Reply|Show comments|View comments
Share article|Listen to article|Open in app|Show less|Read less|Ad|View more|Refresh
Listen to this article|Artikel anhören|Écouter cet article|Écouter l'article|Écouter l’article
Escuchar este artículo|Ascolta questo articolo|Ouvir este artigo|Luister naar dit artikel
Прослушать статью|Слушать статью|Прослухати статтю|Слухати статтю|Haberi dinle
Jump to latest|Go to latest|Back to latest|Show latest updates|See latest updates|New updates
Share this update|Share this entry|Share this story|Beitrag teilen|Partager ce post
Partager cet article|Compartir esta entrada|Condividi questo post|Compartilhe esta publicação
Mehr laden|Mehr anzeigen|Weiterlesen|Nach oben|Zum Forum|Posten|Antworten|Lädt...|Abstimmen
Wird geladen...|Alle Updates anzeigen|Schrift vergrößern|Schrift verkleinern|Aktualisieren
Neue Beiträge anzeigen|Neue Beiträge|Zum neuesten Beitrag|Zum Anfang
Voir plus|Lire la suite|Charger plus|Afficher plus|Retour en haut|Réagir|Répondre|Voter
Ajouter à vos sélections|Chargement...|Chargement en cours|Actualiser|Nouveaux messages
Voir les nouveaux messages|Revenir en haut
Cargar más|Leer más|Seguir leyendo|Volver arriba|Cargando...|Votar|Responder|Actualizar
Nuevas actualizaciones|Ver nuevas actualizaciones
Carica altri|Mostra altro|Leggi tutto|Leggi di più|Torna su|Caricamento...|Vota|Rispondi
Guarda il video|Aggiorna|Nuovi aggiornamenti|Mostra nuovi aggiornamenti
Carregar mais|Ver mais|Voltar ao topo|Carregando...|Aumentar fonte|Diminuir fonte|Responder
Atualizar|Novas atualizações|Ver novas atualizações
Meer laden|Toon meer|Lees verder|Terug naar boven|Laden...|Deel artikel|Artikel delen|Stem
Reageren|Vernieuwen|Nieuwe berichten|Toon nieuwe berichten
Загрузить ещё|Показать ещё|Читать далее|Наверх|Загрузка...|Голосовать|Ответить|Обновить
Новые сообщения|Показать новые сообщения
Завантажити ще|Показати ще|Читати далі|Вгору|Завантаження...|Голосувати|Відповісти|Оновити
Нові повідомлення|Показати нові повідомлення
Daha fazla yükle|Devamını oku|Yukarı çık|Yükleniyor...|Oy ver|Yanıtla|Yenile|Yeni gelişmeler
""")
"""Buttons and links of the page's widgets (load more, back to top, font size, reply)."""

SIGN_UP_BUTTONS = _table("""
Sign up|Sign me up|Subscribe|Subscribe now|Anmelden|Jetzt anmelden|Abonnieren|S'inscrire|S’inscrire
Je m'abonne|Je m’abonne|Suscríbete|Suscribirse|Iscriviti|Inscreva-se|Cadastre-se|Aanmelden
Inschrijven|Подписаться|Підписатися|Abone ol|Kaydol
""")
"""A box's sign-up button: the short lines between the box's heading and it are the box's."""

POLL_BUTTONS = _table("Vote|Abstimmen|Voter|Votar|Vota|Stem|Голосовать|Голосувати|Oy ver")
"""A poll's button: the short options and percentages under it are the poll's."""

READING_WORDS = (
    "lecture|reading time|read time|lesezeit|leestijd|tempo de leitura|tiempo de lectura"
    "|tempo di lettura|lettura|время чтения|час читання|okuma süresi"
)

_READING_TIME = re.compile(
    rf"(?:{READING_WORDS})\s?:?\s?\d+\s?min(?:\.|utes?|uten|uti|utos|utas|ут)?"
    rf"|\d+\s?min(?:\.|utes?)?\s(?:read|de lecture|lesezeit|leestijd|de leitura|de lectura"
    r"|di lettura|чтения|читання|okuma)",
    re.IGNORECASE,
)
"""'Lecture 1 min.', 'Lesezeit: 3 Min', '5 min read'."""

_ADDRESS = re.compile(
    r"(?:www\.)?[A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*)*"
    r"\.(?:com|net|org|info|news|tv|co\.uk|uk|es|de|at|ch|fr|be|it|pt|br|nl|ru|ua|tr|in|au)"
)
"""A site's address alone ('RTVE.es', 'ntv.de'): the outlet's name, not the blog's text."""

_TRAIL = " -–—:|"


def is_label_line(clean: str) -> bool:
    """A label, button, reading time or embed wrapper, on its own line."""
    if len(clean) > 48:  # a sentence, or a wrapper with a name ('Skip twitter post by ...')
        long_wrapper = clean[:4].casefold() in ("this", "skip", "end ")
        return long_wrapper and is_embed_wrapper(clean)
    folded = clean.casefold()
    bare = folded.rstrip(_TRAIL)
    if bare in LABELS or bare in BUTTONS or bare in SIGN_UP_BUTTONS:
        return True
    if "." in clean and " " not in clean and _ADDRESS.fullmatch(clean) is not None:
        return True
    if _READING_TIME.fullmatch(clean.rstrip(".")) is not None:
        return True
    return is_embed_wrapper(clean)


def is_label(clean: str) -> bool:
    """A label over an entry ('Breaking', 'Última hora'): a stamp under it opens an entry."""
    return clean.casefold().rstrip(_TRAIL) in LABELS


def is_poll_button(clean: str) -> bool:
    return clean.casefold() in POLL_BUTTONS


_SHARE = re.compile(r"(?:[^\d\s][^\d]{0,40}\s)?\d{1,3}(?:[.,]\d+)?\s?%")
"""A poll's share, alone or after its option: '41%', 'Yes 41%'."""


def poll_lines(clean: Sequence[str], index: int) -> list[int]:
    """Under a poll's button, its options and shares (to the next blank line): 'Yes', '41%'
    or 'Yes 41%'. Only when there is a share for each option; else nothing."""
    found: list[int] = []
    later = index + 1
    while later < len(clean) and clean[later]:
        found.append(later)
        later += 1
    shares = [i for i in found if _is_share(clean[i]) and _SHARE.fullmatch(clean[i])]
    options = [i for i in found if i not in shares]
    if not shares or len(options) > len(shares) or any(len(clean[i].split()) > 5 for i in options):
        return []
    return found


def leave_out_labels(
    page: Page,
    raw_lines: list[str],
    readings: Sequence[Reading | None],
    first_entry: int,
    rules: FurnitureRules,
) -> None:
    """Leave out the page's counters, per-entry labels and buttons, polls and boxes (before
    the walk), never a marker, a box's heading, a caption or a byline."""
    # furniture.py asks this module about single lines, so its page tools come in here
    from .furniture import (
        KEY_EVENT_MARKERS,
        PINNED_MARKERS,
        SUMMARY_BLOCKS,
        TEASER_BLOCKS,
        is_byline,
        is_caption,
        is_chrome,
    )
    from .parts import leave_out, opens_entry

    clean = page.clean
    keep = KEY_EVENT_MARKERS | PINNED_MARKERS | SUMMARY_BLOCKS | TEASER_BLOCKS
    known: dict[int, bool] = {}

    def opens(i: int) -> bool:
        reading = readings[i]
        return i >= first_entry and reading is not None and opens_entry(reading)

    def taken(i: int) -> bool:
        if i not in known:
            known[i] = page.kinds[i] == "furniture" or (
                readings[i] is None and (is_chrome(clean[i]) or rules.matches(clean[i]))
            )
        return known[i]

    for index in chrome_lines(clean, [r is None for r in readings], opens, taken):
        text = clean[index]
        folded = text.casefold()
        if folded in keep or folded.rstrip(" :") in keep or page.kinds[index]:
            continue  # a marker or a box's heading is read in the walk
        if not (is_caption(text) or is_byline(text)):  # 'Reuters' closing two entries
            leave_out(page, index, raw_lines)


def chrome_lines(
    clean: Sequence[str],
    plain: Sequence[bool],
    opens: Callable[[int], bool],
    taken: Callable[[int], bool],
) -> list[int]:
    """The lines of a page that are counters, per-entry labels and buttons, a poll, or a
    box's text, given which lines are no stamp (``plain``), which open an entry and which are
    chrome already."""
    short = [i for i, text in enumerate(clean) if text and len(text) <= 40]
    found = {i for i in short if plain[i] and is_counter(clean[i])}
    found.update(_view_counts(clean, plain, taken, short))
    found.update(repeated_chrome(clean, opens, lambda i: i in found or taken(i), short))
    for i in short:
        if is_poll_button(clean[i]):
            found.update(poll_lines(clean, i))
    start = next((i for i in range(len(clean)) if opens(i)), len(clean))
    found.update(_in_box(clean, plain, lambda i: i in found or taken(i), start, short))
    return sorted(found)


def _in_box(
    clean: Sequence[str],
    plain: Sequence[bool],
    taken: Callable[[int], bool],
    start: int,
    short: Sequence[int],
) -> list[int]:
    """In the entries (from ``start``), the short lines, no sentence, between a box's heading
    (chrome) and its sign-up button, with no blank between: a newsletter box's name between
    'Newsletter' and 'S'inscrire'."""
    found: list[int] = []
    for i in short:
        if i <= start or clean[i].casefold() not in SIGN_UP_BUTTONS:
            continue
        box = []
        above = i - 1
        while above > start and clean[above] and plain[above] and not taken(above):
            box.append(above)
            above -= 1
        brief = all(_box_line(clean[line]) for line in box)
        if box and len(box) <= 2 and brief and clean[above] and taken(above):
            found.extend(box)
    return found


def _box_line(text: str) -> bool:
    return len(text.split()) <= 8 and not text.rstrip("\"'”’»)").endswith((".", "!", "?", ":"))


def _view_counts(
    clean: Sequence[str], plain: Sequence[bool], taken: Callable[[int], bool], short: Sequence[int]
) -> set[int]:
    """Numbers alone that are a widget's count: right under a button ('Comment' / '1,873',
    'Share full article' / '2.4K'), or right above one where the page does so in most of
    that button's places (a view count before each 'Share'). Not a share ('47%') or a
    number the line above introduces ('Homes without power:' / '560,000')."""
    found: set[int] = set()
    before: dict[str, list[int]] = {}
    for i in short:
        text = clean[i]
        if not (plain[i] and is_bare_count(text)):
            continue
        above = clean[i - 1] if i > 0 else ""
        if above and taken(i - 1) and not _is_share(text):
            found.add(i)
        elif _button_below(clean, i, taken) and not (above.endswith(":") or _is_share(text)):
            before.setdefault(clean[i + 1], []).append(i)
    for button, counts in before.items():
        if len(counts) >= 2 and len(counts) * 2 > sum(1 for text in clean if text == button):
            found.update(counts)
    return found


def _button_below(clean: Sequence[str], i: int, taken: Callable[[int], bool]) -> bool:
    return i + 1 < len(clean) and bool(clean[i + 1]) and taken(i + 1)


def _is_share(text: str) -> bool:
    return text.endswith("%")


def repeated_chrome(
    clean: Sequence[str],
    opens: Callable[[int], bool],
    taken: Callable[[int], bool],
    short: Sequence[int],
) -> list[int]:
    """Short lines the page repeats word for word in the same place of several entries: the
    line right above an entry's stamp (a label), or the closing line of an entry's text,
    after which only a blank (or chrome) follows (a button). A line of sentence, a name (a
    byline the same reporter signs twice) or a stamp is no such line."""
    places: dict[str, list[tuple[int, str]]] = {}
    for index in short:
        text = clean[index]
        if not _short_label(text) or taken(index) or opens(index):
            continue
        place = _place(clean, index, opens, taken)
        if place:
            places.setdefault(text, []).append((index, place))
    found: list[int] = []
    copies = Counter(clean[index] for index in short)
    for text, spots in places.items():
        same_place = len({place for _, place in spots}) == 1
        if len(spots) >= 2 and same_place and copies[text] == len(spots):  # every copy there
            found.extend(index for index, _ in spots)
    return sorted(found)


@per_parse  # a page repeats its short lines
def _short_label(text: str) -> bool:
    if len(text) > 32:
        return False
    words = text.split()
    if len(words) > 3 or text.rstrip(_TRAIL).endswith((".", "!", "?", "…")):
        return False
    if text[:1] in "\"'“‘«„•-–*(" or any(c in text for c in '"“”«»'):
        return False  # a quotation or a list item
    names = [w for w in words if w[:1].isupper() and not w.isupper()]
    return not (len(words) >= 2 and len(names) == len(words))  # 'Jane Doe', not 'Última hora'


def _place(
    clean: Sequence[str], index: int, opens: Callable[[int], bool], taken: Callable[[int], bool]
) -> str:
    """'above' a stamp (the line right before it, a blank or the page above), 'closing' an
    entry's text (only chrome to the next blank line), else ''."""
    below = index + 1
    before_blank = index == 0 or not clean[index - 1] or taken(index - 1)
    if below < len(clean) and clean[below] and opens(below) and before_blank:
        return "above"
    while below < len(clean) and clean[below]:
        if not taken(below):
            return ""
        below += 1
    above = index - 1
    return "closing" if above >= 0 and clean[above] and not opens(above) else ""
