"""`newsgraph bench`: speed as a ratio to bare spaCy, and peak memory."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from newsgraph.bench import load_articles, run_benchmark, run_memory
from newsgraph.cli.app import app, err, out

DEFAULT_TEXTS = Path("../shared/data/polnear/dev/text")


@app.command()
def bench(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Articles to time (default: the PolNeAR dev texts in ../shared).")
    ] = None,
    rounds: Annotated[int, typer.Option(help="Alternating rounds; each stage's fastest round counts.")] = 3,
    ingest: Annotated[bool, typer.Option(help="Also time ingest into a fresh SQLite store.")] = True,
    memory: Annotated[
        int,
        typer.Option(help="Instead of timing, stream this many short articles through ingest and report peak memory."),
    ] = 0,
) -> None:
    """Time bare spaCy, extract and ingest on the same texts and print words/s and ratios."""
    paths = paths or [DEFAULT_TEXTS]
    missing = [p for p in paths if not p.exists()]
    if missing:
        err.print(f"error: {missing[0]} does not exist; name the articles to time", markup=False)
        raise typer.Exit(2)
    articles = load_articles(paths)
    if not articles:
        err.print("error: no articles could be read from the paths given", markup=False)
        raise typer.Exit(2)
    if memory:
        out.print(run_memory(articles, memory).render(), markup=False)
        return
    report = run_benchmark(articles, rounds=rounds, with_ingest=ingest, progress=lambda line: err.print(line))
    out.print(report.render(), markup=False)
