"""`newsgraph spark` (extraction on Apache Spark into Parquet) and `newsgraph load` (Parquet into a store)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress, ProgressColumn, SpinnerColumn, TextColumn, TimeElapsedColumn

from newsgraph.cli.app import DbOption, PublishedOption, app, err, fail, out
from newsgraph.cli.ingest import Bar
from newsgraph.errors import NewsgraphError
from newsgraph.store import Store


class SparkBar:
    """The live line: articles extracted by finished tasks, tasks of the running stages, words per second."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.task = progress.add_task("spark", total=None, rates="")

    def __call__(self, step: object) -> None:
        from newsgraph.spark.job import SparkProgress

        assert isinstance(step, SparkProgress)
        rates = (
            f"tasks {step.tasks_done}/{step.tasks}, {step.failed} failed, "
            f"{step.words / max(step.seconds, 1e-9):,.0f} words/s"
        )
        self.progress.update(self.task, completed=step.done, rates=rates)


def _columns() -> list[ProgressColumn]:
    counted = TextColumn("{task.completed} articles")
    return [SpinnerColumn(), counted, TextColumn("{task.fields[rates]}"), TimeElapsedColumn()]


@app.command()
def spark(
    paths: Annotated[
        list[str], typer.Argument(help="Files, folders or globs; local paths or Hadoop URIs (hdfs://, s3a://…).")
    ],
    out_dir: Annotated[str, typer.Option("--out", help="Folder (or Hadoop URI) of the Parquet tables.")],
    master: Annotated[str | None, typer.Option(help="Spark master (default: spark-submit's, else local[*]).")] = None,
    partitions: Annotated[
        int | None,
        typer.Option(min=1, help="Partitions for the pipeline (default: about 32 articles each, 2 to 16 a core)."),
    ] = None,
    published: PublishedOption = None,
) -> None:
    """Extract articles on Apache Spark into Parquet tables; articles already written are skipped."""
    from newsgraph.spark import job, session

    if published is not None:
        try:
            date.fromisoformat(published)
        except ValueError:
            raise fail(f"--published must be a day as YYYY-MM-DD, not {published!r}") from None
    try:
        with err.status("starting Spark"):
            spark_session = session.start(master)
        with Progress(*_columns(), console=err, transient=True) as progress:
            report = job.run(spark_session, paths, out_dir, published, partitions, progress=SparkBar(progress))
    except NewsgraphError as error:
        raise fail(str(error)) from None
    rate = report.words / max(report.seconds, 1e-9)
    out.print(
        f"new: {report.new}, already written: {report.existing}, failed: {len(report.failed)}"
        f" ({report.words:,} words in {report.seconds:.1f} s, {rate:,.0f} words/s, into {out_dir})",
        markup=False,
    )
    for source, reason in report.failed:
        out.print(f"  failed {source}: {reason}", markup=False)
    if report.failed:
        raise typer.Exit(1)


@app.command()
def load(
    folder: Annotated[Path, typer.Argument(help="The --out folder of a 'newsgraph spark' run.")],
    db: DbOption = None,
) -> None:
    """Store the Parquet output of 'newsgraph spark' as ingest would have; articles already stored are skipped."""
    from newsgraph.spark.load import load as load_folder

    try:
        with Store(db) as store, Progress(*_columns(), console=err, transient=True) as progress:
            report = load_folder(store, folder, progress=Bar(progress))
    except NewsgraphError as error:
        raise fail(str(error)) from None
    out.print(
        f"new: {report.new}, already stored: {report.existing}, failed: {len(report.failed)}"
        f" ({report.words:,} words stored in {store.location})",
        markup=False,
    )
    for source, reason in report.failed:
        out.print(f"  failed {source}: {reason}", markup=False)
    if report.failed:
        raise typer.Exit(1)
