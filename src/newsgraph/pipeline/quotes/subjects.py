"""Who a cue is about: its subject, or where the parse leaves it without one, the subject it shares or is set
off from; and whether that subject can be anyone's source at all."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.pipeline.lexicons import load_data
from newsgraph.pipeline.quotes.cues import (
    DOCUMENTS,
    NAME_TAGS,
    NOT_SOURCES,
    RELATIVE_TAGS,
    SUBJECTS,
    VERB_TAGS,
    is_cue,
    lexicon,
)
from newsgraph.pipeline.syntax import object_of

# Subjects that stand for nobody: "It was reported that …", "There is said to be …".
_EMPTY_SUBJECTS = frozenset({"there", "this", "what"})
# Links from a verb up to the clause whose subject it shares.
_CLIMB = frozenset({"xcomp", "pcomp", "prep", "acomp", "advcl", "dep"})
# What may stand between a clause and a predicate sharing its subject: ", then says", ", and says".
_LINKING = frozenset({"PUNCT", "CCONJ", "ADV"})
_NOMINAL = frozenset({"PROPN", "NOUN", "PRON"})
# A name or a pronoun: who, for certain, not what.
_NAMING = frozenset({"PROPN", "PRON"})
# How many clauses up a gerund after a preposition looks for who does it.
_GERUND_REACH = 3
# Clauses taken by a verb or a noun ("forecast that …", "his prediction that …").
_COMPLEMENTS = frozenset({"ccomp", "acl"})
# Tensed verb forms: "praised", "praises".
_TENSED = frozenset({"VBD", "VBZ"})
# What may stand between a set-off speaker and the verb: ", said", "Johnson also railed".
_ADVERBS = frozenset({"PUNCT", "ADV"})
# Names that can speak when the parser hangs them on a fronted phrase.
_SPEAKING_NAMES = frozenset({"PERSON", "ORG"})
# How the parser hangs a share of those polled on the verb it is the subject of ("About 4 in 10 say").
_SHARE_LINKS = frozenset({"nummod", "npadvmod", "advmod", "nsubj"})
_SHARES = frozenset({"half", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "majority", "most"})
_SHARE_TAGS = frozenset({"NUM", "ADV", "ADJ", "DET", "NOUN"})
_SHARE_LINKING = frozenset({"in", "than", "of", "out", "to", "and", "or", "-"})
# Subjects that stand for what was said, not for who says it: "That is like saying …".
_DEMONSTRATIVES = frozenset({"that", "this"})
# Where words appear, not who says them: platforms ("Twitter"); what people say things in is ``DOCUMENTS``.
_PLATFORMS = frozenset(load_data("entities_en.json")["platforms"])


def can_speak(subject: Token, cue: Token) -> bool:
    """Whether a subject can be the cue's source: not "it" of "it was reported", not a time, not another paragraph's."""
    if subject.lower_ in _EMPTY_SUBJECTS or subject.dep_ == "expl":
        return False
    first, last = sorted((subject.i, cue.i))
    if any("\n" in token.text for token in subject.doc[first:last]):
        return False
    return subject.ent_type_ not in NOT_SOURCES or age_description(subject)


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
        return subject_of(_reporting_ancestor(verb) or _conjunct_in_tense(verb) or verb.head)
    if verb.dep_ == "acl" and verb.head.pos_ in {"PROPN", "NOUN"} and not _medium(verb.head):
        return verb.head
    if verb.tag_ == "VBG" and verb.dep_ == "pcomp":
        return _gerund_subject(verb)
    if verb.tag_ == "VBG" and verb.dep_ in {"advcl", "xcomp", "conj", "acl"}:
        governing = _own_subject(verb.head)
        if governing is not None and governing.pos_ in {"PROPN", "PRON"} and governing.i < verb.i:
            return governing
        nearest = _nearest_subject_left(verb)
        if nearest is not None:
            return nearest
    return (
        _subject_above(verb)
        or _apposition_before(verb)
        or set_off_before(verb)
        or _subject_shared_before(verb)
        or _share_before(verb)
    )


def _share_before(verb: Token) -> Token | None:
    """ "About 4 in 10 say …", "Less than a third agreed …", "after half said so": the parser hangs a share
    of those polled on the verb as a modifier, leaving it no subject; the share is who says it."""
    word = _word_before(verb)
    if word is None or word.head != verb or word.dep_ not in _SHARE_LINKS or word.right_edge.i != verb.i - 1:
        return None
    words = list(word.subtree)
    counted = any(t.like_num or t.lower_ in _SHARES for t in words)
    within = all(t.pos_ in _SHARE_TAGS or t.lower_ in _SHARE_LINKING for t in words)
    return word if counted and within else None


def _subject_shared_before(verb: Token) -> Token | None:
    """ "Kasich offered the man a job, then says he'll welcome advice": the parser may read a predicate
    sharing the subject before it as a verb with no subject whose clause is the one before the comma.

    Only when the words between are a comma, a conjunction or an adverb ("then"), not quote marks:
    "“…,” says" is a quote's tag, whose speaker is after the verb or nowhere; and not "it", which
    there stands for what follows ("It's funny to watch Romney, …, suddenly insist").
    """
    clause = next((c for c in verb.lefts if c.dep_ == "ccomp"), None)
    if clause is None or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    if any(c.dep_ == "mark" for c in clause.children):
        return None  # "While the lineup is light, Early says …": a clause of its own, not a shared subject
    between = verb.doc[clause.right_edge.i + 1 : verb.i]
    linking = all(t.pos_ in _LINKING and not t.is_quote and not t.is_title for t in between)
    if not between or not linking:
        return None  # a capitalised "adverb" there is a name the tagger missed ("…, Early says")
    subject = next((c for c in clause.lefts if c.dep_ == "nsubj"), None)
    named = subject is not None and subject.pos_ in _NOMINAL and subject.lower_ not in _DEMONSTRATIVES | {"it"}
    return subject if named else None


def _gerund_subject(verb: Token) -> Token | None:
    """ "score endorsements by citing his Iowa results", "In addition to stating that …, Clinton has vowed",
    "Trump's talking about …": a gerund after a preposition is done by its possessor, else by the subject
    of the clause the preposition hangs on ("That is like saying …" is no one's).

    A subject whose phrase holds the gerund is a noun the parser hung it on ("his plans to defeat the
    Islamic State by calling for …", "the campaign risks … by dismissing him"): the clause above is asked.
    """
    owner = next((c for c in verb.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    clauses = [a for a in verb.ancestors if a.pos_ in VERB_TAGS][:_GERUND_REACH]
    for clause in clauses:
        subject = subject_of(clause)
        if subject is None or subject.lower_ in _DEMONSTRATIVES:
            return None
        if not subject.left_edge.i <= verb.i <= subject.right_edge.i:
            return subject
    return None


def reports_again(verb: Token, reporting: Token) -> bool:
    """ "He said his attacks have given him momentum and said that …": a verb of saying joined to a
    word inside an earlier report, in that report's tense and not in the word's, reports again for
    the same speaker ("said its engineers examined … and concluded …" does not)."""
    return verb.dep_ == "conj" and verb.tag_ == reporting.tag_ != verb.head.tag_ and is_cue(verb, lexicon().speech)


def _conjunct_in_tense(verb: Token) -> Token | None:
    """ "Mr. Putin forecast that the economy would rebound and praised efforts by Kerry": the parser joins
    the tensed verb to the bare verb inside the clause a verb or a noun above takes; in the tense of a
    verb above that clause, it goes on with that verb, and has its subject."""
    if verb.tag_ not in _TENSED or verb.head.tag_ != "VB" or verb.head.dep_ not in _COMPLEMENTS:
        return None  # "(the company would not disclose the number but called it …)" goes on with "disclose"
    return next((a for a in verb.head.ancestors if a.tag_ == verb.tag_ and _own_subject(a) is not None), None)


def _reporting_ancestor(verb: Token) -> Token | None:
    """The earlier report's verb of saying that ``verb`` reports again for (``reports_again``)."""
    speech = lexicon().speech
    return next((a for a in verb.head.ancestors if is_cue(a, speech) and reports_again(verb, a)), None)


def _word_before(verb: Token, skipped: frozenset[str] = frozenset({"PUNCT"})) -> Token | None:
    """The last word before the verb in its sentence, past up to two words of the ``skipped`` parts of
    speech: marks (", said"), or adverbs too ("Brenda Johnson also railed")."""
    i = verb.i - 1
    start = verb.sent.start
    while i >= start and verb.doc[i].pos_ in skipped and verb.i - i <= 2:
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
    the speaker, set off by commas, on the fronted report and leave the verb without a subject.

    So it may on a fronted place: "At an event in St. Clairsville, Ohio, 62-year-old Brenda Johnson
    also railed against …" reads the name as one more place the preposition governs. Only a name the
    recogniser calls a person's or an organisation's is taken from such a phrase.
    """
    word = _word_before(verb, _ADVERBS)
    if word is None:
        return None
    while word.dep_ == "appos" and word.head.i < word.i and word.head.right_edge.i < verb.i:
        word = word.head
    before = verb.doc[word.left_edge.i - 1] if word.left_edge.i > verb.sent.start else None
    fronted = word.head.i < word.i and verb in word.head.ancestors
    named = word.ent_type_ in _SPEAKING_NAMES and word.pos_ == "PROPN"
    if word.pos_ not in {"NOUN", "PROPN"} or (word.dep_ == "pobj" and not named):
        return None
    return word if fronted and before is not None and before.text == "," else None


def _medium(noun: Token) -> bool:
    """ "posted on Twitter accusing …", "said in a video saying …": where the words appeared, not who said them.

    The parser hangs the participle on the nearest noun; when that noun is the object of
    a preposition and names a platform or a document, the one speaking is the clause's subject.
    """
    if noun.dep_ != "pobj":
        return False
    platform = noun.text[:1].isupper() and noun.lower_ in _PLATFORMS
    return platform or noun.lemma_.lower() in DOCUMENTS


def _own_subject(verb: Token) -> Token | None:
    """The verb's subject; of two ("LONDON (Reuters) — Boris Johnson said"), the one nearest before the verb."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    before = [c for c in subjects if c.i < verb.i]
    return before[-1] if before else (subjects[0] if subjects else None)


def _subject_above(verb: Token) -> Token | None:
    """ "were more likely to say", "goes on to say", "began by saying": the subject of the verb it hangs from.

    An infinitive after a passive is its subject's to do ("Mr. Trump was prompted to say", "Mr. Loeb was
    allowed to speak out") when that subject names someone ("more research is needed to evaluate" names
    no one). After an active verb's object it is not taken as the object's: on PolNeAR
    train 0-300 that gained 3 speakers ("prompted Sanders to advocate") and lost 8, the object being a
    means ("used an expletive to describe") or PolNeAR giving the words to who made them say it.
    """
    if verb.dep_ == "xcomp" and verb.head is not verb:
        passive = next((c for c in verb.head.lefts if c.dep_ == "nsubjpass" and c.pos_ in _NAMING), None)
        if passive is not None:
            return passive
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


def adjacent_subject(cue: Token) -> tuple[int, int] | None:
    """The noun phrase right before the cue, when the parse tied the cue to a word of another paragraph."""
    doc = cue.doc
    i = cue.i - 1
    while i >= 0 and doc[i].pos_ in {"ADV", "AUX", "PART"} and cue.i - i <= 3:
        i -= 1
    if i < 0 or doc[i].pos_ not in {"PROPN", "NOUN", "PRON"} or "\n" in doc[i].text_with_ws:
        return None
    first = i
    while first > 0 and doc[first - 1].pos_ in NAME_TAGS - {"PUNCT"} and "\n" not in doc[first - 1].text_with_ws:
        first -= 1
    return doc[first].idx, doc[i].idx + len(doc[i])
