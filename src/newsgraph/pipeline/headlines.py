"""Headline-style lines, where NER guesses: every word capitalised, so every word looks like a name.

A headline's mentions are kept only as far as the body names them too; the same short
title-case words serve the quote component, which reads titles of works the same way.
"""

from __future__ import annotations

from spacy.attrs import IDX, IS_ALPHA, LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc

from newsgraph.pipeline.extensions import doc_text
from newsgraph.pipeline.name_keys import SAME_KEY, name_key
from newsgraph.pipeline.name_repairs import RawMention
from newsgraph.pipeline.paragraphs import line_breaks

# Short words a title leaves in lower case, in headlines ("Trump Takes Aim at the Fed") and in the names of
# works ("Flip the Script with Liz Plank").
TITLE_LOWER = frozenset(
    {"a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "with", "by", "from", "as", "vs"}
)
# A line with this many words that is not in title case is body text: the headline is above it.
BODY_LINE_WORDS = 6
# The same words as spaCy's ids of lower-case forms, which a whole Doc's scan reads without making tokens.
_TITLE_LOWER_IDS = frozenset(get_string_id(word) for word in TITLE_LOWER)


def title_case_lines(doc: Doc) -> tuple[set[int], int]:
    """Token indices on headline-style lines ("Obama Says Museum Tells Story"), where NER guesses,
    and the index of the first token of the body (after the headline lines at the top)."""
    text = doc_text(doc)
    starts, alpha, lower = (column.tolist() for column in doc.to_array([IDX, IS_ALPHA, LOWER]).T)
    found: set[int] = set()
    body_start: int | None = None
    breaks = line_breaks(doc)
    for first, end in zip([0, *(b + 1 for b in breaks)], [*breaks, len(doc)], strict=True):
        words = [starts[i] for i in range(first, end) if alpha[i] and lower[i] not in _TITLE_LOWER_IDS]
        if len(words) >= 3 and sum(text[start].isupper() for start in words) >= 0.8 * len(words):
            found.update(range(first, end))
        elif body_start is None and sum(alpha[first:end]) >= BODY_LINE_WORDS:
            body_start = first
    if len(found) * 2 >= len(doc):
        return set(), 0
    return found, body_start if body_start is not None else len(doc)


def settle_headline_mentions(
    doc: Doc, mentions: list[RawMention], headline: set[int], body_start: int
) -> list[RawMention]:
    """Keep a mention from a headline-style line only as far as it names what the body names.

    "Obama Says" becomes "Obama" when the body has "Obama". A span the body never names
    is dropped from the headline at the top and kept elsewhere (bylines, subheadings).
    """
    if not headline:
        return mentions
    body = [m for m in mentions if m.start not in headline]
    known = {SAME_KEY.get(m.key, m.key) for m in body}
    settled = list(body)
    for mention in mentions:
        if mention.start in headline:
            part = _known_part(doc, mention, known)
            if part is not None:
                settled.append(part)
            elif mention.start >= body_start:
                settled.append(mention)
    return sorted(settled, key=lambda m: m.start)


def _known_part(doc: Doc, mention: RawMention, known: set[str]) -> RawMention | None:
    """The longest prefix or suffix of the mention whose key the body knows."""
    for size in range(mention.end - mention.start, 0, -1):
        for start in (mention.start, mention.end - size):
            key = name_key(doc[start : start + size].text)
            if SAME_KEY.get(key, key) in known:
                return RawMention(start, start + size, mention.label, key)
    return None
