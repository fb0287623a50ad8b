"""Titles, roles and descriptions from the words around a name, read off the dependency parse.

Two places in news carry them: the pre-modifiers of the name ("National Security Council
spokesman John Kirby", "NBC's Kristen Welker", "militant group Hamas") and an appositive
beside it ("Hugh Hill, a doctor in Gaza,"; "The spokesman, John Kirby,"). A phrase is a
title when its head is a role word of the lexicon (or a noun shaped like one, "pollster");
otherwise, when its head is a common noun, it is a description ("militant group"), which
later lets "the militant group" be resolved to the entity it describes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsgraph.pipeline.actors import ACTOR_HEADS
from newsgraph.pipeline.lexicons import load_data
from newsgraph.pipeline.syntax import is_possessive

# Left context read before a name; a title longer than this is a sentence, not a title.
MAX_PREMODIFIER_TOKENS = 8
# "a spokesman for the Pentagon", "chief executive of Acme", "a researcher at Oxford".
AFFILIATION_PREPOSITIONS = frozenset({"of", "for", "at", "with", "from"})
# Roles of a noun right before a name that the parser failed to attach to it.
NUMERIC_LABELS = frozenset({"CARDINAL", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"})
PLACE_LABELS = frozenset({"GPE", "LOC"})
APPOSITIVE_CLOSERS = frozenset({",", ".", ";", ")", "?", "!", "—", "–"})
LOOSE_DEPS = frozenset({"conj", "appos", "compound", "nmod", "dep", "npadvmod"})
EMPLOYMENT_VERBS = frozenset(load_data("entities_en.json")["employment_verbs"])


@dataclass(frozen=True)
class TitleLexicon:
    heads: frozenset[str]
    honorifics: frozenset[str]
    suffixes: frozenset[str]
    agent_endings: tuple[str, ...]
    abbreviations: dict[str, str]


def _load() -> TitleLexicon:
    data = load_data("titles_en.json")
    return TitleLexicon(
        heads=frozenset(data["heads"]),
        honorifics=frozenset(data["honorifics"]),
        suffixes=frozenset(data["suffixes"]),
        agent_endings=tuple(data["agent_endings"]),
        abbreviations=dict(data["abbreviations"]),
    )


LEXICON = _load()


def is_title_word(token: Token) -> bool:
    """A role word that can end a title: listed, or a common noun with an agent ending."""
    word = token.lower_.rstrip(".")
    if word in LEXICON.heads or token.lemma_.lower() in LEXICON.heads:
        return True
    return token.pos_ == "NOUN" and len(word) > 5 and word.endswith(LEXICON.agent_endings)


def titled_office(doc: Doc, start: int) -> int:
    """Where "the U.S. Attorney's Office" or "the Sheriff's Office" starts when NER kept only "Office".

    An office named after the title that heads it holds the title, its possessive and what
    qualifies the title ("U.S."); cut there, the speaker would be a bare "Office".
    """
    if start < 2 or not is_possessive(doc[start - 1]) or not doc[start].text[:1].isupper():
        return start
    holder = doc[start - 2]
    if not holder.text[:1].isupper() or holder.ent_type_ == "PERSON" or not is_title_word(holder):
        return start
    first = start - 2
    while first > 0 and doc[first - 1].text[:1].isupper() and doc[first - 1].dep_ in {"compound", "amod"}:
        first -= 1
    return first


@dataclass
class Modifiers:
    """What the words around one mention say about its entity, as token spans of the Doc."""

    titles: list[Span] = field(default_factory=list)
    descriptions: list[Span] = field(default_factory=list)
    # Where an organisation or possessor that the entity belongs to may be named.
    affiliation_zones: list[Span] = field(default_factory=list)


def read_modifiers(doc: Doc, start: int, end: int, label: str) -> Modifiers:
    """Titles (people only), descriptions and affiliation zones of the mention doc[start:end]."""
    found = Modifiers()
    person = label == "PERSON"
    root = doc[start:end].root
    _premodifiers(doc, start, root, person, found)
    if label in PLACE_LABELS:
        return found
    for child in root.children:
        if child.dep_ == "appos" and child.i > end and _set_off(doc, end, child.right_edge.i + 1):
            _appositive(doc, child, person, found)
    head = root.head
    lead = start
    while lead > 0 and doc[lead - 1].lower_.rstrip(".") in LEXICON.honorifics:
        lead -= 1  # "the clinic's director, Dr. Amir Haddad"
    if root.dep_ == "appos" and head.i < lead and doc[lead - 1].text == "," and head.pos_ == "NOUN":
        _appositive(doc, head, person, found)
    return found


def _set_off(doc: Doc, before: int, after: int) -> bool:
    """An appositive stands between a comma and a comma or the end of its sentence.

    The parser's other "appos" are mostly misreadings ("in Tulsa, an unarmed man was shot").
    """
    closed = after >= len(doc) or doc[after].text in APPOSITIVE_CLOSERS or bool(doc[after].is_sent_start)
    return doc[before].text == "," and closed and doc[before + 1].pos_ in ("DET", "NOUN", "ADJ", "PROPN")


def _premodifiers(doc: Doc, start: int, root: Token, person: bool, found: Modifiers) -> None:
    """The phrase between the start of the name's noun phrase and the name itself."""
    left = max(root.left_edge.i, start - MAX_PREMODIFIER_TOKENS, doc[start].sent.start)
    if left >= start:
        left = _loose_premodifier(doc, start, root)
    if left >= start:
        return
    left = _after_break(doc, left, start)
    possessor_end = _possessor_end(doc, left, start)
    if possessor_end is not None:
        found.affiliation_zones.append(_possessor_zone(doc, left, possessor_end))
        left = possessor_end
    while left < start and (doc[left].dep_ in ("det", "predet") or doc[left].is_punct):
        left += 1
    if left >= start:
        return
    before = len(found.descriptions)
    _classify(doc, left, start, doc[start - 1], person, found)
    # A lone classifier noun ("state Senate") describes nothing; a kind ("group Hamas") does.
    if len(found.descriptions) > before and start - left == 1 and doc[left].lower_ not in ACTOR_HEADS:
        found.descriptions.pop()


def _loose_premodifier(doc: Doc, start: int, root: Token) -> int:
    """Where a description the parser cut off from the name starts ("and militant group Hamas").

    The small model often attaches such a noun to the coordination instead of the name, or
    makes the name its appositive; a singular common noun right before the name, in a
    coordinating or modifying role or as the name's head, is taken with its own modifiers.
    """
    if start == 0:
        return start
    noun = doc[start - 1]
    attached = noun.dep_ in LOOSE_DEPS or root.head.i == noun.i
    if noun.tag_ != "NN" or not attached or noun.ent_type_ or noun.is_sent_start:
        return start
    return max(noun.left_edge.i, start - MAX_PREMODIFIER_TOKENS)


def _appositive(doc: Doc, head: Token, person: bool, found: Modifiers) -> None:
    """An appositive noun phrase: its head with the modifiers before it, without article or possessor."""
    left = _after_break(doc, max(head.left_edge.i, head.i - MAX_PREMODIFIER_TOKENS), head.i)
    possessor_end = _possessor_end(doc, left, head.i)
    if possessor_end is not None:
        left = possessor_end
    while left < head.i and (doc[left].dep_ in ("det", "predet") or doc[left].is_punct):
        left += 1
    titles = len(found.titles)
    _classify(doc, left, head.i + 1, head, person, found)
    if len(found.titles) > titles:
        found.affiliation_zones.append(doc[head.left_edge.i : head.i + 1])
        for prep in _affiliation_preps(head):
            found.affiliation_zones.append(doc[prep.i : prep.right_edge.i + 1])


def _affiliation_preps(head: Token) -> list[Token]:
    """ "chief executive of Acme", and "a nurse who has worked at the clinic": where the role is held."""
    preps = [t for t in head.rights if t.dep_ == "prep"]
    for clause in head.rights:
        if clause.dep_ == "relcl" and clause.lemma_.lower() in EMPLOYMENT_VERBS:
            preps.extend(t for t in clause.rights if t.dep_ == "prep")
    return [p for p in preps if p.lower_ in AFFILIATION_PREPOSITIONS]


def _classify(doc: Doc, left: int, end: int, last: Token, person: bool, found: Modifiers) -> None:
    """A title when the phrase ends in a role word (people only), else a description if it ends in a noun."""
    phrase = doc[left:end]
    if not _plausible(phrase):
        return
    if person and _ends_in_title(phrase):
        found.titles.append(phrase)
        found.affiliation_zones.append(phrase)
    elif last.pos_ == "NOUN" and last.tag_ == "NN" and not last.ent_type_ and doc[last.i - 1].text != "-":
        found.descriptions.append(phrase)


def _plausible(phrase: Span) -> bool:
    """A short phrase of words, starting and ending in a word, with no number or date in it."""
    return (
        0 < len(phrase) <= MAX_PREMODIFIER_TOKENS
        and any(c.isalpha() for c in phrase[0].text)
        and phrase[-1].text.rstrip(".").isalpha()
        and not any(t.like_num or t.ent_type_ in NUMERIC_LABELS for t in phrase)
    )


def _ends_in_title(phrase: Span) -> bool:
    """Whether the phrase's last role word governs the rest of it ("Secretary of State", "fire chief")."""
    end = phrase.end
    for token in reversed(phrase):
        if is_title_word(token) and token.pos_ != "VERB" and token.tag_ not in ("NNS", "NNPS"):
            return token.i == end - 1 or token.right_edge.i >= end - 1
    return False


def _after_break(doc: Doc, left: int, end: int) -> int:
    """Start after the last comma, colon, quote mark or line break before end."""
    for i in range(end - 1, left - 1, -1):
        token = doc[i]
        if token.is_space or token.is_quote or token.text in (",", ";", ":", "(", ")", "|", "—", "–"):
            return i + 1
    return left


def _possessor_end(doc: Doc, left: int, end: int) -> int | None:
    """The index just after the last possessive marker in doc[left:end] ("NBC's" -> after "'s")."""
    for i in range(end - 1, left - 1, -1):
        token = doc[i]
        if token.tag_ == "POS" or (token.dep_ == "case" and token.lower_ in ("'s", "’s", "'", "’")):
            return i + 1
        if token.tag_ in ("PRP$", "WP$"):
            return i + 1
    return None


def _possessor_zone(doc: Doc, left: int, possessor_end: int) -> Span:
    """Where the possessor is named: before the marker, or for "whose" the noun the clause follows.

    "the Harbour Workers' Union, whose leader Daniel Brandt" -> the union.
    """
    if doc[possessor_end - 1].tag_ != "WP$":
        return doc[left:possessor_end]
    before = possessor_end - 2
    while before >= 0 and doc[before].is_punct:
        before -= 1
    return doc[before : before + 1] if before >= 0 else doc[left:left]


def described_as_person(head: Token, after: int = 0) -> bool:
    """A name the text sets beside a role or a "who" ("Eswar Prasad, a trade professor at Cornell",
    "Montell Figgins, who represents Thomas"): a person's, whatever NER made of it."""
    for child in head.rights:
        if child.i < after:
            continue
        if child.dep_ == "appos" and child.pos_ == "NOUN" and child.lemma_.lower() in LEXICON.heads:
            return True
        if child.dep_ == "relcl" and any(c.lower_ in {"who", "whom", "whose"} for c in child.children):
            return True
    return False
