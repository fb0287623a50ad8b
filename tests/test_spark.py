"""The Spark job in local[2] over the sample corpus and broken inputs, and `newsgraph load` against `ingest`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import sqlalchemy as sa
from tests.conftest import EXAMPLES
from tests.test_bad_input import cut_after_records, warc_gz
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.errors import SparkUnavailable
from newsgraph.ingest import read_paths
from newsgraph.store import Store, schema

pytestmark = [pytest.mark.spark, pytest.mark.slow]

# Columns that say when and in which run a row was written, not what it holds.
WHEN = {"added", "run_id"}


def run(*args: str | Path) -> Any:
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The sample corpus (its WARC included), a WARC cut short, JSON Lines with a malformed line and a refused text."""
    folder = tmp_path_factory.mktemp("inputs")
    (folder / "cut.warc.gz").write_bytes(cut_after_records(warc_gz(3), kept=2))
    lines = [json.dumps({"text": "The council of Dunmore met on Friday, its clerk said.", "published": "2024-03-01"})]
    lines.append('{"text": "broken" "quote"}')
    # Read, but refused by the pipeline: a failure of the extract stage, listed like the readers' ones.
    lines.append(json.dumps({"text": "The mayor said: " + "!" * 600, "published": "2024-03-01"}))
    (folder / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [str(EXAMPLES), str(folder / "cut.warc.gz"), str(folder / "records.jsonl")]


@pytest.fixture(scope="module")
def spark_out(spark_session: Any, inputs: list[str], tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    from newsgraph.spark.job import run as run_job

    out = tmp_path_factory.mktemp("spark") / "out"
    return out, run_job(spark_session, inputs, str(out))


@pytest.fixture(scope="module")
def ingested(inputs: list[str], tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    """The same inputs through `newsgraph ingest`, the reference the loaded output must equal."""
    db = tmp_path_factory.mktemp("ingest") / "ingest.db"
    return db, run("ingest", *inputs, "--db", db)


def dump(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table but the run log, in a stable order."""
    rows = {}
    with Store(url) as store, store.reading() as connection:
        for table in schema.metadata.sorted_tables:
            if table.name in ("ingest_runs", "schema_version"):
                continue
            columns = [c for c in table.c if c.name not in WHEN]
            rows[table.name] = sorted(map(tuple, connection.execute(sa.select(*columns))), key=repr)
    return rows


def parquet_files(out: Path) -> dict[str, int]:
    return {str(p.relative_to(out)): p.stat().st_size for p in out.rglob("*.parquet")}


def test_loaded_output_equals_ingest(spark_out: tuple[Path, Any], ingested: tuple[Path, Any], tmp_path: Path) -> None:
    out, report = spark_out
    (ingested, by_ingest), loaded = ingested, tmp_path / "load.db"
    by_load = run("load", out, "--db", loaded)
    assert by_ingest.exit_code == by_load.exit_code == 1  # both report the broken inputs
    assert report.new == 14  # the 11 sample articles, 2 whole records of the cut WARC, 1 good JSON line
    expected, got = dump(f"sqlite:///{ingested}"), dump(f"sqlite:///{loaded}")
    assert {k: len(v) for k, v in got.items()} == {k: len(v) for k, v in expected.items()}
    # Enough rows that the comparison means something (the event coder keeps 40 events of these inputs).
    assert len(got["quotes"]) > 100 and len(got["events"]) > 30
    for table in ("articles", "entities", "article_entities", "quotes", "events", "event_sources", "figures"):
        assert got[table] == expected[table], table
    assert got == expected
    failures = {line.strip() for line in by_ingest.stdout.splitlines() if line.strip().startswith("failed")}
    assert failures == {line.strip() for line in by_load.stdout.splitlines() if line.strip().startswith("failed")}


@pytest.mark.postgres
def test_loaded_into_postgresql_the_same_quotes_entities_and_events(
    spark_out: tuple[Path, Any], ingested: tuple[Path, Any]
) -> None:
    from tests.test_postgres import PG_URL, _empty_database

    if not PG_URL:
        pytest.skip("NEWSGRAPH_TEST_PG is not set (.ci/run starts PostgreSQL and sets it)")
    _empty_database(PG_URL)
    assert run("load", spark_out[0], "--db", PG_URL).exit_code == 1  # the two broken inputs are listed
    expected, got = dump(f"sqlite:///{ingested[0]}"), dump(PG_URL)
    assert {k: len(v) for k, v in got.items()} == {k: len(v) for k, v in expected.items()}
    for table, columns in (("quotes", slice(2, 12)), ("article_entities", slice(0, 7)), ("events", slice(1, 11))):
        assert sorted(map(repr, (r[columns] for r in got[table]))) == sorted(
            map(repr, (r[columns] for r in expected[table]))
        ), table


def test_bad_records_are_rows_not_failed_tasks(spark_out: tuple[Path, Any]) -> None:
    out, report = spark_out
    errors = pq.read_table(out / "errors").to_pylist()
    problems = {(e["source"].rsplit("/", 1)[-1], e["code"], e["stage"]): e["problem"] for e in errors}
    refused = problems.pop(("records.jsonl#3", "E065", "extract"))
    assert problems == {
        ("cut.warc.gz", "E010", "read"): "truncated gzip stream after 2 records",
        ("records.jsonl:2", "E010", "read"): "malformed JSON (Expecting ',' delimiter)",
    }
    assert "a run of 600 punctuation characters" in refused
    assert [problem for _, problem in report.failed if "E065" in problem] == [refused]
    assert len(report.failed) == 3


def test_tables_follow_the_contract_by_published_day(spark_out: tuple[Path, Any]) -> None:
    out, report = spark_out
    articles = pq.read_table(out / "articles").to_pylist()
    assert len(articles) == len({a["id"] for a in articles}) == report.new
    assert {p.name for p in (out / "articles").iterdir() if p.is_dir()} >= {
        "published_day=2024-03-12",
        "published_day=2024-03-01",
    }
    quotes = pq.read_table(out / "quotes").to_pylist()
    texts = {a["id"]: json.loads(a["extraction"])["article"]["text"] for a in articles}
    assert all(texts[q["article_id"]][q["start"] : q["end"]] == q["text"] for q in quotes)
    for article in articles:
        extraction = json.loads(article["extraction"])
        assert extraction["schema"] == "newsgraph/1"
        assert article["n_quotes"] == len(extraction["quotes"])


def test_a_small_run_writes_one_file_per_table_and_day(spark_session: Any, tmp_path: Path) -> None:
    from newsgraph.spark.job import run as run_job

    # Twelve articles of one day, of unequal lengths: the pipeline takes them in several pieces.
    lines = [
        json.dumps({"text": f"Mayor Ana Ortiz of Dunmore said on Friday that {n} roads would close. " * (n + 1),
                    "published": "2024-03-01"})
        for n in range(12)
    ]  # fmt: skip
    (tmp_path / "day.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = run_job(spark_session, [str(tmp_path / "day.jsonl")], str(tmp_path / "out"))
    assert report.new == 12
    for table in ("articles", "entities", "quotes"):
        assert len(list((tmp_path / "out" / table / "published_day=2024-03-01").glob("*.parquet"))) == 1, table


def test_rerun_changes_nothing(spark_out: tuple[Path, Any], inputs: list[str]) -> None:
    out, report = spark_out
    before = parquet_files(out)
    result = run("spark", *inputs, "--out", out)
    assert f"new: 0, already written: {report.new}, failed: 3" in result.stdout
    assert parquet_files(out) == before


def test_parquet_input_adds_only_new_articles(spark_session: Any, spark_out: tuple[Path, Any], tmp_path: Path) -> None:
    from newsgraph.spark.job import run as run_job

    out = tmp_path / "out"
    shutil.copytree(spark_out[0], out)
    (known,) = read_paths([EXAMPLES / "03_linden_bridge.txt"])
    records = [
        {"text": known.text, "title": known.title, "source": known.source},
        {"text": "Ferry crews in Dunmore said on Monday that the harbour would reopen.", "published": "2024-04-02"},
        {"text": "", "title": "nothing"},
    ]
    pq.write_table(pa.Table.from_pylist(records), tmp_path / "more.parquet")
    report = run_job(spark_session, [str(tmp_path / "more.parquet")], str(out))
    assert (report.new, report.existing) == (1, 1)
    assert report.failed == [(f"{tmp_path / 'more.parquet'}:3", "'text' is empty")]
    ids = pq.read_table(out / "articles", columns=["id"]).column("id").to_pylist()
    assert len(ids) == len(set(ids)) == spark_out[1].new + 1


def test_without_java_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsgraph.spark import session

    monkeypatch.delenv("PYSPARK_GATEWAY_PORT", raising=False)
    monkeypatch.setattr(session, "java_found", lambda: False)
    with pytest.raises(SparkUnavailable, match=r"\[E070\].*default-jre-headless"):
        session.start("local[1]")
