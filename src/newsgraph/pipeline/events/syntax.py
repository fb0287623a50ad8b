"""Shapes of the dependency parse that decide whether words tell an event, and of what.

Small predicates over spaCy tokens, shared by the event coder: infinitives and wrappers
("threatened [to strike]"), orders, negation, "if" clauses, and the objects of
prepositions that name targets and places.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from newsgraph.pipeline.extensions import doc_text
from newsgraph.pipeline.syntax import object_of

NO_ONE = frozenset({"nobody", "none", "nothing", "noone", "neither"})
TARGET_PREPS = ("on", "against", "with", "to", "at", "into", "upon", "toward", "towards", "from", "of", "for")


def attribution(token: Token) -> bool:
    """ "according to the ministry": a preposition of attribution that the tagger calls a verb."""
    return token.lower_ == "according" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to"


def is_question(sent: SpacySpan) -> bool:
    return doc_text(sent.doc)[sent.start_char : sent.end_char].rstrip().rstrip("\"'”’»)").endswith("?")


def infinitive(token: Token) -> bool:
    """A "to" verb stands for an aim or a plan, not a deed, unless a wrapper verb codes it.

    The parser sometimes takes the "to" for a preposition ("threatening [to assault]" as its
    object); a base-form verb there is an infinitive all the same, and so is a verb joined to
    one ("to assault and murder").
    """
    if token.dep_ == "conj" and token.tag_ == "VB" and token.head.i != token.i:
        return infinitive(token.head)
    if token.tag_ == "VB" and token.dep_ in ("pobj", "pcomp") and token.head.lower_ == "to":
        return True
    return token.dep_ in ("xcomp", "advcl", "acl", "relcl", "ccomp", "pcomp") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children
    )


def infinitive_of(token: Token) -> Token | None:
    """The verb a wrapper governs: "threatened [to strike]", "is willing [to withdraw]"."""
    for child in token.children:
        if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
            return child
        # "sworn to fight"; but in "staged a protest to demand" the clause is a purpose.
        if (
            child.dep_ == "advcl"
            and child.pos_ == "VERB"
            and any(c.lower_ == "to" for c in child.lefts)
            and not any(c.dep_ == "dobj" for c in token.children)
        ):
            return child
        if child.dep_ == "prep" and child.lower_ == "to":
            pcomp = next((c for c in child.children if c.dep_ in ("pcomp", "pobj") and c.pos_ == "VERB"), None)
            if pcomp is not None:
                return pcomp
    return None


def imperative(token: Token) -> bool:
    """A bare verb that heads its sentence without a subject: an order to the reader."""
    return (
        token.dep_ == "ROOT"
        and token.tag_ == "VB"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children)
        and not any(
            c.dep_ == "aux" and c.lower_ in ("to", "will", "would", "can", "could", "must") for c in token.children
        )
    )


# Words that deny the verb right after them, read by position where the parser loses them: "weren’t
# “asking", "neither attacked nor shelled".
DENIALS = frozenset({"not", "n't", "n’t", "never", "neither", "nor"})
# Verbs that say their clause did not happen: "denied that troops had fired", "denied firing".
DENYING = frozenset({"deny", "refute", "rebut"})


def negated(token: Token) -> bool:
    """ "did not strike", "refused [not] to", "no arrests were made", "nobody was hurt", "denied that troops
    had fired", and "left without arresting anyone": what "without" governs (a gerund, parsed as its
    complement or object) was not done."""
    return (
        any(c.dep_ == "neg" for c in token.children)
        or (token.dep_ in ("pcomp", "pobj") and token.head.lower_ == "without")
        or _denied_before(token)
        or (token.dep_ == "xcomp" and any(c.dep_ == "neg" for c in token.head.children))
        or (token.dep_ in ("ccomp", "xcomp") and token.head.lemma_.lower() in DENYING)
        or any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and no_one(c) for c in token.children)
    )


def _denied_before(verb: Token) -> bool:
    """A denial just before the verb, past quotation marks and auxiliaries ("weren’t “asking", where the
    parser takes a curly "n’t" for a noun; "nor shelled")."""
    i = verb.i - 1
    start = verb.sent.start
    while i >= start and (verb.doc[i].is_quote or verb.doc[i].dep_ in ("aux", "auxpass")):
        i -= 1
    return verb.pos_ == "VERB" and i >= start and verb.doc[i].lower_ in DENIALS


def no_one(token: Token) -> bool:
    """A phrase that names no one and nothing: "nobody", "no one", "no arrests", "none of them"."""
    return token.lower_ in NO_ONE or any(c.dep_ == "det" and c.lower_ == "no" for c in token.children)


def asks_whether(verb: Token) -> bool:
    """ "asked whether the men would face charges", "asked Morrison about his concerns": a question put,
    not a request made (the PLOVER manual's REQUEST asks for something: "asked for", "asked them to")."""
    if any(t.text == "?" for t in verb.sent if t.i > verb.i):
        # "And I asked, well, on whose authority?"
        return True
    if any(c.dep_ == "prep" and c.lower_ == "about" for c in verb.children) and not any(
        (c.dep_ == "prep" and c.lower_ == "for") or c.dep_ in ("xcomp", "ccomp") for c in verb.children
    ):
        return True
    return any(
        m.i < c.i and ((m.dep_ == "mark" and m.lower_ in ("whether", "if")) or m.tag_ in ("WDT", "WP", "WRB"))
        for c in verb.children
        if c.dep_ == "ccomp"
        for m in c.children
    )


def state_of_object(verb: Token) -> bool:
    """ "keep their phones charged", "found the door locked": a participle telling a state of the object."""
    return (
        verb.dep_ in ("xcomp", "oprd", "ccomp")
        and verb.tag_ == "VBN"
        and any(c.dep_ == "dobj" and c.i < verb.i for c in verb.head.children)
    )


def has_mark(token: Token, words: frozenset[str]) -> bool:
    return any(c.dep_ in ("mark", "advmod") and c.lower_ in words for c in token.children)


def conditional(verb: Token) -> bool:
    """The verb heads the main clause of a condition ("faces a sentence of 175 years if convicted")."""
    return any(c.dep_ == "advcl" and has_mark(c, frozenset({"if", "unless"})) for c in verb.children)


def counterfactual(verb: Token) -> bool:
    """ "would have objected", "could have stopped": a modal perfect tells what did not happen."""
    auxes = [c.lower_ for c in verb.children if c.dep_ == "aux"]
    return "have" in auxes and any(a in ("would", "could", "might", "should", "may", "must") for a in auxes)


def condition(verb: Token) -> Token | None:
    """The subject of an "if" or "unless" clause of the verb: whom a threat is aimed at."""
    for clause in verb.children:
        if clause.dep_ == "advcl" and has_mark(clause, frozenset({"if", "unless"})):
            return next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return None


def going_to(verb: Token) -> bool:
    head = verb.head
    return verb.dep_ == "xcomp" and head.lower_ == "going" and any(c.lower_ == "to" for c in verb.children)


def place_words(prep: Token) -> list[Token]:
    """The object of a preposition, its conjuncts, and "the town of [Cizre]"."""
    words: list[Token] = []
    for pobj in (c for c in prep.children if c.dep_ == "pobj"):
        words += [pobj, *(c for c in pobj.children if c.dep_ in ("conj", "appos", "compound"))]
        for of in (c for c in pobj.children if c.dep_ == "prep" and c.lower_ == "of"):
            words += [c for c in of.children if c.dep_ == "pobj"]
    return words


def prep_object(token: Token) -> Token | None:
    """The object of the first preposition after the word that can name whom it is aimed at. A phrase put
    before the clause sets its scene ("At the UN summit, Modi pledged ..."), it names no target."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in TARGET_PREPS and prep.i > token.i:
            pobj = object_of(prep)
            if pobj is not None and pobj.ent_type_ not in ("DATE", "TIME"):
                # "met on Friday": a time names no one the act is aimed at.
                return pobj
    return None


def depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token = token.head
        depth += 1
    return depth


def absolute_of(verb: Token) -> Token | None:
    """The verb a "with" clause hangs from: "reopen, [with lorries allowed back]" -> "reopen"."""
    noun = verb.head
    if verb.dep_ != "acl" or noun.dep_ != "pobj" or noun.head.lower_ != "with":
        return None
    ruling = noun.head.head
    return ruling if ruling.pos_ in ("VERB", "AUX") else None


def prospect(clause: Token) -> bool:
    """ "Talks are due to resume", "the vote is set to take place": what is expected, not what happened."""
    return any(
        c.dep_ == "acomp" and any(x.dep_ == "xcomp" and infinitive(x) for x in c.children) for c in clause.children
    )
