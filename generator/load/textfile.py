"""Reading content files: size limits, binary detection and strict UTF-8, with positions."""

from __future__ import annotations

from pathlib import Path

from ..errors import ContentError

MAX_TEXT_BYTES = 32 * 1024 * 1024
"""A live-blog of a month of coverage is a few megabytes; anything far beyond is a mistake."""


def read_text(path: Path, shown_as: str, *, limit: int = MAX_TEXT_BYTES) -> str:
    """Return the file's text, or raise ContentError for binary, oversized or non-UTF-8 files."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise ContentError.at(
                shown_as,
                0,
                0,
                f"file is too large ({size:,} bytes; the limit is {limit:,})",
                "split it, or check that this is the right file",
            )
        data = path.read_bytes()
    except OSError as error:
        raise ContentError.at(shown_as, 0, 0, f"cannot read file: {error.strerror}") from None
    return decode_text(data, shown_as)


def decode_text(data: bytes, shown_as: str) -> str:
    """Decode UTF-8 (a BOM is allowed and dropped); binary or other encodings are errors."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ContentError.at(
            shown_as,
            1,
            1,
            "file is UTF-16 text, not UTF-8",
            "save it as UTF-8; most editors offer 'Save with encoding'",
        )
    if b"\x00" in data:
        line, column = _position(data, data.index(b"\x00"))
        raise ContentError.at(
            shown_as,
            line,
            column,
            "file is binary, not text (it contains a NUL byte)",
            "save it as plain UTF-8 text",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _position(data, error.start)
        raise ContentError.at(
            shown_as,
            line,
            column,
            f"file is not valid UTF-8 (byte 0x{data[error.start]:02x})",
            "save it as UTF-8; most editors offer 'Save with encoding'",
        ) from None
    return text.removeprefix("\ufeff")


def _position(data: bytes, offset: int) -> tuple[int, int]:
    """Line and column of a byte offset, counting characters as an editor does."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    before = data[line_start:offset].decode("utf-8", errors="replace")
    if line_start == 0:
        before = before.removeprefix("\ufeff")  # editors do not show the BOM
    return data.count(b"\n", 0, offset) + 1, len(before) + 1
