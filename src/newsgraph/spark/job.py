"""The Spark job: read inputs on the executors, drop articles already written, extract, write Parquet.

Articles are keyed by id and reduced to their first occurrence in ingest's order, so a
copy in another file, another partition or an earlier run is extracted once. The
partitions that reach the pipeline hold about a batch of articles each, ranked by length
and longest first (``balance.py``), so that the cores finish the stage together whatever
the sizes of the input files and of the articles.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any

from newsgraph.errors import InputError
from newsgraph.settings import Settings
from newsgraph.spark.balance import histogram, partition_count, text_length, unique_longest_first
from newsgraph.spark.inputs import Inputs, list_inputs, read_fetched, read_local
from newsgraph.spark.output import stored_ids, table_rows, write_tables
from newsgraph.spark.partition import extract_partition
from newsgraph.spark.tables import error_row, record_schema

if TYPE_CHECKING:
    from pyspark import RDD, SparkContext
    from pyspark.sql import DataFrame, SparkSession


@dataclass
class SparkReport:
    """What a run did: articles written, already there (or repeated in the input), failures, words."""

    new: int = 0
    existing: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    words: int = 0
    seconds: float = 0.0
    rows: dict[str, int] = field(default_factory=dict)


@dataclass
class SparkProgress:
    """Told to the progress callback about once a second while the job runs."""

    done: int
    words: int
    failed: int
    tasks_done: int
    tasks: int
    seconds: float


ProgressCallback = Callable[[SparkProgress], None]
# Failures listed in the summary; the errors table holds them all.
_LISTED = 1000


def _first(a: tuple[Any, str], b: tuple[Any, str]) -> tuple[Any, str]:
    """Of two copies of an article, the one ingest would have read first."""
    return a if a[0] <= b[0] else b


def _read(sc: SparkContext, inputs: Inputs, published: str | None, max_chars: int) -> RDD[Any]:
    parts = []
    if inputs.files:
        files = sc.parallelize(inputs.files, len(inputs.files))
        parts.append(files.flatMap(lambda item: read_local(item, published, max_chars)))
    for seq, uri in inputs.uris:
        fetched = sc.binaryFiles(uri)
        parts.append(fetched.flatMap(partial(read_fetched, seq=seq, published=published, max_chars=max_chars)))
    missing = [("error", error_row(path, "no such file or folder", InputError.code, "read")) for path in inputs.missing]
    if missing:
        parts.append(sc.parallelize(missing, 1))
    return sc.union(parts) if parts else sc.emptyRDD()


def _survey(read: RDD[Any]) -> tuple[list[tuple[Any, ...]], Counter[int]]:
    """The readers' errors rows and the histogram of the articles' text lengths, in one pass over what was read."""

    def summary(items: Iterable[Any]) -> Iterator[tuple[list[tuple[Any, ...]], Counter[int]]]:
        errors, lengths = [], []
        for kind, payload in items:
            if kind == "error":
                errors.append(payload[1])
            else:
                lengths.append(text_length(payload[2]))
        yield errors, histogram(lengths)

    errors: list[tuple[Any, ...]] = []
    counts: Counter[int] = Counter()
    for part_errors, part_counts in read.mapPartitions(summary).collect():
        errors += part_errors
        counts.update(part_counts)
    return errors, counts


def _extract_errors(records: DataFrame, count: int) -> list[tuple[Any, ...]]:
    """The first of the pipeline's errors rows, to list; no Spark job when the counts say there are none."""
    if not count:
        return []
    return [tuple(row) for row in table_rows(records, "errors").limit(_LISTED).collect()]


def run(
    spark: SparkSession,
    paths: Iterable[str],
    out: str,
    published: str | None = None,
    partitions: int | None = None,
    progress: ProgressCallback | None = None,
) -> SparkReport:
    """Extract every article under ``paths`` into Parquet tables under ``out``."""
    from pyspark import StorageLevel

    started = time.perf_counter()
    sc = spark.sparkContext
    settings = Settings()
    read = _read(sc, list_inputs(paths), published, settings.max_chars).persist(StorageLevel.MEMORY_AND_DISK)
    found = read.filter(lambda item: item[0] == "article").map(lambda item: (item[1][0], item[1][1:]))
    counters = (sc.accumulator(0), sc.accumulator(0), sc.accumulator(0))
    with _Watch(sc, counters, progress, started):
        read_errors, lengths = _survey(read)
        articles_found = sum(lengths.values())
        stored = stored_ids(spark, out)
        fresh = found if stored is None else found.subtractByKey(stored, 2 * sc.defaultParallelism)
        partitions = partitions or partition_count(articles_found, sc.defaultParallelism, settings.batch_size)
        unique = unique_longest_first(fresh, lengths, partitions, _first)
        extracted = unique.mapPartitions(lambda records: extract_partition(records, counters))
        records = spark.createDataFrame(extracted, record_schema(), verifySchema=False)
        records = records.persist(StorageLevel.MEMORY_AND_DISK)
        counts = write_tables(spark, records, read_errors, out, sc.defaultParallelism)
        extract_errors = _extract_errors(records, counts["errors"] - len(read_errors))
    records.unpersist()
    read.unpersist()
    failed = [(row[0], row[1]) for row in [*read_errors, *extract_errors][:_LISTED]]
    return SparkReport(
        new=counts["articles"],
        existing=articles_found - counts["articles"] - (counts["errors"] - len(read_errors)),
        failed=failed,
        words=int(counters[1].value),
        seconds=time.perf_counter() - started,
        rows=counts,
    )


class _Watch:
    """A driver thread that tells the progress callback what finished tasks have counted."""

    def __init__(self, sc: SparkContext, counters: Any, progress: ProgressCallback | None, started: float) -> None:
        self.sc, self.counters, self.progress, self.started = sc, counters, progress, started
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._loop, daemon=True)

    def __enter__(self) -> _Watch:
        if self.progress is not None:
            self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop.set()
        if self.thread.is_alive():
            self.thread.join()

    def _loop(self) -> None:
        assert self.progress is not None
        tracker = self.sc.statusTracker()
        while not self.stop.wait(1.0):
            stages = [s for i in tracker.getActiveStageIds() if (s := tracker.getStageInfo(i)) is not None]
            done, words, failed = (int(c.value) for c in self.counters)
            self.progress(
                SparkProgress(
                    done,
                    words,
                    failed,
                    sum(s.numCompletedTasks for s in stages),
                    sum(s.numTasks for s in stages),
                    time.perf_counter() - self.started,
                )
            )
