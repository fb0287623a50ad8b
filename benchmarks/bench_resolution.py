"""Whether entity resolution keeps the cost of adding an article flat as the store grows.

Adds N generated articles (bench_api's people: four first names per surname, so every
surname has namesakes), each also naming one of its people by the bare surname, typed
PERSON or, one time in five, ORG (the mistakes resolution votes away). Prints the mean
time per article of the first and the last 500 articles, and their ratio: flat (about
1) is the aim; a cost that grew with the store would show here as a ratio far above 1.

    .venv/bin/python benchmarks/bench_resolution.py [--articles 3000] [--db URL]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from bench_api import FIRST, LAST, TITLES, generate

from newsgraph.model import Entity, Extraction, Span
from newsgraph.store import Store

WINDOW = 500


def with_bare_surname(extraction: Extraction, rng: random.Random) -> Extraction:
    """The article with one more entity: a bare surname of one of its people, as another article would write it."""
    person = rng.choice(extraction.entities)
    surname = person.name.split()[-1]
    text = extraction.article.text + f"{surname} spoke last.\n"
    start = len(extraction.article.text)
    kind = "ORG" if rng.random() < 0.2 else "PERSON"
    bare = Entity(
        f"e{len(extraction.entities) + 1}", surname, kind, [], None, [Span(start, start + len(surname), surname)]
    )
    extraction.article.text = text
    extraction.entities.append(bare)
    return extraction


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--db", help="A database URL (default: a new SQLite file in a temporary folder).")
    args = parser.parse_args()
    if args.articles < 2 * WINDOW:
        parser.error(f"--articles must be at least {2 * WINDOW}")
    rng = random.Random(11)
    people = [(f"{rng.choice(FIRST)} {last}", rng.choice(TITLES)) for last in LAST for _ in range(4)]
    with tempfile.TemporaryDirectory() as folder:
        url = args.db or f"sqlite:///{Path(folder) / 'resolution.db'}"
        times: list[float] = []
        with Store(url) as store:
            for index in range(args.articles):
                extraction = with_bare_surname(generate(index, people, rng), rng)
                started = time.perf_counter()
                store.add(extraction)
                times.append(time.perf_counter() - started)
            persons = store.entities(type="PERSON", limit=1).total
        first, last = times[:WINDOW], times[-WINDOW:]
        mean_first, mean_last = sum(first) / WINDOW * 1000, sum(last) / WINDOW * 1000
        print(f"{args.articles:,} articles on {url.split(':')[0]}: {persons} PERSON records for {len(people)} people")
        print(f"first {WINDOW}: {mean_first:.2f} ms/article; last {WINDOW}: {mean_last:.2f} ms/article")
        print(f"last/first: {mean_last / mean_first:.2f} (flat is about 1)")


if __name__ == "__main__":
    main()
