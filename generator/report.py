"""What ``explainer parse`` prints besides the YAML: how every line was classified and
every line that was left out, as YAML comments, so the output stays one YAML document."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import get_args

from .model import ClassifiedLine, LineKind

KINDS: tuple[str, ...] = (*(k for k in get_args(LineKind) if k != "blank"), "blank")
"""Line kinds in the order of a page, blank lines last."""
SHOWN = 70
"""Characters of a line shown in the classification (left-out lines are shown whole)."""


def describe_lines(lines: Sequence[ClassifiedLine]) -> list[str]:
    """``# N lines: ...`` counts, one ``# number kind text`` per non-blank line, then each
    left-out line whole, so nothing disappears unseen."""
    counts: Counter[str] = Counter(line.kind for line in lines)
    kinds = [kind for kind in KINDS if counts[kind] or kind in ("headline", "time", "blank")]
    out = [f"# {len(lines)} lines: " + ", ".join(f"{k} {counts[k]}" for k in kinds)]
    for line in lines:
        if line.kind != "blank":
            text = shown(line.text)
            text = text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"
            out.append(f"# {line.number:5} {line.kind:<9} {text}")
    left_out = [line for line in lines if line.kind == "furniture"]
    if left_out:
        out.append(
            f"# left out as page furniture or chrome ({len(left_out)} "
            f"line{'s' if len(left_out) != 1 else ''}; not part of the live-blog):"
        )
        out += [f"# {line.number:5} {shown(line.text)}" for line in left_out]
    return out


def shown(text: str) -> str:
    """The line with outer blanks removed and control characters escaped: the text is
    untrusted, and a terminal would obey them."""
    text = text.strip()
    if text.isprintable():
        return text  # most lines: one test of the whole line, not one per character
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def lines_of(error: BaseException) -> Iterable[ClassifiedLine]:
    """The classified lines a parse error carries, if the parser gave it any."""
    lines = getattr(error, "lines", None)
    return tuple(lines) if lines else ()
