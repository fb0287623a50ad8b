"""The unit and currency lexicon (data/units.json): surface forms to normalized names.

Lookups take a short run of token texts (a unit such as "km/h" or "degrees Celsius"
is several spaCy tokens) and try the longest match first. Short forms ("C", "m",
"PS") must match case exactly, longer words match in any case and with a plural "s".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from newsgraph.pipeline.lexicons import load_data

MAX_TOKENS = 5


@dataclass(frozen=True)
class Lexicon:
    exact: dict[str, str]  # short forms, case-sensitive
    folded: dict[str, str]  # longer forms, casefolded
    before: dict[str, str]  # currency signs written before the number, case-sensitive


def _forms(table: dict[str, list[str]]) -> tuple[dict[str, str], dict[str, str]]:
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    for normalized, forms in table.items():
        for form in forms:
            if len(form) <= 3:
                exact.setdefault(form, normalized)
                continue
            key = form.casefold()
            folded.setdefault(key, normalized)
            if key[-1].isalpha() and not key.endswith("s"):
                folded.setdefault(key + "s", normalized)
                folded.setdefault(key + "es", normalized)
    return exact, folded


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = load_data("units.json")
    exact, folded = _forms(data["units"])
    before = {form: name for name, forms in data["currency_before"].items() for form in forms}
    return Lexicon(exact, folded, before)


def _joined(texts: Sequence[str], spaces: Sequence[bool], start: int, length: int) -> str:
    parts: list[str] = []
    for index in range(start, start + length):
        parts.append(texts[index])
        if index < start + length - 1 and spaces[index]:
            parts.append(" ")
    return "".join(parts)


def unit_after(texts: Sequence[str], spaces: Sequence[bool], start: int) -> tuple[str, int] | None:
    """The unit that starts at texts[start], as (normalized name, tokens taken), longest first."""
    units = lexicon()
    for length in range(min(MAX_TOKENS, len(texts) - start), 0, -1):
        surface = _joined(texts, spaces, start, length)
        name = units.exact.get(surface) if len(surface) <= 3 else units.folded.get(surface.casefold())
        if name is not None:
            return name, length
    return None


def unit_of_text(surface: str) -> str | None:
    """The normalized unit of a form glued to a number ("bhp" in "640bhp"), if it is one."""
    units = lexicon()
    surface = surface.strip()
    return units.exact.get(surface) if len(surface) <= 3 else units.folded.get(surface.casefold())


def currency_before(texts: Sequence[str], spaces: Sequence[bool], end: int) -> tuple[str, int] | None:
    """The currency sign that ends right before texts[end] ("$", "US $", "HK$"), and its tokens."""
    units = lexicon()
    for length in (2, 1):
        start = end - length
        if start < 0:
            continue
        surface = _joined(texts, spaces, start, length)
        name = units.before.get(surface)
        if name is not None:
            return name, length
    return None


def currency_of_prefix(prefix: str) -> str | None:
    """The currency of a sign glued to the digits ("USD" in "USD10")."""
    return lexicon().before.get(prefix)
