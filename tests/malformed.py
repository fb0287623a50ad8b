"""Malformed inputs made from good ones: the generator behind the fuzz tests and the long campaign.

A seed is one of our sample files (every kind newsgraph reads) or one of the hostile
files of issue 14; mutations flip bits, cut, splice, repeat and insert the tokens that
broke readers before (deep nesting, surrogates, control characters, huge lengths,
impossible dates, punctuation floods). Each mutation is a name and a number, so that
Hypothesis can draw and shrink them and a seeded ``random.Random`` can replay them.
"""

from __future__ import annotations

import gzip
import random
from collections.abc import Callable
from pathlib import Path

from tests.hostile import hostile_files

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
_SUFFIXES = (".txt", ".html", ".json", ".jsonl", ".csv", ".rss", ".xml", ".warc", ".warc.gz", ".jsonl.gz", "")
TOKENS = (
    b"\x00",
    b"\x01\x1f",
    b"\xed\xa0\x80",  # a UTF-8-encoded lone surrogate
    b"\\ud800",
    b"&#xD800;",
    b"&#0;",
    b"[" * 3000,
    b'{"a":' * 3000,
    b"Content-Length: 18446744073709551617\r\n",
    b"WARC/1.0\r\n",
    b"\r\n\r\n",
    b"<pubDate>Mon, 01 Jan 0001 00:00:00 +0500</pubDate>",
    b"<updated>9999-12-31T23:59:59-05:00</updated>",
    b"NaN",
    b"1e999",
    b"&" * 2000,
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\x1f\x8b\x08\x00",
    b'"text": ',
    b"\n",
)


def seeds() -> list[tuple[str, bytes]]:
    """(suffix, bytes) of every sample file and every hostile file."""
    found = [
        ("".join(path.suffixes[-2:]) if path.name.endswith(".gz") else path.suffix, path.read_bytes())
        for path in sorted(EXAMPLES.iterdir())
        if path.is_file() and path.suffix != ".md" and path.name != "expected.json"
    ]
    found += [("".join(Path(name).suffixes), data) for name, data in sorted(hostile_files().items())]
    return found


def _flip(data: bytes, n: int) -> bytes:
    if not data:
        return data
    position = n % len(data)
    return data[:position] + bytes([data[position] ^ (1 << (n >> 20) % 8)]) + data[position + 1 :]


def _cut(data: bytes, n: int) -> bytes:
    return data[: n % (len(data) + 1)]


def _insert(data: bytes, n: int) -> bytes:
    position = n % (len(data) + 1)
    return data[:position] + TOKENS[(n >> 16) % len(TOKENS)] + data[position:]


def _splice(data: bytes, n: int) -> bytes:
    other = _SEEDS[(n >> 8) % len(_SEEDS)][1]
    return data[: n % (len(data) + 1)] + other[(n >> 12) % (len(other) + 1) :]


def _repeat(data: bytes, n: int) -> bytes:
    if not data:
        return data
    start = n % len(data)
    return data[:start] + data[start : start + 64] * (2 + (n >> 16) % 200) + data[start:]


def _gzip(data: bytes, n: int) -> bytes:
    packed = gzip.compress(data, compresslevel=1)
    return packed[: len(packed) - n % 3 * 7] if n % 2 else packed


MUTATIONS: dict[str, Callable[[bytes, int], bytes]] = {
    "flip": _flip,
    "cut": _cut,
    "insert": _insert,
    "splice": _splice,
    "repeat": _repeat,
    "gzip": _gzip,
}
_SEEDS = seeds()


def malformed(seed: int, mutations: list[tuple[str, int]]) -> tuple[str, bytes]:
    """The suffix and bytes of seed number ``seed`` after ``mutations`` (name, number) in turn."""
    suffix, data = _SEEDS[seed % len(_SEEDS)]
    for name, n in mutations:
        data = MUTATIONS[name](data, n)
    return suffix, data


def random_malformed(rng: random.Random) -> tuple[str, bytes]:
    """One malformed input drawn from ``rng``: a seed, one to four mutations, sometimes another suffix."""
    mutations = [(rng.choice(list(MUTATIONS)), rng.getrandbits(32)) for _ in range(rng.randint(1, 4))]
    suffix, data = malformed(rng.getrandbits(16), mutations)
    return (rng.choice(_SUFFIXES) if rng.random() < 0.2 else suffix), data


SUFFIXES = _SUFFIXES
