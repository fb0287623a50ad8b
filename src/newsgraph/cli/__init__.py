"""The command line: thin commands over the library, one module per area.

Importing each module registers its commands on ``app``.
"""

from __future__ import annotations

from newsgraph.cli import (  # noqa: F401
    bench,
    browse,
    counts,
    entities,
    eval_articles,
    eval_events,
    eval_extraction,
    eval_figures,
    eval_people,
    eval_quotes,
    export,
    extract,
    ingest,
    serve,
    spark,
)
from newsgraph.cli.app import app


def main() -> None:
    app()
