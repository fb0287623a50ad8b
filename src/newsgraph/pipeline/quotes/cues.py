"""Reporting cues: the verbs (by lemma) and phrases that say someone said or thought something.

The lexicon lives in ``data/cues.json`` so that it can grow without touching code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache

from spacy.tokens import Span, Token

from newsgraph.pipeline.datelines import dateline_end
from newsgraph.pipeline.lexicons import load_data
from newsgraph.pipeline.quotes.direct import CLOSING, DOUBLED, OPENING, STRAIGHT
from newsgraph.pipeline.syntax import object_of

VERB_TAGS = frozenset({"VERB", "AUX"})
# A speaker is an active subject: the passive one ("Smith was told", "she was announced the winner") is not.
SUBJECTS = frozenset({"nsubj", "csubj"})
RELATIVE_TAGS = frozenset({"WP", "WDT", "WP$"})
# Subjects that stand for nobody: "It was reported that …", "There is said to be …".
_EMPTY_SUBJECTS = frozenset({"there", "this", "what"})
# "Name: what they said" — how long the name may be, and what it may be made of.
_NAME_REACH = 6
# How far back a colon's line is read for a digest's topic before the label ("Pollsters agree - Carl Bialik:").
_LINE_REACH_TO_COLON = 40
_NAME_TAGS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "PART", "PUNCT", "NUM"})
# Links from a verb up to the clause whose subject it shares.
_CLIMB = frozenset({"xcomp", "pcomp", "prep", "acomp", "advcl", "dep"})
_NOT_SOURCES = frozenset({"TIME", "DATE", "MONEY"})
_EDGE_TAGS = frozenset({"PUNCT", "SPACE"})
# Words before a speaker's title that the parser may leave out of its phrase: "Texas Sen.", "Tennis great".
_PREMODIFIERS = frozenset({"PROPN", "NOUN", "ADJ"})
_LINE_REACH = 4
# Prepositions that tell when or in what something was said: "on Tuesday", "in a statement".
_WHEN_OR_WHERE = frozenset({"in", "on", "at", "during"})
# A quantifier after a source, floated off it: "Bernie Sanders and Ted Cruz both said" (PolNeAR leaves it out).
_FLOATING = frozenset({"both", "all", "each"})
# A digest line's topic ends at a spaced dash: "Pollsters agree - Carl Bialik:".
_DASHES = frozenset({"-", "—", "–", "―"})
# What ends the words of a quote before its closing mark (a title in marks ends in none of them).
_QUOTE_ENDS = frozenset({",", ".", "?", "!"})
_FROM_WORDS = frozenset({"more", "from"})
# How a speaker was when speaking, set off by a comma: "Clinton, clearly frustrated", "Cruz, when asked".
_ASIDES = frozenset({"amod", "advmod", "advcl", "acl", "npadvmod"})
# Prepositions of a phrase set off after a source, telling where, when or how they spoke: "Trump, in
# Kentucky, said", "Schilling, through a spokeswoman, declined" (PolNeAR's sources stop before it).
_SET_OFF = frozenset({"in", "on", "at", "during", "through", "after", "before", "with", "from", "via", "while"})
# A focus word before a source: "Even Lindsey Graham".
_FOCUS = frozenset({"even"})
# Where words appear, not who says them: platforms ("Twitter") and what people say things in ("a statement").
_PLATFORMS = frozenset(load_data("entities_en.json")["platforms"])
_DOCUMENTS = frozenset(load_data("coref_names.json")["said_nouns"])
# Who can be a source: a named person, group or place (and so open a paragraph with "Name:").
SPEAKING_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# What a bare cue must not take: "charged him", "charged that …", "went on to say", "charged with murder".
_OBJECTS_AND_CLAUSES = frozenset({"dobj", "ccomp", "xcomp", "dative", "attr", "oprd", "agent", "nsubjpass", "auxpass"})
_GOALS = frozenset({"with", "into", "against", "through", "toward", "towards", "to", "at"})
# What completes a verb's object: "urged him [to resign]", "called him [a liar]".
COMPLETIONS = frozenset({"xcomp", "oprd"})
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


@dataclass(frozen=True)
class Lexicon:
    """The cue lemmas by use."""

    speech: frozenset[str]
    belief: frozenset[str]
    evidence: frozenset[str]
    indirect_only: frozenset[str]
    object: frozenset[str]
    intent: frozenset[str]
    raising: frozenset[str]
    belief_adjectives: frozenset[str]
    claim_nouns: frozenset[str]
    belief_nouns: frozenset[str]
    evidence_nouns: frozenset[str]
    about_only: frozenset[str]
    to_topics: frozenset[str]
    asked_about: frozenset[str]
    performance: frozenset[str]
    impersonal_adjectives: frozenset[str]
    findings: frozenset[str]
    questioning: frozenset[str]
    phrasal_speech: dict[str, str]

    @cached_property
    def direct(self) -> frozenset[str]:
        """Lemmas that may attribute a quote in marks (joined once: asked of every verb)."""
        return (self.speech | self.belief | self.performance) - self.indirect_only

    @cached_property
    def indirect(self) -> frozenset[str]:
        """Lemmas that attribute a clausal complement (joined once: asked of every verb)."""
        return self.speech | self.belief | self.evidence | self.object | self.about_only


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The cue lexicon shipped with newsgraph, read once."""
    data = load_data("cues.json")
    return Lexicon(
        speech=frozenset(data["speech"]),
        belief=frozenset(data["belief"]),
        evidence=frozenset(data["evidence"]),
        indirect_only=frozenset(data["indirect_only"]),
        object=frozenset(data["object"]),
        intent=frozenset(data["intent"]),
        raising=frozenset(data["raising"]),
        belief_adjectives=frozenset(data["belief_adjectives"]),
        claim_nouns=frozenset(data["claim_nouns"]),
        belief_nouns=frozenset(data["belief_nouns"]),
        evidence_nouns=frozenset(data["evidence_nouns"]),
        about_only=frozenset(data["about_only"]),
        to_topics=frozenset(data["to_topics"]),
        asked_about=frozenset(data["asked_about"]),
        performance=frozenset(data["performance"]),
        impersonal_adjectives=frozenset(data["impersonal_adjectives"]),
        findings=frozenset(data["findings"]),
        questioning=frozenset(data["questioning"]),
        phrasal_speech=dict(data["phrasal_speech"]),
    )


def is_cue(token: Token, lemmas: frozenset[str]) -> bool:
    """A verb whose lemma is one of these reporting lemmas."""
    return token.pos_ in VERB_TAGS and token.lemma_.lower() in lemmas


def bare_cue(token: Token) -> bool:
    """ "“…,” Bolton charged.", "“…,” he went on.": a speech verb that is a cue only with a clause of its own
    ("charged that …", not "charged with murder"), or a verb that says something only with its particle,
    standing with neither object nor clause and ending its clause as a quote's tag does (the "agree" of
    "some governments did not agree" or the "recommended" of "as the “autopsy” recommended, and …" goes on)."""
    # The quote before the verb is its clause; one after it ("charged that …") makes it an ordinary cue.
    if token.pos_ not in VERB_TAGS or any(_takes_something(child) for child in token.rights):
        return False
    words = lexicon()
    lemma = token.lemma_.lower()
    following = _next(token)
    particle = words.phrasal_speech.get(lemma)
    if particle is not None:
        if following is None or following.lower_ != particle:
            return False
        following = _next(following)
    elif lemma not in words.speech & words.indirect_only:
        return False
    elif following is not None and following.dep_ == "prt":
        following = _next(following)
    return following is None or following.is_punct or _its_subject(following, token) or _when(following)


def _next(word: Token) -> Token | None:
    return word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None


def _when(word: Token) -> bool:
    """ "Bolton charged on Tuesday": a time after the cue still ends its clause."""
    return any(t.ent_type_ in {"DATE", "TIME"} for t in word.subtree) and word.dep_ in {"prep", "npadvmod"}


def _its_subject(word: Token, verb: Token) -> bool:
    """ "“…,” charged Senator Bolton": the words right after an inverted cue are its subject."""
    return any(word in child.subtree for child in verb.rights if child.dep_ in SUBJECTS)


def _takes_something(child: Token) -> bool:
    """An object, a clause or a goal: what makes "charged" an accusation or a rush, not a way of saying."""
    return child.dep_ in _OBJECTS_AND_CLAUSES or (child.dep_ == "prep" and child.lower_ in _GOALS)


def can_speak(subject: Token, cue: Token) -> bool:
    """Whether a subject can be the cue's source: not "it" of "it was reported", not a time, not another paragraph's."""
    if subject.lower_ in _EMPTY_SUBJECTS or subject.dep_ == "expl":
        return False
    first, last = sorted((subject.i, cue.i))
    if any("\n" in token.text for token in subject.doc[first:last]):
        return False
    return subject.ent_type_ not in _NOT_SOURCES or age_description(subject)


def age_description(word: Token) -> bool:
    """ "said the 46-year-old": NER reads a person described by age as a date."""
    return (
        word.lower_ == "old"
        and any(c.dep_ == "det" for c in word.children)
        and any(c.lemma_.lower() == "year" for c in word.subtree)
    )


def demonstrative(subject: Token) -> bool:
    """ "That" of "That said, …": the demonstrative, not the relative "that" of "a group that says"."""
    return subject.lower_ == "that" and subject.tag_ == "DT"


def is_according(token: Token) -> bool:
    """The "according" of "according to X"."""
    return token.lower_ == "according" and any(c.lower_ == "to" for c in token.children)


def according_source(token: Token) -> Token | None:
    """X in "according to X"."""
    for to in token.children:
        if to.lower_ == "to":
            return object_of(to)
    return None


def relayed_by(cue: Token) -> Token | None:
    """The "according" of "“…,” X said, according to Y": on the cue verb, after it, it names who relayed the words."""
    return next((child for child in cue.rights if is_according(child)), None)


def cue_end(token: Token) -> int:
    """End offset of a cue: the verb with its particle ("point out"), or "according to"."""
    end = token.idx + len(token)
    for child in token.children:
        if child.i == token.i + 1 and (child.dep_ == "prt" or (is_according(token) and child.lower_ == "to")):
            end = child.idx + len(child)
    return end


def subject_of(verb: Token) -> Token | None:
    """Who the reporting verb is about: its subject, or for participles and conjuncts the main clause's."""
    # PolNeAR's source of "Barkley, who said …" is "who", of "a group that advocates …"
    # mostly "that": the speakers component takes the pronoun to its antecedent.
    subject = _own_subject(verb)
    if subject is not None:
        return subject
    for child in verb.children:
        if child.dep_ == "agent":
            pobj = object_of(child)
            if pobj is not None:
                return pobj
    if verb.dep_ == "relcl" and verb.head.pos_ in {"PROPN", "NOUN"}:
        return verb.head
    if verb.dep_ == "conj" and verb.head is not verb:
        return subject_of(_reporting_ancestor(verb) or verb.head)
    if verb.dep_ == "acl" and verb.head.pos_ in {"PROPN", "NOUN"} and not _medium(verb.head):
        return verb.head
    if verb.tag_ == "VBG" and verb.dep_ in {"advcl", "xcomp", "conj", "acl"}:
        governing = _own_subject(verb.head)
        if governing is not None and governing.pos_ in {"PROPN", "PRON"} and governing.i < verb.i:
            return governing
        nearest = _nearest_subject_left(verb)
        if nearest is not None:
            return nearest
    return _subject_above(verb) or _apposition_before(verb) or set_off_before(verb)


def reports_again(verb: Token, reporting: Token) -> bool:
    """ "He said his attacks have given him momentum and said that …": a verb of saying joined to a
    word inside an earlier report, in that report's tense and not in the word's, reports again for
    the same speaker ("said its engineers examined … and concluded …" does not)."""
    return verb.dep_ == "conj" and verb.tag_ == reporting.tag_ != verb.head.tag_ and is_cue(verb, lexicon().speech)


def _reporting_ancestor(verb: Token) -> Token | None:
    """The earlier report's verb of saying that ``verb`` reports again for (``reports_again``)."""
    speech = lexicon().speech
    return next((a for a in verb.head.ancestors if is_cue(a, speech) and reports_again(verb, a)), None)


def _word_before(verb: Token) -> Token | None:
    """The last word before the verb in its sentence, past up to two marks (", said")."""
    i = verb.i - 1
    start = verb.sent.start
    while i >= start and verb.doc[i].pos_ == "PUNCT" and verb.i - i <= 2:
        i -= 1
    return verb.doc[i] if i >= start else None


def _apposition_before(verb: Token) -> Token | None:
    """ "In a statement to the paper, her adviser, Jake Sullivan, said: …": the parser may hang the
    speaker in apposition to the fronted phrase's noun and leave the verb without a subject."""
    word = _word_before(verb)
    if word is None:
        return None
    while word.dep_ == "conj" and word.head.i < word.i:
        word = word.head  # "…, the club's president and general manager, suggested"
    while word.dep_ == "appos" and word.head.dep_ == "appos" and word.head.i < word.i:
        word = word.head
    if word.dep_ != "appos" or word.pos_ not in {"NOUN", "PROPN"} or word.right_edge.i >= verb.i:
        return None
    phrase = word.head  # the noun it is in apposition to, inside prepositional phrases that modify the verb
    while phrase.dep_ in {"pobj", "prep"} and phrase.head != verb:
        phrase = phrase.head
    return word if phrase.dep_ == "prep" and phrase.head == verb else None


def set_off_before(verb: Token) -> Token | None:
    """ "Waiting times have grown, the clinic's director, Dr. Amir Haddad, said.": the parser may hang
    the speaker, set off by commas, on the fronted report and leave the verb without a subject."""
    word = _word_before(verb)
    if word is None:
        return None
    while word.dep_ == "appos" and word.head.i < word.i and word.head.right_edge.i < verb.i:
        word = word.head
    before = verb.doc[word.left_edge.i - 1] if word.left_edge.i > verb.sent.start else None
    fronted = word.head.i < word.i and verb in word.head.ancestors
    if word.pos_ not in {"NOUN", "PROPN"} or word.dep_ == "pobj" or before is None or before.text != ",":
        return None
    return word if fronted else None


def _medium(noun: Token) -> bool:
    """ "posted on Twitter accusing …", "said in a video saying …": where the words appeared, not who said them.

    The parser hangs the participle on the nearest noun; when that noun is the object of
    a preposition and names a platform or a document, the one speaking is the clause's subject.
    """
    if noun.dep_ != "pobj":
        return False
    platform = noun.text[:1].isupper() and noun.lower_ in _PLATFORMS
    return platform or noun.lemma_.lower() in _DOCUMENTS


def _own_subject(verb: Token) -> Token | None:
    """The verb's subject; of two ("LONDON (Reuters) — Boris Johnson said"), the one nearest before the verb."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    before = [c for c in subjects if c.i < verb.i]
    return before[-1] if before else (subjects[0] if subjects else None)


def _subject_above(verb: Token) -> Token | None:
    """ "were more likely to say", "goes on to say", "began by saying": the subject of the verb it hangs from."""
    current = verb
    for _ in range(3):
        if current.dep_ not in _CLIMB or current.head is current:
            return None
        current = current.head
        subject = next((c for c in current.children if c.dep_ in SUBJECTS), None)
        if subject is not None:
            return subject
    return None


def _nearest_subject_left(verb: Token) -> Token | None:
    """ "…, saying that …": the subject of the closest clause before the participle."""
    sent_start = verb.sent.start
    for i in range(verb.i - 1, sent_start - 1, -1):
        left = verb.doc[i]
        if left.pos_ in VERB_TAGS:
            subject = next((c for c in left.children if c.dep_ in SUBJECTS), None)
            if subject is not None and subject.tag_ not in RELATIVE_TAGS:
                return subject
    return None


def phrase_bounds(head: Token, cue: Token | None = None) -> tuple[int, int]:
    """Character span of the noun phrase a speaker's head word stands in, what describes it included.

    PolNeAR's sources keep appositions and relative clauses ("Chris Cox, who runs the
    lobbying arm,"), but never the cue itself: "the group backing Smith" ends before
    "backing". The speaker's entity is found from the head word alone.
    """
    head = _past_dateline(head)
    left, end_token = head.left_edge, head.right_edge
    if cue is not None and left.i <= cue.i <= end_token.i:
        end_token = head.doc[max(cue.left_edge.i - 1, head.i)]
        if cue.i < head.i:
            left = head.doc[cue.right_edge.i + 1] if cue.right_edge.i < head.i else head
    left = _past_closed_quote(_from_line_start(_past_focus(_after_dateline(left, head), head), head), head)
    end_token = _before_when_or_where_said(head, _before_aside(head, _before_participle(head, end_token)))
    if end_token.i > head.i and end_token.lower_ in _FLOATING:
        end_token = head.doc[end_token.i - 1]
    while left.i < head.i and left.pos_ in _EDGE_TAGS:
        left = head.doc[left.i + 1]
    while end_token.i > head.i and end_token.pos_ in _EDGE_TAGS and not _closes(end_token, left):
        end_token = end_token.doc[end_token.i - 1]
    # A phrase never runs over a line break (a headline or dateline above is not part of it).
    doc = head.doc
    for i in range(head.i - 1, left.i - 1, -1):
        if "\n" in doc[i].text_with_ws:
            left = doc[i + 1]
            break
    for i in range(head.i, end_token.i):
        if "\n" in doc[i].text_with_ws:
            end_token = doc[i - 1] if doc[i].is_space and i > head.i else doc[i]
            break
    return left.idx, end_token.idx + len(end_token)


def _after_dateline(left: Token, head: Token) -> Token:
    """ "NEW YORK - Republican presidential candidate Donald Trump said": the parse may hang the
    dateline's place on the speaker's name; the speaker starts after the dateline's dash."""
    dash = dateline_end(head)
    if dash is None or not left.i <= dash < head.i or not head.doc[dash - 1].whitespace_:
        return left  # no dateline, or the hyphen of a name ("MSNBC reporter Alex Seitz-Wald")
    return head.doc[dash + 1]


def _past_focus(left: Token, head: Token) -> Token:
    """ "Even Lindsey Graham, who has endorsed Cruz, said": "even" says how surprising the source is,
    not who it is (PolNeAR's sources leave it out 12 times in 14 on train; "only", "just" are kept)."""
    return head.doc[left.i + 1] if left.i < head.i and left.lower_ in _FOCUS and left.dep_ == "advmod" else left


def _from_line_start(left: Token, head: Token) -> Token:
    """ "Clinton top aide Huma Abedin emailed", "Texas Sen. Ted Cruz says": the parser may cut a
    paragraph's first words (a place, an employer, a field) off the title they open; the speaker's
    phrase then starts at the line's start when only such words lie between."""
    doc = head.doc
    first = left.i
    while first > 0 and left.i - first < _LINE_REACH and "\n" not in doc[first - 1].text_with_ws:
        word = doc[first - 1]
        if word.ent_type_ in _NOT_SOURCES or word.pos_ not in _PREMODIFIERS:
            return left
        first -= 1
    opens_line = first == 0 or "\n" in doc[first - 1].text_with_ws
    return doc[first] if first < left.i and opens_line and not doc[first].is_punct else left


def _before_participle(head: Token, end: Token) -> Token:
    """ "said Senator Mark Kirk, Republican of Illinois, becoming the first to break with him", "said
    Peter Rice, chairman of Fox, noting that …": what the speaker was doing while speaking, or
    another report of theirs, is not who they are. PolNeAR's sources mostly stop before it."""
    doc = head.doc
    for comma in doc[head.i + 1 : end.i]:
        following = doc[comma.i + 1]
        if comma.text == "," and following.tag_ in {"VBG", "VBN"} and following.dep_ in {"acl", "advcl", "relcl"}:
            return doc[comma.i - 1]
    return end


def _before_aside(head: Token, end: Token) -> Token:
    """ "Clinton, clearly frustrated,", "Ted Cruz, when asked what is wrong,", "Hillary Clinton, also
    campaigning in Wisconsin,": a set-off word on how the speaker was or what they were doing is not
    who they are (an apposition, "Tester, a Democrat", is)."""
    doc = head.doc
    for child in head.rights:
        comma = doc[child.left_edge.i - 1]
        alone = child.dep_ == "advmod" and child.left_edge.i == child.right_edge.i  # "then senior pastor at …"
        aside = child.dep_ in _ASIDES or (child.dep_ == "prep" and child.lower_ in _SET_OFF)
        if child.i <= end.i and aside and not alone and comma.text == "," and comma.i > head.i:
            return doc[comma.i - 1]
    return end


def _before_when_or_where_said(head: Token, end: Token) -> Token:
    """ "Trump on Tuesday", "Jeb Bush in a Medium post", "Comey, on Monday": the parser
    may hang when or in what the words were said on the speaker's name; it tells of the saying,
    not of who said it, and PolNeAR's sources stop before it."""
    if head.pos_ != "PROPN":
        return end  # "an executive at the Foundation in 2009", "a rally on Wednesday": what describes them
    last = next((c for c in head.rights if c.lower_ in _WHEN_OR_WHERE and c.right_edge.i == end.i), None)
    if last is None:
        return end
    place = object_of(last)
    if place is None or not (place.ent_type_ in {"DATE", "TIME"} or place.lemma_.lower() in _DOCUMENTS):
        return end
    before = head.doc[last.i - 1]
    while before.i > head.i and before.pos_ in _EDGE_TAGS:
        before = head.doc[before.i - 1]
    return before


def _past_closed_quote(left: Token, head: Token) -> Token:
    """ "“Very good reporter,” Trump, the frontrunner, said": the parse may start the speaker's phrase
    inside the quote before it; the phrase starts after a closing mark it does not open, or one that
    closes a sentence or a clause ("“…, and very principled,” Sarandon, 69, told"), which a title in
    marks ("the “Pose” actor") never does."""
    start, depth, straight = left.i, 0, []
    for token in head.doc[left.i : head.i]:
        if token.text in OPENING:
            depth += 1
        elif token.text in CLOSING:
            quoted = token.i > 0 and token.doc[token.i - 1].text in _QUOTE_ENDS
            depth, start = (depth - 1, start) if depth and not quoted else (0, token.i + 1)
        elif token.text in {STRAIGHT, DOUBLED}:
            straight.append(token.i)
    if len(straight) % 2:
        start = max(start, straight[-1] + 1)
    return head.doc[start]


def _closes(bracket: Token, left: Token) -> bool:
    """The ")" of "Lindsey Graham (R-SC)": a bracket opened inside the phrase is closed with it."""
    return bracket.text == ")" and "(" in bracket.doc[left.i : bracket.i].text


def _past_dateline(head: Token) -> Token:
    """ "HANOI, Vietnam (AP) — U.S. Defense Secretary Mark Esper said": the parser may make the dateline's
    place the subject, with the speaker in apposition after the dash."""
    dash = dateline_end(head)
    if dash is None or head.i > dash:
        return head  # no dateline, or a head after it
    return next((c for c in head.rights if c.dep_ == "appos" and c.i > dash), head)


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
    if not all(t.pos_ in _NAME_TAGS or t.text[:1].isupper() for t in words):
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


def adjacent_subject(cue: Token) -> tuple[int, int] | None:
    """The noun phrase right before the cue, when the parse tied the cue to a word of another paragraph."""
    doc = cue.doc
    i = cue.i - 1
    while i >= 0 and doc[i].pos_ in {"ADV", "AUX", "PART"} and cue.i - i <= 3:
        i -= 1
    if i < 0 or doc[i].pos_ not in {"PROPN", "NOUN", "PRON"} or "\n" in doc[i].text_with_ws:
        return None
    first = i
    while first > 0 and doc[first - 1].pos_ in _NAME_TAGS - {"PUNCT"} and "\n" not in doc[first - 1].text_with_ws:
        first -= 1
    return doc[first].idx, doc[i].idx + len(doc[i])
