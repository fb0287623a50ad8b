"""Text and metadata made storable the same way on every store, before anything keeps them.

SQLite takes a NUL character, a lone surrogate and a NaN in JSON; PostgreSQL refuses all
three (and Python cannot even hash a lone surrogate as UTF-8). Each such character is
replaced one-for-one by U+FFFD, so offsets into the text stay true; a NaN or an infinity
in metadata becomes null, as JSON has no word for them; metadata nested absurdly deep is
cut, so that writing it as JSON cannot exhaust the stack.
"""

from __future__ import annotations

import math
import re
from typing import Any

REPLACEMENT = "\ufffd"
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
# Deeper than this, metadata is no record of an article but an attack on the reader.
MAX_DEPTH = 32
CUT = "(nested too deeply)"


def clean_text(text: str) -> str:
    """``text`` with NUL and lone surrogates replaced by U+FFFD, one character for one."""
    return _UNSTORABLE.sub(REPLACEMENT, text)


def unstorable(text: str) -> bool:
    """True when ``text`` holds a NUL or a lone surrogate."""
    return _UNSTORABLE.search(text) is not None


def clean_optional(text: str | None) -> str | None:
    return clean_text(text) if isinstance(text, str) else text


def clean_value(value: Any, depth: int = 0) -> Any:
    """A JSON-able copy of ``value`` that every store keeps alike (see the module docstring)."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, bool) or value is None or isinstance(value, int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if depth >= MAX_DEPTH:
        return CUT
    if isinstance(value, dict):
        return {clean_text(str(k)): clean_value(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [clean_value(v, depth + 1) for v in value]
    return clean_text(str(value))
