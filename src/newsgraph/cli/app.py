"""The Typer applications every command module registers on, and their shared options."""

from __future__ import annotations

import os
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console

from newsgraph.pipeline import Extractor, default_extractor
from newsgraph.settings import Settings

app = typer.Typer(
    name="newsgraph",
    help="Who said what, about whom, when, and with which numbers, in news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class QuoteMode(StrEnum):
    """How quotes are found: with the trained attribution model, or by the rules alone."""

    model = "model"
    fast = "fast"


@app.callback()
def options(
    quotes: Annotated[
        QuoteMode | None,
        typer.Option(
            "--quotes",
            help="model: the rules weighed by the trained attribution model (default); "
            "fast: the rules alone, quicker. Also NEWSGRAPH_QUOTES.",
        ),
    ] = None,
    negated_events: Annotated[
        bool,
        typer.Option(
            "--negated-events",
            help="Keep events told as not done ('did not attack', 'left without arresting anyone'), marked "
            "negated; by default they are left out, as the PLOVER manual allows. Also NEWSGRAPH_NEGATED_EVENTS=1.",
        ),
    ] = False,
) -> None:
    """Who said what, about whom, when, and with which numbers, in news articles."""
    # Through the environment, so that worker processes and every Settings() agree.
    if quotes is not None:
        os.environ["NEWSGRAPH_QUOTES"] = quotes.value
    if negated_events:
        os.environ["NEWSGRAPH_NEGATED_EVENTS"] = "1"


eval_app = typer.Typer(help="Score newsgraph against gold annotations and print precision, recall and F1.")
app.add_typer(eval_app, name="eval")

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", help="Store: a SQLite file path or a database URL (default: NEWSGRAPH_DB or the user data dir)."
    ),
]
PublishedOption = Annotated[
    str | None,
    typer.Option("--published", help="Publication date (YYYY-MM-DD) for articles that do not carry one."),
]
ProcessesOption = Annotated[
    int,
    typer.Option("--processes", "-j", min=1, help="Worker processes for the pipeline (each loads its own model)."),
]


def extractor_for(processes: int) -> Extractor:
    """The process-wide extractor, or one that spreads articles over worker processes."""
    return default_extractor() if processes == 1 else Extractor(Settings(n_process=processes))


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print one error line and give the exit to raise."""
    err.print(f"[red]error:[/red] {message}", markup=True)
    return typer.Exit(code)
