"""A label before a colon that names a speaker: "Kerry: …", "Carson: Clinton Not Fit to Serve", never page
furniture ("Photo:"), a credit, a score or a list item."""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.pipeline.quotes.cues import NAME_TAGS, SPEAKING_TYPES, VERB_TAGS

# "Name: what they said" — how long the name may be (what it may be made of is ``NAME_TAGS``).
_NAME_REACH = 6
# How far back a colon's line is read for a digest's topic before the label ("Pollsters agree - Carl Bialik:").
_LINE_REACH_TO_COLON = 40
# A digest line's topic ends at a spaced dash: "Pollsters agree - Carl Bialik:".
_DASHES = frozenset({"-", "—", "–", "―"})
_FROM_WORDS = frozenset({"more", "from"})
# Labels of page furniture, never a speaker: "Photo:", "VIDEO:", "Gallery:", "Editor's note:", "More AP NBA:".
FURNITURE = frozenset(
    {
        "photo", "photos", "photograph", "image", "images", "picture", "pictures", "gallery", "slideshow",
        "video", "videos", "watch", "listen", "audio", "podcast", "read", "related", "more", "see", "source",
        "sources", "credit", "credits", "caption", "graphic", "graphics", "map", "chart", "illustration",
        "file", "update", "updated", "correction", "note", "advertisement", "sponsored", "breaking",
        "exclusive", "live", "opinion", "analysis", "share", "subscribe", "newsletter", "follow", "download",
        "tags", "topics", "filed", "copyright", "contact", "email", "account", "review", "preview",
    }
)  # fmt: skip
# Words that make what follows a label a statement: a headline may have no verb ("Voters Worried About …").
_SAYING_TAGS = frozenset({"VERB", "AUX", "ADJ", "PRON"})
# Verb forms that make a clause a statement: "is", "won", "will".
_FINITE_TAGS = frozenset({"VBD", "VBP", "VBZ", "MD"})
# What opens a list item or an aside rather than a name: "- Playoff picture:", "(Graphic:".
_LIST_MARKS = frozenset({"-", "–", "—", "•", "*", "(", "["})


def name_before_colon(colon: Token) -> tuple[int, int] | None:
    """ "Kerry: …" or a headline's "Carson: Clinton Not Fit to Serve": the short name opening the paragraph."""
    if colon.text != ":":
        return None
    doc = colon.doc
    first = colon.i
    while first > 0 and "\n" not in doc[first - 1].text_with_ws and colon.i - first < _LINE_REACH_TO_COLON:
        first -= 1
    if first == colon.i or (first > 0 and "\n" not in doc[first - 1].text_with_ws):
        return None
    first = _past_topic(doc[first : colon.i])
    if colon.i - first > _NAME_REACH:
        return None
    words = doc[first : colon.i]
    if any(t.pos_ in VERB_TAGS for t in words) or not (any(t.pos_ == "PROPN" for t in words) or _named(words[-1])):
        return None
    if not all(t.pos_ in NAME_TAGS or t.text[:1].isupper() for t in words):
        return None
    if not _label_can_speak(words) or not _says_something(colon):
        return None
    return words[0].idx, words[-1].idx + len(words[-1])


def _past_topic(line: Span) -> int:
    """ "Pollsters agree - Carl Bialik: “…”", "What that means - More from Jones: “…”": a digest's line names
    its topic, then after a spaced dash whose words these are; the label starts after the dash (and "more from")."""
    dashes = [t.i for t in line if t.text in _DASHES and t.i > line.start and line.doc[t.i - 1].whitespace_]
    if not dashes:
        return line.start
    first = dashes[-1] + 1
    doc = line.doc
    while first < line.end - 1 and doc[first].lower_ in _FROM_WORDS:
        first += 1
    return first


def _label_can_speak(words: Span) -> bool:
    """ "Kerry:" yes; "By Aaron Humes:", "Photo:", "- Playoff picture:", "Wild 4, Sabres 1:" no.

    On real pages nearly every short label before a colon is furniture (a section,
    a credit, a score, a list item): the label speaks only when it names a person
    ("Elizabeth Warren Hammers Wells Fargo CEO:") or ends in the name of a group or
    place, as the entity recogniser tagged it there or as the article names one of its
    entities elsewhere ("Pence:" over a story on Mike Pence).
    """
    first, last = words[0], words[-1]
    if first.text in _LIST_MARKS or first.lower_ == "by":
        return False
    if any(t.like_num or t.text == "," or t.lower_ in FURNITURE for t in words):
        return False
    if last.ent_type_ in SPEAKING_TYPES or any(t.ent_type_ == "PERSON" for t in words):
        return True
    return _names_entity(last)


def _names_entity(word: Token) -> bool:
    """Whether the word is part of the name of a person, group or place the article names."""
    entities = getattr(word.doc._, "entities", None) or []
    return any(e.type in SPEAKING_TYPES and word.text in e.name.split() for e in entities)


def _named(word: Token) -> bool:
    """ "Sanders: Clinton Email Story Has Moved": in a title-cased headline the tagger may read a name as a
    common noun or an adjective; a capitalised word that is part of a speaking entity's name is a name."""
    return word.text[:1].isupper() and _names_entity(word)


def _says_something(colon: Token) -> bool:
    """What follows the label says something ("Voters Worried About …", "We will win"), not a list.

    A list item ("1 Green, 1 Red", "Jane Roe: Possession of heroin, held in lieu of bond")
    has no finite verb; a statement has one, or is a headline's verbless claim ("Clinton
    Not Fit to Serve"), which only a title-cased line makes.
    """
    doc = colon.doc
    words = []
    for token in doc[colon.i + 1 :]:
        if "\n" in token.text:
            break
        words.append(token)
    if not any(t.pos_ in _SAYING_TAGS for t in words):
        return False
    if any(t.tag_ in _FINITE_TAGS for t in words):
        return True
    return all(t.text[:1].isupper() for t in words if t.is_alpha and len(t) > 3)
