"""`newsgraph eval events`: events scored against PLOVER gold standard records."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from newsgraph.cli.app import eval_app, fail, out
from newsgraph.errors import GoldFormatError
from newsgraph.eval.events import FOLDS, evaluate_events


@eval_app.command("events")
def eval_events(
    gold: Annotated[Path, typer.Option("--gold", help="PLOVER JSON: sentences with their event type and actors.")],
    misses: Annotated[int, typer.Option("--misses", help="Also print this many records we got wrong.")] = 0,
    folds: Annotated[
        str | None,
        typer.Option(
            "--folds", help="List misses only of records in these folds (record i is in fold i mod 5), e.g. 0,1,2."
        ),
    ] = None,
) -> None:
    """Score events against PLOVER: type recall, top-1 type accuracy, type + source actor, frequent errors."""
    if not gold.exists():
        raise fail(f"{gold} does not exist")
    chosen = _folds(folds) if folds is not None else None
    try:
        report = evaluate_events(gold)
    except GoldFormatError as error:
        raise fail(str(error)) from error
    out.print(report.render(show_misses=misses, folds=chosen), markup=False)


def _folds(text: str) -> set[int]:
    try:
        chosen = {int(part) for part in text.split(",") if part.strip()}
    except ValueError:
        chosen = set()
    if not chosen or not chosen <= set(range(FOLDS)):
        raise fail(f"--folds takes fold numbers from 0 to {FOLDS - 1} separated by commas, not {text!r}")
    return chosen
