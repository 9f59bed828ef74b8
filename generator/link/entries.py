"""Which entry a reference names: ``HH:MM`` or an anchor, decided here and nowhere else.

Key moments (``source.yml``) and annotations (``entry:``) both name entries this way; both
ask an ``EntryIndex``, so the rules and the hints are the same for each.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from ..errors import ProblemCollector
from ..model import Entry, Headline, Liveblog, SourceInfo


class EntryIndex:
    """Every entry by anchor and by clock time, built once per explainer."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        self.entries = tuple(entries)
        self.by_anchor = {entry.anchor: entry for entry in entries}
        self.by_clock: dict[str, list[Entry]] = defaultdict(list)
        for entry in entries:
            self.by_clock[entry.clock].append(entry)

    def find(self, ref: str) -> list[Entry]:
        """The entries ``ref`` names: by anchor, else by ``HH:MM`` (may be several)."""
        if ref in self.by_anchor:
            return [self.by_anchor[ref]]
        return list(self.by_clock.get(ref.zfill(5), ()))

    @staticmethod
    def several_hint(found: Sequence[Entry]) -> str:
        """The hint when one time names several entries."""
        return "name one by its anchor: " + ", ".join(entry.anchor for entry in found)

    def nearest_clock(self, ref: str) -> str:
        """The entry time closest to a mistyped ``HH:MM`` (16:50 -> 16:49, not 16:56)."""
        hours, colon, minutes = ref.partition(":")
        if not (colon and hours.isdigit() and minutes.isdigit() and self.by_clock):
            return ""
        wanted = int(hours) * 60 + int(minutes)
        return min(sorted(self.by_clock), key=lambda c: abs(int(c[:2]) * 60 + int(c[3:]) - wanted))


def resolve_key_moments(source: SourceInfo, index: EntryIndex, path: str) -> tuple[Entry, ...]:
    """The entries ``source.yml`` marks as key, oldest first; each must name exactly one."""
    problems = ProblemCollector(path)
    chosen: set[str] = set()
    for key, at in zip(source.key_moments, source.key_moments_at):
        found = index.find(key)
        if len(found) == 1:
            chosen.add(found[0].anchor)
        elif found:
            problems.add_at(
                at, f"several entries were posted at {key.zfill(5)}", index.several_hint(found)
            )
        else:
            close = index.nearest_clock(key)
            problems.add_at(
                at,
                f"key moment names no entry: {key!r}",
                f"did you mean '{close}'?"
                if close
                else "use an entry's time (HH:MM) or its anchor",
                entry=index.by_clock[close][0].anchor if close else "",
            )
    problems.raise_if_any()
    return tuple(entry for entry in index.entries if entry.anchor in chosen)


def apply_headlines(
    liveblog: Liveblog, headlines: Sequence[Headline], index: EntryIndex, path: str
) -> Liveblog:
    """The live-blog with each entry's editors' headline set (``headlines.yml``).

    Each headline must name exactly one entry, and each entry may have one headline.
    """
    problems = ProblemCollector(path)
    chosen: dict[str, str] = {}
    first_at: dict[str, tuple[int, int]] = {}
    for headline in headlines:
        at, found = headline.entry_at, index.find(headline.entry)
        if len(found) == 1:
            anchor = found[0].anchor
            if anchor in chosen:
                problems.add_at(
                    at,
                    f"entry {found[0].time_label} already has a headline",
                    f"one headline per entry; the first is at line {first_at[anchor][0]}",
                    entry=anchor,
                )
            else:
                chosen[anchor], first_at[anchor] = headline.text, at
        elif found:
            problems.add_at(
                at,
                f"several entries were posted at {headline.entry.zfill(5)}",
                index.several_hint(found),
            )
        else:
            close = index.nearest_clock(headline.entry)
            problems.add_at(
                at,
                f"headline names no entry: {headline.entry!r}",
                f"did you mean '{close}'?"
                if close
                else "use an entry's time (HH:MM) or its anchor",
                entry=index.by_clock[close][0].anchor if close else "",
            )
    problems.raise_if_any()
    if not chosen:
        return liveblog
    entries = tuple(
        replace(entry, headline=chosen[entry.anchor]) if entry.anchor in chosen else entry
        for entry in liveblog.entries
    )
    return replace(liveblog, entries=entries)
