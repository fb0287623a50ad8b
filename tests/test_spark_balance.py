"""How the Spark job cuts articles for the pipeline: about a batch a partition, the longest first, one copy each."""

from __future__ import annotations

import json
import random
from typing import Any

import pytest
from tests.conftest import EXAMPLES

from newsgraph.ingest import read_paths
from newsgraph.spark.balance import histogram, partition_count, partition_of, plan, unique_longest_first


def test_partitions_hold_about_a_batch_and_keep_every_core_busy() -> None:
    assert partition_count(285, cores=2, batch=32) == 9
    assert partition_count(285, cores=1, batch=32) == 9  # local[1] and local[2] get the same pieces
    assert partition_count(14, cores=2, batch=32) == 4  # a few articles still fill both cores, twice
    assert partition_count(11_000_000, cores=64, batch=32) == 1024  # a month of CC-NEWS: 16 a core
    assert partition_count(0, cores=2, batch=32) == 4


def place(lengths: list[int], partitions: int) -> dict[int, list[int]]:
    ranges = plan(histogram(lengths), partitions)
    pieces: dict[int, list[int]] = {}
    for n, length in enumerate(lengths):
        pieces.setdefault(partition_of(ranges, partitions, (length, f"id-{n}")), []).append(length)
    return pieces


def test_the_longest_articles_come_first_in_pieces_of_about_equal_count() -> None:
    generator = random.Random(7)
    lengths = [int(generator.lognormvariate(8, 0.8)) for _ in range(600)]  # 500 to 30,000 characters, skewed
    pieces = place(lengths, 6)
    assert sorted(pieces) == list(range(6))
    # Ranges of length, longest first; neighbours may share one bucket of lengths within 10%.
    assert all(min(pieces[index]) * 1.1 >= max(pieces[index + 1]) for index in range(5))
    assert all(70 <= len(piece) <= 130 for piece in pieces.values())


def test_a_crowd_of_articles_of_one_length_is_spread_over_many_partitions() -> None:
    pieces = place([2000] * 900 + [400] * 100, 10)
    assert len(pieces) == 10
    assert all(60 <= len(piece) <= 140 for piece in pieces.values())
    assert max(pieces[9]) == 400


@pytest.mark.spark
@pytest.mark.slow
def test_the_sample_corpus_reaches_the_pipeline_longest_first_and_once(spark_session: Any) -> None:
    read = [(a.id, ((0, "x", n), json.dumps(a.to_dict()))) for n, a in enumerate(read_paths([EXAMPLES]))]
    copies = [(key, ((1, "y", n), data)) for n, (key, (_, data)) in enumerate(read[:3])]
    articles = spark_session.sparkContext.parallelize(read + copies, 3)
    counts = histogram(len(json.loads(data)["text"]) for _, (_, data) in read + copies)
    pieces = unique_longest_first(articles, counts, 4, min).glom().collect()
    assert sorted(order for piece in pieces for order, _ in piece) == [order for _, (order, _) in read]
    lengths = [[len(json.loads(data)["text"]) for _, data in piece] for piece in pieces]
    assert all(min(a) * 1.1 >= max(b) for a, b in zip(lengths, lengths[1:], strict=False) if a and b)
    assert max(lengths[0]) == max(max(piece) for piece in lengths if piece)
