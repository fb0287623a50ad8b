"""The work of one Spark partition: newsgraph's pipeline over its articles, loaded once per executor process.

Spark reuses its Python worker processes between tasks (``spark.python.worker.reuse``, on by
default), so the pipeline is kept in a module global: the model is loaded by a worker's first
task and every later task of that worker runs at full speed. An article the pipeline cannot
process becomes an errors row, as it is a failure line in ``ingest``.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterable, Iterator
from typing import Any

from newsgraph.ingest.language import in_language
from newsgraph.model import Article, Extraction
from newsgraph.pipeline import ExtractionFailure, Extractor
from newsgraph.settings import Settings
from newsgraph.spark.tables import Record, error_row, record_of, rows_of
from newsgraph.spark.worker import in_spark_worker

_extractor: Extractor | None = None


def extractor() -> Extractor:
    """This process's pipeline, loaded on first use."""
    global _extractor
    if _extractor is None:
        _extractor = Extractor(Settings(n_process=1))
        # pyspark's worker runs a full garbage collection after every task (daemon.py), and
        # each scanned the model's objects: 0.07 CPU-s a task, measured. They live as long
        # as the process, so they are moved out of the collector's sight once.
        if in_spark_worker():
            gc.collect()
            gc.freeze()
    return _extractor


Counters = tuple[Any, Any, Any]  # Spark accumulators: articles done, words, failures


def extract_partition(
    records: Iterable[tuple[tuple[int, str, int], str]], counters: Counters | None
) -> Iterator[Record]:
    """One Record (its rows of every table) per article of a partition; ``records`` are (order, article JSON)."""
    orders: list[tuple[int, str, int]] = []
    # Articles not in the model's language are stored unextracted, as ``ingest`` stores them.
    unread: list[tuple[Article, tuple[int, str, int]]] = []
    language = extractor().language

    def articles() -> Iterator[Article]:
        for order, data in records:
            article = Article.from_dict(json.loads(data))
            if in_language(article, language):
                orders.append(order)
                yield article
            else:
                unread.append((article, order))

    def stored_unread() -> Iterator[Record]:
        while unread:
            article, order = unread.pop(0)
            yield record_of(rows_of(Extraction(article=article), order))

    done, words, failed = counters or (None, None, None)
    for index, result in enumerate(extractor().extract_many(articles())):
        yield from stored_unread()
        if isinstance(result, ExtractionFailure):
            article = result.article
            error = result.error
            yield record_of([error_row(article.source or article.id, str(error), error.code, "extract", article.id)])
            if failed is not None:
                failed.add(1)
        else:
            yield record_of(rows_of(result, orders[index]))
            if words is not None:
                words.add(len(result.article.text.split()))
        if done is not None:
            done.add(1)
    yield from stored_unread()
