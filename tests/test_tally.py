"""Counts from the in-memory Tally equal the database's, and a Tally is never read once the store moved on.

The sample corpus is stored, then entities are merged and split by hand and the corpus is
ingested again; after each step every facet, top-speaker list and timeline is asked of
a Store counting in the database and of one counting in a Tally read at that step.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import EXAMPLES
from tests.test_store_events import pg_url, url  # noqa: F401 (fixtures: a SQLite file, and PostgreSQL when set)
from tests.test_store_linking import story

from newsgraph.ingest import read_paths
from newsgraph.model import Extraction
from newsgraph.pipeline import Extractor
from newsgraph.store import Store
from newsgraph.store.aggregates import SPEAKER_SORTS


@pytest.fixture(scope="module")
def examples(extractor: Extractor) -> list[Extraction]:
    return [extractor.extract(article) for article in read_paths([EXAMPLES])]


def questions(store: Store) -> list[tuple[str, dict[str, Any]]]:
    """Store methods and filters drawn from what the store holds: its people, words, days, kinds and types."""
    people = [row.name for row in store.entities(type="PERSON", limit=4).items]
    quoted = store.quotes(limit=500).items
    words = [w for w, _ in Counter(re.findall(r"[a-z]{4,}", " ".join(q.text.lower() for q in quoted))).most_common(3)]
    unlinked = sorted({q.speaker_name for q in quoted if q.speaker_name and q.speaker_entity is None})[:2]
    days = sorted(q.published[:10] for q in quoted if q.published)
    middle = days[len(days) // 2] if days else "2024-01-01"
    article = quoted[0].article_id if quoted else "none"
    kinds = ["direct", "indirect"]
    types = store.event_types()[:3]
    asked: list[tuple[str, dict[str, Any]]] = [("quote_facets", {}), ("event_facets", {})]
    for speaker in [*people, *unlinked, "Nobody Known"]:
        asked += [("quote_facets", {"speaker": speaker}), ("quote_timeline", {"speaker": speaker, "period": "week"})]
        asked += [("event_facets", {"actor": speaker}), ("event_facets", {"target": speaker.split()[-1]})]
    # Searches of several words (a Tally finds each word once): pairs, a word twice, a word that matches
    # nothing, and "_", which FTS5 reads as no word at all.
    several = [" ".join(words[:2]), f"{words[-1]} {words[0]}", f"{words[0]} {words[0]}", f"{words[0]} zzzz"]
    for search in [*several, f"{words[0]} _", "_"]:
        asked += [("quote_facets", {"q": search}), ("articles", {"q": search, "limit": 3})]
        asked += [("article_facets", {"q": search}), ("speakers", {"q": search, "limit": 3})]
    for word in [*words, "zzzz"]:
        asked += [("quote_facets", {"q": word, "since": middle}), ("article_facets", {"q": word})]
        asked += [("speakers", {"q": word, "until": middle, "limit": 3})]
        asked += [("article_facets", {"q": word, "until": middle}), ("articles", {"q": word, "limit": 2, "offset": 1})]
    asked += [("speakers", {"sort": sort, "limit": 4, "offset": 1}) for sort in SPEAKER_SORTS]
    for way in ("asc", "desc"):
        asked += [("speakers", {"sort": sort, "order": way, "limit": 6}) for sort in SPEAKER_SORTS]
    asked += [("speakers", {"sort": "latest", "order": "asc", "q": words[0]})]
    asked += [("quote_facets", {"kind": kind, "period": "week"}) for kind in kinds]
    asked += [("quote_facets", {"article": article}), ("speakers", {"since": middle, "sort": "latest"})]
    asked += [("event_facets", {"type": t.lower(), "since": middle}) for t in types]
    asked += [("article_facets", {"since": middle})]
    # Outlets by a part of their name, alone and beside other filters; and one no article has.
    outlets = sorted({row.outlet for row in store.articles(limit=500).items if row.outlet})[:3]
    for part in [*(o.split(".")[0][-7:] for o in outlets), "NOWHERE"]:
        asked += [("quote_facets", {"outlet": part}), ("speakers", {"outlet": part, "since": middle, "limit": 4})]
        asked += [("event_facets", {"outlet": part}), ("article_facets", {"outlet": part, "q": words[0]})]
        asked += [("quote_facets", {"outlet": part, "q": words[0]}), ("quote_timeline", {"outlet": part})]
        # The lists under an outlet filter are counted and put in order by the Tally too.
        asked += [("quotes", {"outlet": part, "limit": 3, "offset": 1}), ("entity_facets", {"outlet": part})]
        asked += [("quotes", {"outlet": part, "oldest_first": True, "limit": 4, "speaker": people[0]})]
        asked += [("entities", {"outlet": part, "sort": "name", "order": "desc", "limit": 5})]
        for sort, way in (("date", None), ("date", "asc"), ("articles", None), ("type", "desc")):
            asked += [("events", {"outlet": part, "sort": sort, "order": way, "limit": 4, "offset": 1})]
    for entity in store.entities(limit=8).items:
        asked += [("entity", {"id_or_name": entity.id}), ("entity_articles", {"entity_id": entity.id, "limit": 3})]
        asked += [("entity_quotes", {"entity_id": entity.id, "about": True, "limit": 2, "offset": 1})]
        asked += [("entity_quotes", {"entity_id": entity.id, "limit": 2})]
    return asked


def same_counts(path: str, by_database: Store) -> int:
    """Asks every question of ``by_database`` and of a Store with a Tally just read; how many were asked."""
    asked = questions(by_database)
    with Store(path) as by_tally:
        tally = by_tally.tallies.read()
        assert len(tally.about_quote), "no quote is about anyone: the quotes-about counts go untested"
        for name, filters in asked:
            expected = getattr(by_database, name)(**filters).to_dict()
            with by_tally.reading() as connection:
                assert by_tally.tallies.current(connection) is not None
            assert getattr(by_tally, name)(**filters).to_dict() == expected, (name, filters)
        assert by_tally.event_types() == by_database.event_types()
    return len(asked)


@pytest.mark.slow
def test_counts_from_a_tally_equal_the_database_after_ingest_merge_split_and_reingest(
    url: str,  # noqa: F811 - the fixture
    examples: list[Extraction],
) -> None:
    path = url
    with Store(path) as store:
        for extraction in examples[:-2]:
            store.add(extraction)
        assert same_counts(path, store) > 40
        people = store.entities(type="PERSON", limit=2).items
        kept = store.merge_entities(people[0].id, people[1].id)
        same_counts(path, store)
        names = store.entity(kept).aliases or [people[1].name]
        store.split_entity(kept, names[-1])
        same_counts(path, store)
        for extraction in examples:  # the rest are new; the first are stored already and change nothing
            store.add(extraction)
        same_counts(path, store)
        # A full resolution may move records around: a Tally read before it is not used after it.
        with Store(path) as kept_open:
            kept_open.tallies.read()
            kept_open.resolve()
            with kept_open.reading() as connection:
                assert kept_open.tallies.current(connection) is None
        same_counts(path, store)


def test_a_tally_read_before_a_write_is_not_used_after_it(url: str) -> None:  # noqa: F811 - the fixture
    with Store(url) as store, Store(url) as reader:
        store.add(story("Mayor Ana Ortiz spoke.", "2024-05-01", ("Ana Ortiz", "PERSON", ["Ana Ortiz"])))
        reader.tallies.read()
        with reader.reading() as connection:
            assert reader.tallies.current(connection) is not None
        store.add(story("Ana Ortiz left.", "2024-05-02", ("Ana Ortiz", "PERSON", ["Ana Ortiz"])))
        with reader.reading() as connection:
            assert reader.tallies.current(connection) is None
        # Counted in the database meanwhile: the second article is in.
        assert reader.article_facets(since="2024-05-01").total == 2
        first = store.entities(limit=1).items[0]
        second = store.add(story("Luis Ortiz fished.", "2024-05-03", ("Luis Ortiz", "PERSON", ["Luis Ortiz"])))
        assert second
        reader.tallies.read()
        luis = store.entity("Luis Ortiz")
        store.merge_entities(first.id, luis.id)  # no article added: the corrections' digest moves
        with reader.reading() as connection:
            assert reader.tallies.current(connection) is None


def test_a_resolution_in_another_process_is_seen_by_a_running_reader(tmp_path: Path) -> None:
    """`newsgraph entities resolve` run beside `serve`: the server's counts are not read from before it."""
    path = tmp_path / "shared.db"
    with Store(str(path)) as server:
        server.add(story("Mayor Ana Ortiz spoke.", "2024-05-01", ("Ana Ortiz", "PERSON", ["Ana Ortiz"])))
        server.add(story("Ortiz left early.", "2024-05-02", ("Ortiz", "PERSON", ["Ortiz"])))
        server.tallies.read()
        before = server.version()
        command = [sys.executable, "-c", "from newsgraph.cli import main; main()", "entities", "resolve"]
        done = subprocess.run([*command, "--db", str(path)], capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        assert server.version() != before
        with server.reading() as connection:
            assert server.tallies.current(connection) is None
        assert server.article_facets(since="2024-05-01").total == 2


def test_a_started_keeper_reads_its_tally_in_the_background(tmp_path: Path) -> None:
    path = tmp_path / "kept.db"
    with Store(str(path)) as store:
        store.add(story("Mayor Ana Ortiz spoke.", "2024-05-01", ("Ana Ortiz", "PERSON", ["Ana Ortiz"])))
        with store.reading() as connection:
            assert store.tallies.current(connection) is None  # not started: never read
        store.tallies.start()
        store.tallies.wait()
        with store.reading() as connection:
            assert store.tallies.current(connection) is not None
        assert store.article_facets(since="2024-01-01").facets["entity"][0].label == "Ana Ortiz"


def test_a_keeper_whose_read_fails_leaves_the_counting_to_the_database(tmp_path: Path) -> None:
    path = tmp_path / "broken.db"
    with Store(str(path)) as store:
        store.add(story("Mayor Ana Ortiz spoke.", "2024-05-01", ("Ana Ortiz", "PERSON", ["Ana Ortiz"])))
        with store.writing() as connection:
            connection.exec_driver_sql("ALTER TABLE events RENAME TO events_gone")
            connection.exec_driver_sql("CREATE TABLE events (id INTEGER PRIMARY KEY)")
        store.tallies.start()
        store.tallies.wait()
        assert store.tallies.failure is not None and "actor_id" in store.tallies.failure
        failed = store.tallies._worker
        with store.reading() as connection:
            assert store.tallies.current(connection) is None
        assert store.tallies._worker is failed  # not read again at once
        assert store.quote_facets().total == 0


def test_a_snapshot_reads_one_state_of_the_store_while_another_writes(url: str) -> None:  # noqa: F811 - the fixture
    """A web page reads in one snapshot: its list, counts and version agree even if an article lands meanwhile."""
    with Store(url) as writer, Store(url) as reader:
        writer.add(story("Mayor Ana Ortiz spoke.", "2024-05-01", ("Ana Ortiz", "PERSON", ["Ana Ortiz"])))
        with reader.snapshot():
            version = reader.version()
            listed = reader.articles().total
            writer.add(story("Ana Ortiz left.", "2024-05-02", ("Ana Ortiz", "PERSON", ["Ana Ortiz"])))
            assert reader.articles().total == listed == 1
            assert reader.quote_facets().total == 0 and reader.version() == version
        assert reader.articles().total == 2
        assert reader.version() != version


def test_the_version_moves_with_every_write_whichever_store_made_it(url: str) -> None:  # noqa: F811 - the fixture
    """The version is read again only when the store may have moved: its own writes and others' both move it."""
    with Store(url) as store, Store(url) as other:
        seen = [store.version()]
        store.add(story("Mayor Ana Ortiz spoke.", "2024-05-01", ("Ana Ortiz", "PERSON", ["Ana Ortiz"])))
        seen.append(store.version())
        other.add(story("Luis Ortiz fished.", "2024-05-03", ("Luis Ortiz", "PERSON", ["Luis Ortiz"])))
        seen.append(store.version())
        store.merge_entities(store.entity("Ana Ortiz").id, store.entity("Luis Ortiz").id)
        seen.append(store.version())
        assert other.version() == seen[-1]
        assert len(set(seen)) == len(seen), seen
        assert store.version() == seen[-1]  # nothing moved: the same version
