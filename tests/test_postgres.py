"""The same store behaviours on a real PostgreSQL server (NEWSGRAPH_TEST_PG, started by .ci/run).

Each test starts from an empty database: the public schema is dropped and made again.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from tests import test_resolution, test_store, test_store_linking

from newsgraph.errors import StoreVersionError
from newsgraph.store import Store

pytestmark = pytest.mark.postgres

PG_URL = os.environ.get("NEWSGRAPH_TEST_PG")

BEHAVIOURS: list[Callable[[Store], None]] = [
    test_store.test_round_trip_gives_back_the_same_extraction,
    test_store.test_the_same_article_is_stored_once,
    test_store.test_missing_article_and_entity_are_coded_errors,
    test_store.test_articles_newest_first_with_filters_and_paging,
    test_store.test_full_text_search_stems_and_requires_every_word,
    test_store.test_search_is_newest_first_whether_most_or_few_articles_match,
    test_store.test_sql_injection_in_every_filter_finds_nothing_and_breaks_nothing,
    test_store.test_quotes_by_speaker_name_alias_or_id_and_by_day,
    test_store.test_a_speaker_is_a_whole_name_never_a_part_of_one,
    test_store.test_entity_detail_has_titles_articles_and_quotes_by_and_about,
    test_store.test_entities_figures_events_and_stats,
    test_store_linking.test_the_same_person_in_two_articles_is_one_record,
    test_store_linking.test_bare_surnames_with_no_full_name_share_one_record_that_says_so,
    test_store_linking.test_a_full_name_links_a_bare_surname_elsewhere,
    test_store_linking.test_a_known_full_alias_links_another_canonical_name,
    test_store_linking.test_organisations_link_by_name_but_descriptions_and_other_types_do_not,
    test_store_linking.test_the_same_event_told_twice_is_one_event_with_two_sources,
    test_store_linking.test_events_without_a_date_are_not_merged,
    test_resolution.test_merge_and_split_are_kept_for_articles_added_later,
]


def _empty_database(url: str) -> None:
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP SCHEMA public CASCADE")
        connection.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()


@pytest.fixture
def pg_url() -> str:
    if not PG_URL:
        pytest.skip("NEWSGRAPH_TEST_PG is not set: it names a PostgreSQL database to test against (.ci/run sets it)")
    _empty_database(PG_URL)
    return PG_URL


@pytest.fixture
def store(pg_url: str) -> Iterator[Store]:
    with Store(pg_url) as opened:
        yield opened


@pytest.mark.parametrize("behaviour", BEHAVIOURS, ids=lambda f: f.__name__.removeprefix("test_"))
def test_behaves_as_on_sqlite(store: Store, behaviour: Callable[[Store], None]) -> None:
    behaviour(store)


def test_a_failure_inside_the_transaction_leaves_nothing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    test_store.test_a_failure_inside_the_transaction_leaves_nothing_half_written(store, monkeypatch)


def test_ingest_killed_half_way_completes(store: Store, tmp_path: Path) -> None:
    test_store.test_ingest_killed_half_way_completes_on_the_next_run(tmp_path, store)


def test_full_text_uses_a_gin_index(store: Store) -> None:
    with store.reading() as connection:
        indexes = connection.exec_driver_sql("SELECT indexdef FROM pg_indexes WHERE tablename = 'articles'").scalars()
        assert any("gin" in definition.lower() and "tsv" in definition for definition in indexes)


@pytest.mark.parametrize(
    "back",
    [
        test_store.BACK_TO_V1,
        test_store.BACK_TO_V2,
        test_store.BACK_TO_V4,
        test_store.BACK_TO_V5,
        test_store.BACK_TO_V6,
        test_store.BACK_TO_V7,
    ],
    ids=["v1", "v2", "v4", "v5", "v6", "v7"],
)
def test_an_older_store_is_migrated(pg_url: str, back: list[str]) -> None:
    with Store(pg_url) as old:
        old.add(test_store.harbour())
    test_store.downgrade(pg_url, back)
    test_store.check_migrated(pg_url)
    migrated = test_store.layout(pg_url)
    _empty_database(pg_url)
    Store(pg_url).close()
    assert test_store.layout(pg_url) == migrated


def test_a_newer_store_is_refused(pg_url: str) -> None:
    Store(pg_url).close()
    test_store.downgrade(pg_url, ["UPDATE schema_version SET version = 99"])
    with pytest.raises(StoreVersionError, match=r"\[E033\]"):
        Store(pg_url)


def test_facets_speakers_timelines_and_exports_on_postgresql(pg_url: str) -> None:
    from tests.test_api import sample_extractions

    from newsgraph.store.streams import csv_text

    with Store(pg_url) as store:
        for extraction in sample_extractions():
            store.add(extraction)
        facets = store.quote_facets(q="would", since="2024-05-01")
        assert facets.total == 2 and [(c.label, c.count) for c in facets.facets["speaker"]] == [("Ana Ortiz", 2)]
        assert [(s.name, s.direct, s.indirect) for s in store.speakers().items[:1]] == [("Ana Ortiz", 1, 2)]
        events = store.event_facets(target="Ortiz")
        assert events.total == 1 and [c.label for c in events.timeline] == ["2024-05"]
        assert [c.count for c in store.quote_timeline(speaker="Ana Ortiz").timeline] == [3]
        assert len("".join(csv_text(store.stream("quotes", kind="direct"))).splitlines()) == 3


def test_resolution_is_the_same_whatever_the_order(pg_url: str) -> None:
    stories = test_resolution.ortiz_stories()
    found = []
    for ordered in (stories, list(reversed(stories))):
        _empty_database(pg_url)
        with Store(pg_url) as store:
            for extraction in ordered:
                store.add(extraction)
            found.append(test_resolution.snapshot(store))
    assert found[0] == found[1]
