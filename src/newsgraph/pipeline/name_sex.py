"""The sex a first name or an honorific tells: coreference needs it for agreement ("Mr. Abedini"
is no "she"), the grouping of names to keep two bearers of one surname apart.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.pipeline.lexicons import load_data

_PEOPLE = load_data("coref_names.json")
_HONORIFICS_MALE = frozenset(_PEOPLE["honorifics_male"])
_HONORIFICS_FEMALE = frozenset(_PEOPLE["honorifics_female"])
_FIRST_MALE = frozenset(_PEOPLE["male"])
_FIRST_FEMALE = frozenset(_PEOPLE["female"])


def honorific_sex(doc: Doc, start: int) -> str | None:
    """ "m" or "f" when the name starting at token ``start`` follows a gendered honorific ("Mr.", "Mrs.")."""
    if start == 0:
        return None
    word = doc[start - 1].lower_
    if word in _HONORIFICS_MALE:
        return "m"
    return "f" if word in _HONORIFICS_FEMALE else None


def first_name_sex(first: str) -> str | None:
    """ "m" or "f" for a lower-case first name in the name lists (which share none), else None."""
    if first in _FIRST_MALE:
        return "m"
    return "f" if first in _FIRST_FEMALE else None
