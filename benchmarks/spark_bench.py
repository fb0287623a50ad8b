"""Spark's throughput against newsgraph's other ways of running, on the same articles.

    python benchmarks/spark_bench.py [PATHS...] [--articles 200] [--rounds 3 --lock /work/bench.lock]

Times, in one process and on the same texts: bare spaCy (``nlp.pipe``), single-process
``extract``, ``ingest -j 2`` into SQLite, and the Spark job (extraction plus Parquet) in
``local[1]`` and ``local[2]``. Texts are repeated under distinct urls (so distinct article
ids) until there are enough. ``extract`` is timed with its model loaded and its code run
once; likewise each Spark run starts its session and runs a warm-up job over one input file
(its Python workers load the pipeline, its JVM compiles its hot code) before the measured
job, and the warm-up is printed apart. ``ingest -j 2`` pays its workers' model loads.
Prints words/s and ratios, and the load average before and after: on a shared machine
other jobs' load distorts them. So it also prints each run's CPU time (Spark's JVM, its JIT
compiler and its Python workers apart, read from /proc); CPU time moves with the load
too (shared caches), so compare ratios within one run. For every run it prints what other
jobs on the machine used meanwhile (noise) and the core-seconds nobody used (the run's own
waiting), from /proc/stat, and it ends with the issue's aims in wall and in CPU time.
With ``--rounds N`` every run is timed N times, in alternate orders, each ratio taken within
its round, and the median and range of each ratio end the output; ``--lock FILE`` holds an
flock on FILE during each round only, so that other jobs sharing the lock run between rounds
and none during one.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from newsgraph.ingest import read_paths
from newsgraph.model import Article
from newsgraph.pipeline import Extractor, load_model
from newsgraph.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [ROOT.parent / "shared" / "data" / "polnear" / "dev" / "text", ROOT / "examples"]
FILES = 8
CORES = os.cpu_count() or 1


def corpus(paths: list[Path], count: int, folder: Path) -> list[Article]:
    """At least ``count`` distinct articles written as JSON Lines files under ``folder``; also returned."""
    texts = [a for a in read_paths(paths, on_error=lambda _: None)]
    articles: list[Article] = []
    copy = 0
    while len(articles) < count:
        articles += [
            Article(
                text=a.text,
                title=a.title,
                published=a.published or "2024-03-01",
                url=f"https://bench.example/{copy}/{n}",
            )
            for n, a in enumerate(texts)
        ]
        copy += 1
    for index in range(FILES):
        with (folder / f"part-{index}.jsonl").open("w", encoding="utf-8") as out:
            for article in articles[index::FILES]:
                out.write(json.dumps(article.to_dict()) + "\n")
    return articles


Timing = tuple[float, float, float]  # wall seconds, CPU-s of every process the run used, CPU-s the machine used


def timed(label: str, run: object) -> Timing:
    print(f"  timing {label}…", file=sys.stderr, flush=True)
    start, cpu, busy = time.perf_counter(), _own_cpu(), machine_busy()
    deque(run() if callable(run) else run, maxlen=0)  # type: ignore[arg-type]
    return time.perf_counter() - start, _own_cpu() - cpu, machine_busy() - busy


def machine_busy() -> float:
    """CPU-seconds every process on the machine has used since boot (/proc/stat: all but idle and iowait).

    Against a run's own CPU time it tells the two things a slow run may suffer from apart:
    CPU other jobs took during the run (noise) and cores nobody used (the run's own idle time).
    """
    fields = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return (sum(fields[:8]) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")


def _own_cpu() -> float:
    """CPU-seconds of this process (all its threads) and of its children that have ended (ingest's workers)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _stats() -> dict[int, list[str]]:
    """Fields after the command name of /proc/PID/stat, for every process."""
    stats: dict[int, list[str]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stats[int(entry.name)] = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
    return stats


def _cpu(fields: list[str], children: bool = True) -> float:
    """utime + stime (+ cutime + cstime) in seconds."""
    return sum(int(value) for value in fields[11 : 15 if children else 13]) / os.sysconf("SC_CLK_TCK")


def spark_cpu(jvm: int) -> dict[str, float]:
    """CPU-seconds so far of Spark's JVM (its JIT compiler threads apart) and of the Python workers it forked.

    Spark's JVM and its workers are not this process's children, so their CPU is read from
    /proc (Linux); a busy machine slows a run's wall time but hardly its CPU time.
    """
    stats = _stats()
    compiler = 0.0
    for task in Path(f"/proc/{jvm}/task").iterdir():
        try:
            text = (task / "stat").read_text()
        except OSError:
            continue
        if "CompilerThre" in text.split(")", 1)[0]:
            compiler += _cpu(text.rsplit(")", 1)[1].split(), children=False)
    kids: dict[int, list[int]] = {}
    for pid, fields in stats.items():
        kids.setdefault(int(fields[1]), []).append(pid)
    workers, todo = 0.0, list(kids.get(jvm, []))
    while todo:
        pid = todo.pop()
        workers += _cpu(stats[pid])  # with its ended children: workers that quit
        todo.extend(kids.get(pid, []))
    return {"jvm": _cpu(stats[jvm], children=False) - compiler, "jit": compiler, "python": workers}


SparkTiming = tuple[Timing, Timing, dict[str, float]]  # warm-up job, measured job, CPU by part


def python_workers(jvm: int) -> set[int]:
    """The pids of the Python processes Spark's JVM forked (its daemon and workers), as they are now."""
    stats = _stats()
    found, todo = set(), [pid for pid, fields in stats.items() if int(fields[1]) == jvm]
    while todo:
        pid = todo.pop()
        found.add(pid)
        todo.extend(child for child, fields in stats.items() if int(fields[1]) == pid)
    return found


def spark_run(master: str, folder: Path) -> SparkTiming:
    """A warm-up job over one input file, then the measured job over all, in one session.

    ``extract`` is timed with its model loaded and its code run once; the warm-up job does
    the same for Spark (each Python worker loads the pipeline, the JVM compiles its hot
    code), and its time is reported apart, as Spark's start of work. Also counts the Python
    processes the measured job started: none, when every task ran in a worker the warm-up
    loaded (``spark.python.worker.reuse``).
    """
    from newsgraph.spark import job, session

    spark = session.start(master)
    jvm = spark.sparkContext._gateway.proc.pid
    name = master[6:-1]
    timings: list[Timing] = []
    parts: dict[str, float] = {}
    workers: list[set[int]] = []
    try:
        for label, paths in (("warm", [folder / "in" / "part-0.jsonl"]), ("run", [folder / "in"])):
            before = spark_cpu(jvm)
            start, cpu, busy = time.perf_counter(), _own_cpu(), machine_busy()
            report = job.run(spark, [str(p) for p in paths], str(folder / f"out-{name}-{label}"))
            after = spark_cpu(jvm)
            workers.append(python_workers(jvm))
            parts = {part: after[part] - before[part] for part in after}
            seconds = time.perf_counter() - start
            timings.append((seconds, _own_cpu() - cpu + sum(parts.values()), machine_busy() - busy))
            assert report.new > 0 and not report.failed, report
    finally:
        spark.stop()
        for label in ("warm", "run"):
            shutil.rmtree(folder / f"out-{name}-{label}", ignore_errors=True)
    parts["processes"] = len(workers[1])
    parts["started"] = len(workers[1] - workers[0])
    return timings[0], timings[1], parts


Runs = dict[str, Timing]


def one_round(
    folder: Path, articles: list[Article], bare: Any, extractor: Extractor, backwards: bool
) -> tuple[Runs, dict[str, Timing], dict[str, dict[str, float]]]:
    """Every way of running, timed once over the same articles; ``backwards`` reverses their order.

    Rounds alternate the order, so a machine that grows busier or quieter during a round
    does not favour whichever run comes first.
    """
    settings = Settings()
    texts = [a.text for a in articles]

    def ingest() -> list[object]:
        from newsgraph.store import Store

        (folder / "bench.db").unlink(missing_ok=True)
        with Store(f"sqlite:///{folder / 'bench.db'}") as store:
            return [store.ingest([folder / "in"], extractor=Extractor(Settings(n_process=2)))]

    steps: list[tuple[str, Callable[[], object]]] = [
        ("spacy", lambda: timed("bare spaCy", lambda: bare.pipe(texts, batch_size=settings.batch_size))),
        ("extract", lambda: timed("extract (1 process)", lambda: extractor.extract_many(articles))),
        ("ingest -j 2", lambda: timed("ingest -j 2", ingest)),
        ("spark local[1]", lambda: spark_run("local[1]", folder)),
        ("spark local[2]", lambda: spark_run("local[2]", folder)),
    ]
    runs: Runs = {}
    warm: dict[str, Timing] = {}
    parts: dict[str, dict[str, float]] = {}
    for name, step in reversed(steps) if backwards else steps:
        if name.startswith("spark"):
            print(f"  timing {name}…", file=sys.stderr, flush=True)
        result = step()
        if name.startswith("spark"):
            warm[name], runs[name], parts[name] = result  # type: ignore[misc]
        else:
            runs[name] = result  # type: ignore[assignment]
    return {name: runs[name] for name, _ in steps}, warm, parts


@contextmanager
def held(lock: Path | None) -> Iterator[None]:
    """The shared benchmark lock for one round (none without ``--lock``): other jobs wait while it runs."""
    if lock is None:
        yield
        return
    with lock.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, default=DEFAULT)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=1, help="rounds, alternately in opposite orders")
    parser.add_argument("--lock", type=Path, help="a file to flock for each round (released between rounds)")
    args = parser.parse_args()
    settings = Settings()
    rounds: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "in").mkdir()
        articles = corpus([p for p in args.paths if p.exists()], args.articles, folder / "in")
        words = sum(len(a.text.split()) for a in articles)
        # Both sides are timed with their models loaded: extract's here, Spark's by its warm-up job.
        bare = load_model(settings.model)
        extractor = Extractor(settings)
        deque(extractor.extract_many(articles[:5]), maxlen=0)
        for index in range(args.rounds):
            with held(args.lock):
                before = os.getloadavg()
                runs, warm, parts = one_round(folder, articles, bare, extractor, backwards=index % 2 == 1)
                after = os.getloadavg()
            print(f"\nround {index + 1} of {args.rounds}" + (" (in reverse order)" if index % 2 else ""))
            print(f"load average (1, 5, 15 min) before: {_load(before)}  after: {_load(after)} (2 busy cores = 2.0)")
            print(f"{len(articles)} articles, {words:,} words, {CORES} cores")
            table(runs, words)
            for master, part in parts.items():
                print(
                    f"  {master} CPU-s: JVM {part['jvm']:.1f}, its JIT compiler {part['jit']:.1f}, "
                    f"Python workers {part['python']:.1f} ({part['processes']:.0f} Python processes, "
                    f"{part['started']:.0f} started by the measured job); before it, the warm-up job "
                    f"({len(articles[::FILES])} articles: model loads, JVM start of work) {warm[master][0]:.1f} s, "
                    f"{warm[master][1]:.1f} CPU-s"
                )
            rounds.append(report(runs, warm))
    if len(rounds) > 1:
        print(f"\nmedian of {len(rounds)} rounds (each ratio within its round), and the range:")
        for key in rounds[0]:
            values = sorted(r[key] for r in rounds)
            print(f"  {key:<44} {statistics.median(values):.2f}x  ({values[0]:.2f}-{values[-1]:.2f})")


def table(runs: Runs, words: int) -> None:
    header = ("run", "seconds", "words/s", "CPU-s", "words/CPU-s", "others CPU-s", "idle core-s")
    print(f"{header[0]:<16}" + "".join(f"{title:>13}" for title in header[1:]))
    for name, (wall, cpu, busy) in runs.items():
        others, idle = max(busy - cpu, 0.0), max(CORES * wall - busy, 0.0)
        figures = (f"{wall:.1f}", f"{words / wall:,.0f}", f"{cpu:.1f}", f"{words / cpu:,.0f}", f"{others:.1f}")
        print(f"{name:<16}" + "".join(f"{figure:>13}" for figure in (*figures, f"{idle:.1f}")))
    print(
        "  (others CPU-s: what other jobs on the machine used during the run, i.e. noise; idle core-s: "
        "cores nobody used, i.e. the run's own waiting)"
    )


def report(runs: Runs, warm: dict[str, Timing]) -> dict[str, float]:
    """The issue's three aims, each in wall time and in CPU time; the ratios, by name."""
    s = {name: wall for name, (wall, _, _) in runs.items()}
    c = {name: cpu for name, (_, cpu, _) in runs.items()}
    one, two, ingest = "spark local[1]", "spark local[2]", "ingest -j 2"
    ratios = {
        "extract / bare spaCy, wall": s["spacy"] / s["extract"],
        "local[2] / local[1], wall (aim >= 1.8)": s[one] / s[two],
        "local[2] / ingest -j 2, wall (aim >= 0.9)": s[ingest] / s[two],
        "local[2] / ingest -j 2, CPU": c[ingest] / c[two],
        "local[1] per core / extract, wall (aim >= 0.85)": s["extract"] / s[one],
        "local[1] per core / extract, CPU": c["extract"] / c[one],
        "local[2] per core / extract, wall (aim >= 0.85)": s["extract"] / (2 * s[two]),
        "local[2] per core / extract, CPU": c["extract"] / c[two],
    }

    def line(label: str, text: str) -> None:
        print(f"{label + ':':<41} {text}")

    line("extract / bare spaCy (speed)", f"{s['spacy'] / s['extract']:.2f}x wall, {c['spacy'] / c['extract']:.2f}x CPU")
    line(
        "spark local[2] / local[1] (speedup)",
        f"{s[one] / s[two]:.2f}x wall (aim >= 1.8x); cores kept busy: local[2] {c[two] / s[two]:.2f}, "
        f"local[1] {c[one] / s[one]:.2f}; CPU local[2] / local[1] {c[two] / c[one]:.2f}",
    )
    line(
        "spark local[2] / ingest -j 2 (speed)",
        f"{s[ingest] / s[two]:.2f}x wall (aim >= 0.9x), {c[ingest] / c[two]:.2f}x CPU",
    )
    cold = s[two] + warm[two][0]
    line("  the same with local[2]'s warm-up job", f"{s[ingest] / cold:.2f}x (ingest's workers load the model)")
    for name, cores in ((one, 1), (two, 2), (ingest, 2)):
        aim = "" if name == ingest else " (aim >= 0.85x)"
        line(
            f"{name} per core / extract",
            f"{s['extract'] / (cores * s[name]):.2f}x wall, {c['extract'] / c[name]:.2f}x CPU{aim}",
        )
    return ratios


def _load(averages: tuple[float, float, float]) -> str:
    return " ".join(f"{value:.1f}" for value in averages)


if __name__ == "__main__":
    main()
