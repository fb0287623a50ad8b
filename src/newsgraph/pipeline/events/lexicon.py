"""The PLOVER event lexicon: verbs and nouns, with the frames that decide their type and mode.

The words live in ``data/events_lexicon.json`` so that a reader can check and extend the
coding without reading code; this module only turns them into fast lookups (``frames`` reads
a word's frames, ``matching`` matches them against the parse).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache

from spacy.tokens import Token

from newsgraph.pipeline.events.frames import Code, Frame, _frames
from newsgraph.pipeline.events.matching import _match
from newsgraph.pipeline.events.reading import Reading
from newsgraph.pipeline.lexicons import load_data


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
    hazards: frozenset[str]
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


# Sectors of actors whose acts and targets make political events (CAMEO actor codes).
POLITICAL_SECTORS = frozenset({"GOV", "MIL", "REB", "COP", "OPP", "JUD", "LEG", "SPY", "UAF", "IGO", "ELI", "INS"})


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
        hazards=frozenset(words["hazards"]),
        actor_codes=dict(actors["names"]),
        agents=dict(actors["agents"]),
        noun_classes={name: frozenset(nouns) for name, nouns in words["noun_classes"].items()},
        requires_recipient=frozenset(words["requires_recipient"]),
        verb_forms=dict(words["verb_forms"]),
    )
