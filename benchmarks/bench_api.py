"""Latency of the web API and pages over a store of generated articles.

Builds a SQLite store of N generated articles (Extraction objects made directly from the
model with random people, quotes, figures and dates; no pipeline), starts
`newsgraph serve` on it in a subprocess, and prints p50/p95 latency of the main
endpoints over a number of requests each. The aim is p95 < 50 ms for
/api/quotes?speaker= and /api/articles?q= on a laptop.

The generated texts draw on a small vocabulary, so a "common" search word is in about
70% of the articles: the worst case for full-text search (every match is counted and
sorted by date). A "rare" search (a word in one title) shows the usual case.

    .venv/bin/python benchmarks/bench_api.py [--articles 10000] [--requests 200] [--db PATH]
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx

from newsgraph.model import Article, DateRef, Entity, Extraction, Figure, Quote, Span, Speaker

FIRST = [
    "Ana",
    "Ben",
    "Chloe",
    "Dev",
    "Elif",
    "Farid",
    "Grace",
    "Hugo",
    "Ines",
    "Jon",
    "Kira",
    "Luis",
    "Maya",
    "Nils",
    "Omar",
    "Priya",
    "Quinn",
    "Rosa",
    "Sami",
    "Tara",
]
LAST = [
    "Ortiz",
    "Cole",
    "Park",
    "Nakamura",
    "Weber",
    "Haddad",
    "Silva",
    "Kowalski",
    "Mensah",
    "Larsen",
    "Novak",
    "Reyes",
    "Tanaka",
    "Brennan",
    "Osei",
]
TITLES = ["Mayor", "Senator", "Minister", "Councillor", "spokeswoman", "Chief Executive", "Professor", "Governor"]
WORDS = [
    "bridge",
    "harbour",
    "budget",
    "election",
    "council",
    "water",
    "school",
    "hospital",
    "road",
    "rail",
    "tax",
    "vote",
    "housing",
    "energy",
    "market",
    "strike",
    "flood",
    "farm",
    "port",
    "wage",
    "price",
    "court",
    "police",
    "fire",
    "storm",
    "park",
    "trade",
    "fund",
    "grant",
    "plan",
    "report",
    "inquiry",
    "deal",
    "talks",
    "border",
    "ferry",
    "airport",
    "tram",
    "clinic",
    "library",
    "pension",
    "rent",
    "climate",
]
VERBS = ["said", "told reporters", "argued", "warned", "added", "insisted"]


class Builder:
    """Appends text pieces while remembering their offsets."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, piece: str) -> Span:
        span = Span(self.length, self.length + len(piece), piece)
        self.parts.append(piece)
        self.length += len(piece)
        return span

    @property
    def text(self) -> str:
        return "".join(self.parts)


def sentence(rng: random.Random, size: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(size))


def generate(index: int, people: list[tuple[str, str]], rng: random.Random) -> Extraction:
    """One article of 3-6 paragraphs, each with a quote by one of a few people."""
    day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    topic = rng.choice(WORDS)
    b = Builder()
    title = f"The {topic} {sentence(rng, 3)} story {index}"
    b.add(f"{title}\n\n")
    entities: dict[str, Entity] = {}
    quotes: list[Quote] = []
    figures: list[Figure] = []
    dates: list[DateRef] = []
    for paragraph in range(rng.randint(3, 6)):
        name, role = rng.choice(people)
        entity = entities.get(name)
        if entity is None:
            entity = Entity(f"e{len(entities) + 1}", name, "PERSON", [role])
            entities[name] = entity
        b.add(f"{role} ")
        mention = b.add(name)
        entity.mentions.append(mention)
        b.add(" ")
        cue = b.add(rng.choice(VERBS))
        b.add(" on ")
        dates.append(DateRef("Monday", *_bounds(b.add("Monday")), day))
        b.add(" that ")
        words = b.add(f"the {topic} {sentence(rng, rng.randint(6, 16))}")
        b.add(" and that ")
        figure = b.add(f"{rng.randint(2, 900)}")
        figures.append(Figure(figure.text, figure.start, figure.end, int(figure.text), counted=rng.choice(WORDS)))
        b.add(f" {rng.choice(WORDS)} would follow.\n\n")
        speaker = Speaker(entity.id, name, name, mention.start, mention.end)
        quotes.append(
            Quote(f"q{paragraph + 1}", "indirect", words.text, words.start, words.end, cue=cue, speaker=speaker)
        )
    article = Article(text=b.text, title=title, published=day, source=f"gen/{index % 20}.txt")
    return Extraction(article, list(entities.values()), quotes, figures, dates)


def _bounds(span: Span) -> tuple[int, int]:
    return span.start, span.end


def build(path: Path, count: int, seed: int = 7) -> list[str]:
    """A store of ``count`` generated articles; their ids."""
    from newsgraph.store import Store

    rng = random.Random(seed)
    people = [(f"{rng.choice(FIRST)} {last}", rng.choice(TITLES)) for last in LAST for _ in range(4)]
    store = Store(f"sqlite:///{path}")
    ids: list[str] = []
    started = time.perf_counter()
    for index in range(count):
        extraction = generate(index, people, rng)
        store.add(extraction)
        ids.append(extraction.article.id)
        if (index + 1) % 2000 == 0:
            print(f"  stored {index + 1:,} articles ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    print(f"built {count:,} articles in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return ids


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start_server(db: Path, port: int, workers: int = 1) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-c", "from newsgraph.cli import main; main()", "serve", "--db", str(db)]
    command += ["--port", str(port), *(["--workers", str(workers)] if workers > 1 else [])]
    server = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2)
            return server
        except httpx.TransportError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start within 60 s")


def measure(client: httpx.Client, urls: Callable[[], str], requests: int) -> list[float]:
    for _ in range(5):
        client.get(urls())
    times = []
    for _ in range(requests):
        url = urls()
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}: {response.text[:200]}")
    return times


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--db", type=Path, help="Reuse or keep the store here (default: a temporary file).")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        db = args.db or Path(folder) / "bench.db"
        if db.exists():
            from newsgraph.store import Store

            ids = [row.to_dict()["id"] for row in Store(f"sqlite:///{db}").articles(limit=500).items]
        else:
            ids = build(db, args.articles)
        rng = random.Random(11)
        port = free_port()
        server = start_server(db, port)
        try:
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
                stats = client.get("/api/stats").json()
                speakers = [row["name"] for row in client.get("/api/entities?limit=200").json()["items"]]
                cases: list[tuple[str, Callable[[], str]]] = [
                    ("/api/quotes?speaker=", lambda: f"/api/quotes?speaker={rng.choice(speakers)}"),
                    ("/api/articles?q= common", lambda: f"/api/articles?q={rng.choice(WORDS)}"),
                    ("/api/articles?q= rare", lambda: f"/api/articles?q=story+{rng.randrange(args.articles)}"),
                    ("/api/entities?q=", lambda: f"/api/entities?q={rng.choice(LAST)}"),
                    ("/api/articles/{id}", lambda: f"/api/articles/{rng.choice(ids)}"),
                    ("/api/quotes?q=", lambda: f"/api/quotes?q={rng.choice(WORDS)}"),
                    ("/ (home page)", lambda: "/"),
                    ("/articles/{id} (page)", lambda: f"/articles/{rng.choice(ids)}"),
                    ("/entities/{id} (page)", lambda: f"/entities/{rng.choice(speakers)}"),
                ]
                print(
                    f"store: {stats.get('articles', '?'):,} articles, {stats.get('quotes', '?'):,} quotes; "
                    f"{args.requests} requests each, one client, keep-alive"
                )
                print(f"{'endpoint':<26}{'p50 ms':>9}{'p95 ms':>9}{'mean ms':>9}")
                for name, urls in cases:
                    times = measure(client, urls, args.requests)
                    print(
                        f"{name:<26}{statistics.median(times):>9.1f}{percentile(times, 0.95):>9.1f}"
                        f"{statistics.fmean(times):>9.1f}"
                    )
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
