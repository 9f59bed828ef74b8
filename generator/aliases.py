"""What makes two spellings the same alias, and what counts as a lone given name.

Shared by ``load`` (which reports clashes where the editor wrote them) and ``link`` (which
matches the live-blog against the very same keys), so the two can never disagree.
"""

from __future__ import annotations

import re

_WHITESPACE = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})


def alias_key(spelling: str) -> str:
    """The form an alias is matched and compared in: runs of blanks as one space, curly
    apostrophes as straight ones. Letter case is kept: matching is case-sensitive."""
    return _WHITESPACE.sub(" ", spelling.strip()).translate(_APOSTROPHES)


def given_name(spelling: str) -> str | None:
    """The first word of a person's name or alias of several words ("Vladimir" of
    "Vladimir Medinsky"); None for a single word, which is how surnames are written."""
    words = alias_key(spelling).split(" ")
    return words[0] if len(words) > 1 else None
