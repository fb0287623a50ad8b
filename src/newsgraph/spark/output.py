"""Writing the job's Parquet tables so that running it again changes nothing.

Only what is new is appended: articles whose id is not in ``OUT/articles`` yet (the job
leaves stored ids out before extraction) and errors not written before. Tables are
partitioned by the article's published day. The articles table is written last: it is the
record of what is complete, so a run cut short is finished by the next one, and readers
who join other tables to it never see an article half written.
"""

from __future__ import annotations

import math
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from newsgraph.spark.tables import CHILD_TABLES, PARTITION, TABLES, schema

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import DataFrame, SparkSession

# 100 to 300 MB of article rows before compression, about half that in the file (an article's whole
# extraction is most of its row: 11 KB for the sample articles of 240 words, 4.6 KB compressed).
ARTICLES_PER_FILE = 10_000


def table_path(out: str, table: str) -> str:
    return f"{out.rstrip('/')}/{table}"


def existing(spark: SparkSession, out: str, table: str) -> DataFrame | None:
    """A table written by an earlier run, or None on the first."""
    from pyspark.errors import AnalysisException

    try:
        return spark.read.parquet(table_path(out, table))
    except AnalysisException:
        return None


def stored_ids(spark: SparkSession, out: str) -> RDD[tuple[str, None]] | None:
    """Ids of the articles earlier runs wrote, keyed for ``subtractByKey``."""
    stored = existing(spark, out, "articles")
    return None if stored is None else stored.select("id").rdd.map(lambda row: (row[0], None))


def file_count(articles: int, cores: int) -> int:
    """Files a table gets per day: one per ``ARTICLES_PER_FILE`` new articles, at most two a core.

    Each file costs its write task a Parquet writer's set-up, which reads the whole Hadoop
    configuration (measured with JFR in a local[2] job over 36 articles: writing 28 files,
    four per table, was a third of the JVM's CPU); and many small files slow every reader.
    """
    return max(1, min(2 * cores, math.ceil(articles / ARTICLES_PER_FILE)))


def write_tables(
    spark: SparkSession, records: DataFrame, read_errors: list[tuple[Any, ...]], out: str, cores: int
) -> dict[str, int]:
    """Append each table's new rows; how many rows each table got (errors: seen).

    ``records`` holds one Record per article (``tables.record_schema``), persisted by the
    caller: it is counted in one pass, and each table is exploded out of it on the JVM,
    so no row goes back through Python. ``read_errors`` are the readers' errors, gathered
    on the driver (they are few, and small). The pipeline cuts the articles into many small
    partitions; each table is written from a few of them merged (``file_count``), read from
    the persisted records.
    """
    from pyspark.sql import functions as F

    sizes = records.select(*[F.sum(F.size(table)).alias(table) for table in TABLES]).first()
    counts = {table: int((sizes[table] if sizes is not None else 0) or 0) for table in TABLES}
    counts["errors"] += len(read_errors)
    merged = records.coalesce(file_count(counts["articles"], cores))

    def write(table: str) -> None:
        table_rows(merged, table).write.mode("append").partitionBy(PARTITION).parquet(table_path(out, table))

    # The child tables' writes are small jobs whose start and commit leave cores idle: run at once,
    # one job's tasks fill the cores while another commits. Articles only after all of them.
    with ThreadPoolExecutor(len(CHILD_TABLES)) as pool:
        deque(pool.map(write, [table for table in CHILD_TABLES if counts[table]]), maxlen=0)
    if counts["articles"]:
        write("articles")
    if counts["errors"]:
        frame = table_rows(merged, "errors")
        if read_errors:
            frame = frame.unionByName(spark.createDataFrame(read_errors, schema("errors")))
        if not (new := _new_errors(spark, frame, out).coalesce(1)).isEmpty():
            new.write.mode("append").parquet(table_path(out, "errors"))
    return counts


def table_rows(records: DataFrame, table: str) -> DataFrame:
    """One table's rows, cut out of the Records on the JVM."""
    from pyspark.sql import functions as F

    return records.select(F.explode(table).alias("row")).select("row.*")


def _new_errors(spark: SparkSession, frame: DataFrame, out: str) -> DataFrame:
    """Errors not written by an earlier run (the same source and problem)."""
    frame = frame.dropDuplicates(["source", "problem"])
    before = existing(spark, out, "errors")
    if before is None:
        return frame
    return frame.join(before.select("source", "problem"), ["source", "problem"], "left_anti")
