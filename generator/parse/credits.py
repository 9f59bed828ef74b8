"""Photo credits and bylines in the shapes pages give them, beyond furniture's basic ones.

Credits: a credit line alone (``Credit...Kenny Holston/The New York Times``,
``© РИА Новости / Алексей Никольский``, ``Photo: Reuters``) makes the line right above it
(a short caption) a caption too; a caption may end in its credit after a dash, in capitals
(``... em Brasília - PEDRO LADEIRA/FOLHAPRESS``). A copyright notice (``© 2025 Sky UK``,
``Copyright ...``, ``All rights reserved``) is the page's, not a photo's: it makes nothing
above it a caption.

Bylines: a reporter's signature at the end of an entry (``-ABC News' Rachel Scott``,
``Alix Morgan, political reporter``) or under its title (``Maya Lindqvist Reporting from
the Capitol``). A line with quote marks is never a byline (``Von der Leyen: ‘This is
Europe’s moment’`` is a title, however its first word reads).
"""

from __future__ import annotations

import re

from .memo import per_parse

_QUOTE_MARKS = re.compile(r"[\"“”„«»‹›‘‚]|(?:^|\s)['’]")
"""Quote marks; an apostrophe inside or after a word (``CNN’s``, ``News'``) is none."""


def has_quote_marks(clean: str) -> bool:
    """The line quotes someone or something: no byline does."""
    return _QUOTE_MARKS.search(clean) is not None


_CREDIT_LEAD = re.compile(
    r"(?:(?:image|photo|picture) )?(?:credits?|crédits?|créditos?|photo|photos|foto|fotos"
    r"|bild|fotoğraf|фото)\s?(?:\.{3}|…|:)\s?\S",
    re.IGNORECASE,
)
"""A credit line's lead: ``Credit...``, ``Credit…``, ``Photo:``, ``Foto :``, ``Фото:``."""

_CREDIT_ALONE = re.compile(
    r"©\s?\S.*"
    r"|\((?:[A-Z]{2,}\s)?(?:photo|foto)s?\s?/[^)]+\)"  # '(AP Photo/Efrem Lukatsky)'
    r"|\[[^\]]+/[^\]]+\]",  # '[Name/Agency]'
    re.IGNORECASE,
)

_RIGHTS = (
    r"all rights reserved|alle rechte vorbehalten|tous droits réservés"
    r"|todos los derechos reservados|tutti i diritti (?:sono )?riservati|riproduzione riservata"
    r"|todos os direitos reservados|alle rechten voorbehouden|все права защищены"
    r"|(?:усі|всі) права захищені|tüm hakları saklıdır"
)
COPYRIGHT = re.compile(
    rf"^(?:©|\(c\))(?=.*(?:\b(?:19|20)\d\d\b|{_RIGHTS}))"
    rf"|^copyright\b\s?(?:©|\(c\)|(?:19|20)\d\d\b|.*(?:{_RIGHTS}))",
    re.IGNORECASE,
)
"""A copyright notice, the last line of nearly every outlet's page: '© 2025 ABC News',
'Copyright Folha de S.Paulo. Todos os direitos reservados.'. A photo credit ('© Reuters /
Jane Doe') names no year and reserves no rights, and 'Copyright lawyers say ...' is a
sentence, so neither is one."""
_RIGHTS_ONLY = re.compile(rf"\b(?:{_RIGHTS})\b", re.IGNORECASE)

_YEAR_MARK = re.compile(r"©\s?(?:19|20)\d\d")
_PHOTO_WORDS = re.compile(
    r"\b(?:photo|foto|image|picture|bild|credit|crédit|crédito|фото|fotoğraf)", re.IGNORECASE
)


def is_copyright(clean: str) -> bool:
    """The outlet's copyright notice (not a photo credit)."""
    rights = _RIGHTS_ONLY.search(clean) is not None
    if COPYRIGHT.match(clean) is not None:
        return rights or "/" not in clean  # '© 2025 Jane Doe/Reuters' is a photo's credit
    if len(clean.split()) > 12:
        return False
    if rights:
        return True
    # 'All content © 2025 Example Media', not 'Photo: © 2025 Jane Doe'
    return (
        _YEAR_MARK.search(clean) is not None and "/" not in clean and not _PHOTO_WORDS.search(clean)
    )


def is_credit(clean: str) -> bool:
    """A line that is a photo credit or a caption closed by one, in the shapes furniture's
    patterns miss: 'Credit...Name/Outlet', '... - NAME/AGENCY', '... (Name for Outlet)',
    'Name/Outlet'."""
    if len(clean) > 300 or not ("/" in clean or clean.endswith(")") or _may_lead(clean)):
        return False  # most paragraphs: none of the marks every shape needs (a fast test)
    return (
        _CREDIT_LEAD.match(clean) is not None
        or _capitals_credit(clean)
        or _paren_credit(clean)
        or _name_and_outlet(clean)
    )


_PAREN_CREDIT = re.compile(
    r".*\((?P<name>[^\W\d_][\w.’'-]*(?: [^\W\d_][\w.’'-]*){1,3})"
    r"(?: (?:for|für|pour|para|per|voor|для|için) |\s?/\s?)(?P<outlet>[^()]{2,60})\)",
)
"""'... on Friday. (Tom Brenner for The Washington Post)', '... (Jane Doe/Reuters)'."""


def _paren_credit(clean: str) -> bool:
    """A caption closed by a photographer's name and an outlet in brackets."""
    if not clean.endswith(")"):
        return False  # most lines: no bracket to read
    match = _PAREN_CREDIT.fullmatch(clean)
    return (
        match is not None and _capitalised(match["name"]) and match["outlet"].strip()[:1].isupper()
    )


def _capitals_credit(clean: str) -> bool:
    """'O ex-presidente ... em Brasília - PEDRO LADEIRA/FOLHAPRESS': after the last spaced
    dash, a photographer and an agency in capitals, joined by a slash."""
    for dash in (" - ", " – ", " — "):
        cut = clean.rfind(dash)
        if cut <= 0:
            continue
        credit = clean[cut + 3 :].strip()
        if (
            "/" in credit
            and len(credit.split()) <= 8
            and credit == credit.upper()
            and sum(c.isalpha() for c in credit) >= 4
            and len(credit.split("/")[0].split()) >= 2  # a name: 'PEDRO LADEIRA', not 'US'
            and credit.split("/")[1].strip()
        ):
            return True
    return False


def _may_lead(clean: str) -> bool:
    """A credit's lead ('Credit...', 'Photo:') ends within the line's first words."""
    head = clean[:24]
    return ":" in head or "…" in head or "..." in head


@per_parse  # asked of each line under another, and a page repeats its credits
def is_credit_alone(clean: str) -> bool:
    """A credit on a line of its own (no caption before it on the line), not a copyright."""
    if len(clean) > 90 or not ("©" in clean or "/" in clean or _may_lead(clean)):
        return False
    if is_copyright(clean):
        return False
    return (
        _CREDIT_LEAD.match(clean) is not None
        or _CREDIT_ALONE.fullmatch(clean) is not None
        or _name_and_outlet(clean)
    )


def _name_and_outlet(clean: str) -> bool:
    """'Evan Vucci/AP', 'Mandel Ngan/AFP/Getty Images': a photographer's name (two to four
    capitalised words) and the outlets, joined by slashes, and nothing else."""
    if "/" not in clean:
        return False
    parts = [part.strip() for part in clean.split("/")]
    if len(parts) < 2 or not all(parts) or clean.endswith((".", ":", "!", "?")):
        return False
    words = parts[0].split()
    return (
        2 <= len(words) <= 4
        and all(len(part.split()) <= 4 for part in parts[1:])
        and all(_capitalised(part) for part in parts)
        and not any(char.isdigit() for char in parts[0])
    )


def captions_credit(clean: list[str], index: int, following: int, stamps: set[int]) -> bool:
    """Line ``index`` is the caption of the credit line ``following`` under it: a line of a
    few words to a couple of sentences (not a one- or two-word link or label, not a long
    paragraph). A line that ends a sentence is a caption only where text goes on right below
    the credit (the photo stands between caption and body); at the end of an entry (a blank
    line or a stamp below the credit) it is the entry's text, and the credit an uncaptioned
    photo's ('...рівні.' / 'Фото: Офіс президента')."""
    if not is_credit_alone(clean[following]):
        return False  # first: most lines have no credit under them
    text = clean[index]
    if not (3 <= len(text.split()) <= 30) or text.endswith(":"):
        return False
    if not text.rstrip("\"'”’»)").endswith((".", "!", "?", "…")):
        return True
    below = following + 1
    return below < len(clean) and bool(clean[below]) and below not in stamps


_PHOTOGRAPHER_LEAD = re.compile(
    r"(?:photographer|photograph|photo|photographe|crédit|credit|foto|fotograf|fotógrafo"
    r"|fotógrafa|fotografo|fotografa|fotograaf|fotoğraf|фото|фотограф)\s?:\s?",
    re.IGNORECASE,
)
"""A credit's lead before a photographer's name (en, fr, de, es, it, pt, nl, tr, ru, uk)."""


def captions_named_photo(clean: list[str], index: int, following: int | None) -> bool:
    """Line ``index``, a one-sentence line after an entry's text, is the caption of the
    credit right under it (no blank between) that names a photographer and an outlet after
    its lead: 'Jerome Powell during a news conference in Washington on May 7.' over
    'Photographer: Al Drago/Bloomberg'. The caller asks only where the entry has text above
    the line; an entry's only sentence over a credit stays its text (an uncaptioned photo),
    and so does any line over a credit that names no photographer ('Photo: Reuters')."""
    if following is None or following != index + 1:
        return False
    lead = _PHOTOGRAPHER_LEAD.match(clean[following])
    if lead is None or not _name_and_outlet(clean[following][lead.end() :]):
        return False
    text = clean[index]
    words = len(text.split())
    return (
        3 <= words <= 20
        and text.endswith(".")
        and not re.search(r"[.!?…]\s", text)  # one sentence
        and not has_quote_marks(text)
    )


_JOBS = {
    "en": "reporter|correspondent|editor|journalist|producer|presenter|writer|anchor",
    "de": "reporter|reporterin|korrespondent|korrespondentin|redakteur|redakteurin"
    "|journalist|journalistin",
    "fr": "reporter|correspondant|correspondante|envoyé spécial|envoyée spéciale|journaliste"
    "|rédacteur|rédactrice",
    "es": "corresponsal|enviado especial|enviada especial|periodista|redactor|redactora"
    "|reportero|reportera",
    "it": "corrispondente|inviato|inviata|giornalista|redattore|redattrice|cronista",
    "pt": "correspondente|enviado especial|enviada especial|jornalista|repórter|redator|redatora",
    "nl": "verslaggever|correspondent|redacteur|journalist|verslaggeefster",
    "ru": "корреспондент|журналист|журналистка|обозреватель|редактор",
    "uk": "кореспондент|кореспондентка|журналіст|журналістка|оглядач|редактор",
    "tr": "muhabiri|muhabir|editörü|editör|gazeteci",
}
"""A reporter's job, the last word(s) of a 'Name, political reporter' signature."""

_FROM = {
    "en": "reporting from|reports from",
    "de": "berichtet aus|berichtet von",
    "fr": "en direct de|envoyé spécial à|envoyée spéciale à",
    "es": "informa desde|enviado especial en|enviada especial en",
    "it": "inviato a|inviata a|in collegamento da",
    "pt": "direto de|enviado especial a|enviada especial a",
    "nl": "verslag vanuit|bericht vanuit",
    "ru": "репортаж из|сообщает из",
    "uk": "репортаж з|повідомляє з",
}
"""What joins a reporter's name to the place reported from: 'Name Reporting from Kyiv'."""

_NAME_RE = r"[^\W\d_][\w.’'-]*(?: [^\W\d_][\w.’'-]*){0,3}"
_AND = r" (?:and|&|und|et|y|e|en|и|і|ve) "
"""What joins two reporters' names: 'Harriet Cole and Tom Ashby, Kyiv correspondents'."""
_IN = r",? (?:in|at|for|aus|für|bei|à|en|pour|em|a|da|di|uit|voor|в|из|у|з)"
"""What joins a reporter's job to a place or an outlet: 'Jane Doe, correspondent in Kyiv'."""
_ROLE = re.compile(
    rf"(?P<name>{_NAME_RE}(?:{_AND}{_NAME_RE})?), (?:[\w-]+ ){{0,3}}(?:\w+-)?"
    rf"(?:{'|'.join(_JOBS.values())})s?(?P<place>{_IN} [\w’'.-]+(?: [\w’'.-]+)?)?",
    re.IGNORECASE,
)
_ROLE_ALONE = re.compile(
    rf"(?:[\w-]+ ){{0,3}}(?:\w+-)?(?:\w{{3,}}(?:{_JOBS['de']}|{_JOBS['nl']})"
    rf"|{'|'.join(_JOBS.values())})s?"
    rf"(?P<place>{_IN} [\w’'.-]+(?: [\w’'.-]+)?)?",
    re.IGNORECASE,
)
"""A reporter's job on a line of its own: 'Senior correspondent', 'Corresponsal en Kiev',
'Chefkorrespondentin in Moskau' (a byline's second line, bylines.py)."""
_FROM_WORDS = re.compile(rf" (?:{'|'.join(_FROM.values())}) ", re.IGNORECASE)
_REPORTING = re.compile(
    rf"(?P<name>{_NAME_RE}),? (?:{'|'.join(_FROM.values())})"
    r" (?P<place>[\w’'.-]+(?: [\w’'.-]+){0,5})",
    re.IGNORECASE,
)
_SIGNATURE = re.compile(r"[-–—]\s?(?P<outlet>[^\W\d_][\w.&-]*(?: [^\W\d_][\w.&-]*){0,3})(?:['’]s?) "
                        rf"(?P<name>{_NAME_RE}(?: and {_NAME_RE})?)")  # fmt: skip
"""'-ABC News' Rachel Scott', '—CNN's Jane Doe and John Roe'."""


_UNSIGNED = re.compile(r"[\d@()]")
"""Figures, handles and brackets: an embedded post's signature or a note, no byline."""


def _capitalised(words: str) -> bool:
    return all(word[:1].isupper() for word in words.split())


def is_signed_byline(clean: str) -> bool:
    """'Alix Morgan, political reporter', 'Maya Lindqvist Reporting from the Capitol'."""
    if len(clean) > 90 or clean.endswith((".", "!", "?", ":")) or not clean[:1].isupper():
        return False
    if ", " not in clean and _FROM_WORDS.search(clean) is None:
        return False  # neither a job after a comma nor a place reported from
    if _UNSIGNED.search(clean) is not None or has_quote_marks(clean):
        return False
    role = _ROLE.fullmatch(clean)
    if role is not None and _capitalised(re.sub(_AND, " ", role["name"])):
        place = role["place"] or ""
        return not place or place.split()[-1][:1].isupper()
    reporting = _REPORTING.fullmatch(clean)
    return (
        reporting is not None
        and _capitalised(reporting["name"])
        and len(reporting["name"].split()) >= 2
        and any(word[:1].isupper() for word in reporting["place"].split())
    )


def is_signature(clean: str) -> bool:
    """A reporter's signature closing an entry: '-ABC News' Rachel Scott'."""
    if clean[:1] not in "-–—" or len(clean) > 90 or clean.endswith((".", "!", "?", ":")):
        return False
    if _UNSIGNED.search(clean) is not None or has_quote_marks(clean):
        return False
    match = _SIGNATURE.fullmatch(clean)
    return (
        match is not None
        and _capitalised(match["outlet"])
        and _capitalised(match["name"].replace(" and ", " "))
    )


def is_role(clean: str) -> bool:
    """A reporter's job alone, its place (if any) capitalised: 'Political editor'."""
    if len(clean) > 60 or _UNSIGNED.search(clean) is not None:
        return False
    match = _ROLE_ALONE.fullmatch(clean)
    if match is None:
        return False
    place = match["place"] or ""
    return not place or place.split()[-1][:1].isupper()
