"""Writing the job's Parquet tables so that running it again changes nothing.

Only what is new is appended: articles whose id is not in ``OUT/articles`` yet (the job
leaves stored ids out before extraction) and errors not written before. Tables are
partitioned by the article's published day. The articles table is written last: it is the
record of what is complete, so a run cut short is finished by the next one, and readers
who join other tables to it never see an article half written.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from newsgraph.spark.tables import PARTITION, TABLES, schema

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import DataFrame, SparkSession


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


def write_tables(
    spark: SparkSession, rows: RDD[tuple[str, tuple[Any, ...]]], read_errors: list[tuple[Any, ...]], out: str
) -> dict[str, int]:
    """Append each table's new rows (one pass per table that has any); how many rows each table got (errors: seen).

    ``read_errors`` are the readers' errors, gathered on the driver (they are few, and small).
    """
    counts = {table: 0 for table in TABLES}
    counts.update(rows.map(lambda row: row[0]).countByValue())
    counts["errors"] += len(read_errors)
    for table in TABLES:
        if not counts[table]:
            continue
        selected = rows.filter(partial(_in_table, table)).map(lambda row: row[1])
        if table == "errors" and read_errors:
            selected = selected.union(spark.sparkContext.parallelize(read_errors, 1))
        frame = spark.createDataFrame(selected, schema(table))
        if table != "errors":
            frame.write.mode("append").partitionBy(PARTITION).parquet(table_path(out, table))
        elif not (new := _new_errors(spark, frame, out).coalesce(1)).isEmpty():
            new.write.mode("append").parquet(table_path(out, table))
    return counts


def _in_table(table: str, row: tuple[str, Any]) -> bool:
    return row[0] == table


def _new_errors(spark: SparkSession, frame: DataFrame, out: str) -> DataFrame:
    """Errors not written by an earlier run (the same source and problem)."""
    frame = frame.dropDuplicates(["source", "problem"])
    before = existing(spark, out, "errors")
    if before is None:
        return frame
    return frame.join(before.select("source", "problem"), ["source", "problem"], "left_anti")
