"""What a reporting verb reports: the token range of its content, with the act it ascribes.

PolNeAR's content is all that was said: the clause with its lead-ins and the clauses
joined after it, never the speaker's next report or next act, nor the writer's aside.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.pipeline.quotes import acts
from newsgraph.pipeline.quotes.cues import COMPLETIONS, is_cue, lexicon
from newsgraph.pipeline.quotes.subjects import reports_again

# Complements that carry what was said; "ask whether …" and "know how …" parse the same way.
_CLAUSES = frozenset({"ccomp"})
# What may come between a reporting verb and its clause and still be said: "says, win or lose, …", "says no matter …".
_LEAD_INS = frozenset({"xcomp", "advmod", "neg", "advcl", "ccomp"})
DASHES = frozenset({"—", "–", "--", "―"})
# One-word answers that are what was said ("said yes", "a third said so").
_ANSWERS = frozenset({"yes", "no", "so"})
_QUESTION_WORDS = frozenset({"when", "how", "what", "whether", "if", "why", "where", "who", "which"})
# Prepositions whose object is what was said or thought ("called [for] a ban", "warned [of] delays").
_TOPICS = frozenset({"for", "on", "about", "of", "against"})
# What opens a reported condition ("said if elected …", "said unless the council pays …").
_CONDITIONS = frozenset({"if", "unless", "once", "when"})
# Conditions that may rather tell when something was said.
_TIMES = frozenset({"when", "once"})
# What opens a clause that tells when or why something was said, never what: "said as the crowd cheered".
_ADVERBIAL_MARKS = frozenset({"as", "while", "because", "since", "after", "before", "until", "although", "though"})
# What opens the writer's aside after a dash: "— which is …".
_ASIDES = frozenset({"which"})
# What turns a joined clause against the report: "…, but the Chinese have been reluctant".
_CONTRASTS = frozenset({"but", "while", "whereas", "yet"})
# What joins the speaker's next act to a report: "said … and thanked", "acknowledged … but declined".
_SEQUELS = frozenset({"and", "but"})
# Where the words after an object stop being part of it.
_STOPS = frozenset({"punct", "cc", "conj"})
# How a participle set off inside a report hangs in it: "…, claiming that …", "…, calling Trump …".
_PARTICIPLE_LINKS = frozenset({"advcl", "conj", "xcomp", "acl"})
_SUBJECTS_AND_AUX = frozenset({"nsubj", "nsubjpass", "expl", "aux", "auxpass"})
# Marks that close a sentence's first half: what stands before them is no fronted report.
_CLOSING_MARKS = frozenset({":", ";"})


def _object_range(verb: Token) -> tuple[int, int, str] | None:
    """For "object" cues: the object and what completes it ("urged [him to resign]", "calling for [a ban]")."""
    rights = list(verb.rights)
    obj = next((c for c in rights if c.dep_ == "dobj"), None)
    if obj is not None:
        found = object_range(obj, rights)
        return None if found is None else (*found, acts.STANCE)
    completion = next((c for c in rights if c.dep_ in COMPLETIONS), None)
    if completion is not None and verb.lemma_.lower() in lexicon().intent:
        return completion.left_edge.i, completion.right_edge.i, acts.INTENT
    prep = leading_prep(verb)
    if prep is None:
        return _for_clause(verb)
    if prep.lower_ not in _TOPICS and not (prep.lower_ == "to" and verb.lemma_.lower() in lexicon().to_topics):
        return None
    pobj = prep_object(prep)
    if pobj is None:
        return None
    return pobj.left_edge.i, rest_of_object(rights, pobj.right_edge.i), acts.STANCE


def _for_clause(verb: Token) -> tuple[int, int, str] | None:
    """ "is calling for [the United States to take a stronger role]": the parser reads "for" as the mark
    of a clause on the verb, not a preposition; what is called for is the clause after the mark."""
    clause = next((c for c in verb.rights if c.dep_ == "advcl"), None)
    if clause is None:
        return None
    mark = clause.left_edge
    if mark.lower_ != "for" or mark.dep_ != "mark" or mark.i > verb.i + 2 or mark.i + 1 >= clause.i:
        return None
    return mark.i + 1, clause.right_edge.i, acts.STANCE


def object_range(obj: Token, rights: list[Token]) -> tuple[int, int] | None:
    """A direct object with what completes it ("urged [him to resign]", "accused [X of Y]")."""
    if obj.pos_ == "PRON" and not any(c.dep_ in COMPLETIONS or (c.i > obj.i and acts.predicating(c)) for c in rights):
        # "asked him": a pronoun object alone is whom they spoke to, not what they said; "accused him [of
        # lying]", "described himself [as a moderate]" say something of it.
        return None
    return obj.left_edge.i, rest_of_object(rights, obj.right_edge.i)


def leading_prep(verb: Token) -> Token | None:
    """The preposition right after a verb, its particle aside ("called [for]", "lashed out [at]")."""
    for child in verb.rights:
        if child.dep_ != "prt":
            return child if child.dep_ == "prep" and child.i <= verb.i + 2 else None
    return None


def prep_object(prep: Token) -> Token | None:
    """What a preposition governs: a noun phrase or a clause ("for [a ban]", "of [holding talks]")."""
    return next((c for c in prep.children if c.dep_ in {"pobj", "pcomp"}), None)


def rest_of_object(rights: list[Token], last: int) -> int:
    """What follows the object up to a comma or a coordination: "accused [X of Y]", "compared [X to Y]"."""
    for child in rights:
        if child.i <= last or child.is_quote:
            continue  # a quote mark opens the completion's own words: "called [his death “a crisis”]"
        if child.dep_ in _STOPS or (child.dep_ == "advcl" and is_cue(child, lexicon().indirect)):
            break
        last = child.right_edge.i
    return last


def reported_range(verb: Token) -> tuple[int, int, str] | None:
    """Token range of what the verb reports (its clause, or for "object" cues its object), and the act."""
    clause = _reported_clause(verb)
    if clause is None:
        clause = _misattached_clause(verb) or _conditional_clause(verb)
    if clause is None and verb.lemma_.lower() in lexicon().speech:
        answer = next((c for c in verb.rights if c.lower_ in _ANSWERS and c.i == verb.i + 1), None)
        if answer is not None:
            return answer.i, answer.i, acts.SPEECH
    if clause is None or not any(c.dep_ in {"nsubj", "nsubjpass", "expl", "mark"} for c in clause.children):
        split = _split_clause(verb)
        if split is not None:
            return *split, acts.of_clause(verb)
    if clause is not None:
        cues, lemma = lexicon(), verb.lemma_.lower()
        belief = lemma in cues.belief and lemma not in cues.speech | cues.questioning
        if belief and clause.left_edge.lower_ in _QUESTION_WORDS:
            # "does not know when …" reports ignorance, not a belief.
            return None
        if clause.right_edge.i == clause.left_edge.i:
            return None
        return *clause_range(verb, clause), acts.of_clause(verb)
    if verb.lemma_.lower() in lexicon().object:
        return _object_range(verb)
    if verb.lemma_.lower() in lexicon().about_only or (verb.lemma_.lower() in lexicon().asked_about and unnamed(verb)):
        about = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ == "about" and c.i <= verb.i + 2), None)
        pobj = None if about is None else prep_object(about)
        return None if pobj is None else (pobj.left_edge.i, pobj.right_edge.i, acts.TOPIC)
    return None


def _reported_clause(verb: Token) -> Token | None:
    """The verb's clausal complement: the one after it when there is one.

    "In a statement released after the senator suspended his campaign, Cruz said he's
    certain …": the parser may hang a clause before the verb on it as well; the report
    fronted before its verb ("…, the Times said") is the one left when nothing follows.
    A clause closed by a colon or a semicolon before the verb ("Whites were split: half
    preferred Clinton") is a sentence of its own, and a verb that only takes a stance
    ("preferred", "supported") never has its report fronted.
    """
    clauses = [c for c in verb.children if c.dep_ in _CLAUSES and not dateline(c) and not _adverbial(c)]
    after = next((c for c in clauses if c.i > verb.i), None)
    if after is not None:
        return after
    before = next(iter(clauses), None)
    if before is None:
        return None
    cues = lexicon()
    if verb.lemma_.lower() not in cues.speech | cues.belief | cues.evidence:
        return None
    between = verb.doc[before.right_edge.i + 1 : verb.i]
    return None if any(t.text in _CLOSING_MARKS for t in between) else before


def _split_clause(verb: Token) -> tuple[int, int] | None:
    """ "added [the exact circumstances remained unclear]", "recommends [all adults get a vaccine]": the parser
    takes the clause's subject for the verb's object and hangs the rest on the verb without a subject."""
    if verb.lemma_.lower() not in lexicon().speech | lexicon().belief:
        return None
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ == "PRON":
        return None
    rest = next(
        (c for c in verb.rights if c.i > obj.i and c.dep_ in {"ccomp", "advcl"} and c.pos_ in {"VERB", "AUX"}), None
    )
    if rest is None or any(c.dep_ in {"nsubj", "nsubjpass", "mark", "aux"} and c.i < rest.i for c in rest.children):
        return None
    if any(t.is_punct for t in verb.doc[obj.right_edge.i + 1 : rest.left_edge.i]):
        return None
    return obj.left_edge.i, rest.right_edge.i


def _adverbial(clause: Token) -> bool:
    """ "“…,” Spencer said as a few young fighters worked out": a clause opened by "as", "while" or "because"
    tells when or why it was said, not what; the parser may still take it for the verb's complement."""
    return any(c.dep_ == "mark" and c.lower_ in _ADVERBIAL_MARKS for c in clause.children)


def dateline(clause: Token) -> bool:
    """ "WASHINGTON (AP) — A report said …": the parser may take the dateline for what was said."""
    after = clause.right_edge.i + 1
    return clause.i < clause.head.i and after < len(clause.doc) and clause.doc[after].text in DASHES


def _conditional_clause(verb: Token) -> Token | None:
    """ "said if elected she would cut the fees": the parser makes the whole report a condition of the verb."""
    if verb.lemma_.lower() not in lexicon().speech or any(c.dep_ == "dobj" for c in verb.children):
        return None
    clause = next((c for c in verb.rights if c.dep_ == "advcl" and c.left_edge.i == verb.i + 1), None)
    if clause is None or not any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children):
        return None
    opener = clause.left_edge
    # "when" opening the clause itself ("“…,” Trump said [when] Boyle asked him") tells when the words were
    # said; a report holds it in a clause of its own ("said [when he was young] he wanted to fly").
    timed = opener.lower_ in _TIMES and opener.head.i == clause.i
    return clause if opener.lower_ in _CONDITIONS and not timed else None


def _misattached_clause(verb: Token) -> Token | None:
    """ "said on Friday during a news conference that he may wait": a "that" clause the parser hung on the noun."""
    for prep in verb.rights:
        if prep.dep_ != "prep":
            continue
        for clause in prep.subtree:
            mark = clause.left_edge
            if clause.dep_ == "relcl" and mark.dep_ == "mark" and mark.lower_ == "that":
                return clause
    return None


def _before_aside(clause: Token, last: int) -> int:
    """ "Apple says that is what you can expect — which is an hour more than before": the writer's aside
    after a dash that closes the report is not part of it."""
    doc = clause.doc
    for token in doc[clause.i + 1 : last + 1]:
        after = token.i + 1
        if token.text in DASHES and after <= last and doc[after].lower_ in _ASIDES:
            end = token.i - 1
            while end > clause.i and doc[end].is_punct:
                end -= 1
            return end
    return last


def clause_range(verb: Token, clause: Token) -> tuple[int, int]:
    """The clause with what stands beside it after the verb: PolNeAR's content is all that was said.

    "says, win or lose, he's staying", "says no matter what …, “his word …”", "says that …,
    but instead Obama is …": the lead-in before the clause and the clauses joined after it
    are part of the report; a time, a place or "in a statement" beside the verb is not,
    and neither is a report of its own (", adding that …").
    """
    if clause.i < verb.i or clause.head.i != verb.i:
        return clause.left_edge.i, _before_aside(clause, _before_next_report(verb, clause, clause.right_edge.i))
    rights = [c for c in verb.rights if c.dep_ != "punct"]
    at = rights.index(clause)
    first = at
    while first > 0 and rights[first - 1].dep_ in _LEAD_INS:
        first -= 1
    last = at
    while last + 1 < len(rights) and _joined(rights[last + 1]) and not _contrasted(rights, last + 1):
        last += 1
    if rights[last].dep_ == "cc":
        last -= 1
    end = _before_own_act(verb, clause, _before_next_report(verb, clause, rights[last].right_edge.i))
    return rights[first].left_edge.i, _before_aside(clause, end)


def _before_next_report(verb: Token, clause: Token, last: int) -> int:
    """ "Kasich says he'd sit Putin down and tells the crowd he was first": the parser may hang the
    speaker's next report inside the first; a verb that reports again (``reports_again``), with no
    subject of its own and a report of its own, starts a second report."""
    for token in clause.subtree:
        if token.i > last or not (reports_again(token, verb) or set_off_participle(token)):
            continue
        if any(c.dep_ in _SUBJECTS_AND_AUX for c in token.children):
            continue
        if reported_range(token) is None:
            continue
        return _trimmed_before(token, clause)
    return last


def _before_own_act(verb: Token, clause: Token, last: int) -> int:
    """ "The office said the river could peak on Saturday and advised households to …": the parser
    joins the speaker's next act to the reported verb, but a verb in the reporting verb's tense,
    which cannot share the reported verb's auxiliary ("could advised"), has the speaker for its
    subject, so the report ends before it ("said it had lost stock and thanked …" likewise; "had
    risen and fallen" shares the "had" and stays)."""
    own = next((c for c in clause.rights if _speakers_act(c, verb, clause)), None)
    if own is None or own.left_edge.i > last:
        return last
    return _trimmed_before(own, clause)


def _speakers_act(token: Token, verb: Token, clause: Token) -> bool:
    """ "or ended them" and "rather than offered" offer alternatives to what was said: they stay."""
    joiner = next((c for c in reversed(list(clause.rights)) if c.dep_ == "cc" and c.i < token.i), None)
    return (
        token.dep_ == "conj"
        and joiner is not None
        and joiner.lower_ in _SEQUELS
        and token.pos_ == "VERB"
        and token.tag_ == verb.tag_ != clause.tag_
        and any(c.dep_ in {"aux", "auxpass"} for c in clause.children)
        and not any(c.dep_ in _SUBJECTS_AND_AUX for c in token.children)
    )


def _trimmed_before(token: Token, clause: Token) -> int:
    """The last word before ``token`` that is not a joining word or a mark other than a quote mark."""
    doc = token.doc
    end = token.left_edge.i - 1
    while end > clause.i and (doc[end].dep_ == "cc" or (doc[end].is_punct and not doc[end].is_quote)):
        end -= 1
    return end


def set_off_participle(token: Token) -> bool:
    """ "insisting that he has “expanded the party,” claiming that he is responsible": a reporting
    participle set off by a comma inside a report opens the speaker's next report, not more of the first."""
    if token.tag_ != "VBG" or token.dep_ not in _PARTICIPLE_LINKS or not is_cue(token, lexicon().indirect):
        return False
    before = token.i - 1
    while before > 0 and token.doc[before].is_quote:
        before -= 1
    return token.doc[before].text == ","


def _contrasted(rights: list[Token], at: int) -> bool:
    """ "…, but the Chinese have been reluctant": a contrast with a new named subject is the writer's.

    PolNeAR keeps a clause joined to the verb in the report ("says that …, but instead Obama
    is …"), and so do we, unless a "but" turns it to another named party ("…, but the
    Chinese have been reluctant"): the writer setting the report beside another fact. A
    contrast inside the reported clause stays: it is as often the speaker's own.
    """
    token = rights[at]
    return token.dep_ == "cc" and token.lower_ in _CONTRASTS and at + 1 < len(rights) and _named_subject(rights[at + 1])


def _named_subject(clause: Token) -> bool:
    subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subject is not None and subject.pos_ in {"NOUN", "PROPN"}


def _joined(token: Token) -> bool:
    """A clause after the report that goes on with what was said, not a new report or a shared-subject verb."""
    if token.dep_ == "cc":
        return True
    if token.dep_ in _CLAUSES and any(c.dep_ == "auxpass" for c in token.children):
        # "said the name would not be released until next of kin [could be told]": the parser may split
        # the clause in two; a passive verb is no second report of the speaker's, whatever its lemma.
        return True
    if token.dep_ not in _CLAUSES | {"conj"}:
        return False
    if is_cue(token, lexicon().indirect):
        # "said she was hopeful, and that she had asked both sides …": a second "that" clause of the
        # same verb, whatever its own verb, not a new report.
        return token.dep_ == "conj" and _that_clause(token)
    return token.dep_ == "ccomp" or any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in token.children)


def _that_clause(verb: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children) and any(
        c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children
    )


def unnamed(verb: Token) -> bool:
    """A participle with no one doing it: "Asked about …", "was asked about …".

    The tagger often reads a participle opening its sentence ("Asked whether …, Mr. Trump said",
    "When asked whom she supported, …") as a past tense: a past tense hung on the main clause with
    no subject of its own, opening its clause, is that participle all the same.
    """
    if any(c.dep_ in {"nsubj", "agent"} for c in verb.children):
        return False
    return verb.tag_ == "VBN" or (verb.tag_ == "VBD" and verb.dep_ == "advcl" and _opens_clause(verb))


def _opens_clause(verb: Token) -> bool:
    """Nothing of the verb's own clause before it but a word saying when ("When asked", "Once asked")."""
    return all(t.tag_ in {"WRB", "IN"} and t.head == verb for t in verb.doc[verb.left_edge.i : verb.i])
