"""Reader of NewsQuant (Almasian, Bruseva, Gertz, EMNLP 2023 demo "CQE"): sentences with their quantities.

The file is a JSON list of ``{"text", "quantities": [{"value", "unit", "normalized_unit",
"change", "referred_concepts"}]}``; a value is a number or a range written "a-b".
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

from newsgraph.errors import GoldFormatError

_RANGE = re.compile(r"^\s*(-?[\d.]+(?:[eE][+-]?\d+)?)\s*-\s*(-?[\d.]+(?:[eE][+-]?\d+)?)\s*$")

GoldValue = float | tuple[float, float] | None


@dataclass(frozen=True)
class GoldQuantity:
    value: GoldValue
    change: str
    unit: str
    normalized_unit: str


@dataclass(frozen=True)
class GoldSentence:
    text: str
    quantities: list[GoldQuantity]


def parse_value(text: str) -> GoldValue:
    """A gold value: "275.0" -> 275.0, "15.0-22.0" -> (15.0, 22.0), "-130" -> -130.0; None if unreadable."""
    text = str(text).strip()
    try:
        number = float(text)
    except ValueError:
        match = _RANGE.match(text)
        if not match:
            return None
        try:
            low, high = float(match.group(1)), float(match.group(2))
        except ValueError:
            return None
        return (low, high) if math.isfinite(low) and math.isfinite(high) else None
    return number if math.isfinite(number) else None


def read_newsquant(path: str | Path) -> list[GoldSentence]:
    """All sentences of a NewsQuant JSON file, raising GoldFormatError when it is not one."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise GoldFormatError(path, f"cannot read NewsQuant JSON: {error}") from error
    if not isinstance(data, list):
        raise GoldFormatError(path, "expected a JSON list of sentences with 'text' and 'quantities'")
    sentences: list[GoldSentence] = []
    for number, item in enumerate(data):
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise GoldFormatError(path, f"item {number} has no 'text'")
        quantities = [
            GoldQuantity(
                value=parse_value(q.get("value", "")),
                change=str(q.get("change") or "=").strip(),
                unit=str(q.get("unit") or "-"),
                normalized_unit=str(q.get("normalized_unit") or "-"),
            )
            for q in item.get("quantities") or []
            if isinstance(q, dict)
        ]
        sentences.append(GoldSentence(item["text"], quantities))
    return sentences
