"""Word lists about people, shipped in coref_names.json and read once: first names and honorifics by sex,
nouns for men, women, persons and organisations. Coreference reads them for agreement and for telling
organisations from people, the grouping of names to keep two bearers of one surname apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from newsgraph.pipeline.lexicons import load_data


@dataclass(frozen=True)
class Names:
    """Word lists for agreement and for telling organisations from people."""

    male: frozenset[str]
    female: frozenset[str]
    honorifics_male: frozenset[str]
    honorifics_female: frozenset[str]
    nouns_male: frozenset[str]
    nouns_female: frozenset[str]
    org_nouns: frozenset[str]
    person_nouns: frozenset[str]
    said_nouns: frozenset[str]
    company_nouns: frozenset[str]


@lru_cache(maxsize=1)
def names() -> Names:
    """The word lists shipped with newsgraph, read once."""
    data = load_data("coref_names.json")
    return Names(**{key: frozenset(data[key]) for key in Names.__dataclass_fields__})


_HONORIFICS_MALE = names().honorifics_male
_HONORIFICS_FEMALE = names().honorifics_female
_FIRST_MALE = names().male
_FIRST_FEMALE = names().female


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
