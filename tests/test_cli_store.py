"""The store's commands through the CLI runner: ingest, articles, show, stats, quotes, entities,
entity, figures, events and export — exit codes and what a user reads."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from tests.conftest import EXAMPLES
from tests.test_store import ferry, harbour
from typer.testing import CliRunner, Result

import newsgraph.pipeline
from newsgraph.cli import app
from newsgraph.pipeline import Extractor
from newsgraph.store import Store

COMMANDS = ("ingest", "articles", "show", "stats", "quotes", "entities", "entity", "figures", "events", "export")


def run(*args: str) -> Result:
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.fixture
def db(tmp_path: Path) -> str:
    """A store holding the harbour and ferry articles, built from the model (no pipeline)."""
    path = str(tmp_path / "cli.db")
    with Store(path) as store:
        store.add(harbour())
        store.add(ferry())
    return path


@pytest.fixture
def pipeline(extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> Extractor:
    """Make `newsgraph ingest` use the session's loaded pipeline instead of loading another."""
    monkeypatch.setattr(newsgraph.pipeline, "_default", extractor)
    return extractor


def write_news(folder: Path) -> None:
    folder.mkdir()
    (folder / "mayor.txt").write_text(
        "Mayor Ana Ortiz said on Tuesday that the new harbour bridge would open in June. “We are ready,” Ortiz said.\n"
    )
    (folder / "union.txt").write_text(
        "Union leader Daniel Brandt warned that dock workers would strike for three days if talks failed.\n"
    )
    (folder / "clinic.txt").write_text(
        "Health Minister Laura Petrovic promised 6 million euros for the clinic, according to a statement.\n"
    )


def test_help_lists_every_store_command_with_its_help() -> None:
    result = run("--help")
    assert result.exit_code == 0
    for command in COMMANDS:
        assert command in result.output, command
        sub = run(command, "--help")
        assert sub.exit_code == 0 and len(sub.output.strip().splitlines()) > 3, command


def test_ingest_twice_adds_nothing_the_second_time(tmp_path: Path, pipeline: Extractor) -> None:
    write_news(tmp_path / "news")
    store = tmp_path / "news.db"
    first = run("ingest", tmp_path / "news", "--db", store, "--published", "2024-05-08")
    assert first.exit_code == 0, first.output
    assert "new: 3, already stored: 0, failed: 0" in first.output
    counts = Store(str(store)).stats()
    second = run("ingest", tmp_path / "news", "--db", store)
    assert second.exit_code == 0, second.output
    assert "new: 0, already stored: 3, failed: 0" in second.output
    again = Store(str(store)).stats()
    assert again.pop("ingest_runs") == counts.pop("ingest_runs") + 1
    assert again == counts
    assert counts["quotes"] >= 2 and counts["entities"] >= 3


def test_ingest_names_each_bad_file_stores_the_good_ones_and_exits_1(tmp_path: Path, pipeline: Extractor) -> None:
    write_news(tmp_path / "news")
    (tmp_path / "news" / "junk.bin").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "news" / "empty.txt").write_bytes(b"")
    result = run("ingest", tmp_path / "news", tmp_path / "missing.txt", "--db", tmp_path / "mixed.db")
    assert result.exit_code == 1
    assert "new: 3, already stored: 0, failed: 3" in result.output
    summary = [line for line in result.stdout.splitlines() if line.startswith("  failed ")]
    assert len(summary) == 3
    assert {name for name in ("junk.bin", "empty.txt", "missing.txt") if any(name in line for line in summary)} == {
        "junk.bin",
        "empty.txt",
        "missing.txt",
    }
    assert result.stderr.count("failed ") == 3  # each streamed as it happened, one line each
    assert Store(str(tmp_path / "mixed.db")).stats()["articles"] == 3


def test_ingest_reads_standard_input(tmp_path: Path, pipeline: Extractor) -> None:
    story = "Mayor Ana Ortiz said the ferry would run all winter. “It will not stop,” Ortiz said.\n"
    result = CliRunner().invoke(app, ["ingest", "-", "--db", str(tmp_path / "stdin.db")], input=story)
    assert result.exit_code == 0, result.output
    assert "new: 1, already stored: 0, failed: 0" in result.output
    quotes = Store(str(tmp_path / "stdin.db")).quotes(speaker="Ana Ortiz")
    assert "the ferry would run all winter" in {q.text for q in quotes.items}


def test_ingest_refuses_a_bad_published_date(tmp_path: Path) -> None:
    result = run("ingest", tmp_path, "--db", tmp_path / "x.db", "--published", "last Tuesday")
    assert result.exit_code == 2 and "--published must be a day" in result.output
    unknown = run("ingest", tmp_path, "--db", "mysql://reader@localhost/news")
    assert unknown.exit_code == 2 and unknown.output.startswith("error: [E030] unsupported database")


@pytest.mark.slow
def test_ingesting_the_examples_twice_changes_nothing(tmp_path: Path, pipeline: Extractor) -> None:
    store = tmp_path / "examples.db"
    first = run("ingest", EXAMPLES, "--db", store)
    assert first.exit_code == 0, first.output
    counts = Store(str(store)).stats()
    assert counts["articles"] >= 8 and counts["quotes"] > counts["articles"]
    second = run("ingest", EXAMPLES, "--db", store)
    assert second.exit_code == 0, second.output
    assert f"new: 0, already stored: {counts['articles']}, failed: 0" in second.output
    again = Store(str(store)).stats()
    assert again.pop("ingest_runs") == counts.pop("ingest_runs") + 1
    assert again == counts


def test_articles_table_json_and_csv(db: str) -> None:
    table = run("articles", "--db", db)
    assert table.exit_code == 0 and "Harbour" in table.output and "of 2" in table.output
    data = json.loads(run("articles", "--db", db, "--json", "--search", "cranes").output)
    assert data["total"] == 1 and data["items"][0]["title"] == "Harbour works to finish in June"
    rows = list(csv.DictReader(io.StringIO(run("articles", "--db", db, "--csv", "--since", "2024-05-07").output)))
    assert [r["source"] for r in rows] == ["harbour.txt"]
    empty = run("articles", "--db", db, "--search", "'; DROP TABLE articles; --")
    assert empty.exit_code == 0 and "No articles found" in empty.output
    assert run("articles", "--db", db, "--since", "May").exit_code != 0


def test_show_prints_the_article_as_json_or_table(db: str) -> None:
    article_id = harbour().article.id
    data = json.loads(run("show", article_id, "--db", db, "--format", "json").output)
    assert data == harbour().to_dict()
    table = run("show", article_id, "--db", db)
    assert table.exit_code == 0 and "Quotes" in table.output and "Cole" in table.output


def test_missing_article_entity_and_store_are_one_line_errors(db: str, tmp_path: Path) -> None:
    missing = run("show", "0000000000000000", "--db", db)
    assert missing.exit_code == 1 and missing.output.startswith("error: [E031]")
    nobody = run("entity", "Nobody Atall", "--db", db)
    assert nobody.exit_code == 1 and "error: [E032]" in nobody.output
    none = run("stats", "--db", tmp_path / "nothing-here.db")
    assert none.exit_code == 1 and "no store at" in none.output
    assert not (tmp_path / "nothing-here.db").exists()


def test_stats_counts(db: str) -> None:
    table = run("stats", "--db", db)
    assert table.exit_code == 0 and "articles" in table.output and "quotes by kind" in table.output
    data = json.loads(run("stats", "--db", db, "--json").output)
    assert (data["articles"], data["quotes"], data["figures"], data["events"]) == (2, 4, 1, 1)


def test_quotes_with_speaker_search_and_since(db: str) -> None:
    table = run("quotes", "--db", db, "--speaker", "Ana Ortiz")
    assert table.exit_code == 0 and "speaker" in table.output and "of 3" in table.output
    data = json.loads(run("quotes", "--db", db, "--speaker", "ortiz", "--since", "2024-05-08", "--json").output)
    assert [q["text"] for q in data["items"]] == ["The quay is nearly done,” Ortiz said. “The cranes come next."]
    rows = list(csv.DictReader(io.StringIO(run("quotes", "--db", db, "--search", "ferry fares", "--csv").output)))
    assert [(r["speaker"], r["quote"], r["article"], r["date"]) for r in rows] == [
        ("Ana Ortiz", "ferry fares would rise next year", "Ferry fares to rise", "2024-05-06")
    ]


def test_entities_and_entity(db: str) -> None:
    data = json.loads(run("entities", "--db", db, "--type", "PERSON", "--json").output)
    assert [e["name"] for e in data["items"]] == ["Ana Ortiz", "Ben Cole"]
    found = run("entities", "--db", db, "--search", "cole")
    assert found.exit_code == 0 and "Cole" in found.output and "of 1" in found.output
    detail = run("entity", "Ana Ortiz", "--db", db)
    assert detail.exit_code == 0
    for part in ("Ana Ortiz", "Title: Mayor (2024-05-06 to 2024-05-08)", "Aliases:", "Quotes by", "Quotes about"):
        assert part in detail.output, part
    assert "“Ortiz hid the bill” — Ben Cole" in detail.output
    data = json.loads(run("entity", "ortiz", "--db", db, "--json").output)
    assert data["counts"]["articles"] == 2 and len(data["quotes_by"]) == 3


def test_figures_and_events(db: str) -> None:
    figures = json.loads(run("figures", "--db", db, "--search", "million", "--json").output)
    assert [f["value"] for f in figures["items"]] == [12_000_000]
    events = run("events", "--db", db, "--type", "ACCUSE", "--actor", "Ben Cole")
    assert events.exit_code == 0 and "ACCUSE" in events.output and "of 1" in events.output
    later = run("events", "--db", db, "--since", "2024-06-01")
    assert later.exit_code == 0 and "No events found" in later.output


def test_export_jsonl_is_the_output_contract(db: str, tmp_path: Path) -> None:
    result = run("export", "--db", db, "--format", "jsonl")
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert {line["article"]["id"] for line in lines} == {harbour().article.id, ferry().article.id}
    assert next(x for x in lines if x["article"]["source"] == "harbour.txt") == harbour().to_dict()
    to_file = run("export", "--db", db, "--output", tmp_path / "all.jsonl")
    assert to_file.exit_code == 0 and len((tmp_path / "all.jsonl").read_text().splitlines()) == 2


@pytest.mark.parametrize("format", ["csv", "parquet"])
def test_export_tables_one_per_kind(db: str, tmp_path: Path, format: str) -> None:
    folder = tmp_path / format
    result = run("export", "--db", db, "--format", format, "--output", folder)
    assert result.exit_code == 0, result.output
    assert "quotes 4" in result.output
    names = {p.stem for p in folder.iterdir()}
    assert names == {"articles", "entities", "quotes", "figures", "dates", "events"}
    if format == "parquet":
        quotes = pq.read_table(folder / "quotes.parquet").to_pylist()
        figures = pq.read_table(folder / "figures.parquet").to_pylist()
        assert figures[0]["value_low"] == figures[0]["value_high"] == 12_000_000
        assert pq.read_table(folder / "events.parquet").num_rows == 1
    else:
        quotes = list(csv.DictReader((folder / "quotes.csv").open(encoding="utf-8")))
    assert len(quotes) == 4 and {q["speaker_name"] for q in quotes} == {"Ana Ortiz", "Ben Cole"}
