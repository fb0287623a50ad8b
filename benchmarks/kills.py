"""Kill `newsgraph ingest` with SIGKILL at random moments, finish the run, and compare with a clean ingest.

Each trial starts an ingest of a generated corpus into a fresh SQLite store, kills it
(the parent only, as `kill -9 PID` would) at a random moment once it has stored
something, runs the ingest again to the end, and compares the store with one that was
never killed: articles lost, articles whose rows differ (a duplicate or a missing
quote, mention, figure, date or entity link), orphan rows (PRAGMA foreign_key_check),
PRAGMA integrity_check, workers left alive, and whether the killed run was marked abandoned.

    .venv/bin/python benchmarks/kills.py [--kills 20] [--articles 60] [--seed 14]

Half the trials use `-j 2`.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEWSGRAPH = Path(sys.executable).parent / "newsgraph"
# Rows that belong to one article: a killed run must leave each article whole or absent.
PER_ARTICLE = ("quotes", "mentions", "figures", "dates", "article_entities", "event_sources")


def make_corpus(folder: Path, articles: int) -> Path:
    """``articles`` distinct plain-text articles made from our sample articles."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    for number in range(articles):
        text = texts[number % len(texts)]
        (folder / f"{number:03d}.txt").write_text(f"{text}\nEdition {number}.\n", encoding="utf-8")
    return folder


def ingest(corpus: Path, db: Path, processes: int) -> subprocess.Popen[bytes]:
    command = [str(NEWSGRAPH), "ingest", str(corpus), "--db", str(db), "-j", str(processes)]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as connection:
            return int(connection.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


def kill_during(corpus: Path, db: Path, processes: int, rng: random.Random) -> bool:
    """Start an ingest and SIGKILL it at a random moment after its first article.

    False when the kill came too late: the run had already finished its work.
    """
    process = ingest(corpus, db, processes)
    while process.poll() is None and stored(db) == 0:
        time.sleep(0.02)
    time.sleep(rng.uniform(0, 0.6))
    if process.poll() is not None:
        return False
    process.send_signal(signal.SIGKILL)
    process.wait()
    with sqlite3.connect(db) as connection:
        return bool(connection.execute("SELECT count(*) FROM ingest_runs WHERE finished IS NULL").fetchone()[0])


def leftovers(db: Path, wait: float = 10.0) -> list[int]:
    """Processes still running whose command line names ``db`` (workers of a killed ingest)."""
    deadline = time.monotonic() + wait
    while True:
        found = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    if str(db).encode() in (entry / "cmdline").read_bytes():
                        found.append(int(entry.name))
                except OSError:
                    continue
        if not found or time.monotonic() > deadline:
            return found
        time.sleep(0.2)


def rows_by_article(db: Path) -> dict[str, tuple[int, ...]]:
    with sqlite3.connect(db) as connection:
        ids = [row[0] for row in connection.execute("SELECT id FROM articles")]
        counts = {
            table: dict(connection.execute(f"SELECT article_id, count(*) FROM {table} GROUP BY article_id").fetchall())
            for table in PER_ARTICLE
        }
    return {a: tuple(counts[t].get(a, 0) for t in PER_ARTICLE) for a in ids}


def compare(db: Path, clean: Path) -> Counter[str]:
    """What differs between a store that was killed and finished, and a clean one."""
    found, expected = rows_by_article(db), rows_by_article(clean)
    result: Counter[str] = Counter()
    result["lost"] = len(set(expected) - set(found))
    result["extra"] = len(set(found) - set(expected))
    result["differing"] = sum(found[a] != expected[a] for a in set(found) & set(expected))
    with sqlite3.connect(db) as connection:
        result["orphans"] = len(connection.execute("PRAGMA foreign_key_check").fetchall())
        result["integrity not ok"] = connection.execute("PRAGMA integrity_check").fetchone()[0] != "ok"
        result["abandoned runs"] = connection.execute(
            "SELECT count(*) FROM ingest_runs WHERE abandoned IS NOT NULL"
        ).fetchone()[0]
        result["unfinished runs"] = connection.execute(
            "SELECT count(*) FROM ingest_runs WHERE finished IS NULL AND abandoned IS NULL"
        ).fetchone()[0]
    return result


def trial(folder: Path, corpus: Path, clean: Path, processes: int, rng: random.Random) -> Counter[str]:
    """One kill and one finishing run; the counts of what went wrong (all zero when nothing did)."""
    db = folder / f"killed-{os.getpid()}-{rng.getrandbits(32)}.db"
    result: Counter[str] = Counter()
    result["kills"] = kill_during(corpus, db, processes, rng)
    result["left alive"] = len(leftovers(db))
    ingest(corpus, db, processes).wait()
    result.update(compare(db, clean))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    total: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        corpus = make_corpus(folder / "corpus", args.articles)
        clean = folder / "clean.db"
        ingest(corpus, clean, 1).wait()
        for number in range(args.kills):
            processes = 2 if number % 2 else 1
            result = trial(folder, corpus, clean, processes, rng)
            total.update(result)
            print(f"trial {number + 1} (-j {processes}): {summary(result)}", flush=True)
    print(f"all {args.kills} trials: {summary(total)}")


def summary(counts: Counter[str]) -> str:
    names = ("kills", "lost", "extra", "differing", "orphans", "integrity not ok", "left alive", "unfinished runs")
    return ", ".join(f"{name}: {int(counts[name])}" for name in names) + f", abandoned runs: {counts['abandoned runs']}"


if __name__ == "__main__":
    main()
