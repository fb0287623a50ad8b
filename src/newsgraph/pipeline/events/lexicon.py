"""The PLOVER event lexicon: verbs and nouns, with the frames that decide their type and mode.

The words live in ``data/events_lexicon.json`` so that a reader can check and extend the
coding without reading code; this module only turns them into fast lookups and matches
a word's frame (its object, particle, preposition or modifiers) against the parse.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from functools import cache, cached_property, lru_cache
from typing import Any

from spacy.tokens import Token

from newsgraph.pipeline.lexicons import load_data


@dataclass(frozen=True)
class Code:
    """A PLOVER type and mode, and how to find the target when the object is not it."""

    type: str
    mode: str | None = None
    target: str | None = None
    reverse: bool = False  # the subject is the one acted on ("faced criticism from X")


@dataclass(frozen=True)
class Frame:
    """One reading of a word: it applies when every condition it names holds."""

    code: Code
    object: frozenset[str] = frozenset()
    particle: frozenset[str] = frozenset()
    prep: frozenset[str] = frozenset()
    modifier: frozenset[str] = frozenset()
    subject: frozenset[str] = frozenset()
    clause: bool = False
    content: bool = False  # a clause that is what is said ("charged that ..."), not an object
    recipient: bool = False
    named_object: bool = False
    with_party: bool = False
    passive: bool = False  # the verb in the passive voice ("was charged with fraud")
    infinitive: bool = False  # the verb governs an act to be done ("offered to hand over")

    @property
    def names_act(self) -> bool:
        """An object, or a preposition with its noun ("take CONTROL", "go ON STRIKE"): what a general verb needs."""
        return bool(self.object) or any(" " in p for p in self.prep)

    @cached_property
    def conditional(self) -> bool:
        """Whether it names any condition; asked of every frame of every verb read, so worked out once."""
        return bool(
            self.object
            or self.particle
            or self.prep
            or self.modifier
            or self.subject
            or self.clause
            or self.content
            or self.recipient
            or self.named_object
            or self.with_party
            or self.passive
            or self.infinitive
        )


def _code(text: str, target: str | None = None, reverse: bool = False) -> Code:
    kind, _, mode = text.partition("/")
    return Code(kind, mode or None, target, reverse)


def _frames(spec: str | list[Any], blocks: dict[str, tuple[Frame, ...]] | None = None) -> tuple[Frame, ...]:
    """Frames from the data file; {"block": name} stands for the frames a dictionary block shares."""
    items = spec if isinstance(spec, list) else [spec]
    frames: list[Frame] = []
    for item in items:
        if isinstance(item, str):
            frames.append(Frame(_code(item)))
        elif "block" in item:
            shared = _phrasal((blocks or {})[item["block"]], item)
            # A general verb ("take", "go") reads only the patterns that name the act it does.
            frames.extend(f for f in shared if f.names_act or not item.get("general"))
        else:
            frames.append(
                Frame(
                    _code(item["type"], item.get("target"), bool(item.get("reverse", False))),
                    object=frozenset(item.get("object", ())),
                    particle=frozenset(item.get("particle", ())),
                    prep=frozenset(item.get("prep", ())),
                    modifier=frozenset(item.get("modifier", ())),
                    subject=frozenset(item.get("subject", ())),
                    clause=bool(item.get("clause", False)),
                    content=bool(item.get("content", False)),
                    recipient=bool(item.get("recipient", False)),
                    named_object=bool(item.get("named_object", False)),
                    with_party=bool(item.get("with_party", False)),
                    passive=bool(item.get("passive", False)),
                    infinitive=bool(item.get("infinitive", False)),
                )
            )
    return tuple(frames)


def _phrasal(frames: tuple[Frame, ...], item: dict[str, Any]) -> tuple[Frame, ...]:
    """A block's frames as read by one of its multi-word verbs ({"block": name, "particle": ["out"]}): each with the
    verb's second word required where the pattern names none in that place ("carried OUT a raid")."""
    if "particle" in item:
        word = frozenset(item["particle"])
        return tuple(replace(f, particle=word) for f in frames if not f.particle)
    if "prep" in item:
        word = frozenset(item["prep"])
        return tuple(replace(f, prep=word) for f in frames if not f.prep)
    return frames


@dataclass(frozen=True)
class Lexicon:
    """Every word list the event coder reads, loaded once."""

    verbs: dict[str, tuple[Frame, ...]]
    nouns: dict[str, tuple[Frame, ...]]
    light_verbs: frozenset[str]
    wrappers: dict[str, str]
    speech_verbs: frozenset[str]
    hypothetical_modals: frozenset[str]
    future_modals: frozenset[str]
    obligation_modals: frozenset[str]
    cooperative: frozenset[str]
    hostile: frozenset[str]
    countries: dict[str, str]
    sectors: dict[str, str]
    company_nouns: frozenset[str]
    pair_nouns: dict[str, frozenset[str]]
    pair_words: frozenset[str]
    person_object: frozenset[str]
    things: frozenset[str]
    actor_codes: dict[str, str]
    agents: dict[str, str]
    noun_classes: dict[str, frozenset[str]]
    requires_recipient: frozenset[str]
    verb_forms: dict[str, str]

    @property
    def not_yet(self) -> frozenset[str]:
        """Modals of what has not happened: the future and the merely possible."""
        return self.future_modals | self.hypothetical_modals | {"would"}

    def verb(self, token: Token, conditional_only: bool = False, reading: Reading | None = None) -> Code | None:
        """The code of a verb in its frame, or None when no frame of it fits; a verb asked twice may bring the
        reading of its sentence made the first time."""
        frames = self.verbs.get(lemma_in(token, self.verbs))
        return _real(_match(frames, token, conditional_only, self.recipients, self.bodies, reading))

    def default_type(self, token: Token) -> str | None:
        """The type the verb has in any frame: its unconditional code's, or None."""
        frames = self.verbs.get(lemma_in(token, self.verbs)) or ()
        return next((f.code.type for f in frames if not f.conditional), None)

    def noun(self, token: Token) -> Code | None:
        """The code of an event noun ("attack", "talks", "hunger strike"), or None."""
        return _real(_match(self.nouns.get(lemma_in(token, self.nouns)), token, False, self.recipients, self.bodies))

    @cached_property
    def able_nouns(self) -> frozenset[str]:
        """Common nouns that may stand for someone who acts, or for the means of a named one:
        agents and sectors, the dictionaries' classes of people, forces, places, vehicles and weapons,
        and the things that stand for their crews ("Iranian boats")."""
        classes = frozenset().union(*self.noun_classes.values())
        return frozenset(self.agents) | frozenset(self.sectors) | self.things | classes

    @cached_property
    def recipients(self) -> frozenset[str]:
        """Common nouns that name a political actor an act can be aimed at: Phoenix agents of the state,
        armed groups, opposition and courts, and the dictionary's people classes ("police", "rebels",
        "civilians"), not every agent the dictionary knows ("patients", "customers")."""
        people = ("people", "military", "leader", "opposition", "suspect", "refugee", "hostage", "negotiator")
        return self.bodies.union(*(self.noun_classes[c] for c in people))

    @cached_property
    def surnames(self) -> dict[str, str]:
        """The last word of the dictionary's names of several words ("yasir arafat" -> "arafat") with their code,
        where every name ending in that word has the same code: a surname that names one person to the
        dictionary ("Arafat"), not one many share ("Bush", "Smith")."""
        found: dict[str, set[str]] = {}
        for name, code in self.actor_codes.items():
            words = name.split()
            if len(words) > 1 and len(words[-1]) >= 4 and words[-1].isalpha():
                found.setdefault(words[-1], set()).add(code)
        return {word: next(iter(codes)) for word, codes in found.items() if len(codes) == 1}

    @cached_property
    def bodies(self) -> frozenset[str]:
        """Common nouns of political bodies and their members: the Phoenix agents of a political sector
        ("government", "army", "police", "rebels", "ministry")."""
        return frozenset(word for word, sector in self.agents.items() if sector in POLITICAL_SECTORS)


def lemma_in(token: Token, words: Collection[str]) -> str:
    """The token's lemma, or a plainer form of it that the word list knows.

    The small model's lemmatizer slips on some forms ("staged" -> "stag"); the word list
    decides between the lemma and the form with its ending cut off.
    """
    lemma = token.lemma_.lower()
    if lemma in words:
        return lemma
    _LISTS.setdefault(id(words), words)
    return _plain_form(token.lower_, lemma, id(words))


# The word lists asked about, kept by their id so that an id is never another list's: each is the lexicon's
# own or a module's constant, so a form's answer for it does not change.
_LISTS: dict[int, Collection[str]] = {}


@lru_cache(maxsize=1 << 16)
def _plain_form(lower: str, lemma: str, list_id: int) -> str:
    words = _LISTS[list_id]
    listed = lexicon().verb_forms.get(lower)
    if listed is not None and listed in words:
        return listed  # the dictionary's own inflection ("strove", "trodden")
    for suffix, repl in SUFFIXES:
        if not lower.endswith(suffix):
            continue
        stem = lower[: -len(suffix)]
        if stem + repl in words:
            return stem + repl
        if not repl and suffix in ("ed", "ing") and len(stem) > 3 and stem[-1] == stem[-2] and stem[:-1] in words:
            return stem[:-1]  # a doubled consonant: "patrolling", "slammed"
    return lemma


# Regular English endings and what they replace, tried in order ("readied" -> "ready", "staged" -> "stage").
SUFFIXES = (("ied", "y"), ("ies", "y"), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""), ("es", ""), ("s", ""))


def has_lemma(token: Token, words: Collection[str]) -> bool:
    """Whether the word list knows the token, by its lemma or a plainer form (``lemma_in``)."""
    return lemma_in(token, words) in words


def _real(code: Code | None) -> Code | None:
    """A frame of type NONE says the word is no event in that frame ("press release")."""
    return None if code is None or code.type == "NONE" else code


def _when(prep: Token) -> bool:
    """ "on Monday", "in March": a preposition that dates the event, not part of its frame."""
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


def _prep_words(children: list[Token]) -> set[str]:
    """The prepositions among some words, bare ("against"), with any noun ("with *"), and with the words of their
    object ("put on alert", "call for talks"), each word alone or all in their order ("to peace plan")."""
    found: set[str] = set()
    for prep in children:
        if prep.dep_ not in ("prep", "agent") or _when(prep):
            continue
        found.add(prep.lower_)
        for noun in (g for g in prep.children if g.dep_ == "pobj"):
            found.add(f"{prep.lower_} *")  # with a noun, not a clause ("charged with fraud", "with overseeing")
            words = [m for m in noun.children if m.dep_ in ("compound", "amod") and m.i < noun.i] + [noun]
            found |= {f"{prep.lower_} {w}" for w in _words(words)}
            found.add(f"{prep.lower_} {' '.join(t.lower_ for t in words)}")
            found.add(f"{prep.lower_} {' '.join([*(t.lower_ for t in words[:-1]), noun.lemma_.lower()])}")
    return found


def _words(tokens: list[Token]) -> set[str]:
    return {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}


class Reading:
    """What a verb's frames may ask of its sentence, each worked out only when a frame asks: most
    verbs are settled by their first, unconditional frame."""

    def __init__(self, token: Token) -> None:
        self.token = token

    @cached_property
    def children(self) -> list[Token]:
        return list(self.token.children)

    @cached_property
    def objects(self) -> list[Token]:
        children, token = self.children, self.token
        if token.pos_ == "NOUN":
            # An act noun's object is what its "of" names or its modifier ("the expulsion of diplomats", "the troop
            # deployment"), as the verb's is what follows it ("expelled diplomats").
            ofs = [g for c in children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
            return ofs + [c for c in children if c.dep_ == "compound" and c.i < token.i]
        # An object predicate is what the pattern names after the verb as well ("was found GUILTY", "found him GUILTY").
        objects = [c for c in children if c.dep_ in ("dobj", "nsubjpass", "attr", "dative", "oprd")]
        objects += [c for c in children if c.dep_ == "ccomp" and c.pos_ == "ADJ"]
        if token.dep_ in ("acl", "relcl") and token.tag_ == "VBN":
            objects.append(token.head)
        objects += [
            p for c in children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children if p.dep_ == "pobj"
        ]
        objects += [p for o in objects for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
        return objects

    @cached_property
    def object_tokens(self) -> list[Token]:
        return self.objects + [m for o in self.objects for m in o.children if m.dep_ in ("compound", "amod")]

    @cached_property
    def object_words(self) -> set[str]:
        return _words(self.object_tokens)

    @cached_property
    def head_words(self) -> set[str]:
        return _words(self.objects)

    @cached_property
    def object_forms(self) -> set[str]:
        return {t.lower_ for t in self.object_tokens}

    @cached_property
    def particles(self) -> set[str]:
        # The parser tags "walk out" and "pull back" as particles or adverbs, and the "out" of "pulled out of Kherson"
        # as a preposition with no object of its own, only a second preposition: the verb's particle all the same.
        return {
            c.lower_
            for c in self.children
            if c.dep_ == "prt"
            or (c.dep_ == "advmod" and c.tag_ in ("RP", "RB"))
            or (c.dep_ == "prep" and _bare_preposition(c))
        }

    @cached_property
    def preps(self) -> set[str]:
        children = self.children
        preps = _prep_words(children)
        preps |= {
            f"{c.lower_} {g.lower_}"
            for c in children
            if c.dep_ in ("prep", "prt")
            for g in c.children
            if g.dep_ == "prep"
        }
        return preps | {f"{p} {c.lower_}" for p in self.particles for c in children if c.dep_ == "prep"}

    @cached_property
    def object_preps(self) -> set[str]:
        # The parser hangs a pattern's preposition on the verb's object as often as on the verb ("lifted the ban ON
        # exports", "monitor the distribution OF aid"): a frame that names the object reads those too.
        return self.preps | _prep_words([g for c in self.children if c.dep_ == "dobj" for g in c.children])

    @cached_property
    def subjects(self) -> set[str]:
        return _words([c for c in self.children if c.dep_ in ("nsubj", "nsubjpass")])

    @cached_property
    def modifiers(self) -> set[str]:
        return _words([c for c in self.children if c.dep_ in ("compound", "amod", "nmod")])


def _bare_preposition(prep: Token) -> bool:
    """ "out" in "pulled out of Kherson": a preposition whose only complement is another preposition."""
    return not any(c.dep_ in ("pobj", "pcomp") for c in prep.children) and any(c.dep_ == "prep" for c in prep.children)


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


# Sectors of actors whose acts and targets make political events (CAMEO actor codes).
POLITICAL_SECTORS = frozenset({"GOV", "MIL", "REB", "COP", "OPP", "JUD", "LEG", "SPY", "UAF", "IGO", "ELI", "INS"})
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


@cache
def lexicon() -> Lexicon:
    """The lexicon from the package's data files (read once per process)."""
    words = load_data("events_lexicon.json")
    actors = load_data("events_actor_codes.json")
    blocks = {name: _frames(frames) for name, frames in words["blocks"].items()}
    countries = {name: code for code, names in load_data("events_countries.json")["codes"].items() for name in names}
    sectors: dict[str, str] = {}
    for code, names in load_data("events_sectors.json")["sectors"].items():
        for name in names:
            sectors.setdefault(name, code)
    return Lexicon(
        verbs={k: _frames(v, blocks) for k, v in words["verbs"].items()},
        nouns={k: _frames(v) for k, v in words["nouns"].items()},
        light_verbs=frozenset(words["light_verbs"]),
        wrappers=dict(words["wrappers"]),
        speech_verbs=frozenset(words["speech_verbs"]),
        hypothetical_modals=frozenset(words["hypothetical_modals"]),
        future_modals=frozenset(words["future_modals"]),
        obligation_modals=frozenset(words["obligation_modals"]),
        cooperative=frozenset(words["cooperative"]),
        hostile=frozenset(words["hostile"]),
        countries=countries,
        sectors=sectors,
        company_nouns=frozenset(words["company_nouns"]),
        pair_nouns={k: frozenset(v) for k, v in words["pair_nouns"].items()},
        pair_words=frozenset(words["pair_words"]),
        person_object=frozenset(words["person_object"]),
        things=frozenset(words["things"]),
        actor_codes=dict(actors["names"]),
        agents=dict(actors["agents"]),
        noun_classes={name: frozenset(nouns) for name, nouns in words["noun_classes"].items()},
        requires_recipient=frozenset(words["requires_recipient"]),
        verb_forms=dict(words["verb_forms"]),
    )
