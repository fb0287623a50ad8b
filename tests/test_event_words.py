"""Issue #11 on the sample corpus: an actor or target named by a common noun ("as opposition threatens
confidence vote", "arrested two men") is shown by its words wherever a user reads events: `newsgraph
events`, `show`, the JSON API, the web pages and the exports; in SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient
from tests.conftest import EXAMPLES
from tests.test_cli_store import run
from tests.test_store_events import pg_url  # noqa: F401  (the fixture, emptied for each test)

from newsgraph.api import create_app
from newsgraph.ingest import read_paths
from newsgraph.model import Extraction
from newsgraph.pipeline import Extractor
from newsgraph.store import Store

ARRESTS = EXAMPLES / "05_warehouse_arrests.html"
THREAT = EXAMPLES / "04_budget_petrovic.txt"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path: Path, extractor: Extractor) -> Iterator[str]:
    """A store holding the warehouse arrests and the budget row, through the whole pipeline."""
    url = str(tmp_path / "words.db") if request.param == "sqlite" else request.getfixturevalue("pg_url")
    with Store(url) as store:
        for article in read_paths([ARRESTS, THREAT]):
            store.add(extractor.extract(article))
    yield url


def extracted(extractor: Extractor, path: Path) -> Extraction:
    (article,) = read_paths([path])
    return extractor.extract(article)


def threat_and_arrest(items: list[dict[str, Any]]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The headline's threat (by "opposition", no entity) and the police's arrest of "two men" (no entity)."""
    threat = next(e for e in items if e["trigger"] == "threatens")
    arrest = next(e for e in items if e["trigger"] == "arrested" and e["actor_name"])
    return threat, arrest


def test_the_extraction_names_the_opposition_and_the_arrested_by_their_words(extractor: Extractor) -> None:
    threat = next(e for e in extracted(extractor, THREAT).events if e.trigger.text == "threatens")
    assert (threat.actor, threat.actor_text, threat.actor_sector) == (None, "opposition", "OPP")
    arrests = extracted(extractor, ARRESTS)
    arrest = next(e for e in arrests.events if e.trigger.text == "arrested" and e.actor is not None)
    assert (arrest.target, arrest.target_text, arrest.target_sector) == (None, "two men", "PPL")
    assert arrest.actor_words is not None
    assert arrests.article.text[arrest.actor_words.start : arrest.actor_words.end] == "Police"


def test_the_events_command_shows_the_words_where_no_entity_is_named(db: str) -> None:
    listed = run("events", "--db", db, "--json")
    assert listed.exit_code == 0, listed.output
    threat, arrest = threat_and_arrest(json.loads(listed.output)["items"])
    assert (threat["actor_name"], threat["actor_words"]) == (None, "opposition")
    assert (arrest["actor_name"], arrest["target_name"], arrest["target_words"]) == ("Police", None, "two men")
    table = run("events", "--db", db, "--csv")
    rows = list(csv.DictReader(table.output.splitlines()))
    assert {"actor": "opposition", "trigger": "threatens"}.items() <= next(
        r for r in rows if r["trigger"] == "threatens"
    ).items()
    assert any(r["trigger"] == "arrested" and r["target"] == "two men" for r in rows)


def test_show_lists_the_words_in_its_events_table(db: str) -> None:
    with Store(db) as store:
        (article_id,) = [a.id for a in store.articles(limit=10).items if "opposition" in (a.title or "").lower()]
    shown = run("show", article_id, "--db", db)
    assert shown.exit_code == 0, shown.output
    assert "opposition" in shown.output.split("Events")[-1]


def test_api_and_web_pages_show_the_words(db: str) -> None:
    with Store(db) as store:
        client = TestClient(create_app(store))
        threat, arrest = threat_and_arrest(client.get("/api/events").json()["items"])
        assert threat["actor_words"] == "opposition" and arrest["target_words"] == "two men"
        page = client.get("/events").text
        assert "opposition" in page and "two men" in page
        article = " ".join(client.get(f"/articles/{threat['article_id']}").text.split())
        assert "opposition → " in article  # the trigger's description
        assert re.search(r"opposition <a href=\"#event-v\d+\"><em>threatens</em>", article)  # the list
        contract = client.get(f"/api/articles/{threat['article_id']}").json()
        stored = next(e for e in contract["events"] if e["trigger"]["text"] == "threatens")
        assert stored["actor_words"]["text"] == "opposition"
        exported = client.get("/api/events.csv").text
        assert ",opposition," in exported


@pytest.mark.parametrize("format", ["csv", "parquet"])
def test_export_tables_carry_the_words(db: str, tmp_path: Path, format: str) -> None:
    folder = tmp_path / format
    assert run("export", "--db", db, "--format", format, "--output", folder).exit_code == 0
    path = folder / f"events.{format}"
    rows = pq.read_table(path).to_pylist() if format == "parquet" else list(csv.DictReader(path.open()))
    threat = next(r for r in rows if r["trigger"] == "threatens")
    assert (threat["actor"] or None, threat["actor_words"]) == (None, "opposition")
    assert any(r["trigger"] == "arrested" and r["target_words"] == "two men" for r in rows)


def test_police_named_only_by_their_word_are_not_merged_across_stories(extractor: Extractor, tmp_path: Path) -> None:
    """Two stories' "police" with no name are not one actor: their arrests on one day stay two events."""
    with Store(str(tmp_path / "police.db")) as store:
        for town in ("Leeds", "York"):
            text = f"Police arrested three men in {town} on Sunday."
            (article,) = read_paths([_write(tmp_path / f"{town}.txt", text)], published="2024-03-04")
            store.add(extractor.extract(article))
        arrests = store.events(type="COERCE").items
    assert [(e.actor_words, e.target_words, e.sources) for e in arrests] == [("Police", "three men", 1)] * 2


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
