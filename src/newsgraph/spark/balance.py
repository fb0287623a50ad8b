"""Cutting the articles into the pipeline's partitions: about a batch each, the longest first, deduplicated on the way.

Spark runs a stage's tasks in partition order, each on whichever core comes free. Hash
partitions of equal count hold unequal work when article lengths vary, and while the last
of them runs the other cores have nothing to do; a few large partitions make that wait
long. So articles are ranked by the length of their text and cut into many ranges of equal
count, the longest first: the stage starts with its heaviest tasks and ends with its
lightest, and the cores finish close together (longest-processing-time-first scheduling).

The ranges come from a histogram of text lengths in buckets 10% wide, counted while the
inputs are read (the driver holds a hundred numbers, not the articles). A bucket holding
more articles than a partition takes several partitions, its articles spread over them by
a hash of their id. Copies of an article have the same text, so the same length and the
same id: they meet in one partition, where the first copy is kept.

The copies are reduced inside the partition, not by ``reduceByKey``: pyspark's merger
spills whenever its worker's memory exceeds ``spark.python.worker.memory`` (512 MB by
default), and a worker holding the spaCy model always does, so every task wrote its
articles to disk, read them back and forced a full garbage collection of the model's heap
(about 0.07 CPU-seconds each). A partition is about a batch of articles, which the
pipeline holds in memory anyway.
"""

from __future__ import annotations

import json
import math
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pyspark import RDD

# Partitions per core: at least enough that the last task is short against the stage,
# at most what keeps a cluster's task count and scheduling cost moderate.
MIN_PER_CORE = 2
MAX_PER_CORE = 16
# Width of a length bucket: lengths within 10% of each other cost about the same.
_BUCKET_RATIO = math.log(1.1)

Plan = dict[int, tuple[int, int]]  # length bucket -> (its first partition, how many partitions it spreads over)


def partition_count(articles: int, cores: int, batch: int) -> int:
    """About one batch of articles (``Settings.batch_size``, as ``ingest -j N`` hands its workers) a partition.

    Bounded to 2 to 16 partitions per core: a few articles still fill every core, and a
    million do not make a million tasks.
    """
    wanted = math.ceil(articles / max(batch, 1))
    return max(1, min(max(wanted, MIN_PER_CORE * cores), MAX_PER_CORE * cores))


def text_length(data: str) -> int:
    """The length of an article's text, from its JSON: what the pipeline's cost grows with."""
    return len(json.loads(data)["text"])


def bucket(length: int) -> int:
    return int(math.log1p(length) / _BUCKET_RATIO)


def histogram(lengths: Iterable[int]) -> Counter[int]:
    """Articles per length bucket; histograms of several partitions add up."""
    return Counter(bucket(length) for length in lengths)


def plan(counts: Counter[int], partitions: int) -> Plan:
    """The partitions of each length bucket: contiguous, the longest bucket's first, about equal counts each."""
    total = sum(counts.values())
    ranges: Plan = {}
    seen = 0
    for key in sorted(counts, reverse=True):
        first = min(seen * partitions // total, partitions - 1)
        seen += counts[key]
        last = min(max((seen * partitions - 1) // total, first), partitions - 1)
        ranges[key] = (first, last - first + 1)
    return ranges


def partition_of(ranges: Plan, partitions: int, key: tuple[int, str]) -> int:
    """The partition of an article keyed (text length, id): its bucket's range, spread by a hash of the id."""
    first, span = ranges.get(bucket(key[0]), (0, partitions))
    return first + zlib.crc32(key[1].encode()) % span


def _kept(first: Callable[[Any, Any], Any], pairs: Iterable[tuple[Any, Any]]) -> Iterator[Any]:
    """One value per key of a partition's pairs, reduced by ``first``."""
    kept: dict[Any, Any] = {}
    for key, value in pairs:
        kept[key] = first(kept[key], value) if key in kept else value
    return iter(kept.values())


def unique_longest_first(
    articles: RDD[tuple[str, Any]], counts: Counter[int], partitions: int, first: Callable[[Any, Any], Any]
) -> RDD[Any]:
    """One value per id of ``articles`` ((id, (order, JSON)) pairs), kept by ``first``, in ranges longest first.

    ``counts`` is the histogram of the articles' text lengths (duplicates included: an
    estimate will do).
    """
    ranges = plan(counts, partitions) if counts else {}
    keyed = articles.map(lambda pair: ((text_length(pair[1][1]), pair[0]), pair[1]))
    pieces = keyed.partitionBy(partitions, partial(partition_of, ranges, partitions))
    return pieces.mapPartitions(partial(_kept, first))
