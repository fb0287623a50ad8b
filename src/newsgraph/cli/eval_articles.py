"""`newsgraph eval articles`: every part of whole articles against newsgraph gold JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from newsgraph.cli.app import eval_app, fail, out
from newsgraph.errors import NewsgraphError
from newsgraph.eval.articles import evaluate_articles, format_totals
from newsgraph.pipeline import Extractor


@eval_app.command("articles")
def eval_articles(
    gold: Annotated[
        Path, typer.Option("--gold", help="Gold JSON: one article (like gold/seed.json) or {'articles': [...]}.")
    ],
    misses: Annotated[
        bool, typer.Option("--misses", help="Also list what was missed or added, article by article.")
    ] = False,
) -> None:
    """Quotes, entities, figures, dates, events of whole articles: right out of required; false quotes and events."""
    try:
        scores = list(evaluate_articles(gold, Extractor()))
    except NewsgraphError as error:
        raise fail(str(error)) from error
    out.print(format_totals(scores), markup=False)
    if misses:
        for score in scores:
            lines = [m for part in score.parts.values() for m in part.misses]
            if lines:
                out.print(f"\n{score.input}", markup=False)
                for line in lines:
                    out.print(f"  {line}", markup=False)
