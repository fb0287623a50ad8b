"""Spark's throughput against newsgraph's other ways of running, on the same articles.

    python benchmarks/spark_bench.py [PATHS...] [--articles 200]

Times, in one process and on the same texts: bare spaCy (``nlp.pipe``), single-process
``extract``, ``ingest -j 2`` into SQLite, and the Spark job (extraction plus Parquet) in
``local[1]`` and ``local[2]``. Texts are repeated under distinct urls (so distinct article
ids) until there are enough. Every run that starts workers pays their model load, as a real
run does; Spark's session start is left out (a cluster keeps one). Prints words/s and ratios,
and the load average before and after: on a shared machine other jobs' load distorts them.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections import deque
from pathlib import Path

from newsgraph.ingest import read_paths
from newsgraph.model import Article
from newsgraph.pipeline import Extractor, load_model
from newsgraph.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [ROOT.parent / "shared" / "data" / "polnear" / "dev" / "text", ROOT / "examples"]
FILES = 8


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


def timed(label: str, run: object) -> float:
    print(f"  timing {label}…", file=sys.stderr, flush=True)
    start = time.perf_counter()
    deque(run() if callable(run) else run, maxlen=0)
    return time.perf_counter() - start


def spark_seconds(master: str, folder: Path) -> float:
    from newsgraph.spark import job, session

    spark = session.start(master)
    try:
        start = time.perf_counter()
        report = job.run(spark, [str(folder / "in")], str(folder / f"out-{master[6:-1]}"))
        seconds = time.perf_counter() - start
        assert report.new > 0 and not report.failed, report
    finally:
        spark.stop()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, default=DEFAULT)
    parser.add_argument("--articles", type=int, default=200)
    args = parser.parse_args()
    settings = Settings()
    before = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "in").mkdir()
        articles = corpus([p for p in args.paths if p.exists()], args.articles, folder / "in")
        texts = [a.text for a in articles]
        words = sum(len(t.split()) for t in texts)
        bare = load_model(settings.model)
        extractor = Extractor(settings)
        deque(extractor.extract_many(articles[:5]), maxlen=0)
        seconds = {"spacy": timed("bare spaCy", lambda: bare.pipe(texts, batch_size=settings.batch_size))}
        seconds["extract"] = timed("extract (1 process)", lambda: extractor.extract_many(articles))

        def ingest() -> list[object]:
            from newsgraph.store import Store

            with Store(f"sqlite:///{folder / 'bench.db'}") as store:
                return [store.ingest([folder / "in"], extractor=Extractor(Settings(n_process=2)))]

        seconds["ingest -j 2"] = timed("ingest -j 2", ingest)
        for master in ("local[1]", "local[2]"):
            print(f"  timing spark {master}…", file=sys.stderr, flush=True)
            seconds[f"spark {master}"] = spark_seconds(master, folder)
    print(f"load average (1, 5, 15 min) before: {_load(before)}  after: {_load(os.getloadavg())} (2 busy cores = 2.0)")
    print(f"{len(articles)} articles, {words:,} words")
    print(f"{'run':<16} {'seconds':>8} {'words/s':>9}")
    for name, value in seconds.items():
        print(f"{name:<16} {value:>8.1f} {words / value:>9,.0f}")
    s = seconds
    print(f"extract / bare spaCy (speed):           {s['spacy'] / s['extract']:.2f}x")
    print(f"spark local[2] / local[1] (speedup):    {s['spark local[1]'] / s['spark local[2]']:.2f}x")
    print(f"spark local[2] / ingest -j 2 (speed):   {s['ingest -j 2'] / s['spark local[2]']:.2f}x")
    print(f"spark local[1] / extract (per core):    {s['extract'] / s['spark local[1]']:.2f}x")
    print(f"spark local[2] per core / extract:      {s['extract'] / (2 * s['spark local[2]']):.2f}x")


def _load(averages: tuple[float, float, float]) -> str:
    return " ".join(f"{value:.1f}" for value in averages)


if __name__ == "__main__":
    main()
