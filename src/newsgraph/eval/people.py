"""How many store records the most-quoted people are split over: the measure of entity resolution.

Who a quote's speaker is, is read from the article itself (the name and type the
article's entity had), never from the store's records: quotes are grouped by surname,
and in each surname by first name. The quotes of a full name are that person's; those
of the bare surname ("Obama said") too when that person is named in full in at least
twice as many articles as any namesake ("Barack Obama" over "Michelle Obama"), else
who said them is unknown and they are left out. The ten persons with most quotes are
then checked: one record each, typed PERSON, is the aim.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import sqlalchemy as sa

from newsgraph.store.linking import PERSON, fold, is_name
from newsgraph.store.resolution import cluster_of, person_parts
from newsgraph.store.schema import article_entities, entities, quotes


@dataclass
class Person:
    """One of the most-quoted people, and the records their quotes went to."""

    name: str
    quotes: int
    records: Counter[int] = field(default_factory=Counter)
    types: dict[int, str] = field(default_factory=dict)
    names: dict[int, str] = field(default_factory=dict)

    @property
    def single(self) -> bool:
        """One record, and a person's."""
        return len(self.records) == 1 and all(t == PERSON for t in self.types.values())


@dataclass
class PeopleReport:
    people: list[Person]

    @property
    def single(self) -> int:
        return sum(person.single for person in self.people)

    def render(self) -> str:
        lines = [f"{'person':<24} {'quotes':>6} {'records':>7}  records (type, quotes)"]
        for person in self.people:
            held = "; ".join(
                f"{person.names[r]} #{r} ({person.types[r]}, {n})" for r, n in person.records.most_common()
            )
            lines.append(f"{person.name:<24} {person.quotes:>6} {len(person.records):>7}  {held}")
        lines.append(f"\none PERSON record each: {self.single}/{len(self.people)}")
        return "\n".join(lines)


def most_quoted_people(connection: sa.Connection, top: int = 10) -> PeopleReport:
    """The ``top`` most-quoted people of the store and the records holding their quotes."""
    said = connection.execute(
        sa.select(
            article_entities.c.name,
            article_entities.c.type.label("type_here"),
            quotes.c.speaker_entity_id,
            entities.c.type,
            entities.c.name.label("held"),
        )
        .join_from(
            quotes,
            article_entities,
            sa.and_(
                article_entities.c.article_id == quotes.c.article_id,
                article_entities.c.local_id == quotes.c.speaker_local,
            ),
        )
        .join(entities, entities.c.id == quotes.c.speaker_entity_id)
    ).all()
    leading = _leading_people(connection)
    found: dict[str, Person] = {}
    for row in said:
        key = fold(row.name)
        if not key or not is_name(row.name):
            continue
        person = cluster_of(key) if row.type_here == PERSON else None
        person = person or leading.get(person_parts(key)[1])
        if person is None:
            continue
        entry = found.setdefault(person, Person(person.title(), 0))
        entry.quotes += 1
        entry.records[row.speaker_entity_id] += 1
        entry.types[row.speaker_entity_id] = row.type
        entry.names[row.speaker_entity_id] = row.held
    ranked = sorted(found.values(), key=lambda p: (-p.quotes, p.name))
    return PeopleReport(ranked[:top])


def _leading_people(connection: sa.Connection) -> dict[str, str]:
    """Surname -> the full name a bare surname stands for: named in at least twice as many articles as any other."""
    named: dict[str, dict[str, set[str]]] = {}
    rows = connection.execute(
        sa.select(article_entities.c.article_id, article_entities.c.name).where(article_entities.c.type == PERSON)
    )
    for row in rows:
        key = fold(row.name)
        full = cluster_of(key) if key and is_name(row.name) else None
        if full:
            named.setdefault(person_parts(key)[1], {}).setdefault(full, set()).add(row.article_id)
    leading = {}
    for surname, people in named.items():
        ranked = sorted(people, key=lambda p: (-len(people[p]), p))
        if len(ranked) == 1 or len(people[ranked[0]]) >= 2 * len(people[ranked[1]]):
            leading[surname] = ranked[0]
    return leading
