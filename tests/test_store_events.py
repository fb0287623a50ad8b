"""One store-wide event per happening: tellings that agree on type, actor, date and negation
merge when their targets and places do not contradict each other; v3 stores are re-keyed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from tests.conftest import EXAMPLES
from tests.test_postgres import PG_URL
from tests.test_store import BACK_TO_V4
from tests.test_store_linking import story

from newsgraph.model import Event, Extraction, Span
from newsgraph.pipeline import Extractor
from newsgraph.store import Store, linking
from newsgraph.store.linking import compatible, details
from newsgraph.store.schema import SCHEMA_VERSION

# Who may appear in a telling, with their type: found in its text by name.
CAST = {
    "Harbour Workers' Union": "ORG",
    "Keller Shipping": "ORG",
    "Dunmore Council": "ORG",
    "Port of Veldport": "FAC",
    "Dunmore": "GPE",
}
UNION = "Harbour Workers' Union"


def telling(
    text: str,
    published: str,
    *,
    target: str | None = None,
    location: str | None = None,
    when: str | None = "2024-03-04",
    negated: bool = False,
    also: tuple[str, ...] = (),
) -> Extraction:
    """An article telling that the union struck (and, for each word in ``also``, once more with the same details)."""
    named = sorted((name for name in CAST if name in text), key=text.index)
    local = {name: f"e{number}" for number, name in enumerate(named, start=1)}
    found = []
    for number, word in enumerate(("struck", *also), start=1):
        start = text.index(word)
        found.append(
            Event(
                f"v{number}",
                "PROTEST",
                Span(start, start + len(word), word),
                mode="strike",
                actor=local[UNION],
                target=local.get(target or ""),
                location=local.get(location or ""),
                date=when,
                negated=negated,
            )
        )
    return story(text, published, *((name, CAST[name], [name]) for name in named), events=found)


AGAINST_KELLER = "The Harbour Workers' Union struck against Keller Shipping on Monday."
AT_THE_PORT = "On Monday the Harbour Workers' Union struck at the Port of Veldport, stopping the cranes."


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty store's URL: a SQLite file, and the PostgreSQL database of NEWSGRAPH_TEST_PG when set."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'events.db'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def pg_url() -> str:
    """The PostgreSQL test database, emptied: its public schema dropped and made again."""
    if not PG_URL:
        pytest.skip("NEWSGRAPH_TEST_PG is not set: it names a PostgreSQL database to test against (.ci/run sets it)")
    engine = sa.create_engine(PG_URL)
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP SCHEMA public CASCADE")
        connection.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()
    return PG_URL


@pytest.fixture
def store(url: str) -> Iterator[Store]:
    with Store(url) as opened:
        yield opened


def strikes(store: Store) -> list[tuple[str | None, str | None, int]]:
    """(target, place, articles) of each stored strike, oldest first."""
    found = sorted(store.events(type="PROTEST").items, key=lambda e: e.id)
    return [(e.target_name, e.location_name, len(e.article_ids)) for e in found]


def test_a_place_given_as_target_joins_the_telling_that_names_the_target(store: Store) -> None:
    store.add(telling(AGAINST_KELLER, "2024-03-05", target="Keller Shipping"))
    store.add(telling(AT_THE_PORT, "2024-03-05", target="Port of Veldport", location="Port of Veldport"))
    assert strikes(store) == [("Keller Shipping", "Port of Veldport", 2)]
    assert store.events().items[0].sources == 2


def test_the_most_specific_details_are_kept_whichever_article_comes_first(store: Store) -> None:
    store.add(telling(AT_THE_PORT, "2024-03-05", target="Port of Veldport", location="Port of Veldport"))
    store.add(telling(AGAINST_KELLER, "2024-03-06", target="Keller Shipping"))
    store.add(telling("The Harbour Workers' Union struck on Monday.", "2024-03-07"))
    assert strikes(store) == [("Keller Shipping", "Port of Veldport", 3)]


def test_two_known_targets_or_two_known_places_that_differ_are_never_merged(store: Store) -> None:
    store.add(telling(AGAINST_KELLER, "2024-03-05", target="Keller Shipping"))
    store.add(
        telling("The Harbour Workers' Union struck against Dunmore Council.", "2024-03-05", target="Dunmore Council")
    )
    store.add(telling(AT_THE_PORT, "2024-03-05", location="Port of Veldport"))
    store.add(telling("The Harbour Workers' Union struck in Dunmore on Monday.", "2024-03-05", location="Dunmore"))
    targets = {(target, place) for target, place, _ in strikes(store)}
    assert targets == {("Keller Shipping", "Port of Veldport"), ("Dunmore Council", "Dunmore")}
    assert all(articles == 2 for _, _, articles in strikes(store))


def test_another_day_or_a_denial_is_another_event(store: Store) -> None:
    store.add(telling(AGAINST_KELLER, "2024-03-05", target="Keller Shipping"))
    store.add(telling(AT_THE_PORT, "2024-03-05", location="Port of Veldport", when="2024-03-05"))
    store.add(telling("The Harbour Workers' Union struck, the port said.", "2024-03-05", negated=True))
    assert [articles for _, _, articles in strikes(store)] == [1, 1, 1]
    assert sorted(e.negated for e in store.events().items) == [False, False, True]


def test_undated_tellings_are_never_merged_even_from_one_day(store: Store) -> None:
    store.add(telling(AGAINST_KELLER, "2024-03-05", target="Keller Shipping", when=None))
    store.add(telling(AT_THE_PORT, "2024-03-05", location="Port of Veldport", when=None))
    store.add(telling("The Harbour Workers' Union struck, it said.", "2024-03-05", when=None, also=("said",)))
    assert sorted(articles for _, _, articles in strikes(store)) == [1, 1, 1, 1]


def test_one_article_repeating_an_event_tells_it_once_but_keeps_different_details_apart(store: Store) -> None:
    headline = "Harbour Workers' Union struck. The Harbour Workers' Union walked out against Keller Shipping."
    store.add(telling(headline, "2024-03-05", target="Keller Shipping", also=("walked",)))
    assert strikes(store) == [("Keller Shipping", None, 1)]
    assert store.stats()["event_reports"] == 2
    other = "Harbour Workers' Union struck. The Harbour Workers' Union walked out at the Port of Veldport."
    apart = telling(other, "2024-03-06", when="2024-03-05", also=("walked",))
    apart.events[1].location = "e2"
    store.add(apart)
    assert set(strikes(store)) == {(None, None, 1), (None, "Port of Veldport", 1), ("Keller Shipping", None, 1)}


def test_adding_the_same_articles_again_changes_nothing(store: Store) -> None:
    first = telling(AGAINST_KELLER, "2024-03-05", target="Keller Shipping")
    second = telling(AT_THE_PORT, "2024-03-05", target="Port of Veldport", location="Port of Veldport")
    assert store.add(first) and store.add(second)
    before = (strikes(store), store.stats())
    assert not store.add(first) and not store.add(second)
    assert (strikes(store), store.stats()) == before


@pytest.mark.parametrize(
    ("one", "other", "merged"),
    [
        ((1, None), (None, 2), True),  # each knows what the other lacks
        ((None, None), (1, 2), True),  # nothing known matches anything
        (details(2, 2), (1, None), True),  # the place named as target is no target
        ((1, None), (3, None), False),  # two targets
        ((None, 2), (None, 4), False),  # two places
        (details(2, 2), (None, 4), False),  # a place named as target is still a place
    ],
)
def test_compatibility_of_targets_and_places(
    one: tuple[int | None, int | None], other: tuple[int | None, int | None], merged: bool
) -> None:
    assert compatible(one, other) is merged and compatible(other, one) is merged


# What version 4 changed, undone: the key of every event as version 3 wrote it.
V3_KEY = (
    "UPDATE events SET key = CASE WHEN actor_id IS NULL OR date IS NULL THEN NULL ELSE "
    "type || '|' || actor_id || '|' || COALESCE(CAST(target_id AS VARCHAR), '') || '|' || date || '|' "
    "|| COALESCE(CAST(location_id AS VARCHAR), '') || '|' || CASE WHEN negated THEN 'not' ELSE '' END END"
)


def identical_only(
    matcher: linking.EventMatcher, key: str, target: int | None, location: int | None, told: linking.Told
) -> linking.StoredEvent | None:
    """How version 3 merged: a telling joined only an event with the very same target and place."""
    return next((e for e in matcher.by_key.get(key, []) if (e.target, e.location) == (target, location)), None)


def test_a_v3_store_is_rekeyed_and_its_tellings_merged_without_losing_any(
    url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = [
        telling(AGAINST_KELLER, "2024-03-05", target="Keller Shipping"),
        telling(AT_THE_PORT, "2024-03-05", target="Port of Veldport", location="Port of Veldport"),
        telling("The Harbour Workers' Union struck against Dunmore Council.", "2024-03-05", target="Dunmore Council"),
        telling("The Harbour Workers' Union struck, said Keller Shipping.", "2024-03-05", when=None),
        telling("The Harbour Workers' Union struck on Monday.", "2024-03-06", also=("Monday",)),
    ]
    with monkeypatch.context() as v3:
        v3.setattr(linking.EventMatcher, "find", identical_only)
        with Store(url) as store:
            for article in articles:
                store.add(article)
            assert store.stats()["events"] == 5
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        for statement in BACK_TO_V4:  # without what versions 5, 6 and 7 added
            connection.exec_driver_sql(statement)
        connection.exec_driver_sql(V3_KEY)
        connection.exec_driver_sql("UPDATE schema_version SET version = 3")
    engine.dispose()
    fresh = Store(str(tmp_path / "v4.db"))
    for article in articles:
        fresh.add(article)
    with Store(url) as migrated:
        assert migrated.stats() == fresh.stats()
        assert migrated.stats()["event_reports"] == 6 and migrated.stats()["events"] == 3
        assert strikes(migrated) == strikes(fresh)
        assert [without_id(e.to_dict()) for e in migrated.events().items] == [
            without_id(e.to_dict()) for e in fresh.events().items
        ]
        with migrated.reading() as connection:
            assert connection.exec_driver_sql("SELECT version FROM schema_version").scalar() == SCHEMA_VERSION
            keys = connection.exec_driver_sql("SELECT key FROM events ORDER BY id").scalars().all()
        union = migrated.entity(UNION).id
        migrated.add(telling("Keller Shipping said the Harbour Workers' Union struck.", "2024-03-05"))
        assert max(len(e.article_ids) for e in migrated.events().items) == 4
    fresh.close()
    assert keys == [f"PROTEST|{union}|2024-03-04|", f"PROTEST|{union}|2024-03-04|", None]  # undated: no key


def without_id(row: dict[str, Any]) -> dict[str, Any]:
    """A migrated event keeps the id it had: compared with a new store's, only the ids differ."""
    return {name: value for name, value in row.items() if name != "id"}


@pytest.mark.slow
def test_the_examples_dock_strike_told_by_two_outlets_is_one_event(tmp_path: Path, extractor: Extractor) -> None:
    with Store(str(tmp_path / "examples.db")) as store:
        report = store.ingest([EXAMPLES], extractor=extractor)
        assert report.new == 11 and not report.failed
        by_source = {Path(row.source or "").name: row.id for row in store.articles(limit=100).items}
        courier, radio = by_source["01_port_strike_courier.txt"], by_source["02_port_strike_radio.html"]
        told_by_both = [
            e for e in store.events(type="PROTEST", limit=100).items if {courier, radio} <= set(e.article_ids)
        ]
        assert len(told_by_both) == 1
        strike = told_by_both[0]
        assert strike.actor_name == "Harbour Workers’ Union" and strike.sources == 2
        # The courier names the company struck against; the radio names the port as target and place.
        assert (strike.target_name, strike.location_name, strike.date) == (
            "Keller Shipping",
            "Port of Veldport",
            "2024-03-04",
        )
        before = store.stats()
        again = store.ingest([EXAMPLES], extractor=extractor)
        assert again.new == 0 and store.stats()["events"] == before["events"]
