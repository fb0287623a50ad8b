"""The Doc extensions newsgraph's components read and write, registered once."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Any

import numpy as np
from spacy.attrs import LOWER, ORTH, POS
from spacy.parts_of_speech import IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc

# name -> default; lists are created per Doc by a getter-free default of None and
# filled by the components, so no two Docs ever share a list.
DOC_EXTENSIONS: dict[str, object] = {
    "published": None,  # ISO date of the article, read by the date resolver
    "article_key": None,  # the article's id, so failures can be traced to their article
    "entities": None,  # list[model.Entity]
    "quotes": None,  # list[model.Quote]
    "figures": None,  # list[model.Figure]
    "dates": None,  # list[model.DateRef]
    "events": None,  # list[model.Event]
}


TEXT_KEY = "newsgraph.text"


def doc_text(doc: Doc) -> str:
    """The Doc's text, joined once: spaCy joins it from every token on each read (some 15 ms for a
    long article), and most components read it."""
    text = doc.user_data.get(TEXT_KEY)
    if not isinstance(text, str):
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def token_texts(doc: Doc) -> list[str]:
    """Every token's text, read from spaCy's arrays: a scan of a whole Doc that makes a Token for each word spends
    more on making them than on its test."""
    strings = doc.vocab.strings
    return [strings[orth] for orth in doc.to_array(ORTH).tolist()]


def indices_where(
    doc: Doc, pos: Collection[str] = (), lower: Collection[str] = (), orth: Collection[str] = ()
) -> list[int]:
    """The indices of the tokens with one of these parts of speech, lower-case forms or texts, in order, read from
    spaCy's arrays: a scan that tests a few words of a Doc needs no Token for the others."""
    rows = doc.to_array([POS, LOWER, ORTH])
    wanted = (
        np.isin(rows[:, 0], _ids(IDS[tag] for tag in pos))
        | np.isin(rows[:, 1], _ids(get_string_id(word) for word in lower))
        | np.isin(rows[:, 2], _ids(get_string_id(text) for text in orth))
    )
    return [int(i) for i in np.flatnonzero(wanted)]


def _ids(ids: Iterable[int]) -> np.ndarray[Any, np.dtype[np.uint64]]:
    return np.array(list(ids), dtype=np.uint64)


def register_extensions() -> None:
    """Register newsgraph's Doc extensions unless another import already did."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register_extensions()
