"""Concurrent writers into one PostgreSQL store: the same articles stored by 1 writer, then by 2 (or more).

    python benchmarks/pg_writers_bench.py --db postgresql://… [PATHS...] [--articles 300] [--writers 2]

The articles are extracted once, before any timing; each run then starts from an empty
database and its writers (separate processes, each its own Store, as several ``ingest``
processes or loaders are) store an equal share of them at once. Prints articles/s per
run, the speedup of N writers over one, and the load average (the machine may be shared).
The database named is emptied.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import time
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from newsgraph.ingest import read_paths
from newsgraph.model import Article, Extraction
from newsgraph.pipeline import Extractor
from newsgraph.store import Store

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [ROOT.parent / "shared" / "data" / "polnear" / "dev" / "text", ROOT / "examples"]


def extractions(paths: list[Path], count: int, kept: Path | None) -> list[Extraction]:
    """``count`` extractions of distinct articles: the texts again under other urls until there are enough.

    With ``kept``, the extractions are read from that JSON Lines file when it exists, else written to it.
    """
    if kept is not None and kept.exists():
        extracted: list[Any] = [Extraction.from_dict(json.loads(line)) for line in kept.open(encoding="utf-8")]
    else:
        texts = list(read_paths(paths, on_error=lambda _: None))
        extracted = list(Extractor().extract_many(texts))
        if kept is not None:
            with kept.open("w", encoding="utf-8") as out:
                out.writelines(json.dumps(e.to_dict()) + "\n" for e in extracted if isinstance(e, Extraction))
    found: list[Extraction] = []
    copy = 0
    while len(found) < count:
        for n, done in enumerate(extracted):
            if isinstance(done, Extraction) and len(found) < count:
                a = done.article
                url = f"https://bench.example/{copy}/{n}"
                article = Article(text=a.text, title=a.title, published=a.published or "2024-03-01", url=url)
                found.append(Extraction.from_dict({**done.to_dict(), "article": article.to_dict()}))
        copy += 1
    return found


def empty(url: str) -> None:
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP SCHEMA public CASCADE")
        connection.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()
    Store(url).close()


def write(url: str, share: list[Extraction]) -> int:
    with Store(url) as store:
        return sum(store.add(extraction) for extraction in share)


def timed(url: str, found: list[Extraction], writers: int) -> float:
    empty(url)
    shares = [found[i::writers] for i in range(writers)]
    with multiprocessing.get_context("fork").Pool(writers) as pool:
        start = time.perf_counter()
        stored = sum(pool.starmap(write, [(url, share) for share in shares]))
        seconds = time.perf_counter() - start
    assert stored == len(found), (stored, len(found))
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, default=DEFAULT)
    parser.add_argument("--db", required=True, help="a PostgreSQL URL (its database is emptied)")
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--writers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--kept", type=Path, help="JSON Lines of the extractions, reused by later runs")
    args = parser.parse_args()
    found = extractions([p for p in args.paths if p.exists()], args.articles, args.kept)
    print(f"load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    best: dict[int, float] = {}
    for _ in range(args.rounds):
        for writers in (1, args.writers):
            seconds = timed(args.db, found, writers)
            best[writers] = min(best.get(writers, seconds), seconds)
    print(f"{len(found)} articles into PostgreSQL, best of {args.rounds} rounds")
    for writers, seconds in best.items():
        print(f"{writers} writer(s): {seconds:6.1f} s  {len(found) / seconds:6.1f} articles/s")
    print(f"{args.writers} writers / 1 writer (speedup): {best[1] / best[args.writers]:.2f}x")
    print(f"load average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
