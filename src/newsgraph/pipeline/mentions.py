"""Second looks at the NER groups: organisations named like people, short forms, and mentions NER missed.

The small model tags "Keller Shipping" as a person and "Northline" as a place, and it
finds "Radio Veldport" once in a paragraph where a reader sees it twice. Once the
article has named a thing, the same words elsewhere name it again: these passes read
the names already found, never guess new ones, and cost one walk over the tokens.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.pipeline.actors import ACTOR_HEADS
from newsgraph.pipeline.extensions import token_texts
from newsgraph.pipeline.lexicons import load_data
from newsgraph.pipeline.name_groups import LISTED_PLACES, PERSONAL_HONORIFICS, Group
from newsgraph.pipeline.name_keys import name_key
from newsgraph.pipeline.name_repairs import RawMention
from newsgraph.pipeline.titles import described_as_person

_LEXICON = load_data("entities_en.json")
ORG_ENDINGS = frozenset(_LEXICON["org_name_endings"]) | ACTOR_HEADS
# Labels NER gives organisations by mistake. A FAC ("St. Mary's Hospital") stays a place, a GPE
# ("Soviet Union") a country, and a title ("State of the Union") a work or an event.
RETYPED_LABELS = frozenset({"PERSON", "LOC", "NORP", "PRODUCT"})
# Labels of the names searched for again; dates and numbers have their own components.
SEARCHED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
NON_NAME_LABELS = frozenset({"CARDINAL", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"})
PLACE_PREPOSITIONS = frozenset(_LEXICON["place_prepositions"])
PLACE_NOUNS = frozenset(_LEXICON["place_nouns"])
_ARTICLES = frozenset({"the", "a", "an"})


def org_name(words: tuple[str, ...]) -> bool:
    """A name of two words or more ending in a company or institution word ("Keller Shipping")."""
    return len(words) > 1 and words[-1].rstrip(".") in ORG_ENDINGS


def retype_organisations(doc: Doc, groups: list[Group]) -> None:
    """Groups whose full name ends like an organisation's become organisations."""
    for group in groups:
        if group.label in RETYPED_LABELS and org_name(group.words) and _capitalised(doc, group):
            group.label = "ORG"


def relabel_people(doc: Doc, mentions: list[RawMention]) -> None:
    """A name NER took for an organisation that the text describes as someone's is a person's.

    "Montell Figgins, who represents Thomas,", "Eswar Prasad, a trade professor at Cornell,":
    left an organisation, the name draws no "he" and stays apart from the later "Figgins".
    """
    for mention in mentions:
        name = doc[mention.start : mention.end]
        words = tuple(t.text for t in name)
        if (
            mention.label == "ORG"
            and len(words) > 1
            and not org_name(words)
            and described_as_person(name.root, mention.end)
        ):
            mention.label = "PERSON"


def retype_things(doc: Doc, groups: list[Group]) -> None:
    """A one-word "person" only ever used as a thing ("the Moon", "the lunar Gateway", "a Moon landing") is a place,
    and one that names a platform ("Twitter") its company.

    Nobody is "the Smith"; left a person, such a name draws every later "he" of the article.
    """
    platforms = frozenset(_LEXICON["platforms"])
    for group in groups:
        if group.label != "PERSON" or len(group.words) != 1 or group.borne:
            continue  # a surname people of the article bear is theirs ("Clinton supporters")
        if group.words[0].lower() in platforms:
            group.label = "ORG"  # "Twitter": the company, when it is anyone
        elif all(_as_thing(doc, m) for m in group.mentions):
            group.label = "LOC"


def _as_thing(doc: Doc, mention: RawMention) -> bool:
    if mention.end - mention.start != 1:
        return False
    token = doc[mention.start]
    if any(c.dep_ == "det" and c.lower_ in _ARTICLES for c in token.children):
        return True
    return token.dep_ == "compound" and token.head.pos_ == "NOUN"


def _capitalised(doc: Doc, group: Group) -> bool:
    return any(doc[m.end - 1].text[:1].isupper() for m in group.mentions)


def merge_short_forms(groups: list[Group]) -> list[Group]:
    """ "Northline" with "Northline Rail": a lone word that is the distinctive part of one organisation's name.

    Only when the rest of the name is a company word and the lone word appears in no other
    name ("Veldport" of "Port of Veldport" and "Radio Veldport" stays the city). Also
    "State" with "State Department".
    """
    usage: dict[str, int] = {}
    for group in groups:
        for word in set(group.words):
            usage[word] = usage.get(word, 0) + 1
    owners: dict[str, Group] = {}
    for group in groups:
        words = group.words
        if group.label == "ORG" and len(words) == 2 and words[1].rstrip(".") in ORG_ENDINGS:
            owners[words[0]] = group
    merged: set[int] = set()
    for group in groups:
        if len(group.words) != 1 or group.label in ("PERSON", "NORP"):
            continue  # "Republican" is an adjective, not a short form of "Republican Party"
        owner = owners.get(group.words[0])
        if owner is not None and usage.get(group.words[0]) == 2:
            owner.mentions.extend(group.mentions)
            merged.add(id(group))
    return [g for g in groups if id(g) not in merged]


def add_missed_mentions(doc: Doc, groups: list[Group], common_words: frozenset[str] | None = None) -> None:
    """Every other place the text spells a known name exactly, as a whole name, becomes a mention.

    A form is searched only when one group alone uses it; an occurrence counts only when
    no name runs on into it from either side ("Veldport" in "Radio Veldport" is not the
    city) and NER did not read it as a date or a number. A person's surname is searched
    too, as the small model misses names newer than its training ("Starmer met Macron"
    after "Keir Starmer"), but one that is also an English word only where it cannot be
    the word: a proper noun inside a sentence ("Price" opening one is more likely prices).
    """
    forms: dict[str, list[tuple[tuple[str, ...], Group]]] = {}
    seen: dict[tuple[str, ...], Group | None] = {}
    for group in groups:
        if group.label not in SEARCHED_LABELS:
            continue
        for mention in group.mentions:
            form = tuple(t.text for t in doc[mention.start : mention.end])
            if form[0][:1].isupper() and sum(ch.isalpha() for ch in "".join(form)) > 1:
                seen[form] = group if seen.get(form, group) is group else None
    surnames = {form: owner for form, owner in _surnames(doc, groups).items() if form not in seen}
    seen.update(surnames)
    words = {form[0] for form in surnames if common_words is None or form[0].lower() in common_words}
    for form, owner in seen.items():
        if owner is not None:
            forms.setdefault(form[0], []).append((form, owner))
    if not forms:
        return
    for candidates in forms.values():
        candidates.sort(key=lambda c: -len(c[0]))
    taken = {i for g in groups for m in g.mentions for i in range(m.start, m.end)}
    texts = token_texts(doc)
    i = 0
    while i < len(doc):
        found = None if i in taken or _reads_as_word(doc[i], words) else _match(doc, i, forms.get(texts[i], []), taken)
        if found is None:
            i += 1
            continue
        form, group = found
        group.mentions.append(RawMention(i, i + len(form), group.label, name_key(" ".join(form))))
        taken.update(range(i, i + len(form)))
        i += len(form)


def _surnames(doc: Doc, groups: list[Group]) -> dict[tuple[str, ...], Group | None]:
    """The last word of each person's full name, with its bearer, or None where two people bear it.

    A country or capital ("Jordan", "Washington") is left to be the place, and a word after
    "Mr." or "Mrs." to the honorific's reading (the grouping of names weighs the sex).
    """
    found: dict[tuple[str, ...], Group | None] = {}
    for group in groups:
        if group.label != "PERSON" or not 2 <= len(group.words) <= 3:
            continue  # "Alliance to Reclaim Our Schools" tagged PERSON has no surname "Schools"
        for mention in group.mentions:
            last, before = doc[mention.end - 1], doc[mention.end - 2]
            if mention.end - mention.start < 2 or not before.whitespace_ or not before.text[:1].isupper():
                continue  # "Soon-Shiong" has no surname "Shiong", nor "® Honey" one "Honey"
            if not (last.is_alpha and last.text[:1].isupper() and len(last) > 1):
                continue
            if last.lower_ not in LISTED_PLACES:
                found[(last.text,)] = group if found.get((last.text,), group) is group else None
    return found


def _reads_as_word(token: Token, words: set[str]) -> bool:
    """A surname that is also an English word, where it may be the word: opening a sentence, not a proper
    noun, or after an honorific that may be another bearer's ("Mrs. Price")."""
    if token.text not in words:
        return False
    previous = token.doc[token.i - 1] if token.i > 0 else None
    after_honorific = previous is not None and previous.lower_ in PERSONAL_HONORIFICS
    return token.is_sent_start or token.pos_ != "PROPN" or after_honorific


def _match(
    doc: Doc, start: int, candidates: list[tuple[tuple[str, ...], Group]], taken: set[int]
) -> tuple[tuple[str, ...], Group] | None:
    for form, group in candidates:
        end = start + len(form)
        if end > len(doc) or tuple(t.text for t in doc[start:end]) != form:
            continue
        if any(i in taken or doc[i].ent_type_ in NON_NAME_LABELS for i in range(start, end)):
            continue
        if _runs_on(doc, start - 1) or _runs_on(doc, end):
            continue
        return form, group
    return None


def _runs_on(doc: Doc, i: int) -> bool:
    """A capitalised proper noun beside the match: the match is part of a longer name."""
    if i < 0 or i >= len(doc):
        return False
    token = doc[i]
    return token.pos_ == "PROPN" and token.text[:1].isupper()


def reads_as_place(doc: Doc, mentions: list[RawMention]) -> bool:
    """A lone name used as a place ("a job in Dunmore", "the port of Dunmore") and never as anyone acting.

    For the one-word "people" with no title NER finds in datelines and place phrases; a
    person named once by surname alone is nearly always the subject of something.
    """
    placed = False
    for mention in mentions:
        token = doc[mention.end - 1]
        if token.dep_ in ("nsubj", "nsubjpass"):
            return False
        head = token.head
        if token.dep_ == "pobj":
            placed = (
                placed or head.lower_ in PLACE_PREPOSITIONS or (head.lower_ == "of" and head.head.lower_ in PLACE_NOUNS)
            )
    return placed
