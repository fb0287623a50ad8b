"""Parties named together: "Iran, Russia and Syria pressured Turkey", "police arrested Haddad and Mansour".

An event here codes one actor and one recipient. The PLOVER manual (Compound and Reciprocal Actors): "most
CAMEO-based coders dealt with compound entities---'The United States and France accused Russia'---by generating
multiple events"; PLOVER keeps a list instead, and "a user might expand this in a post-processing phase to multiple
events with single entity codes following the earlier conventions". These drafts are that expansion: the first keeps
the phrase's first party, and each further party joined by "and" gets its own copy, so none is lost. A two-sided
act's second side is its recipient instead ("Ethiopia and Eritrea held talks": one event between the two).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from newsgraph.model import Event
from newsgraph.pipeline.events.actors import ActorFinder
from newsgraph.pipeline.events.draft import Draft

NOMINAL = frozenset({"NOUN", "PROPN"})
# The parser tags a country's adjective ADJ ("Syrian") or, for some, PROPN ("Emirati").
COUNTRY_WORDS = frozenset({"ADJ", "PROPN"})


def conjuncts(token: Token, kinds: frozenset[str] = NOMINAL) -> list[Token]:
    """The nouns joined to this one by "and", in order ("Iran, Russia and Syria" from "Iran": Russia, Syria);
    none when the list is joined by "or" ("Iran or Russia" names one of them, not both)."""
    chain: list[Token] = []
    todo = [token]
    while todo:
        word = todo.pop(0)
        joined = [c for c in word.children if c.dep_ == "conj" and c.pos_ in kinds]
        chain += joined
        todo += joined
    cues = [c.lower_ for w in (token, *chain) for c in w.children if c.dep_ in ("cc", "preconj")]
    if not chain or not any(cue in ("and", "&") for cue in cues) or any(cue in ("or", "nor", "either") for cue in cues):
        return []
    return sorted(chain, key=lambda t: t.i)


def joined_countries(noun: Token, actors: ActorFinder) -> list[Token]:
    """The further country words joined before a noun, each marking a party of its own ("the Russian and Syrian
    defense ministries": Syrian, for the Syrian ministry; "British and French journalists": French). "large and
    small firms" name no countries, so no parties."""
    for modifier in noun.children:
        if modifier.dep_ in ("amod", "compound") and modifier.i < noun.i and actors.country_word(modifier):
            return [c for c in conjuncts(modifier, COUNTRY_WORDS) if actors.country_word(c)]
    return []


def each_party(draft: Draft, actors: ActorFinder, two_sided: bool) -> list[tuple[Draft, tuple[str, ...]]]:
    """The draft, then one copy for each further party joined to its actor or to its target, each with the roles
    it was copied for: a copy whose party comes to no one ("King and Weeks", with no entity for Weeks) is none.
    A two-sided act ("Chile and Peru agreed to meet") is between the parties joined: the next one is the recipient,
    as the meeting's other side."""
    copies: list[tuple[Draft, tuple[str, ...]]] = [(draft, ())]
    if draft.actor is not None:
        joined = conjuncts(draft.actor) or joined_countries(draft.actor, actors)
        if two_sided and draft.target is None and joined:
            draft.target = joined[0]
        elif draft.target is None or draft.target not in joined:
            # (A two-sided act's second side is its target already: "Washington and the Taliban held talks".)
            copies += [(replace(draft, actor=a), ("actor",)) for a in joined if _party(a, actors)]
    if draft.target is not None:
        joined = conjuncts(draft.target) or joined_countries(draft.target, actors)
        targets = [t for t in joined if _party(t, actors) and t != draft.actor]
        copies += [(replace(each, target=t), (*roles, "target")) for each, roles in list(copies) for t in targets]
    return copies


def pronoun_parties(draft: Draft, event: Event, actors: ActorFinder) -> list[tuple[Draft, tuple[str, ...]]]:
    """Copies for the others of the parties "they" or "them" stand for, when the one it was read as was named
    together with them: "two politicians: Senator Warren and Representative Ocasio-Cortez. They criticised",
    "trade partners, including Europe, Japan, Canada and Mexico, threatening them with tariffs"."""
    copies: list[tuple[Draft, tuple[str, ...]]] = []
    for role in ("actor", "target"):
        word: Token | None = getattr(draft, role)
        entity_id = getattr(event, role)
        if word is None or entity_id is None or word.lower_ not in ("they", "them"):
            continue
        for other in _named_with(word, entity_id, actors):
            copy = replace(draft, actor=other) if role == "actor" else replace(draft, target=other)
            copies.append((copy, (role,)))
    return copies


def _named_with(pronoun: Token, entity_id: str, actors: ActorFinder) -> list[Token]:
    """The parties named together with the entity's last mention before the pronoun (in its sentence or the one
    before), other than the entity itself."""
    start = pronoun.sent.start
    if start > 0:
        start = pronoun.doc[start - 1].sent.start
    for i in range(pronoun.i - 1, start - 1, -1):
        word = pronoun.doc[i]
        entity = actors.entity_of(word)
        if entity is None or entity.id != entity_id or word.pos_ not in NOMINAL:
            continue
        first = word
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        group = [first, *conjuncts(first)] if conjuncts(first) else []
        named = [(t, actors.entity_of(t)) for t in group]
        return [t for t, e in named if e is not None and e.id != entity_id and _party(t, actors)]
    return []


def kept(event: Event, roles: tuple[str, ...], events: list[Event]) -> bool:
    """A copy is an event of its own when it names a party in each role it was copied for and came to other parties
    than the events before it ("Tova Noel and Noel's lawyer" may both be Noel)."""
    if not roles:
        return True
    if not all(getattr(event, role) or getattr(event, f"{role}_words") for role in roles):
        return False
    return not any(_parties(event) == _parties(other) for other in events[-8:])


def _parties(event: Event) -> tuple[object, ...]:
    actor = event.actor or (event.actor_words.text if event.actor_words else None)
    target = event.target or (event.target_words.text if event.target_words else None)
    return (event.type, event.mode, event.trigger.start, actor, target)


def _party(token: Token, actors: ActorFinder) -> bool:
    """A noun that names someone: a name, a group noun, or an agent the dictionaries code ("riot police")."""
    return actors.names_actor(token) or actors.agent_sector(token) is not None
