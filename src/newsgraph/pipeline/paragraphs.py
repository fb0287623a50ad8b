"""Paragraph breaks are sentence breaks, set before the parser runs.

spaCy's parser decides sentence boundaries itself and often runs a sentence over a
blank line: a headline joins the first paragraph, or "…,” she said.\\n\\nJolly said he
would …" becomes one sentence in which "said" takes two clauses. Every component
reading the parse suffers. The parser keeps boundaries set before it, so marking the
first token of each line is enough.
"""

from __future__ import annotations

from typing import cast

from spacy.attrs import IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from thinc.types import Ints2d


def line_breaks(doc: Doc) -> list[int]:
    """The indices of the space tokens that hold a line break (read from spaCy's arrays: a token made for each
    read of every word costs more than the test)."""
    spaces = doc.to_array(IS_SPACE).tolist()
    return [i for i, space in enumerate(spaces) if space and "\n" in doc[i].text]


def mark_paragraphs(doc: Doc) -> Doc:
    """Start a sentence at the first word after every line break.

    The starts are written in one array: spaCy checks the whole Doc for a parse on each token's write."""
    spaces = doc.to_array(IS_SPACE).tolist()
    starts = cast(Ints2d, doc.to_array(SENT_START).reshape(-1, 1))
    for i in line_breaks(doc):
        after = next((j for j in range(i + 1, len(spaces)) if not spaces[j]), None)
        if after is not None:
            starts[after, 0] = 1
    doc.from_array([SENT_START], starts)
    return doc


@Language.factory("newsgraph_paragraphs", requires=[], assigns=["token.is_sent_start"])
def make_paragraphs(nlp: Language, name: str) -> object:
    return mark_paragraphs
