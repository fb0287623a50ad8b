"""`newsgraph eval people`: how many records the most-quoted people of a store are split over."""

from __future__ import annotations

from typing import Annotated

import typer

from newsgraph.cli.app import DbOption, eval_app, out
from newsgraph.cli.browse import opened
from newsgraph.eval.people import most_quoted_people


@eval_app.command("people")
def eval_people(
    top: Annotated[int, typer.Option("--top", min=1, help="How many of the most-quoted people to check.")] = 10,
    db: DbOption = None,
) -> None:
    """Check that each of the most-quoted people of a store is one entity, typed PERSON."""
    with opened(db) as store, store.reading() as connection:
        report = most_quoted_people(connection, top)
    out.print(report.render(), markup=False)
