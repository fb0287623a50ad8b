"""An actor's CAMEO codes: its country and sector, from the Phoenix actor and agent dictionaries, its words here,
its titles and the words of its name (a firm by its legal form, an institution by a sector word).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from newsgraph.model import Entity
from newsgraph.pipeline.events.actor_words import PLACE_DESCRIPTIONS, WHERE_PREPS
from newsgraph.pipeline.events.lexicon import Lexicon

# CAMEO's codes for international actors, which have no country: organisations, NGOs, armed groups.
INTERNATIONAL = frozenset({"IGO", "NGO", "IMG", "MNC", "UIS"})
# The legal forms that end a company's name ("Ithaca Holdings", "McClatchy Co.", "Apple Inc."): a firm by its
# name, CAMEO's business sector, whatever place or office its other words name ("Ithaca" is no Greece).
FIRM_FORMS = frozenset(
    {"inc", "corp", "corporation", "co", "company", "llc", "ltd", "limited", "plc", "holdings", "gmbh", "ag", "lp"}
)


@dataclass
class Actor:
    """An entity and the words that named it here (read for country and sector)."""

    entity: Entity
    words: list[Token]


class ActorCodes:
    """Reads one Doc's actors for their CAMEO country and sector codes."""

    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex

    def polity(self, actor: Actor) -> bool:
        """A place that acts through its government: one the dictionaries know, or one the article treats
        as a place or a state ("in Estria", "the government of Estria", "Estria's ambassador"). A name NER
        took for a place but that the article never uses as one ("Dashlane offers", "Brooke offered") is none."""
        if self.country(actor) is not None:
            return True
        for mention in actor.entity.mentions:
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            if root.dep_ == "pobj" and root.head.lower_ in WHERE_PREPS | {"of", "to", "from"}:
                return True
            if root.dep_ in ("poss", "compound") and (
                root.head.lemma_.lower() in PLACE_DESCRIPTIONS or self.is_actor_noun(root.head)
            ):
                return True
        return False

    def is_actor_noun(self, head: Token) -> bool:
        return head.pos_ in ("NOUN", "PROPN") and (
            head.lemma_.lower() in self.lex.sectors or head.lower_ in self.lex.sectors
        )

    def code(self, actor: Actor) -> str | None:
        """The actor's CAMEO code from the Phoenix actor dictionary ("ISRGOV", "PSEREBHMS"), or None.

        The entity's name is tried whole, then the longest run of words of its name, its
        words here and its titles that the dictionary knows ("Israeli Prime Minister").
        """
        codes = self.lex.actor_codes
        name = actor.entity.name.casefold()
        if name in codes:
            return codes[name]
        if firm(actor.entity):
            return None
        phrases = [_without_possessive(name.split()), [t.lower_ for t in actor.words]]
        phrases += [title.casefold().split() for title in self.office_titles(actor.entity)]
        for words in phrases:
            for size in (4, 3, 2, 1):
                for i in range(len(words) - size + 1):
                    code = codes.get(" ".join(words[i : i + size]))
                    if code:
                        return code
        if actor.entity.type == "PERSON" and " " not in name:
            # "Arafat condemned": a person named by surname alone, whom the dictionary knows by full name.
            return self.lex.surnames.get(name)
        return None

    def country(self, actor: Actor) -> str | None:
        """Country code of the actor: from the Phoenix actor dictionary, else from country words."""
        code = self.code(actor)
        if code is not None and code[:3] not in INTERNATIONAL:
            return code[:3]
        # "China’s ambassador to Britain" is China's: the possessive's mark comes off its word.
        phrases = [[t.lower_ for t in actor.words], _without_possessive(actor.entity.name.casefold().split())]
        phrases += [title.casefold().split() for title in self.office_titles(actor.entity)]
        for words in phrases:
            for size in (3, 2, 1):
                for i in range(len(words) - size + 1):
                    found = self.lex.countries.get(" ".join(words[i : i + size]))
                    if found:
                        return found
        name = actor.entity.name.casefold()
        return self.lex.countries.get(name) if actor.entity.type in ("GPE", "NORP") else None

    def office_titles(self, entity: Entity) -> list[str]:
        """The titles that name a political office: all of them, unless they are held in an organisation the
        dictionaries do not know as political ("Blue Origin's vice president" is a firm's officer, no GOV;
        "the Interior Ministry's spokesman" stays one)."""
        affiliation = entity.affiliation
        if not affiliation or not entity.titles:
            return entity.titles
        name = affiliation.casefold()
        words = _without_possessive(name.split())
        known = (
            name in self.lex.actor_codes
            or any(w in self.lex.countries or w in self.lex.actor_codes for w in words)
            or institution(affiliation, self.lex.sectors)
            or any(w in self.lex.agents for w in words)
        )
        return entity.titles if known else []

    def sector(self, actor: Actor) -> str | None:
        """Sector code of the actor (GOV, MIL, REB…): the Phoenix code's, else its agent nouns' or titles'.

        International actors have their kind as sector (IGO, NGO, IMG for armed groups).
        """
        code = self.code(actor)
        if code is not None and code[:3] in INTERNATIONAL:
            return code[:3]
        if code is not None and len(code) >= 6:
            return code[3:6]
        if actor.entity.type == "GPE" and len(actor.words) <= 2 and self.polity(actor):
            return "GOV"
        if firm(actor.entity):
            return "BUS"
        # The longest run of words the agent dictionary knows wins, as in PETRARCH's own matching:
        # "Attorney General" is GOV, though "general" alone is MIL.
        phrases = [[t.lemma_.lower() for t in actor.words], [t.lower_ for t in actor.words]]
        phrases += [[w.strip("'’") for w in actor.entity.name.casefold().split()]]
        phrases += [[w.strip("'’").rstrip("s") for w in actor.entity.name.casefold().split()]]
        phrases += [title.casefold().split() for title in self.office_titles(actor.entity)]
        for size in (4, 3, 2, 1):
            for words in phrases:
                for i in reversed(range(len(words) - size + 1)):
                    phrase = " ".join(words[i : i + size])
                    found = self.lex.agents.get(phrase) or self.lex.sectors.get(phrase)
                    if found:
                        return found
        return None


def firm(entity: Entity) -> bool:
    """An organisation whose name ends in a company's legal form ("Ithaca Holdings", "McClatchy Co.")."""
    words = name_words(entity.name)
    return entity.type == "ORG" and bool(words) and words[-1] in FIRM_FORMS


@lru_cache(maxsize=4096)
def name_words(name: str) -> tuple[str, ...]:
    """The words of a name in lower case (cached: the same few names are asked for again and again)."""
    return tuple(re.findall(r"[a-z]+", name.casefold()))


def institution(name: str, sectors: dict[str, str]) -> bool:
    """A name with a sector word ("Workers' Union", "Police"): an institution, not a company."""
    return any(w in sectors or w.rstrip("s") in sectors for w in name_words(name))


def _without_possessive(words: list[str]) -> list[str]:
    return [re.sub(r"['\u2019]s$", "", w) for w in words]
