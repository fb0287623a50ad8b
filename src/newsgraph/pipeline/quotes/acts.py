"""What a report ascribes to its source: words, a belief, or something that is not a quote.

PolNeAR, which we score against, annotates every attribution: "criticized [Clinton]",
"declined [to comment]", "a poll shows […]", "is expected [to run]". On PolNeAR train
these are a third of all attributions, so dropping them would cost a third of recall;
but a reader counting who said what reads them as noise (on real pages most of what we
judged "not speech" was one of them). So every report keeps its place in the extraction,
typed by its act, and only speech is a quote in the store, the web page and the counts
(``model.QUOTE_ACTS``). The act follows from the cue's lexicon group, the shape of the
content and the source, never from a list of examples:

- ``speech``: the words or their gist ("said that …", quotes in marks, "according to");
- ``thought``: a belief, hope or fear ("believes that …", "is confident that …");
- ``topic``: what someone spoke about, not what they said ("spoke about the budget");
- ``stance``: a position on a thing ("criticized the plan", "called for a ban");
- ``intent``: what someone will or will not do ("declined to comment", "plans to run");
- ``evidence``: what a finding, an appearance, an expectation or a report with no one named
  holds ("the poll shows …", "the deal appears to be dead", "is expected to resign");
- ``unsaid``: a report of words or beliefs that were not, or not yet, had: negated, modal or
  with no one as source ("did not say that …", "may believe …", "no one knows …");
- ``writer``: the writer's own view or a word to the reader, not a source's ("I think …",
  "you know that …", "Remember that …");
- ``unattributed``: words in marks that the text gives to no one (scare quotes, titles,
  slogans, a crowd imagined by a columnist, a speaker out of our reach), words performed
  rather than stated (a chant, a song's lyrics), or words given to
  no one who can say them ("her eyes", "a series", a "he" with no one before it: the speakers
  component decides that). On the real pages we judged, almost none of these was right as a
  quote: a quote needs its speaker;
- ``headline``: a report read from a headline, a subhead or a teaser for another story: the
  story under a headline tells what was said, by whom and where.
"""

from __future__ import annotations

from typing import Final

from spacy.tokens import Token

from newsgraph.pipeline.extensions import doc_text
from newsgraph.pipeline.quotes.cues import COMPLETIONS, RELATIVE_TAGS, SPEAKING_TYPES, SUBJECTS, VERB_TAGS, lexicon
from newsgraph.pipeline.quotes.direct import MARK
from newsgraph.pipeline.quotes.subjects import subject_of
from newsgraph.pipeline.syntax import object_of

SPEECH: Final = "speech"
THOUGHT: Final = "thought"
TOPIC: Final = "topic"
STANCE: Final = "stance"
INTENT: Final = "intent"
EVIDENCE: Final = "evidence"
UNSAID: Final = "unsaid"
WRITER: Final = "writer"
UNATTRIBUTED: Final = "unattributed"
HEADLINE: Final = "headline"
ACTS: Final = (SPEECH, THOUGHT, TOPIC, STANCE, INTENT, EVIDENCE, UNSAID, WRITER, UNATTRIBUTED, HEADLINE)
# The acts of words or beliefs someone had: what the checks below may find was not had by anyone real.
SAID: Final = frozenset({SPEECH, THOUGHT})
# Who can say something: a named person, group or country (SPEAKING_TYPES), or a personal pronoun.
_SPEAKER_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they", "who"})
# Prepositions that say something of a verb's object: "described X [as] Y", "blamed X [for] Y".
_PREDICATING = frozenset({"as", "of", "for"})
# What "for" measures when it says nothing of the object: "observed Europa [for 17 nights]", "charges Rs 299 [for …]".
_AMOUNTS = frozenset({"DATE", "TIME", "MONEY", "QUANTITY", "PERCENT", "CARDINAL"})
# Heads of a share of people: "the number who said …", "56 percent said …" report a survey, not a speaker.
_SHARES = frozenset(
    {"number", "percent", "percentage", "proportion", "share", "majority", "minority", "half", "third", "quarter"}
)
# A cue under one of these reports what may, would or will be said, not what was.
_MODALS = frozenset(
    {"may", "might", "could", "would", "should", "must", "can", "will", "shall", "'d", "’d", "'ll", "’ll"}
)
# Sources that are nobody: "no one knows", "nobody said".
_NOBODY = frozenset({"nobody", "none", "neither"})
# Outside quote marks, the first and second person are the writer and the reader ("let's hope").
_WRITER_AND_READER = frozenset({"i", "we", "you", "us", "me", "'s", "’s"})


def of_clause(cue: Token) -> str:
    """A cue with a clause: speech, a belief, or a finding ("shows", "found") of something that cannot speak."""
    cues = lexicon()
    lemma = cue.lemma_.lower()
    if lemma in cues.findings or (lemma in cues.evidence and not _can_say(subject_of(cue))):
        # "researchers found that …", "the data show …": a finding, whoever made it.
        return EVIDENCE
    if lemma in cues.speech:
        return SPEECH
    if lemma in cues.belief or lemma in cues.belief_adjectives:
        return THOUGHT
    return EVIDENCE if lemma in cues.evidence else STANCE


def of_object(cue: Token, content: str) -> str:
    """A cue with an object or a prepositional object: a stance ("criticized the delay", "called for a ban"),
    unless a speech verb says something of the object ("called [X a sham]", "accused [X of lying]") or
    gives their words in marks ("rejected [the claims as “false”]")."""
    cues, lemma = lexicon(), cue.lemma_.lower()
    if lemma in cues.speech and MARK.search(content):
        return SPEECH
    if lemma not in cues.speech | cues.object:
        # "made [safety a priority]", "named [her chair]": a predicate, but nothing said.
        return STANCE
    obj = next((c for c in cue.rights if c.dep_ == "dobj"), None)
    return SPEECH if obj is not None and _predicated(cue, obj, lemma in cues.speech) else STANCE


def _predicated(cue: Token, obj: Token, speech: bool) -> bool:
    after = [c for c in cue.rights if c.i > obj.i]
    if any(c.dep_ in COMPLETIONS or predicating(c) for c in after):
        return True
    # "accused [trawlers of crossing …]": the parser may hang a speech verb's charge on the object;
    # "remembered [the anxiety of moving on]" is the object's own phrase.
    return speech and any(predicating(c) and any(g.dep_ == "pcomp" for g in c.children) for c in obj.rights)


def predicating(prep: Token) -> bool:
    """ "blamed X [for the delay]" says something of X; "observed X [for 17 nights]" only how long."""
    if prep.dep_ != "prep" or prep.lower_ not in _PREDICATING:
        return False
    pobj = object_of(prep)
    if pobj is not None and prep.lower_ == "for" and pobj.pos_ == "PROPN":
        return False  # "offered repairs [for all MacBooks]": who or what for, not a judgement
    return pobj is None or not (pobj.ent_type_ in _AMOUNTS or any(c.dep_ == "nummod" for c in pobj.children))


def _can_say(subject: Token | None) -> bool:
    if subject is None:
        return False
    return subject.ent_type_ in SPEAKING_TYPES or subject.lower_ in _SPEAKER_PRONOUNS


def of_noun(lemma: str) -> str:
    """A claim noun with its clause: "the claim that …" is speech, "the hope that …" a thought."""
    cues = lexicon()
    if lemma in cues.belief_nouns:
        return THOUGHT
    if lemma in cues.evidence_nouns:
        return EVIDENCE
    return SPEECH


def of_report(cue: Token | None, act: str, sourced: bool, marked: bool) -> str:
    """Speech or thought told of no one real: negated, modal, by nobody, unsourced or the writer's own.

    The cue is outside quote marks (words in marks are a source's own, "I" included);
    ``sourced`` says whether the report names its source, ``marked`` whether it is in marks.
    """
    if act not in SAID:
        return act
    if not sourced:
        return UNATTRIBUTED if marked else EVIDENCE
    if cue is None or cue.pos_ not in VERB_TAGS:
        return act
    cues, lemma = lexicon(), cue.lemma_.lower()
    if lemma in cues.performance:
        # "Teachers chanted, “Fund our schools”", "“…,” she sings": a slogan or a lyric, no one's statement.
        return UNATTRIBUTED
    if marked and lemma in cues.belief and lemma not in cues.speech:
        # "the people shrug and think, “Enough already”": words in marks, but thought, not said.
        act = THOUGHT
    if cue.dep_ == "acl" and cue.head.pos_ == "NOUN" and any(c.tag_ == "TO" for c in cue.children):
        # "his refusal to say …", "a duty to remind …": what is to be said, not what was.
        return INTENT
    unnamed = _why_unnamed(cue)
    if unnamed is not None:
        return unnamed
    subject = subject_of(cue)
    if subject is not None and subject.tag_ in RELATIVE_TAGS and cue.dep_ == "relcl":
        subject = cue.head
    if subject is not None and (subject.lemma_.lower() in _SHARES or subject.ent_type_ == "PERCENT"):
        return EVIDENCE
    if subject is not None and subject.lower_ in _WRITER_AND_READER:
        return WRITER
    if _impersonal(cue):
        return WRITER
    if not marked and _asked(cue):
        return UNSAID
    if subject is None and cue.tag_ == "VB" and cue.dep_ == "ROOT" and not any(c.dep_ == "aux" for c in cue.children):
        # "Remember what he said", "Consider that …": the writer tells the reader.
        return WRITER
    governors = [cue, cue.head] if cue.dep_ == "xcomp" else [cue]
    for verb in governors:
        if any(c.dep_ == "neg" or _modal(c) for c in verb.children):
            return UNSAID
    shares = cue.dep_ == "conj" and cue.tag_ == "VB" and not any(c.dep_ in SUBJECTS for c in cue.children)
    if shares and any(map(_modal, cue.head.children)):
        # "the public will fall silent and scream …": the joined bare verb shares the modal (not the
        # negation: "did not deny it but said …" says; nor does "would veto it and tells reporters …").
        return UNSAID
    if subject is not None and (subject.lower_ in _NOBODY or _is_no_one(subject)):
        return UNSAID
    return act


def _asked(cue: Token) -> bool:
    """ "… and call it a revolution in banking?": a report inside the writer's question asserts nothing."""
    sent = cue.sent
    sentence = doc_text(cue.doc)[sent.start_char : sent.end_char].strip()
    return sentence.endswith("?") and not MARK.search(sentence)


def _impersonal(cue: Token) -> bool:
    """ "It's worth noting that …", "Is it fair to say that …": the writer's aside, with "it" for no one."""
    verb = cue
    for _ in range(2):
        if verb.dep_ not in {"xcomp", "acomp"} or verb.head is verb:
            return False
        verb = verb.head
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "expl"}), None)
        if subject is not None:
            judged = [c for c in verb.children if c.dep_ == "acomp"] + ([verb] if verb.pos_ == "ADJ" else [])
            adjectives = lexicon().impersonal_adjectives
            return subject.lower_ == "it" and any(a.lower_ in adjectives for a in judged)
    return False


def _modal(child: Token) -> bool:
    return child.dep_ == "aux" and child.lower_ in _MODALS


def _is_no_one(subject: Token) -> bool:
    """ "no one", "no official": a subject that names nobody."""
    return any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children) or (
        subject.lower_ == "one" and subject.i > 0 and subject.doc[subject.i - 1].lower_ == "no"
    )


# Words of a source's wish to go unnamed ("requested anonymity", "asked not to be identified").
_ANONYMOUS = frozenset({"anonymity", "anonymously"})
_UNNAMED = frozenset({"name", "identify", "quote"})
_CONDITIONS = frozenset({"on", "under"})
# "was not authorized to discuss …": the source had no leave to speak, which is why they go unnamed.
_PERMITTED = frozenset({"authorize", "allow", "permit", "clear", "empower"})


def _why_unnamed(cue: Token) -> str | None:
    """The reason a source gives for not being named is not what they said.

    "who requested anonymity [to discuss the talks]" asks for something (an intent);
    "speaking on condition of anonymity to describe [the talks]" and "was not authorized to
    discuss [the talks]" tell what the source spoke about, not what they said (a topic).
    Only a to-infinitive climbs to the clause that asks for anonymity: "spoke on condition of
    anonymity, saying …" and "said on condition of anonymity that …" still report words.
    """
    if _asks_anonymity(cue):
        return INTENT
    verb = cue
    while verb.dep_ in ("xcomp", "advcl") and any(c.tag_ == "TO" for c in verb.children):
        verb = verb.head
        if _anonymous(verb) or (verb.lemma_.lower() in _PERMITTED and any(c.dep_ == "neg" for c in verb.children)):
            return TOPIC
    return None


def _asks_anonymity(verb: Token) -> bool:
    """ "requested anonymity", "asking for anonymity", "asked not to be named"."""
    for child in verb.children:
        if child.dep_ == "dobj" and child.lemma_.lower() in _ANONYMOUS:
            return True
        if child.dep_ == "prep" and child.lower_ == "for" and any(t.lower_ in _ANONYMOUS for t in child.children):
            return True
        passive = any(c.dep_ == "auxpass" for c in child.children)
        if child.dep_ == "xcomp" and passive and child.lemma_.lower() in _UNNAMED:
            return True
    return False


def _anonymous(verb: Token) -> bool:
    """ "spoke on (the) condition of anonymity", "spoke anonymously", "requested anonymity".

    Only "on" or "under" the condition: "according to two senators who requested anonymity"
    hangs off the verb too, but the anonymity there is the senators', not the verb's subject's.
    """
    return _asks_anonymity(verb) or any(
        (c.dep_ == "prep" and c.lower_ in _CONDITIONS and any(t.lower_ in _ANONYMOUS for t in c.subtree))
        or c.lower_ in _ANONYMOUS
        for c in verb.children
    )
