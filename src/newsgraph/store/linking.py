"""Cross-article linking: one store-wide record per person, organisation or place.

Within an article the pipeline already made "Joe Biden", "President Biden" and
"Biden" one entity named "Joe Biden"; across articles the store links by name:
- same type and same folded canonical name ("Ana Ortiz" = "ana ortiz" = "Ana Ortíz"),
  or a known full-name alias of a record ("Joseph Biden" recorded with "Joe Biden");
- an entity named by a description ("the company", "the military") is one article's
  own: another article's "company" is another company;
- a person whose canonical name is one word ("Smith") has no evidence of who they
  are (the article never gave a full name), so each such entity gets its own record;
  organisations and places link by name whatever its length ("Hamas", "Qatar").
Events told by several articles become one store-wide event when their type, actor,
target, date, place and negation agree over store-wide ids (``event_key``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import sqlalchemy as sa

from newsgraph.model import Entity, Event
from newsgraph.store.schema import entities, entity_aliases, entity_titles

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


def find_record(connection: sa.Connection, entity: Entity, names: dict[str, str]) -> int | None:
    """The store-wide record this article's entity is, or None when nothing links it."""
    key = fold(entity.name)
    if not key or not is_name(entity.name) or (entity.type == PERSON and not is_full(key)):
        return None
    by_name = connection.execute(
        sa.select(entities.c.id)
        .where(entities.c.type == entity.type, entities.c.key == key)
        .order_by(entities.c.articles.desc(), entities.c.id)
        .limit(1)
    ).scalar()
    if by_name is not None:
        return int(by_name)
    full_names = [k for k in names if is_full(k)]
    if not full_names:
        return None
    by_alias = connection.execute(
        sa.select(entities.c.id)
        .join(entity_aliases, entity_aliases.c.entity_id == entities.c.id)
        .where(entities.c.type == entity.type, entity_aliases.c.full, entity_aliases.c.key.in_(full_names))
        .order_by(entities.c.articles.desc(), entities.c.id)
        .limit(1)
    ).scalar()
    return int(by_alias) if by_alias is not None else None


def link_entity(connection: sa.Connection, entity: Entity, published: str | None) -> int:
    """Link (or create) the store-wide record of an article's entity, with its names, titles and days seen."""
    names = aliases_of(entity)
    record = find_record(connection, entity, names)
    if record is None:
        record = connection.execute(
            sa.insert(entities)
            .values(
                name=entity.name, type=entity.type, key=fold(entity.name), first_seen=published, last_seen=published
            )
            .returning(entities.c.id)
        ).scalar_one()
    else:
        _widen_seen(connection, record, published)
    _add_aliases(connection, record, names)
    _add_titles(connection, record, entity.titles, published)
    return int(record)


def count_in(connection: sa.Connection, record: int, mentions: int, quotes: int) -> None:
    """Count one more article, with its mentions of the record and the quotes it speaks."""
    connection.execute(
        sa.update(entities)
        .where(entities.c.id == record)
        .values(
            articles=entities.c.articles + 1,
            mentions=entities.c.mentions + mentions,
            quotes=entities.c.quotes + quotes,
        )
    )


def _widen_seen(connection: sa.Connection, record: int, published: str | None) -> None:
    if not published:
        return
    first = sa.case(
        (sa.or_(entities.c.first_seen.is_(None), entities.c.first_seen > published), published),
        else_=entities.c.first_seen,
    )
    last = sa.case(
        (sa.or_(entities.c.last_seen.is_(None), entities.c.last_seen < published), published),
        else_=entities.c.last_seen,
    )
    connection.execute(sa.update(entities).where(entities.c.id == record).values(first_seen=first, last_seen=last))


def _add_aliases(connection: sa.Connection, record: int, names: dict[str, str]) -> None:
    known = set(
        connection.execute(sa.select(entity_aliases.c.key).where(entity_aliases.c.entity_id == record)).scalars()
    )
    fresh = [
        {"entity_id": record, "key": key, "alias": alias, "full": is_full(key)}
        for key, alias in names.items()
        if key not in known
    ]
    if fresh:
        connection.execute(sa.insert(entity_aliases), fresh)


def _add_titles(connection: sa.Connection, record: int, titles: Iterable[str], published: str | None) -> None:
    for title in dict.fromkeys(t.strip() for t in titles if t.strip()):
        where = sa.and_(entity_titles.c.entity_id == record, entity_titles.c.title == title)
        seen = connection.execute(sa.select(entity_titles.c.first_seen, entity_titles.c.last_seen).where(where)).first()
        if seen is None:
            connection.execute(
                sa.insert(entity_titles).values(
                    entity_id=record, title=title, first_seen=published, last_seen=published, articles=1
                )
            )
            continue
        first, last = seen
        if published:
            first = published if first is None or published < first else first
            last = published if last is None or published > last else last
        connection.execute(
            sa.update(entity_titles)
            .where(where)
            .values(first_seen=first, last_seen=last, articles=entity_titles.c.articles + 1)
        )


def event_key(event: Event, ids: dict[str, int]) -> str | None:
    """What makes two articles' events one: None when actor or date is unknown (too little to merge on)."""
    actor = ids.get(event.actor or "")
    if actor is None or not event.date:
        return None
    target = ids.get(event.target or "")
    location = ids.get(event.location or "")
    negated = "not" if event.negated else ""
    return "|".join(str(part) for part in (event.type, actor, target or "", event.date, location or "", negated))
