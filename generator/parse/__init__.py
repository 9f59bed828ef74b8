"""Stage 1, parse: the live-blog's text -> ``Liveblog`` (headline, intro, entries oldest
first, and what every line was taken for)."""

from .liveblog import ParseOptions, describe_liveblog, parse_liveblog

__all__ = ["ParseOptions", "describe_liveblog", "parse_liveblog"]
