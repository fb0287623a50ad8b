"""What the Spark job reads, without Spark: listing inputs in ingest's order, and reading one fetched file."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from tests.conftest import EXAMPLES
from tests.test_bad_input import cut_after_records, warc_gz

from newsgraph.ingest import iter_files
from newsgraph.spark.inputs import list_inputs, read_fetched, read_local

MAX = 1_000_000


def test_inputs_are_listed_in_ingest_order_with_globs_uris_and_missing_paths() -> None:
    inputs = list_inputs([str(EXAMPLES), f"{EXAMPLES}/0[12]_*", "s3a://bucket/cc-news/*.warc.gz", "nothing/here"])
    files = [path for _, path in inputs.files]
    expected = [str(p) for p in iter_files([EXAMPLES])]
    assert files[: len(expected)] == expected  # README.md and expected.json left out, as ingest does
    assert [Path(p).name[:2] for p in files[len(expected) :]] == ["01", "02"]
    assert [seq for seq, _ in inputs.files] == list(range(len(files)))
    assert inputs.uris == [(len(files), "s3a://bucket/cc-news/*.warc.gz")]
    assert inputs.missing == ["nothing/here"]


def test_a_fetched_warc_cut_short_gives_its_whole_records_and_one_error_row() -> None:
    items = list(read_fetched(("hdfs:///crawl/cut.warc.gz", cut_after_records(warc_gz(3), kept=2)), 7, None, MAX))
    articles = [item for kind, item in items if kind == "article"]
    errors = [item for kind, item in items if kind == "error"]
    assert [order for _, order, _ in articles] == [
        (7, "hdfs:///crawl/cut.warc.gz", 0),
        (7, "hdfs:///crawl/cut.warc.gz", 1),
    ]
    assert json.loads(articles[0][2])["url"] == "https://port-news.example/0"
    assert errors == [
        ("errors", ("hdfs:///crawl/cut.warc.gz", "truncated gzip stream after 2 records", "E010", "read", None))
    ]


def test_a_parquet_table_of_articles_is_read_row_by_row(tmp_path: Path) -> None:
    rows = [
        {"text": "The mayor of Dunmore said on Monday the ferry would run.", "url": "https://x.example/1"},
        {"title": "no text"},
    ]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "articles.parquet")
    items = list(read_local((0, str(tmp_path / "articles.parquet")), "2024-05-01", MAX))
    (article,) = [json.loads(item[2]) for kind, item in items if kind == "article"]
    assert (article["url"], article["published"]) == ("https://x.example/1", "2024-05-01")
    assert [item[1][1] for kind, item in items if kind == "error"] == ["no 'text' field in the record"]
