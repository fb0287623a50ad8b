"""The command line: thin commands over the library, one module per area."""

from __future__ import annotations

from newsgraph.cli import bench, extract  # noqa: F401  (each import registers its commands)
from newsgraph.cli import eval_figures  # noqa: F401
from newsgraph.cli import eval_articles, eval_quotes  # noqa: F401
from newsgraph.cli import eval_events  # noqa: F401
from newsgraph.cli import serve  # noqa: F401
from newsgraph.cli import browse, export, ingest  # noqa: F401
from newsgraph.cli.app import app


def main() -> None:
    app()
