"""What surrounds a figure: its hedge ("more than"), its change ("rose 5%") and what it counts."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from newsgraph.pipeline.figures.filters import DATE_LABELS, DURATIONS
from newsgraph.pipeline.figures.numbers import words
from newsgraph.pipeline.figures.quantity import Quantity

# Nouns that name a count given before ("put the number at 10,000", "the toll rose to 12").
COUNT_NOUNS = frozenset({"number", "numbers", "figure", "total", "count", "toll", "tally", "estimate"})
# Words after "N times" that make it a multiplier ("three times as many"), not a count of occurrences.
MULTIPLIED = frozenset({"as", "more", "less", "fewer", "the", "that", "what", "over", "its", "their"})
# Pronouns after "of" that stand for a noun said before ("about 40 of them").
ANAPHORS = frozenset({"them", "these", "those"})


def hedge(doc: Doc, quantity: Quantity) -> None:
    """A hedge right before the figure ("more than", "an estimated") sets approx and change."""
    hedges = words().hedges
    for length in (3, 2, 1):
        start = quantity.start - length
        if start < 0:
            continue
        span = doc[start : quantity.start]
        key = span.text.lower()
        if key not in hedges:
            continue
        if length == 1 and key in ("over", "under", "above", "below", "some", "just") and _is_prep_object(doc, start):
            return
        if key == "over" and quantity.unit in DURATIONS:  # "over 10 years": during, not more than
            return
        quantity.start = start
        quantity.approx = key[3:] if key.startswith("an ") and " " not in key[3:] else key
        quantity.change = hedges[key]
        return
    if quantity.start > 0 and doc[quantity.start - 1].text in ("~", "≈"):
        quantity.start -= 1
        quantity.approx, quantity.change = "~", "~"


def _is_prep_object(doc: Doc, index: int) -> bool:
    """ "over the weekend", "under Trump": the word governs a noun, not the number after it."""
    following = doc[index + 1] if index + 1 < len(doc) else None
    return following is not None and following.pos_ in ("DET", "PROPN")


def _head(doc: Doc, quantity: Quantity) -> Token:
    """The token of the figure whose head lies outside it: where it attaches to the sentence."""
    for index in range(quantity.number, quantity.end):
        token = doc[index]
        if not quantity.start <= token.head.i < quantity.end:
            return token
    return doc[quantity.end - 1]


def change(doc: Doc, quantity: Quantity) -> str:
    """up / down when a verb of change governs the figure ("rose 5%", "dropped by 3"), else '='."""
    lexicon = words()
    if quantity.start > 0:
        previous = doc[quantity.start - 1]
        before = previous.lower_
        moves = previous.dep_ != "prt" or previous.head.lemma_.lower() in lexicon.movement
        if before == "up" and moves:
            return "up"
        if before == "down" and moves:
            return "down"
        if before in ("to", "at", "from", "of"):
            # A level reached or left ("rose 5% to $84") is a value, not the change: NewsQuant marks it '='.
            return "="
    if doc[quantity.number].text.startswith("+"):
        return "up"
    head = _head(doc, quantity)
    governor = head.head
    if head.dep_ == "pobj":
        if governor.lower_ != "by":
            return "="
        governor = governor.head
    elif head.dep_ not in ("dobj", "npadvmod", "advmod", "attr", "quantmod", "obj", "ccomp", "appos"):
        return "="
    lemma = governor.lemma_.lower()
    if lemma in lexicon.averaging:  # "averaging 15.9 degrees"
        return "~"
    adverb = next((c.lower_ for c in governor.children if c.dep_ == "advmod" and c.i < head.i), "")
    if adverb in lexicon.up or adverb in lexicon.down:
        lemma = adverb
    if lemma in lexicon.up or governor.lower_ in lexicon.up:
        return "up"
    if lemma in lexicon.down or governor.lower_ in lexicon.down:
        return "down"
    return "="


def _noun_phrase(doc: Doc, first: int, noun: Token) -> str | None:
    """The words from ``first`` to the noun, when they are all modifiers of it."""
    if noun.i < first or noun.i - first > 5 or noun.ent_type_ in DATE_LABELS and noun.lemma_ not in DURATIONS:
        return None
    if doc[first].lower_ in ("last", "this", "next", "past"):
        return None
    while first < noun.i and doc[first].text in ("-", "–"):
        first += 1
    tokens = doc[first : noun.i + 1]
    if any(t.pos_ not in ("ADJ", "NOUN", "PROPN", "NUM", "PUNCT") or t.text in (",", ";") for t in tokens):
        return noun.text if noun.pos_ in ("NOUN", "PROPN") else None
    return tokens.text


def counted(doc: Doc, quantity: Quantity) -> str | None:
    """The noun the figure counts: the noun it modifies, or the one after "of"."""
    end = quantity.end
    if end < len(doc) and doc[end].lower_ == "of":
        return _of_object(doc, end)
    if quantity.unit == "times" and doc[end - 1].lower_ == "times" and not _multiplier(doc, end):
        return doc[end - 1].text  # "crossed 30 times last year": occurrences, unlike "three times higher"
    if quantity.unit is not None:
        return None
    last = doc[end - 1]
    noun = last.head
    if last.dep_ in ("nummod", "compound", "quantmod", "amod") and noun.pos_ in ("NOUN", "PROPN") and noun.i >= end:
        while noun.dep_ == "compound" and noun.head.i == noun.i + 1 and noun.head.pos_ == "NOUN":
            noun = noun.head  # "11 member trade agreement": the head of the compound is what is counted
        return _noun_phrase(doc, end, noun)
    if end < len(doc) and doc[end].pos_ == "NOUN" and doc[end].tag_ in ("NNS", "NN") and doc[end].head.i != end - 1:
        return doc[end].text if doc[end].tag_ == "NNS" else None
    return None


def _multiplier(doc: Doc, end: int) -> bool:
    """ "times" that multiplies what follows: "three times higher", "6.5 times earnings", "twice the size"."""
    if end >= len(doc):
        return False
    following = doc[end]
    return following.lower_ in MULTIPLIED or following.tag_ in ("JJR", "RBR") or following.pos_ in ("NOUN", "PROPN")


def _of_object(doc: Doc, of: int) -> str | None:
    """ "dozens of people", "one of the best speakers", "60 per cent of its revenue"."""
    objects = [t for t in doc[of].children if t.dep_ == "pobj"]
    if objects and objects[0].lower_ in ANAPHORS:
        return _antecedent(doc, of)
    if not objects and of + 1 < len(doc) and doc[of + 1].tag_ == "VBG" and doc[of + 1].dep_ == "pcomp":
        return doc[of + 1].text  # "$1.2 billion of borrowing": a gerund named as a thing
    if not objects or objects[0].pos_ not in ("NOUN", "PROPN"):
        return None
    noun = objects[0]
    first = of + 1
    while first < noun.i and doc[first].pos_ in ("DET", "PRON") or first < noun.i and doc[first].dep_ == "poss":
        first += 1
    while first < noun.i and doc[first].dep_ == "case":
        first += 1
    return _noun_phrase(doc, first, noun)


def _antecedent(doc: Doc, of: int) -> str | None:
    """ "offer the workers redundancy, and about 40 of them": the last plural noun before, in the sentence."""
    sentence = doc[of].sent
    for index in range(of - 1, sentence.start - 1, -1):
        token = doc[index]
        if token.tag_ == "NNS" and token.pos_ == "NOUN" and not token.like_num:
            return token.text
    return None


def inherit_counted(doc: Doc, found: list[Quantity]) -> None:
    """ "400 targets in Gaza, including 50 in southern Gaza": the 50 counts targets too.

    Within the sentence, or from the one before when this one names the count ("the number").
    """
    for position, quantity in enumerate(found):
        if quantity.counted or quantity.unit or position == 0:
            continue
        head = _head(doc, quantity)
        if head.dep_ == "nummod":
            continue
        sentence = doc[quantity.number].sent
        reach = sentence.start
        if sentence.start > 0 and any(t.lower_ in COUNT_NOUNS for t in doc[sentence.start : quantity.start]):
            reach = doc[
                sentence.start - 1
            ].sent.start  # "Police said 6,000 people came. Organisers put the number at 10,000."
        for earlier in reversed(found[:position]):
            if earlier.start < reach:
                break
            if earlier.counted and not earlier.unit:
                quantity.counted = earlier.counted
                break


def inherit_conversions(texts: Sequence[str], found: list[Quantity]) -> None:
    """ "more than 7.5 million crowns (US $1.1 million)": a conversion shares the hedge and change."""
    for previous, quantity in zip(found, found[1:], strict=False):
        between = texts[previous.end : quantity.start]
        if between not in (["("], ["/"]) or quantity.approx or quantity.change != "=":
            continue
        quantity.approx, quantity.change = previous.approx, previous.change
