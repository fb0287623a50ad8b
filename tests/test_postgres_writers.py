"""Several writers into one PostgreSQL store at once: they wait only for each other's names, and the store
ends as one serial ingest of the same articles leaves it (NEWSGRAPH_TEST_PG)."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import EXAMPLES
from tests.test_postgres import PG_URL, _empty_database
from tests.test_resolution import examples, ortiz_stories  # noqa: F401 - examples is a fixture
from tests.test_store_linking import story

from newsgraph.model import Extraction
from newsgraph.store import Store

pytestmark = pytest.mark.postgres
PERSON = "PERSON"


@pytest.fixture
def pg_url() -> str:
    if not PG_URL:
        pytest.skip("NEWSGRAPH_TEST_PG is not set: it names a PostgreSQL database to test against (.ci/run sets it)")
    _empty_database(PG_URL)
    Store(PG_URL).close()  # the schema, made once before the writers start
    return PG_URL


def contents(url: str) -> dict[str, Any]:
    """What the store holds, without the ids and order that depend on which writer came first."""
    with Store(url) as store, store.reading() as connection:

        def rows(sql: str) -> Counter[tuple[Any, ...]]:
            return Counter(tuple(row) for row in connection.exec_driver_sql(sql))

        return {
            "tables": {
                table: connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one()
                for table in (
                    "articles",
                    "entities",
                    "entity_aliases",
                    "entity_titles",
                    "entity_signatures",
                    "article_entities",
                    "mentions",
                    "quotes",
                    "speaker_names",
                    "figures",
                    "dates",
                    "events",
                    "event_sources",
                )
            },  # fmt: skip
            "entities": rows(
                "SELECT name, type, key, family, articles, mentions, quotes, first_seen, last_seen FROM entities"
            ),
            "held": rows(
                "SELECT ae.article_id, ae.local_id, e.name, e.type FROM article_entities ae "
                "JOIN entities e ON e.id = ae.entity_id"
            ),
            "said": rows(
                "SELECT q.article_id, q.local_id, e.name FROM quotes q "
                "LEFT JOIN entities e ON e.id = q.speaker_entity_id"
            ),
            "aliases": rows("SELECT e.name, a.key FROM entity_aliases a JOIN entities e ON e.id = a.entity_id"),
            "events": rows(
                "SELECT v.type, a.name, t.name, v.date, v.negated, v.sources FROM events v "
                "LEFT JOIN entities a ON a.id = v.actor_id LEFT JOIN entities t ON t.id = v.target_id"
            ),
        }


def write_at_once(url: str, shares: list[list[Extraction]]) -> list[list[bool]]:
    """Each share added by its own writer (its own Store and connections), all started together."""
    start = threading.Barrier(len(shares))
    added: list[list[bool]] = [[] for _ in shares]
    errors: list[BaseException] = []

    def writer(index: int) -> None:
        try:
            with Store(url) as store:
                start.wait()
                added[index] = [store.add(extraction) for extraction in shares[index]]
        except BaseException as error:  # noqa: BLE001 - reported by the test below
            errors.append(error)

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(len(shares))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    return added


def test_concurrent_writers_over_different_and_shared_articles_store_what_one_writer_does(
    pg_url: str,
    examples: list[Extraction],  # noqa: F811 - the fixture
) -> None:
    articles = [*examples, *ortiz_stories()]
    with Store(pg_url) as serial:
        for extraction in articles:
            serial.add(extraction)
    expected = contents(pg_url)
    assert expected["tables"]["articles"] == len(articles) and expected["tables"]["quotes"] > 50
    for _ in range(2):
        _empty_database(pg_url)
        Store(pg_url).close()
        shared = articles[:4]  # given to every writer: stored once, the others are told it is there
        shares = [[*articles[0::3], *shared], [*shared, *articles[1::3]], [*reversed(articles[2::3]), *shared]]
        added = write_at_once(pg_url, shares)
        assert sum(map(sum, added)) == len(articles)
        assert contents(pg_url) == expected


def test_a_writer_about_other_people_does_not_wait(pg_url: str) -> None:
    ana = story("Mayor Ana Ortiz spoke.", "2024-05-01", ("Ana Ortiz", PERSON, ["Ana Ortiz"]))
    boris = story("Boris Petrovic left.", "2024-05-02", ("Boris Petrovic", PERSON, ["Boris Petrovic"]))
    luis = story("Luis Ortiz fished.", "2024-05-03", ("Luis Ortiz", PERSON, ["Luis Ortiz"]))
    with Store(pg_url) as holder, Store(pg_url) as other, holder.writing(ana) as connection:
        from newsgraph.store.writer import write_extraction

        write_extraction(connection, ana)  # Ana's write is open, holding the Ortiz family
        apart = threading.Thread(target=other.add, args=(boris,))
        apart.start()
        apart.join(timeout=60)
        assert not apart.is_alive()  # Petrovic is another family: stored while Ana's write is open
        kin = threading.Thread(target=other.add, args=(luis,))
        kin.start()
        assert waiting_for_a_lock(pg_url)  # Luis Ortiz shares her family: he waits
    kin.join(timeout=60)
    assert not kin.is_alive()
    with Store(pg_url) as store:
        assert {e.name for e in store.entities().items} == {"Ana Ortiz", "Boris Petrovic", "Luis Ortiz"}


def waiting_for_a_lock(url: str) -> bool:
    """Whether a session waits for an advisory lock (polled for a while: the writer may be slow to start)."""
    with Store(url) as store:
        for _ in range(100):
            with store.reading() as connection:
                waiting = connection.exec_driver_sql(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                ).scalar_one()
            if waiting:
                return True
            time.sleep(0.1)
    return False


def ingest(*args: str | Path) -> subprocess.Popen[bytes]:
    """`newsgraph ingest` in a process of its own, as a user starts several."""
    command = [sys.executable, "-c", "from newsgraph.cli import main; main()", "ingest", *map(str, args)]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_two_ingest_processes_over_overlapping_files_store_what_one_ingest_does(pg_url: str) -> None:
    files = sorted(p for p in EXAMPLES.iterdir() if p.name[:2].isdigit())
    assert ingest(*files, "--db", pg_url).wait() == 0
    expected = contents(pg_url)
    assert expected["tables"]["articles"] >= len(files)
    _empty_database(pg_url)
    Store(pg_url).close()
    both = [ingest(*files[:6], "--db", pg_url), ingest(*reversed(files[3:]), "--db", pg_url)]
    for process in both:
        assert process.wait() == 0, process.stderr.read() if process.stderr else ""
    assert contents(pg_url) == expected
