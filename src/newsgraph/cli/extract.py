"""`newsgraph extract`: print what newsgraph finds, store nothing."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from newsgraph.cli.app import ProcessesOption, PublishedOption, app, err, extractor_for, out
from newsgraph.cli.render import extraction_table
from newsgraph.errors import InputError
from newsgraph.ingest import read_paths
from newsgraph.ingest.language import by_language
from newsgraph.model import Article, Extraction
from newsgraph.pipeline import ExtractionFailure


class Format(StrEnum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files, folders or '-' for standard input.")],
    format: Annotated[
        Format, typer.Option("--format", "-f", help="json (pretty), jsonl (one line each) or table.")
    ] = Format.json,
    published: PublishedOption = None,
    processes: ProcessesOption = 1,
) -> None:
    """Extract entities, quotes, figures, dates and events from articles and print them (stores nothing)."""
    failed = 0

    def report(error: InputError) -> None:
        nonlocal failed
        failed += 1
        err.print(f"skipped {error}", markup=False)

    extractor = extractor_for(processes)
    other_language: list[Article] = []
    articles = by_language(
        read_paths(paths, on_error=report, published=published), extractor.language, other_language.append
    )
    for result in extractor.extract_many(articles):
        if isinstance(result, ExtractionFailure):
            failed += 1
            err.print(f"failed {result.error}", markup=False)
            continue
        _print(result, format)
    for article in other_language:
        # The model would make nonsense of it (ingest stores it the same way, unextracted).
        err.print(
            f"not in the model's language ({extractor.language}): {article.metadata['language']}  "
            f"{article.source or article.id}, printed without extraction",
            markup=False,
        )
        _print(Extraction(article=article), format)
    if failed:
        raise typer.Exit(1)


def _print(extraction: Extraction, format: Format) -> None:
    if format is Format.table:
        out.print(extraction_table(extraction))
    elif format is Format.jsonl:
        out.print(json.dumps(extraction.to_dict(), ensure_ascii=False), markup=False)
    else:
        out.print(json.dumps(extraction.to_dict(), ensure_ascii=False, indent=2), markup=False)
