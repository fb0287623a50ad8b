"""Counts under words are the same whichever way the store finds the matching quotes.

Facets, top speakers and timelines under a filter with words read the matching quotes
from a table filled once per request (``store.matching``), and beside another filter the
words are tested rather than fetched by key. Both are ways of finding the same rows: on
the sample corpus each count must equal the one read the plain way, straight from the
quotes table under every condition, and the total must equal the quote list's.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from newsgraph.pipeline import Extractor
from newsgraph.store import Store, aggregates, queries
from newsgraph.store.search import quote_match

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> Store:
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('matching') / 'sample.db'}")
    store.ingest([EXAMPLES], extractor)
    return store


def plain(store: Store, q: str, **filters: Any) -> tuple[Any, Any, Any]:
    """Facets, speakers and timeline read from the quotes table, with the words fetched by key each time."""
    with store.reading() as connection:
        conditions = [*queries.quote_conditions(connection, **filters), quote_match("sqlite", q)]
        return (
            aggregates.quote_facets(connection, conditions, "month").to_dict(),
            aggregates.top_speakers(connection, conditions, limit=50).to_dict(),
            aggregates.quote_timeline(connection, conditions, "week").to_dict(),
        )


def filters_of(store: Store) -> list[tuple[str, dict[str, Any]]]:
    """The corpus's most frequent quoted words, alone and beside a speaker, a span of days and a kind."""
    quoted = store.quotes(limit=500).items
    words = Counter(w.lower() for row in quoted for w in re.findall(r"[A-Za-z]{4,}", row.text))
    days = sorted(row.published[:10] for row in quoted if row.published)
    speaker = store.speakers(limit=1).items[0].name
    chosen = [word for word, _ in words.most_common(4)]
    found: list[tuple[str, dict[str, Any]]] = []
    for word in chosen:
        found += [
            (word, {}),
            (word, {"speaker": speaker}),
            (word, {"since": days[len(days) // 4], "until": days[3 * len(days) // 4]}),
            (word, {"kind": "direct"}),
            (f"{word} {chosen[0]}", {"since": days[0]}),
        ]
    return found


def test_counts_under_words_equal_the_plain_reading(sample: Store) -> None:
    cases = filters_of(sample)
    assert len(cases) == 20
    nonzero = 0
    for q, filters in cases:
        facets, speakers, weekly = plain(sample, q, **filters)
        assert sample.quote_facets(q=q, period="month", **filters).to_dict() == facets, (q, filters)
        assert sample.speakers(q=q, limit=50, **filters).to_dict() == speakers, (q, filters)
        assert sample.quote_timeline(q=q, period="week", **filters).to_dict() == weekly, (q, filters)
        assert sample.quotes(q=q, limit=500, **filters).total == facets["total"], (q, filters)
        nonzero += facets["total"] > 0
    # The comparison is about real counts, not empty ones.
    assert nonzero >= 12


def test_counting_leaves_no_table_behind(sample: Store) -> None:
    """The matching quotes' table lives for one request: the next count on the same connection starts afresh."""
    word = filters_of(sample)[0][0]
    first = sample.quote_facets(q=word).total
    assert sample.quote_facets(q=f"{word} nosuchwordanywhere").total == 0
    assert sample.quote_facets(q=word).total == first > 0
    with sample.reading() as connection:
        tables = connection.exec_driver_sql("SELECT name FROM sqlite_temp_master WHERE type = 'table'").all()
    assert tables == []


def test_article_counts_under_words_equal_the_plain_reading(sample: Store) -> None:
    words = [q for q, filters in filters_of(sample) if not filters and " " not in q]
    days = sorted(row.published[:10] for row in sample.articles(limit=500).items if row.published)
    nonzero = 0
    for q, filters in [(word, {}) for word in words] + [(word, {"since": days[len(days) // 2]}) for word in words]:
        with sample.reading() as connection:
            statement = queries.article_statement(q, filters.get("since"), None, None, "sqlite")
            expected = aggregates.article_facets(connection, statement, filtered=True).to_dict()
        assert sample.article_facets(q=q, **filters).to_dict() == expected, (q, filters)
        assert sample.articles(q=q, limit=500, **filters).total == expected["total"]
        nonzero += expected["total"] > 0
    assert nonzero >= 5


def test_an_entitys_articles_page_by_page_equal_its_whole_list(sample: Store) -> None:
    """Short pages walk the articles newest first (``profiles._naming``); the whole list reads every one
    and sorts them: both give the same articles in the same order."""
    checked = 0
    for entity in sample.entities(limit=5).items:
        whole = [row.id for row in sample.entity_articles(entity.id, limit=500).items]
        paged = [row.id for start in range(len(whole)) for row in sample.entity_articles(entity.id, 1, start).items]
        assert paged == whole
        assert sample.entity_articles(entity.id, limit=1).total == len(whole)
        assert [row.id for row in sample.entity(entity.id).articles] == whole[:100]
        checked += len(whole) > 1
    assert checked >= 3
