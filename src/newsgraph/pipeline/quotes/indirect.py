"""Reported speech from the dependency parse: "X said (that) …", "…, saying that …", "according to X"."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from newsgraph.pipeline.datelines import credit
from newsgraph.pipeline.extensions import indices_where
from newsgraph.pipeline.intervals import Intervals
from newsgraph.pipeline.quotes import acts
from newsgraph.pipeline.quotes.cues import (
    COMPLETIONS,
    RELATIVE_TAGS,
    SUBJECTS,
    according_source,
    adjacent_subject,
    can_speak,
    cue_end,
    demonstrative,
    is_according,
    is_cue,
    lexicon,
    name_before_colon,
    phrase_bounds,
    reports_again,
    set_off_before,
    subject_of,
)

# Complements that carry what was said; "ask whether …" and "know how …" parse the same way.
_CLAUSES = frozenset({"ccomp"})
# What may come between a reporting verb and its clause and still be said: "says, win or lose, …", "says no matter …".
_LEAD_INS = frozenset({"xcomp", "advmod", "neg", "advcl", "ccomp"})
# What a raising verb says of its subject: "appears [to be dead]", "seems [uneasy]", "It appears [that …]".
_RAISED = frozenset({"xcomp", "acomp", "ccomp", "attr"})
# Verbs that put forward a claim noun as their subject's own ("made the argument that …").
_VOICING = frozenset({"make", "issue", "repeat", "offer", "voice", "express", "raise", "reiterate", "deliver", "share"})
_DASHES = frozenset({"—", "–", "--", "―"})
# Verbs whose "as" clause names a source for the sentence: "As the Gazette reported, …", "As Ryan pointed out, …".
_AS_SOURCES = frozenset(
    {"report", "note", "say", "write", "explain", "point", "tell", "reveal", "mention", "observe", "state"}
)
# A clause a verb says of its own ("said [he would]", "told them [to]"): no "as" clause then.
_SAID_OBJECTS = frozenset({"ccomp", "xcomp"})
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
_SUBJECT_LINKS = frozenset({"nsubj", "nsubjpass"})
# The marks that set an aside off, each with the mark that closes it.
_ASIDE_MARKS = {"(": ")", "--": "--", "—": "—", "–": "–"}
# Marks that close a sentence's first half: what stands before them is no fronted report.
_CLOSING_MARKS = frozenset({":", ";"})
_EDGE_PUNCT = ",.;:!?—–-\"“”'‘’()"


@dataclass
class Candidate:
    """A quote found but not yet resolved: spans as (start, end) character offsets."""

    kind: str
    start: int
    end: int
    cue: tuple[int, int] | None
    speaker: tuple[int, int] | None
    cue_token: int | None = None
    parts: list[tuple[int, int]] = field(default_factory=list)
    paragraph: int = 0
    # What the report ascribes (``acts.py``): only speech is stored as a quote.
    act: str = acts.SPEECH
    # The quote this one goes on with, speaker and all, having no cue of its own.
    continues: Candidate | None = None
    # Proposed by the report scorer (``learned.py``) rather than read by the rules from a listed cue.
    scored: bool = False
    # Who relayed the speaker's words to the writer: "“…,” X said, according to [Y]".
    via: tuple[int, int] | None = None


def trimmed(doc: Doc, first: int, last: int) -> tuple[int, int] | None:
    """Token range first..last (inclusive) as characters, without punctuation at its edges or a dateline
    before it ("(CNN) President Trump, according to the White House, made …" reports from "President")."""
    while first <= last and (doc[first].text in _EDGE_PUNCT or credit(doc[first])):
        first += 1
    while last >= first and (doc[last].text in _EDGE_PUNCT or doc[last].is_space):
        last -= 1
    if last < first:
        return None
    return doc[first].idx, doc[last].idx + len(doc[last])


def speaker_span(subject: Token | None, cue: Token) -> tuple[int, int] | None:
    if subject is not None and not can_speak(subject, cue):
        # The parser may tie a cue to a subject in the paragraph above (a headline): look beside the cue.
        return adjacent_subject(cue) if subject.lower_ not in {"there", "this", "what"} else None
    return None if subject is None else phrase_bounds(subject, cue)


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


def _reported_range(verb: Token) -> tuple[int, int, str] | None:
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
    if verb.lemma_.lower() in lexicon().about_only or (verb.lemma_.lower() in lexicon().asked_about and _unnamed(verb)):
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
    return clause.i < clause.head.i and after < len(clause.doc) and clause.doc[after].text in _DASHES


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
        if token.text in _DASHES and after <= last and doc[after].lower_ in _ASIDES:
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
        if token.i > last or not (reports_again(token, verb) or _set_off_participle(token)):
            continue
        if any(c.dep_ in _SUBJECTS_AND_AUX for c in token.children):
            continue
        if _reported_range(token) is None:
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


def _set_off_participle(token: Token) -> bool:
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


def _unnamed(verb: Token) -> bool:
    """A participle with no one doing it: "Asked about …", "was asked about …"."""
    return verb.tag_ == "VBN" and not any(c.dep_ in {"nsubj", "agent"} for c in verb.children)


def _from_verb(verb: Token) -> Candidate | None:
    found = _reported_range(verb)
    if found is None:
        return None
    first, last, act = found
    lead = _relative_lead(verb, first, last)
    if first < verb.i <= last:
        # "records that officials said would harm …": the relative pronoun opens the clause before the verb.
        first = verb.right_edge.i + 1 if verb.right_edge.i < last else verb.i + 1
    span = trimmed(verb.doc, first, last)
    if span is None or span[0] <= verb.idx < span[1]:
        return None
    if act == acts.STANCE:
        act = acts.of_object(verb, verb.doc[first : last + 1].text)
    subject = _reporter(verb)
    if subject is not None and demonstrative(subject):
        # "That said, the agency says …": an idiom of the writer's, not a report; the report is the one inside.
        return None
    if subject is not None and first <= subject.i <= last:
        if last < verb.i and subject == set_off_before(verb):
            span = trimmed(verb.doc, first, subject.left_edge.i - 1)
        else:
            subject = None
    if span is None:
        return None
    report = _verb_report(verb, span, subject, act)
    lead = lead or _fronted(verb, subject, first)
    if lead is not None and lead[1] <= verb.idx:
        report.start, report.parts = lead[0], [lead, span]
    return report


def _fronted(verb: Token, subject: Token | None, first: int) -> tuple[int, int] | None:
    """ "It is no surprise, Mr. Garin said, that …": a clause of its own set off before the speaker is the first
    part of what was said when the report goes on after the verb; PolNeAR takes it as the content's first piece.
    One holding a report of its own ("While he admitted that …, he argued …"), opened by a preposition (the
    parser's "In a statement released after …, he said …") or without a tensed verb is not."""
    if subject is None or not subject.i < verb.i < first or verb.lemma_.lower() not in lexicon().speech:
        return None
    doc = verb.doc
    clause = next((c for c in verb.lefts if c.dep_ == "ccomp" and c.i < subject.left_edge.i), None)
    if clause is None or clause.left_edge.pos_ in {"ADP", "SCONJ", "CCONJ"} or not _finite(clause):
        return None
    if doc[clause.right_edge.i + 1].text != "," or clause.right_edge.i + 2 != subject.left_edge.i:
        return None
    words = list(clause.subtree)
    if any(t.text in _DASHES or is_cue(t, lexicon().indirect) or is_according(t) for t in words):
        return None  # a dateline ("WASHINGTON — …"), or a report of its own
    return trimmed(doc, clause.left_edge.i, clause.right_edge.i)


def _relative_lead(verb: Token, first: int, last: int) -> tuple[int, int] | None:
    """ "rules which officials said [would harm …]", "candidates who many feel [need …]": a relative word that is
    the subject of the reported clause is part of what was said; PolNeAR takes it as the content's first piece
    ("which" + "would harm …"). One that is the object of the clause ("the force which he said he would build")
    or the speaker ("officials who said …") is not."""
    doc = verb.doc
    if first < verb.i <= last:
        word = doc[first]
        subject = word.dep_ in _SUBJECT_LINKS and word.head.i > verb.i
    elif verb.dep_ == "relcl" and first > verb.i:
        # The parser may hang the relative word on the reporting verb beside the verb's own subject.
        found = next((c for c in verb.lefts if _relative(c)), None)
        if found is None or not any(c.dep_ in _SUBJECT_LINKS and c != found for c in verb.children):
            return None
        word, subject = found, not _has_subject(_clause_at(verb, doc[first]))
    else:
        return None
    return (word.idx, word.idx + len(word)) if subject and _relative(word) else None


def _relative(word: Token) -> bool:
    return word.tag_ in RELATIVE_TAGS or (word.lower_ == "that" and word.dep_ != "mark")


def _finite(clause: Token) -> bool:
    """A clause opened by its subject, with a tensed verb: "It is no surprise", not "Sitting down with …, during
    which she touched on …"."""
    tensed = clause.tag_ in {"VBD", "VBZ", "VBP", "MD"} or any(c.dep_ in {"aux", "auxpass"} for c in clause.children)
    subject = next((c for c in clause.children if c.dep_ in _SUBJECT_LINKS | {"expl"}), None)
    return tensed and subject is not None and subject.left_edge.i == clause.left_edge.i


def _has_subject(clause: Token) -> bool:
    return any(c.dep_ in _SUBJECT_LINKS | {"expl"} for c in clause.children)


def _clause_at(verb: Token, token: Token) -> Token:
    """The head of the verb's complement that ``token`` belongs to."""
    while token.head.i not in {verb.i, token.i}:
        token = token.head
    return token


def _reporter(verb: Token) -> Token | None:
    """Whose report a verb tells: its subject, but no one for "Asked about the plan, …", "she was asked about …";
    for a participle set off inside an earlier report ("…, claiming that …"), that report's speaker."""
    if verb.lemma_.lower() in lexicon().asked_about and _unnamed(verb):
        return None
    return set_off_reporter(verb) or subject_of(verb)


def set_off_reporter(verb: Token) -> Token | None:
    """ "Trump told Newsmax that Romney “had a crazy policy,” adding, “…”": a reporting participle set off
    inside an earlier report is that report's speaker's next one, whatever clause the parser hangs it on."""
    if not _set_off_participle(verb) or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    outer = next((a for a in verb.ancestors if is_cue(a, lexicon().indirect) and subject_of(a) is not None), None)
    return None if outer is None else subject_of(outer)


def report_speaker(cue: Token, content: tuple[int, int]) -> tuple[int, int] | None:
    """The speaker the rules give a report told by ``cue`` (a verb, a claim noun, "according to", a colon).

    For reports found by other means (the attribution model's): their speaker is then
    found, and later resolved, exactly as the rules' own reports' are.
    """
    if is_according(cue):
        return speaker_span(according_source(cue), cue)
    if cue.text == ":":
        return name_before_colon(cue)
    if cue.pos_ == "NOUN":
        owner = _owner(cue)
        return None if owner is None else speaker_span(owner, cue)
    subject = _reporter(cue)
    if subject is not None and content[0] <= subject.idx < content[1]:
        subject = None
    return speaker_span(subject, cue)


def _verb_report(verb: Token, span: tuple[int, int], subject: Token | None, act: str) -> Candidate:
    """A report cued by a verb, its content ``span`` said by the phrase of ``subject``."""
    return Candidate(
        kind="indirect",
        start=span[0],
        end=span[1],
        cue=(verb.idx, cue_end(verb)),
        speaker=speaker_span(subject, verb),
        cue_token=verb.i,
        act=act,
    )


def _from_noun(noun: Token) -> Candidate | None:
    """ "the claim that the deal was dead", "his view that taxes must rise": the clause, and whose it is."""
    clause = next((c for c in noun.rights if c.dep_ in {"acl", "ccomp"}), None)
    if clause is None or clause.left_edge.dep_ != "mark" or clause.left_edge.lower_ != "that":
        return None
    span = trimmed(noun.doc, clause.left_edge.i, clause.right_edge.i)
    if span is None:
        return None
    owner = _owner(noun)
    return Candidate(
        kind="indirect",
        start=span[0],
        end=span[1],
        cue=(noun.idx, noun.idx + len(noun)),
        speaker=None if owner is None else speaker_span(owner, noun),
        cue_token=noun.i,
        act=acts.of_noun(noun.lemma_.lower()),
    )


def _owner(noun: Token) -> Token | None:
    """Whose claim a claim noun is: "his view that …"; "Democrats made the argument that …" the maker's;
    "Weaver says in a statement that …" the one saying it."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None and noun.dep_ == "dobj" and noun.head.lemma_.lower() in _VOICING:
        owner = subject_of(noun.head)
    elif owner is None and _said_in(noun):
        owner = subject_of(noun.head.head)
    return owner


def _said_in(noun: Token) -> bool:
    """ "says in a statement", "wrote in an email": a document a verb of saying says it in."""
    verb = noun.head.head
    return noun.dep_ == "pobj" and noun.head.lower_ in {"in", "on"} and is_cue(verb, lexicon().speech)


def _around(outer: Token, inner: Token) -> list[tuple[int, int]]:
    """The words of ``outer``'s phrase before and after ``inner``'s: what a set-off attribution is about."""
    doc = outer.doc
    pieces = [
        trimmed(doc, outer.left_edge.i, inner.left_edge.i - 1),
        trimmed(doc, inner.right_edge.i + 1, outer.right_edge.i),
    ]
    return [p for p in pieces if p is not None and p[1] - p[0] > 1]


def _from_parenthetical(verb: Token, quoted: Sequence[bool]) -> Candidate | None:
    """ "The real problem, she said, is that …": the sentence around a set-off "she said" is what she said."""
    if verb.dep_ != "parataxis" or verb.head.pos_ not in {"VERB", "AUX"}:
        return None
    if verb.lemma_.lower() not in lexicon().speech | lexicon().belief:
        return None
    head = verb.head
    if any(quoted[i] for i in range(head.left_edge.i, head.right_edge.i + 1)):
        return None
    subject = subject_of(verb)
    kept = _around(head, verb)
    if not kept or (subject is not None and demonstrative(subject)):
        return None
    return Candidate(
        kind="indirect",
        start=kept[0][0],
        end=kept[-1][1],
        cue=(verb.idx, cue_end(verb)),
        speaker=speaker_span(subject, verb),
        cue_token=verb.i,
        parts=kept if len(kept) > 1 else [],
        act=acts.of_clause(verb),
    )


def _from_as_clause(verb: Token, quoted: Sequence[bool]) -> Candidate | None:
    """ "As the Gazette reported, the port will close": the clause the "as" clause opens is what it reported.

    Only an "as" clause that opens its sentence: on PolNeAR train PolNeAR gives the main clause to
    its source 17 times in 17 there, while ", as X said," inside a sentence vouches for what comes
    before it or after it about as often. Only verbs that tell what is known take such an "as": "As
    the judge read the verdict, …", "As he joked, …" tell when, not who says so.
    """
    if verb.dep_ != "advcl" or verb.lemma_.lower() not in _AS_SOURCES:
        return None
    mark = verb.doc[verb.left_edge.i]
    main = verb.head
    if mark.lower_ != "as" or mark.dep_ != "mark" or not mark.is_sent_start or main.i < verb.i:
        return None
    if any(child.dep_ in _SAID_OBJECTS for child in verb.children):
        return None  # "As he said he would, …": the verb says something of its own
    subject = subject_of(verb)
    if subject is None or subject.i < mark.i or not can_speak(subject, verb):
        return None
    first, last = verb.right_edge.i + 1, main.right_edge.i
    if any(quoted[i] for i in range(mark.i, last + 1)):
        return None  # words in marks are someone's own
    span = trimmed(verb.doc, first, last)
    return None if span is None else _verb_report(verb, span, subject, acts.of_clause(verb))


def _from_raising(verb: Token) -> Candidate | None:
    """ "The deal appears to be dead", "Smith is expected to run": subject and complement, said by no one named.

    PolNeAR reads these as attributions without a source; the content is the subject
    with what the verb says of it, in two parts. "It appears that …" keeps the clause.
    """
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    if verb.lemma_.lower() not in lexicon().raising and not passive:
        return None
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    complement = next((c for c in verb.rights if c.dep_ in _RAISED), None)
    if subject is None or complement is None or subject.i > verb.i:
        return None
    doc = verb.doc
    tail = trimmed(doc, complement.left_edge.i, complement.right_edge.i)
    if tail is None:
        return None
    if subject.dep_ == "expl" or subject.lower_ == "it":
        if complement.dep_ != "ccomp":
            return None
        parts = [tail]
    else:
        head = trimmed(doc, subject.left_edge.i, subject.right_edge.i)
        if head is None:
            return None
        parts = [head, tail]
    return Candidate(
        kind="indirect",
        start=parts[0][0],
        end=parts[-1][1],
        cue=(verb.idx, cue_end(verb)),
        speaker=None,
        cue_token=verb.i,
        parts=parts if len(parts) > 1 else [],
        act=acts.EVIDENCE,
    )


def _from_according(according: Token) -> Candidate | None:
    """ "X, according to Y": X is what Y says; the clause is the one "according" hangs from."""
    source = according_source(according)
    head = according.head
    if source is None or head.i == according.i:
        return None
    while (head.dep_ == "conj" or head.pos_ not in {"VERB", "AUX"}) and head.head.i != head.i:
        # "A won 37 percent and B 36 percent, according to the poll": the poll says all of it.
        head = head.head
    relayed = _relayed_report(head, according)
    if relayed is not None:
        return relayed
    kept = _around(head, according)
    aside = _aside(according)
    if aside is not None:
        kept = [(max(s, aside[0]), min(e, aside[1])) for s, e in kept if min(e, aside[1]) > max(s, aside[0])]
    if not kept:
        return None
    evidence = source.lemma_.lower() in lexicon().evidence_nouns
    return Candidate(
        kind="indirect",
        start=kept[0][0],
        end=kept[-1][1],
        cue=(according.idx, cue_end(according)),
        speaker=speaker_span(source, according),
        cue_token=according.i,
        parts=kept if len(kept) > 1 else [],
        act=acts.EVIDENCE if evidence else acts.SPEECH,
    )


def _relayed_report(verb: Token, according: Token) -> Candidate | None:
    """ "No case is linked, the health commission said, according to Reuters": the commission's words.

    The parse hangs the clause before "X said" on the verb as a modifier, so the verb
    alone finds no content; the "according to" it carries only says where the writer read it.
    """
    if according.i < verb.i or not is_cue(verb, lexicon().speech | lexicon().belief):
        return None
    subject = subject_of(verb)
    if subject is None or subject.i > verb.i or subject.left_edge.i <= verb.left_edge.i:
        return None
    if not can_speak(subject, verb):
        return None
    span = trimmed(verb.doc, verb.left_edge.i, subject.left_edge.i - 1)
    return None if span is None else _verb_report(verb, span, subject, acts.of_clause(verb))


def _aside(according: Token) -> tuple[int, int] | None:
    """The dashes or brackets around "… X, according to Y" set inside a longer sentence: Y vouches for X alone.

    "Given that history -- and the fact that he made 13,000 false claims, according to the Fact Checker --
    there is every reason …": the aside is what the Fact Checker counted, not the writer's conclusion. An
    aside that opens with "according to" ("The plan — according to aides — costs …") vouches for the sentence.
    """
    sentence = according.sent
    before = [t for t in sentence[: according.i - sentence.start] if t.text in _ASIDE_MARKS or t.text == ")"]
    if not before or before[-1].text == ")" or according.i - before[-1].i <= 2:
        return None
    opener = before[-1]
    if opener.text != "(" and sum(t.text == opener.text for t in before) % 2 == 0:
        return None  # the dash closes an aside before this one
    closing = _ASIDE_MARKS[opener.text]
    closer = next((t for t in sentence[according.i - sentence.start :] if t.text == closing), None)
    return None if closer is None else trimmed(according.doc, opener.i + 1, closer.i - 1)


def _from_colon(colon: Token) -> Candidate | None:
    """ "Carson: Clinton Not Fit to Serve": a paragraph opened by a name and a colon is that name's."""
    speaker = name_before_colon(colon)
    if speaker is None:
        return None
    doc = colon.doc
    last = colon.i
    while last + 1 < len(doc) and "\n" not in doc[last].text_with_ws:
        last += 1
    span = trimmed(doc, colon.i + 1, last)
    if span is None:
        return None
    return Candidate(
        kind="indirect",
        start=span[0],
        end=span[1],
        cue=(colon.idx, colon.idx + 1),
        speaker=speaker,
        cue_token=colon.i,
    )


def find_indirect(doc: Doc, quoted: Sequence[bool], text: str) -> list[Candidate]:
    """Every reporting verb with a clause (and every "according to") outside quote marks."""
    lemmas = lexicon().indirect
    found: list[Candidate] = []
    # Only these words can start a report below: "according", a colon, a verb, an adjective or a noun.
    for i in indices_where(doc, pos=("VERB", "AUX", "ADJ", "NOUN"), lower=("according",), orth=(":",)):
        token = doc[i]
        if quoted[token.i]:
            continue
        if token.lower_ == "according" and is_according(token):
            candidate = _from_according(token)
        elif token.text == ":":
            candidate = _from_colon(token)
        elif is_cue(token, lemmas):
            candidate = (
                _from_as_clause(token, quoted)
                or _from_verb(token)
                or _from_parenthetical(token, quoted)
                or _from_raising(token)
            )
        elif is_cue(token, lexicon().raising):
            candidate = _from_raising(token)
        elif token.pos_ == "ADJ" and token.lower_ in lexicon().belief_adjectives:
            candidate = _from_verb(token)
        elif token.pos_ == "NOUN" and token.lemma_.lower() in lexicon().claim_nouns:
            candidate = _from_noun(token)
        else:
            continue
        if candidate is not None and _within_paragraph(text, candidate):
            found.append(candidate)
    return _outermost(_without_relays(doc, found))


def _without_relays(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """ "Police said they have no plans, according to the family's attorneys": who said it is the source.

    An "according to" after a report that names its own speaker only says where the
    writer heard it; kept, it would take the words from their speaker (reports are
    univocal). One before the report ("According to police, officers saw …") vouches for
    all that follows, and so does one around a perception or a belief.
    """
    speech = lexicon().speech
    spoken = [
        c.cue[0]
        for c in found
        if c.cue is not None
        and c.speaker is not None
        and c.act == acts.SPEECH
        and c.cue_token is not None
        and doc[c.cue_token].lemma_.lower() in speech
    ]

    def relays(candidate: Candidate) -> bool:
        assert candidate.cue is not None and candidate.cue_token is not None
        according = is_according(doc[candidate.cue_token])
        return according and any(candidate.start <= cue < candidate.cue[0] for cue in spoken)

    return [c for c in found if not relays(c)]


def _within_paragraph(text: str, candidate: Candidate) -> bool:
    """Clip a report to the paragraph of its cue (the parser's sentences may run over a break)."""
    assert candidate.cue is not None
    cue = candidate.cue[0]
    start = max(candidate.start, text.rfind("\n", 0, cue) + 1)
    stop = text.find("\n", cue)
    end = candidate.end if stop < 0 else min(candidate.end, stop)
    if end - start < 2:
        return False
    if (start, end) != (candidate.start, candidate.end):
        while start < end and text[start] in _EDGE_PUNCT + " \t\u00a0":
            start += 1
        while end > start and text[end - 1] in _EDGE_PUNCT + " \t\u00a0":
            end -= 1
        candidate.start, candidate.end = start, end
        candidate.parts = [(max(s, start), min(e, end)) for s, e in candidate.parts if min(e, end) > max(s, start)]
        if len(candidate.parts) < 2:
            candidate.parts = []
    return end > start


def _outermost(found: list[Candidate]) -> list[Candidate]:
    """Each word has one role (PolNeAR is univocal): drop reports whose cue sits inside another's content."""
    kept: list[Candidate] = []
    contents: Intervals[Candidate] = Intervals()
    for candidate in sorted(found, key=lambda c: c.start - c.end):
        assert candidate.cue is not None
        cue_start = candidate.cue[0]
        if contents.containing(cue_start, cue_start + 1):
            continue
        kept.append(candidate)
        contents.add(candidate.start, candidate.end, candidate)
    return sorted(kept, key=lambda c: c.start)
