"""What a line of page chrome, a marker, a caption or a byline looks like.

These are the parts of a pasted page that are not the live-blog's words: share buttons,
advertisement labels, "Skip to content", teaser blocks ("More on this story"), and the parts
of an entry that are not its body (key-event and pinned markers, captions and credits,
bylines). Tables are per language where outlets word them differently; source.yml's
``furniture`` adds exact lines or ``/regex/`` patterns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..errors import ProblemCollector
from .credits import has_quote_marks
from .labels import is_label_line
from .memo import per_parse
from .names import PREFIXES

CHROME = {
    line.casefold()
    for line in """
Share|Share this|Share this post|Share this page|Share this article|Share full article|Share on
Copy|Copy link|Link copied|Link Copied!|Copied|Save|Print|Email|E-Mail|Facebook|X|X.com|Twitter
Reddit|WhatsApp|Messenger|LinkedIn|Telegram|Bluesky|Threads|Comments|Comment
Advertisement|ADVERTISEMENT|Ad Feedback|Sponsored|Anzeige|Werbung|Publicité|PUBLICITÉ|Publicidad
Pubblicità|Publicidade|Advertentie|Reklam|REKLAM|Реклама|Реклама.
Skip to content|Skip to main content|Skip to navigation|Skip links|Skip to Content
Skip to site index
Skip to main menu|Skip to more DW sites|Accessibility Help|Menu|Search|Home|Sign in|Log in
Live|LIVE|Live Updates|LIVE UPDATES|Live updates|Watch Live|Live Reporting|Live blog|Liveblog
liveblog
Liveticker|Live-Ticker|Live terminé|Tout le live|Directo|EN DIRECT|En direct|AO VIVO|Ao vivo
Em directo
DIRETTA|Diretta|LIVE BLOG|CANLI|Canlı|Прямой эфир|Онлайн|Наживо|Пряма трансляція|liveblog gesloten
Show key events only|Please turn on JavaScript to use this feature
Click here to share on social media
share2|Purchase Licensing Rights, opens new tab|Get involved|About sharing|Follow|Suivre
Zum Inhalt springen|Link kopieren|Zur Merkliste hinzufügen|Artikel teilen|Teilen
Aller au contenu|Aller au contenu principal|Passer au contenu principal|Partager|Copier le lien
Ir al contenido|Compartir|Copiar enlace|Ir a los comentarios|Escuchar
Condividi|Ascolta l'articolo|Ascolta l’articolo|Copia link
Compartilhe|Compartilhar|Partilhar|Partilhar notícia|Ouvir|Ouvir o texto|Assine a Folha|Copiar link
Delen|Deel|Kopieer link|Paylaş|Linki kopyala|Google News ile Abone Ol|Поделиться|Поширити|Поділитися
Копировать ссылку|Копіювати посилання|Share to or|Read more|Read more:|Read More
Newsletter|Newsletters|Comments (0)|Kommentieren|Kommentare|Commenter|Commentaires|Commenta
Commenti|Comentar|Comentarios|Comentários|Reageer|Reacties|Yorum yap|Yorumlar|Комментарии
Коментарі
Article réservé à nos abonnés|Réservé aux abonnés|Subscriber only|Subscribers only|Premium
Nur für Abonnenten|Exclusivo para suscriptores|Exclusivo para assinantes|Riservato agli abbonati
Alleen voor abonnees
Lien copié|Link kopiert|Enlace copiado|Link copiato|Link copiado|Link gekopieerd|Bağlantı kopyalandı
Ссылка скопирована|Посилання скопійовано
""".replace("\n", "|").split("|")
    if line
}
"""Exact lines (any letter case) that are page chrome wherever they stand."""

_CHROME_PATTERNS = re.compile(
    r"(?:share|partager|compartir|teilen|condividi|compartilhe|delen)"
    r" (?:on|sur|en|via|auf|su|no|op) .{1,20}"
    r"|reporting by .*|(?:writing|editing|compiled) by .*|our standards: .*"
    r"|list \d+ of \d+|list of \d+ items|end of list|skip next section.*"
    r"|https?://\S+|(?:leestijd|temps de lecture|lesezeit|reading time|tempo de leitura)\b.{0,30}"
    r"|sign up (?:to|for) .{0,60}|\d+ (?:min|minutes?) (?:read|lesen|de lecture)"
    # the logo's link: 'Sky News - back to home', 'Zur Startseite', 'Retour à l'accueil'
    r"|(?:.{1,40} [-–—|] )?(?:back to (?:the )?home(?: ?page)?|go to (?:the )?home ?page"
    r"|zur startseite|retour à l['’]accueil|torna alla home(?: ?page)?|volver a la portada"
    r"|voltar (?:à|para a) página inicial|terug naar (?:de )?home(?: ?page)?|ana sayfaya dön"
    r"|на главную|на головну)"
    # a menu's own label: 'Search & Section Navigation', 'Main navigation', 'Hauptnavigation'
    r"|(?:[\w&]+ ){0,3}navigation(?: menu)?|(?:haupt)?navigation(?:smenü)?"
    r"|menú de navegación|menu de navegação|navigazione(?: principale)?|navigatiemenu"
    # a notice about the browser or the video player, a link to the outlet's standards
    r"|please (?:use|enable|update|upgrade|switch to) .{0,60}\b(?:browser|javascript|player)"
    r"\b.{0,60}|why you can trust .{1,40}|(?i:watch) (?-i:[A-Z0-9][\w.&'’-]*\s?){1,4} live",
    re.IGNORECASE,
)
"""Chrome that varies (a count, an address, a name) but keeps its shape."""

TEASER_BLOCKS = {
    line.casefold()
    for line in """
More on this story|Most viewed|Most read|Most popular|Related|Related Links|Related stories
Keep reading
Related content|Recommended|Recommended Stories|You may also like|Read more:|Read next
See also|Also read
Mehr zum Thema|Lesen Sie auch|Meistgelesen|Lire aussi|Sur le même sujet|À lire aussi|Les plus lus
Leia mais|Leia também|Mais lidas|Leggi anche|Più letti|Lees ook|Meest gelezen|Ver más|Lo más leído
Lee también|Lea también|Te puede interesar
Читайте также|Читайте також|İlgili Haberler|Daha fazla
""".replace("\n", "|").split("|")
    if line
}
"""Headings of teaser blocks: the heading and its block (to the next blank line) are chrome."""

_TEASER_LINK = re.compile(
    "(?:"
    + "|".join(re.escape(h.rstrip(" :")) for h in sorted(TEASER_BLOCKS, key=len, reverse=True))
    + r")\s?[|:]\s?\S.*",
    re.IGNORECASE,
)
"""A teaser on one line, heading and linked title: 'Lire aussi | ...', 'Leia também: ...'."""

_CARD_LINE = re.compile(
    "(?:" + "|".join(re.escape(p) for ps in PREFIXES.values() for p in ps) + r")(?!\w).*\d"
    r"|.*\b(?:leestijd|temps de lecture|lesezeit|reading time|tempo de leitura)\b.{0,30}"
    r"|.*\b\d+ (?:min|minutes?) (?:read|lesen|de lecture)\b.{0,5}",
    re.IGNORECASE,
)
"""The line under a teaser link that dates it or gives its reading time: 'Publié le 16 mai
2025 à 19h40 Temps de Lecture 3 min.'"""


def is_teaser_link(clean: str) -> bool:
    return _TEASER_LINK.fullmatch(clean) is not None


def is_teaser_card_line(clean: str) -> bool:
    """A line of a teaser link's card (its date, its reading time), not the blog's text."""
    return _CARD_LINE.fullmatch(clean) is not None


SUMMARY_BLOCKS = {
    line.casefold()
    for line in """
Key events|Key Events|Key points|Key Points|Summary|Highlights|What we know|What we know so far
What we're covering|What we’re covering|Here's what we know:|Here’s what we know:
What you need to know
Das Wichtigste im Überblick|Das Wichtigste|Überblick|L'essentiel|L’essentiel|Les essentiels
Ce qu'il faut savoir
Lo más importante|Lo último|Claves|I punti chiave|In sintesi|Os destaques|Destaques|Resumo
Belangrijkste punten|Samenvatting|Главное|Коротко|Головне|Öne çıkanlar|Özet
""".replace("\n", "|").split("|")
    if line
}
"""Headings of a summary box: a key-events list (its items repeat later entries) or module
points (the intro)."""

KEY_EVENT_MARKERS = {
    marker.casefold()
    for marker in [
        "Key event",
        "Key Event",
        "Key events",
        "Important",
        "Highlight",
        "Wichtig",
        "Destaque",
        "Essentiel",
        "Important :",
        "Importante",
        "In evidenza",
        "Belangrijk",
        "Önemli",
        "Важно",
        "Важливо",
    ]
}

PINNED_MARKERS = {
    marker.casefold()
    for marker in [
        "Pinned post",
        "Pinned",
        "Pinned Post",
        "Angeheftet",
        "Épinglé",
        "Fijado",
        "Fissato",
        "Fixado",
        "Vastgepind",
        "Закреплено",
        "Закріплено",
        "Sabitlendi",
    ]
}

_CREDIT = re.compile(
    r"(?:^|[.)”\"] |, |\()(?:photograph|photo|photos|picture|pic|image|foto|fotos|fotoğraf|фото"
    r"|credit|crédit|crédito|bild|quelle|source)s?\s?:\s?\S"
    r"|^image (?:source|caption), "
    r"|\((?:ap|afp|reuters|epa|getty|pa) ?(?:photo|images|wire)?/[^)]*\)\s*$"
    r"|\b(?:REUTERS|AFP|EPA|AP|ANSA|dpa)/\w"
    r"|\[[^\]]*(?:/| via )[^\]]*\]\s*$"
    r"|^© |\s©\s?\S",
    re.IGNORECASE,
)
"""A caption or credit: 'Photograph: Toby Melville/Reuters', '(AP Photo/...)',
'[... via Reuters]'."""

_AGENCIES = re.compile(
    r"(?:(?:ANP|AFP|AP|EPA|Reuters|REUTERS|Getty Images|PA|dpa|ANSA|AA|TASS|Anadolu|Imago"
    r"|picture alliance|Shutterstock|Bloomberg)(?:\s?[/,]\s?|\s|$))+",
)
"""A credit line that only names agencies ('ANP', 'AFP / Getty Images')."""

_BYLINE = re.compile(
    r"(?:by|from|edited by|von|par|por|di|door|de|от|від|yazan|a cura di|da|dal nostro inviato)"
    r"\b.{2,80}"
    r"|from [A-Z][\w-]*[’']s .{2,60}",
    re.IGNORECASE,
)


@per_parse  # asked of a line by the labels, the players' rules and the walk
def is_chrome(clean: str) -> bool:
    """A line of page chrome, by the table or by its shape."""
    folded = clean.casefold()
    return (
        folded in CHROME
        or folded.rstrip(" :-–—") in CHROME  # 'Реклама:', 'Share this -'
        or _CHROME_PATTERNS.fullmatch(clean) is not None
        or _TEASER_LINK.fullmatch(clean) is not None
        or is_label_line(clean)
    )


@lru_cache(maxsize=64)  # each line is asked about twice, as itself and as the next line
def is_caption(clean: str) -> bool:
    """A caption with its credit, or a credit alone."""
    if len(clean) <= 40 and _AGENCIES.fullmatch(clean) is not None:
        return True
    return _may_be_credit(clean) and _CREDIT.search(clean) is not None


_CREDIT_WORDS = ("photograph", "photo", "picture", "pic", "image", "foto", "fotoğraf", "фото",
                 "credit", "crédit", "crédito", "bild", "quelle", "source")  # fmt: skip


def _may_be_credit(clean: str) -> bool:
    """Every form of _CREDIT needs one of these; most paragraphs have none (a fast test)."""
    if "/" in clean or "©" in clean or " via " in clean or clean[:6].casefold() == "image ":
        return True
    colon = clean.find(":")
    while colon != -1:  # 'Photograph: ...', 'Fotos :': a credit word right before a colon
        before = clean[max(0, colon - 12) : colon].rstrip().casefold()
        if before.endswith(_CREDIT_WORDS) or before.removesuffix("s").endswith(_CREDIT_WORDS):
            return True
        colon = clean.find(":", colon + 1)
    return False


_AGENCY_NAMES = (
    r"(?:AFP|AP|Reuters|EPA(?:-EFE)?|EFE|ANSA|ANP|AA|dpa|Getty Images|Anadolu|TASS|Imago"
    r"|Bloomberg|PA|Shutterstock|picture alliance|Ukrinform|LaPresse|Lusa)"
)
_ENDS_WITH_AGENCY = re.compile(rf"(?:/\s?|\(\s?|[—–|-] |\bvia )(?i:{_AGENCY_NAMES})\)?\s*$")
"""A caption whose credit closes it: '... — ARDA KUCUKKAYA / AFP', '... | AFP', '... (Afp)',
'... MURAD SEZER (REUTERS)', '... Murad Sezer/Reuters', 'Foto ... via AP'."""


def ends_with_credit(clean: str) -> bool:
    """A line closed by a photo agency's credit (not a sentence: it has no final stop)."""
    return (
        not clean.endswith((".", ":", "!", "?"))
        and len(clean.split()) <= 30
        and _ENDS_WITH_AGENCY.search(clean) is not None
    )


def is_agency_credit(clean: str) -> bool:
    return len(clean) <= 40 and _AGENCIES.fullmatch(clean) is not None


_TEXT_SOURCE = re.compile(
    r"(?:quelle|quellen|source|sources|fonte|fontes|fuente|fuentes|bron|bronnen|kaynak"
    r"|источник|источники|джерело|джерела)\s?:\s?(.+)",
    re.IGNORECASE,
)
_SOURCE_NAME = re.compile(
    r"(?:[A-Z0-9][\w&'’.-]*|[a-z]+\.[a-z]{2,3}|dpa|epd|kna|apa|sda)(?: \S+){0,3}"
)
_INITIALS = re.compile(r"[a-z]{2,4}")
"""An outlet's or agency's name: 'ntv.de', 'ZEIT ONLINE', 'dpa', 'AFP'; an author's initials
before the agencies: 'ino/dpa/AFP'."""


def is_text_source(clean: str) -> bool:
    """The sources of a text, two names or more ('Quelle: ntv.de, dpa, AFP'): not a caption
    unless it stands under one (a photo's credit)."""
    match = _TEXT_SOURCE.fullmatch(clean) if len(clean) <= 90 and "," in clean else None
    if match is None or clean.endswith("."):
        return False
    names = [name.strip() for name in match[1].split(",")]
    return len(names) >= 2 and all(
        all(_SOURCE_NAME.fullmatch(part) or _INITIALS.fullmatch(part) for part in name.split("/"))
        for name in names
    )


def is_byline(clean: str) -> bool:
    """'By Lucy Tran', 'From CNN's Jane Doe', 'By Priya Nair, political reporter'."""
    if len(clean) > 90 or clean.endswith((".", "!", "?", ":")) or has_quote_marks(clean):
        return False
    match = _BYLINE.fullmatch(clean)
    if match is None:
        return False
    words = clean.split()
    capitalised = sum(word[:1].isupper() for word in words[1:])
    return capitalised >= 1 and capitalised >= (len(words) - 1) / 3


def is_name_list(clean: str) -> bool:
    """A page byline without 'By': 'Harriet Cole and Tom Ashby', 'Jane Doe,Tom Roe'."""
    if len(clean) > 80 or clean.endswith((".", "!", "?", ":")) or any(c.isdigit() for c in clean):
        return False
    words = re.split(r"[\s,]+", clean)
    joiners = {"and", "in", "&", "und", "et", "y", "e", "en", "и", "і", "ve", "von", "de", "da"}
    names = [word for word in words if word and word not in joiners]
    return 2 <= len(names) <= 10 and all(word[:1].isupper() for word in names)


class FurnitureRules:
    """source.yml's ``furniture``: exact lines (any blanks) and ``/regex/`` patterns."""

    def __init__(self, entries: Iterable[str], problems: ProblemCollector) -> None:
        self.exact: dict[str, str] = {}
        self.patterns: list[tuple[str, re.Pattern[str]]] = []
        self.used: set[str] = set()
        for entry in entries:
            text = " ".join(entry.split())
            if len(text) > 2 and text.startswith("/") and text.endswith("/"):
                try:
                    self.patterns.append((entry, re.compile(text[1:-1])))
                except re.error as error:
                    problems.add(
                        0,
                        0,
                        f"furniture pattern {entry!r} is not a valid regular expression: {error}",
                        "write it as /pattern/, e.g. '/^Read more: /'",
                        code="bad-furniture",
                    )
            else:
                self.exact[text] = entry

    def matches(self, clean: str) -> bool:
        if clean in self.exact:
            self.used.add(self.exact[clean])
            return True
        for entry, pattern in self.patterns:
            if pattern.search(clean):
                self.used.add(entry)
                return True
        return False

    def unused(self) -> list[str]:
        return sorted(
            [" ".join(e.split()) for e in self.exact.values() if e not in self.used]
            + [e for e, _ in self.patterns if e not in self.used]
        )
