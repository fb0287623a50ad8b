"""Datelines: "HANOI, Vietnam (AP) — …" opens a story with where it was filed, not who spoke or acted.

The parser often makes the dateline's place the subject of the first sentence; quotes'
speakers and events' actors both look past it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

DASHES = frozenset({"—", "–", "--", "-"})


def dateline_end(token: Token) -> int | None:
    """The index of the dash closing a dateline that opens the token's sentence, or None.

    "HANOI, Vietnam (AP) — U.S. Defense Secretary Mark Esper accused…": the capitals name
    where the story was filed, not who acted, though the parser often makes them the subject.
    A dateline opens a paragraph with a word in capitals and ends at a dash a few words on.
    """
    return _dateline_end(token.sent)


def _dateline_end(sent: Span) -> int | None:
    """A dateline in capitals ("HANOI, Vietnam —"), or one in any case that credits an agency in brackets
    right before its dash ("Philadelphia (AFP) –", "Dec 29 (Reuters) -")."""
    first = sent[0]
    if not (_opens_paragraph(sent) and first.is_alpha and len(first) > 1):
        return None
    dash = next((t for t in sent[1:12] if t.text in DASHES and not _joins_words(t)), None)
    if dash is None or any(t.pos_ in ("VERB", "AUX") for t in sent[: dash.i - sent.start]):
        return None  # "NASA said the five companies — Blue Origin, … — had been selected": a sentence, not a dateline
    if first.is_upper:
        return dash.i
    return dash.i if first.text[:1].isupper() and _agency_before(sent.doc, dash.i) else None


def _joins_words(dash: Token) -> bool:
    """A hyphen with a word glued on each side joins them ("US-China talks"); a dateline's dash stands apart."""
    before = dash.doc[dash.i - 1]
    return dash.text == "-" and not before.whitespace_ and not dash.whitespace_


def _agency_before(doc: Doc, dash: int) -> bool:
    """ "(AFP) –", "(Reuters) -": one capitalised word in brackets right before the dash, not a party and
    state ("Tom Berg (R-Texas) — the chairman —") nor an initial ("(D)")."""
    if dash < 3 or doc[dash - 1].text != ")" or doc[dash - 3].text != "(":
        return False
    agency = doc[dash - 2]
    return agency.is_alpha and len(agency) > 1 and agency.text[:1].isupper()


def _opens_paragraph(sent: Span) -> bool:
    first = sent[0]
    return first.i == 0 or "\n" in sent.doc[first.i - 1].text_with_ws


# Words that open a credit line after a story ("Reporting by Jane Doe; Editing by John Roe").
CREDIT_WORDS = frozenset({"reporting", "editing", "writing", "additional", "compiled", "contributing"})


def credit(token: Token) -> bool:
    """The token is in a dateline or a credit, which names where a story was filed or who wrote it, never who
    acted: "WASHINGTON —", "HONG KONG (CNN Business)", a byline "By Jane Doe", "Reporting by Jane Doe"."""
    sent = token.sent  # asked of every named word, so the sentence is found once
    if _byline(sent):
        return True
    if not _opens_paragraph(sent):
        return False
    end = _dateline_end(sent)
    if end is not None and token.i < end:
        return True
    end = _agency_end(sent)
    if end is not None and token.i <= end:
        return True
    return _dateline_sentence(sent)


def _dateline_sentence(sent: Span) -> bool:
    """A dateline the sentence splitter cut off as a sentence of its own ("WASHINGTON" before "– Two officers")."""
    first = sent[0]
    if not (first.is_alpha and first.is_upper and len(sent) <= 8):
        return False
    after = sent.doc[sent.end] if sent.end < len(sent.doc) else None
    dashed = sent[-1].text in DASHES or (after is not None and after.text in DASHES)
    return dashed and not any(t.pos_ in ("VERB", "AUX") for t in sent)


def _agency_end(sent: Span) -> int | None:
    """The index of the word closing an agency's parenthesis that opens a paragraph ("HONG KONG (CNN Business)",
    "(Reuters)"): the place before it in capitals, the agency's name inside it."""
    opening = next((t for t in sent[:8] if t.text == "("), None)
    if opening is None or any(not (t.is_upper or t.is_punct) for t in sent[: opening.i - sent.start]):
        return None
    for t in sent[opening.i - sent.start + 1 : opening.i - sent.start + 6]:
        if ")" in t.text:
            return t.i
        if not (t.pos_ == "PROPN" or t.is_upper):
            return None
    return None


def _byline(sent: Span) -> bool:
    """A sentence that only names the writer: "By Jane Doe", "Reporting by Jane Doe; Editing by John Roe"."""
    first = sent[0].lower_
    opens = first == "by" or (first in CREDIT_WORDS and any(t.lower_ == "by" for t in sent[1:3]))
    return opens and len(sent) <= 16 and not any(t.pos_ in ("VERB", "AUX") and t.tag_ != "VBG" for t in sent)
