"""`newsgraph serve`: the JSON API and the web pages over a store, on this machine only by default."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated

import typer

from newsgraph.api import DEFAULT_MAX_BODY
from newsgraph.cli.app import DbOption, app, err, fail
from newsgraph.settings import db_url_from


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option(help="Address to listen on; 127.0.0.1 keeps it on this machine (0.0.0.0 opens it).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    allow_extract: Annotated[
        bool, typer.Option("--allow-extract", help="Enable POST /api/extract (runs the pipeline; stores nothing).")
    ] = False,
    max_body: Annotated[
        int, typer.Option(help="Largest body POST /api/extract accepts, in bytes (larger gets 413).", min=1)
    ] = DEFAULT_MAX_BODY,
    workers: Annotated[
        int,
        typer.Option(
            help="Processes answering requests. One process runs the pages' Python on one core at a time; "
            "give the machine's cores to serve many clients at once.",
            min=1,
        ),
    ] = 1,
) -> None:
    """Serve the web pages and the JSON API (OpenAPI at /docs) over the store, read-only."""
    import uvicorn

    from newsgraph.api import create_app
    from newsgraph.api.app import SERVE_OPTIONS, keep_start_up_objects
    from newsgraph.api.protocol import NO_DELAY
    from newsgraph.errors import NewsgraphError
    from newsgraph.store import Store

    url = db_url_from(db)
    if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
        raise fail(f"no store at {url.removeprefix('sqlite:///')}: fill one with `newsgraph ingest FILES --db PATH`")
    try:
        store = Store(url)
    except NewsgraphError as error:
        raise fail(str(error)) from None
    err.print(f"newsgraph: serving http://{host}:{port}/  (API reference at /docs; Ctrl-C stops)", markup=False)
    if workers == 1:
        application = create_app(store, allow_extract=allow_extract, max_body=max_body)
        keep_start_up_objects()
        uvicorn.run(application, host=host, port=port, log_level="warning")
        return
    # Each worker process opens the store itself (app.from_environment), told what to serve by the environment.
    store.close()
    os.environ[SERVE_OPTIONS] = json.dumps({"db": url, "allow_extract": allow_extract, "max_body": max_body})
    factory = "newsgraph.api.app:from_environment"
    uvicorn.run(factory, factory=True, workers=workers, host=host, port=port, log_level="warning", http=NO_DELAY)
