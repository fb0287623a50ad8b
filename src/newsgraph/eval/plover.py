"""Reading PLOVER gold standard records: one sentence each, with its event type and actors."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.errors import GoldFormatError


@dataclass
class PloverRecord:
    """One coded sentence: the gold event type and mode, the words that carry it, and the actors' words."""

    id: str
    text: str
    date: str | None
    type: str
    mode: str | None = None
    event_text: str = ""
    sources: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)


def _actors(value: Any) -> list[str]:
    """Actor texts of a source or target field, which is a list of actors or an empty string."""
    if not isinstance(value, list):
        return []
    return [str(a.get("actorText")) for a in value if isinstance(a, dict) and a.get("actorText")]


def read_plover(path: Path) -> list[PloverRecord]:
    """The records of a PLOVER JSON file (a list of objects with text, event, source, target)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise GoldFormatError(path, f"not readable as JSON: {error}") from error
    if not isinstance(data, list):
        raise GoldFormatError(path, "PLOVER gold is a JSON list of records")
    records = []
    for index, item in enumerate(data):
        if not isinstance(item, dict) or not item.get("text") or not item.get("event"):
            raise GoldFormatError(path, f"record {index} needs 'text' and 'event'")
        records.append(
            PloverRecord(
                id=str(item.get("id") or index),
                text=str(item["text"]),
                date=item.get("date") or None,
                type=str(item["event"]).upper(),
                mode=item.get("mode") or None,
                event_text=str(item.get("eventText") or ""),
                sources=_actors(item.get("source")),
                targets=_actors(item.get("target")),
            )
        )
    return records
