"""How the Spark job cuts articles for the pipeline: about a batch a partition, the longest articles first."""

from __future__ import annotations

import json
import random
from typing import Any

import pytest
from tests.conftest import EXAMPLES

from newsgraph.ingest import read_paths
from newsgraph.spark.balance import bounds, longest_first, partition_count, range_of


def test_partitions_hold_about_a_batch_and_keep_every_core_busy() -> None:
    assert partition_count(285, cores=2, batch=32) == 9
    assert partition_count(285, cores=1, batch=32) == 9  # local[1] and local[2] get the same pieces
    assert partition_count(14, cores=2, batch=32) == 4  # a few articles still fill both cores, twice
    assert partition_count(11_000_000, cores=64, batch=32) == 1024  # a month of CC-NEWS: 16 a core
    assert partition_count(0, cores=2, batch=32) == 4


def test_ranges_put_the_longest_articles_first_in_pieces_of_equal_count() -> None:
    lengths = [random.Random(seed).randint(200, 20_000) for seed in range(300)]
    cuts = bounds(lengths, 6)
    pieces: dict[int, list[int]] = {}
    for length in lengths:
        pieces.setdefault(range_of(cuts, length), []).append(length)
    assert sorted(pieces) == list(range(6))
    assert all(min(pieces[index]) >= max(pieces[index + 1]) for index in range(5))
    assert all(45 <= len(piece) <= 55 for piece in pieces.values())
    assert range_of(bounds([], 4), 1000) == 0


@pytest.mark.spark
@pytest.mark.slow
def test_the_sample_corpus_reaches_the_pipeline_longest_first(spark_session: Any) -> None:
    articles = [(a.id, ((0, "x", n), json.dumps(a.to_dict()))) for n, a in enumerate(read_paths([EXAMPLES]))]
    pieces = longest_first(spark_session.sparkContext.parallelize(articles, 3), len(articles), 4).glom().collect()
    assert sum(len(piece) for piece in pieces) == len(articles)
    lengths = [[len(data) for _, data in piece] for piece in pieces]
    assert all(min(a) >= max(b) for a, b in zip(lengths, lengths[1:]) if a and b)
    assert lengths[0] and max(lengths[0]) == max(len(data) for _, (_, data) in articles)
