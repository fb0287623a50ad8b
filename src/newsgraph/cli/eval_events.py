"""`newsgraph eval events`: events scored against PLOVER gold standard records."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from newsgraph.cli.app import eval_app, fail, out
from newsgraph.errors import GoldFormatError
from newsgraph.eval.events import evaluate_events


@eval_app.command("events")
def eval_events(
    gold: Annotated[Path, typer.Option("--gold", help="PLOVER JSON: sentences with their event type and actors.")],
    misses: Annotated[int, typer.Option("--misses", help="Also print this many records we got wrong.")] = 0,
) -> None:
    """Score events against PLOVER: type recall, top-1 type accuracy, type + source actor, frequent errors."""
    if not gold.exists():
        raise fail(f"{gold} does not exist")
    try:
        report = evaluate_events(gold)
    except GoldFormatError as error:
        raise fail(str(error)) from error
    out.print(report.render(show_misses=misses), markup=False)
