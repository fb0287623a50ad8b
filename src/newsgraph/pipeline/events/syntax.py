"""Shapes of the dependency parse that decide whether words tell an event, and of what.

Small predicates over spaCy tokens, shared by the event coder: infinitives and wrappers
("threatened [to strike]"), orders, negation, "if" clauses, and the objects of
prepositions that name targets and places; passives, full or reduced ("helicopter shot
down"); subjects the parser hangs elsewhere (after an opening phrase, on a dateline);
phrases joined by "and" and the reciprocal "each other", which name the sides of a
two-sided act; and the clauses whose content is only aimed at, charged or feared.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from newsgraph.pipeline.datelines import credit, dateline_end
from newsgraph.pipeline.events.lexicon import has_lemma
from newsgraph.pipeline.events.words import (
    AIMED_PREPS,
    ENDING_VERBS,
    LIGHT_PREPS,
    PROSPECTS,
    PROTESTERS,
    SYMMETRIC,
    UNASSERTED,
)
from newsgraph.pipeline.extensions import doc_text
from newsgraph.pipeline.syntax import object_of

NO_ONE = frozenset({"nobody", "none", "nothing", "noone", "neither"})
SUBJECTS = ("nsubj", "csubj")
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


# Verbs whose object act is only held out or dreaded: "threatened retaliation", "warned of reprisals".
FEARING = frozenset({"threaten", "warn", "fear", "dread"})
# Words that deny the verb right after them, read by position where the parser loses them: "weren’t
# “asking", "neither attacked nor shelled".
DENIALS = frozenset({"not", "n't", "n’t", "never", "neither", "nor"})
# Verbs that say their clause did not happen: "denied that troops had fired", "denied firing".
DENYING = frozenset({"deny", "refute", "rebut"})
# Verbs of keeping from an act, whose "from" gerund was not done: "refrained from sending troops", "were barred
# from entering", "stopped the crowd from storming".
KEEPING_FROM = frozenset(
    {"refrain", "abstain", "desist", "prevent", "stop", "bar", "block", "ban", "prohibit", "keep", "deter", "restrain"}
)
# Words that set an act against the one done: "shelled the town instead of negotiating", "rather than negotiate".
IN_PLACE_OF = (("instead", "of"), ("rather", "than"))


def negated(token: Token) -> bool:
    """ "did not strike", "refused [not] to", "no arrests were made", "nobody was hurt", "denied that troops
    had fired", and "left without arresting anyone": what "without" governs (a gerund, parsed as its
    complement or object) was not done."""
    return (
        any(c.dep_ == "neg" for c in token.children)
        or (token.dep_ in ("pcomp", "pobj") and token.head.lower_ == "without")
        or _kept_from(token)
        or _in_place_of(token)
        or _denied_before(token)
        or (token.dep_ == "xcomp" and any(c.dep_ == "neg" for c in token.head.children))
        or (token.dep_ in ("ccomp", "xcomp") and token.head.lemma_.lower() in DENYING)
        or any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and no_one(c) for c in token.children)
    )


def _kept_from(verb: Token) -> bool:
    """ "refrained from sending troops", "were barred from arresting": an act kept from is not done."""
    return (
        verb.dep_ in ("pcomp", "pobj") and verb.head.lower_ == "from" and verb.head.head.lemma_.lower() in KEEPING_FROM
    )


def _in_place_of(verb: Token) -> bool:
    """The verb comes right after "instead of" or "rather than" (read by position, as the parser hangs "than" and
    "of" in several ways): the act set aside for another was not done."""
    i = verb.i - 1
    if i >= verb.sent.start and verb.doc[i].lower_ == "to":
        i -= 1
    return i - 1 >= verb.sent.start and (verb.doc[i - 1].lower_, verb.doc[i].lower_) in IN_PLACE_OF


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


def for_subject(clause: Token) -> Token | None:
    """The subject of a "for X to do" clause ("for Uganda to withdraw"), or None."""
    if clause.dep_ not in ("advcl", "ccomp", "xcomp", "acl") or not has_mark(clause, frozenset({"for"})):
        return None
    return next((c for c in clause.children if c.dep_ == "nsubj"), None)


def topic(head: Token, prep: Token, thing: Token | None) -> bool:
    """After a thing, "on" tells what it is about ("the opposition's policies on Estria"), not whom an act on it
    is aimed at (for acts that fall on a recipient, "sanctions on Iran", the caller reads "on" as their own)."""
    return head is thing and prep.lower_ in ("on", "upon")


def aimed_for(noun: Token) -> bool:
    """The event noun is what another noun aims at, asks for or fears ("the way for the annexation", "calls for the
    release", "the threat of an invasion", "plans for a strike")."""
    prep = noun.head
    return (
        noun.dep_ == "pobj"
        and prep.lower_ in ("for", "to", "of", "toward", "towards")
        and prep.head.pos_ == "NOUN"
        and prep.head.lemma_.lower() in PROSPECTS
    )


def feared(noun: Token) -> bool:
    """The event noun is what a verb threatens, warns of or fears ("threatened retaliation", "threatened Seoul with
    nuclear strikes", "warned of reprisals", "fear an invasion"): an act held out, not one done."""
    head = noun.head
    if noun.dep_ == "dobj":
        return head.lemma_.lower() in FEARING
    return (
        noun.dep_ == "pobj"
        and head.lower_ in ("of", "with", "against", "about")
        and head.head.pos_ == "VERB"
        and head.head.lemma_.lower() in FEARING
    )


def protesters(noun: Token) -> Token | None:
    """The protesters the sentence of a protest names: "The Hong Kong protests ... agitating the protesters"."""
    return next((t for t in noun.sent if t.pos_ == "NOUN" and t.lemma_.lower() in PROTESTERS), None)


def kind_of_doer(verb: Token) -> bool:
    """ "impunity for security forces who kill protesters", "a law that protects journalists who criticize the
    government": a relative clause in the simple present, on a common noun no definite word picks out, tells what a
    kind of people do, not an act done ("the officer who shot the teenager", "the rebels who attack" stay)."""
    if verb.dep_ != "relcl" or verb.tag_ not in ("VBP", "VBZ") or verb.head.pos_ != "NOUN":
        return False
    if any(c.dep_ in ("aux", "auxpass", "neg") for c in verb.children):
        return False
    return not any(c.dep_ in ("det", "poss") and c.lower_ not in KIND_DETERMINERS for c in verb.head.children)


# Determiners of a kind, not of someone picked out: "a man who attacks", "any state that invades".
KIND_DETERMINERS = frozenset({"a", "an", "any", "every", "all", "no", "each"})


def share_holds(verb: Token) -> bool:
    """ "Many Americans support a ban on assault weapons", "most voters blame Congress", "many businesses agree ...
    and support his efforts": the simple present told of a share of a group (many, most, some, a majority) is what
    that share thinks or does as a rule, as a poll finds it, not an act done."""
    if verb.tag_ not in ("VBP", "VBZ") or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and verb.dep_ == "conj":
        subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    return subject.lower_ in SHARES or any(c.dep_ in ("det", "amod") and c.lower_ in SHARES for c in subject.children)


def subjunctive(verb: Token) -> bool:
    """ "demanded that Israel withdraw its troops", "recommended that the government release the prisoners", "ordered
    that the prisoner be released": a clause whose verb is in its bare form with a subject of its own and no modal (the
    mandative subjunctive) tells what is asked or proposed, not what was done."""
    if verb.dep_ not in ("ccomp", "conj") or not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VB":
        return not auxiliaries
    return verb.tag_ == "VBN" and len(auxiliaries) == 1 and auxiliaries[0].lower_ == "be"


# Words of English for a share of a group.
SHARES = frozenset({"many", "most", "some", "few", "several", "majority", "minority", "half"})


def gerund_subject(token: Token) -> bool:
    """ "Fighting between Armenia and Azerbaijan resumed": a gerund subject names its act as a noun does, with its
    parties in its own phrases, not as a verb with a subject and an object."""
    return token.tag_ == "VBG" and token.dep_ in ("nsubj", "nsubjpass")


def sides_on_verb(noun: Token) -> list[Token]:
    """ "Clashes erupted between police and students", "fighting broke out between the army and rebels": the parser
    hangs the sides of a fight told by its noun on the verb the noun is the subject of; they are the noun's."""
    if noun.dep_ != "nsubj" or any(c.dep_ == "prep" and c.lower_ == "between" for c in noun.children):
        return []
    return [c for c in noun.head.children if c.dep_ == "prep" and c.lower_ == "between"]


def ends(verb: Token) -> bool:
    """ "the truce ended", "talks broke down"; but "clashes broke out" begin."""
    return has_lemma(verb, ENDING_VERBS) and not any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)


def symmetric(trigger: Token) -> bool:
    """A two-sided act by its word or by the noun its light verb takes ("engaged in a fierce battle")."""
    nouns = [c for c in trigger.children if c.dep_ == "dobj"]
    nouns += [g for c in trigger.children if c.dep_ == "prep" and c.lower_ in LIGHT_PREPS | {"in"} for g in c.children]
    return any(has_lemma(t, SYMMETRIC) for t in (trigger, *nouns))


def each_other(token: Token) -> bool:
    """ "each other", "one another": the reciprocal pronoun, which names the subject's sides to each other."""
    partner = {"other": "each", "another": "one", "one": "another"}.get(token.lower_)
    return partner is not None and any(c.lower_ == partner for c in token.children)


def and_joined(token: Token) -> Token | None:
    """The second of two phrases joined by "and" ("the US and China", "protesters and police")."""
    if not any(c.dep_ == "cc" and c.lower_ in ("and", "&") for c in token.children):
        return None
    return next((c for c in token.children if c.dep_ == "conj"), None)


def stranded_subject(verb: Token) -> Token | None:
    """The noun phrase just before a finite verb with no subject, when the parser hung it as the apposition or
    conjunct of a noun in an opening phrase: a noun phrase set after a comma right before the verb is its subject
    ("With the signing of a Memorandum on Ceasefire, the government and FLN/A have agreed"). Climbs joined verbs
    ("... have agreed and signed") to the one the phrase stands before."""
    for _ in range(3):
        if any(c.dep_ in (*SUBJECTS, "nsubjpass", "expl") for c in verb.children):
            return None
        if verb.dep_ in ("conj", "xcomp") and verb.head.i < verb.i:
            verb = verb.head
            continue
        before = verb.i - 1
        start = verb.sent.start
        while (
            before > start and verb.doc[before].head.i == verb.i and verb.doc[before].dep_ in ("aux", "neg", "advmod")
        ):
            before -= 1
        finite = any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in (verb, *verb.children) if t.i > before)
        if before <= start or not finite:
            return None
        return phrase_after_comma(verb.doc[start : before + 1])
    return None


def phrase_after_comma(words: SpacySpan) -> Token | None:
    """The head noun of the words after the last comma, when the parser hung it on the phrase before the comma
    as an apposition or a conjunct ("..., the government and FLN/A")."""
    comma = next((t.i for t in reversed(words) if t.lower_ == ","), None)
    if comma is None:
        return None
    roots = [t for t in words if t.i > comma and not comma < t.head.i < words.end]
    if len(roots) != 1:
        return None
    noun = roots[0]
    if noun.pos_ in ("NOUN", "PROPN") and noun.dep_ in ("appos", "conj") and noun.head.i < comma:
        return noun
    return None


def reduced_passive(verb: Token, subject: Token | None, target: Token | None) -> bool:
    """A past participle with a subject, no auxiliary and no object heads a clause of its own: a headline's
    passive ("helicopter shot down"), not a past tense ("Police arrested six people" is VBD)."""
    return (
        verb.tag_ == "VBN"
        and subject is not None
        and target is None
        and verb.dep_ in ("ROOT", "conj", "ccomp")
        and not has_aux(verb)
        and not (verb.dep_ == "conj" and has_aux(verb.head))
    )


def unasserted(token: Token) -> bool:
    """The clause is the content of a noun of doubt or charge ("accusations that it favors American products",
    "conspiracy theories suggesting he had been murdered"): a proposition told, not an act the text says
    happened (the accusation itself is coded at its own word)."""
    for _ in range(3):
        if token.dep_ not in ("acl", "ccomp") or token.head.i == token.i:
            return False
        token = token.head
        if token.pos_ == "NOUN" and token.lemma_.lower() in UNASSERTED:
            return True
    return False


def aimed_after(verb: Token, noun: Token) -> bool:
    """A phrase after the verb's object noun that tells whom the act named by the noun is aimed at."""
    return any(c.dep_ in ("prep", "dative") and c.lower_ in AIMED_PREPS and c.i > noun.i for c in verb.children)


def bare_noun(noun: Token) -> bool:
    """A noun with no complement: no preposition, clause or infinitive hangs from it ("her decision")."""
    return not any(c.dep_ in ("prep", "acl", "relcl", "ccomp", "xcomp", "advcl") for c in noun.children)


def joined_passive(verb: Token, subject: Token | None, target: Token | None) -> bool:
    """A past participle with no subject or object of its own joined to a passive told as done ("was hauled out
    and taken"); one under a modal ("should be impeached and removed") is left to the modal's reading."""
    return (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and subject is None
        and target is None
        and any(c.dep_ == "nsubjpass" for c in verb.head.children)
        and not any(c.dep_ == "aux" for c in verb.head.children)
    )


def aimed_at(verb: Token) -> Token | None:
    """The object of "at", "on", "upon", "into" or "against" after a verb: where what it fires is aimed."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("at", "on", "upon", "into", "against"):
            pobj = object_of(prep)
            if pobj is not None and pobj.ent_type_ not in ("DATE", "TIME"):
                return pobj
    return None


def clause_verb(token: Token) -> Token:
    """The verb of the clause the token is in (the token itself at the top of a verbless sentence)."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def passive(verb: Token) -> bool:
    """A participle with a passive auxiliary ("was arrested"): its subject is the one the act was done to."""
    return verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children)


def has_aux(verb: Token) -> bool:
    """An auxiliary of any kind: a participle with none may head a headline's passive ("helicopter shot down")."""
    return any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def past_dateline(verb: Token, actor: Token) -> Token | None:
    """The subject after a dateline or credit the parser took for it: "HANOI (AP) — Mark Esper accused" is Esper's
    act, "KAMPALA (Nile Wire)A protester attacked" the protester's.

    Another subject of the verb after the dateline comes first, then a name hung on the dateline
    ("Esper" as its apposition); with neither, no one is named.
    """
    end = dateline_end(actor)
    if (end is None or actor.i > end) and not credit(actor):
        return actor
    later = [c for c in verb.children if c.dep_ in SUBJECTS and c.i > actor.i and not credit(c)]
    later += [c for c in actor.children if c.dep_ in ("appos", "conj") and not credit(c)]
    return later[0] if later else None


def source(verb: Token) -> Token | None:
    """Who does what a verb's subject undergoes: the object of "from" or "by" ("criticism from X")."""
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return next(
        (
            g
            for h in heads
            for c in h.children
            if c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by")
            for g in c.children
            if g.dep_ == "pobj"
        ),
        None,
    )
