"""Numbers that are codes, not quantities or years: phone numbers, extensions, emergency numbers, list markers.

Each test reads a shape, not a list of known numbers: a phone number is digit groups joined
by single separators ("(555) 123-4567", "020 7946 0958", "+44 20 7946 0958"); an extension
or an identifier follows a label ("ext. 8477", "ISSN: 2283-5474"); a number dialled is the
object of "call"/"dial" or names the calls ("911 calls"); a list marker opens a line ("1)").
Both the figures and the dates component ask here, so that a code is neither a figure nor a year.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from newsgraph.pipeline.lexicons import load_data

# Characters a written phone number is made of, besides its digits.
PHONE_SEPARATORS = frozenset(" -.()+")
# A phone number has at least seven digits (a local number) and at most fifteen (ITU E.164).
MIN_PHONE_DIGITS = 7
MAX_PHONE_DIGITS = 15
# Tokens looked at on each side of a number: a written phone number is at most about a dozen.
WINDOW = 12
APOSTROPHES = frozenset({"'", "’", "‘"})


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    data = load_data("codes_words.json")
    return (
        frozenset(data["code_labels"]),
        frozenset(data["dial_verbs"]),
        frozenset(data["call_nouns"]),
        frozenset(data["emergency_numbers"]),
    )


def phone_shaped(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (a number) lies in a run of digits shaped like a phone number.

    The run is widened over digits and single separators. Two groups make a phone number only
    as a local "555-1234" (three digits, then four), so that "2017-2018" and "10 000" stay out.
    """
    low = start
    while low > 0 and (text[low - 1].isdigit() or text[low - 1] in PHONE_SEPARATORS):
        low -= 1
    high = end
    while high < len(text) and (text[high].isdigit() or text[high] in PHONE_SEPARATORS):
        high += 1
    run = text[low:high].strip(" .-/(")
    if any(not (char.isdigit() or char in PHONE_SEPARATORS) for char in run):
        return False  # "1,307,000", "1.99×10−30": a number written another way
    groups: list[str] = []
    current = ""
    gap = ""
    for char in run:
        if char.isdigit():
            if gap and len(gap.strip()) > 1 or "  " in gap:
                return False  # "5 -- 6", two spaces: not one written number
            if gap and current:
                groups.append(current)
                current = ""
            current += char
            gap = ""
        else:
            gap += char
    if current:
        groups.append(current)
    digits = sum(len(g) for g in groups)
    if not MIN_PHONE_DIGITS <= digits <= MAX_PHONE_DIGITS or len(groups) < 2:
        return False
    if any(len(g) > 4 for g in groups[1:]):
        return False
    if len(groups[0]) == 4 and 1000 <= int(groups[0]) <= 2199 and len(groups[1]) == 2:
        return False  # "2018-08-25 15:24": a date and a time
    if len(groups) == 2:
        return [len(g) for g in groups] == [3, 4] or run.startswith("+") or ")" in run
    return True


def labelled(doc: Doc, index: int) -> bool:
    """A number right after a code label ("ext. 8477", "ISSN: 2283-5474"), over "." and ":" and glued groups."""
    labels = _words()[0]
    position = index - 1
    while position >= 0 and (
        doc[position].text in (".", ":", "#", "-")
        or doc[position].text.isdigit()
        and not doc[position].whitespace_  # "2283-" of "2283-5474"
    ):
        position -= 1
    return position >= 0 and position < index and doc[position].lower_.rstrip(".") in labels


def dialled(token: Token) -> bool:
    """An emergency or service number dialled or named by its calls: "called 911", "999 calls", "the 112 line"."""
    _, verbs, nouns, numbers = _words()
    if token.text not in numbers:
        return False
    head = token.head
    if token.dep_ in ("dobj", "obj", "pobj", "attr", "conj") and head.lemma_.lower() in verbs:
        return True
    if head.lemma_.lower() in verbs and head.i < token.i:
        return True
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return following is not None and following.lemma_.lower() in nouns


def list_marker(doc: Doc, index: int) -> bool:
    """A number opening a line and closed by ")" or "." ("1) Lego", "2. Polistil"): a position in a list."""
    if index + 1 >= len(doc) or doc[index + 1].text not in (")", "."):
        return False
    return index == 0 or "\n" in doc[index - 1].text or "\n" in doc[index - 1].whitespace_


def year_abbreviation(doc: Doc, index: int) -> bool:
    """Two digits glued after an apostrophe ("the ’80s", "class of '99"): a year, not a count."""
    token = doc[index]
    if len(token.text.rstrip("s")) != 2 or not token.text[:2].isdigit() or index == 0:
        return False
    before = doc[index - 1]
    return before.text in APOSTROPHES and not before.whitespace_


def is_code(doc: Doc, index: int) -> bool:
    """Whether the number at ``index`` is a code of any of the kinds above."""
    token = doc[index]
    if year_abbreviation(doc, index) or list_marker(doc, index) or labelled(doc, index) or dialled(token):
        return True
    if not _digit_group_near(doc, index):
        return False  # a phone number has two groups at least: most numbers stop here
    window = doc[max(0, index - WINDOW) : index + WINDOW + 1]  # not doc.text: that joins the whole text each time
    start = token.idx - window.start_char
    return phone_shaped(window.text, start, start + len(token.text))


def _digit_group_near(doc: Doc, index: int) -> bool:
    """Another group of digits within three tokens, or groups inside the token itself ("555.123.4567")."""
    text = doc[index].text
    if any(char in PHONE_SEPARATORS for char in text.strip("+")):
        return True
    for position in range(max(0, index - 3), min(len(doc), index + 4)):
        if position != index and doc[position].text[:1].isdigit():
            return True
    return False
