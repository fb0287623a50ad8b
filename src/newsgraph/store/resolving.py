"""Applying resolution (``resolution.plan``) to the store, one article's families at a time.

Adding an article touches only the families its entities belong to: their signature
counts are read by family (a primary-key range), updated for this article, planned
again, and only what the plan changes is written. When a signature's record changes
(a bare "Obama" joins "Barack Obama" once a full name is stored), the rows already
stored under it move in a few statements through the signature index: its article
entities, the quotes they said, the events they acted in; the records that lost or
gained rows are counted again. So the work per article is bounded by its families'
signatures, not by the size of the store.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Any

import sqlalchemy as sa

from newsgraph.model import Entity
from newsgraph.store.resolution import Counted, Override, Signature, Target, is_bare, name_rank, plan, signature_of
from newsgraph.store.schema import (
    article_entities,
    articles,
    entities,
    entity_aliases,
    entity_overrides,
    entity_signatures,
    entity_titles,
    event_sources,
    events,
    mentions,
    quotes,
)

# Families read per statement: well under every driver's cap on bound parameters.
CHUNK = 400


@dataclass
class Row:
    """A stored signature row as read, and whether this run changed it."""

    counted: Counted
    entity_id: int | None
    reason: str | None
    stored: bool
    changed: bool = False


def chunks(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def same_signature(table: sa.Table, signature: Signature) -> sa.ColumnElement[bool]:
    return sa.and_(
        table.c.family == signature.family,
        table.c.key == signature.key,
        table.c.type == signature.type,
        table.c.hint == signature.hint,
    )


class Resolver:
    """Resolution inside one write transaction; ``adopt`` lets records from before resolution be reused."""

    def __init__(self, connection: sa.Connection, adopt: bool = False) -> None:
        self.connection = connection
        self.adopt = adopt
        self.records: dict[tuple[str, str], int] = {}
        self.names: dict[int, str] = {}
        self.dirty: set[int] = set()
        self._overrides: list[Override] | None = None

    @property
    def overrides(self) -> list[Override]:
        if self._overrides is None:
            rows = self.connection.execute(sa.select(entity_overrides).order_by(entity_overrides.c.id))
            self._overrides = [Override(r.kind, r.type, r.key, r.into_type, r.into_key) for r in rows]
        return self._overrides

    def add_article(self, found: Sequence[Entity]) -> dict[str, tuple[Signature, int]]:
        """Count one article's entities, re-plan their families; local id -> (signature, record)."""
        signed = {e.id: (e, s) for e in found if (s := signature_of(e)) is not None}
        tally = article_tally([(entity, signature) for entity, signature in signed.values()])
        rows = self._load(sorted({s.family for s in tally}))
        for signature, counted in tally.items():
            row = rows.setdefault(signature.family, {}).get(signature)
            if row is None:
                rows[signature.family][signature] = Row(counted, None, None, stored=False, changed=True)
            else:
                row.counted = Counted(
                    signature,
                    _better(row.counted.name, counted.name),
                    row.counted.articles + 1,
                    row.counted.mentions + counted.mentions,
                    row.counted.beside + counted.beside,
                )
                row.changed = True
        self._resolve(rows)
        return {
            local: (signature, int(rows[signature.family][signature].entity_id or 0))
            for local, (_, signature) in signed.items()
        }

    def resolve_families(self, families: Iterable[str]) -> None:
        """Plan the given families again from their stored counts (after a correction by hand)."""
        self._resolve(self._load(sorted(set(families))))

    def _load(self, families: list[str]) -> dict[str, dict[Signature, Row]]:
        rows: dict[str, dict[Signature, Row]] = {}
        for part in chunks(families):
            for r in self.connection.execute(sa.select(entity_signatures).where(entity_signatures.c.family.in_(part))):
                signature = Signature(r.family, r.key, r.type, r.hint)
                counted = Counted(signature, r.name, r.articles, r.mentions, r.beside)
                rows.setdefault(r.family, {})[signature] = Row(counted, r.entity_id, r.reason, stored=True)
        return rows

    def _preload(self, families: list[str]) -> None:
        """The records the families' plans made before, read at once: most plans name them again."""
        for part in chunks(families):
            statement = sa.select(entities.c.id, entities.c.type, entities.c.key, entities.c.name).where(
                entities.c.family.in_(part)
            )
            for r in self.connection.execute(statement.order_by(entities.c.id.desc())):
                self.records[(r.type, r.key)] = r.id
                self.names[r.id] = r.name

    def _resolve(self, rows: dict[str, dict[Signature, Row]]) -> None:
        self._preload(sorted(rows))
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        for family, members in rows.items():
            targets = plan(family, [row.counted for row in members.values()], self.overrides)
            for signature, row in members.items():
                target = targets[signature]
                record = self.record(target, family)
                if record != row.entity_id or target.reason != row.reason:
                    if row.stored and record != row.entity_id:
                        self.move(signature, record)
                    row.entity_id, row.reason, row.changed = record, target.reason, True
                if row.changed:
                    values = _values(row)
                    (updates if row.stored else inserts).append(values)
        if inserts:
            self.connection.execute(sa.insert(entity_signatures), inserts)
        if updates:
            self.connection.execute(_UPDATE_SIGNATURE, [{f"new_{k}": v for k, v in u.items()} for u in updates])
        self.recount()

    def record(self, target: Target, family: str) -> int:
        """The record of (type, key), found or created; its name follows the plan's."""
        wanted = (target.type, target.key)
        if wanted in self.records:
            record = self.records[wanted]
            if target.name and self.names.get(record) != target.name:
                self.connection.execute(sa.update(entities).where(entities.c.id == record).values(name=target.name))
                self.names[record] = target.name
            return record
        same = (entities.c.type == target.type, entities.c.key == target.key)
        row = self.connection.execute(
            sa.select(entities.c.id, entities.c.name)
            .where(*same, entities.c.family.is_not(None))
            .order_by(entities.c.id)
            .limit(1)
        ).first()
        if row is None and self.adopt:
            row = self.connection.execute(
                sa.select(entities.c.id, entities.c.name).where(*same).order_by(entities.c.id).limit(1)
            ).first()
            if row is not None:
                self.connection.execute(sa.update(entities).where(entities.c.id == row.id).values(family=family))
        if row is None:
            record = int(
                self.connection.execute(
                    sa.insert(entities).returning(entities.c.id),
                    {
                        "name": target.name or target.key,
                        "type": target.type,
                        "key": target.key,
                        "family": family,
                        "articles": 0,
                        "mentions": 0,
                        "quotes": 0,
                    },
                ).scalar_one()
            )
        else:
            record = int(row.id)
            if target.name and row.name != target.name:
                self.connection.execute(sa.update(entities).where(entities.c.id == record).values(name=target.name))
        self.records[wanted] = record
        self.names[record] = target.name or (row.name if row is not None else target.key)
        return record

    def move(self, signature: Signature, record: int) -> None:
        """Point the stored rows of ``signature`` at ``record``, with their quotes and events."""
        olds = list(
            self.connection.execute(
                sa.select(article_entities.c.entity_id)
                .where(same_signature(article_entities, signature), article_entities.c.entity_id != record)
                .distinct()
            ).scalars()
        )
        for old in olds:
            self._move(signature, old, record)
        self.dirty.update(olds)
        if olds:
            self.dirty.add(record)

    def _move(self, signature: Signature, old: int, new: int) -> None:
        ae = article_entities
        moving = sa.and_(same_signature(ae, signature), ae.c.entity_id == old)
        said = sa.exists().where(
            moving, ae.c.article_id == quotes.c.article_id, ae.c.local_id == quotes.c.speaker_local
        )
        self.connection.execute(
            sa.update(quotes).where(quotes.c.speaker_entity_id == old, said).values(speaker_entity_id=new)
        )
        told = sa.exists().where(
            moving, ae.c.article_id == event_sources.c.article_id, event_sources.c.event_id == events.c.id
        )
        for column in _EVENT_PARTIES:
            if column is events.c.actor_id:
                keyed = self.connection.execute(sa.select(events.c.id, events.c.key).where(column == old, told)).all()
                rekeyed = [{"event": r.id, "new_key": _rekey(r.key, new)} for r in keyed if r.key]
                if rekeyed:
                    self.connection.execute(_REKEY, rekeyed)
            self.connection.execute(sa.update(events).where(column == old, told).values({column.name: new}))
        self.connection.execute(sa.update(ae).where(moving).values(entity_id=new))
        self._copy_names(old, new)

    def _copy_names(self, old: int, new: int) -> None:
        """The moved rows' aliases and titles go with them to their new record."""
        for table, column in ((entity_aliases, entity_aliases.c.key), (entity_titles, entity_titles.c.title)):
            other = table.alias("other")
            missing = ~sa.exists().where(other.c.entity_id == new, other.c[column.name] == column)
            names = [c for c in table.columns if c.name != "entity_id"]
            source = sa.select(sa.literal(new), *names).where(table.c.entity_id == old, missing)
            self.connection.execute(sa.insert(table).from_select(["entity_id", *[c.name for c in names]], source))

    def recount(self) -> None:
        """Count again the records that lost or gained stored rows."""
        for record in sorted(self.dirty):
            ae = article_entities
            articles_of = sa.select(ae.c.article_id).where(ae.c.entity_id == record).distinct().subquery()
            n_articles, first, last = self.connection.execute(
                sa.select(sa.func.count(), sa.func.min(articles.c.published), sa.func.max(articles.c.published))
                .select_from(articles_of)
                .join(articles, articles.c.id == articles_of.c.article_id)
            ).one()
            n_mentions = self.connection.execute(
                sa.select(sa.func.count())
                .select_from(mentions)
                .join(ae, sa.and_(ae.c.article_id == mentions.c.article_id, ae.c.local_id == mentions.c.local_id))
                .where(ae.c.entity_id == record)
            ).scalar_one()
            n_quotes = self.connection.execute(
                sa.select(sa.func.count()).select_from(quotes).where(quotes.c.speaker_entity_id == record)
            ).scalar_one()
            if n_articles == 0 and n_quotes == 0 and self._unused(record):
                self._drop(record)
                continue
            self.connection.execute(
                sa.update(entities)
                .where(entities.c.id == record)
                .values(articles=n_articles, mentions=n_mentions, quotes=n_quotes, first_seen=first, last_seen=last)
            )
        self.dirty.clear()

    def _unused(self, record: int) -> bool:
        """Whether nothing points at a record any more: no signature plans it, no event names it, no
        correction by hand names its (type, key)."""
        pointing = [sa.select(entity_signatures.c.entity_id).where(entity_signatures.c.entity_id == record)]
        pointing += [sa.select(events.c.id).where(column == record) for column in _EVENT_PARTIES]
        corrected = sa.select(entity_overrides.c.id).join(
            entities,
            sa.or_(
                sa.and_(entities.c.type == entity_overrides.c.type, entities.c.key == entity_overrides.c.key),
                sa.and_(entities.c.type == entity_overrides.c.into_type, entities.c.key == entity_overrides.c.into_key),
            ),
        )
        pointing.append(corrected.where(entities.c.id == record))
        return not any(self.connection.execute(query.limit(1)).first() for query in pointing)

    def _drop(self, record: int) -> None:
        """A record whose rows all moved to another ('Dunmore' once 'Nora Dunmore' is stored) goes, so that
        the store does not depend on the order its articles came in."""
        for table in (entity_aliases, entity_titles):
            self.connection.execute(sa.delete(table).where(table.c.entity_id == record))
        self.connection.execute(sa.delete(entities).where(entities.c.id == record))
        self.records = {wanted: r for wanted, r in self.records.items() if r != record}
        self.names.pop(record, None)


_UPDATE_SIGNATURE = (
    sa.update(entity_signatures)
    .where(
        entity_signatures.c.family == sa.bindparam("new_family"),
        entity_signatures.c.key == sa.bindparam("new_key"),
        entity_signatures.c.type == sa.bindparam("new_type"),
        entity_signatures.c.hint == sa.bindparam("new_hint"),
    )
    .values(
        name=sa.bindparam("new_name"),
        articles=sa.bindparam("new_articles"),
        mentions=sa.bindparam("new_mentions"),
        beside=sa.bindparam("new_beside"),
        entity_id=sa.bindparam("new_entity_id"),
        reason=sa.bindparam("new_reason"),
    )
)
_EVENT_PARTIES = (events.c.actor_id, events.c.target_id, events.c.location_id)
_REKEY = sa.update(events).where(events.c.id == sa.bindparam("event")).values(key=sa.bindparam("new_key"))


def _rekey(key: str, actor: int) -> str:
    """An event key (type|actor|date|negated) with its actor moved to another record."""
    parts = key.split("|")
    parts[1] = str(actor)
    return "|".join(parts)


def _better(one: str, other: str) -> str:
    """Of two written forms of one folded name, the one kept whatever came first (fewest capitals)."""
    return min(one, other, key=name_rank)


def _values(row: Row) -> dict[str, Any]:
    s = row.counted.signature
    return {
        "family": s.family,
        "key": s.key,
        "type": s.type,
        "hint": s.hint,
        "name": row.counted.name,
        "articles": row.counted.articles,
        "mentions": row.counted.mentions,
        "beside": row.counted.beside,
        "entity_id": row.entity_id,
        "reason": row.reason,
    }


def resolve_store(connection: sa.Connection, adopt: bool = False) -> int:
    """Resolve every stored entity again from scratch (a migrated store, or after a change of rules).

    Each row's signature is computed from its stored entity and mentions, the counts are
    rebuilt, and every family is planned; rows move to their records as in ``add_article``.
    Returns the number of families.
    """
    ae = article_entities
    texts: dict[tuple[str, str], list[str]] = {}
    for m in connection.execute(sa.select(mentions.c.article_id, mentions.c.local_id, mentions.c.text)):
        texts.setdefault((m.article_id, m.local_id), []).append(m.text)
    counted: dict[Signature, Counted] = {}
    marks = []
    rows = connection.execute(sa.select(ae.c.article_id, ae.c.local_id, ae.c.data).order_by(ae.c.article_id))
    for _, told in groupby(rows, key=lambda r: r.article_id):
        signed = []
        for r in told:
            entity = _entity(r.data, texts.get((r.article_id, r.local_id), []))
            signature = signature_of(entity)
            marks.append(
                {
                    "at": r.article_id,
                    "local": r.local_id,
                    "new_family": signature.family if signature else None,
                    "new_key": signature.key if signature else None,
                    "new_hint": signature.hint if signature else None,
                }
            )
            if signature is not None:
                signed.append((entity, signature))
        for signature, here in article_tally(signed).items():
            was = counted.get(signature)
            counted[signature] = here if was is None else _sum(was, here)
    if marks:
        connection.execute(
            sa.update(ae)
            .where(ae.c.article_id == sa.bindparam("at"), ae.c.local_id == sa.bindparam("local"))
            .values(family=sa.bindparam("new_family"), key=sa.bindparam("new_key"), hint=sa.bindparam("new_hint")),
            marks,
        )
    connection.execute(sa.delete(entity_signatures))
    fresh = [_values(Row(c, None, None, stored=True)) for c in counted.values()]
    if fresh:
        connection.execute(sa.insert(entity_signatures), fresh)
    families = {s.family for s in counted}
    resolver = Resolver(connection, adopt=adopt)
    for part in chunks(sorted(families)):
        resolver.resolve_families(part)
    return len(families)


def article_tally(signed: Sequence[tuple[Entity, Signature]]) -> dict[Signature, Counted]:
    """One article's counts per signature: once each, its mentions, whether a full name of its family is beside it."""
    families = {s.family for _, s in signed if not is_bare(s)}
    tally: dict[Signature, Counted] = {}
    for entity, signature in signed:
        name = " ".join(entity.name.split())
        beside = int(is_bare(signature) and signature.family in families)
        here = Counted(signature, name, 1, max(len(entity.mentions), 1), beside)
        was = tally.get(signature)
        tally[signature] = (
            here
            if was is None
            else Counted(signature, _better(was.name, name), 1, was.mentions + here.mentions, beside)
        )
    return tally


def _sum(one: Counted, other: Counted) -> Counted:
    return Counted(
        one.signature,
        _better(one.name, other.name),
        one.articles + other.articles,
        one.mentions + other.mentions,
        one.beside + other.beside,
    )


def _entity(data: dict[str, Any], texts: list[str]) -> Entity:
    """A stored entity (its ``data`` keeps no mentions) with its mention texts back, for its signature."""
    spans = [{"start": 0, "end": 0, "text": text} for text in texts]
    return Entity.from_dict({**data, "mentions": spans})
