"""`newsgraph eval figures`: figures scored against NewsQuant."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from newsgraph.cli.app import eval_app, fail, out
from newsgraph.errors import GoldFormatError
from newsgraph.eval.figures import evaluate_figures


@eval_app.command("figures")
def eval_figures(
    gold: Annotated[Path, typer.Option("--gold", help="NewsQuant JSON: sentences with their quantities.")],
    misses: Annotated[int, typer.Option("--misses", help="Also print this many sentences with misses.")] = 0,
) -> None:
    """Score figures against NewsQuant: precision, recall and F1 for value, value+change and value+unit."""
    if not gold.exists():
        raise fail(f"{gold} does not exist")
    try:
        report = evaluate_figures(gold)
    except GoldFormatError as error:
        raise fail(str(error)) from error
    out.print(report.render(show_misses=misses), markup=False)
