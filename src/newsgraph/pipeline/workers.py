"""Worker processes for ``-j N``, watched: a worker that overruns or outgrows its bounds is killed and replaced.

The parent hands each worker a batch of articles and waits on them all. A worker that
passes the batch's time budget (plus a grace), grows past the memory ceiling, or dies,
is killed and a fresh one forked; its batch is then run again one article at a time,
so that only the article at fault is reported (E062, E063, E066) and the rest are kept.
Workers are forked from the parent, which has the model loaded already, and ask the
kernel to kill them when the parent dies, so that a killed ingest leaves no process.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection, wait
from typing import Any

from spacy.language import Language

from newsgraph.errors import NewsgraphError, OverMemory, OverTimeBudget, WorkerDied
from newsgraph.model import Article, Extraction
from newsgraph.settings import Settings

# Seconds a batch may run past its budget before the watchdog kills its worker (at most the
# budget itself): the worker's own alarm stops Python code in time, the kill is for native code.
GRACE_SECONDS = 10.0
_POLL_SECONDS = 0.5
_PR_SET_PDEATHSIG = 1

Result = Any  # Extraction | ExtractionFailure; typed loosely to keep this module free of a cycle


class Relayed(NewsgraphError):
    """An error raised in a worker, carried to the parent with its code and message intact."""

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        Exception.__init__(self, message)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Relayed, (self.code, str(self)))


def die_with_parent() -> None:
    """Ask Linux to SIGKILL this process when its parent dies (a no-op where prctl is missing)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return


def _serve(connection: Connection, settings: Settings, nlp: Language, parent: int) -> None:
    """A worker's life: take a batch, send its results, until told to stop or orphaned."""
    from newsgraph.pipeline import ExtractionFailure, Extractor

    die_with_parent()
    if os.getppid() != parent:
        os._exit(0)
    extractor = Extractor(replace(settings, n_process=1), nlp=nlp)
    while True:
        try:
            batch = connection.recv()
        except (EOFError, OSError):
            return
        if batch is None:
            return
        results = extractor.extract_batch(batch)
        connection.send(
            [
                ExtractionFailure(r.article, Relayed(r.error.code, str(r.error)))
                if isinstance(r, ExtractionFailure)
                else r
                for r in results
            ]
        )


@dataclass
class _Job:
    key: int  # the batch's place in the input
    part: int | None  # the article's place in the batch, when run alone after the batch failed
    articles: list[Article]


class _Worker:
    def __init__(self, settings: Settings, nlp: Language) -> None:
        context = multiprocessing.get_context("fork")
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, settings, nlp, os.getpid()), daemon=True)
        self.process.start()
        child.close()
        self.job: _Job | None = None
        self.deadline = 0.0

    def give(self, job: _Job, seconds: float) -> None:
        self.job = job
        self.deadline = time.monotonic() + seconds * len(job.articles) + min(GRACE_SECONDS, seconds)
        self.connection.send(job.articles)

    def megabytes(self) -> int:
        """The worker's proportional share of memory (PSS): its own pages plus its share of the model's."""
        try:
            with open(f"/proc/{self.process.pid}/smaps_rollup") as rollup:
                for line in rollup:
                    if line.startswith("Pss:"):
                        return int(line.split()[1]) >> 10
        except (OSError, ValueError, IndexError):
            return 0
        return 0

    def kill(self) -> None:
        self.process.kill()
        self.process.join()
        self.connection.close()

    def stop(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.connection.send(None)
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.kill()
        self.connection.close()


class _Pool:
    """The workers, the queue of jobs and the results waiting to be given in input order."""

    def __init__(self, settings: Settings, nlp: Language, n_process: int) -> None:
        self.settings = settings
        self.nlp = nlp
        self.workers = [_Worker(settings, nlp) for _ in range(n_process)]
        self.pending: deque[_Job] = deque()
        self.done: dict[int, list[Result]] = {}
        self.split: dict[int, list[Result | None]] = {}

    def busy(self) -> list[_Worker]:
        return [w for w in self.workers if w.job is not None]

    def dispatch(self) -> None:
        for worker in self.workers:
            if worker.job is None and self.pending:
                worker.give(self.pending.popleft(), self.settings.article_seconds)

    def collect(self) -> None:
        """Wait a moment for results; kill and replace workers that overran, outgrew or died."""
        busy = self.busy()
        ready = wait([w.connection for w in busy], timeout=_POLL_SECONDS)
        for worker in busy:
            job = worker.job
            assert job is not None
            if worker.connection in ready:
                try:
                    results = worker.connection.recv()
                except (EOFError, OSError):
                    self._replace(worker, job, _died(f"exit code {worker.process.exitcode}"))
                    continue
                worker.job = None
                self._complete(job, results)
            elif time.monotonic() > worker.deadline:
                self._replace(worker, job, lambda s: OverTimeBudget(s, self.settings.article_seconds))
            elif worker.megabytes() > self.settings.worker_mb:
                self._replace(worker, job, lambda s: OverMemory(s, self.settings.worker_mb))

    def _replace(self, worker: _Worker, job: _Job, error: Callable[[str | None], NewsgraphError]) -> None:
        from newsgraph.pipeline import ExtractionFailure

        worker.kill()
        self.workers[self.workers.index(worker)] = _Worker(self.settings, self.nlp)
        if len(job.articles) == 1:
            article = job.articles[0]
            self._complete(job, [ExtractionFailure(article, error(article.source or article.id))])
            return
        # Run the batch again article by article: only the one at fault is lost.
        self.split[job.key] = [None] * len(job.articles)
        for part in reversed(range(len(job.articles))):
            self.pending.appendleft(_Job(job.key, part, [job.articles[part]]))

    def _complete(self, job: _Job, results: list[Result]) -> None:
        if job.part is None:
            self.done[job.key] = results
            return
        parts = self.split[job.key]
        parts[job.part] = results[0]
        if all(p is not None for p in parts):
            self.done[job.key] = self.split.pop(job.key)

    def close(self) -> None:
        for worker in self.workers:
            worker.stop()


def _died(why: str) -> Callable[[str | None], NewsgraphError]:
    return lambda source: WorkerDied(source, why)


def extract_in_workers(
    articles: Iterable[Article], settings: Settings, n_process: int, nlp: Language
) -> Iterator[Extraction | Result]:
    """One result per article, in input order, from ``n_process`` watched workers."""
    from newsgraph.pipeline import batched

    batches = enumerate(batched(articles, settings.batch_size, settings.batch_chars))
    pool = _Pool(settings, nlp, n_process)
    given, total, exhausted = 0, 0, False
    try:
        while True:
            while not exhausted and len(pool.pending) + len(pool.busy()) < 2 * n_process:
                try:
                    key, batch = next(batches)
                except StopIteration:
                    exhausted = True
                    break
                pool.pending.append(_Job(key, None, batch))
                total = key + 1
            pool.dispatch()
            while given in pool.done:
                yield from pool.done.pop(given)
                given += 1
            if exhausted and given == total:
                return
            pool.collect()
    finally:
        pool.close()
