"""Senses: whether a coded word is meant literally, judged by the types of its arguments.

The lexicon codes words ("war", "beat", "hit"); whether an ASSAULT happened depends on who
did it to whom. PLOVER's ASSAULT is "deliberate actions which can potentially result in
substantial physical harm", so it needs someone able to act deliberately and a target that
can be harmed: "Jamie's war on toxic food", "it beat Hollywood movies" and "a car hit a
pillar" are none. The types come from spaCy's NER, the dictionaries' noun classes (CAMEO's
synonym sets for people, forces, places, vehicles, weapons) and the Phoenix agent nouns.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from newsgraph.pipeline.events.actor_words import PLACE_DESCRIPTIONS
from newsgraph.pipeline.events.actors import ActorFinder
from newsgraph.pipeline.events.frames import Code
from newsgraph.pipeline.events.lexicon import Lexicon, has_lemma
from newsgraph.pipeline.extensions import doc_text

# Named things that violence can reach: people, groups, countries, places, buildings, vehicles.
# NER's types of measures, which violence cannot harm (counts of people are CARDINAL, and stay harmable).
MEASURES = frozenset({"QUANTITY", "PERCENT", "MONEY", "DATE", "TIME"})
# Prepositions through which a phrase holds what it is made of or for ("scores of refugees", "a camp for
# refugees", "targets in Jericho").
HOLDING_PREPS = frozenset({"of", "for", "in", "at", "near", "inside"})
HARMABLE_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
# Noun classes of the dictionaries whose members can be harmed (people, forces, places) ...
HARMABLE_CLASSES = ("people", "military", "leader", "opposition", "suspect", "refugee", "hostage", "negotiator")
PLACE_CLASSES = ("town", "stronghold")
# ... and those that carry out violence without being actors (a drone strikes for whoever flies it).
MEANS_CLASSES = ("aircraft", "weapon")
# A road vehicle as the one who "hit" something is an accident, not an attack.
VEHICLE_CLASSES = ("car",)
# Nouns of English for people by the road vehicle they drive, and the verbs of a collision: "a drunk driver hit a
# family", "a motorist struck and killed a cyclist" tell a crash, as "a car hit a pillar" does, not the manual's ASSAULT
# ("deliberate actions"); a driver who shoots or stabs, or one told with a weapon, is no crash.
DRIVERS = frozenset({"driver", "motorist", "trucker", "motorcyclist", "chauffeur"})
COLLIDING = frozenset({"hit", "strike", "kill", "run", "crash", "slam", "smash", "knock", "mow"})
# Verbs that tell a contest as readily as violence, and the nouns of contests that decide between them:
# the PLOVER manual's election context ("elections and campaigns") and games.
CONTEST_VERBS = frozenset(
    {
        "beat",
        "defeat",
        "crush",
        "rout",
        "trounce",
        "thrash",
        "fight",
        "battle",
        "clash",
        "hit",
        "strike",
        "attack",
        "overwhelm",
        "sweep",
        "upset",
        "knock",
        "topple",
        "edge",
        "struggle",
        "compete",
    }
)
CONTEST_NOUNS = frozenset(
    {
        "election",
        "vote",
        "voter",
        "ballot",
        "poll",
        "race",
        "candidate",
        "incumbent",
        "campaign",
        "primary",
        "runoff",
        "referendum",
        "nomination",
        "game",
        "match",
        "tournament",
        "championship",
        "playoff",
        "season",
        "league",
        "player",
        "multiplayer",
        "contest",
        "victory",
        "goal",
    }
)
# Verbs of fighting that tell a quarrel as readily, and the prepositions of what a quarrel is about.
QUARRELS = frozenset({"clash", "fight", "battle", "spar", "tussle", "wrangle", "feud", "struggle", "scuffle"})
ISSUE_PREPS = frozenset({"over", "about"})
# Nouns of accidents, whose tolls no one inflicted deliberately.
ACCIDENTS = frozenset({"crash", "accident", "collision", "derailment", "wreck", "pileup"})
# Nouns of an undertaking that the dictionary codes ASSAULT ("LAUNCH * OPERATION"), which in news name as often a
# business's or a maintenance crew's work ("operations at the facility", "mining operations"): violence only when
# force is named in them.
UNDERTAKING_NOUNS = frozenset({"operation"})
# Phoenix sectors of those who use force: military, police, rebels, intelligence, unaligned armed groups, insurgents.
ARMED_SECTORS = ("MIL", "COP", "REB", "SPY", "UAF", "INS")
# A verb of violence that, with a person as object, tells a dismissal ("was fired", "fired the coach").
DISMISSING = frozenset({"fire"})
AIMING_PREPS = frozenset({"at", "on", "upon", "into", "against", "toward", "towards"})
# Common nouns for people that neither the dictionaries' classes nor the agent suffixes below reach.
PEOPLE_WORDS = frozenset(
    {
        "crowd",
        "mob",
        "child",
        "children",
        "kid",
        "woman",
        "women",
        "girl",
        "boy",
        "baby",
        "family",
        "person",
        "victim",
        "youth",
    }
)
# Suffixes of English nouns for people: fisherman, worker, sailor, journalist, civilian, migrant, resident, detainee.
# Suffixes of nouns for people: "-man" and "-ist"/"-ian" on a word ("fishermen", "journalists",
# "civilians"), and the agent suffixes on a verb ("protesters", "investors", "migrants",
# "detainees"), whose stem must then be a verb: "letter", "paper", "sector" and "incident" are no one.
NOUN_PEOPLE_SUFFIXES = ("ist", "ian")
VERB_PEOPLE_SUFFIXES = ("er", "or", "ant", "ent", "ee")
# Words of play that, in a sports report, mark a sentence about the game.
GAME_WORDS = frozenset({"shot", "win", "won", "score", "scored", "final", "club", "coach", "assist", "points"})
# "Hurricanes 4, Blackhawks 2": a result line of a games roundup.
LINE_SCORE = re.compile(r"\b[A-Z][a-z]+ \d{1,3}, [A-Z][a-z]+ \d{1,3}\b")
# "2-1", "3–0": a score, which makes "beat" and "crushed" a sports result.
SCORE = re.compile(r"(?<![\d.,:/-])\d{1,3}\s?[-–]\s?\d{1,3}(?![\d:/%-]|[.,]\d)")


class Senses:
    """Argument-type checks for one Doc."""

    def __init__(self, lex: Lexicon, actors: ActorFinder, verbs: frozenset[str]) -> None:
        self.lex = lex
        self.actors = actors
        self.verbs = verbs
        classes = lex.noun_classes
        self.harmable = frozenset().union(*(classes[c] for c in HARMABLE_CLASSES + PLACE_CLASSES))
        self.means = frozenset().union(*(classes[c] for c in MEANS_CLASSES))
        self.vehicles = frozenset().union(*(classes[c] for c in VEHICLE_CLASSES))
        # The forces class with the heads of its phrases ("armed force", "special force" -> "force").
        self.forces = classes["military"] | {phrase.split()[-1] for phrase in classes["military"]}
        # Two scores or more ("6-3, 7-6", "4-1"): a report of games, where "beat", "rallied"
        # and "fought back" are contests, not violence or protest.
        text = doc_text(actors.doc)
        self.sports = len(SCORE.findall(text)) + len(LINE_SCORE.findall(text)) >= 2

    def contest(self, trigger: Token) -> bool:
        """In a sports report, a sentence naming no weapon tells a contest; so does a verb that may tell
        either ("beat", "fight") in a sentence about an election or a game ("beat the incumbent governor",
        "fight someone in a multiplayer game")."""
        words = {t.lemma_.lower() for t in trigger.sent} | {t.lower_ for t in trigger.sent}
        if words & self.means:
            return False
        if self.sports:
            return True
        return has_lemma(trigger, CONTEST_VERBS) and bool(words & CONTEST_NOUNS)

    def game(self, trigger: Token) -> bool:
        """In a sports report, a sentence naming a game, a goal or a player, and no weapon."""
        if not self.sports:
            return False
        words = {t.lemma_.lower() for t in trigger.sent} | {t.lower_ for t in trigger.sent}
        return bool(words & (CONTEST_NOUNS | GAME_WORDS)) and not words & self.means

    def violent(self, trigger: Token, actor: Token | None, target: Token | None, place: bool) -> bool:
        """An ASSAULT reading holds: an able actor (or none named), a harmable target (or a place), no score.

        ``place`` says whether the event names where it happened ("struck targets in Gaza"),
        which makes an unclassed object ("targets", "positions") a military one.
        """
        if self._score_near(trigger) or self.contest(trigger) or self._striving(trigger):
            return False
        if actor is not None and (self._vehicle(actor) or self._other_act(actor) or self._crash(trigger, actor)):
            return False
        if self._quarrel(trigger, actor):
            return False
        if self._dismissal(trigger, target):
            return False
        if actor is None and self._accident(trigger):
            return False
        if not self._forceful_undertaking(trigger, actor):
            return False
        if target is None:
            return True
        if target.ent_type_ in MEASURES:
            # "the surface hit 107 degrees", "shares struck a record $40": a measure reached, no one harmed.
            return False
        return self.can_suffer(target) or place

    def _accident(self, trigger: Token) -> bool:
        """ "withholding the names of those killed" in a sentence about a crash, "two died in a collision": with
        no doer named, deaths told beside an accident and no weapon are its toll, not the manual's deliberate
        harm."""
        words = {t.lemma_.lower() for t in trigger.sent}
        return bool(words & ACCIDENTS) and not words & self.means

    def _quarrel(self, trigger: Token, actor: Token | None) -> bool:
        """ "Negotiators from both sides clashed over the text of the deal", "the two sides clashed over fishing
        rights": a fight over an issue, by no one who bears arms and with no weapon named, is a dispute, not the
        PLOVER manual's ASSAULT ("deliberate actions which can potentially result in substantial physical harm");
        "police clashed with protesters over the law" and "rebels fought over the town" stay."""
        if not has_lemma(trigger, QUARRELS) or (actor is not None and self.armed(actor)):
            return False
        if {t.lemma_.lower() for t in trigger.sent} & self.means:
            return False
        issues = [
            g
            for c in trigger.children
            if c.dep_ == "prep" and c.lower_ in ISSUE_PREPS
            for g in c.children
            if g.dep_ == "pobj"
        ]
        return any(g.pos_ == "NOUN" and not self.can_suffer(g) for g in issues)

    def _other_act(self, actor: Token) -> bool:
        """ "farmers hit by retaliatory tariffs", "a region hit by strikes": an act of another type that strikes
        is its own event (a sanction, a protest), and its hitting figurative."""
        code = self.lex.noun(actor) if actor.pos_ == "NOUN" else None
        return code is not None and code.type != "ASSAULT"

    def _forceful_undertaking(self, trigger: Token, actor: Token | None) -> bool:
        """ "operations at the Manhattan facility", "halted operations at the plant": an operation is the PLOVER
        manual's ASSAULT ("deliberate actions which can potentially result in substantial physical harm") only when
        force is named in it: by those who carry it out (the Phoenix sectors of armed forces, police and rebels:
        "Israeli forces carried out an operation"), by its modifier ("a military operation", "a police
        operation"), or by whom it is aimed against ("an operation against drug gangs")."""
        nouns = [trigger] if trigger.pos_ == "NOUN" else [c for c in trigger.children if c.dep_ == "dobj"]
        noun = next((n for n in nouns if n.lemma_.lower() in UNDERTAKING_NOUNS), None)
        if noun is None:
            return True
        if any(c.dep_ == "prep" and c.lower_ == "against" for c in (*noun.children, *trigger.children)):
            return True
        modifiers = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod", "poss")]
        return any(self.armed(t) for t in (*modifiers, *([actor] if actor is not None else [])))

    def armed(self, token: Token) -> bool:
        """A word for those who use force: a force or police by the dictionaries' classes or Phoenix sectors
        ("troops", "army", "police", "military"), or a name the Phoenix actors code as such ("Hamas", "IDF")."""
        words = {token.lemma_.lower(), token.lower_}
        if words & self.forces or self.actors.agent_sector(token) in ARMED_SECTORS:
            return True
        name = doc_text(token.doc)[token.left_edge.idx : token.idx + len(token)].lower().removeprefix("the ")
        code = self.lex.actor_codes.get(name) or self.lex.actor_codes.get(token.lower_) or ""
        return any(code[i : i + 3] in ARMED_SECTORS for i in range(3, len(code), 3))

    def _dismissal(self, trigger: Token, target: Token | None) -> bool:
        """ "He was later fired", "fired its chief executive": "fire" with a person as its object and nothing
        it is fired at or with is a dismissal ("fired on the crowd", "fired shells", "gunmen fired" stay)."""
        if not has_lemma(trigger, DISMISSING) or target is None or self.means_of_violence(target):
            return False
        aimed = any(c.dep_ == "prep" and c.lower_ in AIMING_PREPS for c in trigger.children)
        return not aimed and target.dep_ in ("dobj", "nsubjpass") and self.can_be_harmed(target)

    def can_suffer(self, token: Token) -> bool:
        """A person, group, people, country, place or building: something violence can harm.

        The phrase's head is read, and the nouns its prepositions govern ("scores of refugees",
        "a camp for refugees", "targets in Jericho"); not its modifiers, so "toxic US food"
        stays food.
        """
        heads = [token]
        for _ in range(2):
            # ("battling extradition to the United States": a phrase of where or whom to names no one harmed.)
            heads += [
                g
                for h in heads
                for c in h.children
                if c.dep_ == "prep" and c.lower_ in HOLDING_PREPS
                for g in c.children
                if g.dep_ == "pobj"
            ]
            # "the city's prison" is harmable through its owner; "his approach" is not through "his".
            heads += [c for h in heads for c in h.children if c.dep_ == "poss" and c.pos_ != "PRON"]
        return any(self.can_be_harmed(head) for head in heads)

    def _striving(self, trigger: Token) -> bool:
        """ "struggles to address", "fought to keep": a verb of violence taking a to-infinitive tells an
        effort towards that act, not harm done to anyone ("attempted to assassinate" is the act, read
        through its wrapper)."""
        if has_lemma(trigger, self.lex.wrappers):
            return False
        if any(c.dep_ == "dobj" and _type(self.lex.noun(c)) == "ASSAULT" for c in trigger.children):
            # "opened fire to disperse the crowd", "launched an attack to retake the town": the act is named, and
            # the infinitive is its purpose.
            return False
        return any(
            c.dep_ in ("xcomp", "advcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for c in trigger.children
        )

    def criticism(self, trigger: Token, target: Token | None) -> bool:
        """ "hammered Bevin on his plan", "slammed the minister over the cuts": a verb of violence aimed at
        a person about an issue is criticism (the PLOVER manual's ACCUSE: "criticize ... responsible parties").
        A verb whose object names an act does that act ("carried out raids on homes"), and one whose phrase
        names a thing tells how it was done ("set the village on fire"): no criticism."""
        if target is None or trigger.pos_ != "VERB" or self.lex.noun(target) is not None:
            return False
        for prep in trigger.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("on", "over", "for"):
                continue
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                if pobj.pos_ != "NOUN" or pobj.ent_type_ in ("DATE", "TIME") or pobj.lemma_.lower() in self.lex.things:
                    continue
                if not self.can_be_harmed(pobj):
                    return True
        return False

    def people_noun(self, token: Token) -> bool:
        """A common noun for people: a Phoenix agent or sector word ("mayor", "officer"), or by its suffix
        ("fishermen", "detainees", "protesters", "journalists", "migrants") for the many such nouns no
        dictionary lists; "video", "footage", "statement" and "letter" are none."""
        lemma = token.lemma_.lower()
        if token.pos_ != "NOUN" or lemma.endswith("ment"):
            return False
        if lemma in self.lex.agents or lemma in self.lex.sectors:
            return True
        if lemma.endswith("man") or token.lower_.endswith(("men", "people")):
            return True
        if any(lemma.endswith(s) and len(lemma) - len(s) >= 3 for s in NOUN_PEOPLE_SUFFIXES):
            return True
        stems = (lemma[: -len(s)] for s in VERB_PEOPLE_SUFFIXES if lemma.endswith(s))
        return any(len(stem) >= 3 and self._verb_stem(stem) for stem in stems)  # not "gi-ant"

    def _verb_stem(self, stem: str) -> bool:
        """The stem of an agent noun is a verb: "protest-er", "vot-er", "migr-ant", "resid-ent", "employ-ee"."""
        return any(form in self.verbs for form in (stem, stem + "e", stem + "ate"))

    def means_of_violence(self, token: Token) -> bool:
        """A weapon or war machine ("a drone", "shells"), or an act of violence ("a stabbing", "the attack")."""
        words = {token.lemma_.lower(), token.lower_}
        if words & self.means:
            return True
        for frames in (self.lex.nouns.get(w) for w in words):
            if frames and any(f.code.type == "ASSAULT" and not f.conditional for f in frames):
                return True
        if not token.lower_.endswith("ing"):
            return False
        stem = token.lower_[:-3]
        stems = (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem)  # stabbing
        return any(
            any(f.code.type == "ASSAULT" and not f.conditional for f in self.lex.verbs.get(s, ())) for s in stems
        )

    def can_be_harmed(self, head: Token) -> bool:
        """The word itself names someone or something violence can harm (its phrase not read)."""
        if head.pos_ in ("PRON", "NUM", "PROPN"):
            return True  # "attacked them", "killed three", a name NER missed
        if head.ent_type_ in HARMABLE_ENTITIES or self.actors.entity_of(head) is not None:
            return True
        words = {head.lemma_.lower(), head.lower_}
        if words & self.lex.hazards:
            # "firefighters battled the blaze", "the bank is fighting inflation": a force of nature, a disease or
            # the economy is fought only in a figure of speech.
            return False
        if words & (self.harmable | self.lex.things | PLACE_DESCRIPTIONS | PEOPLE_WORDS):
            # ("invaded the country", "attacked the regime": a polity told by its noun.)
            return True
        return any(w in self.lex.agents or w in self.lex.sectors for w in words) or self.people_noun(head)

    def _crash(self, trigger: Token, actor: Token) -> bool:
        """A driver hitting, striking or killing someone, with no weapon in the sentence (``DRIVERS``)."""
        if actor.lemma_.lower() not in DRIVERS or not has_lemma(trigger, COLLIDING):
            return False
        return not {t.lemma_.lower() for t in trigger.sent} & self.means

    def _vehicle(self, token: Token) -> bool:
        return token.lemma_.lower() in self.vehicles and token.lemma_.lower() not in self.means

    def _score_near(self, trigger: Token) -> bool:
        """A score in the trigger's sentence: "beat Chelsea 2-1"."""
        sent = trigger.sent
        return SCORE.search(doc_text(trigger.doc)[sent.start_char : sent.end_char]) is not None


def _type(code: Code | None) -> str | None:
    return code.type if code is not None else None
