"""Where a Spark job's wall time and CPU go, stage by stage: the JVM's and the Python workers' CPU.

    python benchmarks/spark_stages.py [--master 'local[2]'] [--files 7]

Writes the benchmark corpus (285 articles in eight JSON Lines files, as ``spark_bench.py``),
runs a warm-up job over the first file, then the measured job over the next ``--files``.
Meanwhile a thread reads the JVM's and the Python workers' CPU from /proc four times a
second, with the stages Spark reports running (``statusTracker``), and gives each interval
to that set of stages ("none": the driver between jobs). The pipeline's stage is the
longest. The poller's own CPU is the driver's, not counted here. Run it under the shared
benchmark lock.
"""

from __future__ import annotations

import argparse
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

from spark_bench import DEFAULT, corpus, spark_cpu

Sample = tuple[float, dict[str, float], tuple[int, ...]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--files", type=int, default=7, help="input files of the measured job (1 to 7)")
    args = parser.parse_args()
    from newsgraph.spark import job, session

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "in").mkdir()
        corpus([p for p in DEFAULT if p.exists()], 285, folder / "in")
        spark = session.start(args.master)
        jvm = spark.sparkContext._gateway.proc.pid
        tracker = spark.sparkContext.statusTracker()
        samples: list[Sample] = []
        stop = threading.Event()

        def poll() -> None:
            while not stop.is_set():
                samples.append((time.perf_counter(), spark_cpu(jvm), tuple(sorted(tracker.getActiveStageIds()))))
                stop.wait(0.25)

        try:
            job.run(spark, [str(folder / "in" / "part-0.jsonl")], str(folder / "warm"))
            poller = threading.Thread(target=poll, daemon=True)
            poller.start()
            paths = [str(folder / "in" / f"part-{index}.jsonl") for index in range(1, 1 + args.files)]
            report = job.run(spark, paths, str(folder / "out"))
            stop.set()
            poller.join()
        finally:
            spark.stop()
    stages: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for (start, before, running), (end, after, _) in zip(samples, samples[1:], strict=False):
        part = stages[", ".join(map(str, running)) or "none"]
        part[0] += end - start
        part[1] += after["jvm"] + after["jit"] - before["jvm"] - before["jit"]
        part[2] += after["python"] - before["python"]
    print(f"{args.master}, {report.new} articles; per set of running stages (in order of first sight):")
    print(f"{'stages':<28}{'wall s':>9}{'JVM CPU-s':>11}{'Python CPU-s':>14}")
    for name, (wall, jvm_cpu, python) in stages.items():
        print(f"{name:<28}{wall:>9.2f}{jvm_cpu:>11.2f}{python:>14.2f}")
    totals = [sum(part[i] for part in stages.values()) for i in range(3)]
    print(f"{'all':<28}{totals[0]:>9.2f}{totals[1]:>11.2f}{totals[2]:>14.2f}")


if __name__ == "__main__":
    main()
