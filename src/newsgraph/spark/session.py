"""Starting Spark: the session a command runs in, with a clear error where Spark or Java is missing."""

from __future__ import annotations

import os
import shutil
import sys
from typing import TYPE_CHECKING

from newsgraph.errors import SparkUnavailable

if TYPE_CHECKING:
    from pyspark.sql import SparkSession


# For a local session, whose JVM is both driver and executor: only the quick JIT compiler (C1), and
# the serial garbage collector, which the JVM itself picks for small machines: G1's concurrent
# threads took CPU from the Python workers on the same cores for a heap of a few hundred MB
# (measured: the JVM's CPU during a local[1] pipeline stage over 72 articles, 0.44 -> 0.20 s;
# over a whole job of 36 articles in local[2], 2.52 -> 2.31 s, median of three).
_LOCAL_JVM_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"


def java_found() -> bool:
    """Whether a Java runtime can be started (on PATH or under JAVA_HOME)."""
    home = os.environ.get("JAVA_HOME")
    return bool(shutil.which("java") or (home and os.path.exists(os.path.join(home, "bin", "java"))))


def under_spark_submit() -> bool:
    """spark-submit starts the JVM itself and tells Python where to find it."""
    return "PYSPARK_GATEWAY_PORT" in os.environ


def start(master: str | None = None, app_name: str = "newsgraph") -> SparkSession:
    """A session on ``master`` (default: the one spark-submit gives, else local[*] on this machine)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise SparkUnavailable("pyspark is not installed") from None
    if not under_spark_submit() and not java_found():
        raise SparkUnavailable("no Java runtime found")
    # newsgraph prints its own progress line; Spark's would garble it.
    builder = SparkSession.builder.appName(app_name).config("spark.ui.showConsoleProgress", "false")
    if master is not None or not under_spark_submit():
        master = master or "local[*]"
        builder = builder.master(master)
        if master.startswith("local"):
            # Local workers must run the Python that has newsgraph and its model installed.
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
            builder = builder.config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "8")
            # The JVM's optimising compiler (C2) spent more CPU compiling than the JVM spent running
            # Spark's side of a local job (measured: 17 of 32 JVM CPU-s over 190 articles), and it
            # competes with the Python workers for the same cores; the quick compiler alone does
            # the JVM's small share of the work (reading, shuffling, writing Parquet) well enough.
            builder = builder.config("spark.driver.extraJavaOptions", _LOCAL_JVM_OPTIONS)
    try:
        session = builder.getOrCreate()
    except Exception as error:  # noqa: BLE001 - py4j and pyspark raise several kinds when the JVM cannot start
        raise SparkUnavailable(f"{type(error).__name__}: {error}") from error
    session.sparkContext.setLogLevel("ERROR")
    return session
