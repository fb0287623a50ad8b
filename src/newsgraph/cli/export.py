"""`newsgraph export`: the store as JSON Lines (the output contract) or as CSV / Parquet tables."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from newsgraph.cli.app import DbOption, app, err, out
from newsgraph.cli.browse import opened
from newsgraph.store.export import export_jsonl, export_tables


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    parquet = "parquet"
    csv = "csv"


@app.command()
def export(
    format: Annotated[
        ExportFormat,
        typer.Option("--format", "-f", help="jsonl: one extraction per line; parquet, csv: one table per kind."),
    ] = ExportFormat.jsonl,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="jsonl: a file (default: standard output); parquet, csv: a folder (default: ./newsgraph-export).",
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """Export the store as JSON Lines (one extraction per line) or as CSV / Parquet tables (one per kind)."""
    with opened(db) as store:
        if format is ExportFormat.jsonl:
            if output is None:
                export_jsonl(store, sys.stdout)
                return
            with output.open("w", encoding="utf-8") as stream:
                count = export_jsonl(store, stream)
            err.print(f"{count} articles written to {output}", markup=False)
            return
        folder = output or Path("newsgraph-export")
        written = export_tables(store, folder, format.value)
    summary = ", ".join(f"{name} {count}" for name, count in written.items())
    out.print(f"{format.value} tables written to {folder}: {summary}", markup=False)
