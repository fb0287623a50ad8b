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


def wordnet_words(lemmatizer: object, *parts: str) -> frozenset[str]:
    """English words of these parts of speech ("noun", "verb", "adj") as WordNet lists them, from the index the
    model's rule lemmatizer ships: a general word list, not one fitted to our data (none without that index)."""
    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    index = lookups.get_table("lemma_index")
    return frozenset(word for part in parts for word in index.get(part, ()))
