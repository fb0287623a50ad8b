"""Bytes to text: encodings are detected, not assumed, and binary junk is told apart.

UTF-8 (with or without a byte-order mark, or with a few stray bytes among many good
letters) and the UTF-16/32 marks are taken at their word; anything else goes to
charset-normalizer. Its ties are broken toward cp1252 and latin-1, because a short
English article in cp1252 scores the same as in cp1250 and only cp1252 gives the right
letters.
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
# Well-formed UTF-8 letters needed per undecodable byte to still read a file as UTF-8.
_STRAY_RATIO = 10


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark announces, if the data starts with one."""
    return next((name for bom, name in _BOMS if data.startswith(bom)), None)


def detect_encoding(sample: bytes, source: str, complete: bool = True) -> str:
    """The encoding of ``sample`` (the whole data when ``complete``, else its first bytes)."""
    announced = bom_encoding(sample)
    if announced:
        return announced
    if not wide(sample):
        try:
            sample.decode("utf-8")
            return "utf-8"
        except UnicodeDecodeError as error:
            # A sample cut inside a multi-byte character is still UTF-8.
            if not complete and error.start >= len(sample) - 3 and error.reason == "unexpected end of data":
                return "utf-8"
            if _mostly_utf8(sample):
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


def wide(data: bytes) -> bool:
    """Many NUL bytes: UTF-16 or UTF-32 without a mark (valid UTF-8 too, but not meant as such)."""
    return data[:200].count(b"\0") > 20


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few stray bytes (a pasted cp1252 quote): its many good letters outweigh them."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for c in text if ord(c) > 127) - bad
    return good > 0 and bad * _STRAY_RATIO <= good


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
        # UTF-8 reaches here strictly valid, or with a few stray bytes that become U+FFFD.
        text = data.decode(encoding, errors="replace" if encoding == "utf-8" else "strict")
    except UnicodeDecodeError as error:
        raise InputError(source, f"not valid {encoding} at byte {error.start}") from error
    return check_text(text.removeprefix("\ufeff"), source)
