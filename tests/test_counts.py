"""Facets, top speakers, timelines and exports: through the API, the pages and the store.

The researcher's questions of issue 13 are asked of the sample store: who was quoted most
about a subject between two days and by source, everything one person said week by week,
and which events had someone as actor; each answer downloads as CSV with no row cap.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.test_api import INJECTION, build_store, sp

from newsgraph.api import create_app
from newsgraph.model import Article, Entity, Extraction, Quote, Span, Speaker
from newsgraph.store import Store
from newsgraph.store.aggregates import timeline


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return build_store(tmp_path_factory.mktemp("counts") / "web.db")


@pytest.fixture(scope="module")
def client(store: Any) -> TestClient:
    return TestClient(create_app(store))


def get(client: TestClient, url: str, status: int = 200) -> Any:
    response = client.get(url)
    assert response.status_code == status, response.text[:300]
    return response


def rows_of_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_who_was_quoted_most_about_a_subject_between_two_days_by_source(client: TestClient) -> None:
    query = "q=would&since=2024-05-01&until=2024-05-31"
    facets = get(client, f"/api/quotes/facets?{query}").json()
    assert facets["total"] == 2
    assert [(c["label"], c["count"]) for c in facets["facets"]["speaker"]] == [("Ana Ortiz", 2)]
    assert {(c["label"], c["count"]) for c in facets["facets"]["source"]} == {("harbour.txt", 1), ("ferry.txt", 1)}
    assert get(client, "/api/quotes/facets?q=would&until=2024-05-07").json()["total"] == 1
    # The same query string lists, counts and exports the same quotes.
    listed = get(client, f"/api/quotes?{query}").json()
    exported = rows_of_csv(get(client, f"/api/quotes.csv?{query}").text)
    assert {q["id"] for q in listed["items"]} == {int(r["id"]) for r in exported}
    assert len(exported) == listed["total"] == 2
    # Each exported quote says where it was published, so a spreadsheet can count it by source or outlet.
    assert {(r["speaker_name"], r["source"]) for r in exported} == {
        ("Ana Ortiz", "harbour.txt"),
        ("Ana Ortiz", "ferry.txt"),
    }
    assert "outlet" in exported[0]


def test_everything_one_person_said_week_by_week(client: TestClient) -> None:
    found = get(client, "/api/quotes/timeline?speaker=Ana+Ortiz&period=week").json()
    # Monday 2024-05-06 starts the week of both her articles.
    assert found["period"] == "week"
    assert found["timeline"] == [{"key": "2024-05-06", "label": "2024-05-06", "count": 3}]
    kinds = get(client, "/api/speakers?speaker=Ana+Ortiz").json()["items"]
    assert [(k["name"], k["quotes"], k["direct"], k["indirect"]) for k in kinds] == [("Ana Ortiz", 3, 1, 2)]


def test_which_events_had_someone_as_actor_or_target(client: TestClient) -> None:
    assert get(client, "/api/events?actor=Ben+Cole").json()["total"] == 1
    assert get(client, "/api/events?target=Ben+Cole").json()["total"] == 0
    by_target = get(client, "/api/events?target=Ortiz").json()["items"]
    assert [(e["actor_name"], e["trigger"], e["target_name"], e["local_id"]) for e in by_target] == [
        ("Ben Cole", "blamed", "Ana Ortiz", "v1")
    ]
    facets = get(client, "/api/events/facets?type=accuse").json()
    assert facets["facets"]["actor"] == [{"key": "2", "label": "Ben Cole", "count": 1}]
    events = json.loads(get(client, "/api/events.json?actor=Ben+Cole").text)
    assert [e["type"] for e in events] == ["ACCUSE"]


def test_speakers_sort_and_page(client: TestClient) -> None:
    by_count = get(client, "/api/speakers").json()
    assert by_count["total"] == 3 and by_count["items"][0]["name"] == "Ana Ortiz"
    by_name = [s["name"] for s in get(client, "/api/speakers?sort=name").json()["items"]]
    assert by_name == sorted(by_name)
    second = get(client, "/api/speakers?limit=1&offset=1").json()
    assert second["total"] == 3 and len(second["items"]) == 1
    get(client, "/api/speakers?sort=loudest", 422)
    get(client, "/api/quotes?kind=shouted", 422)


def test_kind_source_and_order_filter_the_quote_list(client: TestClient) -> None:
    assert get(client, "/api/quotes?kind=direct").json()["total"] == 2
    assert get(client, "/api/quotes?source=ferry").json()["total"] == 1
    newest = [q["published"] for q in get(client, "/api/quotes").json()["items"]]
    oldest = [q["published"] for q in get(client, "/api/quotes?sort=oldest").json()["items"]]
    assert oldest == sorted(newest) and newest == sorted(newest, reverse=True)
    # The download of a list in the oldest-first order is in that order too, and the page links to it.
    oldest_ids = [q["id"] for q in get(client, "/api/quotes?sort=oldest").json()["items"]]
    assert [int(r["id"]) for r in rows_of_csv(get(client, "/api/quotes.csv?sort=oldest").text)] == oldest_ids
    assert [q["id"] for q in json.loads(get(client, "/api/quotes.json?sort=oldest").text)] == oldest_ids
    assert 'href="/api/quotes.csv?sort=oldest"' in get(client, "/quotes?sort=oldest").text
    get(client, "/api/quotes.csv?sort=sideways", 422)


def test_article_facets_name_the_most_named_entities(client: TestClient) -> None:
    everything = get(client, "/api/articles/facets").json()
    assert everything["total"] == 3
    assert everything["facets"]["entity"][0] == {"key": "1", "label": "Ana Ortiz", "count": 2}
    ferry = get(client, "/api/articles/facets?q=ferry").json()
    assert [c["label"] for c in ferry["facets"]["entity"]] == ["Ana Ortiz"]


def test_the_entity_list_counts_its_types_beside_it(client: TestClient) -> None:
    facets = get(client, "/api/entities/facets").json()
    types = {c["key"]: c["count"] for c in facets["facets"]["type"]}
    assert facets["total"] == sum(types.values()) == get(client, "/api/entities").json()["total"]
    assert types["PERSON"] == get(client, "/api/entities?type=PERSON").json()["total"] >= 2
    assert get(client, "/api/entities/facets?q=ortiz").json()["facets"]["type"] == [
        {"key": "PERSON", "label": "PERSON", "count": 1}
    ]
    page = get(client, "/entities?q=o").text
    assert 'aria-label="Counts of these entities"' in page and 'href="/entities?q=o&amp;type=PERSON"' in page


@pytest.mark.parametrize("listing", ["quotes", "events", "articles", "entities", "figures"])
def test_every_list_exports_csv_and_json(client: TestClient, listing: str) -> None:
    total = get(client, f"/api/{listing}").json()["total"]
    as_csv = get(client, f"/api/{listing}.csv")
    assert as_csv.headers["content-type"].startswith("text/csv")
    assert f'filename="{listing}.csv"' in as_csv.headers["content-disposition"]
    assert len(rows_of_csv(as_csv.text)) == total
    as_json = get(client, f"/api/{listing}.json")
    assert len(json.loads(as_json.text)) == total


def test_exported_cells_never_run_as_spreadsheet_formulas(tmp_path: Path) -> None:
    store = build_store(tmp_path / "formula.db")
    client = TestClient(create_app(store))
    text = "Dr Eve Lamb said =HYPERLINK(1) was fine.\n"
    eve = Entity("e1", "Eve Lamb", "PERSON", [], None, [sp(text, "Eve Lamb")])
    words = sp(text, "=HYPERLINK(1) was fine")
    said = Quote("q1", "indirect", words.text, words.start, words.end, cue=sp(text, "said"))
    said.speaker = Speaker("e1", "Eve Lamb", "Eve Lamb", eve.mentions[0].start, eve.mentions[0].end)
    store.add(Extraction(Article(text=text, title="Formula", published="2022-01-01"), [eve], [said]))
    exported = rows_of_csv(get(client, "/api/quotes.csv?speaker=Eve+Lamb").text)
    assert [row["text"] for row in exported] == ["'=HYPERLINK(1) was fine"]


def test_exports_stream_every_row_past_any_page_size(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'many.db'}")
    for number in range(30):
        text, quotes = "", []
        ana = Entity("e1", "Ana Ortiz", "PERSON", ["Mayor"], None, [])
        for n in range(40):
            start = len(text) + len("Mayor ")
            ana.mentions.append(Span(start, start + len("Ana Ortiz"), "Ana Ortiz"))
            text += f"Mayor Ana Ortiz said point {number}-{n} stands. "
            words = sp(text, f"point {number}-{n} stands")
            speaker = Speaker("e1", "Ana Ortiz", "Ana Ortiz", start, start + len("Ana Ortiz"))
            quotes.append(Quote(f"q{n + 1}", "indirect", words.text, words.start, words.end, speaker=speaker))
        store.add(Extraction(Article(text=text, title=f"Day {number}", published="2024-01-01"), [ana], quotes))
    client = TestClient(create_app(store))
    assert get(client, "/api/quotes?speaker=Ana Ortiz").json()["total"] == 1200
    ana_id = store.entity("Ana Ortiz").id
    assert len(rows_of_csv(get(client, f"/api/quotes.csv?speaker_id={ana_id}").text)) == 1200
    assert get(client, f"/api/quotes/facets?speaker_id={ana_id}").json()["total"] == 1200
    assert len(json.loads(get(client, "/api/quotes.json").text)) == 1200
    assert sum(1 for _ in store.stream("quotes", speaker="Ana Ortiz")) == 1200


def test_the_speakers_counts_export_whole_past_the_api_page_cap(tmp_path: Path) -> None:
    """/api/speakers pages 500 at most; its CSV and JSON hold every speaker, in the page's order."""
    store = Store(f"sqlite:///{tmp_path / 'voices.db'}")
    for number in range(26):
        text, people, quotes = "", [], []
        for n in range(24):
            name = f"Ana{number:02d}x{n:02d} Ortiz{n:02d}y{number:02d}"
            start = len(text)
            text += f"{name} said point {number}-{n} stands. "
            people.append(Entity(f"e{n + 1}", name, "PERSON", [], None, [Span(start, start + len(name), name)]))
            words = sp(text, f"point {number}-{n} stands")
            speaker = Speaker(f"e{n + 1}", name, name, start, start + len(name))
            quotes.append(Quote(f"q{n + 1}", "indirect", words.text, words.start, words.end, speaker=speaker))
        store.add(Extraction(Article(text=text, title=f"Day {number}", published="2024-01-01"), people, quotes))
    client = TestClient(create_app(store))
    listed = get(client, "/api/speakers?sort=name&limit=500").json()
    assert listed["total"] == 624 and len(listed["items"]) == 500
    exported = rows_of_csv(get(client, "/api/speakers.csv?sort=name").text)
    assert [r["name"] for r in exported[:500]] == [s["name"] for s in listed["items"]]
    assert len(exported) == 624 and {r["quotes"] for r in exported} == {"1"}
    assert len(json.loads(get(client, "/api/speakers.json?q=stands").text)) == 624
    page = get(client, "/speakers?sort=name").text
    assert 'href="/api/speakers.csv?sort=name"' in page


def test_sql_in_filters_finds_nothing_and_breaks_nothing(client: TestClient) -> None:
    for url in ("/api/quotes/facets?speaker=", "/api/speakers?source=", "/api/events/facets?target="):
        assert get(client, url + INJECTION).json()["total"] == 0
    assert rows_of_csv(get(client, f"/api/quotes.csv?q={INJECTION}").text) == []


def test_timeline_fills_empty_periods_and_counts_undated() -> None:
    counts, period, undated = timeline([("2024-01-31", 2), ("2024-03-02", 1), (None, 4), ("soon", 1)], "month")
    assert period == "month" and undated == 5
    assert [(c.label, c.count) for c in counts] == [("2024-01", 2), ("2024-02", 0), ("2024-03", 1)]
    weeks, _, _ = timeline([("2024-05-06", 1), ("2024-05-12", 1), ("2024-05-13", 1)], "week")
    assert [(c.label, c.count) for c in weeks] == [("2024-05-06", 2), ("2024-05-13", 1)]
    # Decades per month would be a smear of bars: they are counted per year.
    years, period, _ = timeline([("1972-06-01", 1), ("2024-01-01", 3)], "month")
    assert period == "year" and years[0].label == "1972" and years[-1].count == 3 and len(years) == 53


def test_pages_show_facets_exports_and_paging(client: TestClient) -> None:
    quotes = get(client, "/quotes?speaker=Ana+Ortiz&period=week").text
    assert 'href="/api/quotes.csv?speaker=Ana+Ortiz"' in quotes
    assert 'aria-label="Counts of these quotes"' in quotes
    assert "Per week" in quotes
    # Quotes link to the quote itself in their article.
    assert "#quote-q2" in quotes
    events = get(client, "/events?actor=Ben+Cole").text
    assert "1 event" in events and '#event-v1"' in events and "/api/events.csv?actor=Ben+Cole" in events
    speakers = get(client, "/speakers?kind=direct&sort=name").text
    assert "Ana Ortiz" in speakers and "Ben Cole" not in speakers
    # A count opens the quotes it counts (the speakers' own sort is not the quotes' order).
    assert 'href="/quotes?speaker=1&amp;kind=direct"' in speakers
    entity = get(client, "/entities/Ana%20Ortiz").text
    assert 'Quotes by Ana Ortiz <span class="count">(3)</span>' in entity
    assert "/api/quotes.csv?speaker=1" in entity


def test_cli_counts_speakers_and_quotes_per_week(store: Any) -> None:
    from typer.testing import CliRunner

    from newsgraph.cli import app as cli_app

    db = store.url
    runner = CliRunner()
    result = runner.invoke(cli_app, ["speakers", "--db", db, "--kind", "indirect", "--csv"])
    assert result.exit_code == 0, result.output
    rows = rows_of_csv(result.stdout)
    assert [(r["name"], r["quotes"], r["indirect"]) for r in rows] == [("Ana Ortiz", "2", "2"), ("Ben Cole", "1", "1")]
    ana = str(store.entity("Ana Ortiz").id)
    for who in (["--speaker", "Ana Ortiz"], ["--speaker-id", ana]):
        result = runner.invoke(cli_app, ["timeline", "--db", db, *who, "--by", "week", "--json"])
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["timeline"] == [{"key": "2024-05-06", "label": "2024-05-06", "count": 3}]
    result = runner.invoke(cli_app, ["speakers", "--db", db, "--speaker-id", ana, "--csv"])
    assert [r["name"] for r in rows_of_csv(result.stdout)] == ["Ana Ortiz"]
    result = runner.invoke(cli_app, ["events", "--db", db, "--target", "Ana Ortiz", "--csv"])
    assert result.exit_code == 0 and "Ben Cole,blamed,Ana Ortiz" in result.stdout


def test_counts_follow_new_articles(tmp_path: Path) -> None:
    """Facets are remembered between requests, but never past the store's next article."""
    from tests.test_api import ferry_article

    store = Store(f"sqlite:///{tmp_path / 'growing.db'}")
    client = TestClient(create_app(store))
    assert get(client, "/api/quotes/facets").json()["total"] == 0
    assert get(client, "/api/quotes/facets").json()["total"] == 0
    store.add(ferry_article())
    assert get(client, "/api/quotes/facets").json()["total"] == 1
    assert "Ana Ortiz" in get(client, "/quotes").text


def test_counts_follow_a_merge_of_entities(tmp_path: Path) -> None:
    """A merge adds no article, yet the counts remembered before it are not served after it."""
    from tests.test_store_linking import story, strike

    store = Store(f"sqlite:///{tmp_path / 'merged.db'}")
    for first, day in (("Ana", "2024-05-01"), ("Luis", "2024-05-02")):
        text = f"{first} Ortiz struck Dunmore Council."
        person = (f"{first} Ortiz", "PERSON", [f"{first} Ortiz"])
        council = ("Dunmore Council", "ORG", ["Dunmore Council"])
        store.add(story(text, day, person, council, events=[strike(text, "struck", "e1", "e2", day)]))
    client = TestClient(create_app(store))

    def actors() -> list[tuple[str, int]]:
        return [(c["label"], c["count"]) for c in get(client, "/api/events/facets").json()["facets"]["actor"]]

    assert sorted(actors()) == [("Ana Ortiz", 1), ("Luis Ortiz", 1)]
    ana = store.entity("Ana Ortiz").id
    assert get(client, f"/api/events/facets?actor_id={ana}").json()["total"] == 1
    store.merge_entities(ana, store.entity("Luis Ortiz").id)
    assert actors() == [("Ana Ortiz", 2)]
    assert get(client, f"/api/events/facets?actor_id={ana}").json()["total"] == 2
    listed = get(client, "/api/events?actor=Luis Ortiz").json()
    assert listed["total"] == 2 and listed["chosen"]["id"] == ana


def test_an_older_store_gets_the_counting_indexes_when_opened(tmp_path: Path) -> None:
    from newsgraph.store.indexes import COUNTING

    path = tmp_path / "old.db"
    store = Store(f"sqlite:///{path}")
    with store.writing() as connection:
        for name in COUNTING:
            connection.exec_driver_sql(f"DROP INDEX {name}")
    store.close()
    reopened = Store(f"sqlite:///{path}")
    with reopened.reading() as connection:
        names = set(connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'").scalars())
    assert set(COUNTING) <= names
