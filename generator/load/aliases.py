"""What makes two spellings the same alias, and what counts as a lone given name.

Shared by ``load`` (which reports clashes where the editor wrote them) and ``link`` (which
matches the live-blog against the very same keys), so the two can never disagree.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from typing import Generic, TypeVar

Owner = TypeVar("Owner", bound=Hashable)

_WHITESPACE = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})


def alias_key(spelling: str) -> str:
    """The form an alias is matched and compared in: runs of blanks as one space, curly
    apostrophes as straight ones. Letter case is kept: matching is case-sensitive unless a
    term says ``match_case: false`` (then ``fold_key`` is the form compared)."""
    return _WHITESPACE.sub(" ", spelling.strip()).translate(_APOSTROPHES)


def fold_char(char: str) -> str:
    """One character in the form a case-insensitive alias compares it: its lower case, one
    character for one (so the mention pattern can offer each letter's case variants)."""
    lower = char.lower()
    return lower if len(lower) == 1 else char


def fold_key(spelling: str) -> str:
    """``alias_key`` with every letter folded: "RAND", "Rand" and "rand" all give "rand"."""
    return "".join(map(fold_char, alias_key(spelling)))


def case_variants(folded: str) -> frozenset[str]:
    """Every character that ``fold_char`` turns into ``folded`` ("r" -> "R", "r")."""
    candidates = {folded, folded.upper(), folded.title()}
    return frozenset(c for c in candidates if len(c) == 1 and fold_char(c) == folded)


def same_alias(first: str, first_any_case: bool, second: str, second_any_case: bool) -> bool:
    """Whether two spellings would link the same words: equal as keys, or equal ignoring
    case when either of them matches in any case."""
    if first_any_case or second_any_case:
        return fold_key(first) == fold_key(second)
    return alias_key(first) == alias_key(second)


def given_name(spelling: str) -> str | None:
    """The first word of a person's name or alias of several words ("Vladimir" of
    "Vladimir Medinsky"); None for a single word, which is how surnames are written."""
    words = alias_key(spelling).split(" ")
    return words[0] if len(words) > 1 else None


class AliasClaims(Generic[Owner]):
    """Who claimed each spelling first; a later claim by another owner is a clash.

    Spellings compare as ``same_alias`` does, so a ``match_case: false`` alias clashes with
    any spelling equal to it ignoring case. The first claim stays the owner.
    """

    def __init__(self) -> None:
        # Case-folded key -> every claim of it so far: (spelling, any case?, owner, where).
        self._claims: dict[str, list[tuple[str, bool, Owner, str]]] = {}

    def claim(
        self, spelling: str, any_case: bool, owner: Owner, where: str
    ) -> tuple[Owner, str] | None:
        """Record the claim, or return (owner, where) of the earlier claim it clashes with."""
        bucket = self._claims.setdefault(fold_key(spelling), [])
        for other, other_any_case, other_owner, other_where in bucket:
            if other_owner != owner and same_alias(other, other_any_case, spelling, any_case):
                return other_owner, other_where
        bucket.append((spelling, any_case, owner, where))
        return None
