"""`newsgraph ingest`: extract articles into the store, with a progress bar and a summary."""

from __future__ import annotations

import time
import traceback
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from newsgraph.cli.app import DbOption, ProcessesOption, PublishedOption, app, err, extractor_for, fail, out
from newsgraph.errors import NewsgraphError
from newsgraph.store import Progress as Step
from newsgraph.store import Store


class Bar:
    """The live line: articles done, articles per second, words per second; failures printed above it."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.task = progress.add_task("ingest", total=None, rates="")
        self.started = time.perf_counter()

    def __call__(self, step: Step) -> None:
        if step.failure is not None:
            source, reason = step.failure
            err.print(f"failed {source}: {reason}", markup=False)
        seconds = max(time.perf_counter() - self.started, 1e-9)
        rates = f"{step.done / seconds:.1f} articles/s, {step.words / seconds:,.0f} words/s"
        self.progress.update(self.task, completed=step.done, rates=rates)


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files, folders or '-' for standard input.")],
    db: DbOption = None,
    published: PublishedOption = None,
    processes: ProcessesOption = 1,
    outlet: Annotated[
        str | None, typer.Option("--outlet", help="The outlet (publisher) of every article read, instead of its own.")
    ] = None,
    metadata: Annotated[
        Path | None,
        typer.Option(
            "--metadata",
            help="A table (TSV, or CSV for .csv) with a row per file: a file name column (filename, file, path or "
            "name) and any of outlet/publisher, published/publication_date, title, author. Its values win over what "
            "the files say; a row that cannot be used is reported as a failed input.",
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            help="The language (ISO 639-1, e.g. 'en') of every article read, instead of the one detected. "
            "Articles not in the model's language are stored without extraction.",
        ),
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Print the traceback of every internal error.")] = False,
) -> None:
    """Extract articles into the store; articles already stored are skipped (re-running adds nothing).

    Exit codes: 0 every input stored or already stored, 1 some inputs failed (each named
    with its reason), 2 a usage or store error, 3 an internal error (a bug: --debug shows it).
    """
    if lang is not None and not (lang.isalpha() and 2 <= len(lang) <= 3):
        raise fail(f"--lang must be a language code such as 'en' or 'de', not {lang!r}", code=2)
    if published is not None:
        try:
            date.fromisoformat(published)
        except ValueError:
            raise fail(f"--published must be a day as YYYY-MM-DD, not {published!r}", code=2) from None
    columns = (
        SpinnerColumn(),
        TextColumn("{task.completed} articles"),
        TextColumn("{task.fields[rates]}"),
        TimeElapsedColumn(),
    )
    try:
        with Store(db) as store:
            # Loaded before the bar starts, so that its rates measure articles, not the model load.
            with err.status("loading the pipeline"):
                extractor = extractor_for(processes)
            with Progress(*columns, console=err, transient=True) as progress:
                report = store.ingest(
                    paths,
                    extractor=extractor,
                    published=published,
                    progress=Bar(progress),
                    outlet=outlet,
                    language=lang.lower() if lang else None,
                    metadata=metadata,
                )
    except NewsgraphError as error:
        raise fail(str(error), code=2) from None
    except Exception as error:  # a bug outside any one input: say so, never pass it off as bad input
        if debug:
            err.print(traceback.format_exc(), markup=False)
        message = f"[E069] internal error: {type(error).__name__}: {error} (run with --debug for the traceback)"
        raise fail(message, code=3) from None
    out.print(
        f"new: {report.new}, already stored: {report.existing}, failed: {len(report.failed)}"
        f" ({report.words:,} words stored in {store.location})",
        markup=False,
    )
    if report.other_language:
        out.print(
            f"not in the model's language ({extractor.language}), stored without extraction:"
            f" {len(report.other_language)}",
            markup=False,
        )
        for source, language in report.other_language:
            out.print(f"  {language}  {source}", markup=False)
    for source, reason in report.failed:
        out.print(f"  failed {source}: {reason}", markup=False)
    if debug:
        for details in report.tracebacks:
            err.print(details, markup=False)
    if report.internal:
        err.print(f"{report.internal} internal error(s): please report them (--debug shows where)", markup=False)
        raise typer.Exit(3)
    if report.failed:
        raise typer.Exit(1)
