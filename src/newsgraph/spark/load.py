"""``newsgraph load``: the Spark job's Parquet tables into a store, as ``ingest`` would have stored them.

Each article's complete newsgraph/1 object (``articles.extraction``) goes through the store's
own writer, in the order ``ingest`` over the same inputs reads them (``input_seq``, ``input``,
``record_seq``), so entity linking and event merging, which look at what is already
stored, come out the same. Loading is idempotent like ingest: stored ids are skipped. Only
pyarrow is needed, no Spark; the articles table is read whole (its ordering columns
first), so memory grows with the size of the output, and a big output loads one
``published_day=…`` folder at a time (each is a table of its own).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from newsgraph.errors import NotSparkOutput
from newsgraph.model import Extraction
from newsgraph.store.loader import Ingestion, ProgressCallback
from newsgraph.store.records import IngestReport

if TYPE_CHECKING:
    import pyarrow as pa

    from newsgraph.store import Store

_ORDER = [("input_seq", "ascending"), ("input", "ascending"), ("record_seq", "ascending")]
_BATCH = 64


def _table(folder: Path, name: str, columns: list[str]) -> pa.Table | None:
    """One table of the output; ``folder`` may also be the articles table itself or one day of it."""
    import pyarrow.dataset as ds

    where = folder / name if (folder / name).is_dir() or name != "articles" else folder
    files = [p for p in where.rglob("*.parquet") if not p.relative_to(where).name.startswith((".", "_"))]
    if not files:
        return None
    try:
        return ds.dataset(files, format="parquet").to_table(columns=columns)
    except Exception as error:  # noqa: BLE001 - pyarrow raises several kinds for damaged files
        raise NotSparkOutput(str(folder), f"cannot read its {name} table ({error})") from error


def read_extractions(folder: Path) -> Iterator[Extraction]:
    """The stored articles' extractions, in ingest's order."""
    table = _table(folder, "articles", ["id", "input_seq", "input", "record_seq", "extraction"])
    if table is None:
        raise NotSparkOutput(str(folder), "no articles table (no .parquet files under articles/)")
    table = table.sort_by(_ORDER)
    for batch in table.to_batches(_BATCH):
        for data in batch.column("extraction").to_pylist():
            yield Extraction.from_dict(json.loads(data))


def read_errors(folder: Path) -> list[tuple[str, str]]:
    """What the job could not read or extract, in a stable order."""
    table = _table(folder, "errors", ["source", "problem"])
    if table is None:
        return []
    return sorted(zip(table.column("source").to_pylist(), table.column("problem").to_pylist(), strict=True))


def load(store: Store, folder: str | Path, progress: ProgressCallback | None = None) -> IngestReport:
    """Store every article of a Spark output folder; recorded as a run, like an ingest."""
    folder = Path(folder)
    if not folder.is_dir():
        raise NotSparkOutput(str(folder), "no such folder")
    run = Ingestion(store, progress)
    run_id = run.start([str(folder)])
    run.report.run_id = run_id
    try:
        for extraction in read_extractions(folder):
            run.added(extraction, run_id)
        for source, problem in read_errors(folder):
            run.fail(source, problem)
    finally:
        run.finish(run_id)
    return run.report
