"""Latency of the list, facet and aggregate pages over a large generated store, with 1 and 20 clients.

Builds a SQLite store of N generated articles (default 100,000, in a few minutes: see
``bulk_store.py``; a few thousand people quoted along a Zipf law, ten years, a few dozen
outlets), starts `newsgraph serve` on it on 127.0.0.1, and prints
p50/p95 latency of each page with one client and then with 20 concurrent clients
(each request waits for its answer; a bounded number of requests per case).

The aims of issue 13: with one client, p95 < 50 ms for list pages and < 100 ms for
aggregate and facet pages; with 20 clients, p95 < 200 ms. Speed is printed, never asserted.

Each case also prints the server's CPU time per request at 20 clients and the machine's
1-minute load average after it: a p95 that jumps while the server's CPU per request does
not, under a load above the server's share, was time the server waited for a core.

    .venv/bin/python benchmarks/bench_web.py [--articles 100000] [--requests 100] [--db PATH] [--workers 2]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
from bench_api import WORDS, free_port, percentile, start_server
from bulk_store import EVENT_TYPES, FIRST_DAY, OUTLETS, build

CLIENTS = (1, 20)


def cpu_seconds(root: int) -> float:
    """CPU time used so far by process ``root`` and its children (Linux /proc; 0 elsewhere)."""
    total, ticks = 0.0, os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, parent = int(stat.parent.name), int(fields[1])
        if root in (pid, parent):
            total += (int(fields[11]) + int(fields[12])) / ticks
    return total


def settle(root: int, limit_s: float = 180) -> float:
    """Wait until the server's processes are idle (under 5% of a core for a second): they read the
    store's counted columns into memory when they start. How long that took."""
    started = time.monotonic()
    used = cpu_seconds(root)
    while time.monotonic() - started < limit_s:
        time.sleep(1)
        now = cpu_seconds(root)
        if now - used < 0.05:
            break
        used = now
    return time.monotonic() - started


def timed(client: httpx.Client, url: str) -> float:
    started = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}: {response.text[:200]}")
    return elapsed


def measure(base: str, urls: Callable[[], str], requests: int, clients: int) -> list[float]:
    """``requests`` timed GETs spread over ``clients`` threads, each with its own keep-alive connection."""
    per_client = max(1, requests // clients)
    wanted = [[urls() for _ in range(per_client + 2)] for _ in range(clients)]

    def run(batch: list[str]) -> list[float]:
        with httpx.Client(base_url=base, timeout=120) as client:
            timed(client, batch[0])
            timed(client, batch[1])
            return [timed(client, url) for url in batch[2:]]

    with ThreadPoolExecutor(clients) as pool:
        return [t for times in pool.map(run, wanted) for t in times]


def cases(rng: random.Random, speakers: list[str], count: int) -> list[tuple[str, str, Callable[[], str]]]:
    """(kind, name, url maker): list pages, aggregate answers (JSON), and pages with facets beside a list."""

    def pick(values: list[str]) -> str:
        return rng.choice(values)

    def month() -> str:
        year, first = FIRST_DAY.year + rng.randrange(10), rng.randint(1, 11)
        return f"since={year}-{first:02d}-01&until={year}-{first + 1:02d}-28"

    return [
        ("list", "/api/quotes?speaker=", lambda: f"/api/quotes?speaker={pick(speakers)}"),
        ("list", "/api/events?actor=", lambda: f"/api/events?actor={pick(speakers)}"),
        ("list", "/api/articles?q= rare", lambda: f"/api/articles?q=story+{rng.randrange(count)}"),
        ("list", "/api/speakers?q&since&until", lambda: f"/api/speakers?q={pick(WORDS)}&{month()}&limit=25"),
        ("aggregate", "/api/quotes/facets?q=", lambda: f"/api/quotes/facets?q={pick(WORDS)}&{month()}"),
        ("aggregate", "/api/quotes/facets (all)", lambda: "/api/quotes/facets"),
        ("aggregate", "/api/speakers (all)", lambda: "/api/speakers?limit=25"),
        ("aggregate", "/api/quotes/timeline?speaker=", lambda: f"/api/quotes/timeline?speaker={pick(speakers)}"),
        ("aggregate", "/api/events/facets?type=", lambda: f"/api/events/facets?type={pick(EVENT_TYPES)}"),
        ("aggregate", "/api/events/facets (all)", lambda: "/api/events/facets"),
        ("aggregate", "/api/articles/facets?q=", lambda: f"/api/articles/facets?q={pick(WORDS)}"),
        ("facets", "/quotes?speaker= (page)", lambda: f"/quotes?speaker={pick(speakers)}"),
        ("facets", "/quotes (page)", lambda: "/quotes"),
        ("facets", "/events?actor= (page)", lambda: f"/events?actor={pick(speakers)}"),
        ("facets", "/speakers?since (page)", lambda: f"/speakers?{month()}"),
        ("facets", "/articles?q= (page)", lambda: f"/articles?q={pick(WORDS)}+{pick(WORDS)}"),
        ("facets", "/entities/{name} (page)", lambda: f"/entities/{pick(speakers)}"),
        # Outlets and sorting (issue 13's second round): a filter by outlet on every count, lists in any order.
        (
            "aggregate",
            "/api/quotes/facets?outlet&month",
            lambda: f"/api/quotes/facets?outlet={pick(OUTLETS)}&{month()}",
        ),
        ("aggregate", "/api/speakers?outlet=", lambda: f"/api/speakers?outlet={pick(OUTLETS)}&limit=25"),
        ("aggregate", "/api/events/facets?outlet=", lambda: f"/api/events/facets?outlet={pick(OUTLETS)}"),
        ("list", "/api/entities?outlet=", lambda: f"/api/entities?outlet={pick(OUTLETS)}&limit=25"),
        ("list", "/api/events?outlet=", lambda: f"/api/events?outlet={pick(OUTLETS)}&limit=25"),
        ("facets", "/quotes?outlet= (page)", lambda: f"/quotes?outlet={pick(OUTLETS)}"),
        ("list", "/entities?sort= (page)", lambda: f"/entities?sort={pick(['name', 'quotes', 'mentions'])}"),
        ("facets", "/articles?sort=quotes (page)", lambda: f"/articles?sort=quotes&order={pick(['asc', 'desc'])}"),
        ("facets", "/events?sort=articles (page)", lambda: f"/events?sort={pick(['articles', 'type'])}"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000, help="Articles to generate (default 100,000).")
    parser.add_argument("--requests", type=int, default=100, help="Timed requests per case and client count.")
    parser.add_argument("--db", type=Path, help="Reuse or keep the store here (default: a temporary file).")
    parser.add_argument("--only", help="Run only the cases whose name holds this.")
    parser.add_argument("--workers", type=int, default=2, help="Server processes (serve --workers; default 2).")
    parser.add_argument("--clients", type=int, nargs="+", default=list(CLIENTS), help="Concurrent clients (1 20).")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        db = args.db or Path(folder) / "bench.db"
        if not db.exists():
            build(db, args.articles)
        port = free_port()
        server = start_server(db, port, args.workers)
        base = f"http://127.0.0.1:{port}"
        try:
            warm = settle(server.pid)
            stats = httpx.get(f"{base}/api/stats", timeout=120).json()
            speakers = [row["name"] for row in httpx.get(f"{base}/api/entities?limit=200", timeout=120).json()["items"]]
            rng = random.Random(11)
            print(
                f"store: {stats['articles']:,} articles, {stats['quotes']:,} quotes, {stats['events']:,} events; "
                f"{args.requests} requests per case and client count; {args.workers} server processes; "
                f"loopback, keep-alive; measured once the server settled ({warm:.0f} s after it answered)"
            )
            print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
            print(
                f"{'kind':<10}{'case':<32}"
                + "".join(f"{f'p50/p95 ms x{c}':>22}" for c in args.clients)
                + f"{f'cpu ms/req x{args.clients[-1]}':>18}{'load':>7}"
            )
            for kind, name, urls in cases(rng, speakers, int(stats["articles"])):
                if args.only and args.only not in name:
                    continue
                cells = []
                for clients in args.clients:
                    used = cpu_seconds(server.pid)
                    times = measure(base, urls, args.requests, clients)
                    # Warm-up requests included: the server's CPU over every request of the last count.
                    sent = clients * (max(1, args.requests // clients) + 2)
                    per_request = (cpu_seconds(server.pid) - used) * 1000 / sent
                    cells.append(f"{statistics.median(times):>10.1f} /{percentile(times, 0.95):>9.1f}")
                print(
                    f"{kind:<10}{name:<32}"
                    + "".join(f"{cell:>22}" for cell in cells)
                    + f"{per_request:>18.1f}{os.getloadavg()[0]:>7.2f}",
                    flush=True,
                )
            print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
