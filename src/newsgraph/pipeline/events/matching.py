"""Matching a word's frames against the parse: the first frame whose conditions the sentence meets gives the code."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from newsgraph.pipeline.events.frames import Code, Frame
from newsgraph.pipeline.events.reading import Reading


def _match(
    frames: tuple[Frame, ...] | None,
    token: Token,
    conditional_only: bool,
    recipients: frozenset[str],
    bodies: frozenset[str],
    reading: Reading | None = None,
) -> Code | None:
    if not frames:
        return None
    reading = reading if reading is not None else Reading(token)
    children = reading.children
    reachable = _reachable(frames, conditional_only)
    # Only the frames the reading can reach are read, in their order: most of a verb's frames name an object
    # none of whose words the sentence holds.
    reached = reachable.for_words(reading.object_words) if reachable.by_word else reachable.always
    candidates = _modified_first(reached, reading)
    # A frame whose object the text meets only through a word's lemma gives way to a later one that spells that
    # word as the text does: the dictionary codes "lift SANCTIONS" (085, easing) apart from "lift SANCTION" (0351).
    by_lemma: Code | None = None
    lemma_only: set[str] = set()
    # A frame whose object the text meets only in a modifier ("withdraw WEAPONS inspectors") gives way to a later
    # one that names the object's head ("withdraw INSPECTORS"): a noun phrase is what its head names.
    by_modifier: Code | None = None
    for frame in candidates:
        if not frame.conditional:
            return by_lemma or by_modifier or frame.code
        if by_lemma is not None and not any(
            _phrase_in(p, reading.object_forms) and _phrase_words(p) & lemma_only for p in frame.object
        ):
            continue
        if frame.object and not any(_phrase_in(phrase, reading.object_words) for phrase in frame.object):
            continue
        if frame.particle and not frame.particle & reading.particles:
            continue
        if frame.prep and not frame.prep & (reading.object_preps if frame.object else reading.preps):
            continue
        if frame.subject and not frame.subject & reading.subjects:
            continue
        if frame.modifier and not frame.modifier & reading.modifiers:
            continue
        if frame.clause and not any(c.dep_ in ("dobj", "ccomp") for c in children):
            continue
        if frame.content and not any(c.dep_ == "ccomp" for c in children):
            continue
        if frame.recipient and not _names_recipient(children, recipients):
            continue
        if frame.named_object and not _named_object(children, frame.code.type in STATEMENTS, recipients, bodies):
            continue
        if frame.with_party and not _with_party(children):
            continue
        if frame.passive and not any(c.dep_ == "auxpass" for c in children):
            continue
        if frame.infinitive and not any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in children):
            continue
        if frame.object and not any(
            _phrase_in(p, reading.object_words) and _phrase_words(p) & reading.head_words for p in frame.object
        ):
            # ("fought government troops", "arrested opposition leaders": a modifier of people or forces says whose
            # they are, not what the act is done to, so it does not code the act.)
            if not reading.head_words & recipients:
                by_modifier = by_modifier or frame.code
            continue
        if by_lemma is None and frame.object and not any(_phrase_in(p, reading.object_forms) for p in frame.object):
            by_lemma = frame.code
            matched = _matched_words(frame, reading.object_words)
            lemma_only = {
                t.lower_ for t in reading.object_tokens if t.lemma_.lower() in matched and t.lower_ not in matched
            }
            continue
        return frame.code
    return by_lemma or by_modifier


def _modified_first(frames: Sequence[Frame], reading: Reading) -> Sequence[Frame]:
    """A frame whose object phrase names the object's head with its modifier ("humanitarian MISSION", "military
    CAMPAIGN") is read before those naming the head alone or with a preposition ("MISSION", "CAMPAIGN against"):
    a noun phrase is what its modifiers make it, and the dictionary codes the bare "launch a mission" AGREE but a
    humanitarian one AID, and the campaign against someone ACCUSE but a military one ASSAULT."""
    if not reading.objects or len(reading.object_tokens) == len(reading.objects):
        return frames
    modified = [f for f in frames if any(_names_modified(p, reading) for p in f.object)]
    return [*modified, *(f for f in frames if f not in modified)] if modified else frames


def _names_modified(phrase: str, reading: Reading) -> bool:
    words = _phrase_words(phrase)
    return len(words) > 1 and words <= reading.object_words and bool(words & reading.head_words)


@dataclass(frozen=True)
class _Reachable:
    """The frames of one word that a reading can reach, in their order, those that name an object filed under
    each word of it: a verb has dozens of frames and its object holds a few words."""

    frames: tuple[Frame, ...]
    always: tuple[Frame, ...]
    by_word: dict[str, tuple[int, ...]]
    unnamed: tuple[int, ...]

    def for_words(self, words: set[str]) -> list[Frame]:
        """The frames that need no object and those whose object shares a word with the words found."""
        found = set(self.unnamed)
        for word in words:
            found.update(self.by_word.get(word, ()))
        return [self.always[i] for i in sorted(found)]


# Each of the lexicon's frame tuples with the frames its readings can reach, by the tuple's id and mode; the tuple
# is kept with them, so an id is never another tuple's.
_REACHABLE: dict[tuple[int, bool], _Reachable] = {}


def _reachable(frames: tuple[Frame, ...], conditional_only: bool) -> _Reachable:
    found = _REACHABLE.get((id(frames), conditional_only))
    if found is None or found.frames is not frames:
        found = _REACHABLE[(id(frames), conditional_only)] = _reachable_frames(frames, conditional_only)
    return found


def _reachable_frames(frames: tuple[Frame, ...], conditional_only: bool) -> _Reachable:
    """A match reads a word's frames in order and stops at its first unconditional one; asked for conditional
    frames only, it passes over the unconditional ones and a general code asking only for a named party (a
    default, not a frame)."""
    kept: list[Frame] = []
    for frame in frames:
        if conditional_only and (
            not frame.conditional
            or ((frame.recipient or frame.named_object or frame.with_party) and frame.code.type != "NONE")
        ):
            continue
        kept.append(frame)
        if not frame.conditional:
            break
    by_word: dict[str, list[int]] = {}
    unnamed: list[int] = []
    for i, frame in enumerate(kept):
        vocabulary = _object_vocabulary(frame.object)
        if vocabulary is None:
            unnamed.append(i)
        for word in vocabulary or ():
            by_word.setdefault(word, []).append(i)
    return _Reachable(
        frames,
        tuple(kept),
        {word: tuple(found) for word, found in by_word.items()},
        tuple(unnamed),
    )


def _matched_words(frame: Frame, words: set[str]) -> frozenset[str]:
    """The words of a frame's object phrases that the words found hold."""
    return frozenset(w for p in frame.object if _phrase_in(p, words) for w in _phrase_words(p))


RECIPIENT_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# The PLOVER manual's verbal categories: statements about an actor or its policy, not acts done to it.
STATEMENTS = frozenset({"AGREE", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})


def _names_recipient(children: list[Token], recipients: frozenset[str]) -> bool:
    """The verb acts on someone: its object, or the object of one of its prepositions, is a name
    (NER's person, organisation, place or people, or a proper noun it missed) or an agent noun
    ("served the Kurds", "attacked police", not "served lunch")."""
    heads = [c for c in children if c.dep_ in ("dobj", "dative")]
    heads += [g for c in children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return any(
        t.ent_type_ in RECIPIENT_TYPES or t.pos_ == "PROPN" or t.lemma_.lower() in recipients
        for h in heads
        for t in h.subtree
    )


def _named_object(children: list[Token], statement: bool, people: frozenset[str], bodies: frozenset[str]) -> bool:
    """The verb's direct object is itself a named person, organisation, place or people ("charged Assange",
    "pressured the U.S."), not a thing of theirs ("Jordan's economy", "Garrett's helmet"); so is a statement's
    passive subject ("Israel was criticized by the EU"; a material verb's passive is often an idiom, "Apple was
    pulled into the enterprise"). A statement about a named one's deed is aimed at them ("praised
    Haiti's efforts"): the PLOVER manual's verbal categories are about an actor's policy or action. As in
    PETRARCH's noun phrases, people the dictionaries know, named by their country or body, are named ones for
    material acts ("beat up Palestinian detainees", "expelled inspectors of the IAEA"); for statements, only a
    political body so named is ("criticized the Egyptian government"; "reassure the Chinese public" stays
    unnamed)."""
    for child in children:
        if child.dep_ != "dobj" and not (statement and child.dep_ == "nsubjpass"):
            continue
        if child.ent_type_ in RECIPIENT_TYPES:
            return True
        if not statement and _named_people(child, people):
            return True
        if statement and child.lemma_.lower() in bodies and _named_people(child, bodies):
            return True
        if statement and any(c.dep_ == "poss" and c.ent_type_ in RECIPIENT_TYPES for c in child.children):
            return True
    return False


def _named_people(noun: Token, people: frozenset[str]) -> bool:
    """People by a named one's name: a noun of people with a country or body before it ("Palestinian
    detainees") or after "of" ("inspectors of the IAEA")."""
    named = [c for c in noun.children if c.dep_ in ("amod", "compound") and c.ent_type_ in RECIPIENT_TYPES]
    if named and noun.lemma_.lower() in people:
        return True
    return any(
        prep.dep_ == "prep"
        and prep.lower_ == "of"
        and any(g.ent_type_ in ("ORG", "GPE", "NORP") for g in prep.children)
        for prep in noun.children
    )


def _with_party(children: list[Token]) -> bool:
    """The verb names whom it was done with ("discussed the delay with the Ukrainians"), on the verb
    or on its object, where the parser often hangs the phrase."""
    heads = children + [g for c in children if c.dep_ == "dobj" for g in c.children]
    return any(
        c.dep_ == "prep"
        and c.lower_ == "with"
        and any(g.dep_ == "pobj" and g.ent_type_ in RECIPIENT_TYPES for g in c.children)
        for c in heads
    )


def _phrase_in(phrase: str, words: set[str]) -> bool:
    """Every word of a dictionary phrase ("humanitarian aid") is among the words found."""
    return _phrase_words(phrase) <= words


@cache
def _object_vocabulary(phrases: frozenset[str]) -> frozenset[str] | None:
    """Every word of a frame's object phrases; None when it names no object or a blank one (which any
    object satisfies). A verb has dozens of frames and its object holds a few words: a frame none of
    whose words is there is passed over without testing its phrases one by one."""
    words = [_phrase_words(p) for p in phrases]
    return frozenset().union(*words) if words and all(words) else None


@cache
def _phrase_words(phrase: str) -> frozenset[str]:
    """A phrase's words, split once: frames are matched against every verb of every article."""
    return frozenset(phrase.split())
