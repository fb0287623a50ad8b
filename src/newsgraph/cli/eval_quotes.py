"""`newsgraph eval quotes`: score quotes and speakers against brat or gold JSON and print the figures."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from newsgraph.cli.app import eval_app, fail, out
from newsgraph.errors import NewsgraphError
from newsgraph.eval.gold import read_gold
from newsgraph.eval.quotes import evaluate
from newsgraph.eval.quotes_report import format_misses, format_report
from newsgraph.pipeline import Extractor


@eval_app.command("quotes")
def eval_quotes(
    gold: Annotated[
        Path,
        typer.Option("--gold", help="A brat folder (text/ + attributions/, PolNeAR's format) or a gold JSON file."),
    ],
    doc: Annotated[
        str | None, typer.Option("--doc", help="Also print the misses of the document of this name.")
    ] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Score only the first N documents.")] = None,
) -> None:
    """Precision, recall and F1 of quote contents, sources and cues; speaker accuracy; misses by kind."""
    try:
        golds = read_gold(gold)
    except NewsgraphError as error:
        raise fail(str(error)) from error
    if doc is not None:
        golds = [g for g in golds if g.name == doc or doc in g.name]
        if not golds:
            raise fail(f"no document named {doc!r} in {gold}")
    if limit is not None:
        golds = golds[:limit]
    report = evaluate(golds, Extractor())
    out.print(format_report(report), markup=False)
    if doc is not None:
        for gold_doc, result in zip(golds, report.docs, strict=True):
            out.print("", markup=False)
            out.print(format_misses(gold_doc, result), markup=False)
