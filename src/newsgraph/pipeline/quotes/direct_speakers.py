"""Who speaks a quote in marks: the subject of its cue, or the words beside the cue when the parse gives none,
never a phrase inside the quote itself."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.pipeline.quotes.cues import SUBJECTS, according_source, is_according
from newsgraph.pipeline.quotes.direct import Marked
from newsgraph.pipeline.quotes.labels import name_before_colon
from newsgraph.pipeline.quotes.reporters import set_off_reporter
from newsgraph.pipeline.quotes.speaker_phrase import phrase_bounds
from newsgraph.pipeline.quotes.subjects import adjacent_subject, can_speak, subject_of

# The cue's objects after it name who was told or asked ("told AFP"), never the speaker.
_ADDRESSEES = frozenset({"dobj", "dative", "iobj"})
_ADDRESSING = frozenset({"tell", "ask", "inform", "assure", "reassure", "warn", "remind", "advise", "urge", "brief"})
# How the words of a description set off after a name hang on it: "Ramos, 58,", "Cohen, Democrat of Tennessee,".
_DESCRIBING = frozenset({"appos", "pobj", "prep", "compound", "flat", "amod", "nummod"})


def _speaker_of(cue: Token) -> tuple[int, int] | None:
    if cue.text == ":":
        return name_before_colon(cue)
    subject = according_source(cue) if is_according(cue) else set_off_reporter(cue) or subject_of(cue)
    if subject is None or not can_speak(subject, cue):
        return None if is_according(cue) else adjacent_subject(cue)
    return phrase_bounds(subject, cue)


def _nearby_speaker(cue: Token, marked: Marked) -> tuple[int, int] | None:
    """When the parse gives no subject outside the quote: the noun phrase right beside the cue ("…,” Ramos told)."""
    doc = cue.doc
    for i in (cue.i - 1, cue.i + 1, cue.i + 2):
        if not 0 <= i < len(doc):
            continue
        token = doc[i]
        addressed = token.dep_ in _ADDRESSEES and cue.lemma_.lower() in _ADDRESSING
        if i > cue.i and token.head.i == cue.i and addressed:
            continue  # "told AFP": the one told, not the one telling ("wrote a man …" is inverted)
        if i == cue.i - 1 and token.text == "," and i > 0:
            token = _described(doc[i - 1], marked) or token
        while token.dep_ in {"compound", "flat"} and token.head.i != token.i:
            token = token.head
        inside = marked.start <= token.idx < marked.end
        nominal = token.pos_ in {"PROPN", "PRON", "NOUN"} or _named_after_inverted(token, cue, marked)
        if nominal and not inside and can_speak(token, cue):
            return phrase_bounds(token, cue)
    return None


def _named_after_inverted(word: Token, cue: Token, marked: Marked) -> bool:
    """ "“…,” said Skelly, …": the tagger may read a name it does not know as an adverb; a capitalised word
    right after a cue that follows its quote is the cue's subject whatever its tag."""
    return cue.idx >= marked.end and word.i == cue.i + 1 and word.is_alpha and word.text[:1].isupper()


def _words_before(cue: Token, marked: Marked) -> tuple[int, int] | None:
    """The words between the quote and its cue, its speaker's phrase when the parse gives none."""
    words = [t for t in cue.doc[: cue.i] if t.idx >= marked.end and not t.is_punct and not t.is_space]
    return (words[0].idx, words[-1].idx + len(words[-1])) if words else None


def _described(word: Token, marked: Marked) -> Token | None:
    """ "“…,” Ramos, 58, told", "“…,” Representative Steve Cohen, Democrat of Tennessee, told": from the last
    word of an apposition set off before the cue, the name it describes (never a word inside the quote)."""
    while word.dep_ in _DESCRIBING and word.head.i < word.i:
        if word.dep_ == "appos":
            name = word.head
            return None if marked.start <= name.idx < marked.end else name
        word = word.head
    return None


def direct_speaker(cue: Token, marked: Marked) -> tuple[int, int] | None:
    """The speaker of a quote in marks, never a phrase inside the quote itself."""
    if cue.pos_ == "NOUN" and cue.idx >= marked.end:
        return _words_before(cue, marked)  # a cue the tagger read as a noun ("a statement from her label read")
    speaker = _speaker_of(cue)
    if speaker is not None and speaker[0] < marked.end and marked.start < speaker[1]:
        # "“… One of the brightest,” Rep. Roe said": the parser may give the cue a subject on each side.
        outside = [c for c in cue.children if c.dep_ in SUBJECTS and not marked.start <= c.idx < marked.end]
        speaker = phrase_bounds(outside[0], cue) if outside and can_speak(outside[0], cue) else None
    return speaker if speaker is not None else _nearby_speaker(cue, marked)
