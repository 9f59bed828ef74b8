"""An outlet's call for tips in a page's header: 'Have a confidential tip for our reporters?
Get in touch', 'Got a tip? Contact us', 'Hinweis an die Redaktion', 'Écrivez-nous'.

Outlets print such a line between the headline and the first entry, beside the save and gift
buttons. It is the outlet's, not the blog's words: left out (listed), never intro. A line is
one only when EVERY clause of it (split at '?', '!', ':', '|' and spaced dashes) is a tip
phrase of the table or an e-mail address, and it is short; 'Police asked anyone with a tip
to get in touch.' or 'Have a tip? Police say ...' stay intro. Only the header asks
(``parts.header_text``): inside an entry, a call for readers' stories is the entry's text.
"""

from __future__ import annotations

import re

TIP_PHRASES = {
    "en": r"(?:do you )?(?:have|got) (?:a|any) (?:(?:confidential|news|story) )?"
    r"(?:tip|tips|story idea)(?: for (?:us|the newsroom|our (?:reporters|journalists|newsroom)))?"
    r"|(?:news )?tips|get in touch(?: with (?:us|the newsroom|our (?:reporters|journalists)))?"
    r"|contact (?:us|the newsroom|our (?:newsroom|reporters|journalists))|e-?mail us(?: at)?"
    r"|send us (?:a tip|your tips|your news|your story|your stories|a story)"
    r"|share (?:your story|a tip|your news) with us",
    "de": r"hinweis an die redaktion|(?:haben sie|hast du) (?:einen )?hinweis(?: für uns)?"
    r"|schreiben sie uns|schreib uns|kontakt zur redaktion"
    r"|(?:senden|schicken) sie uns (?:einen )?hinweis",
    "fr": r"contactez(?:-nous| la rédaction)|écrivez-nous"
    r"|(?:vous avez|avez-vous) (?:une )?info(?:rmation)?(?: à nous (?:transmettre|signaler))?"
    r"|signalez-nous (?:une )?info(?:rmation)?",
    "es": r"(?:tienes|tiene) (?:una )?(?:pista|información|noticia)(?: para nosotros)?"
    r"|envíanos (?:tu|una) (?:noticia|pista|información)|escríbenos"
    r"|contacta con (?:la redacción|nosotros)",
    "it": r"scrivi alla redazione|scrivici|segnala(?:ci)? una notizia|contatta la redazione"
    r"|hai una (?:notizia|segnalazione)(?: da segnalare)?",
    "pt": r"envie (?:a )?(?:sua|uma) (?:notícia|denúncia|sugestão)|fale com a redação"
    r"|(?:tem|você tem) uma (?:notícia|denúncia|sugestão)|escreva-nos",
    "nl": r"tip de redactie|(?:heb je|heeft u) (?:een )?tip(?: voor (?:ons|de redactie))?"
    r"|mail de redactie",
    "ru": r"есть новость|(?:напишите|пишите) нам|сообщить новость|связаться с редакцией",
    "uk": r"маєте новину|(?:напишіть|пишіть) нам|повідомити новину|зв['’]язатися з редакцією",
    "tr": r"(?:haber )?[iİ]hbar(?: hattı| et)?|bize ulaşın|bize yazın",
}
"""Per language, the clauses a call for tips is made of (matched whole, any letter case)."""

_PHRASE = re.compile("|".join(f"(?:{words})" for words in TIP_PHRASES.values()), re.IGNORECASE)
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_CLAUSES = re.compile(r"\s*(?:[?!:|]|\s[-–—]\s)\s*")


def is_tip_line(clean: str) -> bool:
    """A short line made only of tip phrases (and an address): the outlet's call for tips."""
    if len(clean) > 90 or clean.endswith("."):
        return False
    clauses = [part.strip("¿¡ ") for part in _CLAUSES.split(clean) if part.strip("¿¡ ")]
    return bool(clauses) and all(
        _EMAIL.fullmatch(part) is not None or _phrase(part) for part in clauses
    )


def _phrase(clause: str) -> bool:
    """A tip phrase, perhaps followed by the address it names ('Email us at tips@...')."""
    head, _, last = clause.rpartition(" ")
    if head and _EMAIL.fullmatch(last) is not None:
        clause = head
    return _PHRASE.fullmatch(clause) is not None
