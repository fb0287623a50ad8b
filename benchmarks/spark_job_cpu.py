"""The JVM's and the Python workers' CPU per Spark job, for a variant of the local session's settings.

    python benchmarks/spark_job_cpu.py [--master 'local[2]'] [--jobs 3] [--java-options '...'] [--conf k=v ...]

Runs the Spark job over one input file of the benchmark corpus (36 articles: a job's fixed
costs, not its pipeline) again and again in one session, after two warm-up jobs (the Python
workers load the pipeline, the JVM compiles its hot code), and prints each job's CPU from
/proc: the JVM's is mostly what a job costs besides the pipeline (planning, scheduling,
writing the Parquet tables). ``--java-options`` replaces the JVM options a local session
gets (``session._LOCAL_JVM_OPTIONS``); ``--conf`` adds Spark settings. Compare the median
of variants run one after another; run it under the shared benchmark lock.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from spark_bench import DEFAULT, _own_cpu, corpus, spark_cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--jobs", type=int, default=3)
    parser.add_argument("--java-options", help="JVM options of the local session instead of newsgraph's")
    parser.add_argument("--conf", action="append", default=[], help="a Spark setting, k=v (repeatable)")
    args = parser.parse_args()
    from newsgraph.spark import job, session

    if args.java_options is not None:
        session._LOCAL_JVM_OPTIONS = args.java_options
    if args.conf:
        os.environ["PYSPARK_SUBMIT_ARGS"] = " ".join(f"--conf {c}" for c in args.conf) + " pyspark-shell"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "in").mkdir()
        corpus([p for p in DEFAULT if p.exists()], 285, folder / "in")
        source = [str(folder / "in" / "part-0.jsonl")]
        spark = session.start(args.master)
        jvm = spark.sparkContext._gateway.proc.pid
        runs: list[tuple[float, float, float, float]] = []
        try:
            for warm in range(2):
                job.run(spark, source, str(folder / f"warm-{warm}"))
            for index in range(args.jobs):
                before, start, own = spark_cpu(jvm), time.perf_counter(), _own_cpu()
                job.run(spark, source, str(folder / f"out-{index}"))
                after = spark_cpu(jvm)
                runs.append(
                    (
                        time.perf_counter() - start,
                        after["jvm"] + after["jit"] - before["jvm"] - before["jit"],
                        after["python"] - before["python"],
                        _own_cpu() - own,
                    )
                )
        finally:
            spark.stop()
    jvm_cpu = sorted(run[1] for run in runs)
    python, driver, wall = (statistics.median(run[i] for run in runs) for i in (2, 3, 0))
    print(f"{args.master} java options {args.java_options or '(newsgraph)'} conf {args.conf or '(newsgraph)'}")
    print(
        f"  JVM CPU-s per job: median {statistics.median(jvm_cpu):.2f} (range {jvm_cpu[0]:.2f}-{jvm_cpu[-1]:.2f}); "
        f"Python workers {python:.1f}, driver {driver:.2f}, wall {wall:.1f} s; load average {os.getloadavg()[0]:.1f}"
    )


if __name__ == "__main__":
    main()
