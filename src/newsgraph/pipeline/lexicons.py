"""The word lists shipped in ``pipeline/data``, each parsed once however many modules read it.

Lexicons live in data files beside the components so that they can be read and extended
without touching code; callers treat what they get as read-only.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load_data(name: str) -> dict[str, Any]:
    """One JSON file of ``newsgraph/pipeline/data``, parsed on first use."""
    text = resources.files("newsgraph.pipeline").joinpath("data", name).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data
