"""Paragraph breaks are sentence breaks, set before the parser runs.

spaCy's parser decides sentence boundaries itself and often runs a sentence over a
blank line: a headline joins the first paragraph, or "…,” she said.\\n\\nJolly said he
would …" becomes one sentence in which "said" takes two clauses. Every component
reading the parse suffers. The parser keeps boundaries set before it, so marking the
first token of each line is enough.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


def mark_paragraphs(doc: Doc) -> Doc:
    """Start a sentence at the first word after every line break."""
    after_break = False
    for token in doc:
        if token.is_space:
            after_break = after_break or "\n" in token.text
            continue
        if after_break and token.i > 0:
            token.is_sent_start = True
        after_break = "\n" in token.whitespace_
    return doc


@Language.factory("newsgraph_paragraphs", requires=[], assigns=["token.is_sent_start"])
def make_paragraphs(nlp: Language, name: str) -> object:
    return mark_paragraphs
