"""Cheap repairs of NER spans, which spaCy gets wrong in the same few ways.

spaCy's small model makes the same few span errors again and again in news: a title
swallowed into a PERSON ("Prime Minister Benjamin Netanyahu"), a possessor swallowed
into it ("NBC's Kristen Welker"), a possessive or an article kept on the name. These
are repaired here so that every mention holds the name only.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.pipeline.lexicons import load_data
from newsgraph.pipeline.name_keys import name_key
from newsgraph.pipeline.syntax import is_possessive
from newsgraph.pipeline.titles import LEXICON, is_title_word, titled_office

# Title words that also name groups or things before a name ("the union Unite", "star Wars").
PERSONLESS_TITLES = frozenset({"union", "party", "star", "count", "head", "member", "agent"})
# Words that leave a name unfinished when NER stops on them.
_OPEN_ENDS = frozenset({"of", "for"})
# Words NER leaves at the front of a name that are no part of it ("this White House").
DETERMINERS = frozenset({"a", "an", "this", "that", "these", "those"})
SAINT_INSTITUTIONS = frozenset(load_data("entities_en.json")["saint_institutions"])


@dataclass
class RawMention:
    """One NER mention after repair: token span of the name, its label, and its key."""

    start: int
    end: int
    label: str
    key: str
    # The "The" of "The Associated Press" inside a sentence is part of the name, not an article.
    proper_the: bool = False


# Lowercase words that begin a surname in European names ("de Gaulle", "van Gogh", "al-Assad").
_SURNAME_PARTICLES = frozenset(
    {"al", "bin", "da", "de", "del", "della", "der", "di", "du", "el", "la", "le", "van", "von"}
)


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Cut spaces, punctuation, possessives and a mere article off the edges of a span."""
    first_line_end = next((i for i in range(start, end) if "\n" in doc[i].text), end)
    end = first_line_end
    while start < end and (doc[start].is_space or doc[start].is_punct or doc[start].lower_ in DETERMINERS):
        start += 1
    while end > start and (doc[end - 1].is_space or is_possessive(doc[end - 1]) or _is_edge_punct(doc[end - 1])):
        end -= 1
    if start < end and doc[start].text == "the":
        start += 1
    return start, end


def _is_edge_punct(token: Token) -> bool:
    # "Corp." keeps its dot (one token); a lone trailing "." or "," does not belong to a name.
    return token.is_punct and token.text not in (")",)


def repair(doc: Doc, start: int, end: int, label: str) -> list[RawMention]:
    """The name mentions hidden in one NER span: possessor and name apart, title and honorific out."""
    start, end = trim(doc, start, end)
    # A name has a capital letter; "the state" tagged ORG is a common noun phrase.
    if start >= end or not any(ch.isupper() for ch in doc[start:end].text):
        return []
    institution_end = _saint_institution(doc, start, end)
    if institution_end is not None:
        return [RawMention(start, institution_end, "ORG", name_key(doc[start:institution_end].text))]
    if label == "ORG":
        start, end = titled_office(doc, start), _finished(doc, end)
    mentions: list[RawMention] = []
    if label != "PERSON" and start > 0 and _introduces_person(doc[start - 1]):
        label = "PERSON"  # "Apple CEO Tim Cook" tagged ORG: only a person bears a title
    possessive = next((i for i in range(end - 2, start, -1) if is_possessive(doc[i])), None)
    if label != "PERSON" and possessive is not None and not any(_capitalised(t) for t in doc[possessive + 1 : end]):
        end = possessive  # "Obama's 2008": the possessor is the name, what follows is no part of it
    if label == "PERSON":
        possessive = next((i for i in range(end - 2, start, -1) if is_possessive(doc[i])), None)
        if possessive is not None:
            mentions.extend(repair(doc, start, possessive, "ORG"))
            start = possessive + 1
        start, end = _name_words_only(doc, _after_title(doc, start, end), end)
        if start >= end:
            return mentions
    proper_the = doc[start].text == "The" and not _line_start(doc, start)
    if doc[start].text == "The" and not proper_the and end - start > 1:
        start += 1
    key = name_key(doc[start:end].text)
    if sum(ch.isalpha() for ch in key) > 1:
        mentions.append(RawMention(start, end, label, key, proper_the))
    return mentions


def _finished(doc: Doc, end: int) -> int:
    """ "Office for the Western District of [New York]": NER may stop a long name on "of" or "for";
    the capitalised words right after it finish the name."""
    if doc[end - 1].lower_ not in _OPEN_ENDS:
        return end
    stop = end + 1 if end < len(doc) and doc[end].lower_ == "the" else end
    last = stop
    while last < len(doc) and _capitalised(doc[last]) and not doc[last].is_punct and "\n" not in doc[last].text:
        last += 1
    return last if last > stop else end


def _saint_institution(doc: Doc, start: int, end: int) -> int | None:
    """The end of "St. Anne's clinic": a saint's name, its possessive and an institution noun are one name.

    NER stops at the saint ("St. Anne"), but the possessive names the clinic, not the saint.
    """
    if _word(doc[start]) not in ("st", "saint") or end + 1 >= len(doc):
        return None
    if is_possessive(doc[end]) and doc[end + 1].lower_ in SAINT_INSTITUTIONS:
        return end + 2
    return None


def _line_start(doc: Doc, i: int) -> bool:
    """A sentence or a paragraph starts here (the parser often runs a dateline into the first sentence).

    A line break inside a hard-wrapped sentence ("reported by\nThe Associated Press") is no start:
    the line before must be blank or end in a mark or a number.
    """
    if doc[i].is_sent_start:
        return True
    if i == 0 or "\n" not in doc[i - 1].text:
        return False
    return doc[i - 1].text.count("\n") > 1 or i < 2 or not doc[i - 2].is_alpha


def _introduces_person(token: Token) -> bool:
    """A listed title word right before a name, as a noun ("president Enrique Peña Nieto")."""
    word = token.lower_.rstrip(".")
    return token.pos_ in ("NOUN", "PROPN") and word in LEXICON.heads and word not in PERSONLESS_TITLES


def _after_title(doc: Doc, start: int, end: int) -> int:
    """Where the name starts in a PERSON span that begins with titles ("Sen.", "Prime Minister").

    Only a prefix ending in a title word moves out, and only when a capitalised word that
    is no suffix follows it: "John Major" and "Martin Luther King Jr." stay whole.
    """
    cut = start
    for i in range(start, end - 1):
        if is_title_word(doc[i]) or _word(doc[i]) in LEXICON.honorifics:
            rest = doc[i + 1 : end]
            if any(_capitalised(t) and _word(t) not in LEXICON.suffixes and not is_title_word(t) for t in rest):
                cut = i + 1
    if cut == start and end - start == 1 and (is_title_word(doc[start]) or _word(doc[start]) in LEXICON.honorifics):
        return end
    if all(is_title_word(t) or _word(t) in LEXICON.honorifics for t in doc[start:end]):
        return end
    return cut


def _name_words_only(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A PERSON span without what NER glued to it: a verb or common noun before the name
    ("rang Taylor", "rookie Emil Bemstrom", a sentence's opening "Hosting Cook") and a number
    after it ("Megan Cook 4", a box score's "Aiden Haig 1 goal"). A lowercase particle that
    starts a surname ("von Weizsäcker") stays; a name has no digits, so a span that starts
    with one is no name.
    """
    while start < end - 1 and doc[start].text[:1].islower() and _word(doc[start]) not in _SURNAME_PARTICLES:
        start += 1
    if start < end - 1 and doc[start].lower_.endswith("ing") and _line_start(doc, start):
        # "Hosting Cook at Dreamforce …", "Following Smith's exit …": a sentence opened by a participle.
        start += 1
    number = next((i for i in range(start, end) if any(ch.isdigit() for ch in doc[i].text)), end)
    return start, number


def _word(token: Token) -> str:
    return token.lower_.rstrip(".")
