"""Numbers as news writes them: digits, written words, scales, fractions and vague plurals.

Everything here works on token texts (spaCy's, or a whitespace split in tests), one token
at a time, so that the figures component never runs a regular expression over a whole
text. Absurd inputs ("1e400", ten thousand digits) give a value of None and a reason,
never an exception, an ``inf`` or a ``nan``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from newsgraph.pipeline.lexicons import load_data

# Larger than any quantity news reports (world GDP is ~1e14 dollars); beyond it, a value is noise.
LIMIT = 1e30
MAX_DIGITS = 40

Number = int | float
Value = Number | list[Number] | None

_DIGITS = re.compile(r"^([+\-−]?)(\d{1,3}(?:,\d{3})+|\d*)(\.\d+)?$")
_SCIENTIFIC = re.compile(r"^(\d+(?:\.\d+)?)(?:[eE]|×10\^?)([+\-−]?\d+)$")
_FRACTION = re.compile(r"^(\d+)[/⁄](\d+)$")
_GLUED = re.compile(r"^([+\-−]?(?:\d{1,3}(?:,\d{3})+|\d*)(?:\.\d+)?)([^\d.,].*)$")
_CURRENCY_GLUED = re.compile(
    r"^(US\$|USD|HK\$|A\$|C\$|NZ\$|\$A|\$US|\$|€|£|¥|RM|Rs\.?|EUR|GBP|JPY|PS|US|A|Y=)(\d[\d,]*(?:\.\d+)?)(.*)$"
)


@dataclass(frozen=True)
class Words:
    """The lexicon of figures_words.json, loaded once."""

    units: dict[str, float]
    scales: dict[str, float]
    vague: dict[str, list[float]]
    fractions: dict[str, float]
    hedges: dict[str, str]
    up: frozenset[str]
    down: frozenset[str]
    movement: frozenset[str]
    averaging: frozenset[str]
    labels: frozenset[str]


@lru_cache(maxsize=1)
def words() -> Words:
    data = load_data("figures_words.json")
    return Words(
        units=data["units"],
        scales=data["scales"],
        vague=data["vague_plurals"],
        fractions=data["fractions"],
        hedges=data["hedges"],
        up=frozenset(data["up_words"]),
        down=frozenset(data["down_words"]),
        movement=frozenset(data["movement_verbs"]),
        averaging=frozenset(data["average_verbs"]),
        labels=frozenset(data["label_nouns"]),
    )


@dataclass(frozen=True)
class Reading:
    """What one token says as a number: a value, or a scale word, and any text glued to it."""

    value: float | None
    kind: str  # "digits", "word", "scale", "fraction"
    prefix: str = ""  # a currency glued before the digits ("USD10")
    suffix: str = ""  # a unit or scale glued after them ("1.5bn", "640bhp")
    problem: str | None = None


def clean(value: float | None) -> Number | None:
    """A finite value within LIMIT, as an int when whole; None for anything absurd."""
    if value is None or not math.isfinite(value) or abs(value) > LIMIT:
        return None
    if value == int(value) and abs(value) < 2**53:
        return int(value)
    return float(f"{value:.12g}")


def _digits(text: str) -> Reading | None:
    match = _DIGITS.match(text)
    if not match or not (match.group(2) or match.group(3)):
        return None
    sign, whole, frac = match.group(1), match.group(2).replace(",", ""), match.group(3) or ""
    if len(whole) > MAX_DIGITS:
        return Reading(None, "digits", problem=f"number of {len(whole)} digits is out of range")
    value = float((whole or "0") + frac)
    return Reading(-value if sign in ("-", "−") else value, "digits")


def read_token(text: str) -> Reading | None:
    """Read one token as a number, a written number or a scale word; None when it is neither."""
    text = text.strip()
    if text[:1] in ("~", "≈") and len(text) > 1:
        inner = read_token(text[1:])
        return Reading(inner.value, inner.kind, "~" + inner.prefix, inner.suffix, inner.problem) if inner else None
    if text.lower().startswith("minus-") and len(text) > 6:
        inner = read_token(text[6:])
        if inner is None or inner.value is None or inner.kind != "digits":
            return None
        return Reading(-inner.value, inner.kind, inner.prefix, inner.suffix, inner.problem)
    if not text:
        return None
    lower = text.lower()
    lexicon = words()
    if lower in lexicon.units:
        return Reading(lexicon.units[lower], "word")
    if lower in lexicon.scales and len(lower) > 2:
        return Reading(lexicon.scales[lower], "scale")
    if not any(ch.isdigit() for ch in text):
        return None
    plain = _digits(text)
    if plain is not None:
        return plain
    science = _SCIENTIFIC.match(text)
    if science:
        digits = science.group(2).replace("−", "-")
        if len(digits.lstrip("+-")) > 3 or abs(int(digits)) > 300:
            return Reading(None, "digits", problem=f"{text[:20]} is out of range")
        mantissa, exponent = float(science.group(1)), int(digits)
        value = mantissa * 10.0**exponent
        if abs(value) > LIMIT:
            return Reading(None, "digits", problem=f"{text[:20]} is out of range")
        return Reading(value, "digits")
    fraction = _FRACTION.match(text)
    if fraction and len(text) <= MAX_DIGITS and int(fraction.group(2)) != 0:
        return Reading(int(fraction.group(1)) / int(fraction.group(2)), "fraction")
    currency = _CURRENCY_GLUED.match(text)
    if currency:
        inner = _digits(currency.group(2))
        if inner is not None:
            return Reading(inner.value, "digits", currency.group(1), currency.group(3), inner.problem)
    glued = _GLUED.match(text)
    if glued and glued.group(1):
        inner = _digits(glued.group(1))
        if inner is not None:
            return Reading(inner.value, "digits", suffix=glued.group(2), problem=inner.problem)
    return None


# Short scales that are also units ("5m": metres or millions?) count as scales only after money.
_MONEY_ONLY_SCALES = frozenset({"m", "b", "k"})


@dataclass(frozen=True)
class Phrase:
    """A number read from consecutive tokens: its value and how many tokens it took."""

    value: Value
    length: int
    prefix: str = ""
    suffix: str = ""
    problem: str | None = None


def _scale_of(text: str, money: bool) -> float | None:
    lexicon = words()
    if len(text) == 2 and text.endswith("."):
        text = text[:-1]
    lower = text.lower()
    if lower not in lexicon.scales:
        return None
    if lower in _MONEY_ONLY_SCALES and not money and text not in ("M", "k"):
        return None
    return lexicon.scales[lower]


def read_phrase(texts: Sequence[str], start: int = 0, money: bool = False) -> Phrase | None:
    """Read the number that starts at texts[start] ("4 hundred million", "twenty-five", "a dozen").

    ``money`` says a currency precedes, which makes "m"/"k"/"b" scales rather than units.
    """
    if start >= len(texts):
        return None
    lexicon = words()
    first = texts[start].lower()
    three = " ".join(t.lower() for t in texts[start : start + 3]) if start + 3 <= len(texts) else ""
    if three in lexicon.vague:
        low, high = lexicon.vague[three]
        return Phrase([clean(low) or 0, clean(high) or 0], 3)
    if first in lexicon.vague:
        low, high = lexicon.vague[first]
        return Phrase([clean(low) or 0, clean(high) or 0], 1)
    if first == "minus" and start + 1 < len(texts):
        skip = start + 2 if texts[start + 1] == "-" else start + 1
        inner = read_phrase(texts, skip, money)
        if inner is None or not isinstance(inner.value, int | float):
            return None
        return Phrase(-inner.value, inner.length + skip - start, inner.prefix, inner.suffix, inner.problem)
    index = start
    current: float | None = None
    last = ""
    prefix = ""
    if first in ("a", "an") and start + 1 < len(texts):
        following = texts[start + 1].lower()
        if following in lexicon.fractions or following == "half":
            return Phrase(clean(lexicon.fractions.get(following, 0.5)), 2)
        if following not in lexicon.scales or len(following) < 3:
            return None
        current, last = 1.0, "word"
    else:
        reading = read_token(texts[start])
        if reading is None:
            return None
        if reading.kind == "scale" and first != "dozen":
            return None
        if reading.value is None:
            return Phrase(None, 1, reading.prefix, reading.suffix, reading.problem)
        if reading.kind in ("digits", "fraction"):
            scale = _scale_of(reading.suffix, money or bool(reading.prefix)) if reading.suffix else None
            if scale is not None:
                return Phrase(clean(reading.value * scale), 1, reading.prefix)
            if reading.suffix:
                return Phrase(clean(reading.value), 1, reading.prefix, reading.suffix)
        current, last, index, prefix = reading.value, reading.kind, start, reading.prefix
        if reading.kind == "scale":
            current = lexicon.scales[first]
    total = 0.0
    index += 1
    while index < len(texts):
        text = texts[index]
        lower = text.lower()
        scale = _scale_of(text, money or bool(prefix.lstrip("~")))
        if scale is not None:
            if scale < 1000:
                current = (current if current is not None else 1.0) * scale
            elif current is None and last == "scale":
                total *= scale
            else:
                total += (current if current is not None else 1.0) * scale
                current = None
            last, index = "scale", index + 1
            continue
        mixed = _mixed_fraction(texts, index) if last == "digits" and current is not None else None
        if mixed is not None and current is not None and current == int(current):
            current, last, index = current + mixed[0], "fraction", index + mixed[1]
            continue
        unit = lexicon.units.get(lower)
        tens = current is not None and current % 100 in (20, 30, 40, 50, 60, 70, 80, 90)
        if last == "word" and current is not None and unit is not None and tens and 0 < unit < 10:
            current, index = current + unit, index + 1
            continue
        if text == "-" and index + 1 < len(texts) and last == "word" and current is not None:
            joined = texts[index + 1].lower()
            if tens and 0 < lexicon.units.get(joined, 0) < 10:
                current, index = current + lexicon.units[joined], index + 2
                continue
            if joined in lexicon.fractions:
                return Phrase(clean(current * lexicon.fractions[joined]), index + 2 - start)
        if last in ("word", "digits") and lower in lexicon.fractions and current is not None and current < 10:
            return Phrase(clean(current * lexicon.fractions[lower]), index + 1 - start)
        if last == "scale" and current is not None and unit is not None and unit >= 1:
            current, last, index = current + unit, "word", index + 1
            continue
        if lower == "and" and [t.lower() for t in texts[index + 1 : index + 3]] == ["a", "half"] and current:
            current, last, index = current + 0.5, "word", index + 3
            continue
        if lower == "and" and last == "scale" and index + 1 < len(texts):
            added = lexicon.units.get(texts[index + 1].lower())
            if added is not None and added >= 1:
                current = (current or 0.0) + added
                last, index = "word", index + 2
                continue
        break
    raw = total + (current or 0.0)
    value = clean(raw)
    problem = None if value is not None else f"{raw:.3g} is out of range"
    return Phrase(value, index - start, prefix, problem=problem)


def _mixed_fraction(texts: Sequence[str], index: int) -> tuple[float, int] | None:
    """The proper fraction of a mixed number after its whole part ("1-1/2", "2 1/2"), and the tokens it takes."""
    skip = 1 if texts[index] in ("-", "–") and index + 1 < len(texts) else 0
    match = _FRACTION.match(texts[index + skip])
    if not match or int(match.group(2)) == 0 or len(texts[index + skip]) > 7:
        return None
    value = int(match.group(1)) / int(match.group(2))
    return (value, skip + 1) if 0 < value < 1 else None


def parse_number(text: str) -> Value:
    """The value of a number written on its own ("2 million", "twenty-five", "1.5bn", "3-5")."""
    texts = _split(text)
    phrase = read_phrase(texts)
    if phrase is not None and phrase.length == len(texts):
        return phrase.value
    if len(texts) >= 3 and texts[1] in ("-", "–", "to"):
        low, high = read_phrase(texts[:1]), read_phrase(texts, 2)
        if low and high and isinstance(low.value, int | float) and isinstance(high.value, int | float):
            return [low.value, high.value]
    return None


def _split(text: str) -> list[str]:
    """Whitespace tokens with hyphens between words or numbers split off, as spaCy does."""
    out: list[str] = []
    for piece in text.split():
        if _SCIENTIFIC.match(piece):
            out.append(piece)
            continue
        parts = re.split(r"(?<=[A-Za-z\d])([-–])(?=[A-Za-z\d])", piece)
        out.extend(p for p in parts if p)
    return out
