"""The keys under which variants of a name meet: one case, one apostrophe, no article, possessive or dots.

Entities, coreference and affiliations compare names by these keys, so "the U.S.'s"
and "US" meet, and listed spellings of one name ("U.S.", "United States") share one key.
"""

from __future__ import annotations

import unicodedata

from newsgraph.pipeline.lexicons import load_data
from newsgraph.pipeline.titles import LEXICON

_FOLD = str.maketrans({"’": "'", "‘": "'", "`": "'", "\u00a0": " ", "–": "-", "—": "-"})


def fold(text: str) -> str:
    """Lower-case text with one kind of apostrophe, dash and space, so spellings compare equal."""
    return " ".join(unicodedata.normalize("NFKC", text).translate(_FOLD).casefold().split())


def name_key(text: str) -> str:
    """The key two mentions of one name share: no article, no possessive, no dots, one case."""
    key = fold(text)
    for article in ("the ", "a ", "an "):
        if key.startswith(article):
            key = key[len(article) :]
            break
    for ending in ("'s", "'"):
        if key.endswith(ending):
            key = key[: -len(ending)]
            break
    return key.replace(".", "").strip()


def name_words(text: str) -> tuple[str, ...]:
    """The words of a person's name for matching variants, without suffixes such as "Jr."."""
    words = name_key(text).replace(",", " ").split()
    while len(words) > 1 and words[-1] in LEXICON.suffixes:
        words.pop()
    return tuple(words)


# Spellings of one name ("U.S.", "United States"): every variant's key maps to the first's.
_SAME_NAME = load_data("entities_en.json")["same_name"]
SAME_KEY = {name_key(variant): name_key(names[0]) for names in _SAME_NAME for variant in names}
