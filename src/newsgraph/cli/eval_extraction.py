"""`newsgraph eval extraction`: body text of HTML pages against the body a human marked."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from newsgraph.cli.app import eval_app, fail, out
from newsgraph.errors import NewsgraphError
from newsgraph.eval.extraction import format_totals, gold_pages, score_pages, totals


@eval_app.command("extraction")
def eval_extraction(
    gold: Annotated[
        Path,
        typer.Option("--gold", help="A folder with ground-truth.json and html/<id>.html.gz (the benchmark's layout)."),
    ],
    worst: Annotated[int, typer.Option("--worst", min=0, help="Also list the N pages with the lowest F1.")] = 0,
) -> None:
    """Whitespace-token precision, recall and F1 per page, averaged: trafilatura alone, then with our filters."""
    try:
        pairs = list(score_pages(gold_pages(gold)))
    except NewsgraphError as error:
        raise fail(str(error)) from error
    out.print(format_totals("trafilatura alone", totals(a for a, _ in pairs)), markup=False)
    out.print(format_totals("with furniture filters", totals(f for _, f in pairs)), markup=False)
    for _, page in sorted(pairs, key=lambda pair: pair[1].f1)[:worst]:
        out.print(
            f"  {page.page[:16]}  F1 {page.f1:.3f}  precision {page.precision:.3f}  recall {page.recall:.3f}",
            markup=False,
        )
