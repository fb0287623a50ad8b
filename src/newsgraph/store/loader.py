"""Ingesting files into the store: read, skip what is stored, extract, write, and keep a record of the run.

Everything streams: articles are read one by one, those already stored are dropped
before the pipeline sees them (an id lookup is far cheaper than parsing), the rest go
through ``Extractor.extract_many`` in its batches and are written one transaction per
article. A run killed half way leaves whole articles only; the next run skips them
and completes the rest.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa

from newsgraph.errors import InputError, InternalError, NewsgraphError
from newsgraph.ingest import read_paths
from newsgraph.ingest.guard import as_input_error
from newsgraph.ingest.language import by_language
from newsgraph.ingest.sidecar import Sidecar
from newsgraph.model import Article, Extraction
from newsgraph.store.records import IngestReport, Progress
from newsgraph.store.schema import ingest_runs
from newsgraph.store.writer import now

if TYPE_CHECKING:
    from newsgraph.pipeline import Extractor
    from newsgraph.store.repository import Store

ProgressCallback = Callable[[Progress], None]


def _where(error: InputError) -> str:
    return f"{error.path}:{error.line}" if error.line is not None else error.path


class Ingestion:
    """One ingest run over some paths into a store."""

    def __init__(self, store: Store, progress: ProgressCallback | None) -> None:
        self.store = store
        self.report = IngestReport()
        self.progress = progress
        self.done = 0
        # Ids sent to the pipeline in this run: a copy later in the batch is not extracted twice.
        self.seen: set[str] = set()

    def tell(self, source: str | None, failure: tuple[str, str] | None = None) -> None:
        if self.progress is not None:
            r = self.report
            self.progress(Progress(self.done, r.new, r.existing, len(r.failed), r.words, source, failure))

    def fail(self, source: str, reason: str) -> None:
        self.report.failed.append((source, reason))
        self.done += 1
        self.tell(source, (source, reason))

    def unread(self, error: InputError) -> None:
        # Plain unreadable input (E010) keeps its short reason; other codes are shown.
        reason = error.problem if error.code == InputError.code else f"[{error.code}] {error.problem}"
        self.note_internal(error)
        self.fail(_where(error), reason)

    def note_internal(self, error: NewsgraphError) -> None:
        if isinstance(error, InternalError) or error.code == InternalError.code:
            self.report.internal += 1
            self.report.tracebacks.append(getattr(error, "details", "") or str(error))

    def fresh(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Articles not yet stored (nor already read in this run); the others are counted as already there."""
        for article in articles:
            if article.id in self.seen or self.store.has_article(article.id):
                self.report.existing += 1
                self.done += 1
                self.tell(article.source)
                continue
            self.seen.add(article.id)
            yield article

    def in_model_language(self, articles: Iterable[Article], model_language: str, run_id: int) -> Iterator[Article]:
        """Articles in the model's language (or of unknown language); the others are stored unextracted.

        An article in another language is kept with its text and metadata, so that it can
        be found and read, but the model would only make nonsense of it.
        """

        def unextracted(article: Article) -> None:
            self.report.other_language.append((article.source or article.id, article.metadata["language"]))
            self.added(Extraction(article=article), run_id)

        return by_language(articles, model_language, unextracted)

    def added(self, extraction: Extraction, run_id: int) -> None:
        try:
            added = self.store.add(extraction, run_id=run_id)
        except sa.exc.OperationalError:
            raise  # the store itself is gone or locked: no article can be stored
        except Exception as error:  # the guard: this article's data, not the store, is at fault
            self.unread(as_input_error(error, extraction.article.source or extraction.article.id, "storing it"))
            return
        if added:
            self.report.new += 1
            self.report.words += len(extraction.article.text.split())
        else:
            self.report.existing += 1
        self.done += 1
        self.tell(extraction.article.source)

    def run(
        self,
        paths: Iterable[str | Path],
        extractor: Extractor,
        published: str | None,
        outlet: str | None = None,
        language: str | None = None,
        sidecar: Sidecar | None = None,
    ) -> IngestReport:
        from newsgraph.pipeline import ExtractionFailure

        names = [str(p) for p in paths]
        run_id = self.start(names)
        self.report.run_id = run_id
        try:
            # A row of the metadata table that cannot be used is reported as an input that failed.
            for problem in sidecar.problems if sidecar is not None else []:
                self.unread(problem)
            read = read_paths(
                names, on_error=self.unread, published=published, outlet=outlet, language=language, sidecar=sidecar
            )
            articles = self.in_model_language(self.fresh(read), extractor.language, run_id)
            for result in extractor.extract_many(articles):
                if isinstance(result, ExtractionFailure):
                    self.note_internal(result.error)
                    self.fail(result.article.source or result.article.id, str(result.error))
                    continue
                self.added(result, run_id)
        finally:
            self.finish(run_id)
        return self.report

    def start(self, paths: list[str]) -> int:
        host = socket.gethostname()[:255]
        with self.store.writing() as connection:
            mark_abandoned(connection, host)
            return int(
                connection.execute(
                    sa.insert(ingest_runs)
                    .values(started=now(), paths=paths, failures=[], pid=os.getpid(), host=host)
                    .returning(ingest_runs.c.id)
                ).scalar_one()
            )

    def finish(self, run_id: int) -> None:
        r = self.report
        with self.store.writing() as connection:
            connection.execute(
                sa.update(ingest_runs)
                .where(ingest_runs.c.id == run_id)
                .values(
                    finished=now(),
                    new=r.new,
                    existing=r.existing,
                    failed=len(r.failed),
                    failures=[{"source": s, "reason": why} for s, why in r.failed],
                )
            )


def mark_abandoned(connection: sa.Connection, host: str) -> None:
    """Mark as abandoned the unfinished runs of this host whose process is gone (killed half way).

    Only this host's processes can be checked; a run elsewhere may still be going.
    """
    unfinished = connection.execute(
        sa.select(ingest_runs.c.id, ingest_runs.c.pid).where(
            ingest_runs.c.finished.is_(None), ingest_runs.c.abandoned.is_(None), ingest_runs.c.host == host
        )
    ).all()
    # A pid the system gave this process again is no sign of life: our own run is not written yet.
    dead = [run for run, pid in unfinished if pid is None or pid == os.getpid() or not _alive(pid)]
    if dead:
        connection.execute(sa.update(ingest_runs).where(ingest_runs.c.id.in_(dead)).values(abandoned=now()))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
