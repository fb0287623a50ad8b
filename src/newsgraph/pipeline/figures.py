"""Figures: quantities with value, hedge, unit, what they count and who claims them.

The component walks the tokens once. Where a number starts (digits, written words,
"a dozen", "tens of thousands") it reads the number with ``numbers.read_phrase``, then
looks around it: a currency sign before, a unit or "%" after ("units.json"), a second
number making a range ("3 to 5", "between 5% and 6%"), a hedge before ("more than",
"an estimated"), a verb of change governing it ("rose 5%"), and the noun it counts
(the noun it modifies, or what follows "of"). Numbers that are dates, times, ordinals,
phone numbers or parts of names are not figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsgraph.model import Figure, Quote
from newsgraph.pipeline import units
from newsgraph.pipeline.calendar import date_words
from newsgraph.pipeline.intervals import Intervals
from newsgraph.pipeline.numbers import Phrase, clean, read_phrase, read_token, words

# NER labels whose tokens are calendar or clock, not quantities.
DATE_LABELS = frozenset({"DATE", "TIME"})
# NER labels of names a number can be part of ("Boeing 737", "Apollo 11", "Channel 5").
NAME_LABELS = frozenset({"PRODUCT", "WORK_OF_ART", "EVENT", "FAC", "LAW", "ORG", "PERSON"})
DURATIONS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade", "century", "year of age"})
CLOCK_WORDS = frozenset({"am", "pm", "a.m.", "p.m."})
YEAR_PREPOSITIONS = frozenset(
    {"in", "since", "between", "from", "until", "by", "before", "after", "of", "below", "above"}
)
RANGE_WORDS = frozenset({"to", "-", "–", "—"})
PER_WORDS = frozenset({"per", "a", "an", "/"})
# Nouns that name a count given before ("put the number at 10,000", "the toll rose to 12").
COUNT_NOUNS = frozenset({"number", "numbers", "figure", "total", "count", "toll", "tally", "estimate"})
# Words after "N times" that make it a multiplier ("three times as many"), not a count of occurrences.
MULTIPLIED = frozenset({"as", "more", "less", "fewer", "the", "that", "what", "over", "its", "their"})
# Pronouns after "of" that stand for a noun said before ("about 40 of them").
ANAPHORS = frozenset({"them", "these", "those"})
NOT_NAMES = frozenset({"US", "U.S.", "USD", "HK", "RM", "EUR", "GBP", "JPY", "Rs", "Y"})


@dataclass
class Quantity:
    """A number found in the tokens, before it becomes a Figure."""

    start: int  # first token (hedge or currency included)
    end: int  # token after the last one (unit included)
    number: int  # first token of the number itself
    value: float | int | list[float | int] | None
    unit: str | None = None
    approx: str | None = None
    change: str = "="
    counted: str | None = None
    problem: str | None = None


class FigureFinder:
    """Finds every quantity in a Doc and writes them as Figures to ``doc._.figures``."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.figures = find_figures(doc)
        return doc


@Language.factory("newsgraph_figures", requires=["doc.ents", "token.dep"], assigns=["doc._.figures"])
def make_figures(nlp: Language, name: str) -> FigureFinder:
    return FigureFinder()


def find_figures(doc: Doc) -> list[Figure]:
    """Every figure of the Doc, in text order."""
    texts: list[str] = []
    spaces: list[bool] = []
    for token in doc:
        texts.append(token.text)
        spaces.append(bool(token.whitespace_))
    ent_label = [""] * len(doc)
    for ent in doc.ents:
        for index in range(ent.start, ent.end):
            ent_label[index] = ent.label_
    found: list[Quantity] = []
    index = 0
    while index < len(doc):
        if not _could_start(texts[index]):
            index += 1
            continue
        quantity = _quantity_at(doc, texts, spaces, ent_label, index)
        if quantity is None:
            index += 1
            continue
        found.append(quantity)
        index = quantity.end
    _inherit_counted(doc, found)
    _inherit_conversions(texts, found)
    return [_to_figure(doc, q) for q in found]


def _could_start(text: str) -> bool:
    """A cheap test on the token text, so that only a few tokens are looked at closely."""
    lower = text.lower()
    lexicon = words()
    return (
        any(ch.isdigit() for ch in lower)
        or lower in lexicon.units
        or lower in lexicon.vague
        or lower in ("a", "an", "dozen", "tens", "hundreds", "minus")
    )


def _quantity_at(
    doc: Doc, texts: Sequence[str], spaces: Sequence[bool], ent_label: Sequence[str], index: int
) -> Quantity | None:
    currency = units.currency_before(texts, spaces, index)
    phrase = read_phrase(texts, index, money=currency is not None)
    if phrase is None:
        return None
    end = index + phrase.length
    unit = currency[0] if currency else None
    prefix = phrase.prefix.lstrip("~")
    if prefix in ("US", "A"):
        if unit != "dollar":
            return None
        unit = "dollar" if prefix == "US" else "australian dollar"
    elif prefix:
        unit = units.currency_of_prefix(prefix)
        if unit is None:
            return None
    if phrase.suffix:
        glued = units.unit_of_text(phrase.suffix)
        if glued is None or unit is not None and glued != "percentage":
            return None
        unit = glued
    if unit is None or currency is not None:
        after = _unit_after(texts, spaces, end)
        if after is not None and (unit is None or after[0] == unit):
            unit, end = after[0], after[1]
    if not _is_figure(doc, texts, ent_label, index, end, phrase, unit):
        return None
    start = index - (currency[1] if currency else 0)
    value = phrase.value
    value, end, unit = _range(doc, texts, spaces, index, start, end, value, unit)
    if unit is None and isinstance(value, list) and _names_follow(doc, ent_label, index, end):
        return None
    if unit is not None:
        end, unit = _per(doc, texts, spaces, end, unit)
    quantity = Quantity(start, end, index, value, unit, problem=phrase.problem)
    if phrase.prefix.startswith("~"):
        quantity.approx, quantity.change = "~", "~"
    _hedge(doc, quantity)
    if quantity.change == "=":
        quantity.change = _change(doc, quantity)
    quantity.counted = _counted(doc, quantity)
    return quantity


def _unit_after(texts: Sequence[str], spaces: Sequence[bool], end: int) -> tuple[str, int] | None:
    """The unit after a number, possibly hyphenated to it ("50-year-old", "5-mpg")."""
    if end >= len(texts):
        return None
    found = units.unit_after(texts, spaces, end)
    if found is not None:
        return found[0], end + found[1]
    if texts[end] == "-" and end + 1 < len(texts):
        found = units.unit_after(texts, spaces, end + 1)
        if found is not None:
            return found[0], end + 1 + found[1]
    return None


def _is_figure(
    doc: Doc, texts: Sequence[str], ent_label: Sequence[str], index: int, end: int, phrase: Phrase, unit: str | None
) -> bool:
    """False for dates, times, years, ordinals, phone numbers, names and pronoun "one"."""
    token = doc[index]
    if ent_label[index] in DATE_LABELS and unit is None and _calendar_entity(doc, index):
        return False
    if (
        unit in DURATIONS - {"year of age"}
        and end < len(doc)
        and texts[index + 1 : index + 2] == ["-"]
        and doc[end].pos_ in ("NOUN", "SYM")
    ):
        return False
    calendar = date_words().months.keys() | CLOCK_WORDS
    if end < len(doc) and doc[end].lower_ in calendar and unit is None:
        return False
    if index > 0 and doc[index - 1].lower_ in calendar and unit is None:
        return False
    if ":" in token.text or _phone(texts, index):
        return False
    if unit is None and end < len(doc) and not doc[end - 1].whitespace_ and doc[end].is_alpha:
        return False
    if index > 0 and not doc[index - 1].whitespace_ and doc[index - 1].is_alpha:
        return False
    if unit is None and _year_like(token.text):
        before = doc[index - 1].lower_ if index > 0 else ""
        if before in YEAR_PREPOSITIONS or not (token.dep_ == "nummod" and token.head.tag_ == "NNS"):
            return False
    if unit is None and _in_name(doc, ent_label, index, end):
        return False
    lower = token.lower_
    if lower == "dozen" and token.dep_ != "nummod" and (end >= len(doc) or doc[end].lower_ != "of"):
        return False
    if lower in ("one", "half", "a", "an") and unit is None and phrase.length == 1 + (lower in ("a", "an")):
        following = doc[end].lower_ if end < len(doc) else ""
        if lower == "one" and (token.dep_ == "nummod" or following == "of") and _not_pronoun_one(doc, index):
            return True
        return following == "of" and lower != "one"
    return True


def _calendar_entity(doc: Doc, index: int) -> bool:
    """A DATE/TIME entity that names a point in time ("March 3", "Sunday night"), not an amount."""
    ent = _entity_span(doc, index)
    if ent is None:
        return False
    calendar = date_words()
    return (
        any(
            t.lower_ in calendar.months
            or t.lower_ in calendar.weekdays
            or t.lower_ in calendar.days
            or t.lower_ == "ago"
            for t in ent
        )
        or ent.label_ == "TIME"
    )


def _entity_span(doc: Doc, index: int) -> SpacySpan | None:
    """The named entity a token belongs to, found from its IOB tags (no scan of doc.ents)."""
    if not doc[index].ent_type_:
        return None
    start = index
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = index + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _not_pronoun_one(doc: Doc, index: int) -> bool:
    """ "one" after "no", "each", "this", "the same", "another" is a pronoun, not a count."""
    before = doc[index - 1].lower_ if index > 0 else ""
    return before not in ("no", "each", "this", "that", "same", "any", "every", "which", "the", "another")


def _phone(texts: Sequence[str], index: int) -> bool:
    """Digit groups joined by hyphens three or more times ("555-123-4567")."""
    digits = 0
    for position in range(max(0, index - 4), min(len(texts), index + 5)):
        text = texts[position]
        if text.isdigit():
            digits += 1
        elif text not in ("-", "(", ")", "."):
            if position > index:
                break
            digits = 0
    return digits >= 3 and "-" in texts[max(0, index - 4) : index + 5]


def _in_name(doc: Doc, ent_label: Sequence[str], index: int, end: int) -> bool:
    """A number that is part of a name: "Apollo 11", "Boeing 737", "S&P 500", "Lang, 20", "category 4"."""
    if index > 0:
        before = doc[index - 1]
        text = before.text
        last = doc[end - 1]
        counts = last.dep_ == "nummod" and last.head.tag_ == "NNS" and last.head.i >= end  # "last week 300 people"
        if before.lower_ in words().labels and doc[index].text[:1].isdigit() and not counts:
            return True
        if (
            any(ch.isupper() for ch in text)
            and any(ch.isalpha() for ch in text)
            and text not in NOT_NAMES
            and not before.is_stop
            and before.lower_ not in words().hedges
            and not (before.is_sent_start and before.pos_ not in ("PROPN",))
        ):
            return True
        if (
            text == ","
            and index > 1
            and (ent_label[index - 2] == "PERSON" or doc[index - 2].pos_ == "PROPN")
            and end < len(doc)
            and doc[end].text in (",", ")")
        ):
            return True
    if _names_follow(doc, ent_label, index, end):
        return True
    label = ent_label[index]
    if label in NAME_LABELS:
        ent = _entity_span(doc, index)
        if ent is not None and any(t.text[:1].isupper() and t.is_alpha for t in ent):
            return True
    return False


def _names_follow(doc: Doc, ent_label: Sequence[str], index: int, end: int) -> bool:
    """Digits before a name ("iPhone 11 Pro", "16-18 Industrial Avenue"); not "63,150 Model 3s"."""
    if end >= len(doc) or not doc[index].text[:1].isdigit() or "," in doc[index].text:
        return False
    after = doc[end]
    return after.pos_ == "PROPN" and after.text[:1].isupper() and ent_label[end] not in ("NORP", "GPE", "MONEY")


def _range(
    doc: Doc,
    texts: Sequence[str],
    spaces: Sequence[bool],
    index: int,
    start: int,
    end: int,
    value: float | int | list[float | int] | None,
    unit: str | None,
) -> tuple[float | int | list[float | int] | None, int, str | None]:
    """Widen "3 to 5", "3-5", "between 5% and 6%", "from 240 to 273" into [low, high]."""
    if not isinstance(value, int | float) or end + 1 >= len(doc):
        return value, end, unit
    joiner = texts[end].lower()
    before = doc[start - 1].lower_ if start > 0 else ""
    if not (joiner in RANGE_WORDS or joiner == "and" and before == "between" or joiner == "or" and unit is None):
        return value, end, unit
    if before == "by" and joiner == "to" and unit is not None:
        return value, end, unit
    second = end + 1
    currency = units.currency_before(texts, spaces, second)
    if currency is None and second + 1 < len(texts):
        probe = units.currency_before(texts, spaces, second + 1)
        if probe is not None and probe[1] == 1:
            currency, second = probe, second + 1
    if currency is not None and currency[0] != unit:
        return value, end, unit
    phrase = read_phrase(texts, second, money=currency is not None or unit is not None)
    if phrase is None or not isinstance(phrase.value, int | float) or phrase.suffix and phrase.prefix:
        return value, end, unit
    high_end = second + phrase.length
    high_unit = units.unit_of_text(phrase.suffix) if phrase.suffix else None
    after = _unit_after(texts, spaces, high_end)
    if after is not None and high_unit is None:
        high_unit, high_end = after
    if currency is not None:
        high_unit = currency[0]
    if high_unit is not None and unit is not None and high_unit != unit:
        return value, end, unit
    if high_unit is None and unit is not None and joiner == "to" and before != "from":
        return value, end, unit
    if unit is None and high_unit is None and _year_like(texts[index]) and _year_like(texts[second]):
        return value, end, unit
    low, high = value, phrase.value
    if joiner == "or" and not (isinstance(low, int) and isinstance(high, int) and 0 < high - low <= 10):
        return value, end, unit
    first = read_token(texts[second])
    if phrase.length > 1 and first is not None and first.value and high > low * 100 and end == index + 1:
        scaled = low * (high / first.value)
        if scaled < high or start == index:
            low = scaled
    low_value, high_value = clean(low), clean(high)
    if low_value is None or high_value is None:
        return value, end, unit
    return [low_value, high_value], high_end, unit or high_unit


def _year_like(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and 1000 <= int(text) <= 2199


def _per(doc: Doc, texts: Sequence[str], spaces: Sequence[bool], end: int, unit: str) -> tuple[int, str]:
    """ "$3,500 a month", "$58.24 per barrel", "63 cents per share": a unit per another."""
    if end + 2 < len(doc) and texts[end] in ("US", "U.S.") and texts[end + 1].lower() in PER_WORDS:
        end += 1
    if end + 1 >= len(doc) or texts[end].lower() not in PER_WORDS:
        return end, unit
    found = units.unit_after(texts, spaces, end + 1)
    after = end + 1 + found[1] if found is not None else end + 1
    if after < len(doc) and doc[after].lower_ in ("earlier", "ago", "later", "before", "after"):
        return end, unit
    if found is not None:
        return after, f"{unit} per {found[0]}"
    following = doc[end + 1]
    if texts[end].lower() == "per" and following.pos_ == "NOUN":
        return end + 2, f"{unit} per {following.lemma_.lower()}"
    return end, unit


def _hedge(doc: Doc, quantity: Quantity) -> None:
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


def _change(doc: Doc, quantity: Quantity) -> str:
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


def _counted(doc: Doc, quantity: Quantity) -> str | None:
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


def _inherit_counted(doc: Doc, found: list[Quantity]) -> None:
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


def _inherit_conversions(texts: Sequence[str], found: list[Quantity]) -> None:
    """ "more than 7.5 million crowns (US $1.1 million)": a conversion shares the hedge and change."""
    for previous, quantity in zip(found, found[1:], strict=False):
        between = texts[previous.end : quantity.start]
        if between not in (["("], ["/"]) or quantity.approx or quantity.change != "=":
            continue
        quantity.approx, quantity.change = previous.approx, previous.change


def _to_figure(doc: Doc, quantity: Quantity) -> Figure:
    span = doc[quantity.start : quantity.end]
    figure = Figure(
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        value=quantity.value,
        approx=quantity.approx,
        unit=quantity.unit,
        counted=quantity.counted,
        change=quantity.change,
        note=quantity.problem,
    )
    figure.claimed_by = _claimed_by(doc, figure.start, figure.end)
    return figure


_PIECES_KEY = "newsgraph.quote_pieces"


class _QuotePieces:
    """Every piece of every quote, so that each figure finds the quote holding it by bisection."""

    def __init__(self, quotes: list[Quote]) -> None:
        self.quotes = quotes
        self.pieces = Intervals(
            (start, end, rank)
            for rank, q in enumerate(quotes)
            for start, end in ([(p.start, p.end) for p in q.parts] or [(q.start, q.end)])
        )

    def holding(self, start: int, end: int) -> Quote | None:
        """The first quote (in the order found) one of whose pieces holds start..end."""
        ranks = self.pieces.containing(start, end)
        return self.quotes[min(ranks)] if ranks else None


def _claimed_by(doc: Doc, start: int, end: int) -> str | None:
    """The speaker of the quote whose text holds the figure, if any."""
    quotes = doc._.quotes or []
    pieces = doc.user_data.get(_PIECES_KEY)
    if not isinstance(pieces, _QuotePieces) or pieces.quotes is not quotes:
        pieces = doc.user_data[_PIECES_KEY] = _QuotePieces(quotes)
    quote = pieces.holding(start, end)
    return quote.speaker.name if quote is not None and quote.speaker else None
