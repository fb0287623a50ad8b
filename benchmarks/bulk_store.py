"""A large generated store, built in minutes: for the latency benchmark, not for real articles.

Going through ``Store.add`` costs about 16 ms an article (resolution, linking, one
statement per table), so 100,000 articles would take the best part of an hour. Here:

1. Every person of the generated population first appears in a few hundred articles
   written through the real write path, so that each has the store-wide entity record,
   aliases, titles and resolution signature that resolution gives them.
2. The rest of the articles are generated the same way and written as rows: one
   prepared statement per table run over thousands of rows at a time (``executemany``
   in large transactions), with the secondary indexes and full-text triggers set aside
   and rebuilt once at the end, then the entities' counts brought up to date.

The rows are what the write path would write for these articles (the same helpers give
their columns), except that events are never merged across articles (generated events
carry no date, so the write path would not merge them either) and entity titles keep
the counts of the first step. The population is realistic in shape: speakers drawn
from a Zipf law over a few thousand people, articles spread over ten years, a few
dozen outlets and sources of unequal size, and words drawn from a Zipf law over a
vocabulary whose head is ``bench_api.WORDS`` (the common words the benchmark searches).
"""

from __future__ import annotations

import itertools
import json
import random
import sqlite3
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from bench_api import FIRST, TITLES, VERBS, WORDS, Builder

from newsgraph.model import Article as ArticleModel
from newsgraph.model import DateRef, Entity, Event, Extraction, Figure, Quote, Speaker
from newsgraph.store import Store
from newsgraph.store.writer import article_columns, new_event, now, said_on

EVENT_TYPES = ["ACCUSE", "REQUEST", "AGREE", "SUPPORT", "REJECT", "CONSULT", "THREATEN", "AID"]
FIRST_DAY = date(2016, 1, 1)
DAYS = 3652
SYLLABLES = ["ka", "ro", "len", "mi", "sto", "var", "del", "an", "bru", "te", "nor", "sel", "quin", "ha", "lo", "dre"]
OUTLETS = [f"{name}.example" for name in ("daily", "herald", "courier", "times", "post", "ledger", "gazette", "wire")]
OUTLETS += [f"{a}{b}.example" for a, b in itertools.product(("north", "south", "city", "metro"), ("news", "press"))]
TAIL_WORDS = [a + b + c for a, b, c in itertools.product(SYLLABLES, SYLLABLES[:10], ("t", "m", "s"))]
CHUNK = 5_000
BULK_TABLES = ("articles", "article_entities", "mentions", "quotes", "figures", "dates", "events", "event_sources")


def zipf(size: int, exponent: float = 1.05) -> list[float]:
    """Cumulative weights of ranks 1..size under a Zipf law (for ``random.choices``)."""
    return list(itertools.accumulate(1 / rank**exponent for rank in range(1, size + 1)))


def population(count: int, rng: random.Random) -> list[tuple[str, str]]:
    """``count`` people with distinct full names and a title each."""
    surnames = [(a + b + c).capitalize() for a, b, c in itertools.product(SYLLABLES, SYLLABLES, ("", "s", "ek"))]
    rng.shuffle(surnames)
    names = [f"{first} {last}" for last in surnames for first in FIRST]
    rng.shuffle(names)
    return [(name, rng.choice(TITLES)) for name in names[:count]]


class Generator:
    """Articles of 3-6 paragraphs, each a quote by one person, with a figure, a date and an event or two."""

    def __init__(self, people: list[tuple[str, str]], seed: int) -> None:
        self.rng = random.Random(seed)
        self.people = people
        self.people_weights = zipf(len(people))
        self.vocabulary = WORDS + TAIL_WORDS
        self.word_weights = zipf(len(self.vocabulary), 0.9)
        self.outlet_weights = zipf(len(OUTLETS), 0.8)

    def words(self, size: int) -> str:
        return " ".join(self.rng.choices(self.vocabulary, cum_weights=self.word_weights, k=size))

    def article(self, index: int, speakers: list[tuple[str, str]] | None = None) -> Extraction:
        """Article ``index``; its speakers drawn from the Zipf law unless given."""
        rng = self.rng
        day = (FIRST_DAY + timedelta(days=rng.randrange(DAYS))).isoformat()
        outlet = rng.choices(OUTLETS, cum_weights=self.outlet_weights)[0]
        topic = self.words(1)
        b = Builder()
        title = f"The {topic} {self.words(3)} story {index}"
        b.add(f"{title}\n\n")
        chosen = speakers or rng.choices(self.people, cum_weights=self.people_weights, k=rng.randint(3, 6))
        entities: dict[str, Entity] = {}
        quotes, figures, dates = [], [], []
        for paragraph, (name, role) in enumerate(chosen):
            entity = entities.setdefault(name, Entity(f"e{len(entities) + 1}", name, "PERSON", [role]))
            b.add(f"{role} ")
            mention = b.add(name)
            entity.mentions.append(mention)
            b.add(" ")
            cue = b.add(rng.choice(VERBS))
            b.add(" on ")
            monday = b.add("Monday")
            dates.append(DateRef("Monday", monday.start, monday.end, day))
            b.add(" that ")
            said = b.add(f"the {topic} {self.words(rng.randint(6, 16))}")
            b.add(" and that ")
            figure = b.add(str(rng.randint(2, 900)))
            figures.append(Figure(figure.text, figure.start, figure.end, int(figure.text), counted=self.words(1)))
            b.add(f" {self.words(1)} would follow.\n\n")
            speaker = Speaker(entity.id, name, name, mention.start, mention.end)
            quotes.append(Quote(f"q{paragraph + 1}", "direct" if paragraph % 3 == 0 else "indirect", said.text,
                                said.start, said.end, cue=cue, speaker=speaker))  # fmt: skip
        article = ArticleModel(
            text=b.text, title=title, published=day, url=f"https://{outlet}/{day}/story-{index}", source=outlet
        )
        extraction = Extraction(article, list(entities.values()), quotes, figures, dates)
        people = extraction.entities
        for number, quote in enumerate(quotes[: rng.randint(1, 2)]):
            actor = quote.speaker.entity if quote.speaker else people[0].id
            others = [e.id for e in people if e.id != actor]
            target = rng.choice(others) if others and rng.random() < 0.8 else None
            if quote.cue is not None:
                extraction.events.append(Event(f"v{number + 1}", rng.choice(EVENT_TYPES), quote.cue, actor, target))
        return extraction


def _json(value: Any) -> str:
    return json.dumps(value)


class BulkWriter:
    """Rows of generated articles whose people already have records, written table by table."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.records = {name: entity for name, entity in db.execute("SELECT name, entity_id FROM article_entities")}
        self.signatures = {
            row[0]: row[1:] for row in db.execute("SELECT name, family, key, hint FROM article_entities")
        }
        self.next_pk = int(db.execute("SELECT coalesce(max(pk), 0) FROM articles").fetchone()[0]) + 1
        self.next_event = int(db.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()[0]) + 1
        # record -> [articles, mentions, quotes, first day, last day]
        self.tally: dict[int, list[Any]] = {}
        self.rows: dict[str, list[tuple[Any, ...]]] = {table: [] for table in BULK_TABLES}

    def add(self, extraction: Extraction) -> None:
        article, pk = extraction.article, self.next_pk
        self.next_pk += 1
        ids = {entity.id: self.records[entity.name] for entity in extraction.entities}
        columns = article_columns(article.metadata, article.url)
        self.rows["articles"].append((
            pk, article.id, article.url, article.title, article.section, article.published, article.source,
            columns["outlet"], columns["author"], columns["language"], article.text, _json(article.metadata),
            extraction.schema, len(article.text.split()), len(extraction.entities), len(extraction.quotes),
            len(extraction.figures), len(extraction.events), None, now(),
        ))  # fmt: skip
        spoken: dict[str, int] = {}
        for position, quote in enumerate(extraction.quotes):
            speaker = quote.speaker
            local = speaker.entity if speaker else None
            if local:
                spoken[local] = spoken.get(local, 0) + 1
            self.rows["quotes"].append((
                article.id, quote.id, position, quote.kind, quote.text, quote.start, quote.end,
                quote.cue.text if quote.cue else None, local, ids.get(local or ""),
                speaker.name if speaker else None, speaker.text if speaker else None,
                _json([p.to_dict() for p in quote.parts]), quote.date, said_on(quote.date, article.published),
                article.published, pk, _json(quote.to_dict()),
            ))  # fmt: skip
        for position, entity in enumerate(extraction.entities):
            data = entity.to_dict()
            del data["mentions"]
            family, key, hint = self.signatures[entity.name]
            self.rows["article_entities"].append((
                article.id, entity.id, position, ids[entity.id], entity.name, entity.type, entity.affiliation,
                _json(data), family, key, hint,
            ))  # fmt: skip
            for index, m in enumerate(entity.mentions):
                self.rows["mentions"].append((article.id, entity.id, index, m.start, m.end, m.text))
            counts = self.tally.setdefault(ids[entity.id], [0, 0, 0, article.published, article.published])
            counts[0] += 1
            counts[1] += len(entity.mentions)
            counts[2] += spoken.get(entity.id, 0)
            counts[3] = min(counts[3], article.published)
            counts[4] = max(counts[4], article.published)
        for position, f in enumerate(extraction.figures):
            self.rows["figures"].append((
                article.id, position, f.text, f.start, f.end, _json(f.value), f.approx, f.unit, f.counted,
                f.claimed_by, f.change, _json(f.to_dict()),
            ))  # fmt: skip
        for position, d in enumerate(extraction.dates):
            self.rows["dates"].append((article.id, position, d.text, d.start, d.end, d.value, _json(d.to_dict())))
        for position, event in enumerate(extraction.events):
            row = new_event(event, None, ids, article.published)
            event_id = self.next_event
            self.next_event += 1
            self.rows["events"].append((
                event_id, row["key"], row["type"], row["mode"], row["actor_id"], row["target_id"], row["location_id"],
                row["date"], row["day"], row["negated"], 1,
            ))  # fmt: skip
            self.rows["event_sources"].append((
                event_id, article.id, position, event.id, event.trigger.text, event.trigger.start, event.trigger.end,
                event.reported_by, _json(event.to_dict()),
            ))  # fmt: skip

    def flush(self) -> None:
        """Write the rows gathered so far, one executemany per table, in one transaction."""
        self.db.execute("BEGIN IMMEDIATE")
        for table, rows in self.rows.items():
            if rows:
                self.db.executemany(_INSERTS[table], rows)
                rows.clear()
        self.db.execute("COMMIT")

    def count_entities(self) -> None:
        """Add the articles, mentions and quotes written here to each record's counts and days seen."""
        self.db.execute("BEGIN IMMEDIATE")
        self.db.executemany(
            "UPDATE entities SET articles = articles + ?, mentions = mentions + ?, quotes = quotes + ?, "
            "first_seen = min(coalesce(first_seen, ?), ?), last_seen = max(coalesce(last_seen, ?), ?) WHERE id = ?",
            [(a, m, q, first, first, last, last, record) for record, (a, m, q, first, last) in self.tally.items()],
        )
        self.db.execute("COMMIT")


_COLUMNS = {
    "articles": "pk, id, url, title, section, published, source, outlet, author, language, text, metadata, schema, "
    "words, n_entities, n_quotes, n_figures, n_events, run_id, added",
    "quotes": 'article_id, local_id, position, kind, text, start, "end", cue, speaker_local, speaker_entity_id, '
    "speaker_name, speaker_text, parts, date, said_on, article_published, article_pk, data",
    "article_entities": "article_id, local_id, position, entity_id, name, type, affiliation, data, family, key, hint",
    "mentions": 'article_id, local_id, position, start, "end", text',
    "figures": 'article_id, position, text, start, "end", value, approx, unit, counted, claimed_by, change, data',
    "dates": 'article_id, position, text, start, "end", value, data',
    "events": "id, key, type, mode, actor_id, target_id, location_id, date, day, negated, sources",
    "event_sources": "event_id, article_id, position, local_id, trigger, trigger_start, trigger_end, reported_by, data",
}
_INSERTS = {
    table: f"INSERT INTO {table} ({columns}) VALUES ({', '.join('?' * (columns.count(',') + 1))})"
    for table, columns in _COLUMNS.items()
}


def _set_aside(db: sqlite3.Connection) -> tuple[list[str], list[str]]:
    """Drop the secondary indexes of the bulk tables and the full-text triggers; the DDL to make them again."""
    tables = ", ".join(f"'{t}'" for t in BULK_TABLES)
    found = db.execute(
        f"SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL "
        f"AND tbl_name IN ({tables})"
    ).fetchall()
    for kind, name, _ in found:
        db.execute(f"DROP {kind} {name}")
    return [sql for kind, _, sql in found if kind == "index"], [sql for kind, _, sql in found if kind == "trigger"]


def batches(generator: Generator, first: int, last: int) -> Iterator[list[Extraction]]:
    for start in range(first, last, CHUNK):
        yield [generator.article(index) for index in range(start, min(start + CHUNK, last))]


def build(path: Path, count: int, people: int = 3_000, seed: int = 7) -> None:
    """A store of ``count`` generated articles at ``path`` (a new file)."""
    started = time.perf_counter()
    rng = random.Random(seed)
    crowd = population(people, rng)
    generator = Generator(crowd, seed)
    store = Store(f"sqlite:///{path}")
    # Step 1: every person through the real write path (four to an article).
    introduced = 0
    for introduced, start in enumerate(range(0, len(crowd), 4)):
        store.add(generator.article(introduced, crowd[start : start + 4]))
    introduced += 1
    store.close()
    print(f"  {introduced:,} articles through the write path ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    # Step 2: the rest as rows.
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=OFF")
    db.execute("PRAGMA cache_size=-200000")
    indexes, triggers = _set_aside(db)
    writer = BulkWriter(db)
    for batch in batches(generator, introduced, count):
        for extraction in batch:
            writer.add(extraction)
        writer.flush()
        print(f"  {writer.next_pk - 1:,} articles ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    writer.count_entities()
    db.execute("BEGIN IMMEDIATE")
    for statement in indexes:
        db.execute(statement)
    for table in ("articles", "quotes"):
        db.execute(f"INSERT INTO {table}_fts({table}_fts) VALUES ('rebuild')")
    for statement in triggers:
        db.execute(statement)
    db.execute("COMMIT")
    db.close()
    # Opening it once more makes anything the store adds on opening (e.g. counting indexes).
    Store(f"sqlite:///{path}").close()
    print(f"built {count:,} articles in {time.perf_counter() - started:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    build(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 100_000)
