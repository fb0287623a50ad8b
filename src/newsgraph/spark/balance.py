"""Cutting the deduplicated articles into the pipeline's partitions: about a batch each, longest first.

Spark runs a stage's tasks in partition order, each on whichever core comes free. Hash
partitions of equal count hold unequal work when article lengths vary, and while the last
of them runs the other cores have nothing to do; a few large partitions make that wait
long. So the articles are ranked by length and cut into many ranges of equal count, the
longest first: the stage starts with its heaviest tasks and ends with its lightest, and the
cores finish close together (longest-processing-time-first scheduling). The range bounds
come from a sample of lengths, so the driver holds a few thousand numbers, not the articles.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import partial
from math import ceil
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pyspark import RDD

# Partitions per core: at least enough that the last task is short against the stage,
# at most what keeps a cluster's task count and scheduling cost moderate.
MIN_PER_CORE = 2
MAX_PER_CORE = 16
# Sampled lengths per partition, from which the range bounds are read.
SAMPLE_PER_PARTITION = 50


def partition_count(articles: int, cores: int, batch: int) -> int:
    """About one batch of articles (``Settings.batch_size``, as ``ingest -j N`` hands its workers) a partition.

    Bounded to 2 to 16 partitions per core: a few articles still fill every core, and a
    million do not make a million tasks.
    """
    wanted = ceil(articles / max(batch, 1))
    return max(1, min(max(wanted, MIN_PER_CORE * cores), MAX_PER_CORE * cores))


def longest_first(articles: RDD[tuple[str, Any]], count: int, partitions: int) -> RDD[Any]:
    """The values of ``articles`` ((id, (order, JSON)) pairs) in ``partitions`` ranges of length, longest first.

    The length is the article's JSON's, the text's plus a few hundred characters: the
    pipeline's cost grows with the text. ``count`` (an estimate will do) sizes the sample.
    """
    fraction = min(1.0, SAMPLE_PER_PARTITION * partitions / max(count, 1))
    lengths = articles.map(_length).sample(False, fraction, seed=0).collect()
    return (
        articles.map(lambda pair: (_length(pair), pair[1]))
        .partitionBy(partitions, partial(range_of, bounds(lengths, partitions)))
        .values()
    )


def bounds(lengths: list[int], partitions: int) -> list[int]:
    """Negated lengths cutting a sample into ``partitions`` ranges of equal count, ascending (longest first)."""
    ranked = sorted(-length for length in lengths)
    return [ranked[len(ranked) * index // partitions] for index in range(1, partitions)] if ranked else []


def range_of(cuts: list[int], length: int) -> int:
    """The partition of an article of ``length``: 0 for the longest."""
    return bisect_left(cuts, -length)


def _length(pair: tuple[str, Any]) -> int:
    return len(pair[1][1])
