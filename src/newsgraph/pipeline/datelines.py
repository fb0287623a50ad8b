"""Datelines: "HANOI, Vietnam (AP) — …" opens a story with where it was filed, not who spoke or acted.

The parser often makes the dateline's place the subject of the first sentence; quotes'
speakers and events' actors both look past it.
"""

from __future__ import annotations

from spacy.tokens import Token

DASHES = frozenset({"—", "–", "--", "-"})


def dateline_end(token: Token) -> int | None:
    """The index of the dash closing a dateline that opens the token's sentence, or None.

    "HANOI, Vietnam (AP) — U.S. Defense Secretary Mark Esper accused…": the capitals name
    where the story was filed, not who acted, though the parser often makes them the subject.
    A dateline opens a paragraph with a word in capitals and ends at a dash a few words on.
    """
    sent = token.sent
    first = sent[0]
    opens_paragraph = first.i == 0 or "\n" in token.doc[first.i - 1].text_with_ws
    if not (opens_paragraph and first.is_alpha and first.is_upper and len(first) > 1):
        return None
    return next((t.i for t in sent[1:12] if t.text in DASHES), None)
