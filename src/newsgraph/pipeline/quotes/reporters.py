"""Who a report is by: the speaker the rules give a reporting verb, a claim noun, "according to" or a colon.

Shared by the rules' own reports (``indirect.py``), the quotes in marks they attribute
(``direct_speakers.py``) and the reports the attribution model finds (``weighing.py``).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.pipeline.quotes.content import set_off_participle, unnamed
from newsgraph.pipeline.quotes.cues import SUBJECTS, according_source, is_according, is_cue, lexicon
from newsgraph.pipeline.quotes.labels import name_before_colon
from newsgraph.pipeline.quotes.speaker_phrase import phrase_bounds
from newsgraph.pipeline.quotes.subjects import adjacent_subject, can_speak, subject_of

# Verbs that put forward a claim noun as their subject's own ("made the argument that …").
_VOICING = frozenset({"make", "issue", "repeat", "offer", "voice", "express", "raise", "reiterate", "deliver", "share"})


def speaker_span(subject: Token | None, cue: Token) -> tuple[int, int] | None:
    if subject is not None and not can_speak(subject, cue):
        # The parser may tie a cue to a subject in the paragraph above (a headline): look beside the cue.
        return adjacent_subject(cue) if subject.lower_ not in {"there", "this", "what"} else None
    return None if subject is None else phrase_bounds(subject, cue)


def reporter(verb: Token) -> Token | None:
    """Whose report a verb tells: its subject, but no one for "Asked about the plan, …", "she was asked about …";
    for a participle set off inside an earlier report ("…, claiming that …"), that report's speaker."""
    if verb.lemma_.lower() in lexicon().asked_about and unnamed(verb):
        return None
    return set_off_reporter(verb) or subject_of(verb)


def set_off_reporter(verb: Token) -> Token | None:
    """ "Trump told Newsmax that Romney “had a crazy policy,” adding, “…”": a reporting participle set off
    inside an earlier report is that report's speaker's next one, whatever clause the parser hangs it on."""
    if not set_off_participle(verb) or any(c.dep_ in SUBJECTS for c in verb.children):
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
        owner = claim_owner(cue)
        return None if owner is None else speaker_span(owner, cue)
    subject = reporter(cue)
    if subject is not None and content[0] <= subject.idx < content[1]:
        subject = None
    return speaker_span(subject, cue)


def claim_owner(noun: Token) -> Token | None:
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
