"""Sorting the lists: by date, by how many quotes, mentions or articles, by name; both ways, in stable pages.

The store holds our sample corpus (examples/) read by the real pipeline. Each list is
read whole and page by page, through the JSON API, its CSV export and the command line:
the pages put together are the whole list (no row twice, none skipped), the export
holds the list's rows in the list's order, and the other way round is the same order reversed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.conftest import EXAMPLES
from typer.testing import CliRunner

from newsgraph.api import create_app
from newsgraph.cli import app
from newsgraph.pipeline import Extractor
from newsgraph.store import Store
from newsgraph.store.sorting import SORTS

# Each list, the keys it sorts by, and the field of a row that each key reads.
LISTS = {
    "articles": {"date": "published", "quotes": "quotes", "title": "title"},
    "events": {"date": None, "articles": "sources", "type": "type"},
    "entities": {"articles": "articles", "mentions": "mentions", "quotes": "quotes", "name": "name"},
}


@pytest.fixture(scope="module")
def client(extractor: Extractor, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path = str(tmp_path_factory.mktemp("sorting") / "news.db")
    with Store(path) as store:
        assert store.ingest([EXAMPLES], extractor=extractor).new == 11
        yield TestClient(create_app(store))


def whole(client: TestClient, listing: str, **params: Any) -> list[dict[str, Any]]:
    found = client.get(f"/api/{listing}", params={**params, "limit": 500})
    assert found.status_code == 200, found.text
    items: list[dict[str, Any]] = found.json()["items"]
    return items


def paged(client: TestClient, listing: str, size: int, **params: Any) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    while True:
        page = client.get(f"/api/{listing}", params={**params, "limit": size, "offset": len(rows)}).json()
        rows += page["items"]
        if not page["items"] or len(rows) >= page["total"]:
            return rows


def key_of(row: dict[str, Any]) -> Any:
    return row.get("id")


@pytest.mark.parametrize("listing", LISTS)
def test_every_key_sorts_both_ways_and_pages_keep_the_order(client: TestClient, listing: str) -> None:
    for sort, field in LISTS[listing].items():
        for way in ("asc", "desc"):
            rows = whole(client, listing, sort=sort, order=way)
            assert len(rows) >= 5, (listing, sort)
            assert [key_of(r) for r in paged(client, listing, 3, sort=sort, order=way)] == [key_of(r) for r in rows]
            if field is not None:
                values = [r[field] for r in rows if r[field] is not None]
                wanted = sorted(values, key=lambda v: v.lower() if isinstance(v, str) else v, reverse=way == "desc")
                if isinstance(values[0], str):
                    assert [v.lower() for v in values] == [v.lower() for v in wanted] or values == sorted(
                        values, reverse=way == "desc"
                    ), (listing, sort, way)
                else:
                    assert values == wanted, (listing, sort, way)
                # Rows with no value stay last, whichever way.
                nulls = [r[field] is None for r in rows]
                assert nulls == sorted(nulls), (listing, sort, way)
        # The other way is the same order reversed, ties included, for the rows that have the value.
        other = "asc" if SORTS[listing][sort].usual == "desc" else "desc"
        usual = [key_of(r) for r in whole(client, listing, sort=sort) if field is None or r[field] is not None]
        reverse = [
            key_of(r) for r in whole(client, listing, sort=sort, order=other) if field is None or r[field] is not None
        ]
        assert reverse == usual[::-1], (listing, sort)


@pytest.mark.parametrize("listing", LISTS)
def test_an_export_holds_the_rows_of_the_sorted_list_in_its_order(client: TestClient, listing: str) -> None:
    sort = list(LISTS[listing])[-1]
    rows = whole(client, listing, sort=sort, order="desc")
    exported = list(csv.DictReader(io.StringIO(client.get(f"/api/{listing}.csv?sort={sort}&order=desc").text)))
    assert [row["id"] for row in exported] == [str(key_of(r)) for r in rows]
    as_json = client.get(f"/api/{listing}.json", params={"sort": sort, "order": "desc"}).json()
    assert [row["id"] for row in as_json] == [key_of(r) for r in rows]


def test_the_default_order_is_the_one_the_lists_always_had(client: TestClient) -> None:
    assert whole(client, "articles") == whole(client, "articles", sort="date", order="desc")
    assert whole(client, "events") == whole(client, "events", sort="date")
    assert whole(client, "entities") == whole(client, "entities", sort="articles", order="desc")
    dates = [r["published"] for r in whole(client, "articles")]
    assert dates == sorted(dates, reverse=True)


def test_quotes_and_speakers_sort_with_the_same_order_parameter(client: TestClient) -> None:
    newest = whole(client, "quotes")
    assert [q["id"] for q in whole(client, "quotes", order="asc")] == [
        q["id"] for q in whole(client, "quotes", sort="oldest")
    ]
    days = [q["published"] for q in whole(client, "quotes", sort="date", order="asc")]
    assert days == sorted(days) and [q["published"] for q in newest] == sorted(days, reverse=True)
    fewest = client.get("/api/speakers", params={"sort": "quotes", "order": "asc", "limit": 500}).json()["items"]
    most = client.get("/api/speakers", params={"sort": "quotes", "limit": 500}).json()["items"]
    assert [s["key"] for s in fewest] == [s["key"] for s in most][::-1]
    assert [s["quotes"] for s in fewest] == sorted(s["quotes"] for s in fewest)
    exported = list(csv.DictReader(io.StringIO(client.get("/api/speakers.csv?sort=quotes&order=asc").text)))
    assert [row["key"] for row in exported] == [s["key"] for s in fewest]


def test_a_key_a_list_does_not_have_is_refused(client: TestClient) -> None:
    for path in ("/api/articles?sort=name", "/api/entities?sort=date", "/api/events?order=up", "/entities?sort=x"):
        assert client.get(path).status_code == 422, path
    result = CliRunner().invoke(app, ["entities", "--sort", "date", "--db", "nowhere.db"])
    assert result.exit_code == 2 and "--sort must be one of articles, mentions, quotes, name" in result.output


def test_the_pages_say_how_they_are_sorted(client: TestClient) -> None:
    page = client.get("/articles", params={"sort": "quotes", "order": "asc"}).text
    assert '<option value="quotes" selected>number of quotes</option>' in page
    assert '<option value="asc" selected>' in page and "sorted by number of quotes, fewest first" in page
    assert "/api/articles.csv?sort=quotes&amp;order=asc" in page
    entities = client.get("/entities", params={"sort": "name"}).text
    assert '<th scope="col" aria-sort="ascending"><a href="/entities?sort=name&amp;order=desc"' in entities
    assert 'aria-label="Mentions, sort descending"' in entities
    events = client.get("/events", params={"sort": "articles"}).text
    assert '<option value="articles" selected>number of articles</option>' in events
    speakers = client.get("/speakers", params={"sort": "latest", "order": "asc"}).text
    assert 'aria-sort="ascending"' in speakers and "sorted by last quote, oldest first" in speakers


def test_the_command_line_sorts_as_the_api_does(client: TestClient, tmp_path: Any) -> None:
    store: Store = client.app.state.store  # type: ignore[attr-defined]
    result = CliRunner().invoke(app, ["articles", "--sort", "title", "--order", "desc", "--csv", "--db", store.url])
    assert result.exit_code == 0, result.output
    ids = [row["id"] for row in csv.DictReader(io.StringIO(result.output))]
    assert ids == [r["id"] for r in whole(client, "articles", sort="title", order="desc")]
