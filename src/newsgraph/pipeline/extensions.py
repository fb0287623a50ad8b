"""The Doc extensions newsgraph's components read and write, registered once."""

from __future__ import annotations

from spacy.attrs import ORTH
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


def register_extensions() -> None:
    """Register newsgraph's Doc extensions unless another import already did."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register_extensions()
