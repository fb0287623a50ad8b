"""Cross-article linking: one store-wide record per person, organisation or place.

Within an article the pipeline already made "Joe Biden", "President Biden" and
"Biden" one entity named "Joe Biden"; across articles names are compared folded
("Ana Ortiz" = "ana ortiz" = "Ana Ortíz") and resolution (``resolution.py``) decides
which record each named entity joins. An entity named by a description ("the
company", "the military") is one article's own: another article's "company" is
another company.
Events told by several articles become one store-wide event when their type, actor,
date and negation agree over store-wide ids (``event_key``) and their targets and
places do not contradict each other (``compatible``): one outlet may name whom a strike
was against and another only where it happened.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import sqlalchemy as sa

from newsgraph.model import Entity, Event
from newsgraph.store.schema import entities, entity_aliases, entity_titles, events

_PUNCT = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"['’]s$")
# Mention texts that stand for an entity without naming it.
_NOT_NAMES = {
    "he", "him", "his", "she", "her", "hers", "it", "its", "they", "them", "their", "theirs",
    "i", "me", "my", "we", "us", "our", "you", "your", "who", "whom", "this", "that",
}  # fmt: skip
_JOINERS = {"of", "the", "and", "for", "de", "del", "la", "le", "van", "von", "da", "al", "bin", "on", "in", "&"}
PERSON = "PERSON"


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """The key names are compared by: accents, case, punctuation and spacing folded away."""
    decomposed = unicodedata.normalize("NFKD", _POSSESSIVE.sub("", name.strip()))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", _PUNCT.sub(" ", bare.casefold())).strip()


def is_full(key: str) -> bool:
    """A full name has two words or more: evidence enough to link across articles."""
    return len(key.split()) >= 2


def is_name(text: str) -> bool:
    """A mention that is a name ("President Biden", "The New York Times"), not "he" or "the group"."""
    tokens = _POSSESSIVE.sub("", text.strip()).split()
    if not tokens or fold(text) in _NOT_NAMES:
        return False
    return all(t[0].isupper() or t[0].isdigit() or t.casefold() in _JOINERS for t in tokens)


def aliases_of(entity: Entity) -> dict[str, str]:
    """Folded key -> a written form, for every name this article calls the entity by."""
    found: dict[str, str] = {}
    for text in [entity.name, *entity.aliases, *(m.text for m in entity.mentions)]:
        clean = _POSSESSIVE.sub("", text.strip())
        key = fold(clean)
        if key and key not in found and (text == entity.name or is_name(clean)):
            found[key] = clean
    return found


# Prepared once: only values change from article to article, so the statements compile once.
_INSERT_ENTITY = sa.insert(entities).returning(entities.c.id)
_COUNT = (
    sa.update(entities)
    .where(entities.c.id == sa.bindparam("record"))
    .values(
        articles=entities.c.articles + 1,
        mentions=entities.c.mentions + sa.bindparam("n_mentions"),
        quotes=entities.c.quotes + sa.bindparam("n_quotes"),
        first_seen=sa.case(
            (sa.bindparam("day", type_=sa.String).is_(None), entities.c.first_seen),
            (entities.c.first_seen.is_(None), sa.bindparam("day", type_=sa.String)),
            (entities.c.first_seen > sa.bindparam("day", type_=sa.String), sa.bindparam("day", type_=sa.String)),
            else_=entities.c.first_seen,
        ),
        last_seen=sa.case(
            (sa.bindparam("day", type_=sa.String).is_(None), entities.c.last_seen),
            (entities.c.last_seen.is_(None), sa.bindparam("day", type_=sa.String)),
            (entities.c.last_seen < sa.bindparam("day", type_=sa.String), sa.bindparam("day", type_=sa.String)),
            else_=entities.c.last_seen,
        ),
    )
)
_UPDATE_TITLE = (
    sa.update(entity_titles)
    .where(entity_titles.c.entity_id == sa.bindparam("record"), entity_titles.c.title == sa.bindparam("name"))
    .values(first_seen=sa.bindparam("first"), last_seen=sa.bindparam("last"), articles=entity_titles.c.articles + 1)
)


class Linker:
    """Records one article's entities in a few statements, inside the article's transaction.

    Which record a named entity belongs to is resolution's (``resolving.Resolver``); an
    entity named by a description gets a record of its own. Here each record is counted
    for the article, and the names and titles the article gives it are kept.
    """

    def __init__(self, connection: sa.Connection, published: str | None) -> None:
        self.connection = connection
        self.published = published

    def link(self, found: Sequence[Entity], spoken: dict[str, int], resolved: dict[str, int]) -> dict[str, int]:
        """Article-local id -> store-wide id, with counts, days seen, aliases and titles recorded."""
        names = [aliases_of(entity) for entity in found]
        ids: dict[str, int] = {}
        tally: dict[int, list[int]] = {}
        for entity in found:
            record = resolved.get(entity.id) or self._own(entity)
            ids[entity.id] = record
            counts = tally.setdefault(record, [0, 0])
            counts[0] += len(entity.mentions)
            counts[1] += spoken.get(entity.id, 0)
        if not ids:
            return ids
        counted = [{"record": r, "n_mentions": m, "n_quotes": q, "day": self.published} for r, (m, q) in tally.items()]
        self.connection.execute(_COUNT, counted)
        self._add_aliases(found, names, ids)
        self._add_titles(found, ids)
        return ids

    def _own(self, entity: Entity) -> int:
        """A record for this article's entity alone ("the company": another article's is another one)."""
        name = " ".join(entity.name.split())
        row = {"name": name, "type": entity.type, "key": fold(entity.name), "articles": 0, "mentions": 0, "quotes": 0}
        return int(self.connection.execute(_INSERT_ENTITY, row).scalar_one())

    def _add_aliases(self, found: Sequence[Entity], names: list[dict[str, str]], ids: dict[str, int]) -> None:
        records = set(ids.values())
        rows = self.connection.execute(
            sa.select(entity_aliases.c.entity_id, entity_aliases.c.key).where(entity_aliases.c.entity_id.in_(records))
        )
        known = {(row.entity_id, row.key) for row in rows}
        fresh: dict[tuple[int, str], dict[str, Any]] = {}
        for entity, own in zip(found, names, strict=True):
            record = ids[entity.id]
            for key, alias in own.items():
                if (record, key) not in known and (record, key) not in fresh:
                    fresh[(record, key)] = {"entity_id": record, "key": key, "alias": alias, "full": is_full(key)}
        if fresh:
            self.connection.execute(sa.insert(entity_aliases), list(fresh.values()))

    def _add_titles(self, found: Sequence[Entity], ids: dict[str, int]) -> None:
        wanted = {(ids[e.id], title): None for e in found for title in (t.strip() for t in e.titles) if title}
        if not wanted:
            return
        seen = {
            (row.entity_id, row.title): (row.first_seen, row.last_seen)
            for row in self.connection.execute(
                sa.select(entity_titles).where(entity_titles.c.entity_id.in_({r for r, _ in wanted}))
            )
            if (row.entity_id, row.title) in wanted
        }
        day = self.published
        fresh = [
            {"entity_id": r, "title": t, "first_seen": day, "last_seen": day, "articles": 1}
            for r, t in wanted
            if (r, t) not in seen
        ]
        if fresh:
            self.connection.execute(sa.insert(entity_titles), fresh)
        updates = []
        for (record, title), (first, last) in seen.items():
            if day:
                first = day if first is None or day < first else first
                last = day if last is None or day > last else last
            updates.append({"record": record, "name": title, "first": first, "last": last})
        if updates:
            self.connection.execute(_UPDATE_TITLE, updates)


def event_key(event: Event, ids: dict[str, int]) -> str | None:
    """type|actor|date|negated over store-wide ids: which stored events a telling may join.

    None when the actor or the date is unknown: too little to merge on.
    """
    actor = ids.get(event.actor or "")
    if actor is None or not event.date:
        return None
    return "|".join((event.type, str(actor), event.date, "not" if event.negated else ""))


# (target, place) of an event over store-wide ids.
Details = tuple[int | None, int | None]
# Per store-wide event, the details each telling of the article being written gave it.
Told = dict[int, set[Details]]


@dataclass
class StoredEvent:
    """A store-wide event's details that later tellings are checked against and may complete."""

    id: int
    target: int | None
    location: int | None

    @property
    def details(self) -> Details:
        return details(self.target, self.location)


def details(target: int | None, location: int | None) -> Details:
    """(target, place): a target that is the event's own place ("struck the Port of X" at
    the Port of X) says nothing about whom it was done to, so it counts as unknown."""
    return (None if target == location else target, location)


def compatible(one: Details, other: Details) -> bool:
    """Two tellings may be one event unless both name a target, or both a place, and those differ."""
    return all(a is None or b is None or a == b for a, b in zip(one, other, strict=True))


def agreement(one: Details, other: Details) -> int:
    """How many details both tellings name alike: the closest of several compatible events wins."""
    return sum(a is not None and a == b for a, b in zip(one, other, strict=True))


class EventMatcher:
    """Which stored event each telling joins, among those sharing its key.

    An article's tellings are the pipeline's separate events: one of them joins an
    event the same article already told only when it repeats that telling's details (a
    headline repeating the body), while other articles' events need only be compatible.
    When a telling joins, the event keeps the details it knew and takes the ones it lacked.
    """

    def __init__(self) -> None:
        self.by_key: dict[str, list[StoredEvent]] = {}

    def load(self, connection: sa.Connection, keys: set[str]) -> None:
        """Read the stored events under ``keys``, oldest first."""
        if not keys:
            return
        rows = connection.execute(
            sa.select(events.c.id, events.c.key, events.c.target_id, events.c.location_id)
            .where(events.c.key.in_(keys))
            .order_by(events.c.id)
        )
        for row in rows:
            self.add(row.key, StoredEvent(row.id, row.target_id, row.location_id))

    def add(self, key: str, event: StoredEvent) -> None:
        self.by_key.setdefault(key, []).append(event)

    def find(self, key: str, target: int | None, location: int | None, told: Told) -> StoredEvent | None:
        """The stored event this telling is, or None.

        The event this article already told with these very details, else the compatible
        event agreeing on most details (then the oldest) among those it has not told.
        """
        own = details(target, location)
        stored = self.by_key.get(key, [])
        repeated = next((event for event in stored if own in told.get(event.id, ())), None)
        if repeated is not None:
            return repeated
        fitting = [event for event in stored if event.id not in told and compatible(event.details, own)]
        return max(fitting, key=lambda event: (agreement(event.details, own), -event.id), default=None)

    @staticmethod
    def complete(stored: StoredEvent, target: int | None, location: int | None) -> bool:
        """Fill what the stored event lacked from a telling that joins it; True when anything changed."""
        known_target, known_location = stored.details
        new_target, new_location = details(target, location)
        before = (stored.target, stored.location)
        if known_target is None and new_target is not None:
            stored.target = new_target
        if known_location is None and new_location is not None:
            stored.location = new_location
        return before != (stored.target, stored.location)
