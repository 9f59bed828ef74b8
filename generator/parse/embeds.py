"""The wrapper lines an embedded post brings into a paste: consent boxes, skip links,
placeholders and links to the platform. The post's own text and its signature
('— Name (@handle) May 1, 2025') are the entry's and are never matched here.

Platform names are the same in every language; the words around them are listed per
language where pages word them differently (BBC's World Service pages number their skip
links: 'Saltar Twitter publicación, 1').
"""

from __future__ import annotations

import re

PLATFORMS = (
    r"(?:twitter|x|instagram|facebook|youtube|tiktok|bluesky|threads|telegram|mastodon"
    r"|linkedin|reddit|spotify|soundcloud|vimeo|flourish|datawrapper|google)"
)
SKIP_WORDS = (
    "skip|end of|saltar|omitir|final de|fin de|pule|pular|fim d[eo]|passer|fin d[eu]"
    "|überspringen|ende de[rs]|salta|fine de[li]|overslaan|einde van|пропустить|конец"
    "|пропустити|кінець"
)
"""Words of an embed's skip links ('Skip ... post', 'End of ... post'), per language."""

_EMBED = re.compile(
    rf"(?:skip|end of) {PLATFORMS} (?:post|content|video|embed)s?(?: \d+)?(?: by [^,.;!?]{{1,60}})?"
    rf"|allow {PLATFORMS} content\??|show {PLATFORMS} content"
    rf"|this (?:article|page) contains content provided by {PLATFORMS}\b.*"
    r"|the content may contain adverts\.?"
    rf"|view (?:this post |more )?on {PLATFORMS}|watch on {PLATFORMS}|open in {PLATFORMS}"
    rf"|loading {PLATFORMS} (?:content|post|video)(?:\.{{3}}|…)?|view in {PLATFORMS}"
    r"|(?:loading|lädt|wird geladen|chargement|cargando|caricamento|carregando|laden|загрузка"
    r"|завантаження|yükleniyor)(?: [^\s.…]+){0,3}(?:\.{3}|…)"
    r"|(?:this )?content (?:is )?(?:not|no longer) available"
    rf"|view (?:content|original post) on {PLATFORMS}"
    r"|(?:the )?(?:story|article|text) continues below(?: (?:this )?advertisement)?"
    r"|advertisement\s?[-–—:]?\s?(?:scroll|continue) .{0,30}"
    rf"|{PLATFORMS}(?:-| )(?:inhalt|content) (?:anzeigen|laden)"
    rf"|(?:externer|external) (?:inhalt|content)(?: von {PLATFORMS})?"
    # the same skip links on pages in other languages, numbered: 'Saltar Twitter publicación, 1'
    rf"|(?:{SKIP_WORDS})\b.{{0,30}}\b{PLATFORMS}\b.{{0,30}}, \d+"
    rf"|{PLATFORMS} .{{0,25}}(?:atla|sonu), \d+"
    r"|(?:contenido no disponible|conteúdo não disponível|contenu (?:non disponible|indisponible)"
    r"|contenuto non disponibile|inhalt nicht verfügbar|inhoud niet beschikbaar"
    r"|контент недоступен|вміст недоступний|içerik mevcut değil)\.?",
    re.IGNORECASE,
)
"""The wrapper lines of an embedded post: a consent box ('Allow X content?', 'This article
contains content provided by X. …'), skip links ('Skip twitter post by Met Office', 'End of
twitter post by Met Office'), a placeholder ('Loading Twitter content'), a link
('View this post on Instagram'). The post's text and its signature are not wrappers."""


def is_embed_wrapper(clean: str) -> bool:
    """A wrapper line of an embedded post, the whole line."""
    return _EMBED.fullmatch(clean) is not None
