"""Rule-based coreference for speakers: which entity a mention such as "he", "Kirby" or "the militant group" means.

No neural coreference can be installed offline, and speakers need only a narrow kind
of it: the subject of a reporting verb. The rules, in order: a pronoun to the nearest
compatible earlier person or organisation (gender and number agreement, subjects
first; "his comments" are his); a relative pronoun to the noun it hangs on ("Jane Roe,
who said"); a name that is (part of) an entity's mention; a surname or first name to
the full name; a name set beside a title ("the head of the union, Tom Elling"); words
said by someone ("figures released by City Hall") to their source; a description
("the spokesman", "the militant group", "the union") to the entity it described
earlier, and "the company" to the organisation last named; an unnamed person tied to
a side ("a spokesman for the mayor") and a noun phrase NER missed that names an
organisation ("The Israeli military") become new entities. A speaker no rule fits is
named by its phrase's core, without the clauses that describe it."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from newsgraph.model import Entity, Quote
from newsgraph.pipeline.actors import SECOND_IN_OFFICE
from newsgraph.pipeline.entities import add_entity, add_mention, entity_at
from newsgraph.pipeline.extensions import doc_text
from newsgraph.pipeline.name_keys import name_words
from newsgraph.pipeline.people_words import first_name_sex, honorific_sex, names
from newsgraph.pipeline.quotes.cues import RELATIVE_TAGS, SPEAKING_TYPES
from newsgraph.pipeline.quotes.subjects import age_description
from newsgraph.pipeline.titles import LEXICON as TITLES
from newsgraph.pipeline.titles import described_as_person

_PERSONAL = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
_GROUP = frozenset({"they", "them", "their", "it", "its"})
_PLURAL = frozenset({"they", "them"})
_BREAKS = re.compile(r"\n+")
_ORG_HEAD = re.compile(r" (?:of|for) ")
# Roles news gives sources it does not name: "the official said" is not the person quoted before.
_UNNAMED_ROLES = frozenset(
    {"official", "spokesman", "spokeswoman", "spokesperson", "aide", "source", "officer", "agent", "insider",
     "staffer", "representative", "employee", "adviser", "advisor", "analyst", "expert", "witness"}
)  # fmt: skip
# Endings of nouns for people who do something: "backers", "analysts", "the patient", "a consultant".
AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "ee")
# A name set beside a title: "the head of the group, Mike Murphy".
_APPOSED = frozenset({"appos"})
# "a statement from the ministry", "figures released by City Hall".
_SOURCE_PREPOSITIONS = frozenset({"by", "from"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Verbs whose subject puts out the document they take: "issued a statement", "put out a report".
_ISSUING = frozenset(
    {"issue", "release", "put", "publish", "post", "send", "write", "tweet", "file", "deliver", "sign", "pen",
     "circulate", "distribute", "unveil", "submit", "draft"}
)  # fmt: skip
# Names after "a report in …" that are where or when, not the outlet.
_NOT_OUTLETS = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "EVENT", "NORP", "PERSON"})
# Verbs whose agent judged a document rather than put it out or received it ("accounts corroborated by footage").
_JUDGING = frozenset(
    {"corroborate", "confirm", "verify", "support", "back", "dispute", "contradict", "challenge", "reject", "deny",
     "criticize", "criticise", "question", "refute", "debunk", "contest", "doubt"}
)  # fmt: skip
# Dependents that are part of a name ("the Israeli military", "Mayor Anna Berg").
_NAME_PARTS = frozenset({"compound", "amod", "flat", "nmod", "nummod"})
_NOUNS = frozenset({"NOUN", "PROPN"})
_PLACE_LABELS = frozenset({"NORP", "GPE"})
_DEFINITE = frozenset({"the", "this", "that"})
# What ends the naming part of a phrase: "officials [who spoke …]", "a report [published Monday]".
_CLAUSES = frozenset({"relcl", "acl", "advcl", "appos", "parataxis", "ccomp", "xcomp", "punct"})
# Prepositions that tie an unnamed person to a side: "a spokesman for the mayor", "an aide to Smith".
_AFFILIATING = frozenset({"for", "of", "at", "to", "with"})
# Words for a news outlet, which say who spoke only through the outlet they stand for ("the paper said").
MEDIA_NOUNS = frozenset(
    {"newspaper", "paper", "magazine", "outlet", "network", "channel", "website", "broadcaster", "publication",
     "tabloid", "daily", "station"}
)  # fmt: skip
# The outlets a bare "the paper" goes back to the last named organisation for (a website may be anyone's).
_PRESS = frozenset({"newspaper", "paper", "magazine", "tabloid", "daily", "broadcaster", "network", "channel"})
# How far a mention may lean on another phrase (a relative pronoun's antecedent, an author).
_MAX_HOPS = 3
# Words before a head that belong to the sentence, not to the name: "[Later] a candidate", "[and] officials".
_NOT_NAMING = frozenset({"cc", "preconj", "advmod", "npadvmod", "prep", "mark", "punct"})
# Words that count off part of a group named before: "Some said …", "Another wondered …".
_QUANTIFIERS = frozenset({"some", "many", "most", "others", "another", "several", "few", "both", "all", "one", "each"})
# How many sentences back a pronoun may look for its antecedent.
_REACH = 6


def _salience(token: Token) -> int:
    """0 for the subject of a sentence's main verb, 1 for another subject, 2 for the rest.

    "Figgins declined to say whether guards slept the night Epstein died. “…,” he said": the
    main clause's subject is the one the next sentence goes on about, not the nearest subject.
    """
    if token.dep_ == "poss" and token.head.dep_ in _SUBJECTS:
        # "Taylor Swift's first six albums were released through a label bought by Scooter Braun. She …":
        # the owner of what a sentence is about is as much its topic as another clause's subject.
        return 1
    if token.dep_ not in _SUBJECTS:
        return 2
    return 0 if token.head.dep_ == "ROOT" else 1


def phrase_head(doc: Doc, first: int, last: int) -> Token:
    """The token of first..last whose head lies outside the range (the phrase's head word).

    Two nouns hanging outside are the parser taking a premodifier for a second subject
    ("Wikileaks editor-in-chief Kristinn Hrafnsson said", both read as subjects of "said"):
    an English noun phrase ends in its head, so the last of them is the one.
    """
    outside = [doc[i] for i in range(first, last + 1) if not first <= doc[i].head.i <= last or doc[i].head.i == i]
    nouns = [t for t in outside if t.pos_ in ("NOUN", "PROPN")]
    if len(nouns) > 1:
        return nouns[-1]
    return outside[0] if outside else doc[last]


def _bounds(token: Token) -> tuple[int, int]:
    """Characters of a head word's phrase up to the head itself ("a candidate", "the ministry")."""
    return token.left_edge.idx, token.idx + len(token)


def relative_antecedent(token: Token) -> Token | None:
    """The noun a relative pronoun stands for: "Jane Roe" in "Jane Roe, who said …", "officials who spoke"."""
    if token.tag_ not in RELATIVE_TAGS or token.tag_ == "WP$":
        return None
    verb = token.head
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    if verb.dep_ == "relcl" and verb.head is not verb:
        antecedent = verb.head
    else:
        before = token.i - 1
        while before >= 0 and token.doc[before].text == ",":
            before -= 1
        if before < 0 or token.doc[before].pos_ not in _NOUNS:
            return None
        antecedent = token.doc[before]
        while antecedent.dep_ == "compound" and antecedent.head.i > antecedent.i:
            antecedent = antecedent.head
    return antecedent if antecedent.pos_ in _NOUNS else None


def _died(name: Token) -> bool:
    """ "Epstein died", "Epstein was found dead", "Epstein killed himself", "Epstein, who died in August"."""
    verbs = [name.head] if name.dep_ in _SUBJECTS else []
    verbs += [c for c in name.children if c.dep_ == "relcl"]
    for verb in verbs:
        if verb.lemma_.lower() == "die" or any(
            c.lower_ == "dead" and c.dep_ in {"oprd", "acomp"} for c in verb.children
        ):
            return True
        if verb.lemma_.lower() == "kill" and any(c.lower_ in {"himself", "herself"} for c in verb.children):
            return True
    return False


def _one_of(noun: Token) -> bool:
    """ "one user", "one Weibo commenter": a singular noun counted as one of several."""
    return noun.tag_ == "NN" and any(c.lower_ == "one" and c.dep_ in {"nummod", "det"} for c in noun.children)


def _joined_names(head: Token, last: int) -> bool:
    """ "Ford and Fry", "Dale and Martha": a name joined to another name in the phrase."""
    return head.pos_ == "PROPN" and any(c.dep_ == "conj" and c.pos_ == "PROPN" and c.i <= last for c in head.children)


def _tight_end(token: Token, last: int) -> int:
    """The last word of a head's phrase before any clause, apposition or comma that follows it."""
    end = token.i
    for child in token.rights:
        if child.dep_ in _CLAUSES or child.is_punct or child.i > last:
            break
        end = max(end, _tight_end(child, last))
    return end


def core_phrase(doc: Doc, first: int, last: int, head: Token) -> tuple[int, int]:
    """First and last token of the phrase that names: "a spokesman for the mayor", not "… who declined to be named"."""
    begin = max(first, head.left_edge.i)
    while begin < head.i and (doc[begin].is_punct or doc[begin].dep_ in _NOT_NAMING):
        begin += 1
    return begin, _tight_end(head, last)


def _plain(text: str) -> str:
    """A phrase as a name: one line, no leading article."""
    words = text.split()
    if words and words[0].lower() in {"the", "a", "an"}:
        words = words[1:]
    return " ".join(words)


def _whole_words(text: str, word: str) -> Iterator[int]:
    """Where ``word`` stands as a whole word, as ``re.finditer(rf"\\b{re.escape(word)}\\b", text)`` finds it, without
    compiling a pattern for each surname of each article."""
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        if _boundary(text, start) and _boundary(text, end):
            yield start
            start = text.find(word, end)
        else:
            start = text.find(word, start + 1)


def _boundary(text: str, at: int) -> bool:
    """``\\b`` at ``at``: a word character on one side only (a word character is alphanumeric or "_", as in re)."""
    before = at > 0 and (text[at - 1].isalnum() or text[at - 1] == "_")
    after = at < len(text) and (text[at].isalnum() or text[at] == "_")
    return before != after


class Coref:
    """Resolves speaker mentions of one Doc, in text order, remembering what pronouns taught it."""

    def __init__(self, doc: Doc, quotes: list[Quote]) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.words = names()
        self.starts = doc.to_array("IDX").tolist()
        self.sentence_starts = [s.start_char for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
        self.quoted = sorted((q.start, q.end) for q in quotes if q.kind == "direct")
        self.gender: dict[str, str] = {}
        self.last_speaker: tuple[int, Entity] | None = None
        self.descriptors: dict[str, set[str]] = {}
        # Every entity mention in text order, so a pronoun looks only at the sentences before it.
        self.mentions: list[tuple[int, int, Entity]] = sorted(
            ((m.start, m.end, e) for e in doc._.entities or [] for m in e.mentions), key=lambda m: (m[0], m[1])
        )
        self.mention_starts = [m[0] for m in self.mentions]
        for entity in doc._.entities or []:
            self._learn(entity)
        self._index_surnames()
        self.deaths = [(start, e) for start, end, e in self.mentions if _died(self.doc[self._token(end - 1)])]

    def _index_surnames(self) -> None:
        """A surname NER missed ("Braun has worked with …" after "Scooter Braun") is still that person there.

        Left out, the sentence seems to be about whoever else it names, and the "he" after
        it goes to them. Only a surname one person of the article bears.
        """
        bearers: dict[str, list[Entity]] = {}
        for entity in self.doc._.entities or []:
            words = entity.name.split()
            if entity.type == "PERSON" and len(words) > 1:
                bearers.setdefault(words[-1], []).append(entity)
        for surname, owners in bearers.items():
            if len(owners) > 1:
                continue
            for start in _whole_words(self.text, surname):
                token = self.doc[self._token(start)]
                if token.idx != start or token.text != surname or token.pos_ != "PROPN":
                    continue
                before = bisect_right(self.mention_starts, token.idx) - 1
                if before < 0 or self.mentions[before][1] <= token.idx:  # not inside a mention already known
                    self._index(token.idx, token.idx + len(token), owners[0])

    def _learn(self, entity: Entity) -> None:
        """Gender from honorifics, nouns of one sex and first names; descriptions from titles and the words
        before a name."""
        words = {w.lower() for title in entity.titles for w in title.split()}
        # "Gov. Eric Holcomb" is "the governor".
        words |= {TITLES.abbreviations[w.rstrip(".")] for w in words if w.rstrip(".") in TITLES.abbreviations}
        if entity.type == "ORG" and entity.name.split():
            # "the union" after "the Harbour Workers' Union": an organisation is described by its own head noun,
            # the word before its "of" or "for" in "the Department of Justice", "the Office for the … District".
            words.add(entity.name.split()[-1].lower())
            words.add(_ORG_HEAD.split(entity.name)[0].split()[-1].lower())
        before: set[str] = set()  # the words right before each mention, as written ("Ms.", "Sir")
        for mention in entity.mentions:
            index = self._token(mention.start)
            if index > 0:
                before.add(self.doc[index - 1].lower_)
            for i in range(index - 1, max(index - 5, -1), -1):
                token = self.doc[i]
                if token.pos_ not in {"NOUN", "ADJ", "PROPN"} or token.ent_type_ in {"PERSON", "GPE"}:
                    break
                words.add(token.lemma_.lower())
                before.add(token.lower_)
        if entity.type == "PERSON":
            gender = self._sex(entity.name, words, before)
            if gender is not None:
                self.gender[entity.id] = gender
        self.descriptors[entity.id] = words

    def _sex(self, name: str, nouns: set[str], before: set[str]) -> str | None:
        """ "m" or "f" when the text tells: an honorific ("Ms.", "Sir") or a noun of one sex ("Congresswoman
        Jordan Lee", "Taylor Morgan, a spokeswoman for the city", "her husband, Tom") says so outright, and
        wins over a first name's usual sex ("Jordan"); a name in no list and a title for anyone ("senator")
        leave it open, so either pronoun may still mean them."""
        words = self.words
        male = bool(before & words.honorifics_male or nouns & words.nouns_male)
        female = bool(before & words.honorifics_female or nouns & words.nouns_female)
        if male != female:
            return "m" if male else "f"
        return first_name_sex(name.split()[0].lower()) if name.split() else None

    def _name(self, entity: Entity, start: int, end: int) -> None:
        """A name or description found to be the entity's: a mention later pronouns may go back to
        ("Young, in his testimony, … “…,” he said" when NER missed "Young")."""
        if add_mention(entity, self.doc, start, end):
            self._index(start, end, entity)

    def _index(self, start: int, end: int, entity: Entity) -> None:
        """Remember a mention this resolver added, in text order."""
        position = bisect_left(self.mention_starts, start)
        self.mention_starts.insert(position, start)
        self.mentions.insert(position, (start, end, entity))

    def _token(self, char: int) -> int:
        """Index of the token holding the character ``char``."""
        return max(bisect_right(self.starts, char) - 1, 0)

    def _in_quote(self, char: int) -> bool:
        index = bisect_right(self.quoted, (char, len(self.text) + 1)) - 1
        return index >= 0 and self.quoted[index][0] <= char < self.quoted[index][1]

    def resolve(self, start: int, end: int, depth: int = 0) -> Entity | None:
        """The entity the mention start..end stands for, or None when the text does not say.

        ``depth`` counts the hops from a mention to the phrase it leans on (a relative
        pronoun's antecedent, a statement's author), so odd parses cannot loop.
        """
        if not len(self.doc) or start >= end or depth > _MAX_HOPS:
            return None
        first, last = self._token(start), self._token(end - 1)
        head = phrase_head(self.doc, first, last)
        lower = head.lower_
        if lower in _PERSONAL or lower in _GROUP:
            if lower in _PLURAL and self._group_before(head) is not None:
                return None  # "Analysts expect … They say …": people the text does not name
            entity = self._carried(head, depth) if lower in {"he", "she"} else None
            entity = entity or self._pronoun(head, start)
            if entity is not None:
                add_mention(entity, self.doc, head.idx, head.idx + len(head))
                if lower in _PERSONAL:
                    self._learn_gender(entity, _PERSONAL[lower], start)
            return entity
        antecedent = relative_antecedent(head)
        if antecedent is not None:
            return self.resolve(*_bounds(antecedent), depth + 1)
        if head.pos_ == "PRON" or _joined_names(head, last):
            return None  # "Ford and Fry replied": two people, no one entity
        named = entity_at(self.doc, head.idx, head.idx + len(head))
        if named is not None and named.type in SPEAKING_TYPES:
            if named.type == "PERSON" and len(named.name.split()) == 1:
                return self._by_name(head, start, self._shared(named)) or named
            return named
        if head.pos_ == "PROPN":
            found = self._by_name(head, start) or self._apposed(head, last)
            return found or self._new_org(first, last, head)
        return (
            self._apposed(head, last)
            or self._source_of(head, first, last, depth)
            or self._described(first, last, head, start)
            or self._affiliated(first, last, head, depth)
            or self._new_org(first, last, head)
        )

    def _apposed(self, head: Token, last: int) -> Entity | None:
        """ "The head of the group, Mike Murphy," or "Vice President for news Dave Gorab": the name beside the title."""
        lemma = head.lemma_.lower()
        deps = _APPOSED | ({"conj"} if lemma in self.words.person_nouns or lemma in TITLES.heads else set())
        for child in head.rights:
            if child.dep_ in deps and child.i <= last:
                found = entity_at(self.doc, child.idx, child.idx + len(child))
                if found is not None and found.type in SPEAKING_TYPES:
                    return found
        if head.pos_ != "NOUN":
            return None
        return self._named_last(head, last) or self._set_beside(head, last)

    def _named_last(self, head: Token, last: int) -> Entity | None:
        """ "The company that runs the AMAs, Dick Clark Productions": a name closing the phrase after a comma
        is the head's, however the parser hung it on the clause between."""
        doc = self.doc
        comma = next((i for i in range(last - 1, head.i, -1) if doc[i].text == ","), None)
        if comma is None or comma + 1 > last:
            return None
        found = entity_at(doc, doc[comma + 1].idx, doc[last].idx + len(doc[last]))
        if found is None or found.type not in SPEAKING_TYPES:
            return None
        whole = any(m.start == doc[comma + 1].idx and m.end == doc[last].idx + len(doc[last]) for m in found.mentions)
        return found if whole else None

    def _set_beside(self, head: Token, last: int) -> Entity | None:
        """ "According to his aunt, Jane Starner, “…”": a name between commas right after a description
        is that person, whatever the parse made of it."""
        doc = self.doc
        if last + 2 >= len(doc) or doc[last + 1].text != ",":
            return None
        found = entity_at(doc, doc[last + 2].idx, doc[last + 2].idx + len(doc[last + 2]))
        if found is None or found.type != "PERSON":
            return None
        end = next((m.end for m in found.mentions if m.start == doc[last + 2].idx), None)
        after = next((t for t in doc[last + 2 :] if t.idx >= end), None) if end is not None else None
        return found if after is not None and after.text == "," else None

    def _source_of(self, head: Token, first: int, last: int, depth: int) -> Entity | None:
        """ "figures released by City Hall", "a statement from the ministry", "his comments", "a document
        Matthesen prepared", "the Pentagon report": whose words they are."""
        if head.lemma_.lower() not in self.words.said_nouns:
            return None
        owner = self.owner(head, first, last)
        if owner is None:
            found = self._issuing_modifier(head, first)
            if found is not None:
                return found
            owner = self._issuer(head) if self.doc[first].lower_ in _DEFINITE else None
        if owner is None or _joined_names(owner, owner.right_edge.i):
            return None  # "Trump and Ryan issued a statement": two people's, no one entity's
        return self.resolve(*_bounds(owner), depth + 1)

    def author(self, document: Token, first: int, last: int) -> Token | None:
        """The word naming who put out the document ``document`` heads, in its phrase or, for "the
        statement", beside the same word earlier."""
        owner = self.owner(document, first, last)
        return owner or (self._issuer(document) if self.doc[first].lower_ in _DEFINITE else None)

    def owner(self, document: Token, first: int, last: int) -> Token | None:
        """The word naming who put a document out, inside its own phrase: its possessor ("his comments"),
        the object of "from" or "by" ("a statement from the ministry", "figures released by City Hall"),
        or the subject of a clause on it ("a document Matthesen prepared")."""
        for child in document.children:
            if child.dep_ == "poss" and first <= child.i <= last:
                return child
            if child.dep_ == "relcl":
                subject = next((c for c in child.children if c.dep_ == "nsubj"), None)
                if subject is not None and subject.tag_ not in RELATIVE_TAGS and subject.pos_ in _NOUNS:
                    return subject
            if child.dep_ == "acl":
                if child.lemma_.lower() in _JUDGING:
                    continue  # "accounts corroborated by video footage": the footage wrote none of them
                child = next((c for c in child.children if c.dep_ == "agent"), child)
            if child.lower_ in _SOURCE_PREPOSITIONS or child.dep_ == "agent":
                owner = next((c for c in child.children if c.dep_ == "pobj" and c.i <= last), None)
                if owner is not None:
                    return owner
            if child.lower_ == "in":
                # "an article in Forbes", "a report in the Argus Leader": the outlet (not a place or a time).
                outlet = next((c for c in child.children if c.dep_ == "pobj" and c.i <= last), None)
                if outlet is not None and outlet.pos_ == "PROPN" and outlet.ent_type_ not in _NOT_OUTLETS:
                    return outlet
        verb = document.head
        if document.dep_ == "dobj" and verb.lemma_.lower() in _ISSUING:
            # "Trump and Ryan issued a statement describing …", "His office put out a statement saying …"
            return next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in _NOUNS | {"PRON"}), None)
        return None

    def _issuing_modifier(self, document: Token, first: int) -> Entity | None:
        """ "the Pentagon report", "the office release": a name or a described body right before the
        document's noun is who issued it (only one the article already knows, never a new one)."""
        for child in document.lefts:
            if child.dep_ != "compound" or child.i < first:
                continue
            found = entity_at(self.doc, child.idx, child.idx + len(child))
            if found is None and child.pos_ == "NOUN":
                found = self._described(child.i, child.i, child, child.idx)
            if found is not None and found.type in SPEAKING_TYPES:
                return found
        return None

    def _issuer(self, document: Token) -> Token | None:
        """ "Big Machine issued a statement on Friday. … the statement said": who put the document out.

        The same word earlier in the article, as what a subject issued, released or said
        something in, or with its author beside it ("Big Machine's statement", "a statement
        from Big Machine"), names its author; only the latest such mention, in the sentences just before.
        """
        lemma = document.lemma_.lower()
        floor = self.sentence_starts[max(bisect_right(self.sentence_starts, document.idx) - 1 - _REACH, 0)]
        for token in reversed(self.doc[self._token(floor) : document.i]):
            if token.lemma_.lower() != lemma or token.pos_ != "NOUN":
                continue
            owner = self.owner(token, token.left_edge.i, token.right_edge.i)
            if owner is not None:
                return owner
            verb = token.head.head if token.dep_ == "pobj" else token.head
            if token.dep_ not in {"dobj", "pobj"} or verb.pos_ not in {"VERB", "AUX"}:
                continue
            return next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        return None

    def _affiliated(self, first: int, last: int, head: Token, depth: int) -> Entity | None:
        """ "a spokesman for the mayor", "the mayor's spokesman": an unnamed person of a named side.

        The person becomes an entity of the article, titled by the head word and affiliated
        to whom the phrase ties them, so that "the spokesman" later in the text is the same
        person. A bare "a senior official" ties them to no one and stays a description.
        """
        lemma = head.lemma_.lower()
        if head.tag_ != "NN" or not (lemma in self.words.person_nouns or lemma in TITLES.heads):
            return None
        side = next((c for c in head.children if c.dep_ == "poss" and first <= c.i < head.i), None)
        if side is None:
            preposition = next((c for c in head.rights if c.lower_ in _AFFILIATING and c.i <= last), None)
            if preposition is None:
                return None
            side = next((c for c in preposition.children if c.dep_ == "pobj" and c.i <= last), None)
        if side is None or side.pos_ not in _NOUNS:
            return None
        owner = self.resolve(*_bounds(side), depth + 1)
        begin, stop = core_phrase(self.doc, first, last, head)
        start, end = self.doc[begin].idx, self.doc[stop].idx + len(self.doc[stop])
        affiliation = owner.name if owner is not None else _plain(self.text[_bounds(side)[0] : side.idx + len(side)])
        entity = add_entity(self.doc, _plain(self.text[start:end]), "PERSON", start, end)
        entity.titles = [head.text.lower()]
        entity.affiliation = affiliation
        self._index(start, end, entity)
        self._learn(entity)
        return entity

    def _candidates(self, before: int, reach: int = _REACH) -> list[Entity]:
        """Entities mentioned in the sentences before ``before``: nearest sentence first, then main-clause
        subjects, other subjects and the rest, each latest first."""
        sentence = bisect_right(self.sentence_starts, before) - 1
        floor = self.sentence_starts[max(sentence - reach, 0)]
        low, high = bisect_left(self.mention_starts, floor), bisect_left(self.mention_starts, before)
        ranked: list[tuple[int, int, int, Entity]] = []
        for start, end, entity in self.mentions[low:high]:
            if entity.type in SPEAKING_TYPES and not self._in_quote(start):
                token = self.doc[self._token(end - 1)]
                if token.dep_ == "compound":
                    token = token.head
                ranked.append((-(bisect_right(self.sentence_starts, start) - 1), _salience(token), -start, entity))
        ranked.sort(key=lambda c: c[:3])
        return [entity for *_, entity in ranked]

    def _pronoun(self, pronoun: Token, start: int) -> Entity | None:
        """The nearest agreeing antecedent; for "he" or "she", the last person of that gender however far back."""
        found = self._agreeing(pronoun.lower_, self._living(self._candidates(start), start))
        if found is None and pronoun.lower_ in _PERSONAL:
            found = self._agreeing(
                pronoun.lower_, self._living(self._candidates(start, len(self.sentence_starts)), start)
            )
        return found

    def _learn_gender(self, entity: Entity, gender: str, start: int) -> None:
        """A pronoun tells a person's gender only when nobody else was there for it to mean: one chosen as
        the nearest of several people may be the wrong one, and the gender it gave would send every later
        pronoun past them."""
        if entity.id in self.gender:
            return
        people = {e.id for e in self._candidates(start) if e.type == "PERSON"}
        if people == {entity.id}:
            self.gender[entity.id] = gender

    def _living(self, candidates: list[Entity], before: int) -> list[Entity]:
        """The candidates, those the text has said died before ``before`` last: "Epstein was found dead in his
        cell. “…,” he told the BBC" is the other man, unless no one else fits."""
        dead = {e.id for at, e in self.deaths if at < before}
        return [e for e in candidates if e.id not in dead] + [e for e in candidates if e.id in dead]

    def _agreeing(self, lower: str, candidates: list[Entity]) -> Entity | None:
        for entity in candidates:
            if lower in _PERSONAL:
                if entity.type == "PERSON" and self.gender.get(entity.id, _PERSONAL[lower]) == _PERSONAL[lower]:
                    return entity
            elif lower in {"it", "its"}:
                if entity.type == "ORG":
                    return entity
            elif entity.type in {"ORG", "NORP"}:
                return entity
        return None

    def _by_name(self, head: Token, start: int, shared: bool = False) -> Entity | None:
        """A surname or first name alone: the person whose full name holds it.

        Of two who share a surname ("Teresa Nielsen Hayden", "Patrick Nielsen Hayden"), the
        one whose other names the phrase also gives, else the one the text has called by
        that name more often so far (the story's "Trump" is Donald, not Melania, named once);
        of two as often, neither. A word that is only the middle or maiden name of one person
        ("Trump" of "Maryanne Trump Barry") is rather the first or last name of another who
        bears it so. An honorific of the other sex ("Mrs. Abedini" after "Saeed Abedini",
        known as a man) rules a person out; when the surname is ``shared`` by a "Mr." and a
        "Mrs." the text keeps apart, the person must be known to be of the honorific's sex.
        """
        word = head.text.lower()
        sex = honorific_sex(self.doc, head.i)
        bearers = [
            e
            for e in self.doc._.entities or []
            if e.type == "PERSON" and len(e.name.split()) > 1 and word in {w.lower() for w in e.name.split()}
        ]
        matches = [e for e in bearers if sex is None or self.gender.get(e.id, sex) == sex]
        if shared and sex is not None:
            matches = self._of_sex(matches, sex, bearers)
        borne = [e for e in matches if word in {name_words(e.name)[0], name_words(e.name)[-1]}]
        given = {t.lower_ for t in self.doc[head.left_edge.i : head.i]}
        ranked = sorted(
            (
                (len(given & {w.lower() for w in e.name.split()}), self._named_before(e, word, start), e)
                for e in borne or matches
            ),
            key=lambda r: r[:2],
            reverse=True,
        )
        if not ranked or (len(ranked) > 1 and ranked[0][:2] == ranked[1][:2]):
            return None
        entity = ranked[0][2]
        self._name(entity, head.idx, head.idx + len(head))
        return entity

    def _of_sex(self, matches: list[Entity], sex: str, bearers: list[Entity]) -> list[Entity]:
        """Of the people a "Mrs." could be, those the text says are women; or, when the name's other
        bearers are all known to be men, those left ("Mrs. Clinton" beside "Bill Clinton")."""
        known = [e for e in matches if self.gender.get(e.id) == sex]
        if known:
            return known
        others = [e for e in bearers if e not in matches]
        return matches if others and all(self.gender.get(e.id) for e in others) else []

    def _named_before(self, entity: Entity, word: str, start: int) -> int:
        """How often the text has called the entity by ``word`` before ``start``: "Freddy" many times and
        "Freddy Trump" once make him no likelier the "Mr. Trump" than a brother named in full once."""
        return sum(1 for m in entity.mentions if m.start < start and word in m.text.lower().split())

    def _described(self, first: int, last: int, head: Token, start: int) -> Entity | None:
        """ "the militant group" after "militant group Hamas": the latest entity so described.

        A company word with nothing else to go by ("the company said") is the nearest
        organisation before it, the one the story is about at that point.
        """
        if self.doc[first].lower_ in {"a", "an"}:
            return None
        lemma = head.lemma_.lower()
        phrase = _plain(self.text[self.doc[first].idx : head.idx + len(head)]).lower()
        # "the Saudi government" is no other country's government: its people or place word must fit too.
        marks = {t.lower_ for t in self.doc[first : head.i] if t.ent_type_ in _PLACE_LABELS}
        best: tuple[int, Entity] | None = None
        same_name: Entity | None = None
        for entity in self.doc._.entities or []:
            described = self.descriptors.get(entity.id, set())
            if entity.type not in SPEAKING_TYPES:
                continue
            if entity.name.lower() == phrase:
                # The same words as an entity's name are that entity, wherever else it is named.
                same_name = same_name or entity
                continue
            if lemma not in described or (marks and not marks <= described | {w.lower() for w in entity.name.split()}):
                continue
            if described & SECOND_IN_OFFICE and not described & SECOND_IN_OFFICE & set(re.findall(r"[a-z]+", phrase)):
                continue
            if head.tag_ == "NNS" and entity.type == "PERSON":
                continue  # "defense attorneys" are not the one attorney general
            earlier = [m.start for m in entity.mentions if m.start < start]
            if earlier and (best is None or max(earlier) > best[0]):
                best = (max(earlier), entity)
        found = same_name or (best[1] if best is not None else None)
        one = head.tag_ != "NNS"  # "the companies" are several, not the last one named
        if found is None and one and lemma in self.words.company_nouns and self.doc[first].lower_ in _DEFINITE:
            found = next((e for e in self._candidates(start) if e.type == "ORG" and self._may_be(e, lemma)), None)
        if found is None and lemma in _PRESS and first == head.i - 1 and self.doc[first].lower_ == "the":
            # "The Washington Post reported it first. The paper said …": the outlet last named.
            found = next((e for e in self._candidates(start) if e.type == "ORG"), None)
        if found is None and one and self.doc[first].lower_ == "the" and self._role(head):
            found = self._last_speaker_near(start)
        if found is None and age_description(head):
            # "the 46-year-old" names no role to match: the person just quoted, or else the latest one named.
            people = (e for e in self._candidates(start) if e.type == "PERSON")
            found = self._last_speaker_near(start) or next(people, None)
        if found is None:
            return None
        begin, end = core_phrase(self.doc, first, last, head)
        self._name(found, self.doc[begin].idx, self.doc[end].idx + len(self.doc[end]))
        if found.type == "PERSON" and found.id not in self.gender:
            gender = self._sex("", {lemma}, set())
            if gender is not None:
                self.gender[found.id] = gender
        return found

    def spoke(self, entity: Entity, end: int) -> None:
        """Remember who was just quoted, for "“…,” said the actor." after "“…,” Van Der Beek said"."""
        if entity.type == "PERSON":
            self.last_speaker = (end, entity)

    def _last_speaker_near(self, start: int) -> Entity | None:
        """The person quoted in this paragraph or the one before: a bare role naming no one else is them.

        News names a speaker once and then goes on with a role ("said the actor", "the
        senator added"); a role that described someone else has already found them.
        """
        if self.last_speaker is None:
            return None
        end, entity = self.last_speaker
        return entity if len(_BREAKS.findall(self.text, end, start)) <= 1 else None

    def _role(self, head: Token) -> bool:
        """A title ("the actor", "the senator"), not a word for anyone ("the man", "the patient") nor the
        role of a source news leaves unnamed ("the official", "the spokesman")."""
        lemma = head.lemma_.lower()
        return head.tag_ == "NN" and lemma in TITLES.heads and lemma not in _UNNAMED_ROLES

    def _may_be(self, entity: Entity, lemma: str) -> bool:
        """ "the company" is no "Xinhua News Agency": a name ending in another kind of body is another body."""
        last = entity.name.split()[-1].lower()
        return last == lemma or last not in self.words.org_nouns | self.words.company_nouns

    def _carried(self, pronoun: Token, depth: int) -> Entity | None:
        """ "She gave me the address of his sister, Martha Fry. “…,” she said.": the same pronoun as the
        subject of the sentence before goes on about the same person, not the last one named."""
        sentence = bisect_right(self.sentence_starts, pronoun.idx) - 1
        if sentence < 1:
            return None
        previous = self.doc[self._token(self.sentence_starts[sentence - 1])].sent
        subject = next((c for c in previous.root.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lower_ != pronoun.lower_ or self._in_quote(subject.idx):
            return None
        return self.resolve(subject.idx, subject.idx + len(subject), depth + 1)

    def _group_before(self, pronoun: Token) -> Token | None:
        """The unnamed group a "they" goes on about: the main-clause subject of its sentence or the one before.

        "Analysts expect sales to grow. They say …": a plural noun for people that no entity
        names, with no organisation named between it and the pronoun.
        """
        sentence = bisect_right(self.sentence_starts, pronoun.idx) - 1
        floor = self.sentence_starts[max(sentence - 1, 0)]
        for token in reversed(self.doc[self._token(floor) : pronoun.i]):
            if token.dep_ not in _SUBJECTS or token.head.dep_ != "ROOT" or token.tag_ != "NNS":
                continue
            if entity_at(self.doc, token.idx, token.idx + len(token)) is not None or not self._people(token):
                return None
            between = self.mentions[
                bisect_left(self.mention_starts, token.idx) : bisect_left(self.mention_starts, pronoun.idx)
            ]
            return None if any(e.type in {"ORG", "NORP"} for _, _, e in between) else token
        return None

    def _counted_from(self, word: Token, first: int) -> Token | None:
        """The group a bare quantifier speaks for: "Dozens of deportees arrived. Some said …", "Many users
        mocked the ad. Another wondered …": the latest plural noun for people in its sentence or the one before.

        "Some of the deportees" says it itself; a quantifier that is only a determiner ("Some
        experts") is not bare.
        """
        if word.lower_ not in _QUANTIFIERS or word.i != first or any(c.dep_ == "prep" for c in word.children):
            return None
        if word.dep_ == "det" or word.head.i != word.i and word.head.pos_ == "NOUN" and word.head.i > word.i:
            return None
        sentence = bisect_right(self.sentence_starts, word.idx) - 1
        floor = self.sentence_starts[max(sentence - 1, 0)]
        for token in reversed(self.doc[self._token(floor) : word.i]):
            if not self._people(token) or self._in_quote(token.idx):
                continue
            if token.tag_ in {"NNS", "NNPS"} or (word.lower_ == "another" and _one_of(token)):
                return token  # "“…,” one user quipped. Another wondered …": another user
        return None

    def _people(self, noun: Token) -> bool:
        lemma = noun.lemma_.lower()
        words = self.words
        return (
            lemma in words.person_nouns | words.org_nouns
            or noun.lower_ in words.person_nouns
            or lemma.endswith(AGENT_ENDINGS)
        )

    def name_of(self, start: int, end: int) -> str:
        """What to call a speaker no entity fits: the noun phrase's core, a relative pronoun's antecedent,
        the group a "they" goes on about."""
        if not len(self.doc) or start >= end:
            return self.text[start:end]
        first, last = self._token(start), self._token(end - 1)
        head = phrase_head(self.doc, first, last)
        counted = self._counted_from(head, first)
        group = self._group_before(head) if head.lower_ in _PLURAL else counted
        if group is not None:
            first, last, head = group.left_edge.i, group.i, group
        while counted is not None and first < head.i and self.doc[first].lower_ in _QUANTIFIERS:
            first += 1  # "Another" of "Many Twitter users" is one of the "Twitter users"
        antecedent = relative_antecedent(head)
        if antecedent is not None:
            first, last, head = antecedent.left_edge.i, antecedent.i, antecedent
        owner = self.author(head, first, last) if head.lemma_.lower() in self.words.said_nouns else None
        if owner is not None:
            # "Trump and Ryan issued a statement saying …": the statement's authors, not "a statement".
            first, last, head = owner.left_edge.i, owner.right_edge.i, owner
        begin, stop = core_phrase(self.doc, first, last, head)
        return self.text[self.doc[begin].idx : self.doc[stop].idx + len(self.doc[stop])]

    def _shared(self, named: Entity) -> bool:
        """Whether another person of the article is named by the same lone word: entities kept apart
        ("Mr. Abedini" and "Mrs. Abedini") that a full name joins only on evidence of sex."""
        return any(
            e is not named and e.type == "PERSON" and e.name.lower() == named.name.lower()
            for e in self.doc._.entities or []
        )

    def _surname_holder(self, surname: Token) -> Entity | None:
        """ "Montell Figgins" when NER found only a later "Figgins": the same person, named in full here."""
        holders = [e for e in self.doc._.entities or [] if e.type == "PERSON" and e.name == surname.text]
        if len(holders) != 1:
            return None
        self._name(holders[0], surname.idx, surname.idx + len(surname))
        return holders[0]

    def _new_org(self, first: int, last: int, head: Token) -> Entity | None:
        """A group NER missed ("The Israeli military said") becomes an entity of the article.

        Only the head word and the modifiers right before it name it (not an apposition or a
        relative clause after it); a name with a title or a known first name is a person's.
        """
        lemma = head.lemma_.lower()
        if lemma in self.words.person_nouns:
            return None
        start = head.i
        while start > first and self.doc[start - 1].dep_ in _NAME_PARTS:
            start -= 1
        if start == head.i and lemma in MEDIA_NOUNS:
            return None  # a bare "the newspaper" names no outlet
        words = [self.doc[i] for i in range(start, head.i + 1)]
        capitalised = any(t.text[:1].isupper() for t in words[1:]) or (head.text[:1].isupper() and len(words) == 1)
        if lemma not in self.words.org_nouns and not (head.pos_ == "PROPN" and capitalised):
            return None
        lowered = {t.lower_ for t in words} | {t.lemma_.lower() for t in words}
        person = bool(lowered & (self.words.person_nouns | self.words.male | self.words.female))
        person = person or bool(lowered & (self.words.honorifics_male | self.words.honorifics_female))
        person = person or described_as_person(head)
        if person and head.pos_ == "PROPN":
            known = self._surname_holder(head)
            if known is not None:
                return known
        possessor = next((c for c in head.lefts if c.dep_ == "poss" and c.i >= first and c.pos_ in _NOUNS), None)
        if possessor is not None and possessor.right_edge.i == start - 1:
            # "the governor's office": whose office it is belongs to its name.
            start = max(first, possessor.left_edge.i)
            while start < possessor.i and self.doc[start].dep_ == "det":
                start += 1
        begin, end = self.doc[start].idx, head.idx + len(head)
        entity = add_entity(self.doc, self.text[begin:end], "PERSON" if person else "ORG", begin, end)
        self._index(begin, end, entity)
        self._learn(entity)
        return entity
