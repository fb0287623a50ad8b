"""Bytes to text: encodings are detected, not assumed, and binary junk is told apart.

UTF-8 (with or without a byte-order mark) and the UTF-16/32 marks are taken at their
word; anything else goes to charset-normalizer. Its ties are broken toward cp1252 and
latin-1, because a short English article in cp1252 scores the same as in cp1250 and
only cp1252 gives the right letters.
"""

from __future__ import annotations

import codecs
import unicodedata

from newsgraph.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_PREFERRED = ("cp1252", "latin_1")
_CHAOS_TIE = 0.01
# Share of control characters above which decoded "text" is really binary data.
_MAX_CONTROL_SHARE = 0.01


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark announces, if the data starts with one."""
    return next((name for bom, name in _BOMS if data.startswith(bom)), None)


def detect_encoding(sample: bytes, source: str, complete: bool = True) -> str:
    """The encoding of ``sample`` (the whole data when ``complete``, else its first bytes)."""
    announced = bom_encoding(sample)
    if announced:
        return announced
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as error:
        # A sample cut inside a multi-byte character is still UTF-8.
        if not complete and error.start >= len(sample) - 3 and error.reason == "unexpected end of data":
            return "utf-8"
    from charset_normalizer import from_bytes

    matches = list(from_bytes(sample))
    if not matches:
        if b"\0" in sample or _control_share(sample.decode("latin-1")) > _MAX_CONTROL_SHARE:
            raise InputError(source, "binary content, not text")
        raise InputError(source, "not valid UTF-8 and no other text encoding fits")
    best = matches[0]
    for name in _PREFERRED:
        for match in matches:
            if match.chaos <= best.chaos + _CHAOS_TIE and name in match.could_be_from_charset:
                return name
    return str(best.encoding)


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    controls = sum(1 for c in text if c == "\ufffd" or (unicodedata.category(c) == "Cc" and c not in "\n\r\t\f"))
    return controls / len(text)


def check_text(text: str, source: str) -> str:
    """The text itself, unless it is mostly control characters (binary data that decoded)."""
    if _control_share(text[:65536]) > _MAX_CONTROL_SHARE:
        raise InputError(source, "binary content, not text")
    return text


def decode(data: bytes, source: str) -> str:
    """All of ``data`` as text in its detected encoding (a byte-order mark is dropped)."""
    encoding = detect_encoding(data, source)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(source, f"not valid {encoding} at byte {error.start}") from error
    return check_text(text.removeprefix("\ufeff"), source)
