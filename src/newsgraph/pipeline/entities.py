"""Entities: one Entity per referent of an article, with its canonical name, titles and every mention.

spaCy's named entities are repaired (name_repairs.py), grouped across name variants and
label disagreements (name_groups.py), given titles, affiliations and descriptions from
the words around them (titles.py), joined by the noun phrases that act like
organisations, and finally by the definite descriptions that refer back to them
(actors.py). The helpers at the bottom are how later components (quotes, speakers,
events) read and extend the entities.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsgraph.model import Entity, Span
from newsgraph.pipeline.actors import (
    ACTOR_HEADS,
    DEFINITE,
    ActorPhrase,
    content_words,
    description_phrases,
    find_actors,
    matches,
)
from newsgraph.pipeline.affiliation import Affiliations
from newsgraph.pipeline.extensions import doc_text
from newsgraph.pipeline.headlines import settle_headline_mentions, title_case_lines
from newsgraph.pipeline.lexicons import wordnet_words
from newsgraph.pipeline.mention_index import existing_index, mention_index
from newsgraph.pipeline.mentions import (
    add_missed_mentions,
    merge_short_forms,
    org_name,
    reads_as_place,
    relabel_people,
    retype_organisations,
    retype_things,
)
from newsgraph.pipeline.name_groups import Group, group_mentions, reads_as_person_name
from newsgraph.pipeline.name_keys import fold, name_key, name_words
from newsgraph.pipeline.name_repairs import PERSONLESS_TITLES, RawMention, repair
from newsgraph.pipeline.titles import LEXICON, read_modifiers, titled_office

# spaCy labels that name things a reader would look up; numbers and dates have their own components.
NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"})
# Definite descriptions refer back only to these ("the group", "the spokesman", "the country").
DESCRIBED_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
NOUN_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})


class EntityGrouper:
    """Builds the article's entities from NER mentions, their context and acting noun phrases."""

    def __init__(self, lemmatizer: Lemmatizer | None = None) -> None:
        # The lemmatizer's WordNet index is read from disk after the pipeline is built: looked up on first use.
        self._lemmatizer = lemmatizer
        self._common_words: frozenset[str] | None = None

    def common_words(self) -> frozenset[str] | None:
        """The English nouns and adjectives of the lemmatizer's WordNet index, None without one."""
        if self._common_words is None and self._lemmatizer is not None:
            self._common_words = wordnet_words(self._lemmatizer, "noun", "adj")
        return self._common_words or None

    def __call__(self, doc: Doc) -> Doc:
        mentions = [
            m for ent in doc.ents if ent.label_ in NAMED_LABELS for m in repair(doc, ent.start, ent.end, ent.label_)
        ]
        mentions = settle_headline_mentions(doc, mentions, *title_case_lines(doc))
        relabel_people(doc, mentions)
        groups = group_mentions(doc, mentions, self.common_words())
        retype_organisations(doc, groups)
        retype_things(doc, groups)
        groups = merge_short_forms(groups)
        add_missed_mentions(doc, groups, self.common_words())
        entities = [_entity(doc, group) for group in groups]
        parsed = doc.has_annotation("DEP")
        if parsed:
            owner = {
                i: e for e, g in zip(entities, groups, strict=True) for m in g.mentions for i in range(m.start, m.end)
            }
            affiliations = Affiliations(doc, owner)
            common = self.common_words()
            for entity, group in zip(entities, groups, strict=True):
                _read_context(doc, entity, group, affiliations, reads_as_person_name(doc, group, common))
            entities = _add_actors(doc, entities, owner)
        entities.sort(key=lambda e: e.mentions[0].start)
        for number, entity in enumerate(entities, 1):
            entity.id = f"e{number}"
        doc._.entities = entities
        if parsed:
            _add_description_mentions(doc)
        return doc


@Language.factory("newsgraph_entities", requires=["doc.ents"], assigns=["doc._.entities"])
def make_entities(nlp: Language, name: str) -> EntityGrouper:
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    return EntityGrouper(lemmatizer if isinstance(lemmatizer, Lemmatizer) else None)


def _entity(doc: Doc, group: Group) -> Entity:
    """An entity named by the fullest form among its mentions, the other forms kept as aliases."""
    unique = {(m.start, m.end): _char_span(doc, m.start, m.end) for m in group.mentions}
    spans = sorted(unique.values(), key=lambda s: s.start)
    forms: dict[str, tuple[str, int]] = {}
    for span in spans:
        form = " ".join(span.text.split())
        known = forms.get(fold(form))
        forms[fold(form)] = (known[0] if known else form, (known[1] if known else 0) + 1)
    if group.label == "PERSON":
        spelt = {key: form for key, form in forms.items() if name_key(key) not in group.misspelt}
        name = _person_name([form for form, _ in spelt.values()], spelt)
    else:
        # "The United Nations" is no fuller than "United Nations": the article's usual form wins.
        name = max(forms.values(), key=lambda f: (len(name_key(f[0]).split()), f[1], len(f[0])))[0]
    aliases = [form for form, _ in forms.values() if form != name]
    return Entity(id="", name=name, type=group.label, mentions=spans, aliases=aliases)


def _char_span(doc: Doc, start: int, end: int) -> Span:
    """The model's Span of the tokens doc[start:end], by character offsets into the text."""
    first, last = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    return Span(first, last, doc[start:end].text)


def _person_name(forms: list[str], counts: dict[str, tuple[str, int]]) -> str:
    """A person's fullest name, read the way news introduces people: the full name comes first.

    A later form is fuller only when it keeps the first word and adds to the rest
    ("Hillary Rodham Clinton", "Joseph R. Biden Jr."); one that adds words in front is
    NER debris ("Crooked Hillary Clinton"). Without any full name, the most used form wins.
    """
    full = [form for form in forms if len(form.split()) > 1]
    if not full:
        return max(counts.values(), key=lambda f: f[1])[0]
    name = full[0]
    for form in full[1:]:
        words, known = fold(form).split(), fold(name).split()
        if len(words) > len(known) and words[0] == known[0] and set(known) <= set(words):
            name = form
    return name


def _read_context(doc: Doc, entity: Entity, group: Group, affiliations: Affiliations, person_name: bool) -> None:
    """Titles, affiliation and descriptions from the words around each mention, in text order.

    A "person" described as an organisation ("rebel group Ansar Dine") is an organisation NER
    mislabelled, unless the name reads as a person's (``person_name``: "Trump's campaign
    chairman, Paul Manafort" gives Manafort the description "campaign"). Other descriptions
    of people are mostly parser debris and are not kept.
    """
    mentions = group.mentions
    _read_mentions(doc, entity, mentions, affiliations)
    # A surname that people of the article bear is theirs even where it reads as a place ("in Clinton's camp").
    lone = entity.type == "PERSON" and not entity.titles and len(name_words(entity.name)) == 1 and not group.borne
    if lone and reads_as_place(doc, mentions):
        entity.type, entity.affiliation = "GPE", None
        return
    if entity.type == "PERSON" and entity.descriptions:
        if entity.titles or person_name:
            entity.descriptions.clear()
        else:
            entity.type = "ORG"
    elif (
        entity.type in ("ORG", "NORP")
        and any(_is_title(d) for d in entity.descriptions)
        and not org_name(name_words(entity.name))
    ):
        # "France's foreign minister, Jean-Marc Ayrault" tagged ORG: only a person bears a title,
        # and a person's words around the name are read again for the titles and affiliation.
        described = list(entity.descriptions)
        entity.type, entity.descriptions = "PERSON", []
        _read_mentions(doc, entity, mentions, affiliations)
        entity.titles, entity.descriptions = entity.titles or described, []


def _read_mentions(doc: Doc, entity: Entity, mentions: list[RawMention], affiliations: Affiliations) -> None:
    person = entity.type == "PERSON"
    for mention in sorted(mentions, key=lambda m: m.start):
        found = read_modifiers(doc, mention.start, mention.end, entity.type)
        for span in found.titles:
            _add_phrase(entity.titles, span.text)
        for span in found.descriptions:
            if not person or span[-1].lower_ in ACTOR_HEADS:
                _add_phrase(entity.descriptions, span.text)
        if person and entity.affiliation is None:
            entity.affiliation = affiliations.find(entity, found.affiliation_zones)
    if person and entity.affiliation is None and mentions:
        entity.affiliation = affiliations.named_just_before(entity, min(m.start for m in mentions))


def _is_title(phrase: str) -> bool:
    word = fold(phrase).split()[-1].rstrip(".")
    return word in LEXICON.heads and word not in PERSONLESS_TITLES


def _add_phrase(phrases: list[str], text: str) -> None:
    """Add a title or description once; a longer form ending in a known one replaces it."""
    phrase = " ".join(text.split())
    folded = fold(phrase)
    for i, known in enumerate(phrases):
        if folded == fold(known) or fold(known).endswith(" " + folded):
            return
        if folded.endswith(" " + fold(known)):
            phrases[i] = phrase
            return
    phrases.append(phrase)


def _add_actors(doc: Doc, entities: list[Entity], owner: dict[int, Entity]) -> list[Entity]:
    """Organisations named by acting noun phrases; the people or place word inside stops being a mention."""
    by_key = {name_key(e.name): e for e in entities}
    for phrase in find_actors(doc, set(owner)):
        first = titled_office(doc, phrase.start)  # "the U.S. Attorney's Office", not a bare "Office"
        phrase = ActorPhrase(first, phrase.end, doc[first : phrase.end].text)
        span = _char_span(doc, phrase.start, phrase.end)
        start, end = span.start, span.end
        for i in range(phrase.start, phrase.end):
            inner = owner.pop(i, None)
            if inner is not None:
                inner.mentions = [m for m in inner.mentions if not (m.start < end and start < m.end)]
        key = name_key(phrase.name)
        actor = by_key.get(key)
        if actor is None:
            actor = Entity(id="", name=" ".join(phrase.name.split()), type="ORG")
            by_key[key] = actor
            entities.append(actor)
        add_mention(actor, doc, start, end)
        for i in range(phrase.start, phrase.end):
            owner[i] = actor
    return [e for e in entities if e.mentions]


def _add_description_mentions(doc: Doc) -> None:
    """ "the militant group" after "militant group Hamas" becomes a mention of Hamas."""
    index = _DescriptionIndex(doc._.entities)
    if not index.by_head:
        return
    taken = {i for e in doc._.entities for m in e.mentions for i in _token_range(doc, m.start, m.end)}
    for token in doc:
        if token.tag_ != "NN" or token.dep_ in NOUN_MODIFIER_DEPS or token.i in taken or not index.knows(token):
            continue
        det = next((c for c in token.lefts if c.dep_ == "det" and c.lower_ in DEFINITE), None)
        if det is None or any(doc[i].dep_ not in NOUN_MODIFIER_DEPS or i in taken for i in range(det.i + 1, token.i)):
            continue
        entity = index.resolve(doc[det.i : token.i + 1])
        if entity is not None:
            add_mention(entity, doc, doc[det.i + 1].idx, token.idx + len(token))


def _token_range(doc: Doc, start: int, end: int) -> range:
    span = doc.char_span(start, end, alignment_mode="expand")
    return range(span.start, span.end) if span is not None else range(0)


class _DescriptionIndex:
    """The entities' titles and descriptions by their head noun, for resolving many phrases cheaply."""

    def __init__(self, entities: list[Entity] | None) -> None:
        self.by_head: dict[str, list[tuple[Entity, list[str]]]] = {}
        for entity in entities or []:
            if entity.type not in DESCRIBED_LABELS:
                continue
            for phrase in description_phrases(entity):
                words = fold(phrase).split()
                if words:
                    self.by_head.setdefault(words[-1].rstrip("s"), []).append((entity, words))

    def knows(self, head: Token) -> bool:
        """Whether some entity's description ends in this noun: most nouns of an article need no more look."""
        return head.lemma_.lower().rstrip("s") in self.by_head

    def resolve(self, span: SpacySpan) -> Entity | None:
        head = span.root.lemma_.lower()
        words = content_words(span)
        found: list[Entity] = []
        for entity, phrase_words in self.by_head.get(head.rstrip("s"), []):
            before = entity.mentions and entity.mentions[0].end <= span.start_char
            if before and entity not in found and matches(words, head, phrase_words):
                found.append(entity)
        return found[0] if len(found) == 1 else None


def resolve_description(doc: Doc, span: SpacySpan) -> Entity | None:
    """The entity a definite description such as "the militant group" or "the spokesman" refers back to.

    For the speakers resolver and other later components. `span` is the noun phrase as a
    spaCy Span, with or without its article ("the prime minister", "The Israeli
    military"). The answer is the one entity, first mentioned before the span, whose
    title, description ("militant group" from "militant group Hamas" or from "Hamas,
    the militant group that ...") or common-noun name ("Israeli military") ends in the
    same head noun and holds every word of the phrase: "the group" and "the militant
    group" fit "militant group", "the Palestinian group" does not. None when no entity
    or more than one fits — never a guess.
    """
    return _DescriptionIndex(doc._.entities).resolve(span)


def entity_at(doc: Doc, start: int, end: int) -> Entity | None:
    """The entity one of whose mentions overlaps the characters start..end (the first in article order)."""
    return mention_index(doc).at(start, end)


def add_mention(entity: Entity, doc: Doc, start: int, end: int) -> bool:
    """Record one more mention of an entity, once, keeping mentions in text order; False if it was known.

    After this component has run, mentions are added through here (or ``add_entity``)
    so that the index behind ``entity_at`` stays current.
    """
    mentions = entity.mentions
    position = bisect_left(mentions, start, key=lambda m: m.start)
    following = position
    while following < len(mentions) and mentions[following].start == start:
        if mentions[following].end == end:
            return False
        following += 1
    mentions.insert(position, Span(start, end, doc_text(doc)[start:end]))
    index = existing_index(doc)
    if index is not None:
        index.add(entity, start, end)
    return True


def add_entity(doc: Doc, name: str, type: str, start: int, end: int) -> Entity:
    """A new entity for a phrase NER missed (e.g. "the Israeli military" when it speaks)."""
    entities = doc._.entities if doc._.entities is not None else []
    entity = Entity(id=f"e{len(entities) + 1}", name=name, type=type)
    add_mention(entity, doc, start, end)
    entities.append(entity)
    doc._.entities = entities
    return entity
