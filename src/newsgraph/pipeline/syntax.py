"""Shapes of the dependency parse that more than one component reads."""

from __future__ import annotations

from spacy.tokens import Token


def object_of(prep: Token) -> Token | None:
    """The noun a preposition governs ("to [Belarus]", "according to [the ministry]"), if the parse gives one."""
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


# A possessive ending as the tokenizer splits it off, with any apostrophe: "Keller's", "the workers' union".
_POSSESSIVE_ENDINGS = frozenset({"'s", "'", "s'"})
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


def is_possessive(token: Token) -> bool:
    return token.tag_ == "POS" or token.text.translate(_APOSTROPHES).lower() in _POSSESSIVE_ENDINGS
